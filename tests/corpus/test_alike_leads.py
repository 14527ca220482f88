"""corpus.alike_leads on made-up reports: sentences in a row opening alike are a list."""

from __future__ import annotations

from corpus.alike_leads import alike_leads
from corpus.document import parse_text


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in alike_leads(doc)]


def test_sentences_opening_with_phrases_ending_alike_are_the_items() -> None:
    text = (
        "甲市报告\n二、重点任务\n纲要草案提出4方面30项重大工程。甲产业发展方面,围绕…提出8项。"
        "乙设施体系方面,围绕…提出9项。丙城乡融合方面,围绕…提出7项。丁民生保障方面,围绕…提出6项。"
        "展望未来,我们充满信心。\n"
    )
    found = _items(text)
    assert found == [["甲产业发展方面", "乙设施体系方面", "丙城乡融合方面", "丁民生保障方面"]]
    doc = parse_text(text, "d.txt")
    assert "4方面30项重大工程" in alike_leads(doc)[0].head  # named by the sentence before


def test_openings_of_any_sentence_or_two_alike_are_no_list() -> None:
    assert _items("甲报告\n一、回顾\n同时,甲增长。同时,乙增长。同时,丙增长。\n") == []
    assert _items("甲报告\n一、回顾\n甲产业方面,增长。乙产业方面,增长。丙工作,完成。\n") == []


def test_a_point_may_run_on_for_a_sentence_or_two_opening_otherwise() -> None:
    text = (
        "甲省报告\n二、能源转型\n抓实能源科技创新4条路径。甲开采方面,抓好接续。新建煤矿60座,推广装备。"
        "乙开发方面,建成基地。高效利用地热能。实施再电气化工程。丙升级方面,实施行动。"
        "丁系统方面,发展互联网。展望未来,我们充满信心。\n"
    )
    assert _items(text) == [["甲开采方面", "乙开发方面", "丙升级方面", "丁系统方面"]]
    # …no more than two: three sentences apart are two runs, neither a list
    apart = (
        "甲省报告\n二、任务\n甲产业方面,增长。乙产业方面,增长。一句。两句。三句。"
        "丙产业方面,增长。\n"
    )
    assert _items(apart) == []


def test_sentences_opening_otherwise_after_a_run_may_start_the_next() -> None:
    text = (
        "甲市报告\n二、招商\n甲产业方面,增长。乙产业方面,增长。丙产业方面,增长。"
        "装备制造产业链,重点招引。储能电池产业链,重点招引。新材料产业链,重点招引。\n"
    )
    found = _items(text)
    assert ["装备制造产业链", "储能电池产业链", "新材料产业链"] in found
    assert ["甲产业方面", "乙产业方面", "丙产业方面"] in found


def test_a_run_may_open_right_after_a_sentence_that_broke_off_another() -> None:
    # "围绕…方向," opens no point of the run; the scan goes on from the sentence after it
    text = (
        "甲市报告\n二、工作安排\n推进传统产业升级。围绕高端化方向,加快升级。能源化工产业,重点建设甲项目;"
        "有序推进乙开发,力争产值40亿元。轻工纺织产业,重点推进丙园区。机械制造产业,推动丁企业升级。\n"
    )
    assert _items(text) == [["能源化工产业", "轻工纺织产业", "机械制造产业"]]


def test_a_run_stops_at_a_paragraph_opening_otherwise() -> None:
    # the next paragraph opens another part ("培育未来产业。"): its leads are its own
    text = (
        "甲市报告\n二、工作安排\n能源化工产业,重点建设甲项目。轻工纺织产业,重点推进乙园区。"
        "机械制造产业,推动丙企业升级。\n培育发展未来产业。新型储能产业,建设丁基地。"
        "数字能源产业,建设戊平台。智能网联产业,建设己园区。\n"
    )
    assert _items(text) == [
        ["能源化工产业", "轻工纺织产业", "机械制造产业"],
        ["新型储能产业", "数字能源产业", "智能网联产业"],
    ]


def test_numbered_points_are_the_ordinal_lists_not_a_run_of_leads() -> None:
    # "一是…振兴," opening alike: their numbers list all of them, whatever their leads end on
    text = (
        "甲省报告\n二、主要任务\n一是推进产业振兴,建设甲体系。二是推进科教振兴,服务乙战略。"
        "三是推进农业振兴,建设丙乡村。四是推进开放合作,拓展丁空间。\n"
    )
    assert _items(text) == []
