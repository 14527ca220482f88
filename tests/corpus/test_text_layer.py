"""Tests for corpus.text_layer: a PDF text layer read with its characters' boxes, so a
table's rows keep their cells and become a table like a DOCX one (issue 16)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.document import load_document
from corpus.facts import extract_facts
from corpus.readers import read_file
from corpus.scans import layer_rows
from corpus.text_layer import _spaced, page_runs, shown

BuildPdf = Callable[..., bytes]
Placed = tuple[float, float, str]
COLUMNS_X = (72.0, 260.0, 330.0, 440.0)
TARGETS = [
    ("指标", "单位", "2023年完成", "2024年目标"),
    ("研发投入强度", "%", "3.1", "3.4"),
    ("新增国家高新技术企业", "家", "120", "150"),
]


def _table(
    rows: Sequence[Sequence[str]], top: float, xs: Sequence[float] = COLUMNS_X
) -> list[Placed]:
    """Texts of the cells of ``rows`` placed in columns at ``xs``, 20 pt apart."""
    return [
        (x, top + 20 * n, cell)
        for n, row in enumerate(rows)
        for x, cell in zip(xs, row, strict=True)
    ]


def _runs(build_pdf: BuildPdf, **kwargs: object) -> list[str]:
    pdf = pdfium.PdfDocument(build_pdf(**kwargs))
    try:
        return [r.text for r in page_runs(pdf[0])]
    finally:
        pdf.close()


def _plan(build_pdf: BuildPdf, path: Path, rows: Sequence[Sequence[str]] = TARGETS) -> Path:
    at = [
        (72.0, 60.0, "某某区科技局2024年工作计划"),
        (72.0, 90.0, "一、主要指标"),
        (96.0, 110.0, "全区科技工作主要指标如下表。"),
        *_table(rows, 140.0),
        (72.0, 140.0 + 20 * len(rows) + 20, "二、重点任务"),
        (96.0, 160.0 + 20 * len(rows) + 20, "实施科技企业梯次培育。"),
    ]
    path.write_bytes(build_pdf(at=at))
    return path


def test_cells_far_apart_are_runs_of_their_own(build_pdf: BuildPdf) -> None:
    assert _runs(build_pdf, at=_table(TARGETS[:2], 100.0)) == [*TARGETS[0], *TARGETS[1]]


def test_one_space_between_words_keeps_a_run_many_spaces_cut_it(build_pdf: BuildPdf) -> None:
    assert _runs(build_pdf, lines=["开展 AI 应用试点"]) == ["开展 AI 应用试点"]
    assert _runs(build_pdf, lines=["研发投入强度     3.1"]) == ["研发投入强度", "3.1"]


def test_a_table_in_a_text_layer_is_kept_as_a_table(build_pdf: BuildPdf, tmp_path: Path) -> None:
    doc = load_document(_plan(build_pdf, tmp_path / "plan.pdf"), "plan.pdf")
    (table,) = doc.tables
    assert table.columns == TARGETS[0]
    cells = {(r.header, c.column): doc.text[c.start : c.end] for r in table.rows for c in r.cells}
    assert cells[("研发投入强度", "2024年目标")] == "3.4%"
    assert cells[("新增国家高新技术企业", "2023年完成")] == "120家"
    row = table.rows[0]
    line = "研发投入强度 2023年完成 3.1%，研发投入强度 2024年目标 3.4%"
    assert doc.text[row.start : row.end] == line
    assert any(p.text == doc.text[row.start : row.end] for p in doc.passages)  # a passage
    assert "全区科技工作主要指标如下表。" in doc.text.split("\n")  # the paragraphs stay lines
    assert doc.page_at(row.start) == 1


def test_table_cells_of_a_pdf_feed_the_facts(build_pdf: BuildPdf, tmp_path: Path) -> None:
    doc = load_document(_plan(build_pdf, tmp_path / "plan.pdf"), "plan.pdf")
    facts = {(f.metric, f.year, f.kind): f.value for f in extract_facts(doc)}
    assert facts[("研发投入强度", 2024, "target")] == "3.4"
    assert facts[("国家高新技术企业", 2023, "actual")] == "120"  # 新增 is no part of it


def test_cells_written_column_by_column_are_read_row_by_row(
    build_pdf: BuildPdf, tmp_path: Path
) -> None:
    by_column = sorted(_table(TARGETS, 140.0), key=lambda p: (p[0], p[1]))
    (tmp_path / "t.pdf").write_bytes(build_pdf(at=by_column))
    lines = read_file(tmp_path / "t.pdf").text.split("\n")
    assert lines[0] == "研发投入强度 2023年完成 3.1%，研发投入强度 2024年目标 3.4%"


def test_key_value_rows_without_a_header_stay_lines(build_pdf: BuildPdf, tmp_path: Path) -> None:
    rows = [("发布单位", "区科技局"), ("发文日期", "2024-01-05")]
    (tmp_path / "kv.pdf").write_bytes(build_pdf(at=_table(rows, 100.0, (72.0, 300.0))))
    raw = read_file(tmp_path / "kv.pdf")
    assert raw.text.split("\n") == ["发布单位 区科技局", "发文日期 2024-01-05"]
    assert raw.tables == ()


def test_wrapped_lines_of_a_text_layer_make_one_paragraph(
    build_pdf: BuildPdf, tmp_path: Path
) -> None:
    lines = [
        "　　全区研发投入持续增长，全社会研发投入强度",
        "达到百分之三点一，新增高新技术企业一百二",
        "十家。",
        "　　下一段。",
    ]
    (tmp_path / "p.pdf").write_bytes(build_pdf(lines=lines))
    assert read_file(tmp_path / "p.pdf").text.split("\n") == [
        "全区研发投入持续增长，全社会研发投入强度达到百分之三点一，新增高新技术企业一百二十家。",
        "下一段。",
    ]


def test_a_turned_page_is_read_as_it_is_shown(build_pdf: BuildPdf, tmp_path: Path) -> None:
    # A landscape page: /Rotate 90 turns it clockwise, its lines run up the unturned page.
    lines = [(72.0, 742.0, "第一行文字。"), (92.0, 718.0, "第二段。")]
    (tmp_path / "r.pdf").write_bytes(build_pdf(at=lines, page=b"/Rotate 90", turn=(0, 1, -1, 0)))
    assert read_file(tmp_path / "r.pdf").text.split("\n") == ["第一行文字。", "第二段。"]


def test_a_page_pdfium_reads_nothing_on_takes_the_other_readers_text() -> None:
    assert [x.text for x in layer_rows([], "一行\n\n  另一行")] == ["一行", "另一行"]


def test_a_page_pdfium_misses_characters_on_is_read_from_pypdfs_text(
    build_pdf: BuildPdf, tmp_path: Path
) -> None:
    rows = [("指标", "单位", "2023年"), ("新增高企", "家", "120")]
    at = _table(rows, 100.0, COLUMNS_X[:3])
    (tmp_path / "t.pdf").write_bytes(build_pdf(at=at, ordering=b"Identity"))
    assert "家" not in "".join(_runs(build_pdf, at=at, ordering=b"Identity"))  # pdfium's loss
    raw = read_file(tmp_path / "t.pdf")
    assert "新增高企" in raw.text and "家" in raw.text.replace("新增高企", "")


@given(
    st.lists(st.floats(0, 595), min_size=2, max_size=2).map(sorted),
    st.lists(st.floats(0, 842), min_size=2, max_size=2).map(sorted),
    st.sampled_from([0, 90, 180, 270, 360, -90]),
)
def test_a_box_turned_keeps_its_size_and_stays_on_the_shown_page(
    xs: list[float], ys: list[float], turn: int
) -> None:
    (left, right), (bottom, top) = xs, ys
    x0, y0, x1, y1 = shown((left, bottom, right, top), (595.0, 842.0), turn)
    assert x0 <= x1 and y0 <= y1
    assert sorted([x1 - x0, y1 - y0]) == pytest.approx(sorted([right - left, top - bottom]))
    width, height = (842.0, 595.0) if turn % 180 else (595.0, 842.0)
    assert min(x0, y0) >= -1e-6 and x1 <= width + 1e-6 and y1 <= height + 1e-6


def test_turning_a_box_puts_the_pages_top_left_where_it_is_shown() -> None:
    size = (595.0, 842.0)
    top_left = (0.0, 832.0, 10.0, 842.0)  # the unturned page's top left corner
    assert shown(top_left, size, 0) == (0.0, 0.0, 10.0, 10.0)
    assert shown(top_left, size, 90) == (832.0, 0.0, 842.0, 10.0)  # now the top right
    assert shown(top_left, size, 180) == (585.0, 832.0, 595.0, 842.0)  # bottom right
    assert shown(top_left, size, 270) == (0.0, 585.0, 10.0, 595.0)  # bottom left


@pytest.mark.parametrize(
    ("before", "after", "kept"),
    [
        ("开", "放", False),  # a justified line's spread
        ("度", ",", False),
        (",", "深", False),
        ("(", "1", False),
        ("1", ")", False),
        ("期", "|", True),  # "发文日期 | 2022": spaces of the text, shown as gaps
        ("|", "2", True),
        ("AI", "应"[0], True),
        ("I", "a", True),
    ],
)
def test_a_space_pdfium_puts_in_a_gap_is_kept_only_where_text_has_one(
    before: str, after: str, kept: bool
) -> None:
    assert _spaced(before[-1], after) is kept


def test_a_justified_line_spread_out_is_read_without_spaces(
    build_pdf: BuildPdf, tmp_path: Path
) -> None:
    pairs = ["建立", "更加", "开放", "、更", "加包", "容的", "制度", ",深", "入。"]
    spread = [(72.0 + 26.5 * i, 100.0, pair) for i, pair in enumerate(pairs)]  # 2.5 pt apart
    (tmp_path / "j.pdf").write_bytes(build_pdf(at=spread))
    assert read_file(tmp_path / "j.pdf").text == "".join(pairs)
