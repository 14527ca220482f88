"""retrieval.search.Retriever over the fake-embedder index of the samples."""

from __future__ import annotations

import pytest

from corpus.errors import FilterError, QueryError
from retrieval.metadata import MetaWeights, kind_fit, region_fit, year_fit
from retrieval.model import Filters
from retrieval.query import parse_query
from retrieval.search import MODES, Retriever, RetrieverConfig

S000 = "000_6eaca3ed01c4c811.txt"
S001 = "001_f9ee6873cacabd59.txt"
S002 = "002_f02437565036b0c9.txt"
S003 = "003_319bd9830f448044.txt"
S004 = "004_57978b5f9cc16516.txt"


@pytest.fixture(scope="module")
def retriever(sample_index, fake_embedder):  # type: ignore[no-untyped-def]
    return Retriever(sample_index, fake_embedder)


@pytest.mark.parametrize("mode", MODES)
def test_hits_are_ranked(retriever: Retriever, mode: str) -> None:
    hits = retriever.search("余杭2023年新增高企多少", k=7, mode=mode)
    assert 0 < len(hits) <= 7
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.passage.pid for h in hits}) == len(hits)
    for h in hits:
        if mode == "bm25":
            assert h.bm25 is not None and h.bm25 > 0 and h.dense is None
        if mode == "dense":
            assert h.dense is not None and h.bm25 is None


def test_bm25_finds_637(retriever: Retriever) -> None:
    hits = retriever.search("余杭2023年新增高企多少", mode="bm25")
    top5 = hits[:5]
    assert any(h.passage.doc_id == S000 and "637" in h.passage.text for h in top5)


def test_hybrid_finds_637(retriever: Retriever) -> None:
    hits = retriever.search("余杭2023年新增高企多少", k=5)
    assert any(h.passage.doc_id == S000 and "637" in h.passage.text for h in hits)


def test_traditional_document_found_from_simplified_question(retriever: Retriever) -> None:
    hits = retriever.search("余杭2021年新增高企多少家", k=5, mode="bm25")
    assert any(h.passage.doc_id == S004 and "507" in h.passage.text for h in hits)


def test_unknown_mode(retriever: Retriever) -> None:
    with pytest.raises(ValueError) as exc:
        retriever.search("余杭2023年新增高企多少", mode="sparse")
    for mode in MODES:
        assert mode in str(exc.value)


def test_bad_fusion_fails_early(sample_index, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="fusion"):
        Retriever(sample_index, fake_embedder, RetrieverConfig(fusion="borda"))


@pytest.mark.parametrize("question", ["", "  ", "问" * 501])
def test_bad_question(retriever: Retriever, question: str) -> None:
    with pytest.raises(QueryError):
        retriever.search(question)


def test_accepts_parsed_query(retriever: Retriever) -> None:
    q = parse_query("临安2022年研发投入强度目标")
    assert [h.passage.pid for h in retriever.search(q)] == [
        h.passage.pid for h in retriever.search(q.text)
    ]


@pytest.mark.parametrize("mode", MODES)
def test_filter_by_region(retriever: Retriever, mode: str) -> None:
    hits = retriever.search(
        "新增高新技术企业", k=20, mode=mode, filters=Filters(regions=("临安区",))
    )
    assert hits and {h.passage.doc_id for h in hits} == {S001}
    short = retriever.search(
        "新增高新技术企业", k=20, mode=mode, filters=Filters(regions=("余杭",))
    )
    assert short and {h.passage.doc_id for h in short} <= {S000, S004}


@pytest.mark.parametrize("mode", MODES)
def test_filter_by_year(retriever: Retriever, mode: str) -> None:
    hits = retriever.search("新增高新技术企业", k=30, mode=mode, filters=Filters(years=(2022,)))
    assert hits
    docs = retriever.index.documents
    for h in hits:
        p = h.passage
        assert p.section_year == 2022 or (p.section_year is None and 2022 in docs[p.doc_id].years)


@pytest.mark.parametrize("mode", MODES)
def test_filter_by_doc(retriever: Retriever, mode: str) -> None:
    hits = retriever.search("科技创新", k=30, mode=mode, filters=Filters(doc_ids=(S002, S003)))
    assert hits and {h.passage.doc_id for h in hits} <= {S002, S003}


def test_filters_combine(retriever: Retriever) -> None:
    hits = retriever.search(
        "新增高新技术企业", k=30, filters=Filters(regions=("余杭区",), years=(2024,))
    )
    assert hits
    assert all(h.passage.doc_id == S000 and h.passage.section_year == 2024 for h in hits)


def test_filter_matching_nothing_says_why(retriever: Retriever) -> None:
    with pytest.raises(FilterError) as region:
        retriever.search("新增高新技术企业", filters=Filters(regions=("富阳区",)))
    assert region.value.regions == ("富阳区",)
    with pytest.raises(FilterError) as doc:
        retriever.search("新增高新技术企业", filters=Filters(doc_ids=("nope.txt",)))
    assert doc.value.unknown_docs == ("nope.txt",)


def test_empty_filters_are_no_filters(retriever: Retriever) -> None:
    a = retriever.search("科技创新", k=10)
    b = retriever.search("科技创新", k=10, filters=Filters())
    assert [h.passage.pid for h in a] == [h.passage.pid for h in b]


def test_metadata_prefers_asked_year_and_kind(retriever: Retriever) -> None:
    hits = retriever.search("余杭2024年新增高企目标", k=3)
    assert hits[0].passage.doc_id == S000
    assert hits[0].passage.section_year == 2024
    assert hits[0].meta > 0


def test_metadata_off(sample_index, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    r = Retriever(sample_index, fake_embedder, RetrieverConfig(meta=None, fusion="minmax"))
    hits = r.search("余杭2023年新增高企多少", k=5)
    assert hits and all(h.meta == 0.0 for h in hits)


def test_fit_signals(sample_index) -> None:  # type: ignore[no-untyped-def]
    docs = sample_index.documents
    q = parse_query("余杭2023年新增高企多少")
    p2023 = next(p for p in docs[S000].passages if p.section_year == 2023)
    p2024 = next(p for p in docs[S000].passages if p.section_year == 2024)
    assert region_fit(q, docs[S000], "") == 1
    assert region_fit(q, docs[S001], "") == -1
    assert year_fit(q, p2023, docs[S000], "") == 1
    assert year_fit(q, p2024, docs[S000], "") == -1
    assert kind_fit(q, p2023) == 1 and kind_fit(q, p2024) == -1
    target = parse_query("余杭2024年新增高企目标")
    assert kind_fit(target, p2024) == 1
    # A city plan naming the district counts when the text names it.
    assert region_fit(q, docs[S003], "余杭") == 1
    assert MetaWeights().region_mismatch < 0 < MetaWeights().region_match


def test_a_place_written_with_its_level_is_not_another_of_its_short_name() -> None:
    from corpus.document import parse_text

    city = parse_text(
        "吉林市2024年政府工作报告\n一、2023年工作回顾\n技术合同成交额5亿元。\n", "c.txt"
    )
    assert city.region == "吉林市"
    assert region_fit(parse_query("吉林省2023年技术合同成交额多少"), city, "") == -1
    assert region_fit(parse_query("吉林市2023年技术合同成交额多少"), city, "") == 1
    assert region_fit(parse_query("吉林2023年技术合同成交额多少"), city, "") == 1  # either


@pytest.mark.usefixtures("isolated_cache")
def test_region_filter_excludes_documents_of_unknown_region(tmp_path, samples_dir, fake_embedder):  # type: ignore[no-untyped-def]
    import shutil

    from index.build import build_index
    from index.store import load

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(samples_dir / S001, docs / S001)
    (docs / "noregion.txt").write_text(
        "工作总结\n一、主要成效\n全年新增高新技术企业120家,研发投入持续增长。\n", encoding="utf-8"
    )
    build_index([docs], tmp_path / "idx", fake_embedder)
    index = load(tmp_path / "idx")
    assert index.documents["noregion.txt"].region == ""
    hits = Retriever(index, fake_embedder).search(
        "新增高新技术企业", k=50, filters=Filters(regions=("临安区",))
    )
    assert {h.passage.doc_id for h in hits} == {S001}


def test_facts_between_returns_the_figures_of_a_span_in_text_order(retriever: Retriever) -> None:
    facts = retriever.index.facts
    doc_id = facts[0].doc_id
    own = sorted((f for f in facts if f.doc_id == doc_id), key=lambda f: f.value_start)
    start, end = own[1].value_start, own[4].value_start
    assert retriever.facts_between(doc_id, start, end) == own[1:4]
    assert retriever.facts_between(doc_id, end, start) == []
    assert retriever.facts_between("no-such-doc", 0, 10**9) == []


def test_facts_with_values_are_every_figure_of_them_best_ranked_first(
    retriever: Retriever,
) -> None:
    facts = retriever.index.facts
    values = [facts[0].value, facts[-1].value]
    every = [f for v in values for f in facts if f.value == v]  # value order, then file order

    def rank(canonical: str) -> float:
        return -len(canonical)

    found = retriever.facts_with_values(values, rank, len(every) + 5)
    assert found == sorted(every, key=lambda f: rank(f.canonical))
    assert retriever.facts_with_values(values, rank, 2) == found[:2]
    assert retriever.facts_with_values(["不是数"], rank, 3) == []


def test_a_year_asked_draws_candidates_of_that_year(sample_index, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    # one BM25 candidate only: the year's own pool adds passages of that year
    def hits(year_candidates: int) -> list:  # type: ignore[type-arg]
        config = RetrieverConfig(candidates=1, year_candidates=year_candidates, meta=None)
        retriever = Retriever(sample_index, fake_embedder, config)
        return retriever.search("2022年新增高新技术企业", k=10, mode="bm25")

    assert len(hits(0)) == 1
    more = hits(5)
    assert len(more) > 1
    years = sample_index.document_years()
    assert all(2022 in years[h.passage.doc_id] for h in more[1:])  # documents of that year
    assert years == {d: tuple(doc.years) for d, doc in sample_index.documents.items()}


def test_a_place_asked_draws_candidates_of_that_places_documents(
    sample_index, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    # one BM25 candidate only: the place's own pool adds passages of its documents (of the
    # year asked, when one is)
    def hits(place_candidates: int, question: str) -> list:  # type: ignore[type-arg]
        config = RetrieverConfig(
            candidates=1, year_candidates=0, place_candidates=place_candidates, meta=None
        )
        retriever = Retriever(sample_index, fake_embedder, config)
        return retriever.search(question, k=10, mode="bm25")

    question = "余杭2023年新增高新技术企业多少家"
    assert len(hits(0, question)) == 1
    more = hits(5, question)
    assert len(more) > 1
    regions = {d: doc.region for d, doc in sample_index.documents.items()}
    years = sample_index.document_years()
    for h in more[1:]:
        assert "余杭" in regions[h.passage.doc_id] and 2023 in years[h.passage.doc_id]
    assert len(hits(5, "2023年新增高新技术企业多少家")) == 1  # no place asked: no pool


def test_a_national_document_covers_every_place_it_names() -> None:
    from dataclasses import replace

    from corpus.document import parse_text

    report = parse_text("政府工作报告\n国务院支持福建省建设两岸融合示范区。\n", "n.txt")
    national = replace(report, region="全国")
    q = parse_query("哪一年的国务院报告支持福建省建设示范区")
    assert region_fit(q, national, "国务院支持福建省建设示范区") == 1  # a sentence naming it
    assert region_fit(q, national, "建设示范区", strict=True) == -1  # not named: strict
    assert region_fit(q, national, "建设示范区") == 0


def test_document_names_are_the_documents_own_fields(sample_index, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from retrieval.naming import OPENING, names_document

    retriever = Retriever(sample_index, fake_embedder, RetrieverConfig())
    names = retriever.document_names()
    for d, doc in sample_index.documents.items():
        got = names[d]
        assert (got.title, got.issuer, got.opening, got.region) == (
            doc.title,
            doc.issuer,
            doc.norm[:OPENING],
            doc.region,
        )
    for name in ("杭州315计划", "余杭科技局2023年工作总结", "瓯海区科技局上半年工作总结"):
        assert retriever.documents_named(name) == tuple(
            d for d, doc in sample_index.documents.items() if names_document(name, doc)
        )
    assert sample_index.document_years() is sample_index.document_years()  # parsed once


def test_kept_rows_are_kept_per_filters(sample_index) -> None:  # type: ignore[no-untyped-def]
    from retrieval.backend import InProcessSearch
    from retrieval.filters import kept_rows
    from retrieval.model import Filters

    backend = InProcessSearch(sample_index)
    docs = tuple(sample_index.documents)[:2]
    for f in (Filters(doc_ids=docs), Filters(doc_ids=docs[:1]), Filters(doc_ids=docs)):
        assert backend._subset(f).tolist() == kept_rows(f, sample_index)  # type: ignore[union-attr]
    assert backend._subset(None) is None


def test_query_vectors_held_in_a_full_cache_survive_the_new_ones(
    retriever: Retriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a compare question's parts, one embedded before and one new, when the cache is full:
    # the new one's entry must not drop the old one before it is read
    import retrieval.search as search

    monkeypatch.setattr(search, "_QUERY_CACHE", 2)
    retriever.embed_queries(["甲", "乙"])
    first, new = retriever.embed_queries(["甲", "丙"])
    assert first.shape == new.shape
    again = retriever.embed_queries(["丙", "丁", "戊"])  # (more new ones than it holds)
    assert len(again) == 3
