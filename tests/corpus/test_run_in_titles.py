"""Points named by short sentences of a paragraph ending alike, each followed by its body."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.run_in_titles import run_in_titles

_PARAGRAPH = (
    "某市2018年政府工作报告\n二、2018年重点工作\n大力推动“兴工强市”,做大做强工业经济。"
    "扶优扶强一批。制定完善扶持政策,加大扶持力度。推动上市一批。强化上市后备企业培育辅导。"
    "转型升级一批。推进技术改造。\n"
)


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "t.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in run_in_titles(doc)]


def test_short_sentences_ending_alike_each_before_its_body_are_the_points() -> None:
    assert _items(_PARAGRAPH) == [["扶优扶强一批", "推动上市一批", "转型升级一批"]]
    doc = parse_text(_PARAGRAPH, "t.txt")
    assert "做大做强工业经济" in run_in_titles(doc)[0].head  # the sentence before them


def test_two_are_a_pair_and_titles_without_body_between_are_slogans() -> None:
    assert _items(_PARAGRAPH.replace("转型升级一批。推进技术改造。", "")) == []
    slogans = "某市报告\n一、总体要求\n稳字当头一批。进字为先一批。实干为要一批。坚持稳中求进。\n"
    assert _items(slogans) == []


def test_titles_of_separate_paragraphs_are_no_such_list() -> None:
    text = _PARAGRAPH.replace("推动上市一批。", "\n推动上市一批。").replace(
        "转型升级一批。", "\n转型升级一批。"
    )
    assert _items(text) == []
