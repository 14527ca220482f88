"""Regression gate: answer quality on the gold sets must not fall below measured floors.

The floors sit just under what the real model and pipeline measured when they
were set (evals/REPORT.md); a change that loses answers fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.pipeline import QA
from evals.run import run_eval

pytestmark = pytest.mark.slow  # the real embedding model over the samples

ROOT = Path(__file__).resolve().parents[2]
TEAM = ROOT / "evals" / "gold" / "team_samples.jsonl"
SHAPES = ROOT / "evals" / "gold" / "team_shapes_samples.jsonl"
DEV = ROOT.parent / "shared" / "gold" / "dev.jsonl"
DEV2 = ROOT.parent / "shared" / "gold" / "dev2.jsonl"
TEAM3 = ROOT / "evals" / "gold" / "team3.jsonl"
TEAM4 = ROOT / "evals" / "gold" / "team4.jsonl"
TEAM5S = ROOT / "evals" / "gold" / "team5s.jsonl"
TEAM6S = ROOT / "evals" / "gold" / "team6s.jsonl"
TEAM7S = ROOT / "evals" / "gold" / "team7s.jsonl"
LATE = [ROOT / "evals" / "gold" / f"team{n}.jsonl" for n in (12, 13, 14)]

# Measured over the samples index (evals/REPORT.md): team 0.924 answer accuracy, 0.944
# refusal recall, R@5 1.0; dev 1.000 throughout; dev2 1.0 / 1.0 / 0.913 (its two
# corpus-extra questions are skipped without that index); team shapes 0.768 / 0.70 / 0.913.
# The held-out set (evals/gold/holdout.jsonl) is reported, never gated or tuned on.
TEAM_FLOOR = {"answer_accuracy": 0.90, "refusal_recall": 0.90, "recall_at_5": 0.97}
DEV_FLOOR = {"answer_accuracy": 0.95, "refusal_recall": 0.9, "recall_at_5": 0.97}
DEV2_FLOOR = {"answer_accuracy": 0.92, "refusal_recall": 0.9, "recall_at_5": 0.88}
SHAPES_FLOOR = {"answer_accuracy": 0.74, "refusal_recall": 0.65, "recall_at_5": 0.88}
# team3 (all shapes) and team4 (lists and names), written blind in session 11: over the
# samples index 0.792 / 0.909 / R@5 1.0 and 0.750 / R@5 1.0 (their corpus-extra questions
# are skipped without that index).
TEAM3_FLOOR = {"answer_accuracy": 0.75, "refusal_recall": 0.85, "recall_at_5": 0.97}
TEAM4_FLOOR = {"answer_accuracy": 0.68, "recall_at_5": 0.97}
# team5s (40 over the samples), written blind in session 12: 0.600 blind, 0.875 after
# the session's work (refusal recall 1.0, R@5 0.971).
TEAM5S_FLOOR = {"answer_accuracy": 0.82, "refusal_recall": 0.9, "recall_at_5": 0.95}
# team6s (45 over the samples), written blind in session 13: 0.578 blind, 0.800 after the
# session's work (refusal recall 0.833, R@5 1.0).
TEAM6S_FLOOR = {"answer_accuracy": 0.73, "refusal_recall": 0.8, "recall_at_5": 0.95}
# team7s (40 over the samples), written blind in session 14: 0.675 blind, 0.800 after the
# session's work (refusal recall 0.857, R@5 0.970).
TEAM7S_FLOOR = {"answer_accuracy": 0.72, "refusal_recall": 0.8, "recall_at_5": 0.95}
# team12, team13, team14, written blind in session 17 (their sample questions here: 31, 31
# and 27; the rest are skipped without the corpus-extra index): 0.968, 0.968 and 0.926
# blind, 1.000, 1.000 and 0.926 after the session's work (refusal recall 1.0, 0.929, 1.0).
LATE_FLOOR = {"answer_accuracy": 0.88, "refusal_recall": 0.85}
# team15, written blind in session 18 (its 22 sample questions here): 0.864 blind and after
# the session's work (refusal recall 0.923); its sample part c stayed blind.
TEAM15 = ROOT / "evals" / "gold" / "team15.jsonl"
TEAM15_FLOOR = {"answer_accuracy": 0.8, "refusal_recall": 0.85}
# team16, written blind in session 19 (its 17 questions answerable from the samples index):
# 0.882 blind and after the session's work (refusal recall 1.0); its part c stayed blind.
TEAM16 = ROOT / "evals" / "gold" / "team16.jsonl"
TEAM16_FLOOR = {"answer_accuracy": 0.8, "refusal_recall": 0.85}
# team17, written blind in session 20 (its 32 questions the samples index answers or refuses):
# 0.938 blind and after the session's work (refusal recall 1.0); parts a and c stayed blind.
TEAM17 = ROOT / "evals" / "gold" / "team17.jsonl"
TEAM17_FLOOR = {"answer_accuracy": 0.85, "refusal_recall": 0.85}
# team18, written blind in session 21 (its 39 questions the samples index answers or refuses):
# 0.846 blind, 0.897 after the session's work (refusal recall 1.0); parts a and c stayed blind.
TEAM18 = ROOT / "evals" / "gold" / "team18.jsonl"
TEAM18_FLOOR = {"answer_accuracy": 0.85, "refusal_recall": 0.85}
# team20, written in session 22 (its 19 questions the samples index answers or refuses):
# 0.947 at first contact and after the session's work (refusal recall 1.0). team19 is
# over corpus-extra only: nothing of it is answered from the samples index.
TEAM20 = ROOT / "evals" / "gold" / "team20.jsonl"
TEAM20_FLOOR = {"answer_accuracy": 0.85, "refusal_recall": 0.85}


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


@pytest.mark.skipif(not DEV2.is_file(), reason="../shared/gold/dev2.jsonl absent")
def test_shared_realistic_shapes_meet_the_floor(real_qa: QA) -> None:
    _check(run_eval(DEV2, real_qa), DEV2_FLOOR)


def test_team_realistic_shapes_meet_the_floor(real_qa: QA) -> None:
    _check(run_eval(SHAPES, real_qa), SHAPES_FLOOR)


def test_team_blind_sets_meet_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM3, real_qa), TEAM3_FLOOR)
    _check(run_eval(TEAM4, real_qa), TEAM4_FLOOR)
    _check(run_eval(TEAM5S, real_qa), TEAM5S_FLOOR)
    _check(run_eval(TEAM6S, real_qa), TEAM6S_FLOOR)
    _check(run_eval(TEAM7S, real_qa), TEAM7S_FLOOR)


def test_session_17_blind_sets_meet_the_floor(real_qa: QA) -> None:
    for gold in LATE:
        _check(run_eval(gold, real_qa), LATE_FLOOR)


def test_session_18_blind_set_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM15, real_qa), TEAM15_FLOOR)


def test_session_19_blind_set_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM16, real_qa), TEAM16_FLOOR)


def test_session_20_blind_set_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM17, real_qa), TEAM17_FLOOR)


def test_session_21_blind_set_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM18, real_qa), TEAM18_FLOOR)


def test_session_22_set_meets_the_floor(real_qa: QA) -> None:
    _check(run_eval(TEAM20, real_qa), TEAM20_FLOOR)
