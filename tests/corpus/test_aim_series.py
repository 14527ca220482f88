"""corpus.aim_series on made-up sentences: the figures a sentence aims at, one after another."""

from __future__ import annotations

from corpus.aim_series import aim_series
from corpus.document import parse_text


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "t.txt")
    return [[doc.norm[i.start : i.end] for i in en.items] for en in aim_series(doc)]


def test_the_clauses_after_an_aim_each_stating_a_figure_are_its_items() -> None:
    text = (
        "甲市报告\n二、2024年工作安排\n强化甲乙培育,力争甲类企业实现“零”的突破、乙类企业突破90家、"
        "丙类企业突破200户,丁产业营业收入突破750亿元、增长7%以上。\n"
    )
    # (a bare growth, "增长7%以上", is the figure before it moving: no item of its own)
    assert _items(text) == [
        [
            '甲类企业实现"零"的突破',
            "乙类企业突破90家",
            "丙类企业突破200户",
            "丁产业营业收入突破750亿元",
        ]
    ]


def test_the_run_stops_at_the_first_clause_stating_no_figure() -> None:
    text = "甲报告\n一、目标\n确保甲产值达40亿元、乙产值达60亿元、丙产值达85亿元,推动丁转型升级。\n"
    assert _items(text) == [["甲产值达40亿元", "乙产值达60亿元", "丙产值达85亿元"]]
    # two figures are a pair, no list; an aim naming no figure none
    assert _items("甲报告\n一、目标\n力争甲产值达40亿元、乙产值达60亿元。\n") == []
    assert _items("甲报告\n一、目标\n力争甲取得突破、乙取得进展、丙形成规模。\n") == []
