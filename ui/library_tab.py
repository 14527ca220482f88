"""The “文档库” tab: the table of documents, upload, removal (confirmed), sample import.

Every change goes through :class:`Changes`, which refuses it in read-only mode
(the API can be called without the page, so hiding the buttons is not enough),
checks upload sizes, and logs who did what to ``<index>.changes.jsonl``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import gradio as gr

from corpus.errors import AccessError, PolicyQAError
from corpus.formats import SUPPORTED_SUFFIXES
from ui import render
from ui.library import Library, Staged
from ui.settings import ServeConfig

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
UPLOAD_TYPES = list(SUPPORTED_SUFFIXES)
LIBRARY_HEADERS = ["文档ID doc id", "标题 title", "地区 region", "年份 years", "段落数 passages"]
READ_ONLY = "只读模式：本服务不允许上传、删除或加入文档。"
CONFIRM = "请先勾选“确认删除”，再点击删除。"
Rows = list[list[Any]]
Progress = Callable[[str, int, int], None]


def _who(request: gr.Request | None) -> dict[str, Any]:
    """The logged-in user (``None`` without auth) and the client address of a request."""
    if request is None:
        return {"user": None}
    client = getattr(request, "client", None)
    return {"user": getattr(request, "username", None), "client": getattr(client, "host", None)}


def upload_html(staged: Staged, report: Any, too_big: list[str]) -> str:
    """What an upload did: added, renamed (never replaced), identical, unreadable, too large."""
    failed = {Path(s.path).name: s.reason for s in (report.skipped if report else ())}
    added = [p.name for p in staged.paths if p.name not in failed]
    out = [render.skipped_html(added, failed.items())] if added or failed else []
    for old, new in staged.renamed.items():
        if new in added:
            msg = f"文档库已有同名文档 {old}，未替换：新文件以 {new} 加入（两份都保留）。"
            out.append(render.notice(msg, "warn"))
    for name in staged.same:
        out.append(render.notice(f"{name} 与文档库中的同名文档内容相同，未重复加入。", "info"))
    for name in too_big:
        out.append(render.notice(f"{name} 超过上传大小上限，未加入。", "error"))
    for u in report.unread if report else ():
        pages = "、".join(map(str, u.pages))
        out.append(render.notice(f"{u.path} 第{pages}页未能识别出文字（{u.reason}）。", "warn"))
    return "".join(out) or render.notice("没有加入任何文件。", "warn")


class Changes:
    """The handlers that change the library (the API endpoints /upload, /remove, /add_samples)."""

    def __init__(self, lib: Library, config: ServeConfig, progress: Any) -> None:
        self.lib = lib
        self.config = config
        self.progress = progress  # ui.web._progress: gr.Progress -> callback

    def _refuse_if_read_only(self, action: str, request: gr.Request | None, **what: Any) -> None:
        if self.config.read_only:
            self.lib.log(action, result="refused: read-only", **_who(request), **what)
            raise AccessError(READ_ONLY)

    @contextmanager
    def _logged(self, action: str, request: gr.Request | None, **what: Any) -> Iterator[None]:
        """A change that fails with policyqa's own error is logged, then re-raised."""
        try:
            yield
        except PolicyQAError as exc:
            self.lib.log(action, result=f"error: {exc}", **_who(request), **what)
            raise

    def upload(
        self, files: list[str] | None, request: gr.Request, progress: gr.Progress
    ) -> tuple[str, Rows]:
        paths = [Path(f) for f in files or []]
        names = [p.name for p in paths]
        self._refuse_if_read_only("upload", request, files=names)
        if not paths:
            return render.notice("请先选择要上传的文件。", "warn"), self.lib.rows()
        limit = self.config.max_upload_bytes
        too_big = [p.name for p in paths if p.stat().st_size > limit]
        paths = [p for p in paths if p.name not in too_big]
        with self._logged("upload", request, files=names):
            staged, report = self.lib.upload(paths, self.progress(progress))
        failed = {Path(s.path).name for s in (report.skipped if report else ())}
        self.lib.log(
            "upload",
            result="ok",
            **_who(request),
            files=names,
            doc_ids=[p.name for p in staged.paths if p.name not in failed],
            renamed=staged.renamed,
            unchanged=staged.same,
            skipped=sorted(failed) + too_big,
        )
        return upload_html(staged, report, too_big), self.lib.rows()

    def remove(
        self, doc_id: str | None, confirm: bool | None, request: gr.Request
    ) -> tuple[str, Rows, bool]:
        self._refuse_if_read_only("remove", request, doc_ids=[doc_id] if doc_id else [])
        if not doc_id:
            return render.notice("请先选择要删除的文档。", "warn"), self.lib.rows(), bool(confirm)
        if not confirm:
            return render.notice(CONFIRM, "warn"), self.lib.rows(), False
        with self._logged("remove", request, doc_ids=[doc_id]):
            self.lib.remove([doc_id])
        self.lib.log("remove", result="ok", **_who(request), doc_ids=[doc_id])
        done = render.notice(f"已删除 {doc_id}。", "ok")
        return done, self.lib.rows(), False  # the box is cleared for the next removal

    def add_samples(self, request: gr.Request, progress: gr.Progress) -> tuple[str, Rows]:
        self._refuse_if_read_only("add_samples", request)
        with self._logged("add_samples", request):
            report = self.lib.add([SAMPLES], self.progress(progress))
        ids = sorted(p.name for p in SAMPLES.iterdir() if p.suffix == ".txt")
        self.lib.log("add_samples", result="ok", **_who(request), doc_ids=ids)
        done = f"已加入示例文档；现有 {report.n_documents} 份文档，{report.n_passages} 个段落。"
        return render.notice(done, "ok"), self.lib.rows()


def library_controls(rows: Rows, titles: list[tuple[str, str]], config: ServeConfig) -> Any:
    """The table and the controls of the tab; in read-only mode only the table and 刷新.

    Returns (table, {"files", "add", "chosen", "confirm", "remove", "samples", "refresh"}).
    """
    editable = not config.read_only
    if not editable:
        gr.HTML(render.notice("只读模式：文档库不能修改。", "info"), elem_id="pq-readonly")
    table = gr.Dataframe(
        rows,
        headers=LIBRARY_HEADERS,
        interactive=False,
        wrap=True,
        label="已索引的文档（点击一行选中，可删除）" if editable else "已索引的文档",
        elem_id="pq-library",
    )
    c: dict[str, Any] = {}
    with gr.Row():
        c["files"] = gr.File(
            file_count="multiple",
            file_types=UPLOAD_TYPES,
            type="filepath",
            label=(
                "上传文件（txt、docx、pdf、html、md、扫描图片 png/jpg/tif，可多选；"
                f"每个≤{config.max_upload_mb:g} MB）"
            ),
            elem_id="pq-files",
            visible=editable,
        )
        with gr.Column():
            c["add"] = gr.Button(
                "加入文档库", variant="primary", elem_id="pq-add", visible=editable
            )
            c["chosen"] = gr.Dropdown(
                titles,
                value=None,
                label="选中的文档",
                elem_id="pq-chosen",
                allow_custom_value=True,
                visible=editable,
            )
            c["confirm"] = gr.Checkbox(
                False,
                label="确认删除（删除后需重新上传才能恢复）",
                elem_id="pq-confirm",
                visible=editable,
            )
            c["remove"] = gr.Button(
                "删除选中的文档", variant="stop", elem_id="pq-remove", visible=editable
            )
            c["samples"] = gr.Button(
                "加入示例文档（corpus/samples）", elem_id="pq-samples", visible=editable
            )
            c["refresh"] = gr.Button("刷新", elem_id="pq-refresh")
    return table, c
