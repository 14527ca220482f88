"""index.milvus_store: each index version's passages in a Milvus (Lite) collection, switched
to only when whole; add, remove, a build killed half-way, moving an index to Milvus."""

from __future__ import annotations

import shutil
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus.errors import BackendError, FilterError
from corpus.model import Document, Passage
from index import layout, milvus_schema, milvus_store, milvus_sync, store
from index.backend import Backend, BackendConfig, DenseIndexKind
from index.bm25 import BM25, BM25Params
from index.build import add_documents, build_index, push_to_milvus, remove_documents
from index.embed import FakeEmbedder
from index.milvus_schema import MilvusConfig
from retrieval.milvus_search import MilvusSearch
from retrieval.model import Filters

pytestmark = pytest.mark.usefixtures("isolated_cache")

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "002_f02437565036b0c9.txt"


@pytest.fixture
def lite(tmp_path: Path, milvus_lite: None) -> BackendConfig:
    return BackendConfig(Backend.MILVUS, str(tmp_path / "milvus"))


@pytest.fixture
def on_lite(fixture_corpus: Path, tmp_path: Path, lite: BackendConfig) -> Path:
    """The fixture corpus indexed into ``tmp_path / "idx"`` and its Milvus Lite collection."""
    folder = tmp_path / "idx"
    build_index([fixture_corpus], folder, FakeEmbedder(), backend=lite)
    return folder


def _entry(folder: Path) -> dict[str, Any]:
    return milvus_store.entry_of(store.read_manifest(folder))


def _collections(backend: BackendConfig, folder: Path) -> list[str]:
    client = milvus_store.connect(backend)
    prefix = str(_entry(folder)["prefix"])
    return sorted(n for n in client.list_collections() if n.startswith(prefix))


def _doc_rows(folder: Path, backend: BackendConfig, doc_id: str) -> int:
    """How many passages of ``doc_id`` the Milvus backend finds by a document filter."""
    index = store.load(folder, vectors=False)
    search = MilvusSearch(index, backend)
    return len(search.dense(np.ones(FakeEmbedder().dim), Filters(doc_ids=(doc_id,)), 1000))


def test_a_build_writes_every_passage_with_its_fields(lite_index) -> None:  # type: ignore[no-untyped-def]
    folder, backend = lite_index
    index = store.load(folder, vectors=False)
    entry = milvus_store.entry_of(index.manifest)
    assert entry["n_rows"] == len(index.passages) and entry["dense_index"] == "FLAT"
    client = milvus_store.connect(backend)
    rows = client.query(entry["collection"], filter="pk < 40", output_fields=["*"])
    assert len(rows) == 40
    for r in rows:
        p = index.passages[index.doc_rows[r["doc_id"]][r["part"]]]
        doc = index.documents[p.doc_id]
        assert (r["born"], r["dead"]) == (entry["seq"], milvus_schema.ALIVE)
        assert (r["doc_id"], r["start"], r["end"]) == (p.doc_id, p.start, p.end)
        assert r["region"] == doc.region and list(r["doc_years"]) == list(doc.years)
        assert r["section_year"] == (p.section_year or milvus_schema.NO_YEAR)
        assert r["kind"] == p.section_kind and r["half"] == p.section_half


def test_a_re_index_that_moves_passage_lengths_writes_a_new_collection(
    on_lite: Path, lite: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(milvus_store, "MilvusConfig", partial(MilvusConfig, rebase_drift=0.0))
    folder = on_lite
    first = _entry(folder)["collection"]
    add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)
    added = _entry(folder)["collection"]
    assert added != first and _collections(lite, folder) == [added]  # the old one dropped
    n = len(store.load(folder).doc_rows[SAMPLE.name])
    assert _doc_rows(folder, lite, SAMPLE.name) == n > 0
    remove_documents([SAMPLE.name], folder, FakeEmbedder(), backend=lite)
    assert _collections(lite, folder) == [_entry(folder)["collection"]]
    assert _doc_rows(folder, lite, SAMPLE.name) == 0
    assert _doc_rows(folder, lite, "xihu_2023.txt") > 0


def test_a_full_write_killed_half_way_leaves_the_previous_collection_in_use(
    on_lite: Path, lite: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = on_lite
    before = _entry(folder)["collection"]
    pointer = (folder / layout.POINTER).read_bytes()

    def killed(*args: object, **kwargs: object) -> int:
        raise SystemExit("killed")  # after every row went in, before the switch

    with monkeypatch.context() as mp:
        mp.setattr(milvus_store, "MilvusConfig", partial(MilvusConfig, rebase_drift=0.0))
        mp.setattr(milvus_sync, "count_visible", killed)
        mp.setattr(milvus_store, "_undo", lambda *a: None)  # a killed process cleans nothing
        with pytest.raises(SystemExit):
            add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)
    assert (folder / layout.POINTER).read_bytes() == pointer
    assert _entry(folder)["collection"] == before
    assert len(_collections(lite, folder)) == 2  # the half-written one is left over
    assert _doc_rows(folder, lite, "xihu_2023.txt") > 0  # the previous one answers
    assert _doc_rows(folder, lite, SAMPLE.name) == 0
    add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)
    assert _collections(lite, folder) == [_entry(folder)["collection"]]
    assert _doc_rows(folder, lite, SAMPLE.name) > 0


def test_a_failed_save_drops_the_new_collection(
    on_lite: Path, lite: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(milvus_store, "MilvusConfig", partial(MilvusConfig, rebase_drift=0.0))
    folder = on_lite
    before = _entry(folder)["collection"]

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", disk_full)
    with pytest.raises(OSError):
        add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)
    assert _collections(lite, folder) == [before]


def test_push_moves_an_in_process_index_to_milvus(
    built: Path, tmp_path: Path, lite: BackendConfig
) -> None:
    old = store.load(built, tokens=True)
    report = push_to_milvus(built, lite)
    assert report.embedded == 0 and report.n_passages == len(old.passages)
    new = store.load(built, tokens=True)
    assert milvus_store.entry_of(new.manifest)["n_rows"] == len(old.passages)
    assert new.passages == old.passages and new.facts == old.facts and new.lists == old.lists
    assert new.tokens == old.tokens and np.array_equal(new.vectors, old.vectors)
    assert _doc_rows(built, lite, "xihu_2023.txt") == len(old.doc_rows["xihu_2023.txt"])


def test_the_in_process_build_still_reads_a_milvus_index(lite_index, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, _ = lite_index
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    index = store.load(copy)  # the folder keeps everything, vectors too
    assert len(index.vectors) == len(index.passages)


def _doc(doc_id: str = "a.txt", region: str = "余杭区", years: tuple[int, ...] = ()) -> Document:
    text = "全年新增企业10家。"
    p = Passage(f"{doc_id}#0", doc_id, text, 0, len(text), section_year=None, section_kind="actual")
    return Document(doc_id, text, text, region=region, years=years, passages=(p,))


@pytest.mark.parametrize(
    ("doc", "said"),
    [
        (_doc(doc_id="长" * 30), "document id"),
        (_doc(region="区" * 30), "region"),
        (_doc(years=tuple(range(2000, 2010))), "years"),
    ],
)
def test_a_document_the_schema_cannot_hold_is_refused(doc: Document, said: str) -> None:
    small = milvus_schema.MilvusConfig(max_doc_id=40, max_region=40, max_years=5)
    with pytest.raises(BackendError, match=said):
        milvus_schema.check_fits(doc, small)


def test_a_row_holds_the_passage_weights_and_vector() -> None:
    doc = _doc(years=(2023,))
    weights = milvus_schema.term_weights(["企业", "新增", "企业"], 3.0, BM25Params())
    ids = milvus_schema.RowIds(pk=7, part=0, born=3)
    row = milvus_schema.row_of(ids, doc.passages[0], doc, weights, [0.1])
    key = milvus_schema.term_id("企业")
    assert row["bm25"][key] == pytest.approx(2 * 2.5 / (2 + 1.5))  # tf·(k1+1)/(tf+k1) at dl = avgdl
    assert (row["pk"], row["part"], row["born"], row["dead"]) == (7, 0, 3, milvus_schema.ALIVE)
    assert row["section_year"] == milvus_schema.NO_YEAR and row["doc_years"] == [2023]
    assert (row["doc_id"], row["region"], row["kind"]) == ("a.txt", "余杭区", "actual")


def test_collection_prefix_is_per_folder() -> None:
    a, b = Path("/srv/a"), Path("/srv/b")
    assert milvus_store.collection_prefix(a) == milvus_store.collection_prefix(a)
    assert milvus_store.collection_prefix(a) != milvus_store.collection_prefix(b)
    assert milvus_store.collection_prefix(a).startswith("policyqa_")


def test_a_milvus_server(
    milvus_server: BackendConfig,
    fixture_corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(milvus_store, "MilvusConfig", partial(MilvusConfig, rebase_drift=10.0))
    folder = tmp_path / "idx"
    try:
        build_index([fixture_corpus], folder, FakeEmbedder(), backend=milvus_server)
        first = _entry(folder)["collection"]
        add_documents([SAMPLE], folder, FakeEmbedder(), backend=milvus_server)
        assert _collections(milvus_server, folder) == [_entry(folder)["collection"]]
        n = len(store.load(folder).doc_rows[SAMPLE.name])
        assert _doc_rows(folder, milvus_server, SAMPLE.name) == n
        remove_documents([SAMPLE.name], folder, FakeEmbedder(), backend=milvus_server)
        assert _doc_rows(folder, milvus_server, SAMPLE.name) == 0
        assert _doc_rows(folder, milvus_server, "xihu_2023.txt") > 0
        assert _entry(folder)["collection"] == first and _entry(folder)["seq"] == 3  # updated
    finally:  # what this test created, and nothing else
        client = milvus_store.connect(milvus_server)
        prefix = milvus_store.collection_prefix(folder)
        for name in client.list_collections():
            if name.startswith(f"{prefix}_"):
                client.drop_collection(name)


def test_an_hnsw_collection_answers_narrow_filters_in_full(
    fixture_corpus: Path, tmp_path: Path, milvus_lite: None
) -> None:
    from retrieval.backend import InProcessSearch

    hnsw = BackendConfig(Backend.MILVUS, str(tmp_path / "milvus"), dense_index=DenseIndexKind.HNSW)
    folder = tmp_path / "idx"
    build_index([fixture_corpus], folder, FakeEmbedder(), backend=hnsw)
    assert _entry(folder)["dense_index"] == "HNSW"
    index = store.load(folder)
    search = MilvusSearch(index, BackendConfig(Backend.MILVUS, hnsw.milvus_uri))
    assert search.dense_index is DenseIndexKind.HNSW  # as built, whatever the reader asks
    vec = FakeEmbedder().encode(["技术合同成交额"])[0]
    for f in (None, Filters(regions=("西湖",), years=(2024,))):
        assert search.dense(vec, f, 50).keys() == InProcessSearch(index).dense(vec, f, 50).keys()


def test_the_web_library_indexes_uploads_into_milvus(on_lite: Path, lite: BackendConfig) -> None:
    from retrieval.milvus_search import MilvusSearch as Search
    from ui.library import Library

    lib = Library(on_lite, FakeEmbedder(), backend=lite)
    assert lib.qa is not None and isinstance(lib.qa.retriever.backend, Search)
    lib.add([SAMPLE])
    assert _collections(lite, on_lite) == [_entry(on_lite)["collection"]]
    hits = lib.require().search("科技工作", 5, filters=Filters(doc_ids=(SAMPLE.name,)))
    assert hits and {h.passage.doc_id for h in hits} == {SAMPLE.name}
    lib.remove([SAMPLE.name])
    with pytest.raises(FilterError):  # the document is gone: the filter says so
        lib.require().search("科技工作", 5, filters=Filters(doc_ids=(SAMPLE.name,)))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.lists(st.sampled_from(["高新", "企业", "研发", "投入", "a", "b"]), max_size=12),
        min_size=1,
        max_size=10,
    ).filter(any),
    st.lists(st.sampled_from(["高新", "企业", "研发", "投入", "a", "b", "zz"]), max_size=6),
)
def test_milvus_weights_score_as_bm25_at_the_same_length(
    corpus: list[list[str]], query: list[str]
) -> None:
    bm = BM25.build(corpus)
    idf_of = bm.idf(BM25Params())
    idf = {t: float(idf_of[c]) for t, c in bm.vocab.items()}
    assume(all(idf[t] > 0 for t in query if t in idf))  # Milvus takes positive weights only
    q = milvus_schema.query_weights(Counter(t for t in query if t in idf), idf)
    avgdl = sum(map(len, corpus)) / len(corpus)
    for tokens, want in zip(corpus, bm.get_scores(query), strict=True):
        row = milvus_schema.term_weights(tokens, avgdl, BM25Params())
        assert sum(w * row.get(k, 0.0) for k, w in q.items()) == pytest.approx(want, abs=1e-9)
