"""Points a quoted count names, one sentence each, in the paragraph it titles."""

from __future__ import annotations

from corpus.counted_sentences import counted_sentences
from corpus.document import parse_text

_TEXT = (
    "甲市人工智能产业行动计划\n三、产业布局\n"
    "(一)“三聚”。甲高新区整合汇聚创新资源,重点开展核心技术攻关。乙区依托人工智能平台,"
    "打造服务高地。丙新区依托国家级新区优势,打造未来产业引领区。\n"
    "(二)“多园”。在丁区、戊区等区县,建设特色产业园。\n"
)


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "t.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in counted_sentences(doc)]


def test_as_many_sentences_as_the_quoted_count_are_its_points() -> None:
    assert _items(_TEXT) == [
        ["甲高新区整合汇聚创新资源", "乙区依托人工智能平台", "丙新区依托国家级新区优势"]
    ]
    doc = parse_text(_TEXT, "t.txt")
    found = counted_sentences(doc)[0]
    assert found.count == 3 and "三聚" in found.head


def test_more_or_fewer_sentences_than_counted_list_nothing() -> None:
    assert _items(_TEXT.replace("三聚", "四聚")) == []
    assert _items(_TEXT.replace("三聚", "两聚")) == []
