"""Tests for corpus.tables (rows that name their headers) and the facts of table cells."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.facts import extract_facts
from corpus.tables import Grid, is_number, layout_table, placed

TARGETS: Grid = [
    ["序号", "指标", "单位", "2023年完成", "2024年目标"],
    ["1", "技术合同成交额", "亿元", "12.5", "15"],
    ["2", "新增省级研发机构", "家", "30", "≥35"],
]


def _cells(grid: Grid) -> list[tuple[str, list[tuple[str, str]]]]:
    laid = layout_table(grid)
    assert laid is not None
    text = "\n".join(laid.lines)
    return [(r.header, [(c.column, text[c.start : c.end]) for c in r.cells]) for r in laid.rows]


def test_is_number() -> None:
    for cell in ("3.3", "≥150", "12.5%", "1,200", "2.5-3", "约 40"):
        assert is_number(cell), cell
    for cell in ("2023年", "指标", "基本建成", ""):
        assert not is_number(cell), cell


def test_each_cell_is_a_clause_naming_its_row_and_column() -> None:
    laid = layout_table(TARGETS)
    assert laid is not None
    assert laid.lines == (
        "技术合同成交额 2023年完成 12.5亿元，技术合同成交额 2024年目标 15亿元",
        "新增省级研发机构 2023年完成 30家，新增省级研发机构 2024年目标 ≥35家",
    )
    assert _cells(TARGETS)[1] == (
        "新增省级研发机构",
        [("2023年完成", "30家"), ("2024年目标", "≥35家")],
    )


def test_two_header_rows_and_a_header_merged_across_columns() -> None:
    grid: Grid = [["指标", "2024年", None], ["", "目标", "实际"], ["研发投入强度(%)", "3.2", "3.1"]]
    assert _cells(grid) == [("研发投入强度(%)", [("2024年目标", "3.2"), ("2024年实际", "3.1")])]


def test_label_columns_make_the_row_header_and_merged_values_count_once() -> None:
    grid: Grid = [
        ["类别", "指标", "目标"],
        ["创新投入", "研发经费", "20亿元"],
        ["合计", None, "35亿元"],
    ]
    assert _cells(grid) == [
        ("创新投入 研发经费", [("目标", "20亿元")]),
        ("合计", [("目标", "35亿元")]),
    ]


def test_a_table_without_header_row_or_rows_is_not_laid_out() -> None:
    assert layout_table([["发布单位", "区科技局", "发文日期", "2024-01-02"]]) is None
    assert layout_table([["指标", "2024年"], ["", ""]]) is None
    assert layout_table([["2023", "2024"], ["研发", "12"]]) is None  # figures are no header


def _doc_with(grid: Grid, before: str = "一、主要指标\n今年科技工作主要指标如下。\n") -> object:
    laid = layout_table(grid)
    assert laid is not None
    after = "\n二、重点任务\n实施科技企业梯次培育。"
    text = "某区科技局2024年工作计划\n" + before + "\n".join(laid.lines) + after
    table = placed(laid, len("某区科技局2024年工作计划\n" + before))
    return parse_text(text, "plan.docx", source_format="docx", tables=(table,))


def test_each_row_is_one_passage_of_its_section() -> None:
    doc = _doc_with(TARGETS)
    rows = [p for p in doc.passages if "2024年目标" in p.text]
    assert [p.text for p in rows] == [
        "技术合同成交额 2023年完成 12.5亿元，技术合同成交额 2024年目标 15亿元",
        "新增省级研发机构 2023年完成 30家，新增省级研发机构 2024年目标 ≥35家",
    ]
    assert {p.section for p in rows} == {"一、主要指标"}


def test_a_row_that_looks_like_a_heading_is_no_section() -> None:
    grid: Grid = [["指标", "目标"], ["一、创新投入", "20亿元"]]
    doc = _doc_with(grid)
    assert [s.heading for s in doc.sections if s.heading] == ["一、主要指标", "二、重点任务"]


def test_cells_are_facts_with_the_rows_metric_and_the_columns_year_and_kind() -> None:
    doc = _doc_with(TARGETS)
    facts = [
        (f.metric, f.value, f.unit, f.year, f.kind) for f in extract_facts(doc) if f.unit != ""
    ]
    assert ("技术合同成交额", "12.5", "亿元", 2023, "actual") in facts
    assert ("技术合同成交额", "15", "亿元", 2024, "target") in facts
    assert ("省级研发机构", "35", "家", 2024, "target") in facts


def test_a_bare_cell_takes_the_unit_of_its_header() -> None:
    grid: Grid = [["指标", "2024年目标"], ["研发投入强度(%)", "3.3"]]
    (fact,) = [f for f in extract_facts(_doc_with(grid)) if f.value == "3.3"]
    assert (fact.metric, fact.unit, fact.kind, fact.year) == ("研发投入强度", "%", "target", 2024)


def test_a_cells_qualifier_comes_from_its_row_and_column() -> None:
    grid: Grid = [["指标", "2023年", "2023年增长"], ["新增省级研发机构(家)", "30", "12%"]]
    facts = {(f.value, f.qualifier) for f in extract_facts(_doc_with(grid))}
    assert ("30", "新增") in facts and ("12", "增长") in facts
