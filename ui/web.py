"""The web UI: chat with quoted answers, the document library, evaluation, whole documents.

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
* ``/library`` () -> the table of indexed documents (title first, doc id last)
* ``/upload`` (files) -> (report html, table): a file named like an indexed
  document gets a unique id (``name-2.txt``), never replaces it
* ``/remove`` (doc_id, confirm) -> (report html, table, confirm): removes only
  when ``confirm`` is true (the “确认删除” box)
* ``/add_samples`` () -> (report html, table): add the sample corpus (builds an index if none)
* ``/correct`` (doc_id, title, issuer, region, date, years) -> (report html, table, the five
  fields as saved): a metadata correction, written to the folder's sidecar manifest
* ``/evaluate`` (gold choice, uploaded gold file[, show, type, words]) -> (metric table, chart
  html, the question rows shown, CSV download, Excel download, note)
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
from starlette.middleware import Middleware

from ui import messages as m
from ui import page
from ui.auth import check_bind
from ui.chat_tab import EXAMPLES
from ui.chat_tab import chat_tab as _chat_tab
from ui.eval_tab import eval_tab as _eval_tab
from ui.eval_tab import gold_files
from ui.indicators_tab import indicators_tab
from ui.library import Library
from ui.library_tab import library_tab as _library_tab
from ui.ports import check_listen
from ui.settings import ServeConfig
from ui.shared import PROGRESS, Strs, choices, filters_of, friendly, progress_callback
from ui.viewer_tab import TAB_ID as VIEWER_TAB
from ui.viewer_tab import request_box, viewer_tab

if TYPE_CHECKING:
    from index.embed import Embedder

__all__ = ["EXAMPLES", "PROGRESS", "Library", "build_app", "gold_files", "launch", "theme"]
_friendly, _progress, _filters, _choices = friendly, progress_callback, filters_of, choices
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


def theme() -> gr.themes.Base:
    """The default theme with system fonts only (no web fonts are downloaded)."""
    return gr.themes.Default(font=FONTS, font_mono=MONO_FONTS)


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

    def refresh(
        regions: Strs, years: Strs, docs: Strs, chosen: str | None, shown: str | None
    ) -> tuple[Any, ...]:
        r, y, t = _choices(lib.documents)
        ids = [v for _, v in t]
        return (
            lib.status(),
            gr.Dropdown(choices=r, value=[v for v in regions or [] if v in r]),
            gr.Dropdown(choices=y, value=[v for v in years or [] if str(v) in y]),
            gr.Dropdown(choices=t, value=[v for v in docs or [] if v in ids]),
            gr.Dropdown(choices=t, value=chosen if chosen in ids else None),  # kept until removed
            gr.Dropdown(choices=t, value=shown if shown in ids else None),
        )

    # Files made for download (exports) leave Gradio's cache after a day.
    with gr.Blocks(title=m.TITLE, analytics_enabled=False, delete_cache=(3600, 86400)) as app:
        gr.Markdown(m.INTRO)
        status = gr.HTML(lib.status(), elem_id="pq-status")
        opener = request_box()
        with gr.Tabs(elem_id="pq-tabs") as tabs:
            with gr.Tab(m.TAB_CHAT, id="chat"):
                regions, years, docs = _chat_tab(lib)
            with gr.Tab(m.TAB_INDICATORS, id="indicators"):
                indicators_tab(lib, _friendly)
            with gr.Tab(m.TAB_LIBRARY, id="library"):
                table, chosen, changes, view = _library_tab(lib, config)
            with gr.Tab(m.TAB_EVAL, id="eval"):
                _eval_tab(lib)
            with gr.Tab(m.TAB_DOC, id=VIEWER_TAB):
                viewer = viewer_tab(lib)
        viewer.connect(tabs, opener, view, chosen)
        changes.append(app.load(lib.rows, None, table, api_visibility="private"))
        for dep in changes:  # the filters and the banner follow the library
            dep.then(
                refresh,
                [regions, years, docs, chosen, viewer.picker],
                [status, regions, years, docs, chosen, viewer.picker],
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
        css=page.css(),
        head=page.head(),
        footer_links=[],
        i18n=gr.I18n(**{page.LOCALE: m.GRADIO_ZH}),
        app_kwargs={"middleware": [Middleware(page.ChinesePage)]},
        quiet=not block,
        auth=config.users if config.has_auth else None,
        auth_message=config.auth_message if config.has_auth else None,
        max_file_size=config.max_upload_bytes,
    )
    return app
