"""Parts of a comparison answered twice, from one clause, or from another place.

Each part of "…强度排第几?创新指数又排第几" borrows the other's words and may quote the very
figure the other took (:func:`answered_twice`); a change asked from one figure to another
("由4771公里增加到2.52万公里") answered twice gives each part its own figure (:func:`from_to`);
parts of a comparison naming no place answered from different places' documents
(:func:`astray_places`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from answer.extract import Candidate
from answer.model import Citation
from answer.quantities import numbers_in
from answer.results import Result, respan
from answer.spans import qualified
from corpus.model import Document
from corpus.normalize import normalize, squash
from retrieval.naming import NAMED_FIT, name_fit
from retrieval.part_labels import ASKS_FROM_TO, CHANGE_VERB
from retrieval.query import Query


def same_span(a: Citation, b: Citation) -> bool:
    """Whether two citations quote the same figure (one document, the same short answer)."""
    return a.doc_id == b.doc_id and _span_words(a) == _span_words(b)


def _span_words(c: Citation) -> str:
    return squash(c.quote[c.span_start - c.start : c.span_end - c.start])


def quotes_span(cand: Candidate, c: Citation) -> bool:
    """Whether a candidate's clause holds the short answer a citation quotes."""
    clause = cand.clause
    return cand.doc.doc_id == c.doc_id and clause.start <= c.span_start < clause.end


# A clause giving a change from one figure to another: "由4771公里增加到2.52万公里"
_FROM_TO = re.compile(rf"[从由]([^,;。]{{0,16}}?)(?:{CHANGE_VERB})?(?:到|至)")


def from_to(question_norm: str, first: Result, second: Result) -> list[Result] | None:
    """A question asking a change from one figure to another answered with a clause
    holding both ("高速公路由4771公里增加到2.52万公里"), by either part (the other may
    have strayed: "存栏在50万头以上"): the figure after 由/从 for the first part, the one
    after 到 for the second; None when it asks none or neither clause gives such a pair."""
    if not ASKS_FROM_TO.search(question_norm):
        return None
    for c in (first.citation, second.citation):
        pair = _from_to_in(c) if c is not None and c.span_start >= 0 else None
        if c is not None and pair is not None:
            return [respan(first, c, pair[0]), respan(second, c, pair[1])]
    return None


def _from_to_in(c: Citation) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The figures a cited clause changes from and to, around its answer (document
    offsets), or None."""
    quote = normalize(c.quote)
    at = c.span_start - c.start
    clause = _FROM_TO.search(quote, max(0, quote.rfind(",", 0, at) + 1), c.span_end - c.start)
    if clause is None:
        return None
    before = numbers_in(quote[clause.start() : clause.end()])
    after = [m for m in numbers_in(quote) if m.start() >= clause.end()][:1]
    if len(before) != 1 or not after:
        return None
    a = (clause.start() + before[0].start(), clause.start() + before[0].end())
    b = (after[0].start(), after[0].end())
    # (each with the bound written after it: "从2.1%提高到2.5%以上")
    (a0, a1), (b0, b1) = qualified(quote, a), qualified(quote, b)
    return (c.start + a0, c.start + a1), (c.start + b0, c.start + b1)


def answered_twice(results: list[Result]) -> set[int]:
    """Parts answered with the very span another part took: two things asked, one
    answered twice (each part borrowed the other's words, "…强度排第几?创新指数又排第几"),
    also where a document states the same words twice."""
    seen: dict[tuple[str, str], int] = {}
    twice: set[int] = set()
    for i, r in enumerate(results):
        c = r.citation
        if not r.found or c is None:
            continue
        key = (c.doc_id, _span_words(c))
        if key in seen:
            twice |= {seen[key], i}
        seen.setdefault(key, i)
    return twice


def astray_places(
    parts: Sequence[Query], results: Sequence[Result], documents: Mapping[str, Document]
) -> tuple[str, list[int]]:
    """When a comparison names no place ("98年和04年GDP分别增长了多少") and its parts were
    answered from documents of different places, the place of the first answered part and
    the parts answered elsewhere: the question compares one place's figures, not two
    places'. ("", []) when the parts agree, a place is named, or nothing was answered."""
    if any(p.regions for p in parts):
        return "", []
    places = [
        documents[r.citation.doc_id].region if r.found and r.citation is not None else ""
        for r in results
    ]
    first = next((p for p in places if p), "")
    if not first:
        return "", []
    return first, [i for i, p in enumerate(places) if p and p != first]


def astray_documents(
    name: str, results: Sequence[Result], documents: Mapping[str, Document]
) -> tuple[str, list[int]]:
    """When a comparison names one document (``name``: "国家智能制造标准体系建设指南里,到
    2018年、2019年…各是多少项") and its parts were answered from different documents, or
    some not at all: the document the name fits best among those answering (then the one
    answering most parts), and the parts answered elsewhere or not at all, to be asked
    within it. ("", []) when no name is given, every part agrees, or the name fits none of
    them."""
    cited = [r.citation.doc_id if r.found and r.citation is not None else "" for r in results]
    answering = [d for d in cited if d]
    if not name or not answering or (len(set(answering)) == 1 and len(answering) == len(cited)):
        return "", []
    fit = {d: name_fit(name, documents[d]) for d in answering}  # (each document once)
    best = max(fit, key=lambda d: (fit[d], answering.count(d)))
    if fit[best] < NAMED_FIT:  # (the name names none of them: names_document)
        return "", []
    return best, [i for i, d in enumerate(cited) if d != best]
