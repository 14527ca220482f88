"""The “评测” tab: run a gold file against the library; registers /evaluate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr

from ui import eval_view
from ui import messages as m
from ui.shared import PROGRESS, TOAST_SECONDS, Rows, friendly, progress_callback

if TYPE_CHECKING:
    from ui.library import Library

ROOT = Path(__file__).resolve().parent.parent


def gold_files() -> list[tuple[str, str]]:
    """(label, path) of the gold sets offered: ../shared/gold/dev.jsonl and evals/gold/*.jsonl."""
    dev = ROOT.parent / "shared" / "gold" / "dev.jsonl"
    paths = sorted((ROOT / "evals" / "gold").glob("*.jsonl"))
    found = [(f"evals/gold/{p.name}", str(p)) for p in paths]
    return [("../shared/gold/dev.jsonl", str(dev)), *found] if dev.is_file() else found


def eval_tab(lib: Library) -> None:
    """Evaluation against a gold file; registers /evaluate."""

    def evaluate(
        choice: str | None, uploaded: str | None, progress: gr.Progress = PROGRESS
    ) -> tuple[Rows, str, str]:
        path = uploaded or choice
        if not path:
            raise gr.Error(m.GOLD_MISSING, duration=TOAST_SECONDS, title=m.ERROR_TITLE)
        with friendly():
            from evals.run import run_eval

            qa = lib.require()
            results = run_eval(Path(path), qa, ablation=False, progress=progress_callback(progress))
        return (
            eval_view.metric_rows(results),
            eval_view.type_chart(results.get("per_type") or {}),
            eval_view.failures_html(results.get("questions") or []),
        )

    golds = gold_files()
    with gr.Row():
        first = golds[0][1] if golds else None
        gold = gr.Dropdown(golds, value=first, label=m.GOLD_PICK)
        gold_upload = gr.File(file_types=[".jsonl"], label=m.GOLD_UPLOAD, elem_id="pq-gold-file")
    eval_btn = gr.Button(m.RUN_EVAL, variant="primary", elem_id="pq-eval")
    metrics = gr.Dataframe(
        headers=m.METRIC_HEADERS, interactive=False, label=m.METRICS_LABEL, elem_id="pq-metrics"
    )
    chart = gr.HTML(elem_id="pq-chart")
    failures = gr.HTML(elem_id="pq-failures")
    eval_btn.click(evaluate, [gold, gold_upload], [metrics, chart, failures], api_name="evaluate")
