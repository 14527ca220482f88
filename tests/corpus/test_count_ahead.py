"""Names counted before they are named (corpus.count_ahead), on made-up text."""

from __future__ import annotations

from corpus.count_ahead import count_ahead_lists
from corpus.document import parse_text
from corpus.enumerations import enumerations
from corpus.model import Document

CENTRES = (
    "甲市政府工作报告\n二、2024年工作安排\n"
    "着力培育建设“三大中心”,高质量运行国家甲业技术创新中心,推进实施二期工程;"
    "推进创建乙草技术创新中心,推动成果转化;加快推动丙菌共性技术研发中心建设。"
    "实施人才引进计划。\n"
)
BATTLES = (
    "甲市政府工作报告\n一、2023年工作回顾\n——“发展三仗”仗仗精彩。坚持专班调度,推动“发展三仗”"
    "仗仗出彩。上下同心打好经济增长主动仗。全年增长5%。高标定位打好科技创新攻坚仗。"
    "新增企业72家。用心用情打好民生保障仗。\n"
)


def _doc(text: str) -> Document:
    return parse_text(text, "d.txt")


def _names(doc: Document) -> list[list[str]]:
    return [[doc.text[i.start : i.end] for i in en.items] for en in count_ahead_lists(doc)]


def test_a_count_then_as_many_names_of_its_noun_in_the_clauses_after_it() -> None:
    doc = _doc(CENTRES)
    (items,) = _names(doc)
    # each its clause up to the name, without the verbs known to open an item
    assert items == [
        "高质量运行国家甲业技术创新中心",
        "创建乙草技术创新中心",
        "丙菌共性技术研发中心",
    ]
    (found,) = count_ahead_lists(doc)
    assert "三大中心" in found.head and found.count == 3
    assert found in enumerations(doc)


def test_a_one_character_noun_counts_where_a_name_closes_its_clause() -> None:
    names = _names(_doc(BATTLES))
    assert names[0] == [
        "上下同心打好经济增长主动仗",
        "高标定位打好科技创新攻坚仗",
        "用心用情打好民生保障仗",
    ]


def test_a_one_character_noun_inside_another_word_names_nothing() -> None:
    text = (
        "甲市政府工作报告\n二、工作安排\n"
        "加强“三农”工作,加快了农业发展,新建完善农田设施,提高农民收入。\n"
    )
    assert _names(_doc(text)) == []


def test_more_or_fewer_names_than_counted_is_no_list() -> None:
    more = CENTRES.replace("实施人才引进计划。", "建好丁市数据中心。")
    fewer = CENTRES.replace("推进创建乙草技术创新中心,", "")
    assert _names(_doc(more)) == [] and _names(_doc(fewer)) == []


def test_names_before_their_count_are_left_to_the_counted_series() -> None:
    text = (
        "甲市政府工作报告\n二、工作安排\n做强柑橘、茶叶、畜牧三大优势产业,"
        "新增农业产业园,建设畜牧产业基地,扩大茶产业集群。\n"
    )
    assert _names(_doc(text)) == []


def test_a_figure_counted_is_no_name_and_names_differ() -> None:
    text = (
        "甲市政府工作报告\n二、工作安排\n实施“三项工程”,推进甲乙工程,推进甲乙工程,推进丙丁工程。\n"
    )
    assert _names(_doc(text)) == []


def test_the_first_count_of_a_quoted_pair_counts_the_clauses_after_it() -> None:
    doc = _doc(
        "甲报告\n一、回顾\n乙园实力明显增强,实现“三突破、两提升”。丙仓容量突破2万吨,"
        "丁线班次突破300列,戊站客流突破80万人次。\n"
    )
    (found,) = count_ahead_lists(doc)
    items = [doc.norm[i.start : i.end] for i in found.items]
    assert items == ["丙仓容量突破", "丁线班次突破", "戊站客流突破"]
    assert found.head.endswith('"三突破、两提升"')
