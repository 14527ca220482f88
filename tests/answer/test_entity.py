"""answer.entity: where the wh-word of a question stands in the answering sentence."""

from __future__ import annotations

from answer.entity import _wh_parts
from answer.pipeline import QA


def test_a_place_before_the_verb_is_not_its_left_context() -> None:
    # "临安服务哪家企业…": the left context is the verb 服务, not "安服务".
    left, literal, head, right = _wh_parts("临安服务哪家企业拿到国家先进技术(重点研发)项目立项")
    assert (left, literal, head, right) == ("", "服务", "企业", "拿到")


def test_a_preposition_before_the_wh_word_anchors_the_name() -> None:
    left, literal, _, _ = _wh_parts("余杭跟哪家单位联合办的拍卖会专场")
    assert left == "[跟与和同]" and literal == ""


def test_the_report_may_use_another_verb_for_the_same_thing(qa: QA) -> None:
    # Asked "拿到", written "获得": "服务奕力科技获得国家先进技术(重点研发)项目立项".
    a = qa.ask("临安服务哪家企业拿到国家先进技术(重点研发)项目立项")
    assert a.found and a.answer == "奕力科技"
