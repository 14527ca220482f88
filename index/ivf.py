"""An inverted-file (IVF) dense index as plain arrays: coarse lists, searched a few at a time.

Files (format 6, for indexes of at least :attr:`DenseConfig.ivf_min_passages` passages
written with ``Coarse.IVF``; indexes written before :mod:`index.pq` have them)::

    ivf_centroids.npy   float32 (lists × dim): the k-means centres (normalised)
    ivf_offsets.npy     int64 (lists + 1): list i holds ivf_rows[offsets[i]:offsets[i+1]]
    ivf_rows.npy        int64 (passages): passage rows grouped by list
    ivf_vectors.npy     float16 (passages × dim): their vectors in the same order

A search scores the centres, reads the ``nprobe`` nearest lists (contiguous slices
of the memory-mapped ``ivf_vectors.npy``: a query touches a few MB, not the whole
matrix), and re-scores its best candidates exactly from ``vectors.npy`` so the
scores returned are the same cosines as exact search gives for those passages.
K-means is FAISS's (trained on a sample); the centres' assignment of every vector
is FAISS's exact inner-product search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import shapes
from index.dense_config import DenseConfig as DenseConfig  # re-exported: read as ivf.X

FILES = ("ivf_centroids.npy", "ivf_offsets.npy", "ivf_rows.npy", "ivf_vectors.npy")


@dataclass(frozen=True)
class Ivf:
    """The arrays of an IVF index (memory-mapped when loaded)."""

    centroids: np.ndarray
    offsets: np.ndarray
    rows: np.ndarray
    vectors: np.ndarray


def train(vectors: np.ndarray, config: DenseConfig) -> Ivf:
    """Cluster ``vectors`` (L2-normalised float32 rows) into lists."""
    import faiss

    n, dim = vectors.shape
    nlist = max(1, int(config.lists_per_sqrt * n**0.5))
    rng = np.random.default_rng(config.seed)
    sample = min(n, nlist * config.train_per_list)
    picked = np.sort(rng.choice(n, size=sample, replace=False))
    kmeans = faiss.Kmeans(dim, nlist, niter=10, spherical=True, seed=config.seed, verbose=False)
    kmeans.train(np.ascontiguousarray(vectors[picked], dtype=np.float32))
    centroids = np.ascontiguousarray(kmeans.centroids, dtype=np.float32)
    quantizer = faiss.IndexFlatIP(dim)
    quantizer.add(centroids)
    assign = np.empty(n, dtype=np.int64)
    for start in range(0, n, 65536):
        block = np.ascontiguousarray(vectors[start : start + 65536], dtype=np.float32)
        assign[start : start + len(block)] = quantizer.search(block, 1)[1][:, 0]
    rows = np.argsort(assign, kind="stable")
    offsets = np.zeros(nlist + 1, dtype=np.int64)
    offsets[1:] = np.cumsum(np.bincount(assign, minlength=nlist))
    return Ivf(centroids, offsets, rows, np.asarray(vectors[rows], dtype=np.float16))


def write(folder: Path, ivf: Ivf, write_npy: Callable[[Path, np.ndarray], None]) -> None:
    for name, array in zip(FILES, (ivf.centroids, ivf.offsets, ivf.rows, ivf.vectors), strict=True):
        write_npy(folder / name, array)


def read(folder: Path, n: int, dim: int) -> Ivf:
    """The IVF arrays of a version, memory-mapped, their shapes checked."""
    arrays = [np.load(folder / name, mmap_mode="r", allow_pickle=False) for name in FILES]
    ivf = Ivf(*arrays)
    nlist = len(ivf.centroids)
    if ivf.centroids.ndim != 2 or ivf.centroids.shape[1] != dim:
        raise shapes.bad(folder / FILES[0], f"centres of shape {ivf.centroids.shape}")
    offsets = np.asarray(ivf.offsets)
    if offsets.shape != (nlist + 1,) or offsets[0] != 0 or offsets[-1] != n:
        raise shapes.bad(folder / FILES[1], "list offsets do not cover the passages")
    if (np.diff(offsets) < 0).any():
        raise shapes.bad(folder / FILES[1], "list offsets go down")
    if ivf.rows.shape != (n,) or ivf.rows.dtype.kind not in "iu":
        raise shapes.bad(folder / FILES[2], f"{ivf.rows.shape} rows for {n} passages")
    if ivf.vectors.shape != (n, dim):
        raise shapes.bad(folder / FILES[3], f"vectors of shape {ivf.vectors.shape}")
    return ivf


def candidates(ivf: Ivf, query: np.ndarray, nprobe: int, k: int) -> np.ndarray:
    """The rows of the ``k`` best passages among the ``nprobe`` lists nearest ``query``."""
    near = ivf.centroids @ query
    probe = np.argpartition(-near, min(nprobe, len(near)) - 1)[:nprobe]
    rows, scores = [], []
    q16 = query.astype(np.float32)
    for lst in probe:
        a, b = int(ivf.offsets[lst]), int(ivf.offsets[lst + 1])
        if a < b:
            rows.append(ivf.rows[a:b])
            scores.append(np.asarray(ivf.vectors[a:b], dtype=np.float32) @ q16)
    if not rows:
        return np.zeros(0, dtype=np.int64)
    all_rows = np.concatenate(rows)
    all_scores = np.concatenate(scores)
    if len(all_scores) > k:
        top = np.argpartition(-all_scores, k - 1)[:k]
        all_rows = all_rows[top]
    return np.asarray(all_rows, dtype=np.int64)
