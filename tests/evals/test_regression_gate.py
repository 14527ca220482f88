"""Regression gate: answer quality on the gold sets must not fall below measured floors.

The floors sit just under what the real model and pipeline measured when they
were set (evals/REPORT.md); a change that loses answers fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.pipeline import QA
from evals.run import run_eval

ROOT = Path(__file__).resolve().parents[2]
TEAM = ROOT / "evals" / "gold" / "team_samples.jsonl"
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"

# Measured: team 0.924 answer accuracy, 0.944 refusal recall, R@5 1.0; dev 1.000 throughout.
TEAM_FLOOR = {"answer_accuracy": 0.90, "refusal_recall": 0.90, "recall_at_5": 0.97}
DEV_FLOOR = {"answer_accuracy": 0.95, "refusal_recall": 0.9, "recall_at_5": 0.97}


def _check(results: dict[str, object], floors: dict[str, float]) -> None:
    failing = [
        f"{k} {results[k]:.3f} < {v}"
        for k, v in floors.items()
        if float(results[k]) < v  # type: ignore[arg-type]
    ]
    assert not failing, "; ".join(failing)


def test_team_set_over_samples_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM, real_qa), TEAM_FLOOR)


@pytest.mark.skipif(not DEV.is_file(), reason="../shared/gold/dev.jsonl absent")
def test_shared_dev_set_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(DEV, real_qa), DEV_FLOOR)
