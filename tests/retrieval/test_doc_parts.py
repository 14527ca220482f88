"""Parts told apart by the document each is asked of (made-up documents and questions)."""

from __future__ import annotations

from typing import Any

from retrieval.doc_parts import document_segment, documents_asked, told_apart_by_document
from retrieval.part_labels import part_labels
from retrieval.parts import split_parts
from retrieval.query import parse_query

ASKED = "甲市31年每万人乙类专利目标,818工作计划和市政府工作报告里分别写的多少?"


def test_a_segment_naming_only_a_document_and_an_ask_is_read() -> None:
    found = document_segment("市政府工作报告里分别写的多少")
    assert found is not None
    assert (found.name, found.rest) == ("市政府工作报告", "分别写的多少")
    assert document_segment("818工作计划") is not None  # a number in a name is a word of it


def test_a_year_and_a_kind_alone_name_no_document() -> None:
    assert document_segment("2031年计划") is None
    assert document_segment("31年目标多少") is None


def test_two_documents_and_a_segment_saying_what_is_asked() -> None:
    segments = ["甲市31年乙类专利目标", "818工作计划", "市政府工作报告里分别写的多少"]
    assert [d.name for d in documents_asked(segments)] == ["818工作计划", "市政府工作报告"]
    # every segment a document: nothing says what is asked of them
    assert documents_asked(["818工作计划", "市政府工作报告里"]) == []
    # one document named twice is no comparison of documents
    assert documents_asked(["乙类专利目标", "818工作计划", "818工作计划里多少"]) == []


def test_each_part_asks_the_shared_metric_of_its_own_document() -> None:
    q = parse_query(ASKED)
    parts = split_parts(q)
    assert [p.doc_name for p in parts] == ["818工作计划", "市政府工作报告"]
    assert all("乙类专利" in p.text and p.wants_target for p in parts)
    assert told_apart_by_document(parts)
    assert part_labels(q, parts) == ["818工作计划", "市政府工作报告"]


def test_parts_of_years_are_not_told_apart_by_document() -> None:
    q = parse_query("甲市2031年新增乙类企业实际数和2032年目标各是多少")
    parts = split_parts(q)
    assert not told_apart_by_document(parts)
    assert part_labels(q, parts) == ["2031年实际", "2032年目标"]  # each with its kind


def test_each_part_is_answered_from_the_document_it_names(qa_of_texts: Any) -> None:
    plan = (
        "甲市落实省“818”创新工程2031年工作计划\n一、主要目标\n"
        "2031年,力争每万人乙类专利拥有量达55件,新增丙类企业300家。\n"
    )
    report = (
        "甲市2031年政府工作报告\n二、2031年工作安排\n每万人乙类专利拥有量48件,丁类平台新增10个。\n"
    )
    qa = qa_of_texts({"plan.txt": plan, "report.txt": report})
    answer = qa.ask(ASKED)
    assert answer.found
    assert "818工作计划：" in answer.answer and "市政府工作报告：" in answer.answer
    plan_part, report_part = answer.answer.split("；")
    assert "55件" in plan_part and "48件" in report_part
    assert [c.doc_id for c in answer.citations[:2]] == ["plan.txt", "report.txt"]


def test_years_listed_before_a_reports_name_name_reports_too() -> None:
    q = parse_query("国务院37年和41年的政府工作报告,甲类价格涨幅目标分别是多少?")
    assert (q.years, q.doc_years) == ((), (2037, 2041))
    parts = split_parts(q)
    assert [p.doc_years for p in parts] == [(2037,), (2041,)]
    # a report's target is of the year it is delivered in
    assert [p.years for p in parts] == [(2037,), (2041,)]
    assert all(p.wants_target and "41年" not in parts[0].norm for p in parts)
    assert part_labels(q, parts) == ["2037年", "2041年"]
    assert parse_query("甲区2037年和2041年新增乙类企业").doc_years == ()  # no report named


def test_a_place_s_own_report_is_labelled_by_the_place() -> None:
    q = parse_query("37年大理和丽江的政府工作报告,丙类投资增长目标各是多少?")
    parts = split_parts(q)
    assert part_labels(q, parts) == ["大理", "丽江"]
    assert all("丙类投资" in p.text for p in parts)


def test_a_documents_name_holds_no_year_or_target_asked() -> None:
    q = parse_query("那份依据“十二五”丙丁规划编的甲乙五年规划里,全国已经建成的戊类法庭有多少个?")
    assert q.doc_name
    assert (q.years, q.wants_target) == ((), False)


def test_two_documents_named_in_one_segment_are_two_parts() -> None:
    q = parse_query("甲市的AI产业行动计划和乙省AI科技创新行动计划,对核心产业规模的目标分别是多少?")
    parts = split_parts(q)
    assert [p.doc_name for p in parts] == ["甲市的ai产业行动计划", "乙省ai科技创新行动计划"]
    assert all("核心产业规模" in p.text for p in parts)


def test_a_programmes_projects_are_no_document() -> None:
    assert document_segment("2031年全市实施的科技计划项目") is None
    assert document_segment("重点研发计划资金") is None
    q = parse_query(
        "甲市2032年政府工作报告里,2031年全市实施的科技计划项目和推广的科技成果各有多少项?"
    )
    parts = split_parts(q)
    assert [p.segment for p in parts] == ["2031年全市实施的科技计划项目", "推广的科技成果"]


def test_a_figure_planned_is_no_document_named() -> None:
    # "…在校学生数计划分别达到多少": 计划 says planned, no 计划 document is asked of
    assert document_segment("在校学生数计划分别达到多少") is None
    assert document_segment("山东省科技创新行动计划里分别写的多少") is not None
    q = parse_query(
        "国务院关于第六个五年计划的报告中,1985年全日制高等学校招生数和在校学生数计划分别达到多少"
    )
    parts = split_parts(q)
    assert len(parts) == 2 and all(p.years == (1985,) for p in parts)
    assert "在校学生" in parts[1].text
