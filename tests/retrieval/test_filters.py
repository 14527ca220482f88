"""retrieval.filters: one rule for what filters keep, and why they keep nothing."""

from __future__ import annotations

from typing import Any

import pytest

from corpus.errors import FilterError, QueryError
from corpus.model import Document, Passage
from retrieval.filters import explain_empty, keeps, keeps_document, keeps_passage
from retrieval.model import Filters


def _doc(doc_id: str, region: str, years: tuple[int, ...], *sections: int | None) -> Document:
    text = "甲乙丙丁" * 4
    passages = tuple(
        Passage(f"{doc_id}#{i}", doc_id, text[i : i + 2], i, i + 2, section_year=y)
        for i, y in enumerate(sections)
    )
    return Document(doc_id, text, text, region=region, years=years, passages=passages)


DOCS = {
    "a.txt": _doc("a.txt", "余杭区", (2023, 2024), 2023, None),
    "b.txt": _doc("b.txt", "临安区", (2022,), 2022),
    "c.txt": _doc("c.txt", "", (2021,), None),
}


def test_documents_are_kept_by_id_and_region() -> None:
    a, b, c = DOCS.values()
    assert keeps_document(Filters(regions=("余杭",)), a)  # a short name is inside
    assert keeps_document(Filters(regions=("杭州市余杭区",)), a)  # a longer one holds it
    assert not keeps_document(Filters(regions=("余杭",)), b)
    assert not keeps_document(Filters(regions=("余杭",)), c)  # unknown region: no match
    assert keeps_document(Filters(doc_ids=("b.txt",)), b)
    assert not keeps_document(Filters(doc_ids=("b.txt",)), a)


def test_passages_are_kept_by_their_section_year_or_the_documents_years() -> None:
    a = DOCS["a.txt"]
    first, second = a.passages
    assert keeps_passage(Filters(years=(2023,)), first, a)
    assert not keeps_passage(Filters(years=(2024,)), first, a)  # its section says 2023
    assert keeps_passage(Filters(years=(2024,)), second, a)  # no section year: the document's
    assert keeps(None, first, a) and not keeps(Filters(regions=("临安",)), first, a)


@pytest.mark.parametrize(
    ("filters", "said"),
    [
        (Filters(doc_ids=("nope.txt", "a.txt")), {"unknown_docs": ("nope.txt",)}),
        (Filters(regions=("火星",)), {"regions": ("火星",)}),
        (Filters(years=(1999,)), {"years": (1999,)}),
        (Filters(regions=("临安",), years=(2023,)), {}),  # each matches, not together
    ],
)
def test_why_filters_keep_nothing(filters: Filters, said: dict[str, Any]) -> None:
    exc = explain_empty(filters, DOCS)
    assert isinstance(exc, FilterError) and isinstance(exc, QueryError)
    for key in ("unknown_docs", "regions", "years"):
        assert getattr(exc, key) == said.get(key, ())


def test_a_search_whose_filters_keep_nothing_says_why(qa: Any) -> None:
    with pytest.raises(FilterError) as caught:
        qa.ask("余杭2023年新增高企多少", filters=Filters(years=(1990,)))
    assert caught.value.years == (1990,)
    with pytest.raises(FilterError, match=r"not in the library: no-such\.txt"):
        qa.search("余杭2023年新增高企多少", filters=Filters(doc_ids=("no-such.txt",)))
