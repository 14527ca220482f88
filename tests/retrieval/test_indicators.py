"""The indicator table (retrieval/indicators.py) over the sample index, and conflicts."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.facts_view import facts_view, load_facts_view
from retrieval.indicators import (
    ConflictGroup,
    IndicatorConfig,
    IndicatorFilter,
    IndicatorRow,
    IndicatorTable,
    canonical_metric,
    find_conflicts,
    needles,
    same_place,
)

KEYS = (
    "doc_id title section region year period kind metric qualifier value unit quote start end"
).split()
S000 = "000_6eaca3ed01c4c811.txt"


@pytest.fixture(scope="module")
def table(sample_index_dir: Path) -> IndicatorTable:
    return IndicatorTable(load_facts_view(sample_index_dir))


def test_row_has_exactly_the_issue_keys() -> None:
    assert [f.name for f in fields(IndicatorRow)] == KEYS


def test_every_quote_is_verbatim(table: IndicatorTable, sample_index) -> None:  # type: ignore[no-untyped-def]
    rows = table.search(IndicatorFilter())
    assert len(rows) == len(sample_index.facts) > 100
    for r in rows:
        text = sample_index.documents[r.doc_id].text
        assert r.quote == text[r.start : r.end] and r.quote


def test_view_of_loaded_index_is_the_same(table: IndicatorTable, sample_index) -> None:  # type: ignore[no-untyped-def]
    other = IndicatorTable(facts_view(sample_index))
    assert other.search(IndicatorFilter(query="高企")) == table.search(
        IndicatorFilter(query="高企")
    )


@pytest.mark.parametrize("words", ["高企", "国家高新技术企业", "国高企", "高新技术企业"])
def test_synonyms_meet(table: IndicatorTable, words: str) -> None:
    rows = table.search(IndicatorFilter(metric=words))
    assert any(r.metric == "国家高新技术企业" and r.value == "637" for r in rows)
    assert all("高新技术企业" in canonical_metric(r.metric) for r in rows)


def test_rd_spending_meets(table: IndicatorTable) -> None:
    a = table.search(IndicatorFilter(metric="研发投入"))
    b = table.search(IndicatorFilter(metric="R&D经费"))
    assert a == b and any(r.metric == "R&D经费投入" and r.value == "120.64" for r in a)
    assert canonical_metric("R&D经费投入") == canonical_metric("研发经费投入")


def test_query_reads_place_year_and_qualifier(table: IndicatorTable) -> None:
    rows = table.search(IndicatorFilter(query="余杭历年新增高企"))
    assert {(r.year, r.value, r.kind) for r in rows} >= {
        (2021, "507", "actual"),
        (2023, "637", "actual"),
        (2024, "500", "target"),
    }
    assert all(r.region == "余杭区" and r.qualifier == "新增" for r in rows)
    assert [r.year for r in rows] == sorted(r.year or 0 for r in rows)


def test_filters(table: IndicatorTable) -> None:
    rows = table.search(IndicatorFilter(metric="高企", region="余杭", year=2024, kind="target"))
    assert [(r.value, r.doc_id) for r in rows] == [("500", S000)]
    assert table.search(IndicatorFilter(metric="高企", doc=S000))
    assert all(r.doc_id == S000 for r in table.search(IndicatorFilter(doc=S000)))
    assert all(r.kind == "actual" for r in table.search(IndicatorFilter(kind="actual")))
    assert table.search(IndicatorFilter(metric="不存在的指标名称")) == []


def test_sorted_by_metric_region_year_doc(table: IndicatorTable) -> None:
    rows = table.search(IndicatorFilter(metric="企业"))
    keys = [
        (canonical_metric(r.metric), r.region, r.year is None, r.year or 0, r.doc_id) for r in rows
    ]
    assert keys == sorted(keys)


def test_region_aliases_not_parents() -> None:
    assert same_place("余杭", "余杭区") and same_place("余杭区", "余杭区")
    assert not same_place("杭州", "余杭区") and not same_place("临安", "余杭区")
    assert same_place("杭州", "杭州市") and not same_place("", "杭州市")


def _row(doc: str, value: str, **kw: object) -> IndicatorRow:
    base = IndicatorRow(
        doc, "t", "", "杭州市", 2024, "", "target", "高新技术企业", "新增", value, "家", "q", 0, 1
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_conflicts_differ_between_documents() -> None:
    rows = [
        _row("a", "2000"),
        _row("b", "2000", metric="高企"),  # same indicator through the synonym table
        _row("c", "2500", metric="国家高新技术企业"),
        _row("d", "9", qualifier="累计"),  # another qualifier: its own group
    ]
    (group,) = find_conflicts(rows)
    assert isinstance(group, ConflictGroup)
    assert group.values == ("2000家", "2500家") and group.metric == "高新技术企业"
    assert [r.doc_id for r in group.rows] == ["a", "b", "c"]  # both sources of 2000 kept


def test_same_value_twice_is_no_conflict() -> None:
    assert find_conflicts([_row("a", "2000"), _row("b", "2000")]) == []
    # two values in one document, no other document: not a conflict between documents
    assert find_conflicts([_row("a", "2000"), _row("a", "2500")]) == []


@pytest.mark.parametrize(
    "field, other",
    [
        ("region", "余杭区"),
        ("year", 2023),
        ("period", "上半年"),
        ("kind", "actual"),
        ("qualifier", "累计"),
    ],
)
def test_conflict_key(field: str, other: object) -> None:
    rows = [_row("a", "2000"), _row("b", "2500", **{field: other})]
    assert find_conflicts(rows) == []
    assert len(find_conflicts([*rows, _row("c", "2100")])) == 1


def test_rows_without_year_region_or_metric_never_conflict() -> None:
    for kw in ({"year": None}, {"region": ""}, {"metric": ""}):
        assert find_conflicts([_row("a", "1", **kw), _row("b", "2", **kw)]) == []


@pytest.fixture(scope="module")
def metric_words(table: IndicatorTable) -> list[str]:
    return sorted({f.metric for f in table.view.facts if f.metric})


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_needles_never_lose_a_row(
    data: st.DataObject, table: IndicatorTable, metric_words: list[str], sample_index_dir: Path
) -> None:
    """Parsing only the facts that hold a filter's needles selects exactly the rows
    the whole table does, for metrics, pieces of metrics and whole questions."""
    word = data.draw(st.sampled_from(metric_words))
    a = data.draw(st.integers(0, max(0, len(word) - 1)))
    piece = word[a : a + data.draw(st.integers(1, 8))]
    query = data.draw(st.sampled_from([piece, f"余杭2023年{piece}多少", f"历年{word}", word]))
    kind = data.draw(st.sampled_from(["", "actual", "target"]))
    f = IndicatorFilter(query=query, kind=kind)
    narrow = IndicatorTable(load_facts_view(sample_index_dir, needles(f)))
    assert narrow.search(f) == table.search(f)


def test_needles_are_the_metric_pieces_and_the_document() -> None:
    # 高企 folds to 高新技术企业
    assert needles(IndicatorFilter(metric="高企")) == ("企业", "技术", "新技", "术企", "高新")
    assert needles(IndicatorFilter(query="余杭2023年多少")) == ()
    assert needles(IndicatorFilter(doc=S000)) == (S000,)
    loose = IndicatorConfig(min_cover=0.8)  # a partial match may lack a piece: no needles
    assert needles(IndicatorFilter(metric="高企"), loose) == ()


def test_stored_canonical_forms_are_the_folded_ones(table: IndicatorTable) -> None:
    metrics = {f.metric for f in table.view.facts}
    assert all(table.canonical(m) == canonical_metric(m) for m in metrics)
    assert table.canonical("R&D经费投入") == canonical_metric("研发经费投入")  # not in the table
    rows = table.search(IndicatorFilter())
    assert find_conflicts(rows, table.canonical) == find_conflicts(rows)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_loaded_index_reads_only_the_facts_a_filter_can_select(  # type: ignore[no-untyped-def]
    data: st.DataObject,
    table: IndicatorTable,
    metric_words: list[str],
    sample_index_dir: Path,
    fake_embedder,
) -> None:
    """The retriever's table for one question (facts holding the filter's needles, read
    from a freshly loaded index) selects exactly the rows the whole table does."""
    from index.store import load
    from retrieval.search import Retriever

    word = data.draw(st.sampled_from(metric_words))
    query = data.draw(st.sampled_from([word, f"余杭历年{word}", f"各区2024年{word}目标"]))
    f = IndicatorFilter(query=query)
    fresh = Retriever(load(sample_index_dir, model_id=fake_embedder.model_id), fake_embedder)
    narrow = fresh.indicators_for(f)
    assert narrow.search(f) == table.search(f)
    if needles(f):  # …having parsed only those facts, and their documents
        assert len(narrow.view.facts) < len(table.view.facts)
        assert set(narrow.view.documents) == {x.doc_id for x in narrow.view.facts}
