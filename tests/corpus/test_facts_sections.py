"""Sections as the facts table reads them (corpus.facts_sections), on made-up reports."""

from __future__ import annotations

from dataclasses import replace

import pytest

from corpus.document import parse_text
from corpus.facts import Fact, extract_facts
from corpus.facts_sections import Reference, part_number, read_section, read_sections
from corpus.facts_spans import span_end, span_years, spans_of
from corpus.model import Section

DATED = "(2023年1月12日在某市第十六届人民代表大会第一次会议上)\n"


def facts(text: str) -> tuple[Fact, ...]:
    return extract_facts(parse_text(text, "t.txt"))


def fact(found: tuple[Fact, ...], value: str) -> Fact:
    hits = [f for f in found if f.value == value]
    assert len(hits) == 1, [(f.value, f.year, f.kind) for f in found]
    return hits[0]


def test_read_section_settles_kind_against_the_reference_date() -> None:
    def kind(heading: str, year: int | None, ref: Reference) -> str:
        return read_section(Section((heading,), heading, 1, 0, 9, year), ref).section.kind

    assert kind("二、2024年主要工作安排", 2024, Reference(2024, 1)) == "plan"
    assert kind("二、2021年重点工作落实情况", 2021, Reference(2022, 3)) == "actual"
    assert kind("三、关于2026年工作", 2026, Reference(2026, 2)) == "plan"
    assert kind("三、关于2026年工作", 2026, Reference(2026, None)) == ""
    assert kind("一、2024年上半年亮点工作", 2024, Reference(2024, 6)) == "actual"
    # "2023年主要工作" read against a report issued in 2024 reviews (not plans)
    assert kind("一、2023年主要工作", 2023, Reference(2024, 1)) == "actual"
    # what a point under a plan's part says is achieved is planned ("…上取得新成效。")
    path = ("二、2025年主要任务", "（八）聚力打造宜居地，在富民惠民上取得新成效。")
    under = Section(path, path[-1], 2, 0, 9, 2025)
    assert read_section(under, Reference(2025, 1)).section.kind == "plan"


def test_spans_end_and_part_numbers() -> None:
    assert spans_of("二、“十三五”时期发展成就和“十四五”时期主要目标任务", 2021) == [
        "十三五",
        "十四五",
    ]
    assert spans_of("二、今后五年的总体要求", 2007) == ["2007-2011"]
    assert (span_end("十四五"), span_end("2018-2022"), span_end("")) == (2025, 2022, None)
    assert list(span_years("2018-2022")) == [2018, 2019, 2020, 2021, 2022]
    assert list(span_years("十一五")) == [2006, 2007, 2008, 2009, 2010]
    assert list(span_years("全年")) == [] and list(span_years("2022")) == []
    assert (part_number("三、全面加强政府自身建设"), part_number("十二、附则")) == (3, 12)
    assert part_number("(一)指导思想") == 0


UNHEADED_REVIEW = (
    "某市政府工作报告\n" + DATED + "各位代表:现在,我代表市人民政府向大会报告工作。\n"
    "过去一年,预计新兴产业产值占比达22%、较上年提高2.2个百分点。\n"
    "二、2023年工作安排\n"
    "新建口袋公园30个。\n"
    "三、全面加强政府自身建设\n"
    "一般性支出压减8%。\n"
    "一、附件说明\n"
    "共收到意见56条。\n"
)


def test_an_unheaded_review_before_a_plan_numbered_two() -> None:
    found = facts(UNHEADED_REVIEW)
    for value in ("22", "2.2"):
        assert (fact(found, value).year, fact(found, value).kind) == (2022, "actual")
    assert (fact(found, "30").year, fact(found, "30").kind) == (2023, "target")


def test_a_plan_goes_on_in_the_part_numbered_next_only() -> None:
    found = facts(UNHEADED_REVIEW)
    assert (fact(found, "8").year, fact(found, "8").kind) == (2023, "target")
    assert fact(found, "56").kind == "actual"  # numbering started again: another part


TASK_PARTS = (
    "某省政府工作报告\n" + DATED + "一、2022年工作回顾\n"
    "新增高新技术企业500家。\n"
    "二、抓紧有利时机,加快经济发展\n"
    "(一)扩大有效投资\n"
    "新开工重大项目120个。\n"
    "三、关于外交工作\n"
    "接待外国代表团30个。\n"
)


def test_parts_after_the_review_of_a_report_without_a_plan_part_plan_its_year() -> None:
    found = facts(TASK_PARTS)
    assert (fact(found, "500").year, fact(found, "500").kind) == (2022, "actual")
    assert (fact(found, "120").year, fact(found, "120").kind) == (2023, "target")
    assert fact(found, "30").kind == "actual"  # a part about a field tells what was done too
    planned = TASK_PARTS.replace("二、抓紧有利时机,加快经济发展", "二、2023年工作安排")
    assert fact(facts(planned), "30").kind == "target"  # numbered next after a plan: goes on
    mid_year = TASK_PARTS.replace("2023年1月12日", "2023年7月12日")
    assert fact(facts(mid_year), "120").kind == "actual"  # not early in its year: unsaid


FIVE_YEARS = (
    "某市政府工作报告\n" + DATED + "一、过去五年工作回顾\n"
    "五年来,新增城市绿地500公顷,地区生产总值达到1.2万亿元、年均增长6.1%。\n"
    "去年3月,新建方舱医院12家。\n"
    "二、2023年主要任务\n"
    "新增城市绿地80公顷。\n"
)


def test_a_review_of_five_years() -> None:
    found = facts(FIVE_YEARS)
    green = fact(found, "500")
    assert (green.year, green.period, green.kind) == (None, "2018-2022", "actual")
    assert (fact(found, "6.1").year, fact(found, "6.1").period) == (None, "2018-2022")
    level = fact(found, "1.2")  # a level reached: the span's last year
    assert (level.year, level.period) == (2022, "2018-2022")  # its words name the span
    assert fact(found, "12").year == 2022  # 去年 counts in a review
    assert (fact(found, "80").year, fact(found, "80").kind) == (2023, "target")


MIXED = (
    "国务院政府工作报告\n"
    "(2021年3月5日在第十三届全国人民代表大会第四次会议上)\n"
    "一、2020年工作回顾\n"
    "粮食产量1.3万亿斤。\n"
    "二、“十三五”时期发展成就和“十四五”时期主要目标任务\n"
    "过去五年,城镇新增就业超过6000万人。\n"
    "“十四五”时期,森林覆盖率提高到24.1%。\n"
)


def test_a_plan_heading_naming_the_span_it_reviews() -> None:
    found = facts(MIXED)
    jobs = fact(found, "6000")
    assert (jobs.kind, jobs.year, jobs.period) == ("actual", None, "十三五")
    forest = fact(found, "24.1")
    assert (forest.kind, forest.year, forest.period) == ("target", 2025, "十四五")


def test_read_sections_in_text_order() -> None:
    doc = parse_text(FIVE_YEARS, "t.txt")
    readings = read_sections(doc)
    assert [r.section.start for r in readings] == sorted(r.section.start for r in readings)
    assert [(r.section.kind, r.span) for r in readings if r.section.level == 1] == [
        ("actual", "2018-2022"),
        ("plan", ""),
    ]


def test_a_national_figure_in_a_document_of_no_region() -> None:
    text = "关于数字经济发展情况的报告\n一、我国数字经济发展成效显著\n建成示范工厂110家。\n"
    doc = replace(parse_text(text, "t.txt"), region="")
    assert fact(extract_facts(doc), "110").region == "全国"
    elsewhere = replace(doc, sections=())  # no heading speaks of the nation
    assert fact(extract_facts(elsewhere), "110").region == ""


def test_without_an_issue_year_the_documents_own_reading_stands() -> None:
    doc = parse_text("某区情况通报\n一、“十三五”时期工作回顾\n2020年新增企业50家。\n", "t.txt")
    undated = replace(doc, date="", issued=None)
    assert [r.section for r in read_sections(undated)] == sorted(
        undated.sections, key=lambda s: s.start
    )


SPAN_INSIDE = (
    "某省政府工作报告\n" + DATED.replace("2023", "2026") + "一、工作回顾\n"
    "过去一年,地区生产总值增长5.2%。“十四五”时期是不平凡的五年。这五年,农业根基持续夯实。"
    "农产品加工业产值增长46.1%,全年粮食产量增长1.3%。高标准农田达到2556万亩。\n"
    "二、2026年工作安排\n"
    "力争农产品加工业产值增长8%。\n"
)


def test_a_span_opened_inside_a_paragraph_and_what_counts_over_it() -> None:
    found = facts(SPAN_INSIDE)
    assert (fact(found, "5.2").year, fact(found, "5.2").period) == (2025, "")  # before the span
    grown = fact(found, "46.1")  # a change over the five years: the span's
    assert (grown.year, grown.period, grown.kind) == (None, "2021-2025", "actual")
    assert fact(found, "1.3").year == 2025  # 全年: one year's
    assert (fact(found, "2556").year, fact(found, "2556").period) == (2025, "")  # a level reached
    assert (fact(found, "8").year, fact(found, "8").kind) == (2026, "target")


def test_a_document_titled_as_a_years_review() -> None:
    doc = parse_text("2023年工作回顾\n一、经济发展实现新突破\n新增规上企业17户。\n", "t.txt")
    undated = replace(doc, date="", issued=None, title="2023年工作回顾")
    got = fact(extract_facts(undated), "17")
    assert (got.year, got.kind) == (2023, "actual")
    planned = replace(undated, title="2023年工作总结和2024年工作计划")  # parts read as before
    assert [r.section.kind for r in read_sections(planned)] == [
        r.section.kind for r in read_sections(replace(planned, title="某区报告"))
    ]


GLUED = (
    "某市2015年政府工作报告\n" + DATED.replace("2023", "2015") + "一、2014年工作回顾\n"
    "过去的一年,新建高标准粮田131万亩。\n"
    "二、2015年政府工作的主要任务今年是全面完成规划的收官之年。力争培育市级研发中心15个。\n"
    "三、切实加强政府自身建设\n"
)


def test_a_part_heading_run_into_its_paragraph() -> None:
    found = facts(GLUED)
    assert (fact(found, "131").year, fact(found, "131").kind) == (2014, "actual")
    planned = fact(found, "15")
    assert (planned.year, planned.kind) == (2015, "target")
    assert planned.section == "二、2015年政府工作的主要任务"


FLOWS = (
    "某省政府工作报告\n" + DATED.replace("2023", "2026") + "一、“十四五”时期工作回顾\n"
    "五年来,我们扩大开放。新设外资企业312家,利用外资47亿美元。高铁通车里程增至1418公里。"
    "改造老旧小区后供水能力达到30万吨。连续5年提高养老金、惠及563万人。\n"
    "二、2025年及“十四五”时期工作回顾\n高新技术产业产值占比达到57.3%、5年提升9.8个百分点。\n"
    "三、过去五年工作回顾\n刚刚过去的2025年,企业利润增长17%,实际使用外资1287亿美元。\n"
    "四、2026年工作安排\n今后五年新增就业100万人。力争新设企业300家。\n"
)


def test_what_is_done_over_a_span_is_the_spans_and_a_level_its_last_years() -> None:
    found = facts(FLOWS)
    for value in ("312", "47"):  # done over the five years: no one year's
        assert (fact(found, value).year, fact(found, value).period) == (None, "十四五")
    for value in ("1418", "30"):  # a level reached, also after a flow verb
        assert (fact(found, value).year, fact(found, value).period) == (2025, "")
    assert fact(found, "563").year == 2025  # 连续5年提高 is no span the figure counts over


def test_a_clause_counting_over_its_own_years() -> None:
    found = facts(FLOWS)
    assert (fact(found, "57.3").year, fact(found, "57.3").period) == (2025, "")
    assert (fact(found, "9.8").year, fact(found, "9.8").period) == (None, "2021-2025")
    assert (fact(found, "100").year, fact(found, "100").kind) == (2026, "target")  # 今后五年
    assert (fact(found, "300").year, fact(found, "300").kind) == (2026, "target")


def test_a_paragraph_on_one_year_inside_a_review_of_five() -> None:
    found = facts(FLOWS)
    for value in ("17", "1287"):  # 刚刚过去的2025年: that year's, not the five years'
        assert (fact(found, value).year, fact(found, value).period) == (2025, "")


def test_a_heading_naming_a_plan_periods_start_plans_for_its_first_year() -> None:
    text = (
        "某省政府工作报告\n" + DATED.replace("2023", "2026") + "一、2025年工作回顾\n新增企业5家。\n"
        "二、全力推动“十五五”开好局、起好步\n建设城市更新项目15个。\n"
    )
    planned = fact(facts(text), "15")
    assert (planned.year, planned.kind, planned.period) == (2026, "target", "")


REPORT_2024 = "某市政府工作报告\n" + DATED.replace("2023", "2024")


@pytest.mark.parametrize(
    ("body", "done", "planned", "part"),
    [
        (  # run in after a sentence
            "各位代表：现在向大会报告工作。2023年工作回顾2023年是极不平凡的一年。"
            "新增普惠托育机构64家。2024年工作安排建议2024年是关键一年。新认证绿色食品10个以上。\n",
            "64",
            "10",
            "2024年工作安排建议",
        ),
        (  # standing alone on its line, numbered parts after it
            "过去一年,新增企业5家。\n全力实现2024年高质量发展的奋斗目标\n今年预期目标是增长6.5%。\n"
            "一、着力推进产业立市\n实施市重点产业项目210个。\n",
            "5",
            "210",
            "一、着力推进产业立市",
        ),
    ],
)
def test_year_headings_run_in_or_standing_alone_in_a_document_without_parts(
    body: str, done: str, planned: str, part: str
) -> None:
    found = facts(REPORT_2024 + body)
    assert (fact(found, done).year, fact(found, done).kind) == (2023, "actual")
    plan = fact(found, planned)
    assert (plan.year, plan.kind, plan.section) == (2024, "target", part)


def test_a_sentence_naming_a_years_work_inside_a_part_is_no_heading() -> None:
    text = (
        "某市政府工作报告\n" + DATED.replace("2023", "2024") + "一、2023年工作回顾\n"
        "我们扎实推进各项工作。2024年工作安排要早谋划。新增企业5家。\n"
    )
    assert (fact(facts(text), "5").year, fact(facts(text), "5").kind) == (2023, "actual")


def test_a_work_report_without_parts_plans_from_the_paragraph_opening_on_its_year() -> None:
    text = REPORT_2024 + (
        "各位代表：现在我代表市人民政府向大会报告工作。\n"
        "过去一年,我们签约产业项目54个。\n"
        "2024年是实施“十四五”规划的关键一年。\n"
        "开工改造城镇老旧小区460个。\n"
    )
    found = facts(text)
    assert (fact(found, "54").year, fact(found, "54").kind) == (2023, "actual")
    assert (fact(found, "460").year, fact(found, "460").kind) == (2024, "target")
    # a report with parts reads them, not the opening
    parted = REPORT_2024 + "一、2023年工作回顾\n2024年是关键一年。\n新增企业5家。\n"
    assert (fact(facts(parted), "5").year, fact(facts(parted), "5").kind) == (2023, "actual")
    # the opening sentence may run long before its 一年
    long = REPORT_2024 + (
        "各位代表：现在我代表市人民政府向大会报告工作。\n过去一年,我们签约产业项目54个。\n"
        "2024年是中华人民共和国成立75周年,是我市经济总量提档进位、实现“十四五”规划目标任务的关键一年。\n"
        "开工改造城镇老旧小区460个。\n"
    )
    assert (fact(facts(long), "460").year, fact(facts(long), "460").kind) == (2024, "target")


def test_a_yearly_average_after_a_change_between_two_years_has_their_span() -> None:
    text = REPORT_2024 + (
        "一、过去五年工作回顾\n城镇居民人均可支配收入由2018年的5160元增加到2023年的7703元,"
        "平均每年实际增长8.6%。\n"
    )
    found = facts(text)
    average, level = fact(found, "8.6"), fact(found, "7703")
    assert (average.year, average.period) == (None, "2019-2023")
    assert level.year == 2023
