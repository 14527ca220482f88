"""evals.facts_precision: per-field precision of a labelled facts sample (made-up rows)."""

from __future__ import annotations

import json
from pathlib import Path

from evals.facts_precision import SAMPLE, precision, report


def _row(stratum: str, **wrong: bool) -> dict[str, object]:
    right = {f: True for f in ("value_unit", "year", "kind", "region", "metric")}
    return {"stratum": stratum, "right": {**right, **{k: False for k in wrong}}}


def test_precision_per_field_and_together() -> None:
    rows = [_row("a"), _row("a", year=True), _row("b", metric=True), _row("b", kind=True)]
    p = precision(rows)
    assert p["value_unit"] == 1.0 and p["year"] == 0.75 and p["metric"] == 0.75
    assert p["together"] == 0.5  # a wrong metric alone does not count against it


def test_report_per_stratum(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    rows = [_row("a"), _row("b", region=True)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = report(path)
    assert r["all"]["n"] == 2 and r["a"]["together"] == 1.0 and r["b"]["together"] == 0.0


def test_the_team_sample_has_at_least_200_labelled_rows() -> None:
    assert report(SAMPLE)["all"]["n"] >= 200
