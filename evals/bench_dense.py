"""Benchmark: recall and speed of the large-index dense searches (PQ, IVF) against exact.

Usage::

    python -m evals.bench_dense --index-dir DIR [--pq 64,128] [--rerank 1000,2000]
        [--lists-per-sqrt 1,2] [--nprobe 16,24,32] [--questions 400] [--k 100] [--json OUT]

The gold questions (dev, team_extra, dev2, team3, as ``evals.bench_scale`` takes them)
are embedded with the index's model; each is searched exactly (FAISS's scan of every
vector of the index), through a PQ of each ``--pq`` sub-vector count with each
``--rerank`` (candidates re-scored exactly), and through an IVF of each
``--lists-per-sqrt`` with each ``--nprobe`` (both trained on the index's vectors as
``policyqa index`` trains them), asking the ``--k`` passages retrieval asks for
(``RetrieverConfig.candidates``). Reports per setting: recall@10 and recall@k of the
rows found against the exact ones, and ms per query. ``--pq ""`` or
``--lists-per-sqrt ""`` leaves that structure out.
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


def _record(
    search: str, size: int, probe: int, found: Any, exact: Any, ms: float, k: int, train_s: float
) -> dict[str, Any]:
    pairs = list(zip(found, exact, strict=True))
    record = {
        "search": search,
        "size": size,
        "probe": probe,
        "recall_10": round(float(np.mean([recall(f, e, 10) for f, e in pairs])), 4),
        "recall_k": round(float(np.mean([recall(f, e, k) for f, e in pairs])), 4),
        "ms_per_query": round(ms, 2),
        "train_s": round(train_s, 1),
    }
    print(json.dumps(record), file=sys.stderr)
    return record


def measure(
    vectors: np.ndarray, queries: np.ndarray, settings: dict[str, list[float]], k: int
) -> list[dict[str, Any]]:
    """One record per setting, the exact scan's first. ``settings``: "pq" (sub-vectors),
    "rerank", "lists" (per √N), "nprobe". PQ records: size = sub-vectors, probe = rerank;
    IVF records: size = lists, probe = nprobe."""
    from index import ivf, pq
    from index.dense import DenseIndex
    from index.dense_config import DenseConfig

    exact, exact_ms = _timed_search(DenseIndex(vectors), queries, k)
    records = [_record("exact", 0, 0, exact, exact, exact_ms, k, 0.0)]
    for m in settings["pq"]:
        config = replace(DenseConfig(), pq_subquantizers=int(m))
        t0 = time.perf_counter()
        scan = pq.PqScan(pq.train(vectors, config))
        train_s = time.perf_counter() - t0
        for rerank in settings["rerank"]:
            dense = DenseIndex(vectors, config=replace(config, pq_rerank=int(rerank)), pq=scan)
            found, ms = _timed_search(dense, queries, k)
            records.append(_record("pq", int(m), int(rerank), found, exact, ms, k, train_s))
    for per_sqrt in settings["lists"]:
        config = replace(DenseConfig(), lists_per_sqrt=per_sqrt)
        t0 = time.perf_counter()
        lists = ivf.train(vectors, config)
        train_s = time.perf_counter() - t0
        for nprobe in settings["nprobe"]:
            dense = DenseIndex(vectors, lists, replace(config, nprobe=int(nprobe)))
            found, ms = _timed_search(dense, queries, k)
            size = len(lists.centroids)
            records.append(_record("ivf", size, int(nprobe), found, exact, ms, k, train_s))
    return records


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_dense", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--index-dir", type=Path, required=True, help="index folder")
    parser.add_argument("--pq", default="128", help="PQ sub-vectors, comma-separated")
    parser.add_argument("--rerank", default="2000", help="PQ candidates re-scored exactly")
    parser.add_argument("--lists-per-sqrt", default="1", help="IVF lists / √N, comma-separated")
    parser.add_argument("--nprobe", default="24", help="IVF lists read per query")
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

    def numbers(text: str) -> list[float]:
        return [float(x) for x in text.split(",") if x.strip()]

    settings = {
        "pq": numbers(args.pq),
        "rerank": numbers(args.rerank),
        "lists": numbers(args.lists_per_sqrt),
        "nprobe": numbers(args.nprobe),
    }
    records = measure(index.vectors, queries, settings, args.k)
    print(f"{len(index.vectors)} vectors, {len(questions)} questions, k={args.k}")
    print("| search | sub-vectors / lists | rerank / nprobe | recall@10 | recall@k | ms/query |")
    print("|---|---|---|---|---|---|")
    for r in records:
        print(
            f"| {r['search']} | {r['size']} | {r['probe']} | {r['recall_10']} | "
            f"{r['recall_k']} | {r['ms_per_query']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(records, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
