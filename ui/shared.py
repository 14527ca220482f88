"""Small pieces every tab of the web UI uses: errors as page messages, progress, filters."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import gradio as gr

from corpus.errors import PolicyQAError
from retrieval.model import Filters
from ui import messages as m
from ui import render

if TYPE_CHECKING:
    from corpus.model import Document

PROGRESS = gr.Progress()  # gradio passes a tracker to functions with this default
TOAST_SECONDS = 8  # an error toast closes by itself; the page shows only the newest (page.css)
Strs = list[str] | None
Rows = list[list[Any]]


@contextmanager
def friendly() -> Iterator[None]:
    """policyqa's own errors become a one-line Chinese message (a toast on the page, an
    error for API clients; no traceback in the server log: they are expected)."""
    try:
        yield
    except PolicyQAError as exc:
        raise gr.Error(
            m.describe(exc), duration=TOAST_SECONDS, title=m.ERROR_TITLE, print_exception=False
        ) from exc


def error_html(exc: PolicyQAError) -> str:
    """An error shown in the page itself (no toast): Chinese, the English detail as a gloss."""
    text, detail = m.split_message(exc)
    gloss = f'<div class="pq-gloss" style="{render.MUTED}">{render.esc(detail)}</div>'
    return f'<div class="pq-problem">{render.notice(text, "error")}{gloss if detail else ""}</div>'


def progress_callback(progress: gr.Progress) -> Callable[[str, int, int], None]:
    """A ``progress(stage, done, total)`` callback drawing on the page's progress bar."""

    def update(stage: str, done: int, total: int) -> None:
        progress((done, max(total, 1)), desc=m.STAGES.get(stage.split()[0], stage))

    return update


def filters_of(regions: Strs, years: list[Any] | None, docs: Strs) -> Filters | None:
    """The filters chosen on the page (None when nothing is chosen)."""
    ys = tuple(int(y) for y in years or () if str(y).strip().isdigit())
    f = Filters(tuple(regions or ()), ys, tuple(docs or ()))
    return None if f.is_empty() else f


def choices(docs: Mapping[str, Document]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """The regions, years and (title, doc id) of the library, for the filter menus."""
    regions = sorted({d.region for d in docs.values() if d.region})
    years = sorted({str(y) for d in docs.values() for y in d.years}, reverse=True)
    ordered = sorted(docs.values(), key=lambda d: (d.title or d.doc_id, d.doc_id))
    titles = [(f"{d.title or d.doc_id}（{d.doc_id}）", d.doc_id) for d in ordered]
    return regions, years, titles
