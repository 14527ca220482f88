"""What the evaluation tab shows: the metric table, a bar per question type, the question rows.

Rows are built from the records of :func:`evals.run.run_eval`; type names and
reasons are put into Chinese by :mod:`ui.messages`. The same rows feed the
filterable table on the page and the CSV / XLSX downloads (:mod:`ui.export`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from evals.run import METRIC_KEYS
from ui import messages as m
from ui.render import MUTED, esc, notice

# Shares shown as percentages (MRR is a mean of reciprocal ranks, not a share).
RATE_KEYS = tuple(k for k in METRIC_KEYS if k != "mrr")


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key in RATE_KEYS and isinstance(value, int | float):
        return f"{value:.1%}"
    if key == "mrr" and isinstance(value, int | float):
        return f"{value:.3f}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def metric_rows(results: Mapping[str, Any]) -> list[list[str]]:
    """[label, value] rows of the overall metrics."""
    flat = dict(results)
    latency = results.get("latency_ms") or {}
    flat["latency_p50"] = latency.get("p50")
    flat["latency_p95"] = latency.get("p95")
    return [[label, _fmt(key, flat.get(key))] for key, label in m.METRIC_LABELS.items()]


def type_chart(per_type: Mapping[str, Mapping[str, Any]]) -> str:
    """A horizontal bar per question type: its answer accuracy."""
    rows = []
    for name, metrics in sorted(per_type.items()):
        acc = metrics.get("answer_accuracy")
        width = 0.0 if acc is None else max(0.0, min(1.0, float(acc))) * 100
        label = "—" if acc is None else f"{float(acc):.0%}"
        n = metrics.get("n", "")
        rows.append(
            f'<div class="pq-bar" style="display:flex;align-items:center;gap:8px;margin:4px 0">'
            f'<div style="width:7em;text-align:right">{esc(m.type_name(name))} '
            f'<span style="{MUTED}">({esc(n)})</span></div>'
            '<div style="flex:1;background:#e5e7eb;border-radius:4px;height:18px">'
            f'<div style="width:{width:.1f}%;background:#3b82f6;height:18px;'
            'border-radius:4px"></div></div>'
            f'<div style="width:3.5em">{label}</div></div>'
        )
    if not rows:
        return notice(m.NO_TYPES, "warn")
    return f'<div class="pq-chart"><div style="{MUTED}">{m.CHART_HEAD}</div>{"".join(rows)}</div>'


def got(answer: Mapping[str, Any] | None) -> str:
    """What came back for a question, in words."""
    if not answer:
        return "—"
    if answer.get("error"):
        return m.ERRORED.format(msg=answer["error"])
    if not answer.get("found", True):
        return m.REFUSED.format(msg=answer.get("message") or "未找到")
    return str(answer.get("answer", ""))


def expected(q: Mapping[str, Any]) -> str:
    exp = q.get("expected")
    return m.SHOULD_REFUSE if exp == [] else ("、".join(exp) if exp else "—")


def _cited(answer: Mapping[str, Any] | None) -> str:
    cites = (answer or {}).get("citations") or []
    return "；".join(dict.fromkeys(f"《{c.get('title') or c.get('doc_id')}》" for c in cites))


def question_row(q: Mapping[str, Any]) -> list[str]:
    """One question's row: the heads of :data:`ui.messages.RESULT_HEADS`."""
    return [
        str(q.get("id", "")),
        m.type_name(str(q.get("type", ""))),
        str(q.get("question", "")),
        expected(q),
        got(q.get("answer")),
        m.PASSED if q.get("pass") else m.FAILED,
        m.why(str(q.get("why", ""))),
        _cited(q.get("answer")),
    ]


def question_rows(
    questions: Iterable[Mapping[str, Any]], *, failing: bool = True
) -> list[list[str]]:
    """The rows of the questions (by default only the failing ones)."""
    return [question_row(q) for q in questions if not (failing and q.get("pass"))]


def filter_rows(
    rows: list[list[str]], failed_only: bool, kind: str | None, words: str | None
) -> list[list[str]]:
    """The rows of :func:`question_rows` a person asked to see: only the failing ones or
    all, of one type (its Chinese name; None or "" for every type), holding some words
    (in the question, the answers or the reason)."""
    words = (words or "").strip()
    return [
        r
        for r in rows
        if (not failed_only or r[5] == m.FAILED)
        and (not kind or r[1] == kind)
        and (not words or any(words in cell for cell in (r[0], *r[2:])))
    ]


def rows_summary(shown: list[list[str]], rows: list[list[str]]) -> str:
    """How many rows are shown of how many, and how many failed."""
    failed = sum(r[5] == m.FAILED for r in rows)
    return m.ROWS_SHOWN.format(shown=len(shown), total=len(rows), failed=failed)
