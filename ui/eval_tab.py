"""The “评测” tab: run a gold file against the library; registers /evaluate.

The gold format is explained on the page, with an example file to download
(``ui/assets/gold_example.jsonl``: four questions the samples answer). Each
question's row (pass/fail and why) is in a table filtered by result, type and
words; the rows download as CSV and, with the optional openpyxl, as an Excel
file. Without openpyxl the page says so in words instead of offering a broken
button.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from corpus.errors import OptionalDependencyError
from ui import eval_view
from ui import messages as m
from ui.export import write_csv, write_xlsx
from ui.render import notice
from ui.shared import PROGRESS, TOAST_SECONDS, Rows, friendly, progress_callback

if TYPE_CHECKING:
    from ui.library import Library

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).resolve().parent / "assets" / "gold_example.jsonl"


def gold_files() -> list[tuple[str, str]]:
    """(label, path) of the gold sets offered: ../shared/gold/dev.jsonl and evals/gold/*.jsonl."""
    dev = ROOT.parent / "shared" / "gold" / "dev.jsonl"
    paths = sorted((ROOT / "evals" / "gold").glob("*.jsonl"))
    found = [(f"evals/gold/{p.name}", str(p)) for p in paths]
    return [("../shared/gold/dev.jsonl", str(dev)), *found] if dev.is_file() else found


def example_lines() -> str:
    """The first and the last question of the example file, as a Markdown code block."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    return "\n```\n" + "\n".join((lines[0], lines[-1])) + "\n```\n"


def result_files(results: dict[str, Any]) -> tuple[Any, Any, str]:
    """The download buttons' files (CSV; Excel unless openpyxl is missing) and a note."""
    rows = eval_view.question_rows(results.get("questions") or [], failing=False)
    folder = Path(tempfile.mkdtemp(prefix="policyqa-eval-"))
    csv_path = folder / f"{m.RESULTS_FILE}.csv"
    write_csv(csv_path, m.RESULT_HEADS, rows)
    xlsx_path = folder / f"{m.RESULTS_FILE}.xlsx"
    try:
        write_xlsx(xlsx_path, m.RESULT_HEADS, rows, m.RESULTS_SHEET)
    except OptionalDependencyError:
        return (
            gr.DownloadButton(value=str(csv_path), visible=True),
            gr.DownloadButton(value=None, visible=False),
            notice(m.NO_OPENPYXL, "warn"),
        )
    return (
        gr.DownloadButton(value=str(csv_path), visible=True),
        gr.DownloadButton(value=str(xlsx_path), visible=True),
        "",
    )


def _filters() -> tuple[Any, Any, Any]:
    with gr.Row():
        show = gr.Radio(
            [m.SHOW_FAILED, m.SHOW_ALL], value=m.SHOW_FAILED, label=m.SHOW_WHICH, elem_id="pq-show"
        )
        kinds = [(m.TYPE_ANY, "")] + [(name, name) for name in m.TYPE_NAMES.values()]
        kind = gr.Dropdown(kinds, value="", label=m.TYPE_LABEL, elem_id="pq-kind")
        words = gr.Textbox(label=m.SEARCH, elem_id="pq-find")
    return show, kind, words


def _shown(rows: Rows | None, show: str | None, kind: str | None, words: str | None) -> Any:
    rows = rows or []
    shown = eval_view.filter_rows(rows, show != m.SHOW_ALL, kind, words)
    return gr.Dataframe(value=shown, label=eval_view.rows_summary(shown, rows))


def _gold_inputs() -> tuple[Any, Any]:
    """The explanation of the gold format with its example, and the gold file to run."""
    with gr.Accordion(m.GOLD_HELP_TITLE, open=False, elem_id="pq-gold-help"):
        gr.Markdown(m.GOLD_HELP + example_lines(), elem_classes=["pq-gold-help"])
        gr.DownloadButton(m.GOLD_EXAMPLE, value=str(EXAMPLE), size="sm", elem_id="pq-gold-example")
    golds = gold_files()
    with gr.Row():
        first = golds[0][1] if golds else None
        gold = gr.Dropdown(golds, value=first, label=m.GOLD_PICK)
        gold_upload = gr.File(file_types=[".jsonl"], label=m.GOLD_UPLOAD, elem_id="pq-gold-file")
    return gold, gold_upload


def _results() -> list[Any]:
    """Metric table, chart, question rows (and their state), downloads, note."""
    metrics = gr.Dataframe(
        headers=m.METRIC_HEADERS, interactive=False, label=m.METRICS_LABEL, elem_id="pq-metrics"
    )
    chart = gr.HTML(elem_id="pq-chart")
    filters = _filters()
    table = gr.Dataframe(
        headers=list(m.RESULT_HEADS),
        interactive=False,
        wrap=True,
        label=m.RESULTS_LABEL,
        elem_id="pq-failures",
        buttons=[],
    )
    rows = gr.State([])
    private: dict[str, Any] = {"api_visibility": "private", "show_progress": "hidden"}
    for control in filters:
        control.change(_shown, [rows, *filters], table, **private)
    with gr.Row():
        csv_btn = gr.DownloadButton(m.DOWNLOAD_CSV, visible=False, elem_id="pq-results-csv")
        xlsx_btn = gr.DownloadButton(m.DOWNLOAD_XLSX, visible=False, elem_id="pq-results-xlsx")
    note = gr.HTML(elem_id="pq-results-note")
    return [*filters, metrics, chart, table, rows, csv_btn, xlsx_btn, note]


def eval_tab(lib: Library) -> None:
    """Evaluation against a gold file; registers /evaluate."""

    def evaluate(
        choice: str | None,
        uploaded: str | None,
        show: str | None = None,
        kind: str | None = None,
        words: str | None = None,
        progress: gr.Progress = PROGRESS,
    ) -> tuple[Any, ...]:
        path = uploaded or choice
        if not path:
            raise gr.Error(m.GOLD_MISSING, duration=TOAST_SECONDS, title=m.ERROR_TITLE)
        with friendly():
            from evals.run import run_eval

            qa = lib.require()
            results = run_eval(Path(path), qa, ablation=False, progress=progress_callback(progress))
            files = result_files(results)
        rows = eval_view.question_rows(results.get("questions") or [], failing=False)
        return (
            eval_view.metric_rows(results),
            eval_view.type_chart(results.get("per_type") or {}),
            _shown(rows, show, kind, words),
            rows,
            *files,
        )

    gold, gold_upload = _gold_inputs()
    eval_btn = gr.Button(m.RUN_EVAL, variant="primary", elem_id="pq-eval")
    show, kind, words, *outputs = _results()
    eval_btn.click(evaluate, [gold, gold_upload, show, kind, words], outputs, api_name="evaluate")
