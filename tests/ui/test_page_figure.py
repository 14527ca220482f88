"""ui.page_figure: the page a quote stands on, drawn with its lines marked (no server)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from corpus.document import load_document
from corpus.model import Document
from ui import messages as m
from ui.page_figure import pages_html
from ui.viewer import document_view_html

LINES = ["一、总体情况", "　　全区新增高企637家。", "　　另一段。"]


@pytest.fixture
def pdf_doc(tmp_path: Path, build_pdf: Callable[..., bytes]) -> Document:
    (tmp_path / "p.pdf").write_bytes(build_pdf(lines=LINES))
    return replace(load_document(tmp_path / "p.pdf", "p.pdf"), folder=str(tmp_path))


def _quote(doc: Document, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    return start, start + len(text)


def test_the_quoted_page_is_drawn_with_a_mark_over_the_quoted_line(pdf_doc: Document) -> None:
    html = pages_html(pdf_doc, _quote(pdf_doc, "全区新增高企637家。"))
    assert m.PAGE_VIEW.format(page=1) in html and 'data-page="1"' in html
    assert "data:image/jpeg;base64," in html
    (points,) = re.findall(r'<polygon class="pq-page-mark" points="([^"]+)"/>', html)
    assert len(points.split()) == 4
    assert m.PAGE_NOT_MARKED not in html


def test_the_viewer_shows_the_page_above_the_text(pdf_doc: Document) -> None:
    html = document_view_html(pdf_doc, _quote(pdf_doc, "全区新增高企637家。"))
    assert html.index('class="pq-page"') < html.index('class="pq-viewer-body"')


def test_nothing_to_show_without_a_quote_or_pages(pdf_doc: Document) -> None:
    assert pages_html(pdf_doc, None) == ""
    assert pages_html(None, (0, 3)) == ""
    assert pages_html(replace(pdf_doc, pages=()), (0, 3)) == ""  # a text file has no pages


def test_a_document_whose_file_is_not_kept_says_so(pdf_doc: Document) -> None:
    html = pages_html(replace(pdf_doc, folder=""), _quote(pdf_doc, "另一段。"))
    assert m.PAGE_NO_FILE in html and "<svg" not in html


def test_a_file_broken_since_indexing_says_so(pdf_doc: Document) -> None:
    (Path(pdf_doc.folder) / "p.pdf").write_bytes(b"%PDF-1.7 broken")
    html = pages_html(pdf_doc, _quote(pdf_doc, "另一段。"))
    assert m.PAGE_CANNOT_SHOW in html and "<svg" not in html


def test_a_page_where_the_quote_is_not_found_is_shown_unmarked(
    pdf_doc: Document, tmp_path: Path, build_pdf: Callable[..., bytes]
) -> None:
    (tmp_path / "p.pdf").write_bytes(
        build_pdf(lines=["别的内容。", "　　完全不同。", "　　再一段。"])
    )
    html = pages_html(pdf_doc, _quote(pdf_doc, "全区新增高企637家。"))
    assert "<svg" in html and "pq-page-mark" not in html and m.PAGE_NOT_MARKED in html
