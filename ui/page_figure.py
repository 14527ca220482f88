"""HTML of the page a quote stands on: the page's image with the quoted lines marked.

For a document read from a PDF or an image (it has pages), the viewer offers,
above its text, each page the quote runs over (two at most; folded, a click
opens it and page.js scrolls it to the marks) as an SVG: the page image
(:func:`corpus.page_view.page_view`) and a polygon over each quoted line.
The image comes from the file the document was indexed from; a document
whose file is not there any more (an upload, a moved folder) says so.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from corpus.errors import DocumentError
from corpus.model import Document
from corpus.page_view import PageView, page_view, quote_on_pages
from ui import messages as m
from ui.render import Range, esc, notice

MAX_PAGES = 2  # pages shown for one quote


def source_path(doc: Document) -> Path | None:
    """The file a document was indexed from, when it is known and still there."""
    if not doc.folder:
        return None
    path = Path(doc.folder) / doc.doc_id
    return path if path.is_file() else None


def figure_html(view: PageView) -> str:
    """One page: its image and the marks over the quoted lines, scaled with the page."""
    image = base64.b64encode(view.jpeg).decode("ascii")
    marks = "".join(f'<polygon class="pq-page-mark" points="{_points(q)}"/>' for q in view.marks)
    note = "" if view.marks else f'<div class="pq-page-note">{m.PAGE_NOT_MARKED}</div>'
    return (
        f'<details class="pq-page" data-page="{view.page}">'
        f"<summary>{m.PAGE_VIEW.format(page=view.page)}</summary>{note}"
        f'<div class="pq-page-scroll"><svg class="pq-page-img" viewBox="0 0 {view.width}'
        f' {view.height}" role="img" aria-label="{esc(m.PAGE_VIEW.format(page=view.page))}">'
        f'<image href="data:image/jpeg;base64,{image}" width="{view.width}"'
        f' height="{view.height}"/>{marks}</svg></div></details>'
    )


def _points(quad: tuple[float, ...]) -> str:
    return " ".join(f"{quad[i]:.1f},{quad[i + 1]:.1f}" for i in range(0, len(quad), 2))


def pages_html(doc: Document | None, quote: Range | None) -> str:
    """The pages ``quote`` runs over, marked; "" when there is nothing to show (no quote,
    a document without pages)."""
    if doc is None or quote is None:
        return ""
    parts = quote_on_pages(doc, *quote)[:MAX_PAGES]
    if not parts:
        return ""
    path = source_path(doc)
    if path is None:
        return notice(m.PAGE_NO_FILE, "info")
    stat = path.stat()
    try:
        return "".join(
            _figure(str(path), stat.st_mtime_ns, stat.st_size, page, part) for page, part in parts
        )
    except DocumentError:  # the file changed or broke since it was indexed
        return notice(m.PAGE_CANNOT_SHOW, "warn")


@lru_cache(maxsize=32)
def _figure(path: str, mtime_ns: int, size: int, page: int, part: str) -> str:
    """A page's figure, kept while the file is unchanged (its time and size are the key)."""
    return figure_html(page_view(Path(path), page, part))
