"""Lines each opening with a term and a colon: a box's or a glossary's entries."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.enumerations import enumerations
from corpus.term_lines import term_lines

BOX = (
    "建材工业行动计划\n二、重点任务\n（二）技术创新行动\n专栏二  新一代信息通信技术创新场景方向\n"
    "大数据：运用大数据采集、分析等技术，提升管理水平。\n云平台：促进企业向云端迁移。\n"
    "5G通信：引导企业利用5G通信高带宽。\nBIM：运用建筑信息模型。\n"
    "（三）推广应用行动\n"
)


def _terms(text: str) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in term_lines(doc)]


def test_a_box_of_term_lines_lists_its_terms_named_by_the_line_above() -> None:
    doc = parse_text(BOX, "d.txt")
    (found,) = term_lines(doc)
    assert [doc.text[i.start : i.end] for i in found.items] == ["大数据", "云平台", "5G通信", "BIM"]
    assert "新一代信息通信技术创新场景方向" in found.head
    first = found.items[0]
    assert (
        doc.text[first.sent_start : first.sent_end]
        == "大数据：运用大数据采集、分析等技术，提升管理水平。"
    )
    assert found in enumerations(doc)


def test_two_term_lines_numbered_lines_or_web_addresses_are_no_list() -> None:
    assert _terms("甲\n一、事项\n联系人：张三\n电话：123\n正文。\n") == []
    assert _terms("甲\n1.申报：材料。\n2.评审：专家。\n3.公示：五日。\n") == []
    assert _terms("甲\n网址：http://a.cn\nhttp://b.cn\n邮箱：a@b.cn\n") == []


def test_the_same_terms_again_and_again_are_the_fields_of_a_form() -> None:
    one = "痛点：效率低。\n改造目标：提效。\n实现方式：引入设备。\n"
    text = f"甲指引\n1.典型场景：焊接\n{one}2.典型场景：喷涂\n{one}"
    assert _terms(text) == []


def test_term_entries_a_text_layer_ran_into_one_line_are_read_apart() -> None:
    text = (
        "甲行动计划\n三、重点任务\n（二）突破关键技术\n专栏 1 关键智能技术\n"
        "智能系统总体设计：开展系统架构设计研究。 智能感知系统：开展船用传感技术研究。 "
        "网络与通信系统：开展船域网技术研究。 智能航行系统：开展智能航行技术研究。\n"
        "（三）推动升级\n"
    )
    assert _terms(text) == [["智能系统总体设计", "智能感知系统", "网络与通信系统", "智能航行系统"]]
    # a sentence's colon without the space a run-on line leaves is no entry of its own
    assert _terms("甲\n一、事项\n目标：建成平台。要求：按时完成。重点：抓好落实。\n") == []
