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


_QUOTED = (
    "甲市政府工作报告\n二、重点工作\n"
    "力争民营经济贡献率50%以上。大力实施“四转”工程。鼓励支持“创生户”,创业者是种子。"
    "放开准入限制,实行“非禁即入”。引导扶持“户转企”,个体户是基础。全力推进“小升规”,"
    "小微企业最活跃。积极开展“规改股”,加快股份制改造。通过大力实施“四转”工程,推动主体提升。"
    "高度重视企业家队伍建设。\n"
)


def _quoted_items(text: str) -> list[list[str]]:
    from corpus.counted_sentences import counted_quotes

    doc = parse_text(text, "t.txt")
    return [[doc.norm[i.start : i.end] for i in en.items] for en in counted_quotes(doc)]


def test_a_counts_points_may_open_later_sentences_on_their_quoted_names() -> None:
    assert _quoted_items(_QUOTED) == [['"创生户"', '"户转企"', '"小升规"', '"规改股"']]
    doc = parse_text(_QUOTED, "t.txt")
    from corpus.counted_sentences import counted_quotes

    assert "四转" in counted_quotes(doc)[0].head


def test_quoted_points_other_than_counted_or_named_with_the_count_list_nothing() -> None:
    assert _quoted_items(_QUOTED.replace("四转", "五转")) == []
    # a count closing a sentence of counts: the sentences after are the others' points
    counts = (
        "甲市报告\n我们要坚持“三个结合”,实施“百亿工程”,落实“三个确保”。"
        "坚持“三个结合”:一是结合民生。实施“百亿工程”:投资600亿元。实现“三个突破”:总值突破。\n"
    )
    assert _quoted_items(counts) == []
    # the first point opens the very next sentence
    late = _QUOTED.replace("鼓励支持“创生户”,", "鼓励支持创生户,放开“户口”,")
    assert _quoted_items(late) == []
