"""index.docstore and index.ivf: documents read a row at a time, arrays memory-mapped,
IVF search against exact search (format 6)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from corpus.errors import IndexFormatError
from index import docstore, layout, store
from index.dense import DenseIndex
from index.dense_config import Coarse
from index.docstore import DocStore, DocStoreConfig
from index.ivf import DenseConfig, train

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def lazy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loads read documents lazily, whatever the store's size."""
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(eager_passages=0))


@pytest.mark.usefixtures("lazy")
def test_a_load_parses_no_document_until_one_is_asked_for(built: Path) -> None:
    index = store.load(built)
    assert index.manifest["format_version"] == 6
    assert isinstance(index.vectors, np.memmap)  # mapped, not read
    docs = index.documents
    assert not docs._store._cache  # type: ignore[attr-defined]
    first = next(iter(docs))
    doc = docs[first]
    assert doc.passages and all(p.doc_id == first for p in doc.passages)
    row = index.doc_rows[first][0]
    assert index.passages[row] == doc.passages[0]


def test_a_small_store_is_parsed_whole_at_load_as_the_lazy_one_reads_it(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = layout.resolve(built).data / "store.sqlite"
    eager = DocStore(data, DocStoreConfig(parse_all_after=0))
    assert len(eager._cache) == len(eager.ranges) > 1
    lazy = DocStore(data, DocStoreConfig(eager_passages=0))
    assert not lazy._cache
    rows = range(eager.n_passages)
    every = [eager.passage(r) for r in rows]
    assert lazy.passages_at(list(rows)) == every
    assert not lazy._cache  # passages read alone parse no document
    lazy = DocStore(data, DocStoreConfig(eager_passages=0))
    assert [lazy.passage(r) for r in rows] == every  # row by row: through the documents
    assert len(lazy._cache) == len(lazy.ranges)
    assert all(eager.document(d) == lazy.document(d) for d in eager.ranges)
    first = eager.document(next(iter(eager.ranges)))
    assert first is not None
    phrases = [first.norm[10:16], "不在任何文件里的一句话", first.norm[-6:]]
    for wanted in ([p] for p in phrases):
        held = {d for d in eager.ranges if wanted[0] in eager.document(d).norm}  # type: ignore[union-attr]
        assert eager.naming(wanted) == lazy.naming(wanted) == held
    assert first.doc_id in lazy.naming(phrases)


def test_a_load_parses_nothing_and_a_small_store_whole_once_many_were_asked_for(
    built: Path,
) -> None:
    data = layout.resolve(built).data / "store.sqlite"
    found = DocStore(data, DocStoreConfig(parse_all_after=2))
    ids = list(found.ranges)
    assert len(ids) > 2 and not found._cache
    found.document(ids[0])
    assert list(found._cache) == ids[:1]
    found.document(ids[1])  # the second one parsed alone: the rest too
    assert list(found._cache) == ids[:2] + ids[2:] and found._every is not None


def test_heads_count_as_documents_read_and_all_heads_are_read_at_once(built: Path) -> None:
    data = layout.resolve(built).data / "store.sqlite"
    found = DocStore(data, DocStoreConfig(parse_all_after=2))
    ids = list(found.ranges)
    every = list(found.heads())  # read at once: neither kept nor counted
    assert [h.doc_id for h in every] == ids and not found._heads and not found.parsed_whole
    assert found.head(ids[0]) == every[0] and not found.parsed_whole
    found.head(ids[1])
    assert found.parsed_whole  # two documents read alone: the store is parsed whole
    assert [h.doc_id for h in found.heads()] == ids


def test_a_head_is_its_document_without_passages_and_a_row_its_passage(built: Path) -> None:
    data = layout.resolve(built).data / "store.sqlite"
    whole = DocStore(data, DocStoreConfig(parse_all_after=0))
    lazy = DocStore(data, DocStoreConfig(eager_passages=0))
    for doc_id, span in whole.ranges.items():
        doc = whole.document(doc_id)
        assert doc is not None
        assert lazy.head(doc_id) == replace(doc, passages=())
        assert lazy.passages_at(list(reversed(span))) == list(reversed(doc.passages))
    assert not lazy._cache and lazy.head("no such id") is None
    assert whole.head(doc_id) is whole.document(doc_id)  # parsed: the document itself


def _tampered(built: Path, sql: str) -> Path:
    """The index's version folder after ``sql`` ran on its store."""
    data = layout.resolve(built).data
    db = sqlite3.connect(data / "store.sqlite")
    db.execute(sql)
    db.commit()
    db.close()
    return data


def test_a_stored_norm_not_of_its_text_is_malformed(built: Path) -> None:
    data = _tampered(built, "UPDATE documents SET norm = substr(norm, 2) WHERE n = 0")
    with pytest.raises(IndexFormatError, match="norm"):
        DocStore(data / "store.sqlite", DocStoreConfig(parse_all_after=0))
    found = DocStore(data / "store.sqlite")
    first = next(iter(found.ranges))
    with pytest.raises(IndexFormatError, match="norm"):
        found.head(first)
    with pytest.raises(IndexFormatError, match="norm"):
        found.document(first)


def test_the_store_keeps_a_bounded_number_of_documents(built: Path) -> None:
    data = layout.resolve(built).data
    found = DocStore(data / "store.sqlite", DocStoreConfig(cached_documents=1, eager_passages=0))
    ids = list(found.ranges)
    assert len(ids) > 1
    for doc_id in ids:
        assert found.document(doc_id) is not None
    assert len(found._cache) == 1 and found.document("no such id") is None


def test_a_passage_outside_its_document_is_malformed(built: Path) -> None:
    data = _tampered(
        built, "UPDATE passages SET data = json_set(data, '$.end', 10000000) WHERE row = 0"
    )
    with pytest.raises(IndexFormatError, match="lies outside"):
        DocStore(data / "store.sqlite", DocStoreConfig(parse_all_after=0))  # parsed at load
    found = DocStore(data / "store.sqlite", DocStoreConfig(eager_passages=0))
    with pytest.raises(IndexFormatError, match="lies outside"):
        found.passage(0)  # read alone
    with pytest.raises(IndexFormatError, match="lies outside"):
        found.document(next(iter(found.ranges)))


def test_documents_that_do_not_cover_the_passages_are_malformed(built: Path) -> None:
    data = _tampered(built, "UPDATE documents SET first = first + 1 WHERE n = 1")
    with pytest.raises(IndexFormatError, match="malformed"):
        DocStore(data / "store.sqlite")


def _unit(n: int, dim: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _clustered() -> np.ndarray:
    """Clustered unit vectors: what lists and codes are for."""
    centres = _unit(20, 16, 1)
    vectors = centres[np.arange(2000) % 20] + 0.05 * _unit(2000, 16, 2)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def _finds_the_exact_neighbours(vectors: np.ndarray, approx: DenseIndex) -> None:
    exact = DenseIndex(vectors)
    for q in vectors[:20]:
        rows_e, _ = exact.search(q, 10)
        rows_a, scores_a = approx.search(q, 10)
        assert len(set(rows_a) & set(rows_e)) >= 9
        assert np.allclose(vectors[rows_a] @ q, scores_a, atol=1e-6)  # exact scores


def test_ivf_finds_the_exact_neighbours_with_their_exact_scores() -> None:
    vectors = _clustered()
    config = DenseConfig(nprobe=8)
    ivf = train(vectors, config)
    assert sorted(ivf.rows.tolist()) == list(range(2000))
    _finds_the_exact_neighbours(vectors, DenseIndex(vectors, ivf, config))


def test_a_large_index_is_saved_with_an_ivf_and_searched_through_it(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import files

    monkeypatch.setattr(
        files, "DenseConfig", lambda: DenseConfig(ivf_min_passages=1, coarse=Coarse.IVF)
    )
    index = store.load(built, tokens=True)
    store.save_loaded(built, index, dict(index.manifest))
    again = store.load(built)
    assert again.ivf is not None and len(again.ivf.rows) == len(again.passages)
    assert again.pq is None
    q = np.asarray(again.vectors[3])
    rows, _ = again.dense.search(q, 5)
    assert rows[0] == 3


@pytest.mark.usefixtures("lazy")
def test_which_documents_name_a_phrase_is_the_same_from_format_6_and_json_lines(
    built: Path, json_lines: Callable[[Path], Path]
) -> None:
    six = store.load(built)
    doc = six.documents[next(iter(six.documents))]
    phrases = [doc.norm[20:26], "不在任何文件里的一句话"]
    found = six.naming(phrases)
    assert doc.doc_id in found
    assert found == store.load(json_lines(built)).naming(phrases)


def test_a_passage_row_missing_inside_the_store_is_malformed_when_read(built: Path) -> None:
    """A load asks SQLite for the last row, not a count (a count reads every page of the
    table: 3 s at 1M passages); a row missing inside is refused when it is read."""
    data = _tampered(built, "DELETE FROM passages WHERE row = 1")
    found = DocStore(data / "store.sqlite")
    with pytest.raises(IndexFormatError, match="missing"):
        found.passages_at([0, 1])
    with pytest.raises(IndexFormatError, match="malformed"):
        found.document(next(iter(found.ranges)))
    with pytest.raises(IndexFormatError, match="malformed"):
        DocStore(data / "store.sqlite", DocStoreConfig(parse_all_after=0))


def test_pq_finds_the_exact_neighbours_with_their_exact_scores() -> None:
    from index import pq

    vectors = _clustered()
    config = DenseConfig(pq_subquantizers=8, pq_rerank=100)
    found = pq.train(vectors, config)
    assert found.centroids.shape == (8, 16, 2) and found.codes.shape == (2000, 4)
    _finds_the_exact_neighbours(vectors, DenseIndex(vectors, config=config, pq=pq.PqScan(found)))


def test_a_large_index_is_saved_with_a_pq_and_searched_through_it(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import files, pq

    monkeypatch.setattr(
        files, "DenseConfig", lambda: DenseConfig(ivf_min_passages=1, pq_subquantizers=8)
    )
    index = store.load(built, tokens=True)
    store.save_loaded(built, index, dict(index.manifest))
    data = layout.resolve(built).data
    assert all((data / name).is_file() for name in pq.FILES)
    again = store.load(built)
    assert again.pq is not None and again.ivf is None
    q = np.asarray(again.vectors[3])
    rows, scores = again.dense.search(q, 5)
    assert rows[0] == 3 and np.isclose(scores[0], q @ q)
    assert store.load(built, vectors=False).pq is None  # searched elsewhere (Milvus)


@pytest.mark.parametrize(
    ("dim", "wanted", "m"),
    [(512, 128, 128), (384, 128, 128), (300, 128, 100), (16, 128, 16), (7, 8, 0)],
)
def test_sub_vectors_cut_the_dimension_evenly(dim: int, wanted: int, m: int) -> None:
    from index.pq import subquantizers

    assert subquantizers(dim, wanted) == m
