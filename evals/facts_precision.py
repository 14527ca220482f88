"""Precision of the facts table per field, from the labelled sample (issue #11).

Usage:  python -m evals.facts_precision [evals/gold/facts_sample.jsonl] [--json]
        python -m evals.facts_precision evals/gold/facts_sample2.jsonl --index /tmp/idx-all

Each line of the sample is one random facts-table row with ``right``: one boolean
per field (value_unit, year, kind, region, metric, qualifier, period) and a
``stratum`` (samples / extra). Printed: the share right per field, and of
value+unit, year, kind and region together (the issue's target: >= 0.95) with its
Wilson 95 % interval (``together_ci``), overall and per stratum. The labels
describe the rows as they were drawn (see evals/facts_sample_draw.py); with
``--index`` the labelled rows are scored again on what that index's facts table
holds now (evals/facts_rescore.py: each field against its labelled right value;
rows gone and fields showing a value nobody labelled are counted apart and
printed, never as right).
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import asdict
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent / "gold" / "facts_sample.jsonl"
TOGETHER = ("value_unit", "year", "kind", "region")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a share ``k``/``n`` (95 % for the default ``z``)."""
    if n == 0:
        return 0.0, 1.0
    p, zz = k / n, z * z
    mid = (p + zz / (2 * n)) / (1 + zz / n)
    half = z * math.sqrt(p * (1 - p) / n + zz / (4 * n * n)) / (1 + zz / n)
    return round(max(0.0, mid - half), 3), round(min(1.0, mid + half), 3)


def precision(rows: list[dict]) -> dict[str, float | tuple[float, float]]:
    """Share of rows right per field, ``together`` for the issue's four fields and
    ``together_ci``, its Wilson 95 % interval."""
    fields = list(dict.fromkeys(f for r in rows for f in r["right"]))
    out = {f: round(sum(bool(r["right"].get(f)) for r in rows) / len(rows), 3) for f in fields}
    together = sum(all(r["right"].get(f) for f in TOGETHER) for r in rows)
    ci = wilson(together, len(rows))
    return {**out, "together": round(together / len(rows), 3), "together_ci": ci}


def read_sample(path: Path) -> list[dict]:
    """The labelled rows of a sample file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def report(path: Path, rows: list[dict] | None = None) -> dict[str, dict]:
    """Precision overall (``all``) and per stratum, with the number of rows as ``n``
    (of ``rows`` when given, else of the sample at ``path`` as labelled)."""
    rows = read_sample(path) if rows is None else rows
    groups = {"all": rows}
    for r in rows:
        groups.setdefault(r.get("stratum", "?"), []).append(r)
    return {name: {"n": len(g), **precision(g)} for name, g in groups.items()}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--json", action="store_true", help="print one JSON record")
    ap.add_argument("--index", type=Path, help="score the labelled rows on this index's facts")
    args = ap.parse_args(argv)
    result: dict = report(args.sample)
    unjudged: list[str] = []
    if args.index:
        result, unjudged = _on_index(args.sample, args.index)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    for name, figures in result.items():
        print(name, " ".join(f"{k}={v}" for k, v in figures.items()))
    print("\n".join(unjudged))


def _on_index(sample: Path, index: Path) -> tuple[dict, list[str]]:
    """The report of the sample scored on ``index``, and one line per unjudged field."""
    from evals.facts_rescore import as_labels, field_value, rescore, summary
    from index.facts_view import load_facts_view

    facts = [asdict(f) for f in load_facts_view(index).facts]
    scored = rescore(read_sample(sample), facts)
    result: dict = {**report(sample, as_labels(scored)), "rescored": summary(scored)}
    lines = [
        f"unjudged {s.label['doc_id']}@{s.label['value_start']} {name}: "
        f"{field_value(s.label['fact'], name)!r} -> {field_value(s.now, name)!r}"
        for s in scored
        if s.now is not None
        for name, ok in s.right.items()
        if ok is None
    ]
    return result, lines


if __name__ == "__main__":
    main()
