"""corpus.metadata: the issue year and title of undated, untitled work reports (made-up texts)."""

from __future__ import annotations

import pytest

from corpus.metadata import is_salutation, work_report_title
from corpus.normalize import normalize
from corpus.report_year import addressed_congress_year, is_work_report, issue_year

REPORT = normalize(
    "各位代表:\n现在,我代表市人民政府,向大会报告政府工作。\n一、2031年工作回顾\n全年…"
)


def test_a_dated_document_is_issued_in_its_dates_year() -> None:
    assert issue_year("2029-03-01", (2028, 2029), REPORT) == 2029


def test_an_undated_work_report_is_issued_the_year_after_its_review() -> None:
    assert issue_year("", (2031, 2032), REPORT) == 2032


@pytest.mark.parametrize(
    "review",
    ["一、2031年国内工作的回顾\n", "首先报告2031年的工作\n", "过去的2031年,我们…\n"],
)
def test_the_review_year_is_read_however_the_review_is_headed(review: str) -> None:
    text = normalize("各位代表:\n现在,我代表国务院向大会作政府工作报告。\n" + review + "全年…")
    assert issue_year("", (), text) == 2032


def test_a_part_planning_its_own_year_dates_a_report_without_a_dated_review() -> None:
    head = "各位代表:\n现在,我代表国务院向大会作政府工作报告。\n一、“十一五”时期的回顾\n"
    text = normalize(head + "二、“十二五”时期的主要目标\n三、2031年的工作\n全年…")
    assert issue_year("", (), text) == 2031
    reviewed = normalize(head.replace("“十一五”时期", "2030年工作") + "二、2031年工作安排\n")
    assert issue_year("", (), reviewed) == 2031  # 工作回顾 reviews, never plans


def test_a_report_addressed_to_a_congress_session_is_of_that_sessions_year() -> None:
    text = normalize(
        "各位代表:\n本届政府任期即将结束。现在,我代表国务院,向第十届全国人民代表大会第一次"
        "会议报告过去五年的工作。\n一、过去五年政府工作的回顾\n第九届全国人民代表大会第一次会议以来…"
    )
    assert is_work_report(text)
    assert addressed_congress_year(text) == 2003
    assert issue_year("", (1997,), text) == 2003
    # a session only recalled ("…第一次会议以来") dates nothing
    recalled = normalize("我代表国务院向大会报告工作。第九届全国人民代表大会第一次会议以来的五年")
    assert addressed_congress_year(recalled) is None
    assert addressed_congress_year(normalize("向第三十届全国人民代表大会第一次会议报告")) is None


def test_a_congress_addressed_without_a_session_is_its_first_session() -> None:
    # a later session is always named; the first may be left out
    text = normalize("各位代表!\n现在,我代表国务院,向第六届全国人民代表大会作政府工作报告。")
    assert addressed_congress_year(text) == 1983
    assert issue_year("", (1981,), text) == 1983
    # a congress only mentioned, not addressed with a report, dates nothing
    assert addressed_congress_year(normalize("向第六届全国人民代表大会致敬")) is None


def test_a_speech_not_addressed_to_a_congress_is_no_work_report() -> None:
    assert not is_work_report(normalize("我代表市科技局,向各位来宾表示欢迎。"))


def test_an_undated_plan_has_no_issue_year() -> None:
    assert issue_year("", (2030,), normalize("关于印发某某行动方案的通知\n到2030年…")) is None


def test_untitled_reports_are_named_from_their_text() -> None:
    assert is_salutation("各位代表:", "docs/x-1.txt")
    assert is_salutation("x-1", "docs/x-1.txt")
    assert not is_salutation("某市科技局2031年工作总结", "docs/x-1.txt")
    assert work_report_title("某某市", 2032) == "某某市2032年政府工作报告"
    assert work_report_title("全国", None) == "国务院政府工作报告"


def test_a_report_cited_by_title_makes_no_work_report() -> None:
    cited = normalize("甲司将落实2037年《政府工作报告》工作部署,重点做好以下工作。")
    assert not is_work_report(cited)
    assert is_work_report(normalize("2037年甲市政府工作报告\n各位代表:\n现在,我代表市人民政府"))


def test_a_report_copied_without_its_opening_is_still_a_work_report() -> None:
    text = normalize(
        "一、2005年工作回顾\n过去的一年,在市委的领导下,在市人大、市政协的监督支持下,"
        "我们紧紧依靠全市人民…\n二、2006年政府工作的主要目标\n"
    )
    assert is_work_report(text)
    assert not is_work_report(normalize("一、2023年工作总结\n全区科技企业快速发展。\n"))


def test_a_report_is_of_the_year_it_sets_tasks_for() -> None:
    # no congress line, no dated review heading: "1987年…的主要任务是" / "1987年要…"
    text = normalize(
        "各位代表:\n现在,我代表国务院向大会作政府工作报告。\n一、当前形势\n1986年是…。"
        "1987年经济体制改革的主要任务是…。1987年要在这方面…。到2000年要实现翻番。\n"
    )
    assert issue_year("", (), text) == 1987


def test_a_report_titled_with_its_year_is_of_that_year() -> None:
    # delivered in December, it sets the next year's tasks ("1965年要…"): its title decides
    text = normalize(
        "1964年国务院政府工作报告(摘要)\n各位代表:\n我代表国务院向大会作政府工作报告。\n"
        "1965年要继续贯彻执行调整方针。\n"
    )
    assert issue_year("", (), text) == 1964


def test_a_report_carrying_out_an_earlier_sessions_resolution_comes_after_it() -> None:
    norm = normalize(
        "各位代表:\n我代表国务院向大会作政府工作报告,请予审议。\n"
        "根据一九八三年六月第六届全国人民代表大会第一次会议的决议,各级政府进行了不懈的努力。"
        "一年来,形势很好。1983年,农业生产又获得大丰收。\n"
    )
    assert issue_year("", (1982, 1983), norm) == 1984


def test_a_work_reports_own_title_beats_the_date_its_copy_was_posted() -> None:
    page = (
        "首页>政务公开>\n政府工作报告二O一二年政府工作报告发布日期:2014-09-03\n各位代表:\n" + REPORT
    )
    from corpus.normalize import normalize

    assert issue_year("2014-09-03", (2012, 2014), normalize(page)) == 2012
    cited = "首页\n落实《2012年政府工作报告》发布日期:2014-09-03\n各位代表:\n" + REPORT
    assert issue_year("2014-09-03", (2012, 2014), normalize(cited)) == 2014


@pytest.mark.parametrize(
    ("opening", "year"),
    [
        # the session it last addressed, a year ago (第五届: 1978; its first session)
        ("从去年三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开,已经一年了。", 1979),
        ("从去年９月第五届全国人民代表大会第三次会议到现在,已经过去了一年零两个月。", 1981),
        # which year of a plan
        ("今年是实行“七五”计划的头一年。", 1986),
        ("今年是“十三五”规划的第三年。", 2018),
        # how long in office, digits set apart as some copies print them
        ("本届政府从1 9 9 3 年3 月就职,到现在已经五年了,任期即将结束。", 1998),
    ],
)
def test_an_undated_report_counting_from_a_known_time_is_of_the_year_it_reaches(
    opening: str, year: int
) -> None:
    text = normalize(f"各位代表:\n我受国务院的委托,向全国人民代表大会报告政府工作。\n{opening}\n")
    assert is_work_report(text)
    assert issue_year("", (), text) == year


def test_an_address_saying_which_year_it_speaks_in_is_issued_then() -> None:
    from corpus.document import parse_text

    text = "各位代表:\n现在,我代表国务院,就甲乙丙丁的计划作说明。\n今年是实行“七五”计划的头一年。\n"
    doc = parse_text(text, "a.txt")
    assert not is_work_report(normalize(text))  # (its parts' years are read as before)
    assert doc.issued == 1986


def test_numbered_parts_on_a_year_and_the_next_date_a_report_whatever_their_words() -> None:
    head = "各位代表:\n现在,我代表市人民政府,向大会作工作报告。\n"
    parts = (
        "一、2030年及“十五五”工作回顾过去的一年…\n二、“十六五”发展总体思路\n"
        "三、2031年发展目标和重点工作2031年是…\n"
    )
    assert issue_year("", (), normalize(head + parts)) == 2031
    # (a report on one year alone, its parts not pairing, is not dated by them)
    alone = "一、国民经济取得新的进展\n二、2031年国民经济计划的任务\n"
    assert issue_year("", (), normalize(head + alone)) is None
