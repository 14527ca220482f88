"""The span function of each :class:`~answer.policy.Span` a policy row names, and the
figures of other documents that differ from the one an answer quotes."""

from __future__ import annotations

from collections.abc import Callable

from answer.clauses import clauses_of
from answer.entity import entity_span
from answer.extract import Candidate, fits
from answer.model import Citation
from answer.people import date_span
from answer.policy import Span
from answer.quantities import numbers_in
from answer.signals import Signals
from answer.spans import extend_span, short_span
from answer.together import breakdown, span_of
from retrieval.intent import Intent
from retrieval.query import Query


def _figure_span(q: Query, sig: Signals, best: Candidate) -> tuple[int, int]:
    """The quantity asked; a target asked in words keeps the clauses that continue it."""
    span = short_span(q, sig, best)
    c = best.clause
    part = breakdown(q.norm, c.sent_norm, (span[0] - c.sent_start, span[1] - c.sent_start))
    if part is not None:
        return span_of(part, c.sent_start)
    if q.intent == Intent.COMPARE:
        return span  # a compare part is re-asked as a number or target question
    return extend_span(sig, best, span, clauses_of(best.passage.text, best.passage.start))


def _name_span(q: Query, sig: Signals, best: Candidate) -> tuple[int, int]:
    """A date for "when", else the name the question's verb governs, else the clause."""
    return date_span(q, best) or entity_span(q, best) or short_span(q, sig, best)


SPANS: dict[Span, Callable[[Query, Signals, Candidate], tuple[int, int]]] = {
    Span.FIGURE: _figure_span,
    Span.NAME: _name_span,
    Span.CLAUSE: short_span,
    Span.ITEMS: short_span,  # only when no enumeration fits (see answer.listing.list_result)
}
"""The span function of each :class:`Span` (the policy row names one)."""


def conflicts(q: Query, sig: Signals, best: Candidate, cands: list[Candidate]) -> list[Candidate]:
    """Fitting candidates from other documents that state a different quantity."""
    if q.intent not in (Intent.NUMBER, Intent.TARGET):
        return []
    mine = {m.group(0) for m in numbers_in(best.clause.norm)}
    out: list[Candidate] = []
    seen = {best.doc.doc_id}
    for c in cands[1:]:
        if c.doc.doc_id in seen or c.score < best.score - 0.3 or not fits(q, sig, c, min_cov=0.9):
            continue
        theirs = {m.group(0) for m in numbers_in(c.clause.norm)}
        if theirs and not theirs & mine:
            out.append(c)
            seen.add(c.doc.doc_id)
    return out


def span_text(c: Citation) -> str:
    """The short answer of a citation, cut from its quote (the quote when it has none)."""
    if c.span_start < c.start or c.span_end > c.end:
        return c.quote
    return c.quote[c.span_start - c.start : c.span_end - c.start]
