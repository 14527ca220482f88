"""Tests for corpus.wrapped_cells: a cell wrapped over lines folded back into its row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.layout import Line
from corpus.readers import read_file
from corpus.wrapped_cells import fold_wrapped

H = 12.0  # a line's height


def _row(y: float, *cells: tuple[float, str]) -> Line:
    runs = tuple((x, x + H * len(t), t) for x, t in cells)
    return Line(" ".join(t for _, t in cells), runs[0][0], y, runs[-1][1], y + H, runs)


def _line(y: float, x: float, text: str) -> Line:
    return Line(text, x, y, x + H * len(text), y + H)


HEAD = _row(0, (0, "序号"), (60, "指标"), (200, "单位"), (260, "2024年目标"))


def test_a_centred_cell_wrapped_above_and_below_its_row_is_folded_in() -> None:
    lines = [
        HEAD,
        _line(24, 60, "研发投入强"),
        _row(30, (0, "1"), (200, "%"), (260, "3.4")),  # the other cells, centred
        _line(37, 60, "度"),
        _line(60, 60, "新增国家高"),
        _row(66, (0, "2"), (200, "家"), (260, "150")),
        _line(73, 60, "新技术企业"),
    ]
    out = fold_wrapped(lines)
    assert [x.text for x in out] == [
        "序号 指标 单位 2024年目标",
        "1 研发投入强度 % 3.4",
        "2 新增国家高新技术企业 家 150",
    ]
    assert [t for _, _, t in out[1].runs] == ["1", "研发投入强度", "%", "3.4"]
    assert (out[2].y0, out[2].y1) == (60, 73 + H)


def test_a_cell_wrapped_below_a_row_at_the_top_goes_to_that_row() -> None:
    lines = [
        HEAD,
        _row(20, (0, "1"), (60, "新增国家高"), (200, "家"), (260, "150")),
        _line(33, 60, "新技术企业"),  # 1 below its row, 3 above the next
        _row(48, (0, "2"), (60, "专利"), (200, "件"), (260, "90")),
    ]
    assert [x.text for x in fold_wrapped(lines)][1] == "1 新增国家高新技术企业 家 150"


def test_a_caption_and_a_paragraph_beside_a_table_are_not_folded() -> None:
    lines = [
        _line(-14, 0, "全区科技工作主要指标如下表。"),  # close, but across the columns
        HEAD,
        _row(20, (0, "1"), (60, "研发投入强度"), (200, "%"), (260, "3.4")),
        _line(40, 60, "注：目标为预期值。"),  # in one column, but a paragraph's gap away
    ]
    assert fold_wrapped(lines) == lines


def test_a_lone_line_in_parts_is_no_table_to_fold_into() -> None:
    lines = [_row(0, (0, "联系人：张三"), (300, "电话：1234")), _line(13, 0, "2024年1月5日")]
    assert fold_wrapped(lines) == lines


def test_a_wrapped_cell_in_a_pdf_text_layer_makes_one_table_row(
    build_pdf: Callable[..., bytes], tmp_path: Path
) -> None:
    at = [
        *(
            (x, 100.0, t)
            for x, t in ((72, "序号"), (110, "指标"), (230, "单位"), (290, "2024年目标"))
        ),
        (110.0, 120.0, "研发投入强"),
        *((x, 126.0, t) for x, t in ((72, "1"), (230, "%"), (290, "3.4"))),
        (110.0, 132.0, "度"),
        (110.0, 156.0, "新增国家高"),
        *((x, 162.0, t) for x, t in ((72, "2"), (230, "家"), (290, "150"))),
        (110.0, 168.0, "新技术企业"),
    ]
    (tmp_path / "t.pdf").write_bytes(build_pdf(at=at))
    raw = read_file(tmp_path / "t.pdf")
    assert raw.text.split("\n") == [
        "研发投入强度 2024年目标 3.4%",
        "新增国家高新技术企业 2024年目标 150家",
    ]
    assert [r.header for r in raw.tables[0].rows] == ["研发投入强度", "新增国家高新技术企业"]
