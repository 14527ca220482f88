"""The “文档库” tab: the table of documents, upload, removal (confirmed), sample import.

Every change goes through :class:`Changes`, which refuses it in read-only mode
(the API can be called without the page, so hiding the buttons is not enough),
checks upload sizes, and logs who did what to ``<index>.changes.jsonl``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import gradio as gr

from corpus.errors import AccessError, MetadataError, PolicyQAError
from corpus.formats import SUPPORTED_SUFFIXES
from ui import messages as m
from ui import render
from ui.corrections import current_fields
from ui.library import Library, Staged
from ui.settings import ServeConfig
from ui.shared import PROGRESS, Rows, Strs, choices, friendly, progress_callback

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
UPLOAD_TYPES = list(SUPPORTED_SUFFIXES)
LIBRARY_HEADERS = m.LIBRARY_HEADERS
READ_ONLY = m.READ_ONLY
CONFIRM = m.CONFIRM


def _who(request: gr.Request | None) -> dict[str, Any]:
    """The logged-in user (``None`` without auth) and the client address of a request."""
    if request is None:
        return {"user": None}
    client = getattr(request, "client", None)
    return {"user": getattr(request, "username", None), "client": getattr(client, "host", None)}


def upload_html(staged: Staged, report: Any, too_big: list[str]) -> str:
    """What an upload did: added, renamed (never replaced), identical, unreadable, too large."""
    failed = {
        Path(s.path).name: (m.skipped_reason(s.kind), s.reason)
        for s in (report.skipped if report else ())
    }
    added = [p.name for p in staged.paths if p.name not in failed]
    reasons = [(name, zh, detail) for name, (zh, detail) in failed.items()]
    out = [render.skipped_html(added, reasons)] if added or failed else []
    for old, new in staged.renamed.items():
        if new in added:
            out.append(render.notice(m.RENAMED.format(old=old, new=new), "warn"))
    for name in staged.same:
        out.append(render.notice(m.SAME.format(name=name), "info"))
    for name in too_big:
        out.append(render.notice(m.TOO_BIG.format(name=name), "error"))
    for u in report.unread if report else ():
        pages = "、".join(map(str, u.pages))
        out.append(
            render.notice(m.UNREAD.format(path=u.path, pages=pages, reason=u.reason), "warn")
        )
    return "".join(out) or render.notice(m.NOTHING_ADDED, "warn")


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
            return render.notice(m.PICK_FILES, "warn"), self.lib.rows()
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
            return render.notice(m.PICK_FIRST, "warn"), self.lib.rows(), bool(confirm)
        if not confirm:
            return render.notice(CONFIRM, "warn"), self.lib.rows(), False
        if doc_id not in self.lib.documents:
            self.lib.log("remove", result="refused: unknown", **_who(request), doc_ids=[doc_id])
            return render.notice(m.UNKNOWN_DOC.format(doc=doc_id), "warn"), self.lib.rows(), False
        with self._logged("remove", request, doc_ids=[doc_id]):
            self.lib.remove([doc_id])
        self.lib.log("remove", result="ok", **_who(request), doc_ids=[doc_id])
        done = render.notice(m.REMOVED.format(doc=doc_id), "ok")
        return done, self.lib.rows(), False  # the box is cleared for the next removal

    def correct(
        self, doc_id: str | None, fields: dict[str, str], request: gr.Request
    ) -> tuple[str, Rows]:
        """Save a metadata correction (see :meth:`ui.library.Library.correct`)."""
        self._refuse_if_read_only("correct", request, doc_ids=[doc_id] if doc_id else [])
        if not doc_id:
            return render.notice(m.PICK_TO_FIX, "warn"), self.lib.rows()
        with self._logged("correct", request, doc_ids=[doc_id], fields=fields):
            changed, where = self.lib.correct(doc_id, fields)
        if not changed:
            return render.notice(m.NOTHING_TO_FIX, "info"), self.lib.rows()
        self.lib.log("correct", result="ok", **_who(request), doc_ids=[doc_id], changed=changed,
                     manifest=where)  # fmt: skip
        names = "、".join(m.FIELD_NAMES[k] for k in changed)
        title = self.lib.documents[doc_id].title or doc_id
        done = m.FIXED.format(doc=f"《{title}》", fields=names)
        if not where:
            return render.notice(done + m.FIXED_INDEX_ONLY, "ok"), self.lib.rows()
        path = f'<code class="pq-path">{render.esc(where)}</code>'
        return render.notice(done + m.FIXED_SAVED, "ok") + path, self.lib.rows()

    def add_samples(self, request: gr.Request, progress: gr.Progress) -> tuple[str, Rows]:
        self._refuse_if_read_only("add_samples", request)
        with self._logged("add_samples", request):
            report = self.lib.add([SAMPLES], self.progress(progress))
        ids = sorted(p.name for p in SAMPLES.iterdir() if p.suffix == ".txt")
        self.lib.log("add_samples", result="ok", **_who(request), doc_ids=ids)
        done = m.SAMPLES_ADDED.format(docs=report.n_documents, passages=report.n_passages)
        return render.notice(done, "ok"), self.lib.rows()


def library_controls(rows: Rows, titles: list[tuple[str, str]], config: ServeConfig) -> Any:
    """The table and the controls of the tab; in read-only mode only the table and 刷新.

    Returns (table, {"files", "add", "chosen", "confirm", "remove", "samples", "view",
    "refresh"}).
    """
    editable = not config.read_only
    if not editable:
        gr.HTML(render.notice(m.READ_ONLY_BANNER, "info"), elem_id="pq-readonly")
    table = gr.Dataframe(
        rows,
        headers=LIBRARY_HEADERS,
        interactive=False,
        wrap=True,
        label=m.LIBRARY_LABEL if editable else m.LIBRARY_LABEL_RO,
        elem_id="pq-library",
        buttons=[],
    )
    c: dict[str, Any] = {}
    with gr.Row():
        c["files"] = gr.File(
            file_count="multiple",
            file_types=UPLOAD_TYPES,
            type="filepath",
            label=m.UPLOAD_LABEL.format(mb=config.max_upload_mb),
            elem_id="pq-files",
            visible=editable,
        )
        with gr.Column():
            c["add"] = gr.Button(m.ADD, variant="primary", elem_id="pq-add", visible=editable)
            c["chosen"] = gr.Dropdown(
                titles,
                value=None,
                label=m.CHOSEN,
                elem_id="pq-chosen",
                allow_custom_value=True,
                visible=editable,
            )
            c["confirm"] = gr.Checkbox(
                False, label=m.CONFIRM_BOX, elem_id="pq-confirm", visible=editable
            )
            c["remove"] = gr.Button(m.REMOVE, variant="stop", elem_id="pq-remove", visible=editable)
            c["samples"] = gr.Button(m.SAMPLES, elem_id="pq-samples", visible=editable)
            c["view"] = gr.Button(m.VIEW_DOC, elem_id="pq-view")
            c["refresh"] = gr.Button(m.REFRESH, elem_id="pq-refresh")
            gr.Markdown(m.REFRESH_INFO, elem_classes=["pq-muted"])
    return table, c


def correction_controls(editable: bool) -> tuple[dict[str, Any], Any]:
    """The boxes of a metadata correction (one per field of ``EDITABLE``) and its button."""
    from corpus.sidecar import EDITABLE

    with gr.Accordion(m.FIX_TITLE, open=False, visible=editable, elem_id="pq-fix"):
        gr.Markdown(m.FIX_HELP, elem_classes=["pq-muted"])
        with gr.Row():
            boxes = {
                name: gr.Textbox(label=m.FIELD_LABELS[name], elem_id=f"pq-fix-{name}")
                for name in EDITABLE
            }
        save = gr.Button(m.FIX_SAVE, variant="primary", elem_id="pq-fix-save")
    return boxes, save


def _current(lib: Library, doc_id: str | None) -> list[Any]:
    """The boxes filled with a document's metadata now (empty when none is chosen)."""
    from corpus.sidecar import EDITABLE

    doc = lib.documents.get(doc_id or "")
    now = current_fields(doc) if doc else {}
    return [gr.Textbox(value=now.get(name, "")) for name in EDITABLE]


def _wire_corrections(
    changes: Changes, chosen: Any, boxes: dict[str, Any], save: Any, shown: list[Any]
) -> Any:
    """Choosing a document fills the boxes; saving corrects it (registers /correct).
    ``shown``: the report and the table. Returns the save's dependency."""
    lib = changes.lib

    def correct(
        doc_id: str | None,
        title: str,
        issuer: str,
        region: str,
        date: str,
        years: str,
        request: gr.Request,
    ) -> Any:
        fields = {"title": title, "issuer": issuer, "region": region, "date": date, "years": years}
        with friendly():
            try:
                said, rows = changes.correct(doc_id, fields, request)
            except MetadataError as exc:  # said beside the boxes, which keep what was typed
                kept = [gr.Textbox() for _ in fields]
                return render.notice(m.describe(exc), "error"), gr.Dataframe(), *kept
        return said, rows, *_current(lib, doc_id)

    fill = list(boxes.values())
    chosen.change(lambda d: _current(lib, d), chosen, fill, api_visibility="private")
    return save.click(
        correct, [chosen, *fill], [*shown, *fill], api_name="correct", show_progress_on=shown[0]
    )


def library_tab(lib: Library, config: ServeConfig) -> tuple[Any, ...]:
    """The library table and, unless read-only, upload / remove / sample controls.

    Returns (table, chosen, dependencies after which the filters follow the library, the
    button that opens the chosen document in the viewer).
    """
    changes = Changes(lib, config, progress_callback)

    def upload(files: Strs, request: gr.Request, progress: gr.Progress = PROGRESS) -> Any:
        with friendly():
            return changes.upload(files, request, progress)

    def remove(doc_id: str | None, confirm: bool | None, request: gr.Request) -> Any:
        with friendly():
            return changes.remove(doc_id, confirm, request)

    def add_samples(request: gr.Request, progress: gr.Progress = PROGRESS) -> Any:
        with friendly():
            return changes.add_samples(request, progress)

    def pick(evt: gr.SelectData) -> Any:
        row = evt.row_value or []
        return gr.Dropdown(value=row[-1]) if row else gr.Dropdown()

    table, c = library_controls(lib.rows(), choices(lib.documents)[2], config)
    files, chosen = c["files"], c["chosen"]
    boxes, save = correction_controls(not config.read_only)
    report = gr.HTML(elem_id="pq-report")
    once = {"show_progress_on": report}  # one progress bar, over the report
    deps = [
        c["add"]
        .click(upload, files, [report, table], api_name="upload", **once)
        .success(lambda: None, None, files, api_visibility="private"),
        c["remove"].click(
            remove, [chosen, c["confirm"]], [report, table, c["confirm"]], api_name="remove", **once
        ),
        c["samples"].click(add_samples, None, [report, table], api_name="add_samples", **once),
        c["refresh"].click(lib.rows, None, table, api_name="library"),
        _wire_corrections(changes, chosen, boxes, save, [report, table]),
    ]
    table.select(pick, None, chosen, api_visibility="private")
    return table, chosen, deps, c["view"]
