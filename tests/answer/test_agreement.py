"""answer.agreement: a comparison's parts kept to one place, one document, one year."""

from __future__ import annotations

from answer.agreement import one_edition
from answer.model import Citation
from answer.results import Result
from corpus.model import Document
from retrieval.model import Filters
from retrieval.parts import split_parts
from retrieval.query import Query, parse_query

DOCS = {
    "a24": Document(doc_id="a24", text="x", norm="x", region="杭州市", issued=2024),
    "a25": Document(doc_id="a25", text="x", norm="x", region="杭州市", issued=2025),
    "b24": Document(doc_id="b24", text="x", norm="x", region="温州市", issued=2024),
}


def _answered(doc_id: str) -> Result:
    return Result(True, doc_id, Citation(doc_id, "", "", "x", 0, 1, 0, 1, "", "", None, ""), None)


def _issued_in(years: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(d for d, doc in DOCS.items() if doc.issued in years)


def _run(question: str, answered: list[str]) -> tuple[list[str], list[tuple[str, ...]]]:
    q = parse_query(question)
    parts = split_parts(q)
    asked: list[tuple[str, ...]] = []

    def ask(part: Query, scope: Filters | None) -> Result:
        kept = scope.doc_ids if scope else ()
        asked.append(kept)
        region = part.regions[0]
        return next(
            (_answered(d) for d in kept if DOCS[d].region == region), Result(False, "", None, None)
        )

    results = [_answered(d) for d in answered]
    one_edition(q, parts, results, None, ask, DOCS, _issued_in)
    return [r.span for r in results], asked


def test_places_compared_with_no_year_are_read_in_the_earliest_years_documents() -> None:
    got, asked = _run("去年杭州和温州的研发投入强度分别是多少？", ["a25", "b24"])
    assert got == ["a24", "b24"]  # 杭州 2025 report has no counterpart for 温州: its 2024 one
    assert asked == [("a24", "b24")]


def test_a_year_named_or_documents_of_one_year_keep_the_answers() -> None:
    got, asked = _run("2024年杭州和温州的研发投入强度分别是多少？", ["a25", "b24"])
    assert got == ["a25", "b24"] and asked == []
    got, asked = _run("去年杭州和温州的研发投入强度分别是多少？", ["a24", "b24"])
    assert got == ["a24", "b24"] and asked == []
