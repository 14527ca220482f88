"""corpus.alike_clauses: clauses of one sentence ending alike are a list."""

from __future__ import annotations

from corpus.alike_clauses import alike_clause_lists, clauses_of
from corpus.document import parse_text
from corpus.normalize import normalize


def test_a_comma_inside_quotes_separates_no_clause() -> None:
    norm = normalize("甲方针不变,继续鼓励“百花齐放,百家争鸣”的方针不变。")
    assert [norm[a:b] for a, b in clauses_of(norm, 0, len(norm))] == [
        "甲方针不变",
        '继续鼓励"百花齐放,百家争鸣"的方针不变',
    ]


def test_clauses_ending_alike_are_items_headed_by_what_comes_before() -> None:
    doc = parse_text(
        "报告\n四、巩固团结\n我郑重宣布:在整个过程中,总体布局不变,改革开放的方针不变,"
        "各项现行政策不变,“百花齐放,百家争鸣”的方针不变。\n",
        "t.txt",
    )
    (en,) = alike_clause_lists(doc)
    assert en.kind == "alike"
    items = [doc.text[i.start : i.end] for i in en.items]
    assert items == [
        "总体布局不变",
        "改革开放的方针不变",
        "各项现行政策不变",
        "“百花齐放,百家争鸣”的方针不变",
    ]
    assert "郑重宣布" in en.head and en.section == "四、巩固团结"


def test_two_clauses_or_figures_ending_alike_are_no_list() -> None:
    two = parse_text("报告\n一、甲\n布局不变,方针不变,我们要做好工作。\n", "t.txt")
    assert alike_clause_lists(two) == []
    figures = parse_text("报告\n一、甲\n投资增长7%左右,消费增长8%左右,收入增长6%左右。\n", "t.txt")
    assert alike_clause_lists(figures) == []
