"""answer.editions: the edition, batch or session a figure is of (made-up sentences)."""

from __future__ import annotations

from answer.editions import editions, other_edition


def test_editions_are_read_in_either_numeral() -> None:
    assert editions("第十二届甲乙大赛和第3批丙丁名单") == {(12, "届"), (3, "批")}
    assert editions("甲乙大赛") == set()


def test_another_edition_of_the_counter_asked_does_not_answer() -> None:
    asked = "第十一届甲乙设计竞赛有多少所学校参赛"
    assert other_edition(asked, "第十二届甲乙设计竞赛总决赛举办,来自110个参赛学校")
    assert not other_edition(asked, "第十一届甲乙设计竞赛,来自90个参赛学校")
    assert not other_edition(asked, "来自110个参赛学校")  # no edition named: no verdict
    # another counter ("第3批") says nothing of which contest
    assert not other_edition(asked, "第3批甲乙名单中,来自110个参赛学校")
    # both the asked and another named (a comparison in the sentence): not another event
    assert not other_edition(asked, "第十一届90个、第十二届110个参赛学校")
    assert not other_edition("甲乙竞赛有多少所学校参赛", "第十二届,来自110个参赛学校")
