"""Per-question judgements and their aggregation.

* :func:`answer_correct` — an answerable question is right when it was
  answered and every gold answer string occurs in the short answer (a list
  question with ``min_items``: at least that share of them); with
  ``exact_docs`` every cited document is a gold document; with ``labels``
  every label occurs in the short answer. An unanswerable one is right when
  it was refused. Both sides are compared in
  :func:`corpus.normalize.canonical_number_text` form (simplified script,
  half width, no whitespace, no thousands separators), and a gold answer that
  starts or ends with a digit must not continue a longer number in the answer
  (gold ``50`` does not match ``500``, gold ``3.4`` does not match ``3.45``).
* :func:`citation_correct` — the first citation is in a gold document.
* :func:`evidence_rank` — 1-based rank of the first retrieved passage that
  contains a gold evidence quote (for which-document questions: the first
  passage of a gold document).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from answer.model import Answer
from corpus.normalize import canonical_number_text, normalize, squash
from evals.gold import GoldItem
from retrieval.model import Hit

MIN_OVERLAP_CHARS = 30
"""A passage overlapping a quote by this many characters contains it, however long the quote."""

Span = tuple[str, int, int]
"""(doc_id, start, end) of an evidence quote in its document's original text."""


def _answer_pattern(gold: str) -> re.Pattern[str]:
    """Regex finding ``gold`` (already canonical) without extending a number."""
    head = r"(?<![\d.])" if gold[:1].isdigit() else ""
    tail = r"(?!\.?\d)" if gold[-1:].isdigit() else ""
    return re.compile(head + re.escape(gold) + tail)


def contains_answer(text: str, gold: str) -> bool:
    """True when gold answer string ``gold`` occurs in ``text`` (see module docstring).

    Args:
        text: the system's short answer.
        gold: one gold answer string.
    """
    g = canonical_number_text(gold)
    return bool(g) and _answer_pattern(g).search(canonical_number_text(text)) is not None


def missing_answers(item: GoldItem, answer: Answer) -> list[str]:
    """Gold answer strings that the short answer lacks."""
    return [g for g in item.answers if not contains_answer(answer.answer, g)]


def enough_items(item: GoldItem, missing: list[str]) -> bool:
    """Whether the answer names the share of gold answers the item asks for."""
    if not item.answers:
        return True
    named = len(item.answers) - len(missing)
    return named / len(item.answers) >= item.min_items - 1e-9


def foreign_docs(item: GoldItem, answer: Answer) -> list[str]:
    """Cited documents outside the gold ones, for an ``exact_docs`` item (else [])."""
    if not item.exact_docs:
        return []
    return list(dict.fromkeys(c.doc_id for c in answer.citations if c.doc_id not in item.docs))


def missing_labels(item: GoldItem, answer: Answer) -> list[str]:
    """Labels (whose figure is whose) that the short answer does not say."""
    text = squash(answer.answer)
    return [label for label in item.labels if squash(label) not in text]


def answer_correct(item: GoldItem, answer: Answer) -> bool:
    """Whether the system's answer is right for a gold item.

    Args:
        item: the gold question.
        answer: what the system returned.

    Returns:
        For an answerable question: found and every gold answer string in
        ``answer.answer``. For an unanswerable one: not found.
    """
    if not item.answerable:
        return not answer.found
    return answer.found and not why_wrong(item, answer)


def why_wrong(item: GoldItem, answer: Answer) -> str:
    """A short reason why the answer is wrong ("" when it is right).

    Examples: "refused an answerable question", "answer lacks '637'",
    "answered an unanswerable question".
    """
    if not item.answerable:
        return "answered an unanswerable question" if answer.found else ""
    if not answer.found:
        return "refused an answerable question"
    missing = missing_answers(item, answer)
    if not enough_items(item, missing):
        return "answer lacks " + ", ".join(repr(m) for m in missing)
    foreign = foreign_docs(item, answer)
    if foreign:
        return "cites other documents: " + ", ".join(foreign)
    labels = missing_labels(item, answer)
    if labels:
        return "answer does not say whose: lacks label " + ", ".join(repr(x) for x in labels)
    return ""


def citation_correct(item: GoldItem, answer: Answer) -> bool:
    """Whether the first citation comes from one of the item's gold documents."""
    return bool(answer.citations) and answer.citations[0].doc_id in item.docs


def _occurrences(haystack: str, needle: str) -> Iterable[int]:
    start = haystack.find(needle)
    while start >= 0:
        yield start
        start = haystack.find(needle, start + 1)


def evidence_spans(item: GoldItem, documents: Mapping[str, str]) -> list[Span]:
    """Every occurrence of the item's evidence quotes in its documents.

    A quote is searched verbatim in the original text; when absent there it
    is searched in the normalised text (same offsets, see
    :func:`corpus.normalize.normalize`). Documents missing from
    ``documents`` are ignored.

    Args:
        item: the gold question.
        documents: document id → original text.

    Returns:
        (doc_id, start, end) of each occurrence.
    """
    spans: list[Span] = []
    for doc_id in item.docs:
        text = documents.get(doc_id)
        if text is None:
            continue
        norm: str | None = None
        for quote in item.evidence:
            found = list(_occurrences(text, quote))
            if not found:
                norm = norm if norm is not None else normalize(text)
                found = list(_occurrences(norm, normalize(quote)))
            spans.extend((doc_id, s, s + len(quote)) for s in found)
    return spans


def hit_contains(hit: Hit, span: Span) -> bool:
    """Whether a retrieved passage contains an evidence span.

    It does when the passage is in the span's document and overlaps the span
    by at least half of the span's length or :data:`MIN_OVERLAP_CHARS`,
    whichever is smaller.
    """
    doc_id, start, end = span
    p = hit.passage
    if p.doc_id != doc_id:
        return False
    overlap = min(end, p.end) - max(start, p.start)
    return overlap > 0 and overlap >= min((end - start) / 2, MIN_OVERLAP_CHARS)


def scorable(item: GoldItem, documents: Mapping[str, str]) -> bool:
    """Whether retrieval can be judged for the item against these documents.

    True for an answerable question whose gold document is present and (for
    all but which-document questions) whose evidence can be located.
    """
    if not item.answerable:
        return False
    if item.type == "which_doc":
        return any(d in documents for d in item.docs)
    return bool(evidence_spans(item, documents))


def evidence_rank(item: GoldItem, hits: Sequence[Hit], documents: Mapping[str, str]) -> int | None:
    """1-based rank of the first hit that contains gold evidence.

    Args:
        item: the gold question.
        hits: retrieved passages, best first.
        documents: document id → original text.

    Returns:
        The rank, or None when no hit contains evidence (or the item has no
        evidence that can be located).
    """
    if not item.answerable:
        return None
    if item.type == "which_doc":
        return next((i for i, h in enumerate(hits, 1) if h.passage.doc_id in item.docs), None)
    spans = evidence_spans(item, documents)
    for i, hit in enumerate(hits, 1):
        if any(hit_contains(hit, s) for s in spans):
            return i
    return None


def share(flags: Iterable[bool]) -> float | None:
    """Share of True values, rounded to 4 places (None for no values)."""
    values = list(flags)
    return round(sum(values) / len(values), 4) if values else None


def recall_at(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of ranks that are at most ``k`` (None for no ranks)."""
    return share(r is not None and r <= k for r in ranks)


def mrr(ranks: Sequence[int | None]) -> float | None:
    """Mean reciprocal rank (a miss counts 0; None for no ranks)."""
    if not ranks:
        return None
    return round(sum(1.0 / r for r in ranks if r) / len(ranks), 4)


def percentiles(values: Sequence[float]) -> dict[str, float | None]:
    """p50 and p95 of ``values`` (linear interpolation), rounded to 0.1.

    Returns:
        ``{"p50": …, "p95": …}``, both None for no values.
    """
    if not values:
        return {"p50": None, "p95": None}
    p50, p95 = np.percentile(np.asarray(values, dtype=np.float64), [50, 95])
    return {"p50": round(float(p50), 1), "p95": round(float(p95), 1)}
