"""A comparison's parts kept to what the question compares within: one place when it names
none ("98年和04年GDP分别增长了多少"), one document when it names one ("…指南里,到2018年、
2019年…各是多少项"). A part answered elsewhere is asked again within it (:mod:`answer.twice`
finds which)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from answer.results import Result
from answer.twice import astray_documents, astray_places
from corpus.model import Document
from retrieval.model import Filters
from retrieval.query import Query

Ask = Callable[[Query, Filters | None], Result]


def one_place(
    parts: Sequence[Query],
    results: list[Result],
    filters: Filters | None,
    ask: Ask,
    documents: Mapping[str, Document],
) -> None:
    """A comparison naming no place compares one place's figures: a part answered from
    another place's document is asked again within the first answered part's place."""
    place, astray = astray_places(parts, results, documents)
    _ask_again(results, astray, lambda i: ask(replace(parts[i], regions=(place,)), filters))


def one_document(
    q: Query,
    parts: Sequence[Query],
    results: list[Result],
    filters: Filters | None,
    ask: Ask,
    documents: Mapping[str, Document],
) -> None:
    """A comparison naming one document compares its figures: a part answered from
    another document, or not at all, is asked again within the one the name fits best
    among those answering (:func:`answer.twice.astray_documents`)."""
    best, astray = astray_documents(q.doc_name, results, documents)
    scope = replace(filters or Filters(), doc_ids=(best,))
    _ask_again(results, astray, lambda i: ask(parts[i], scope))


def one_edition(
    q: Query,
    parts: Sequence[Query],
    results: list[Result],
    filters: Filters | None,
    ask: Ask,
    documents: Mapping[str, Document],
    issued_in: Callable[[tuple[int, ...]], tuple[str, ...]],
) -> None:
    """Places compared with no year named ("去年重庆和六盘水的研发投入强度分别是多少") are
    compared in one year: when their answers come from documents issued in different years,
    a part answered from a later one is asked again among the documents issued in the
    earliest of those years (the later report of one place has no counterpart for the other)."""
    if q.years or q.doc_years or len({p.regions[:1] for p in parts}) < len(parts):
        return
    issued = [
        documents[r.citation.doc_id].issued if r.found and r.citation is not None else None
        for r in results
    ]
    years = {y for y in issued if y is not None}
    if len(years) < 2:
        return
    first = min(years)
    scope = replace(filters or Filters(), doc_ids=issued_in((first,)))
    later = [i for i, y in enumerate(issued) if y is not None and y > first and not parts[i].years]
    _ask_again(results, later, lambda i: ask(parts[i], scope))


def _ask_again(results: list[Result], astray: list[int], again: Callable[[int], Result]) -> None:
    """Each astray part asked again; what it finds replaces its answer."""
    for i in astray:
        found = again(i)
        if found.found:
            results[i] = found
