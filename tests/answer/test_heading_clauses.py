"""answer.clauses.heading_clauses: a figure stated in the heading over a passage."""

from __future__ import annotations

from typing import Any

from answer.clauses import heading_clauses

_TEXT = "甲市服务商推荐名单\n一、培训类（6家）\n1.甲公司。\n二、融资对接类（13家）\n1.乙公司。\n"


def test_the_heading_line_before_a_passage_opening_its_section_is_read() -> None:
    start = _TEXT.index("1.乙公司")
    clauses = heading_clauses(_TEXT, start, "二、融资对接类（13家）")
    assert [_TEXT[c.start : c.end] for c in clauses] == ["二、融资对接类（13家）"]


def test_a_passage_opening_no_section_reads_no_heading() -> None:
    start = _TEXT.index("1.乙公司")
    assert heading_clauses(_TEXT, start, "一、培训类（6家）") == []  # not its heading line
    assert heading_clauses(_TEXT, start, "") == []
    inside = _TEXT.index("乙公司")  # (a passage starting mid-line)
    assert heading_clauses(_TEXT, inside, "二、融资对接类（13家）") == []


def test_a_count_in_a_heading_answers_how_many(qa_of_texts: Any) -> None:
    qa = qa_of_texts(
        {
            "m.txt": "甲市中小企业服务商推荐名单\n"
            "一、培训类（6家）\n1.甲公司提供职业培训服务，覆盖企业三百家。\n"
            "二、融资对接类（13家）\n1.乙公司提供供应链金融服务，服务企业五十家。\n"
        }
    )
    answer = qa.ask("甲市服务商推荐名单里融资对接类一共有几家？")
    assert answer.found and "13家" in answer.answer
