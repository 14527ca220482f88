"""BM25 with rank-bm25's Okapi scoring, vectorised as a sparse matrix.

``BM25Okapi.get_scores`` loops over passages in Python (~350 ms at 100k
passages). Here each passage's per-term weight is precomputed once into a
compressed sparse column matrix, so a query is a sum of a few columns:
milliseconds at the same size, with identical scores. The matrix is built with
scipy; a query reads its plain arrays with numpy only (scipy's import alone took
0.14 s of a cold question).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from corpus.errors import IndexFormatError

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True)
class BM25Params:
    """rank-bm25's BM25Okapi defaults."""

    k1: float = 1.5
    b: float = 0.75
    epsilon: float = 0.25


def idf_weights(df: np.ndarray, n_docs: int, p: BM25Params) -> np.ndarray:
    """rank-bm25's idf of terms held by ``df`` of ``n_docs`` passages:
    ``log((N - n + .5) / (n + .5))``; a negative idf becomes ``epsilon`` × the mean idf."""
    df = np.asarray(df, dtype=np.float64)
    idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    average_idf = float(idf.sum() / len(idf)) if len(idf) else 0.0
    idf[idf < 0] = p.epsilon * average_idf
    return idf


def mean_length(lengths: np.ndarray) -> float:
    """The average passage length (tokens) BM25 normalises by; 0 for no passage."""
    return float(lengths.sum() / len(lengths)) if len(lengths) else 0.0


def saturation(tf: np.ndarray, dl: np.ndarray, avgdl: float, p: BM25Params) -> np.ndarray:
    """BM25's term-frequency part of a weight: ``tf·(k1+1) / (tf + k1·(1-b+b·dl/avgdl))``
    (the weight is this times the term's idf)."""
    norm = p.k1 * (1 - p.b + p.b * dl / avgdl) if avgdl else 0.0
    return tf * (p.k1 + 1) / (tf + norm)


@dataclass(frozen=True)
class Columns:
    """A compressed sparse column matrix as its plain arrays (bm25_*.npy, memory-mapped
    when loaded): column j holds the weights ``data[indptr[j]:indptr[j+1]]`` of the rows
    ``indices[indptr[j]:indptr[j+1]]``."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def of(cls, matrix: sparse.spmatrix | sparse.sparray) -> Columns:
        csc = matrix.tocsc()
        return cls(csc.data, csc.indices, csc.indptr, (int(csc.shape[0]), int(csc.shape[1])))

    def column(self, col: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows, weights) of one column, its rows checked to lie in the matrix (here, not
        at load: a load of 1M passages would read all 254 MB of row indices for it).

        Raises:
            IndexFormatError: a row outside the matrix (a damaged index).
        """
        a, b = int(self.indptr[col]), int(self.indptr[col + 1])
        rows = self.indices[a:b]
        if len(rows) and (rows.min() < 0 or rows.max() >= self.shape[0]):
            raise IndexFormatError(
                "the BM25 matrix of the index is malformed (bm25_indices.npy: row indices "
                "outside the matrix); rebuild the index with `policyqa index`"
            )
        return rows, self.data[a:b]


class BM25:
    """A sparse BM25 index over tokenised passages.

    Args:
        columns: the (passages × vocabulary) matrix of per-term score weights.
        vocab: token → column.
    """

    def __init__(self, columns: Columns, vocab: dict[str, int]) -> None:
        self.columns = columns
        self.vocab = vocab

    @classmethod
    def build(cls, corpus: Sequence[Sequence[str]], params: BM25Params | None = None) -> BM25:
        """Index tokenised passages exactly as ``rank_bm25.BM25Okapi(corpus)`` would score them."""
        from scipy import sparse

        p = params or BM25Params()
        n_docs = len(corpus)
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[float] = []
        df: Counter[int] = Counter()
        lengths = np.zeros(n_docs, dtype=np.float64)
        for i, tokens in enumerate(corpus):
            lengths[i] = len(tokens)
            for tok, tf in Counter(tokens).items():
                j = vocab.setdefault(tok, len(vocab))
                rows.append(i)
                cols.append(j)
                tfs.append(tf)
                df[j] += 1
        df_arr = np.zeros(len(vocab), dtype=np.float64)
        for j, n in df.items():
            df_arr[j] = n
        idf = idf_weights(df_arr, n_docs, p)
        r = np.asarray(rows, dtype=np.int64)
        c = np.asarray(cols, dtype=np.int64)
        tf_arr = np.asarray(tfs, dtype=np.float64)
        weights = idf[c] * saturation(tf_arr, lengths[r], mean_length(lengths), p)
        matrix = sparse.csc_matrix((weights, (r, c)), shape=(n_docs, len(vocab)))
        return cls(Columns.of(matrix), vocab)

    @cached_property
    def matrix(self) -> sparse.csc_matrix:
        """The weights as a scipy matrix (for tools; searching does not need scipy)."""
        from scipy import sparse

        c = self.columns
        return sparse.csc_matrix((c.data, c.indices, c.indptr), shape=c.shape)

    def _counts(self, query: Sequence[str]) -> Counter[int]:
        return Counter(self.vocab[t] for t in query if t in self.vocab)

    def get_scores(self, query: Sequence[str]) -> np.ndarray:
        """Scores of every passage for a tokenised query (duplicates count, as in rank-bm25).

        Column by column in the query's order, each weight times the term's count added
        to its row: the operations, in the order, of scipy's ``matrix[:, cols] @ counts``
        (the same floats)."""
        out = np.zeros(self.columns.shape[0], dtype=np.float64)
        for col, count in self._counts(query).items():
            rows, weights = self.columns.column(col)
            if _increasing(rows):  # as written: each row once, added in one step
                out[rows] += weights * np.float64(count)
            else:
                np.add.at(out, rows, weights * np.float64(count))
        return out

    def scores_of(self, query: Sequence[str], rows: Sequence[int]) -> np.ndarray:
        """The scores :meth:`get_scores` gives, of the passages at ``rows`` only (a few
        binary searches per query term instead of a pass over its every passage)."""
        wanted = np.asarray(rows, dtype=np.int64)
        out = np.zeros(len(wanted), dtype=np.float64)
        for col, count in self._counts(query).items():
            held, weights = self.columns.column(col)
            if not len(held) or not len(wanted):
                continue
            if not _increasing(held):  # a matrix written with unsorted rows
                order = np.argsort(held, kind="stable")
                held, weights = held[order], weights[order]
            at = np.minimum(np.searchsorted(held, wanted), len(held) - 1)
            out += np.where(held[at] == wanted, weights[at] * count, 0.0)
        return out

    def idf(self, params: BM25Params) -> np.ndarray:
        """Each vocabulary column's idf, as :meth:`build` weighted it."""
        return idf_weights(self.doc_freq, self.n_passages, params)

    @property
    def n_passages(self) -> int:
        return int(self.columns.shape[0])

    @cached_property
    def doc_freq(self) -> np.ndarray:
        """How many passages hold each vocabulary term (nonzeros per CSC column)."""
        return np.diff(self.columns.indptr)


def _increasing(rows: np.ndarray) -> bool:
    """Whether a column's rows are strictly increasing (sorted, none twice)."""
    return bool((rows[1:] > rows[:-1]).all())
