"""corpus.topic_sentences on made-up reports: sentences each opening on a thing of one kind,
then what is done for it, list those things."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.enumerations import enumerations
from corpus.topic_sentences import topic_sentences

REPORT = (
    "甲市政府工作报告\n二、今年工作\n"
    "培育壮大新兴产业。全面提升产业完整性,力争增长10%以上。甲光电产业聚焦打造产业之都,"
    "加快突破关键环节。乙伏产业加快玻璃生产线建设。装备制造产业加快推进63个项目。"
    "新材料产业围绕钢铁企业优化升级,积极发展氢冶金。加快发展轻工产业。\n"
)


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in topic_sentences(doc)]


def test_sentences_opening_on_things_of_one_kind_list_them() -> None:
    assert _items(REPORT) == [["甲光电产业", "乙伏产业", "装备制造产业", "新材料产业"]]
    doc = parse_text(REPORT, "d.txt")
    (found,) = topic_sentences(doc)
    assert "培育壮大新兴产业" in found.head  # named by the paragraph's opening sentence
    assert any(en.items == found.items for en in enumerations(doc))


def test_what_must_be_done_is_no_part_of_the_name() -> None:
    text = (
        "甲报告\n一、工作\n加快制造业提质。"
        "甲家电产业要加快转型。乙化工产业要推进升级。丙食品产业要做强品牌。\n"
    )
    assert _items(text) == [["甲家电产业", "乙化工产业", "丙食品产业"]]


def test_other_openings_are_no_list() -> None:
    # too few, openings of another kind each, verbs opening, numbered points
    assert _items("甲报告\n一、工作\n甲光电产业聚焦打造。乙伏产业加快建设。\n") == []
    assert (
        _items("甲报告\n一、工作\n甲光电产业聚焦打造。乙伏园区加快建设。丙化工企业推进升级。\n")
        == []
    )
    assert _items("甲报告\n一、工作\n加快甲产业建设。推进乙产业升级。做强丙产业品牌。\n") == []
    assert (
        _items("甲报告\n一、工作\n一是甲产业加快发展。二是乙产业加快发展。三是丙产业加快发展。\n")
        == []
    )
    # a figure's bound is no verb ("亿元以上项目")
    assert (
        _items(
            "甲报告\n一、工作\n新入库亿元以上项目5个。新开工亿元以上项目3个。新签约亿元以上项目9个。\n"
        )
        == []
    )
