"""The web UI: chat with quoted answers, the document library, evaluation.

``policyqa serve`` calls :func:`launch`. Nothing is fetched from the
internet: analytics are off and the theme uses the system's fonts.

Security and reliability (see :class:`ui.settings.ServeConfig`): Gradio's
own login (``auth=``), a read-only mode refusing every change, an upload size
limit, a log of every change beside the index (:mod:`ui.library_tab`), and
a newer index written by the CLI is loaded between requests (:mod:`ui.library`).

API endpoints (for ``gradio_client``):

* ``/ask`` (question, regions, years, docs) -> the two new chat messages
  ``[{"role": "user", ...}, {"role": "assistant", "content": html}]``
* ``/ask_json`` (question, regions, years, docs) -> the Answer as a dict
* ``/library`` () -> the table of indexed documents
* ``/upload`` (files) -> (report html, table): a file named like an indexed
  document gets a unique id (``name-2.txt``), never replaces it
* ``/remove`` (doc_id, confirm) -> (report html, table, confirm): removes only
  when ``confirm`` is true (the “确认删除” box)
* ``/add_samples`` () -> (report html, table): add the sample corpus (builds an index if none)
* ``/evaluate`` (gold choice, uploaded gold file) -> (metric table, chart html, failures html)
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from corpus.errors import InvalidTextError, PolicyQAError
from retrieval.model import Filters
from ui import render
from ui.auth import check_bind
from ui.indicators_tab import indicators_tab
from ui.library import Library
from ui.library_tab import Changes, library_controls
from ui.messages import describe
from ui.ports import check_listen
from ui.settings import ServeConfig

if TYPE_CHECKING:
    from answer.model import Answer
    from corpus.model import Document
    from index.embed import Embedder

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    "余杭2023年新增高企多少",
    "临安2022年研发投入强度目标",
    "哪份文件提出2024年新增高新技术企业2000家",
    "瓯海下半年高新技术产业增加值要达到多少",
]
METRIC_HEADERS = ["指标 metric", "值 value"]
FONTS = [
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "sans-serif",
]
MONO_FONTS = [
    "ui-monospace",
    "SFMono-Regular",
    "Menlo",
    "Consolas",
    "Noto Sans Mono CJK SC",
    "monospace",
]
PROGRESS = gr.Progress()  # gradio passes a tracker to functions with this default
Strs = list[str] | None
Rows = list[list[Any]]
Msgs = list[dict[str, str]]
Docs = dict[str, "Document"]
_STAGES = {"read": "读取文件", "ocr": "识别扫描页 (OCR)", "tokenize": "分词", "embed": "向量化"}


def theme() -> gr.themes.Base:
    """The default theme with system fonts only (no web fonts are downloaded)."""
    return gr.themes.Default(font=FONTS, font_mono=MONO_FONTS)


def gold_files() -> list[tuple[str, str]]:
    """(label, path) of the gold sets offered: ../shared/gold/dev.jsonl and evals/gold/*.jsonl."""
    dev = ROOT.parent / "shared" / "gold" / "dev.jsonl"
    paths = sorted((ROOT / "evals" / "gold").glob("*.jsonl"))
    found = [(f"evals/gold/{p.name}", str(p)) for p in paths]
    return [("../shared/gold/dev.jsonl", str(dev)), *found] if dev.is_file() else found


@contextmanager
def _friendly() -> Iterator[None]:
    """policyqa's own errors become a one-line Chinese message in the page (no traceback
    in the server log: they are expected); anything else propagates."""
    try:
        yield
    except PolicyQAError as exc:
        raise gr.Error(describe(exc), print_exception=False) from exc


def _check_text(*texts: Any) -> None:
    """Text from the API that UTF-8 cannot carry (a lone surrogate) is refused, not echoed.

    Raises:
        InvalidTextError: the question or a filter holds such a character.
    """
    for text in texts:
        try:
            str(text).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidTextError(
                f"the question or a filter holds a lone surrogate at {exc.start}"
            ) from exc


def _progress(progress: gr.Progress) -> Callable[[str, int, int], None]:
    def update(stage: str, done: int, total: int) -> None:
        progress((done, max(total, 1)), desc=_STAGES.get(stage, stage))

    return update


def _filters(regions: Strs, years: list[Any] | None, docs: Strs) -> Filters | None:
    ys = tuple(int(y) for y in years or () if str(y).strip().isdigit())
    f = Filters(tuple(regions or ()), ys, tuple(docs or ()))
    return None if f.is_empty() else f


def _choices(docs: dict[str, Document]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    regions = sorted({d.region for d in docs.values() if d.region})
    years = sorted({str(y) for d in docs.values() for y in d.years}, reverse=True)
    ordered = sorted(docs.values(), key=lambda d: d.doc_id)
    titles = [(f"{d.title or d.doc_id}（{d.doc_id}）", d.doc_id) for d in ordered]
    return regions, years, titles


def _multi(choices: list[Any], label: str, elem_id: str) -> gr.Dropdown:
    return gr.Dropdown(
        choices, value=[], multiselect=True, allow_custom_value=True, label=label, elem_id=elem_id
    )


def _chat_tab(lib: Library) -> tuple[Any, ...]:
    """The chat: question box, filters, chatbot; registers /ask and /ask_json."""

    def ask_answer(question: str, regions: Strs, years: Strs, docs: Strs) -> tuple[Answer, Docs]:
        with _friendly():
            _check_text(question or "", *(regions or ()), *(docs or ()))
            qa = lib.require()
            return qa.ask(question or "", filters=_filters(regions, years, docs)), qa.documents

    def ask(question: str, regions: Strs = None, years: Strs = None, docs: Strs = None) -> Msgs:
        """Answer a question; returns the user and assistant chat messages (HTML)."""
        answer, documents = ask_answer(question, regions, years, docs)
        return [
            {"role": "user", "content": render.esc(question)},
            {"role": "assistant", "content": render.answer_html(answer, documents)},
        ]

    def ask_json(
        question: str, regions: Strs = None, years: Strs = None, docs: Strs = None
    ) -> dict:
        """Answer a question; returns the Answer as a dict (see answer.model.Answer)."""
        return ask_answer(question, regions, years, docs)[0].to_dict()

    def append(new: list[Any] | None, history: list[Any] | None) -> tuple[list[Any], str]:
        return [*(history or []), *(new or [])], ""

    r0, y0, t0 = _choices(lib.documents)
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="对话",
                elem_id="pq-chat",
                height=560,
                render_markdown=False,
                latex_delimiters=[],
                buttons=["copy"],
                feedback_options=None,
            )
            with gr.Row():
                question = gr.Textbox(
                    placeholder="例如：余杭2023年新增高企多少",
                    show_label=False,
                    scale=5,
                    elem_id="pq-question",
                    max_lines=3,
                )
                send = gr.Button("提问", variant="primary", scale=1, elem_id="pq-send")
            gr.Examples(EXAMPLES, inputs=[question], label="示例问题（点击填入）")
        with gr.Column(scale=1):
            gr.Markdown("**筛选**（只在这些范围内查找）")
            regions = _multi(r0, "地区 region", "pq-regions")
            years = _multi(y0, "年份 year", "pq-years")
            docs = _multi(t0, "文件 documents", "pq-docs")
    pending = gr.JSON(visible=False)
    triggers = [send.click, question.submit]
    asked = gr.on(triggers, ask, [question, regions, years, docs], pending, api_name="ask")
    asked.success(append, [pending, chatbot], [chatbot, question], api_visibility="private")
    gr.api(ask_json, api_name="ask_json")
    return regions, years, docs


def _library_tab(lib: Library, config: ServeConfig) -> tuple[Any, ...]:
    """The library table and, unless read-only, upload / remove / sample controls.

    Returns (table, chosen, dependencies after which the filters follow the library).
    """
    changes = Changes(lib, config, _progress)

    def upload(files: Strs, request: gr.Request, progress: gr.Progress = PROGRESS) -> Any:
        with _friendly():
            return changes.upload(files, request, progress)

    def remove(doc_id: str | None, confirm: bool | None, request: gr.Request) -> Any:
        with _friendly():
            return changes.remove(doc_id, confirm, request)

    def add_samples(request: gr.Request, progress: gr.Progress = PROGRESS) -> Any:
        with _friendly():
            return changes.add_samples(request, progress)

    def pick(evt: gr.SelectData) -> Any:
        row = evt.row_value or []
        return gr.Dropdown(value=row[0]) if row else gr.Dropdown()

    table, c = library_controls(lib.rows(), _choices(lib.documents)[2], config)
    files, chosen = c["files"], c["chosen"]
    report = gr.HTML(elem_id="pq-report")
    deps = [
        c["add"]
        .click(upload, files, [report, table], api_name="upload")
        .success(lambda: None, None, files, api_visibility="private"),
        c["remove"].click(
            remove, [chosen, c["confirm"]], [report, table, c["confirm"]], api_name="remove"
        ),
        c["samples"].click(add_samples, None, [report, table], api_name="add_samples"),
        c["refresh"].click(lib.rows, None, table, api_name="library"),
    ]
    table.select(pick, None, chosen, api_visibility="private")
    return table, chosen, deps


def _eval_tab(lib: Library) -> None:
    """Evaluation against a gold file; registers /evaluate."""

    def evaluate(
        choice: str | None, uploaded: str | None, progress: gr.Progress = PROGRESS
    ) -> tuple[Rows, str, str]:
        path = uploaded or choice
        if not path:
            raise gr.Error("请选择或上传一个金标准 JSONL 文件。")
        from evals.run import run_eval

        with _friendly():
            qa = lib.require()
            results = run_eval(Path(path), qa, ablation=False, progress=_progress(progress))
        return (
            render.metric_rows(results),
            render.type_chart(results.get("per_type") or {}),
            render.failures_html(results.get("questions") or []),
        )

    golds = gold_files()
    with gr.Row():
        first = golds[0][1] if golds else None
        gold = gr.Dropdown(golds, value=first, label="金标准 gold JSONL")
        gold_upload = gr.File(
            file_types=[".jsonl"], label="或上传 gold JSONL", elem_id="pq-gold-file"
        )
    eval_btn = gr.Button("运行评测", variant="primary", elem_id="pq-eval")
    metrics = gr.Dataframe(
        headers=METRIC_HEADERS, interactive=False, label="总体指标", elem_id="pq-metrics"
    )
    chart = gr.HTML(elem_id="pq-chart")
    failures = gr.HTML(elem_id="pq-failures")
    eval_btn.click(evaluate, [gold, gold_upload], [metrics, chart, failures], api_name="evaluate")


def build_app(
    index_dir: Path, embedder: Embedder | None = None, config: ServeConfig | None = None
) -> gr.Blocks:
    """The whole UI over the index at ``index_dir`` (which may not exist yet).

    Args:
        index_dir: the index folder.
        embedder: query/document embedder; by default the index's own model.
        config: server settings (read-only mode, upload limit, reload checks).
    """
    config = config or ServeConfig()
    lib = Library(
        index_dir, embedder, check_seconds=config.reload_check_seconds, backend=config.backend
    )

    def refresh(regions: Strs, years: Strs, docs: Strs, chosen: str | None) -> tuple[Any, ...]:
        r, y, t = _choices(lib.documents)
        ids = [v for _, v in t]
        return (
            lib.status(),
            gr.Dropdown(choices=r, value=[v for v in regions or [] if v in r]),
            gr.Dropdown(choices=y, value=[v for v in years or [] if str(v) in y]),
            gr.Dropdown(choices=t, value=[v for v in docs or [] if v in ids]),
            gr.Dropdown(choices=t, value=chosen if chosen in ids else None),  # kept until removed
        )

    with gr.Blocks(title="policyqa 政策文件问答", analytics_enabled=False) as app:
        gr.Markdown(
            "## policyqa 政策文件问答\n"
            "答案均摘自文档原文，并附出处；文档中没有的，会明确说“未找到”。"
        )
        status = gr.HTML(lib.status(), elem_id="pq-status")
        with gr.Tab("问答", id="chat"):
            regions, years, docs = _chat_tab(lib)
        with gr.Tab("指标", id="indicators"):
            indicators_tab(lib, _friendly)
        with gr.Tab("文档库", id="library"):
            table, chosen, changes = _library_tab(lib, config)
        with gr.Tab("评测", id="eval"):
            _eval_tab(lib)
        changes.append(app.load(lib.rows, None, table, api_visibility="private"))
        for dep in changes:  # the filters and the banner follow the library
            dep.then(
                refresh,
                [regions, years, docs, chosen],
                [status, regions, years, docs, chosen],
                api_visibility="private",
            )
    return app


def launch(
    index_dir: Path,
    config: ServeConfig | None = None,
    *,
    embedder: Embedder | None = None,
    block: bool = True,
) -> gr.Blocks:
    """Serve the UI; with ``block=False`` return at once (for tests).

    Raises:
        InsecureServeError: a non-loopback host without a login nor ``config.insecure``.
        ConfigError: the port is taken.
    """
    config = config or ServeConfig()
    check_bind(config.host, has_auth=config.has_auth, insecure=config.insecure)
    check_listen(config.host, config.port)
    app = build_app(Path(index_dir), embedder, config)
    app.queue()
    app.launch(
        server_name=config.host,
        server_port=config.port,
        share=False,
        ssr_mode=False,
        prevent_thread_lock=not block,
        theme=theme(),
        quiet=not block,
        auth=config.users if config.has_auth else None,
        auth_message=config.auth_message if config.has_auth else None,
        max_file_size=config.max_upload_bytes,
    )
    return app
