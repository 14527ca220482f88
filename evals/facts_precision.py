"""Precision of the facts table per field, from the labelled sample (issue #11).

Usage:  python -m evals.facts_precision [evals/gold/facts_sample.jsonl] [--json]

Each line of the sample is one random facts-table row with ``right``: one boolean
per field (value_unit, year, kind, region, metric, qualifier, period) and a
``stratum`` (samples / extra). Printed: the share right per field, and of
value+unit, year, kind and region together (the issue's target: >= 0.95), overall
and per stratum. The labels describe the rows as they were drawn (see
evals/facts_sample_draw.py); a later change of the extraction is not in them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "gold" / "facts_sample.jsonl"
TOGETHER = ("value_unit", "year", "kind", "region")


def precision(rows: list[dict]) -> dict[str, float]:
    """Share of rows right per field, and ``together`` for the issue's four fields."""
    fields = list(dict.fromkeys(f for r in rows for f in r["right"]))
    out = {f: sum(bool(r["right"].get(f)) for r in rows) / len(rows) for f in fields}
    out["together"] = sum(all(r["right"].get(f) for f in TOGETHER) for r in rows) / len(rows)
    return {k: round(v, 3) for k, v in out.items()}


def report(path: Path) -> dict[str, dict[str, float]]:
    """Precision overall (``all``) and per stratum, with the number of rows as ``n``."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    groups = {"all": rows}
    for r in rows:
        groups.setdefault(r.get("stratum", "?"), []).append(r)
    return {name: {"n": len(g), **precision(g)} for name, g in groups.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--json", action="store_true", help="print one JSON record")
    args = ap.parse_args(argv)
    result = report(args.sample)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    for name, figures in result.items():
        print(name, " ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
