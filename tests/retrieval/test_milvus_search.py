"""The Milvus backend (Milvus Lite) finds what the in-process backend finds, scored alike."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pytest

from corpus.errors import BackendError
from index import store
from index.backend import Backend, BackendConfig, DenseIndexKind
from index.text import get_tokenizer
from retrieval.backend import InProcessSearch, open_backend
from retrieval.milvus_search import MilvusSearch
from retrieval.model import Filters
from retrieval.query import parse_query

QUESTIONS = (
    "科技企业培育工作成效",
    "研发投入强度目标是多少",
    "人才引进和创新平台建设",
    "明年科技成果转化怎么做",
    "孵化器和众创空间数量",
)
FILTERS = (
    None,
    Filters(regions=("余杭",)),
    Filters(years=(2023,)),
    Filters(regions=("杭州",), years=(2024,)),
    Filters(doc_ids=("001_f9ee6873cacabd59.txt", "003_319bd9830f448044.txt")),
    Filters(regions=("拉萨",)),
)


@pytest.fixture(scope="module")
def backends(lite_index, fake_embedder):  # type: ignore[no-untyped-def]
    folder, backend = lite_index
    index = store.load(folder, model_id=fake_embedder.model_id)
    return index, InProcessSearch(index), MilvusSearch(index, backend)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("filters", FILTERS)
def test_bm25_candidates_and_scores_are_the_in_process_ones(
    backends, question: str, filters: Filters | None
) -> None:  # type: ignore[no-untyped-def]
    index, here, milvus = backends
    tokens = get_tokenizer(index.tokenizer)(parse_query(question).canon)
    want = here.bm25(tokens, filters, 50)
    got = milvus.bm25(tokens, filters, 50)
    assert set(got) == set(want)
    for row, score in want.items():
        assert got[row] == pytest.approx(score, rel=1e-5)  # float32 in Milvus


@pytest.mark.parametrize("filters", FILTERS)
def test_dense_candidates_are_the_in_process_ones(backends, fake_embedder, filters) -> None:  # type: ignore[no-untyped-def]
    _, here, milvus = backends
    for vec in fake_embedder.encode(list(QUESTIONS)):
        want, got = here.dense(vec, filters, 30), milvus.dense(vec, filters, 30)
        assert set(got) == set(want)
        assert np.allclose([got[r] for r in want], list(want.values()), atol=1e-5)


def test_questions_are_answered_alike(lite_index, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from answer.pipeline import QA

    folder, backend = lite_index
    here = QA(folder, fake_embedder)
    milvus = QA(folder, fake_embedder, backend=backend)
    assert len(milvus.index.vectors) == 0  # the collection holds the vectors
    for q in QUESTIONS:
        a, b = here.ask(q), milvus.ask(q)
        assert (a.found, a.answer, a.citations) == (b.found, b.answer, b.citations)
        hits_a = [h.passage.pid for h in here.search(q, 10)]
        assert hits_a == [h.passage.pid for h in milvus.search(q, 10)]


def test_hnsw_short_of_hits_under_a_filter_is_scored_exactly(backends, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    _, here, milvus = backends
    hnsw = copy.copy(milvus)
    hnsw.dense_index = DenseIndexKind.HNSW
    # As an HNSW graph can under a narrow filter: fewer hits than asked.
    hnsw._search = lambda *args: [(0, 0.5)]  # type: ignore[method-assign]
    f = Filters(regions=("余杭",), years=(2023,))
    vec = fake_embedder.encode(["科技企业培育"])[0]
    want = here.dense(vec, f, 20)
    got = hnsw.dense(vec, f, 20)
    assert list(got) == list(want)


def test_an_in_process_index_has_no_collection(sample_index, lite_index) -> None:  # type: ignore[no-untyped-def]
    _, backend = lite_index
    with pytest.raises(BackendError, match="has no Milvus collection"):
        open_backend(sample_index, backend)


def test_a_wrong_lite_folder_is_an_error_and_is_not_created(backends, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    index, _, _ = backends
    elsewhere = BackendConfig(Backend.MILVUS, str(tmp_path / "none"))
    with pytest.raises(BackendError, match="no Milvus Lite data"):
        MilvusSearch(index, elsewhere)
    assert not (tmp_path / "none").exists()
