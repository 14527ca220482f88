"""answer.wh_frame: a question read around its wh-phrases (made-up questions)."""

from __future__ import annotations

from answer.wh_frame import noun_head, question_head, wh_frame
from corpus.normalize import normalize


def test_no_wh_word_no_frame() -> None:
    assert wh_frame("余杭2023年新增高企多少") is None


def test_the_nouns_after_a_wh_word_are_its_head() -> None:
    assert noun_head("孵化器拿到部里认定") == "孵化器"
    assert noun_head("拿到部里认定") == ""  # a verb first: no head


def test_a_wh_phrase_has_its_head_noun() -> None:
    assert question_head("哪所大学承担了示范项目") == "大学"
    frame = wh_frame("哪家企业牵头组建了示范联合体")
    assert frame is not None and frame.heads == ("企业",)


def test_a_known_head_then_a_verb_ends_the_head() -> None:
    frame = wh_frame(normalize("是哪家单位联合甲委标准工作组一起编的").lower())
    assert frame is not None and frame.heads == ("单位",)
    assert frame.patterns[0].endswith("联合甲委标准工作组一起编的")
    # a head that is a longer known word still reads whole
    frame = wh_frame(normalize("哪个研发中心建设最快"))
    assert frame is not None and frame.heads == ("研发中心",)


def test_a_body_set_up_for_a_task_is_a_head_its_name_carries() -> None:
    # "哪个领导小组牵头": 领导小组 whole, not the person 领导 with 小组 for a verb
    assert question_head("甲规划由哪个领导小组牵头统筹协调") == "领导小组"
    assert question_head("由哪个专班负责推进") == "专班"


def test_a_copula_question_asks_the_kind_its_subject_ends_on() -> None:
    from answer.wh_frame import subject_head

    assert subject_head(normalize("德州2024年要建的通用机场是哪个")) == "通用机场"
    assert subject_head(normalize("益阳24年打算筹建的国家级质检中心是哪个")) == "中心"
    assert subject_head(normalize("首家独角兽企业是哪家")) == "企业"
    assert subject_head(normalize("哪家企业建了通用机场")) == ""  # no copula question


def test_the_full_name_asked_of_a_thing_is_of_the_things_kind() -> None:
    from answer.wh_frame import subject_head

    # "…设立的那个科创园全称叫什么": the full name of a 科创园 is asked
    q = normalize("甲市为借力乙都市圈设立的那个科创园全称叫什么?")
    assert subject_head(q) == "园"
    frame = wh_frame(q)
    assert frame is not None and not frame.patterns[0].endswith("全称")
