"""The 指标 tab of the web UI: the indicator table (指标库) with its filters, a chart,
each row's source, and CSV / XLSX downloads.

The rows are those of ``policyqa indicators`` (:mod:`retrieval.indicators`) over
the index the server has loaded; :mod:`ui.indicators_view` turns them into what
the page shows. API endpoint (for ``gradio_client``):

* ``/indicators`` (query, metric, region, year, kind, only_conflicts) -> the rows
  as dicts, with the keys of ``policyqa indicators --json``
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from corpus.errors import QueryError
from retrieval.query import check_text
from ui import indicators_view as view

if TYPE_CHECKING:
    from retrieval.indicators import IndicatorFilter, IndicatorTable
    from ui.library import Library

Friendly = Callable[[], AbstractContextManager[None]]
_EXPORTS = Path(tempfile.gettempdir()) / "policyqa-indicators"


def _filter(query: Any, metric: Any, region: Any, year: Any, kind: Any) -> IndicatorFilter:
    """The filter the controls describe.

    Raises:
        InvalidTextError: a text holds a lone surrogate.
        QueryError: the year is not a year.
    """
    from retrieval.indicators import IndicatorFilter

    texts = [str(x or "").strip() for x in (query, metric, region, year)]
    for text in texts:
        check_text(text, "a filter")
    if texts[3] and not (texts[3].isdigit() and len(texts[3]) == 4):
        raise QueryError(f"the year {texts[3]!r} is not a year such as 2024")
    year_ = int(texts[3]) if texts[3] else None
    kind_ = view.KIND_CHOICES.get(str(kind or ""), "")
    return IndicatorFilter(query=texts[0], metric=texts[1], region=texts[2], year=year_, kind=kind_)


def _plots(rows: view.Found, table: IndicatorTable) -> tuple[Any, Any]:
    """The line and bar plot updates: the chart drawn by one of them, the other hidden."""
    c = view.chart(rows.rows, table.canonical, table.config.chart_lines)
    if not c.kind:
        return gr.LinePlot(value=None, visible=False), gr.BarPlot(value=None, visible=False)
    frame = view.chart_frame(c)
    line = gr.LinePlot(value=frame, title=c.title, visible=True) if c.kind == "line" else None
    bar = gr.BarPlot(value=frame, title=c.title, visible=True) if c.kind == "bar" else None
    return line or gr.LinePlot(visible=False), bar or gr.BarPlot(visible=False)


def _controls(lib: Library) -> dict[str, Any]:
    """The search box, filters, buttons, table, charts and source panel."""
    metrics: list[str] = []
    regions: list[str] = []
    years: list[str] = []
    qa = lib.qa
    if qa is not None:
        table = qa.retriever.indicators
        metrics, regions, years = view.choices(table.view, table.config.metric_choices)

    def pick(choices: list[str], label: str, elem_id: str) -> gr.Dropdown:
        return gr.Dropdown(
            choices, value=None, allow_custom_value=True, label=label, elem_id=elem_id
        )

    c: dict[str, Any] = {}
    with gr.Row():
        c["query"] = gr.Textbox(
            label="搜索 search",
            placeholder="例如：高企、余杭历年新增高企、研发投入强度",
            elem_id="pq-ind-query",
            scale=3,
        )
        c["metric"] = pick(metrics, "指标 metric", "pq-ind-metric")
        c["region"] = pick(regions, "地区 region", "pq-ind-region")
        c["year"] = pick(years, "年份 year", "pq-ind-year")
    with gr.Row():
        c["kind"] = gr.Radio(
            list(view.KIND_CHOICES), value="全部", label="类型 kind", elem_id="pq-ind-kind"
        )
        c["only"] = gr.Checkbox(label="只看冲突（不同文件数值不同）", elem_id="pq-ind-conflicts")
        c["search"] = gr.Button("查询", variant="primary", elem_id="pq-ind-search")
    c["summary"] = gr.HTML(elem_id="pq-ind-summary")
    c["table"] = gr.Dataframe(
        headers=view.COLUMNS,
        interactive=False,
        wrap=True,
        max_height=420,
        column_widths=[*view.WIDTHS, "360px", "240px"],
        label="指标（点击一行查看出处；点击列名排序）",
        elem_id="pq-ind-table",
    )
    with gr.Row():
        with gr.Column(scale=3):
            c["line"] = gr.LinePlot(
                x="年份",
                y="数值",
                color="系列",
                sort="x",
                height=320,
                visible=False,
                elem_id="pq-ind-line",
            )
            c["bar"] = gr.BarPlot(
                x="地区", y="数值", color="系列", height=320, visible=False, elem_id="pq-ind-bar"
            )
        with gr.Column(scale=2):
            c["source"] = gr.HTML(elem_id="pq-ind-source")
    with gr.Row():
        c["csv"] = gr.Button("导出 CSV", elem_id="pq-ind-csv")
        c["xlsx"] = gr.Button("导出 Excel (XLSX)", elem_id="pq-ind-xlsx")
        c["file"] = gr.File(
            label="下载 download", interactive=False, height=90, elem_id="pq-ind-file"
        )
    return c


def indicators_tab(lib: Library, friendly: Friendly) -> None:
    """Build the tab inside the current ``gr.Tab``; registers ``/indicators``.

    Args:
        lib: the server's index.
        friendly: turns policyqa's errors into a Chinese message on the page.
    """
    from retrieval.indicators import find_conflicts

    def rows_of(*controls: Any) -> tuple[view.Found, IndicatorTable]:
        with friendly():
            f = _filter(*controls[:5])
            table = lib.require().retriever.indicators
            rows = table.search(f)
        return view.found(rows, find_conflicts(rows, table.canonical), bool(controls[5])), table

    def search(*controls: Any) -> tuple[Any, ...]:
        found, table = rows_of(*controls)
        limit = table.config.page_rows
        line, bar = _plots(found, table)
        table_value = view.table_frame(found, limit)
        return view.summary(found, limit), table_value, line, bar, found, ""

    def indicators(
        query: str = "",
        metric: str = "",
        region: str = "",
        year: str = "",
        kind: str = "全部",
        only_conflicts: bool = False,
    ) -> list[dict[str, Any]]:
        """The indicator rows a search selects (keys as `policyqa indicators --json`)."""
        found, _ = rows_of(query, metric, region, year, kind, only_conflicts)
        return [asdict(r) for r in found.rows]

    def source(found: view.Found | None, evt: gr.SelectData) -> str:
        number = (evt.row_value or [None])[0]
        if found is None or not str(number or "").isdigit():
            return ""
        i = int(str(number)) - 1
        if not 0 <= i < len(found.rows):
            return ""
        row, group = found.rows[i], found.groups[i]
        doc = lib.documents.get(row.doc_id)
        return view.source_html(row, doc, found.conflicts[group - 1] if group else None)

    def export(found: view.Found | None, suffix: str) -> str:
        from ui.indicators_cmd import write_csv, write_xlsx

        if found is None or not found.rows:
            raise gr.Error("请先查询，再导出。")
        _EXPORTS.mkdir(exist_ok=True)
        path = _EXPORTS / f"indicators-{uuid.uuid4().hex[:8]}.{suffix}"
        groups = list(found.groups) if any(found.groups) else None
        with friendly():
            (write_csv if suffix == "csv" else write_xlsx)(path, list(found.rows), groups)
        return str(path)

    c = _controls(lib)
    state = gr.State(None)
    inputs = [c[k] for k in ("query", "metric", "region", "year", "kind", "only")]
    outputs = [c["summary"], c["table"], c["line"], c["bar"], state, c["source"]]
    triggers = [c["search"].click, c["query"].submit]
    gr.on(triggers, search, inputs, outputs, api_visibility="private")
    gr.api(indicators, api_name="indicators")
    c["table"].select(source, state, c["source"], api_visibility="private")
    c["csv"].click(lambda s: export(s, "csv"), state, c["file"], api_visibility="private")
    c["xlsx"].click(lambda s: export(s, "xlsx"), state, c["file"], api_visibility="private")
