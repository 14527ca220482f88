"""Tests for corpus.layout and corpus.pages: rows, deskew, paragraphs, page furniture.

Boxes are made up here (no OCR engine): what matters is the rule each test names.
"""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from corpus.layout import Line, join, ocr_rows, skew, text_rows, width
from corpus.ocr import OcrLine
from corpus.pages import assemble, furniture, is_page_number


def box(text: str, x0: float, y0: float, x1: float, y1: float, angle: float = 0.0) -> OcrLine:
    """An OCR line whose box is turned by ``angle`` radians about the origin."""
    cos, sin = math.cos(angle), math.sin(angle)
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    quad = tuple(v for x, y in corners for v in (x * cos - y * sin, x * sin + y * cos))
    return OcrLine(text, quad, 0.99)


def page(rows: list[tuple[str, float, float]], top: float = 100.0, pitch: float = 60) -> list[Line]:
    """Lines of 40-pixel characters: (text, left edge, right edge) per row."""
    return [
        Line(t, x0, top + i * pitch, x1, top + i * pitch + 40) for i, (t, x0, x1) in enumerate(rows)
    ]


def test_width_counts_cjk_as_one_and_latin_as_half() -> None:
    assert width("创新ab") == 3.0
    assert width("\u3000\u3000") == 2.0


def test_text_rows_take_indent_from_leading_spaces() -> None:
    rows = text_rows("\u3000\u3000甲乙丙丁\n戊己\n\n庚")
    assert [(r.text, r.x0, r.x1, r.y0) for r in rows] == [
        ("甲乙丙丁", 2.0, 6.0, 0.0),
        ("戊己", 0.0, 2.0, 1.0),
        ("庚", 0.0, 1.0, 3.0),
    ]


def test_runs_of_one_row_are_joined_left_to_right_and_rows_top_down() -> None:
    found = [
        box("第二行", 100, 200, 400, 240),
        box("后半", 520, 12, 640, 48),
        box("前半", 100, 10, 500, 50),
    ]
    assert [r.text for r in ocr_rows(found)] == ["前半后半", "第二行"]


def test_runs_far_apart_keep_a_space() -> None:
    found = [box("指标", 100, 10, 180, 50), box("目标值", 600, 10, 720, 50)]
    assert [r.text for r in ocr_rows(found)] == ["指标 目标值"]


def test_a_tilted_photo_is_turned_level_before_rows_are_found() -> None:
    angle = math.radians(2.0)
    lines = [
        box(f"第{i}行文字内容很长很长", 100, 100 + 50 * i, 1400, 140 + 50 * i, angle)
        for i in range(6)
    ]
    assert abs(math.degrees(skew(lines)) - 2.0) < 0.01
    # Tilted, the right end of a line sits lower than the left end of the next:
    # without deskew the rows would interleave.
    assert [r.text[:3] for r in ocr_rows(list(reversed(lines)))] == [f"第{i}行" for i in range(6)]


def test_wrapped_lines_join_and_an_indent_opens_a_paragraph() -> None:
    rows = page(
        [
            ("一是推进企业培育，全年新增", 180, 1500),  # indented: opens
            ("高新技术企业二十家。", 100, 700),  # ends short: closes
            ("二是支持研发活动，新增研发", 180, 1500),
            ("机构十家。", 100, 400),
        ]
    )
    assert assemble([rows]).text == (
        "一是推进企业培育，全年新增高新技术企业二十家。\n二是支持研发活动，新增研发机构十家。"
    )


def test_a_blank_gap_opens_a_paragraph() -> None:
    rows = [
        Line("标题行文字内容很长", 100, 100, 1500, 140),
        Line("正文行文字内容很长", 100, 260, 1500, 300),
    ]
    rows.append(Line("正文第二行", 100, 320, 1500, 360))
    assert assemble([rows]).text == "标题行文字内容很长\n正文行文字内容很长正文第二行"


def test_a_numbered_heading_after_a_finished_sentence_opens_a_paragraph() -> None:
    rows = page([("上一段的最后一句到此结束。", 100, 1500), ("二、主要目标", 100, 1500)])
    assert assemble([rows]).text == "上一段的最后一句到此结束。\n二、主要目标"


def test_numbers_and_chinese_join_without_space_latin_words_with_one() -> None:
    assert join("增长20", "59%") == "增长2059%"
    assert join("R&D", "经费") == "R&D经费"
    assert join("Science", "Park") == "Science Park"


def test_page_numbers() -> None:
    for mark in ("- 3 -", "—12—", "第 3 页", "3/10", "第3页 共10页", "一3一", "－ 7 －"):
        assert is_page_number(mark), mark
    for text in ("3月", "2023年", "- 3 - 项", "一、总体要求"):
        assert not is_page_number(text), text


def test_page_numbers_and_running_headers_are_furniture_body_lines_are_not() -> None:
    pages = [
        page([("某某区科技局文件", 100, 800), ("正文第一页", 100, 1500), ("- 1 -", 700, 800)]),
        page([("某某区科技局文件", 100, 800), ("正文第二页", 100, 1500), ("- 2 -", 700, 800)]),
    ]
    assert furniture(pages) == [{0, 2}, {0, 2}]


def test_a_sentence_running_on_to_the_next_page_stays_one_and_pages_are_told() -> None:
    first = page(
        [
            ("\u3000甲乙丙丁戊己庚辛壬癸，一二三四", 180, 1500),
            ("五六七八九十百千万亿", 100, 1500),
            ("- 1 -", 700, 800),
        ]
    )
    second = page([("兆京垓。", 100, 300), ("\u3000新一段。", 180, 400), ("- 2 -", 700, 800)])
    paged = assemble([first, second])
    assert (
        paged.text
        == "\u3000甲乙丙丁戊己庚辛壬癸，一二三四五六七八九十百千万亿兆京垓。\n\u3000新一段。"
    )
    assert paged.text[paged.pages[1] :].startswith("兆京垓")
    assert paged.pages[0] == 0


def test_a_page_without_text_starts_where_the_next_does() -> None:
    one = page([("第一页的一句话。", 100, 500)])
    three = page([("\u3000第三页的一句话。", 180, 500)])
    paged = assemble([one, [], three])
    assert paged.pages == (0, paged.pages[2], paged.pages[2])
    assert paged.text[paged.pages[2] :] == "\u3000第三页的一句话。"


@given(
    st.lists(st.lists(st.text("甲乙丙。，1- ", min_size=1, max_size=12), max_size=5), max_size=4)
)
def test_page_starts_are_ordered_offsets_of_the_text(texts: list[list[str]]) -> None:
    pages = [
        page([(t, 100 + 80 * (i % 2), 100 + 40 * width(t)) for i, t in enumerate(p)]) for p in texts
    ]
    paged = assemble(pages)
    assert len(paged.pages) == len(pages)
    assert list(paged.pages) == sorted(paged.pages)
    assert all(0 <= s <= len(paged.text) for s in paged.pages)


def _table_page() -> list[Line]:
    """A scanned page: a sentence, a 3-column table read cell by cell, a sentence."""
    cells = [
        [("指标", 100), ("2023年", 700), ("2024年目标", 1100)],
        [("研发投入强度(%)", 100), ("3.1", 740), ("3.4", 1180)],
        [("新增省级研发机构(家)", 100), ("30", 745), ("35", 1185)],
    ]
    found = [box("\u3000\u3000今年主要指标如下表。", 100, 100, 700, 140)]
    for i, row in enumerate(cells):
        y = 200 + 60 * i
        found += [box(t, x, y, x + 40 * width(t), y + 40) for t, x in row]
    found.append(box("\u3000\u3000下一步将全力推进。", 100, 420, 700, 460))
    return ocr_rows(found)


def test_a_table_on_a_scan_is_laid_out_one_row_a_line() -> None:
    paged = assemble([_table_page()])
    assert paged.text.split("\n") == [
        "今年主要指标如下表。",
        "研发投入强度(%) 2023年 3.1，研发投入强度(%) 2024年目标 3.4",
        "新增省级研发机构(家) 2023年 30，新增省级研发机构(家) 2024年目标 35",
        "下一步将全力推进。",
    ]
    (table,) = paged.tables
    assert table.columns == ("指标", "2023年", "2024年目标")
    row = table.rows[1]
    assert paged.text[row.start : row.end].startswith("新增省级研发机构")
    assert [paged.text[c.start : c.end] for c in row.cells] == ["30", "35"]


def test_rows_read_in_parts_without_a_header_stay_lines() -> None:
    found = [box("签发人:某某", 100, 100, 340, 140), box("某科发〔2024〕7号", 900, 100, 1400, 140)]
    found += [box("正文第一句。", 100, 160, 340, 200), box("正文第二句。", 900, 160, 1140, 200)]
    paged = assemble([ocr_rows(found)])
    assert paged.tables == () and paged.text.startswith("签发人:某某 某科发")
