"""answer.list_except: a list question setting some items aside (made-up questions)."""

from __future__ import annotations

from answer.list_except import excepted, kept_items, names_excepted
from corpus.normalize import normalize

PARTS = ["总体要求", "加快甲乙汇聚", "推动甲乙共享", "深化甲乙应用", "加强组织保障"]


def test_the_items_a_question_sets_aside_are_read() -> None:
    assert excepted(normalize("甲乙指导意见,除了总体要求和组织保障,主要部署了哪几方面任务?")) == (
        "总体要求",
        "组织保障",
    )
    assert excepted(normalize("除甲乙示范区以外还有哪些")) == ("甲乙示范区",)
    assert excepted(normalize("甲乙指导意见部署了哪几方面任务")) == ()


def test_the_list_holding_the_set_aside_items_answers_without_them() -> None:
    names = ("总体要求", "组织保障")
    assert names_excepted(names, PARTS)
    assert kept_items(names, PARTS) == [1, 2, 3]
    # a list missing one of them is not the one meant, and loses nothing
    other = ["指导思想", "基本原则", "总体要求"]
    assert not names_excepted(names, other)
    assert kept_items(names, other) == [0, 1, 2]
    # nor is one that would keep fewer than two items
    assert not names_excepted(names, ["总体要求", "加强组织保障", "附则"])
