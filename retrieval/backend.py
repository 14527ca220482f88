"""The seam where passages are found: BM25 and dense candidates under filters.

A backend returns, for one question, the passages (rows of the folder index's
version) that each system ranks best, with their raw scores; fusion, metadata
scoring and the answerer are the same on top of every backend. Backends are
picked by name (:class:`index.backend.Backend`) from :data:`BACKENDS`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from corpus.normalize import normalize
from index.backend import Backend, BackendConfig
from index.store import Index
from retrieval.model import Filters


class SearchBackend(Protocol):
    """Where BM25 and dense candidates come from."""

    def bm25(self, tokens: Sequence[str], filters: Filters | None, n: int) -> dict[int, float]:
        """The ``n`` best rows by BM25 score (only scores > 0), {row: score}."""
        ...

    def dense(self, vector: np.ndarray, filters: Filters | None, n: int) -> dict[int, float]:
        """The ``n`` rows whose vectors are nearest the query's, {row: cosine}."""
        ...


def region_matches(wanted: Sequence[str], region: str) -> bool:
    """A document's region fits a region filter: one holds the other (normalised);
    a document of unknown region matches no region filter."""
    own = normalize(region)
    return bool(own) and any(r and (r in own or own in r) for r in map(normalize, wanted))


def year_matches(years: Sequence[int], section_year: int | None, doc_years: Sequence[int]) -> bool:
    """A passage fits a year filter: its section's year, else (none known) its document's."""
    if section_year is not None:
        return section_year in years
    return bool(set(doc_years) & set(years))


class InProcessSearch:
    """BM25 (sparse matrix) and exact dense search over the loaded index's arrays."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def _subset(self, filters: Filters | None) -> np.ndarray | None:
        if filters is None or filters.is_empty():
            return None
        rows = []
        for doc_id, doc_rows in self.index.doc_rows.items():
            doc = self.index.documents[doc_id]
            if filters.doc_ids and doc_id not in filters.doc_ids:
                continue
            if filters.regions and not region_matches(filters.regions, doc.region):
                continue
            for row in doc_rows:
                p = self.index.passages[row]
                if not filters.years or year_matches(filters.years, p.section_year, doc.years):
                    rows.append(row)
        return np.asarray(rows, dtype=np.int64)

    def bm25(self, tokens: Sequence[str], filters: Filters | None, n: int) -> dict[int, float]:
        scores = self.index.bm25.get_scores(tokens)
        subset = self._subset(filters)
        rows = subset if subset is not None else np.arange(len(scores))
        if not len(rows):
            return {}
        sub = scores[rows]
        if len(sub) > n:
            part = np.argpartition(-sub, n)[:n]  # O(N), then sort only the top n
            top = part[np.argsort(-sub[part])]
        else:
            top = np.argsort(-sub)
        return {int(rows[i]): float(sub[i]) for i in top if sub[i] > 0}

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
