"""retrieval.milvus_search: filters as Milvus expressions (no Milvus needed but for the parser)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.model import Document
from retrieval.filters import region_matches
from retrieval.milvus_search import NEVER, Catalog, Condition, condition, quoted
from retrieval.model import Filters

DOCS = (
    Document("a.txt", "", "", region="杭州市余杭区", years=(2023, 2024)),
    Document("b.txt", "", "", region="杭州市临安区", years=(2023,)),
    Document("c.txt", "", "", region="杭州市", years=(2022, 2023)),
    Document("d.txt", "", "", region="浙江省"),
    Document("e.txt", "", ""),
)
CATALOG = Catalog.of(DOCS)


def test_the_catalog_holds_regions_and_the_documents_of_each_year() -> None:
    assert CATALOG.regions == ("杭州市", "杭州市临安区", "杭州市余杭区", "浙江省")
    by_year = {2022: ("c.txt",), 2023: ("a.txt", "b.txt", "c.txt"), 2024: ("a.txt",)}
    assert CATALOG.by_year == by_year


def test_no_filter_is_no_expression() -> None:
    assert condition(None, CATALOG) == Condition()
    assert condition(Filters(), CATALOG) == Condition()


def test_region_filter_names_the_regions_that_hold_it_or_are_held() -> None:
    text = condition(Filters(regions=("余杭区",)), CATALOG).text
    assert text == 'region in ["杭州市余杭区"]'
    # A wider place asked keeps the documents of its parts and of itself.
    wider = condition(Filters(regions=("杭州市",)), CATALOG).text
    assert wider == 'region in ["杭州市", "杭州市临安区", "杭州市余杭区"]'


def test_a_region_no_document_has_matches_nothing() -> None:
    assert condition(Filters(regions=("拉萨",)), CATALOG) is NEVER


def test_years_use_the_section_year_else_the_documents_of_those_years() -> None:
    text = condition(Filters(years=(2024, 2022)), CATALOG).text
    assert text == (
        '(section_year in [2022, 2024] or (section_year == -1 and doc_id in ["a.txt", "c.txt"]))'
    )
    # No document of that year: only sections of it.
    assert condition(Filters(years=(1999,)), CATALOG).text == "(section_year in [1999])"


def test_all_filters_are_joined_with_and() -> None:
    f = Filters(regions=("临安",), years=(2022,), doc_ids=("a.txt", "b.txt"))
    text = condition(f, CATALOG).text
    assert text.startswith('doc_id in ["a.txt", "b.txt"] and region in ["杭州市临安区"] and (')


def test_quotes_and_backslashes_are_escaped() -> None:
    assert quoted('报告"终稿"\\v2') == '"报告\\"终稿\\"\\\\v2"'
    assert quoted("a\nb") == '"a\\nb"'


@settings(deadline=None)  # the first example imports the parser
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_quoted_reads_back_as_the_same_string(value: str) -> None:
    try:
        from milvus_lite.search.filter import tokens
    except ImportError as exc:
        pytest.skip(f"needs milvus-lite's expression parser ({exc})")
    found = [t for t in tokens.tokenize(quoted(value)) if t.kind is tokens.TokenKind.STRING]
    assert len(found) == 1 and found[0].value == value


@pytest.mark.parametrize(
    ("wanted", "region", "fits"),
    [
        (("余杭",), "杭州市余杭区", True),
        (("杭州市余杭区",), "余杭区", True),
        (("临安",), "杭州市余杭区", False),
        (("余杭",), "", False),
    ],
)
def test_region_matches(wanted: tuple[str, ...], region: str, fits: bool) -> None:
    assert region_matches(wanted, region) is fits
