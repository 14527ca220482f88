"""corpus.counted_subjects on made-up paragraphs: a count's points read off the subjects of
the sentences after it."""

from __future__ import annotations

from corpus.counted_subjects import counted_noun
from corpus.document import parse_text
from corpus.paragraph_lists import counted_lead_sentences


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "t.txt")
    return [[doc.norm[i.start : i.end] for i in en.items] for en in counted_lead_sentences(doc)]


def test_the_subjects_ending_with_the_counted_noun_are_its_points() -> None:
    text = (
        "甲市报告\n二、工作安排\n聚力推进三大产业发展。甲乙加工产业重点围绕丙,实施工程。"
        "力争甲乙加工产业产值达到1500亿元。丁新材料产业按照“建好、做大”的思路推进。"
        "积极创建丁新材料产业集群。戊旅游产业全力打造名城。\n三、其他\n略。\n"
    )
    assert _items(text) == [["甲乙加工产业", "丁新材料产业", "戊旅游产业"]]


def test_as_many_subjects_as_counted_or_none() -> None:
    text = "甲报告\n二、安排\n推进三大产业发展。甲产业重点推进。乙产业重点推进。\n三、其他\n略。\n"
    assert _items(text) == []


def test_the_counted_noun_is_before_what_is_done_with_it() -> None:
    assert counted_noun("产业发展") == "产业"
    assert counted_noun("中心建设") == "中心"
    assert counted_noun("行动") == "行动"
