"""Benchmark: recall and speed of the IVF dense search against an exact scan.

Usage::

    python -m evals.bench_ivf --index-dir DIR [--lists-per-sqrt 1,2] [--nprobe 16,24,32]
        [--questions 400] [--k 100] [--json OUT]

The gold questions (dev, team_extra, dev2, team3, as ``evals.bench_scale`` takes them)
are embedded with the index's model; each is searched exactly (FAISS's scan of every
vector of the index) and through an IVF of each ``--lists-per-sqrt`` (trained on the
index's vectors as ``policyqa index`` trains it) with each ``--nprobe``, asking the
``--k`` passages retrieval asks for (``RetrieverConfig.candidates``; the IVF reads
``rescore`` × k candidates and re-scores them exactly). Reports per setting:
recall@10 and recall@k of the IVF's rows against the exact ones, and ms per query.
Not a test: figures depend on the machine and on the vectors (a synthetic index of
``bench_scale --keep`` holds near-copies of each real vector).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np


def recall(found: np.ndarray, exact: np.ndarray, k: int) -> float:
    """The share of the exact top ``k`` rows among the first ``k`` found."""
    return len(set(found[:k].tolist()) & set(exact[:k].tolist())) / max(1, min(k, len(exact)))


def _timed_search(dense: Any, queries: np.ndarray, k: int) -> tuple[list[np.ndarray], float]:
    rows = []
    t0 = time.perf_counter()
    for q in queries:
        rows.append(dense.search(q, k)[0])
    return rows, (time.perf_counter() - t0) * 1000 / max(1, len(queries))


def measure(
    vectors: np.ndarray, queries: np.ndarray, lists: Sequence[float], probes: Sequence[int], k: int
) -> list[dict[str, Any]]:
    """One record per (lists per √N, nprobe), the exact scan's first."""
    from index.dense import DenseIndex
    from index.ivf import DenseConfig, train

    exact, exact_ms = _timed_search(DenseIndex(vectors), queries, k)
    records: list[dict[str, Any]] = [
        {
            "search": "exact",
            "lists": 0,
            "nprobe": 0,
            "recall_10": 1.0,
            "recall_k": 1.0,
            "ms_per_query": round(exact_ms, 2),
            "train_s": 0.0,
        }
    ]
    for per_sqrt in lists:
        config = replace(DenseConfig(), lists_per_sqrt=per_sqrt)
        t0 = time.perf_counter()
        ivf = train(vectors, config)
        train_s = time.perf_counter() - t0
        for nprobe in probes:
            dense = DenseIndex(vectors, ivf, replace(config, nprobe=nprobe))
            found, ms = _timed_search(dense, queries, k)
            pairs = list(zip(found, exact, strict=True))
            records.append(
                {
                    "search": "ivf",
                    "lists": len(ivf.centroids),
                    "nprobe": nprobe,
                    "recall_10": round(float(np.mean([recall(f, e, 10) for f, e in pairs])), 4),
                    "recall_k": round(float(np.mean([recall(f, e, k) for f, e in pairs])), 4),
                    "ms_per_query": round(ms, 2),
                    "train_s": round(train_s, 1),
                }
            )
            print(json.dumps(records[-1]), file=sys.stderr)
    return records


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_ivf", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--index-dir", type=Path, required=True, help="index folder")
    parser.add_argument("--lists-per-sqrt", default="1", help="IVF lists / √N, comma-separated")
    parser.add_argument("--nprobe", default="16,24,32", help="lists read per query")
    parser.add_argument("--questions", type=int, default=400)
    parser.add_argument("--k", type=int, default=100, help="passages asked for per query")
    parser.add_argument("--json", type=Path, help="write the records here")
    args = parser.parse_args(argv)

    from evals.bench_scale import GOLD, gold_questions
    from index import store
    from index.embed import get_embedder

    index = store.load(args.index_dir)
    questions = gold_questions(GOLD, args.questions)
    queries = np.asarray(get_embedder(index.model_id).encode(questions), dtype=np.float32)
    records = measure(
        index.vectors,
        queries,
        [float(x) for x in args.lists_per_sqrt.split(",")],
        [int(x) for x in args.nprobe.split(",")],
        args.k,
    )
    print(f"{len(index.vectors)} vectors, {len(questions)} questions, k={args.k}")
    print("| search | lists | nprobe | recall@10 | recall@k | ms/query | train_s |")
    print("|---|---|---|---|---|---|---|")
    for r in records:
        print(
            f"| {r['search']} | {r['lists']} | {r['nprobe']} | {r['recall_10']} | "
            f"{r['recall_k']} | {r['ms_per_query']} | {r['train_s']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
