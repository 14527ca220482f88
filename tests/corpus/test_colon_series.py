"""corpus.colon_series: names a sentence introduces after 有:/包括:/如: or a bare 包括."""

from __future__ import annotations

from corpus.colon_series import colon_series
from corpus.document import parse_text
from corpus.model import Document


def _doc(text: str) -> Document:
    return parse_text(text, "d.txt")


def _names(doc: Document, found: list) -> list[list[str]]:
    return [[doc.text[i.start : i.end] for i in en.items] for en in found]


def test_names_after_an_introducing_colon_are_a_list() -> None:
    doc = _doc("甲报告\n一、决算\n完工的重大工程共82个,主要的有:甲立井、乙机床厂、丙热电站等等。\n")
    found = colon_series(doc)
    assert _names(doc, found) == [["甲立井", "乙机床厂", "丙热电站"]]
    assert "重大工程" in found[0].head


def test_names_a_bare_include_takes_up_to_deng_are_a_list() -> None:
    doc = _doc("甲意见\n一、管理\n其中,记录系统记录的数据应包括甲信息、乙信息、丙信息等。\n")
    found = colon_series(doc)
    assert _names(doc, found) == [["甲信息", "乙信息", "丙信息"]]
    assert "记录的数据" in found[0].head
    # without 等 the clause may go on: a closed series fills it, its last two joined by 和
    # (see test_a_closed_series_…); "…等方面" is a kind series
    closed = _doc("甲规范\n伦理规范包括甲规范、乙规范、丙规范和丁规范的要求。\n")
    assert colon_series(closed) == []
    assert colon_series(_doc("甲意见\n重点包括甲、乙、丙等方面。\n")) == []


def test_a_note_line_naming_a_term_lists_what_it_stands_for() -> None:
    text = (
        "益阳市政府工作报告\n一、产业\n实施打造“都谷极”[3]三年行动。\n"
        "[3]都谷极：世界电容器之都、区域性先进碳基复合材料“碳谷”、中国印制电路板（PCB）“第三极”。\n"
        "主要有：甲工程、乙工程、丙工程。\n"
    )
    doc = parse_text(text, "d.txt")
    found = colon_series(doc)
    names = _names(doc, found)
    assert [
        "世界电容器之都",
        "区域性先进碳基复合材料“碳谷”",
        "中国印制电路板（PCB）“第三极”",
    ] in names
    assert any("都谷极" in en.head and len(en.items) == 3 for en in found)
    assert names.count(["甲工程", "乙工程", "丙工程"]) == 1  # "主要有:" opening its line: once


def test_a_closed_series_a_verb_of_inclusion_takes_its_last_two_joined_by_he() -> None:
    # made-up: "X包括A、B、C和D。", no count and no 等
    doc = _doc(
        "子市评价办法\n一、指标\n一级指标包括创新投入指数、创新产出指数、创新环境指数和附加项。\n"
    )
    assert _names(doc, colon_series(doc)) == [
        ["创新投入指数", "创新产出指数", "创新环境指数", "附加项"]
    ]
    # …not what a larger whole holds ("包括A、B和C在内的统一战线"), nor a bracket's aside
    held = _doc("丑市报告\n一、回顾\n巩固包括工人、农民和爱国人士的统一战线。\n")
    assert colon_series(held) == []
    aside = _doc("丑市办法\n一、定义\n信息主体(包括用户、团体、社会和国家)的控制。\n")
    assert colon_series(aside) == []


def test_three_names_closed_by_he_are_a_series_too() -> None:
    # "包括A、B和C。": one 、 and the last two joined
    doc = _doc("寅市指南\n一、要求\n安全能力要求包括甲类保障要求、乙类保障要求和丙类管理要求。\n")
    assert _names(doc, colon_series(doc)) == [["甲类保障要求", "乙类保障要求", "丙类管理要求"]]


def test_short_names_a_copula_takes_filling_its_sentence_are_a_list() -> None:
    doc = _doc("甲通知\n一、流程\n事前提醒重点是严格甲乙、规范丙丁、预警戊己。其他要求略。\n")
    found = colon_series(doc)
    assert _names(doc, found) == [["严格甲乙", "规范丙丁", "预警戊己"]]
    assert "事前提醒重点是" in found[0].head
    # not an ordinal's 是, an aside's (特别是), 是否, figures, nor a clause going on
    for text in (
        "二是整顿甲市场、乙市场、丙市场。",
        "特别是选举权、知情权、表达权。",
        "更看重结构是否更合理、动力是否更强、区域是否更协调。",
        "占比分别为23.1%、62.5%、45.5%。",
        "重点是甲乙、丙丁、戊己的协同,要统筹推进。",
    ):
        assert colon_series(_doc(f"甲报告\n一、工作\n{text}\n")) == [], text
