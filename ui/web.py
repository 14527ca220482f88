"""The web UI: chat with quoted answers, the document library, evaluation.

``policyqa serve`` calls :func:`launch`. Nothing is fetched from the
internet: analytics are off and the theme uses the system's fonts.

API endpoints (for ``gradio_client``):

* ``/ask`` (question, regions, years, docs) -> the two new chat messages
  ``[{"role": "user", ...}, {"role": "assistant", "content": html}]``
* ``/ask_json`` (question, regions, years, docs) -> the Answer as a dict
* ``/library`` () -> the table of indexed documents
* ``/upload`` (files) -> (report html, table)
* ``/remove`` (doc_id) -> (report html, table)
* ``/add_samples`` () -> (report html, table): add the sample corpus (builds an index if none)
* ``/evaluate`` (gold choice, uploaded gold file) -> (metric table, chart html, failures html)
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from corpus.errors import IndexNotFoundError, PolicyQAError
from retrieval.model import Filters
from ui import render
from ui.messages import describe

if TYPE_CHECKING:
    from answer.model import Answer
    from answer.pipeline import QA
    from corpus.model import Document
    from index.build import BuildReport
    from index.embed import Embedder

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
EXAMPLES = [
    "余杭2023年新增高企多少",
    "临安2022年研发投入强度目标",
    "哪份文件提出2024年新增高新技术企业2000家",
    "瓯海下半年高新技术产业增加值要达到多少",
]
UPLOAD_TYPES = [".txt", ".docx", ".pdf", ".html", ".htm", ".md"]
LIBRARY_HEADERS = ["文档ID doc id", "标题 title", "地区 region", "年份 years", "段落数 passages"]
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
Progress = Callable[[str, int, int], None]
Strs = list[str] | None
Rows = list[list[Any]]
Msgs = list[dict[str, str]]
Docs = dict[str, "Document"]
_STAGES = {"read": "读取文件", "tokenize": "分词", "embed": "向量化"}


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


def _progress(progress: gr.Progress) -> Callable[[str, int, int], None]:
    def update(stage: str, done: int, total: int) -> None:
        progress((done, max(total, 1)), desc=_STAGES.get(stage, stage))

    return update


class Library:
    """The index shared by all sessions; the QA object is reloaded after every change."""

    def __init__(self, index_dir: Path, embedder: Embedder | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.qa: QA | None = None
        self.problem = ""
        self.missing = False  # no index at all (rather than an unusable one)
        self._lock = threading.RLock()
        self.reload()

    def reload(self) -> None:
        from answer.pipeline import QA

        with self._lock:
            try:
                self.qa, self.problem, self.missing = QA(self.index_dir, self.embedder), "", False
            except PolicyQAError as exc:
                self.qa, self.problem = None, str(exc)
                self.missing = isinstance(exc, IndexNotFoundError)

    def require(self) -> QA:
        """The current QA object, or a page message saying how to get an index."""
        if self.qa is None:
            self.reload()
        qa = self.qa
        if qa is None:
            raise gr.Error(self.hint())
        return qa

    def hint(self) -> str:
        """Why there is no QA object, and what to do."""
        if self.missing:
            todo = "请在“文档库”页上传文件，或点击“加入示例文档”。"
            return f"还没有可用的索引（{self.problem}）。{todo}"
        return f"索引不可用：{self.problem}"

    @property
    def documents(self) -> dict[str, Document]:
        return self.qa.documents if self.qa else {}

    def _embedder(self) -> Embedder:
        if self.embedder is not None:
            return self.embedder
        if self.qa is not None:
            return self.qa.embedder
        from index.embed import get_embedder

        return get_embedder(None)

    def add(self, paths: list[Path], cb: Progress | None = None) -> BuildReport:
        """Add (or replace, by doc id) files; with no index yet, build one from them."""
        from index.build import add_documents, build_index

        with self._lock:
            try:
                report = add_documents(paths, self.index_dir, self._embedder(), progress=cb)
            except IndexNotFoundError:
                report = build_index(paths, self.index_dir, self._embedder(), progress=cb)
            self.reload()
        return report

    def remove(self, doc_ids: list[str]) -> BuildReport:
        from index.build import remove_documents

        with self._lock:
            report = remove_documents(doc_ids, self.index_dir, self._embedder())
            self.reload()
        return report

    def rows(self) -> list[list[Any]]:
        qa = self.qa
        if qa is None:
            return []
        rows = qa.index.doc_rows
        docs = sorted(qa.documents.values(), key=lambda d: d.doc_id)
        years = ["、".join(str(y) for y in d.years) for d in docs]
        return [
            [d.doc_id, d.title, d.region, y, len(rows.get(d.doc_id, ()))]
            for d, y in zip(docs, years, strict=True)
        ]

    def status(self) -> str:
        qa = self.qa
        if qa is None:
            return render.notice(self.hint(), "warn")
        n_pass = sum(len(r) for r in qa.index.doc_rows.values())
        return render.notice(f"文档库：{len(qa.documents)} 份文档，{n_pass} 个段落。", "info")


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


def build_app(index_dir: Path, embedder: Embedder | None = None) -> gr.Blocks:
    """The whole UI over the index at ``index_dir`` (which may not exist yet).

    Args:
        index_dir: the index folder.
        embedder: query/document embedder; by default the index's own model.
    """
    lib = Library(index_dir, embedder)

    def ask_answer(question: str, regions: Strs, years: Strs, docs: Strs) -> tuple[Answer, Docs]:
        qa = lib.require()
        with _friendly():
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

    def upload(files: Strs, progress: gr.Progress = PROGRESS) -> tuple[str, Rows]:
        paths = [Path(f) for f in files or []]
        if not paths:
            return render.notice("请先选择要上传的文件。", "warn"), lib.rows()
        with _friendly():
            report = lib.add(paths, _progress(progress))
        failed = {Path(s.path).name: s.reason for s in report.skipped}
        added = [p.name for p in paths if p.name not in failed]
        return render.skipped_html(added, failed.items()), lib.rows()

    def remove(doc_id: str | None) -> tuple[str, Rows]:
        if not doc_id:
            return render.notice("请先选择要删除的文档。", "warn"), lib.rows()
        with _friendly():
            lib.remove([doc_id])
        return render.notice(f"已删除 {doc_id}。", "ok"), lib.rows()

    def add_samples(progress: gr.Progress = PROGRESS) -> tuple[str, Rows]:
        with _friendly():
            report = lib.add([SAMPLES], _progress(progress))
        done = f"已加入示例文档；现有 {report.n_documents} 份文档，{report.n_passages} 个段落。"
        return render.notice(done, "ok"), lib.rows()

    def refresh(regions: Strs, years: Strs, docs: Strs) -> tuple[Any, ...]:
        r, y, t = _choices(lib.documents)
        ids = [v for _, v in t]
        return (
            lib.status(),
            gr.Dropdown(choices=r, value=[v for v in regions or [] if v in r]),
            gr.Dropdown(choices=y, value=[v for v in years or [] if str(v) in y]),
            gr.Dropdown(choices=t, value=[v for v in docs or [] if v in ids]),
            gr.Dropdown(choices=t, value=None),
        )

    def pick(evt: gr.SelectData) -> Any:
        row = evt.row_value or []
        return gr.Dropdown(value=row[0]) if row else gr.Dropdown()

    def evaluate(
        choice: str | None, uploaded: str | None, progress: gr.Progress = PROGRESS
    ) -> tuple[Rows, str, str]:
        path = uploaded or choice
        if not path:
            raise gr.Error("请选择或上传一个金标准 JSONL 文件。")
        qa = lib.require()
        from evals.run import run_eval

        with _friendly():
            results = run_eval(Path(path), qa, ablation=False, progress=_progress(progress))
        return (
            render.metric_rows(results),
            render.type_chart(results.get("per_type") or {}),
            render.failures_html(results.get("questions") or []),
        )

    r0, y0, t0 = _choices(lib.documents)
    golds = gold_files()
    with gr.Blocks(title="policyqa 政策文件问答", analytics_enabled=False) as app:
        gr.Markdown(
            "## policyqa 政策文件问答\n"
            "答案均摘自文档原文，并附出处；文档中没有的，会明确说“未找到”。"
        )
        status = gr.HTML(lib.status(), elem_id="pq-status")
        with gr.Tab("问答", id="chat"):
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
        with gr.Tab("文档库", id="library"):
            table = gr.Dataframe(
                lib.rows(),
                headers=LIBRARY_HEADERS,
                interactive=False,
                wrap=True,
                label="已索引的文档（点击一行选中，可删除）",
                elem_id="pq-library",
            )
            with gr.Row():
                files = gr.File(
                    file_count="multiple",
                    file_types=UPLOAD_TYPES,
                    type="filepath",
                    label="上传文件（txt、docx、pdf、html、md，可多选）",
                    elem_id="pq-files",
                )
                with gr.Column():
                    add_btn = gr.Button("加入文档库", variant="primary", elem_id="pq-add")
                    chosen = gr.Dropdown(
                        t0,
                        value=None,
                        label="选中的文档",
                        elem_id="pq-chosen",
                        allow_custom_value=True,
                    )
                    remove_btn = gr.Button("删除选中的文档", variant="stop", elem_id="pq-remove")
                    samples_btn = gr.Button("加入示例文档（corpus/samples）", elem_id="pq-samples")
                    refresh_btn = gr.Button("刷新", elem_id="pq-refresh")
            report = gr.HTML(elem_id="pq-report")
        with gr.Tab("评测", id="eval"):
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

        controls = [status, regions, years, docs, chosen]
        changes = [
            add_btn.click(upload, files, [report, table], api_name="upload").success(
                lambda: None, None, files, api_visibility="private"
            ),
            remove_btn.click(remove, chosen, [report, table], api_name="remove"),
            samples_btn.click(add_samples, None, [report, table], api_name="add_samples"),
            refresh_btn.click(lib.rows, None, table, api_name="library"),
            app.load(lib.rows, None, table, api_visibility="private"),
        ]
        for dep in changes:  # the filters and the banner follow the library
            dep.then(refresh, [regions, years, docs], controls, api_visibility="private")
        table.select(pick, None, chosen, api_visibility="private")
        results = [metrics, chart, failures]
        eval_btn.click(evaluate, [gold, gold_upload], results, api_name="evaluate")
    return app


def launch(
    index_dir: Path,
    host: str = "127.0.0.1",
    port: int = 7860,
    *,
    embedder: Embedder | None = None,
    block: bool = True,
) -> gr.Blocks:
    """Serve the UI on ``host:port``; with ``block=False`` return at once (for tests)."""
    app = build_app(Path(index_dir), embedder)
    app.queue()
    app.launch(
        server_name=host,
        server_port=port,
        share=False,
        ssr_mode=False,
        prevent_thread_lock=not block,
        theme=theme(),
        quiet=not block,
    )
    return app
