"""Plan documents (corpus.facts_plans): a plan titled with its span, on made-up plans."""

from __future__ import annotations

from dataclasses import replace

from corpus.document import parse_text
from corpus.facts import extract_facts
from corpus.facts_plans import plan_span
from tests.corpus.test_facts_sections import fact

PLAN = (
    "某省“十四五”教育事业发展规划\n"
    "“十四五”时期是开启新征程的关键时期,到2035年建成教育强省,制定本规划。\n"
    "一、发展现状\n"
    "全省共有高校150所。\n"
    "二、总体要求\n"
    "到2025年学生体质健康优良率达到55%以上。\n"
    "三、系统构建高质量教育体系\n"
    "(一)发展基础。全省建有重点实验室21个。\n"
    "(二)发展目标。支持40个左右优势特色学科。\n"
)


def plan_facts(title: str = "某省“十四五”教育事业发展规划") -> tuple:
    doc = parse_text(PLAN, "t.txt")
    return extract_facts(replace(doc, title=title, date="", issued=None))


def test_plan_span_from_the_title() -> None:
    doc = parse_text(PLAN, "t.txt")
    assert plan_span(replace(doc, title="某省“十四五”教育事业发展规划")) == "十四五"
    assert plan_span(replace(doc, title="行动计划(2021-2023年)")) == "2021-2023"
    assert plan_span(replace(doc, title="某区2021年工作总结和2022年工作计划")) == ""
    assert plan_span(replace(doc, title="关于“十四五”成就的报告")) == ""  # no plan


def test_a_plan_document_plans_for_its_span() -> None:
    found = plan_facts()
    target = fact(found, "55")  # a year named in the plan's span: still a target
    assert (target.kind, target.year, target.period) == ("target", 2025, "十四五")
    task = fact(found, "40")  # an unkinded part plans too, for the span's end, not 2035
    assert (task.kind, task.year, task.period) == ("target", 2025, "十四五")


def test_its_reviews_speak_of_the_plan_before() -> None:
    found = plan_facts()
    for value in ("150", "21"):  # a review part, a review label inside a part
        got = fact(found, value)
        assert (got.kind, got.year) == ("actual", 2020), value
    untitled = plan_facts("某省教育工作情况")  # no span in the title: the year named most
    # (an undated plan part's staged deadline, "到2025年…55%以上" under 2035, is a target)
    assert [(f.value, f.year, f.kind) for f in untitled] == [
        ("150", None, "actual"),
        ("55", 2025, "target"),
        ("21", 2035, "target"),
        ("40", 2035, "target"),
    ]
