"""index.bm25 scores exactly as rank_bm25.BM25Okapi (the oracle)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

from corpus.document import parse_text
from corpus.readers import read_file
from index.bm25 import BM25, BM25Params
from index.derive import passage_text
from index.text import get_tokenizer

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _corpus(folder: Path, tokenizer: str) -> list[list[str]]:
    tok = get_tokenizer(tokenizer)
    out = []
    for path in sorted(folder.glob("*.txt")):
        doc = parse_text(read_file(path).text, path.name)
        out.extend(tok(passage_text(p)) for p in doc.passages)
    return out


QUERIES = [
    ["高新技术企业"],
    ["余杭", "新增", "高新技术企业", "2023"],
    ["研发", "研发", "研发投入强度"],  # repeated tokens count again
    ["不存在的词", "zzz"],  # unknown tokens only
    ["科技", "不存在的词", "科技", "创新"],
    [],
]


@pytest.fixture(scope="module", params=["jieba_search", "bigram"])
def passage_corpus(request: pytest.FixtureRequest) -> list[list[str]]:
    return _corpus(FIXTURES, request.param) + _corpus(SAMPLES, request.param)[:120]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: "+".join(q) or "empty")
def test_matches_rank_bm25_on_passages(passage_corpus: list[list[str]], query: list[str]) -> None:
    ours = BM25.build(passage_corpus).get_scores(query)
    oracle = BM25Okapi(passage_corpus).get_scores(query)
    assert ours.shape == (len(passage_corpus),)
    assert np.allclose(ours, oracle, rtol=1e-9, atol=1e-9)


def test_queries_from_corpus_tokens(passage_corpus: list[list[str]]) -> None:
    ours = BM25.build(passage_corpus)
    oracle = BM25Okapi(passage_corpus)
    for tokens in passage_corpus[::7]:
        query = tokens[:6] + tokens[:2]
        assert np.allclose(ours.get_scores(query), oracle.get_scores(query))


VOCAB = ["高新", "企业", "研发", "a", "b", "c", "d", "e", "f"]
token_corpora = st.lists(
    st.lists(st.sampled_from(VOCAB), max_size=12), min_size=1, max_size=10
).filter(lambda c: any(c))  # rank_bm25 divides by the mean length
queries = st.lists(st.sampled_from([*VOCAB, "unknown", "zz"]), max_size=8)


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(token_corpora, queries)
def test_matches_rank_bm25_generated(corpus: list[list[str]], query: list[str]) -> None:
    ours = BM25.build(corpus).get_scores(query)
    oracle = BM25Okapi(corpus).get_scores(query)
    assert np.allclose(ours, oracle, rtol=1e-9, atol=1e-9)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    token_corpora,
    queries,
    st.floats(0.1, 3.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
)
def test_matches_rank_bm25_with_params(
    corpus: list[list[str]], query: list[str], k1: float, b: float, epsilon: float
) -> None:
    ours = BM25.build(corpus, BM25Params(k1=k1, b=b, epsilon=epsilon)).get_scores(query)
    with np.errstate(invalid="ignore", divide="ignore"):
        oracle = BM25Okapi(corpus, k1=k1, b=b, epsilon=epsilon).get_scores(query)
    # With b == 1 rank_bm25 computes 0/0 = nan for an empty passage; ours scores it 0.
    finite = np.isfinite(oracle)
    assert np.allclose(ours[finite], oracle[finite], rtol=1e-9, atol=1e-9)
    assert (ours[~finite] == 0).all()


def test_empty_index() -> None:
    bm = BM25.build([])
    assert bm.n_passages == 0
    assert bm.get_scores(["a"]).shape == (0,)


def test_unknown_tokens_score_zero() -> None:
    bm = BM25.build([["a", "b"], ["c"]])
    assert bm.get_scores(["x", "y"]).tolist() == [0.0, 0.0]
    assert bm.n_passages == 2


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(token_corpora, queries, st.lists(st.integers(0, 9), max_size=12))
def test_scores_of_some_rows_are_their_full_scores(
    corpus: list[list[str]], query: list[str], picks: list[int]
) -> None:
    bm = BM25.build(corpus)
    rows = [i % len(corpus) for i in picks]  # any order, repeats allowed
    assert np.array_equal(bm.scores_of(query, rows), bm.get_scores(query)[rows])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(token_corpora, queries)
def test_numpy_scores_are_scipys_to_the_last_bit(corpus: list[list[str]], query: list[str]) -> None:
    """A query sums its columns with numpy alone (no scipy import on the question's path):
    the same floats as scipy's ``matrix[:, cols] @ counts`` gave."""
    from collections import Counter

    bm = BM25.build(corpus)
    counts = Counter(bm.vocab[t] for t in query if t in bm.vocab)
    expected = np.zeros(bm.n_passages)
    if counts:
        cols = np.fromiter(counts.keys(), dtype=np.int64)
        mult = np.fromiter(counts.values(), dtype=np.float64)
        expected = np.asarray(bm.matrix[:, cols] @ mult).ravel()
    assert np.array_equal(bm.get_scores(query), expected)


def test_rows_written_out_of_order_score_the_same() -> None:
    from index.bm25 import Columns

    bm = BM25.build([["a", "b"], ["a"], ["a", "c"], ["b"]])
    c = bm.columns
    shuffled = c.indices.copy(), c.data.copy()
    for col in range(c.shape[1]):  # each column's rows reversed
        a, b = c.indptr[col], c.indptr[col + 1]
        shuffled[0][a:b], shuffled[1][a:b] = c.indices[a:b][::-1], c.data[a:b][::-1]
    other = BM25(Columns(shuffled[1], shuffled[0], c.indptr, c.shape), bm.vocab)
    for query in (["a"], ["a", "b", "a"], ["c", "z"]):
        assert np.array_equal(other.get_scores(query), bm.get_scores(query))
        assert np.array_equal(other.scores_of(query, [3, 0, 2]), bm.get_scores(query)[[3, 0, 2]])


def test_a_row_outside_the_matrix_is_refused_when_its_column_is_read() -> None:
    from corpus.errors import IndexFormatError
    from index.bm25 import Columns

    bm = BM25.build([["a", "b"], ["a"]])
    c = bm.columns
    broken = BM25(Columns(c.data, c.indices + 5, c.indptr, c.shape), bm.vocab)
    with pytest.raises(IndexFormatError, match="outside the matrix"):
        broken.get_scores(["a"])
    with pytest.raises(IndexFormatError, match="outside the matrix"):
        broken.scores_of(["b"], [0])
    assert broken.get_scores(["zz"]).tolist() == [0.0, 0.0]  # no column read
