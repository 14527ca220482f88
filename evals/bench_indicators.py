"""Benchmark: the indicator table (``policyqa indicators``) over an index.

Usage::

    python -m evals.bench_indicators --index-dir DIR [--runs 50] [--processes 5]
        [--query 高企 ...] [--json OUT]

Two figures, reported apart:

* in-process: the index's facts are loaded once (``load_facts_view``, timed),
  the table built once (timed), then every query runs ``--runs`` times as
  ``policyqa indicators --json`` runs it (search, rows to JSON lines); p50/p95
  per query, in milliseconds. This is the query itself, the figure issue #11
  bounds (≤ 200 ms p95).
* whole process: ``policyqa indicators --json QUERY`` started ``--processes``
  times as a subprocess (Python start-up, imports and loading included).

Not a test; it prints one JSON record.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

DEFAULT_QUERIES = ("高企", "余杭历年新增高企", "研发投入", "各区2024年研发投入强度目标")


def _percentiles(ms: list[float]) -> dict[str, float]:
    p50, p95 = (round(float(x), 1) for x in np.percentile(ms, [50, 95]))
    return {"p50": p50, "p95": p95, "max": round(max(ms), 1)}


def in_process(folder: Path, queries: list[str], runs: int) -> dict[str, object]:
    """Load once, then time each query ``runs`` times (search and JSON lines)."""
    from index.facts_view import load_facts_view
    from retrieval.indicators import IndicatorFilter, IndicatorTable

    t0 = time.perf_counter()
    view = load_facts_view(folder)
    t1 = time.perf_counter()
    table = IndicatorTable(view)
    t2 = time.perf_counter()
    out: dict[str, object] = {
        "facts": len(view.facts),
        "documents": len(view.documents),
        "load_ms": round((t1 - t0) * 1000, 1),
        "table_ms": round((t2 - t1) * 1000, 1),
    }
    per_query = {}
    for q in queries:
        ms, n = [], 0
        for _ in range(runs):
            s = time.perf_counter()
            rows = table.search(IndicatorFilter(query=q))
            lines = [json.dumps(asdict(r), ensure_ascii=False) for r in rows]
            ms.append((time.perf_counter() - s) * 1000)
            n = len(lines)
        per_query[q] = {"rows": n, **_percentiles(ms)}
    out["query_ms"] = per_query
    return out


def whole_process(folder: Path, query: str, n: int) -> dict[str, object]:
    """Wall time of ``policyqa indicators --json QUERY`` as a new process, ``n`` times."""
    # What the `policyqa` console script runs.
    entry = "import sys; from ui.cli import main; sys.exit(main())"
    cmd = [sys.executable, "-c", entry, "indicators", "--json", query, "--index-dir", str(folder)]
    ms = []
    for _ in range(n):
        s = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        ms.append((time.perf_counter() - s) * 1000)
    return {"query": query, "runs": n, **_percentiles(ms)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=50, help="in-process runs of each query")
    ap.add_argument("--processes", type=int, default=5, help="whole-process runs (0: none)")
    ap.add_argument("--query", action="append", help="a query (repeatable)")
    ap.add_argument("--json", type=Path, help="also write the record here")
    args = ap.parse_args(argv)
    queries = args.query or list(DEFAULT_QUERIES)
    record = {"index_dir": str(args.index_dir), **in_process(args.index_dir, queries, args.runs)}
    if args.processes:
        record["whole_process_ms"] = whole_process(args.index_dir, queries[0], args.processes)
    text = json.dumps(record, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
