"""Dense retrieval: cosine search over L2-normalised vectors (exact, or IVF when large)."""

from __future__ import annotations

import numpy as np

from index.dense_config import DenseConfig
from index.ivf import Ivf, candidates
from index.pq import PqScan


class DenseIndex:
    """Cosine search over L2-normalised vectors.

    The vectors are the persistent form (``vectors.npy``, memory-mapped on load, never
    copied): exact search is FAISS's inner-product scan over them, the same kernel
    ``IndexFlatIP`` runs, without holding a second copy. A large index (from
    :attr:`DenseConfig.ivf_min_passages` passages) has a ``pq`` (:mod:`index.pq`: every
    vector's codes scanned, the best re-scored exactly) or, written before it, an ``ivf``
    (:mod:`index.ivf`: a query reads only its nearest lists).
    """

    def __init__(
        self,
        vectors: np.ndarray,
        ivf: Ivf | None = None,
        config: DenseConfig | None = None,
        pq: PqScan | None = None,
    ) -> None:
        import faiss
        from threadpoolctl import threadpool_limits

        # One query at a time: thread start-up costs more than it saves (measured 9.1 vs
        # 6.7 ms per search over 51k vectors on 2 cores). The same for numpy's BLAS (IVF
        # lists, re-scoring): on the busy 2-core machine a 1000 × 512 product took 16 ms
        # with OpenBLAS's threads, 0.035 ms with one (an IVF query at 1M: 300 -> 85 ms).
        faiss.omp_set_num_threads(1)
        threadpool_limits(1, user_api="blas")
        self.vectors = vectors if _usable(vectors) else np.ascontiguousarray(vectors, np.float32)
        self.ivf = ivf
        self.pq = pq
        self.config = config or DenseConfig()

    def search(
        self, query: np.ndarray, k: int, subset: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k passage rows and cosine scores for one query vector.

        Args:
            query: the query vector (dim,).
            k: how many to return.
            subset: optional row ids to search among (filters; always exact).
        """
        if not len(self.vectors) or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        if subset is not None:
            return self._among(q[0], np.asarray(subset, dtype=np.int64), k)
        k = min(k, len(self.vectors))
        cfg = self.config
        if self.pq is not None:
            rows = self.pq.candidates(q[0], max(k * cfg.rescore, cfg.pq_rerank))
            return self._among(q[0], np.sort(rows), k)
        if self.ivf is not None:
            rows = candidates(self.ivf, q[0], cfg.nprobe, k * cfg.rescore)
            return self._among(q[0], np.sort(rows), k)
        import faiss

        scores, rows = faiss.knn(q, self.vectors, k, metric=faiss.METRIC_INNER_PRODUCT)
        return rows[0].astype(np.int64), scores[0]

    def _among(self, q: np.ndarray, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores = np.asarray(self.vectors[rows]) @ q
        order = np.argsort(-scores)[:k]
        return rows[order].astype(np.int64), scores[order]

    def scores(self, query: np.ndarray) -> np.ndarray:
        """Cosine of the query against every passage."""
        return np.asarray(self.vectors @ query.astype(np.float32))


def _usable(vectors: np.ndarray) -> bool:
    """Float32 C-ordered rows (a memory map of vectors.npy is): searched as they are."""
    return vectors.dtype == np.float32 and vectors.ndim == 2 and vectors.flags.c_contiguous
