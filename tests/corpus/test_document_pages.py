"""Pages of PDFs and scans: every passage knows the page it starts on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.document import load_document, parse_text
from corpus.model import page_of

PAGE_ONE = ["一、工作回顾", "全年完成技术合同登记额十二亿元,同比增长百分之八。"]
PAGE_TWO = ["二、工作计划", "力争新增省级研发机构二十家,研发投入强度达到百分之三。"]


def test_page_of_counts_from_one_and_none_without_pages() -> None:
    assert page_of((0, 10, 10, 25), 0) == 1
    assert page_of((0, 10, 10, 25), 9) == 1
    assert page_of((0, 10, 10, 25), 10) == 3  # page 2 gave no text: offset 10 is on page 3
    assert page_of((0, 10, 10, 25), 99) == 4
    assert page_of((), 5) is None


def test_passages_carry_their_page() -> None:
    text = "一、回顾\n今年完成投资十亿元。\n二、计划\n明年力争投资十二亿元。"
    second = text.index("二、")
    doc = parse_text(text, "p.pdf", source_format="pdf", pages=(0, second), unread_pages=(3,))
    pages = {p.text: p.page for p in doc.passages}
    assert pages == {"今年完成投资十亿元。": 1, "明年力争投资十二亿元。": 2}
    assert doc.page_at(second) == 2 and doc.unread_pages == (3,)


def test_documents_without_pages_have_none() -> None:
    doc = parse_text("一、回顾\n今年完成投资十亿元。", "p.txt")
    assert doc.pages == () and {p.page for p in doc.passages} == {None}


def test_a_two_page_pdf_is_cut_into_passages_by_page(
    tmp_path: Path, build_pdf: Callable[..., bytes]
) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(build_pdf(pages=[PAGE_ONE, PAGE_TWO]))
    doc = load_document(path, "plan.pdf")
    assert len(doc.pages) == 2
    by_text = {p.text: p.page for p in doc.passages}
    assert by_text == {PAGE_ONE[1]: 1, PAGE_TWO[1]: 2}
