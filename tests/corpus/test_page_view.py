"""Tests for corpus.page_view: a page drawn again with the quoted lines' boxes (issue 16)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.document import load_document
from corpus.errors import DocumentError
from corpus.layout import Line
from corpus.ocr import ENGINES, OcrLine, image_key, ocr_available
from corpus.ocr_cache import OcrCache
from corpus.page_view import PageViewConfig, page_view, quote_on_pages, quoted_rows
from corpus.scans import OCR

BuildPdf = Callable[..., bytes]
ROWS = [
    Line(t, 0, 0, 1, 1) for t in ("一、总体情况", "全区研发投入强度达到", "3.1%,新增高企637家。")
]


def test_the_rows_a_quote_covers_are_marked_across_a_wrap() -> None:
    assert quoted_rows(ROWS, "研发投入强度达到3.1%，新增") == [1, 2]  # ， and , meet
    assert quoted_rows(ROWS, "新增 高企637家") == [2]  # spaces aside
    assert quoted_rows(ROWS, "新增高企700家") == []
    assert quoted_rows(ROWS, "  ") == []


def test_a_table_rows_quote_marks_the_row_holding_all_its_cells() -> None:
    rows = [
        Line("指标 2024年目标", 0, 0, 1, 1, ((0, 1, "指标"), (5, 6, "2024年目标"))),
        Line("研发投入强度 3.4", 0, 2, 1, 3, ((0, 1, "研发投入强度"), (5, 6, "3.4"))),
        Line("专利授权 120", 0, 4, 1, 5, ((0, 1, "专利授权"), (5, 6, "120"))),
    ]
    assert quoted_rows(rows, "研发投入强度 2024年目标 3.4%") == [1]


def test_a_table_rows_quote_marks_its_cells_wrapped_lines_too() -> None:
    rows = [
        Line("指标 2024年目标", 0, 0, 1, 1, ((0, 1, "指标"), (5, 6, "2024年目标"))),
        Line("研发投入", 0, 2, 1, 3),
        Line("% 3.4", 0, 3, 1, 4, ((3, 4, "%"), (5, 6, "3.4"))),  # the label wraps round it
        Line("强度", 0, 4, 1, 5),
        Line("全区主要指标。", 0, 6, 1, 7),
    ]
    assert quoted_rows(rows, "研发投入强度 2024年目标 3.4%") == [1, 2, 3]


def test_a_quote_is_cut_at_the_pages_it_runs_over(build_pdf: BuildPdf, tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    path.write_bytes(
        build_pdf(pages=[["　　第一页的句子接着", "写到"], ["下一页。", "　　另一段。"]])
    )
    doc = load_document(path, "two.pdf")
    start = doc.text.index("句子")
    end = doc.text.index("下一页") + 3
    assert quote_on_pages(doc, start, end) == [(1, "句子接着写到\n"), (2, "下一页")]
    assert quote_on_pages(doc, 0, 0) == []


def test_a_text_layer_page_is_drawn_with_its_quoted_lines_marked(
    build_pdf: BuildPdf, tmp_path: Path
) -> None:
    path = tmp_path / "p.pdf"
    path.write_bytes(build_pdf(lines=["一、总体情况", "　　全区新增高企637家。", "　　另一段。"]))
    view = page_view(path, 1, "全区新增高企637家。", PageViewConfig(width=595))
    assert (view.width, view.height) == (595, 842) and view.lines_known
    from PIL import Image

    assert Image.open(io.BytesIO(view.jpeg)).size == (595, 842)
    (mark,) = view.marks  # one line, one run; in pixels (here 1 px a point)
    assert mark[0] == pytest.approx(96) and 76 <= mark[1] < 92 <= mark[5] <= 98  # baseline 92


def test_a_table_row_is_marked_on_a_text_layer_page(build_pdf: BuildPdf, tmp_path: Path) -> None:
    cells = [("指标", "2024年目标"), ("研发投入强度", "3.4"), ("专利授权", "120")]
    at = [(x, 100.0 + 20 * n, c) for n, (a, b) in enumerate(cells) for x, c in ((72, a), (300, b))]
    path = tmp_path / "t.pdf"
    path.write_bytes(build_pdf(at=at))
    doc = load_document(path, "t.pdf")
    row = doc.tables[0].rows[0]
    view = page_view(path, 1, doc.text[row.start : row.end], PageViewConfig(width=595))
    assert sorted(round(m[0]) for m in view.marks) == [72, 300]  # both cells of the row
    assert all(104 <= m[1] < 120 <= m[5] <= 126 for m in view.marks)  # the baseline at 120


@pytest.fixture
def blank_scan(tmp_path: Path) -> Path:
    from PIL import Image

    if not ocr_available():
        pytest.skip("OCR extra not installed (pip install 'policyqa[ocr]')")
    path = tmp_path / "scan.pdf"
    Image.new("RGB", (1654, 2339), "white").save(path, "PDF", resolution=200)
    return path


def _cache_lines(path: Path, lines: list[OcrLine]) -> None:
    """Put OCR lines for the scan's page into the cache, as reading it would have."""
    import pypdfium2 as pdfium

    from corpus.scans import render

    pdf = pdfium.PdfDocument(path.read_bytes())
    (image,) = render(pdf, [0], OCR.dpi)
    pdf.close()
    OcrCache(ENGINES[OCR.engine].cache_name(OCR)).put(image_key(image), lines)


def test_a_scanned_page_is_marked_from_its_cached_ocr_lines(
    blank_scan: Path, isolated_cache: Path
) -> None:
    box = (200.0, 300.0, 1000.0, 300.0, 1000.0, 350.0, 200.0, 350.0)
    lower = tuple(v + 100 * (i % 2) for i, v in enumerate(box))
    _cache_lines(blank_scan, [OcrLine("全区新增高企", box, 0.9), OcrLine("637家。", lower, 0.9)])
    view = page_view(blank_scan, 1, "新增高企637家", PageViewConfig(width=827))
    assert view.lines_known and len(view.marks) == 2
    shown = tuple(v / 2 for v in box)  # 200 dpi (1654 px wide) shown at 827 px
    assert view.marks[0] == pytest.approx(shown, rel=1e-2)


def test_a_scanned_page_without_cached_lines_shows_unmarked(
    blank_scan: Path, isolated_cache: Path
) -> None:
    view = page_view(blank_scan, 1, "新增高企637家")
    assert not view.lines_known and view.marks == () and view.jpeg[:2] == b"\xff\xd8"


def test_no_such_page_or_not_a_paged_file_is_a_document_error(
    build_pdf: BuildPdf, tmp_path: Path
) -> None:
    path = tmp_path / "p.pdf"
    path.write_bytes(build_pdf(lines=["一行。"]))
    with pytest.raises(DocumentError, match="cannot show page 2"):
        page_view(path, 2)
    (tmp_path / "a.txt").write_text("一行。", encoding="utf-8")
    with pytest.raises(DocumentError, match="only PDF pages and images"):
        page_view(tmp_path / "a.txt", 1)
    with pytest.raises(DocumentError, match="cannot show page 1"):
        page_view(tmp_path / "gone.pdf", 1)
