"""Markdown report of :func:`evals.run.run_eval` results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from evals.run import ABLATION_KEYS, fmt

_METRICS: tuple[tuple[str, str], ...] = (
    ("answer accuracy", "answer_accuracy"),
    ("refusal recall (unanswerable refused)", "refusal_recall"),
    ("false refusal rate (answerable refused)", "false_refusal_rate"),
    ("citation accuracy (first citation in a gold doc)", "citation_accuracy"),
    ("recall@1 (evidence in top passage)", "recall_at_1"),
    ("recall@5", "recall_at_5"),
    ("MRR", "mrr"),
)

_SHORT: dict[str, str] = {
    "answer_accuracy": "answer",
    "refusal_recall": "refusal recall",
    "false_refusal_rate": "false refusal",
    "citation_accuracy": "citation",
    "recall_at_1": "R@1",
    "recall_at_5": "R@5",
    "mrr": "MRR",
}


def _cell(text: Any) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out


def _latency(m: Mapping[str, Any]) -> tuple[str, str]:
    lat = m.get("latency_ms") or {}
    return fmt(lat.get("p50"), 1), fmt(lat.get("p95"), 1)


def _overall(results: Mapping[str, Any]) -> list[str]:
    rows: list[list[str]] = [[label, fmt(results[key])] for label, key in _METRICS]
    p50, p95 = _latency(results)
    rows += [["latency p50 (ms)", p50], ["latency p95 (ms)", p95]]
    return _table(["metric", "value"], rows)


def _per_type(results: Mapping[str, Any]) -> list[str]:
    keys = [key for _, key in _METRICS]
    header = ["type", "n", *(_SHORT[k] for k in keys), "p50 ms", "p95 ms"]
    rows = [
        [t, m["n"], *(fmt(m[k]) for k in keys), *_latency(m)]
        for t, m in results["per_type"].items()
    ]
    return _table(header, rows)


def _ablation(ablation: Mapping[str, Mapping[str, Any]]) -> list[str]:
    header = ["retrieval", *(_SHORT.get(k, k.replace("_", " ")) for k in ABLATION_KEYS)]
    rows = [[mode, *(fmt(m[k]) for k in ABLATION_KEYS)] for mode, m in ablation.items()]
    return _table(header, rows)


def _got(record: Mapping[str, Any]) -> str:
    answer = record.get("answer") or {}
    if not answer.get("found"):
        return "(refused)"
    text = str(answer.get("answer", ""))
    cites = answer.get("citations") or []
    doc = f" [{cites[0]['doc_id']}]" if cites else ""
    return (text if len(text) <= 80 else text[:80] + "…") + doc


def _failures(records: Sequence[Mapping[str, Any]]) -> list[str]:
    failing = [r for r in records if not r["pass"]]
    if not failing:
        return ["All questions pass."]
    rows = [
        [
            r["id"],
            r["type"],
            r["question"],
            "；".join(r["expected"]) or "(refuse)",
            _got(r),
            r["why"],
        ]
        for r in failing
    ]
    return _table(["id", "type", "question", "expected", "got", "why"], rows)


def render_markdown(results: Mapping[str, Any], *, title: str | None = None) -> str:
    """Render evaluation results as a Markdown report.

    Args:
        results: what :func:`evals.run.run_eval` returned (or its JSON).
        title: the report's heading (default: "Evaluation: <gold file>").

    Returns:
        Markdown: overall metrics, per-type metrics, the retrieval ablation
        when present, skipped questions and the failing questions with what
        was expected, what came back and why it is wrong.
    """
    heading = title or f"Evaluation: {Path(results['gold']).name}"
    out = [
        f"# {heading}",
        "",
        f"Gold file `{results['gold']}`, index `{results['index_dir']}`: "
        f"{results['n']} questions evaluated, {results['n_skipped']} skipped.",
        "",
        "## Overall",
        "",
        *_overall(results),
        "",
        "## Per question type",
        "",
        *_per_type(results),
        "",
    ]
    if results.get("ablation"):
        out += ["## Retrieval ablation", "", *_ablation(results["ablation"]), ""]
    skipped = results.get("skipped") or []
    if skipped:
        out += [
            "## Skipped questions",
            "",
            *_table(
                ["id", "question", "reason"],
                [[s["id"], s["question"], s["reason"]] for s in skipped],
            ),
            "",
        ]
    out += ["## Failing questions", "", *_failures(results["questions"]), ""]
    return "\n".join(out)
