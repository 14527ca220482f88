"""Product-quantised codes of every vector, scanned whole: the dense search of a large index.

Files (format 6, for indexes of at least :attr:`DenseConfig.ivf_min_passages` passages
written with ``Coarse.PQ``, the default)::

    pq_centroids.npy   float32 (M × 16 × dim/M): each sub-vector's 16 centres
    pq_codes.npy       uint8 (passages × M/2): each vector's M 4-bit codes (FAISS's layout)

At load the codes go into FAISS's 4-bit fast-scan index (a copy: it packs them in blocks
of 32; 128 MB at 1M passages). A query scores every code with SIMD look-up tables (~13 ms
at 1M vectors on one core of the busy machine) and its best ``pq_rerank`` candidates are
re-scored exactly from ``vectors.npy``, so the scores returned are the cosines exact
search gives for those passages. An IVF reads a few lists and misses what lies in the
others: a question's vector is no passage's, and at 1M its nearest neighbours sat in
lists beyond the 48 nearest centres for one question in ten (``evals/bench_dense.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from index import shapes
from index.dense_config import DenseConfig

FILES = ("pq_centroids.npy", "pq_codes.npy")
_BITS = 4  # FAISS's fast scan: 16 centres a sub-vector
_BLOCK = 65_536  # vectors encoded at a time


@dataclass(frozen=True)
class Pq:
    """The arrays of a PQ (memory-mapped when loaded)."""

    centroids: np.ndarray
    codes: np.ndarray


def train(vectors: np.ndarray, config: DenseConfig) -> Pq:
    """Train the sub-vector centres on a sample of ``vectors`` and encode every vector."""
    import faiss

    n, dim = vectors.shape
    m = subquantizers(dim, config.pq_subquantizers)
    quantizer = faiss.ProductQuantizer(dim, m, _BITS)
    rng = np.random.default_rng(config.seed)
    picked = np.sort(rng.choice(n, size=min(n, config.pq_train), replace=False))
    quantizer.train(np.ascontiguousarray(vectors[picked], dtype=np.float32))
    codes = np.empty((n, quantizer.code_size), dtype=np.uint8)
    for start in range(0, n, _BLOCK):
        block = np.ascontiguousarray(vectors[start : start + _BLOCK], dtype=np.float32)
        codes[start : start + len(block)] = quantizer.compute_codes(block)
    centroids = faiss.vector_to_array(quantizer.centroids).reshape(m, 1 << _BITS, dim // m)
    return Pq(centroids.astype(np.float32), codes)


def subquantizers(dim: int, wanted: int) -> int:
    """The most sub-vectors up to ``wanted`` that cut ``dim`` evenly, an even number (two
    4-bit codes a byte); 0 when there is none (an odd ``dim``)."""
    return max([m for m in range(2, min(wanted, dim) + 1, 2) if dim % m == 0], default=0)


def write(folder: Path, pq: Pq, write_npy: Callable[[Path, np.ndarray], None]) -> None:
    for name, array in zip(FILES, (pq.centroids, pq.codes), strict=True):
        write_npy(folder / name, array)


def read(folder: Path, n: int, dim: int) -> Pq:
    """The PQ arrays of a version, memory-mapped, their shapes checked."""
    centroids, codes = (np.load(folder / name, mmap_mode="r", allow_pickle=False) for name in FILES)
    m = centroids.shape[0] if centroids.ndim == 3 else 0
    if (
        centroids.shape != (m, 1 << _BITS, dim // max(m, 1))
        or m == 0
        or m % 2
        or m * centroids.shape[2] != dim
        or centroids.dtype != np.float32
    ):
        raise shapes.bad(folder / FILES[0], f"centres of shape {centroids.shape}")
    if codes.shape != (n, m * _BITS // 8) or codes.dtype != np.uint8:
        raise shapes.bad(folder / FILES[1], f"codes of shape {codes.shape} for {n} passages")
    return Pq(centroids, codes)


class PqScan:
    """A PQ loaded into FAISS's fast-scan index, searched a query at a time."""

    def __init__(self, pq: Pq) -> None:
        import faiss

        m, _, sub = pq.centroids.shape
        flat = faiss.IndexPQ(m * sub, m, _BITS, faiss.METRIC_INNER_PRODUCT)
        faiss.copy_array_to_vector(
            np.ascontiguousarray(pq.centroids, dtype=np.float32).ravel(), flat.pq.centroids
        )
        flat.is_trained = True
        flat.add_sa_codes(np.ascontiguousarray(pq.codes))
        self._index: Any = faiss.IndexPQFastScan(flat)  # type: ignore[arg-type]  # (stubs)
        self.n = int(flat.ntotal)

    def candidates(self, query: np.ndarray, n: int) -> np.ndarray:
        """The rows of the ``n`` passages whose codes score best against ``query``."""
        if not self.n or n <= 0:
            return np.zeros(0, dtype=np.int64)
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        _, rows = self._index.search(q, min(n, self.n))
        found = rows[0]
        return np.asarray(found[found >= 0], dtype=np.int64)
