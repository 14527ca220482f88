"""Benchmark: answer latency over a gold file, model load excluded.

Usage::

    python -m evals.bench_latency --index-dir DIR [--gold FILE] [--mode hybrid]

Loads :class:`answer.pipeline.QA` once (timed separately), parses what many
questions read (:meth:`QA.warm`, timed separately, as a server does at its start),
answers one warm-up question (also reported separately: the first query pays for lazy
initialisation), then asks every gold question and prints p50, p95 and max
wall time per question.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "dev.jsonl"
_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the latencies.

    Returns:
        0, or 2 when the gold file is invalid or the index cannot be loaded.
    """
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_latency", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--index-dir", type=Path, required=True, help="index folder")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL file")
    parser.add_argument("--mode", choices=("hybrid", "bm25", "dense"), default="hybrid")
    args = parser.parse_args(argv)

    for key, value in _ENV.items():
        os.environ.setdefault(key, value)

    from answer.pipeline import QA
    from corpus.errors import PolicyQAError
    from evals.gold import load_gold

    try:
        items = load_gold(args.gold)
        started = time.perf_counter()
        qa = QA(args.index_dir)
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        qa.warm()  # as a server does at its start (QA.warm): no question waits for it
        warm_s = time.perf_counter() - started
        started = time.perf_counter()
        qa.ask(items[0].question, mode=args.mode)
        warm_ms = (time.perf_counter() - started) * 1000
        times: list[float] = []
        for item in items:
            started = time.perf_counter()
            qa.ask(item.question, mode=args.mode)
            times.append((time.perf_counter() - started) * 1000)
    except PolicyQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    p50, p95 = np.percentile(np.asarray(times), [50, 95])
    print(
        f"index {args.index_dir} ({len(qa.documents)} documents), "
        f"gold {args.gold.name}, mode {args.mode}"
    )
    print(
        f"load {load_s:.2f} s, parsing for many questions {warm_s:.2f} s, "
        f"first (warm-up) question {warm_ms:.1f} ms"
    )
    print(
        f"{len(times)} questions: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(times):.1f} ms, "
        f"mean {statistics.fmean(times):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
