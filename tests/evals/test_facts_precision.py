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


# --- scored again on an index (evals.facts_rescore) ---------------------------------


def _labelled(**over: object) -> dict[str, object]:
    fact = {"year": 2023, "kind": "actual", "region": "甲市", "metric": "新增企业"}
    fact |= {"value": "8", "unit": "家", "qualifier": "", "period": ""}
    right = {f: True for f in ("value_unit", "year", "kind", "region", "metric")}
    row = {"doc_id": "d.txt", "value_start": 10, "value_end": 12, "stratum": "a"}
    return {**row, "fact": fact, "right": right, "fix": {}, **over}


def _now(**over: object) -> dict[str, object]:
    fact = {"doc_id": "d.txt", "value_start": 10, "value_end": 12, "year": 2023}
    fact |= {"kind": "actual", "region": "甲市", "metric": "新增企业", "value": "8", "unit": "家"}
    return {**fact, "qualifier": "", "period": "", **over}


def test_rescore_keeps_right_values_and_takes_fixes() -> None:
    from evals.facts_rescore import rescore

    wrong_year = _labelled(fix={"year": 2022})
    wrong_year["right"] = {**wrong_year["right"], "year": False}  # type: ignore[dict-item]
    same, fixed = rescore([_labelled(), wrong_year], [_now(year=2022)])
    assert same.right["year"] is None  # right when drawn, another value now: unjudged
    assert fixed.right["year"] is True and fixed.right["kind"] is True
    (still,) = rescore([wrong_year], [_now()])
    assert still.right["year"] is False  # the drawn wrong value again


def test_rescore_drops_also_and_moved_values() -> None:
    from evals.facts_rescore import as_labels, rescore, summary

    no_figure = _labelled(fix={"value_unit": "none (a policy's name)"})
    no_figure["right"] = {**no_figure["right"], "value_unit": False}  # type: ignore[dict-item]
    also = _labelled(doc_id="e.txt", also={"region": ["乙市"]})
    moved = _labelled(doc_id="f.txt")
    facts = [_now(doc_id="e.txt", region="乙市"), _now(doc_id="f.txt", value_start=11)]
    scored = rescore([no_figure, also, moved], facts)
    assert scored[0].dropped and scored[0].no_figure
    assert scored[1].right["region"] is True  # a value read later and found right
    assert scored[2].right["value_unit"] is True  # found again by an overlapping value
    assert summary(scored)["dropped_no_figure"] == 1 and len(as_labels(scored)) == 2


def test_wilson_interval_holds_the_share_and_narrows_with_n() -> None:
    from evals.facts_precision import wilson

    lo, hi = wilson(93, 100)
    assert lo < 0.93 < hi and (lo, hi) == (0.863, 0.966)
    assert wilson(930, 1000)[1] - wilson(930, 1000)[0] < hi - lo
    assert wilson(10, 10)[1] == 1.0 and wilson(0, 0) == (0.0, 1.0)
    assert precision([_row("a")])["together_ci"] == wilson(1, 1)
