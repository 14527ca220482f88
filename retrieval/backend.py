"""The seam where passages are found: BM25 and dense candidates under filters.

A backend returns, for one question, the passages (rows of the folder index's
version) that each system ranks best, with their raw scores; fusion, metadata
scoring and the answerer are the same on top of every backend. Backends are
picked by name (:class:`index.backend.Backend`) from :data:`BACKENDS`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from index.backend import Backend, BackendConfig
from index.store import Index
from retrieval.filters import kept_rows
from retrieval.model import Filters


class SearchBackend(Protocol):
    """Where BM25 and dense candidates come from."""

    def bm25(self, tokens: Sequence[str], filters: Filters | None, n: int) -> dict[int, float]:
        """The ``n`` best rows by BM25 score (only scores > 0), {row: score}."""
        ...

    def dense(self, vector: np.ndarray, filters: Filters | None, n: int) -> dict[int, float]:
        """The ``n`` rows whose vectors are nearest the query's, {row: cosine}."""
        ...


_SUBSETS_KEPT = 8  # filters whose kept rows a process keeps (a year's: ~4 MB at 1M)


class InProcessSearch:
    """BM25 (sparse matrix) and exact dense search over the loaded index's arrays."""

    def __init__(self, index: Index) -> None:
        self.index = index
        # a question's scores, searched again within its years' documents (one array of
        # every passage's score: 8 MB at 1M passages, recomputed in ~15 ms)
        self._scored: tuple[tuple[str, ...], np.ndarray] | None = None
        self._subsets: OrderedDict[Filters, np.ndarray | None] = OrderedDict()

    def _subset(self, filters: Filters | None) -> np.ndarray | None:
        """The rows ``filters`` keep, the last few filters' kept (read only): the documents
        of a year are searched again by every question naming that year (at 1M passages
        their rows took ~25 ms to gather)."""
        if filters is None:
            return None
        if filters not in self._subsets:
            rows = kept_rows(filters, self.index)
            self._subsets[filters] = None if rows is None else np.asarray(rows, dtype=np.int64)
            while len(self._subsets) > _SUBSETS_KEPT:
                self._subsets.popitem(last=False)
        return self._subsets[filters]

    def _scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Every passage's BM25 score for ``tokens``; the last query's kept (read only)."""
        key = tuple(tokens)
        if self._scored is None or self._scored[0] != key:
            self._scored = (key, self.index.bm25.get_scores(tokens))
        return self._scored[1]

    def bm25(self, tokens: Sequence[str], filters: Filters | None, n: int) -> dict[int, float]:
        scores = self._scores(tokens)
        subset = self._subset(filters)
        # Without filters every row is searched: no copy of the scores (8 MB at 1M passages).
        sub = scores if subset is None else scores[subset]
        if not len(sub):
            return {}
        if len(sub) > n:
            part = np.argpartition(-sub, n)[:n]  # O(N), then sort only the top n
            top = part[np.argsort(-sub[part])]
        else:
            top = np.argsort(-sub)
        rows = top if subset is None else subset[top]
        return {int(r): float(sub[i]) for r, i in zip(rows, top, strict=True) if sub[i] > 0}

    def dense(self, vector: np.ndarray, filters: Filters | None, n: int) -> dict[int, float]:
        rows, scores = self.index.dense.search(vector, n, self._subset(filters))
        return {int(r): float(s) for r, s in zip(rows, scores, strict=True)}


def _milvus(index: Index, config: BackendConfig) -> SearchBackend:
    from retrieval.milvus_search import MilvusSearch

    return MilvusSearch(index, config)


BACKENDS: dict[Backend, Callable[[Index, BackendConfig], SearchBackend]] = {
    Backend.IN_PROCESS: lambda index, _config: InProcessSearch(index),
    Backend.MILVUS: _milvus,
}


def open_backend(index: Index, config: BackendConfig | None = None) -> SearchBackend:
    """The search backend ``config`` names, over ``index`` (in process by default)."""
    config = config or BackendConfig()
    return BACKENDS[config.kind](index, config)
