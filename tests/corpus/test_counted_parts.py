"""corpus.counted_parts: a counted whole's parts, each counted in turn, on made-up text."""

from __future__ import annotations

from corpus.counted_parts import counted_parts
from corpus.document import parse_text
from corpus.enumerations import enumerations


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in counted_parts(doc)]


def test_the_parts_after_a_wholes_count_are_its_list() -> None:
    text = (
        "甲省计划新建三十个大型项目,其中有五大钢铁基地,四大煤炭基地,"
        "十个大电站和两条铁路新干线。这些项目建成后形成基地。"
    )
    assert _items(text) == [["五大钢铁基地", "四大煤炭基地", "十个大电站", "两条铁路新干线"]]
    doc = parse_text(text, "d.txt")
    (en,) = [e for e in enumerations(doc) if doc.text[e.items[0].start :].startswith("五大")]
    assert "三十个大型项目" in en.head  # the whole counted is what the list is of


def test_parts_joined_by_commas_or_commas_and_and() -> None:
    text = "今年建设的项目共有九十个,其中包括二十个钢铁企业、三十个机械制造企业及四十个电站。"
    assert _items(text) == [["二十个钢铁企业", "三十个机械制造企业", "四十个电站"]]


def test_two_counted_parts_or_uncounted_ones_are_no_list() -> None:
    assert _items("新建十个项目,其中有五大钢铁基地和五个电站。") == []  # a pair
    assert _items("新建十个项目,其中有钢铁基地,煤炭基地,大电站。") == []  # nothing counted
    # figures a result states are no parts: "新增企业5家、平台3个" opens on no count
    assert _items("全年新增企业5家、平台3个、园区2个。") == []
