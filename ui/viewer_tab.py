"""The “全文” tab: one document whole, with its section tree and the quote highlighted.

Opened three ways: a citation's “在全文中查看” link (page.js writes the request
into the hidden ``pq-open`` box, see :func:`request_box`), the library's
“查看选中文档的全文” button, and the tab's own document menu.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from ui import messages as m
from ui.render import Range, notice
from ui.shared import choices
from ui.viewer import document_view_html, parse_request

if TYPE_CHECKING:
    from ui.library import Library

TAB_ID = "doc"


def request_box() -> gr.Textbox:
    """The hidden box page.js writes a citation's open request into (outside the tabs,
    so it exists before any tab is opened)."""
    return gr.Textbox(visible="hidden", elem_id="pq-open", label=m.TAB_DOC)


@dataclass
class Viewer:
    """The tab's components and what shows a document in it."""

    lib: Library
    picker: Any
    html: Any
    back: Any

    def show(
        self, doc_id: str | None, quote: Range | None = None, span: Range | None = None
    ) -> Any:
        """(viewer HTML, the menu on that document, the tabs switched to this one)."""
        if not doc_id:
            return notice(m.DOC_PICK_FIRST, "info"), gr.Dropdown(), gr.Tabs(selected=TAB_ID)
        doc = self.lib.documents.get(doc_id)
        html = document_view_html(doc, quote, span)
        return html, gr.Dropdown(value=doc_id if doc else None), gr.Tabs(selected=TAB_ID)

    def on_request(self, value: str | None) -> Any:
        asked = parse_request(value)
        if asked is None:
            return gr.HTML(), gr.Dropdown(), gr.Tabs()
        return self.show(*asked)

    def connect(self, tabs: Any, opener: Any, view: Any, chosen: Any) -> None:
        """Wire the three ways in, and the way back to the chat."""
        outputs = [self.html, self.picker, tabs]
        private: dict[str, Any] = {"api_visibility": "private", "show_progress": "hidden"}
        opener.change(self.on_request, opener, outputs, **private)
        view.click(self.show, chosen, outputs, **private)
        self.picker.input(self.show, self.picker, outputs, **private)
        self.back.click(lambda: gr.Tabs(selected="chat"), None, tabs, **private)


def viewer_tab(lib: Library) -> Viewer:
    """The tab's components (wired by :meth:`Viewer.connect` once the tabs exist)."""
    with gr.Row():
        picker = gr.Dropdown(
            choices(lib.documents)[2], value=None, label=m.DOC_PICK, elem_id="pq-doc-pick", scale=4
        )
        back = gr.Button(m.BACK_TO_CHAT, elem_id="pq-back", scale=1, size="sm")
    html = gr.HTML(notice(m.DOC_PICK_FIRST, "info"), elem_id="pq-viewer")
    return Viewer(lib, picker, html, back)
