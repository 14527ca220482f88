"""Names a sentence says arrived, opened or started."""

from __future__ import annotations

from corpus.arrival_series import arrival_series
from corpus.document import parse_text


def _items(sentence: str) -> list[list[str]]:
    doc = parse_text(f"某市2020年政府工作报告\n一、2019年工作回顾\n{sentence}\n", "t.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in arrival_series(doc)]


def test_names_before_the_verb_of_their_arrival_are_a_list() -> None:
    found = _items("甲大学技术转移中心、乙大学研究院、丙创新工场落户我市。")
    assert found == [["甲大学技术转移中心", "乙大学研究院", "丙创新工场"]]


def test_names_closed_by_deng_and_a_count_before_the_verb() -> None:
    found = _items("推动甲二期、乙新材料、丙锂业等20余个项目顺利建成投产,新增产值。")
    assert found == [["甲二期", "乙新材料", "丙锂业"]]


def test_two_names_or_no_verb_of_arrival_are_no_such_list() -> None:
    assert _items("甲中心、乙研究院落户我市。") == []
    assert _items("甲中心、乙研究院、丙工场发展良好。") == []
