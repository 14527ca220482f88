"""Dense search settings: exact below a size, a coarse structure beside the vectors above it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Coarse(Enum):
    """What a large index writes beside its vectors for dense search."""

    PQ = "pq"  # 4-bit product-quantised codes of every vector, scanned whole (index.pq)
    IVF = "ivf"  # k-means lists, a few read per query (index.ivf)


@dataclass(frozen=True)
class DenseConfig:
    """Dense search settings (recall against exact search: README, evals/bench_dense.py).

    Attributes:
        ivf_min_passages: below this many passages, search is exact (every vector):
            at 200k passages exact search (FAISS's scan of the mapped vectors) was as
            fast as reading 24 lists of float16 vectors (37 ms a query, measured), and
            gives the answers format 5 gives. From it on a ``coarse`` structure is
            written (the name is older than the PQ).
        coarse: what is written: PQ (the default) or IVF. At 1M synthetic passages
            (bench_dense, 279 gold questions, k=100) PQ with 256 sub-vectors and 1,000
            candidates re-scored found 0.999 of the exact top 10 (0.992 of the top 100)
            at 13 ms a query; 128 sub-vectors: 0.93 / 0.96 with 1,000 / 2,000 (7 / 9 ms);
            IVF reached 0.90 at 48 of 1,000 lists (177 ms) or of 2,000 lists (123 ms).
        pq_subquantizers: PQ sub-vectors (4 bits each: 128 bytes a vector for 256).
        pq_train: vectors the PQ's centres are trained on (a sample).
        pq_rerank: PQ candidates re-scored exactly (at least ``rescore`` × k).
        lists_per_sqrt: IVF lists = this × sqrt(passages).
        train_per_list: k-means trains on this many vectors per list (a sample).
        nprobe: IVF lists read per query.
        rescore: candidates re-scored exactly, as a multiple of the k asked.
        seed: the samples' and k-means' seed (the same vectors give the same index).
    """

    ivf_min_passages: int = 500_000
    coarse: Coarse = Coarse.PQ
    pq_subquantizers: int = 256
    pq_train: int = 65_536
    pq_rerank: int = 1_000
    lists_per_sqrt: float = 1.0
    train_per_list: int = 40
    nprobe: int = 24
    rescore: int = 4
    seed: int = 7
