"""corpus.doc_kinds: what kind of document a title, a name or an opening says (made-up text)."""

from __future__ import annotations

from corpus.doc_kinds import announced_kind, is_status, kind_line, kind_of


def test_the_kind_a_title_or_name_ends_on() -> None:
    assert kind_of("甲部关于加强示范车辆准入管理的意见") == "意见"
    assert kind_of("示范车辆准入管理指南(试行)") == "指南"
    assert kind_of("示范标准体系建设指南(2031 版)(征求意见稿)") == "指南"
    assert kind_of("加强示范车辆准入管理的那个意见") == "意见"
    assert kind_of("各省工业和信息化主管部门:") == ""


def test_the_kind_an_untitled_text_announces() -> None:
    assert announced_kind("为加强示范管理,根据有关规定,提出以下意见。\n一、") == "意见"
    assert announced_kind("各单位:\n现将有关事项通知如下:\n") == "通知"
    assert announced_kind("为规范示范项目管理,特制定本办法。") == "办法"
    assert announced_kind("为推动示范产业发展,现就有关工作部署。") == ""
    # a kind's qualifier between ("制定本指导意见"), or a kind of its own ("本实施方案")
    assert announced_kind("为推动我省甲产业高质量发展,制定本指导意见。") == "意见"
    assert announced_kind("为解决甲困难,制定本实施方案。") == "实施方案"


def test_the_lines_that_close_a_title() -> None:
    assert kind_line("建设指南") and is_status("(2031 版)") and is_status("（试行）")
    assert not kind_line("一、总体要求") and not kind_line("为推动示范产业发展,制定本指南。")
    assert not is_status("一、总体要求") and not is_status("为推动示范产业发展,制定本指南。")
    assert is_status("示范指南(试行)") and not is_status("示范指南")


def test_a_kind_qualified_otherwise_is_another_document() -> None:
    from corpus.doc_kinds import announced_qualified, other_qualified, qualified_kind

    named = qualified_kind("住建部等部门推动示范建造协同发展的指导意见")
    assert named == ("指导", "意见")
    own = announced_qualified("为贯彻落实《关于推动示范建造协同发展的指导意见》,制定本实施意见。")
    assert own == ("实施", "意见")
    assert other_qualified(named, own)
    # a kind not qualified, or another kind (a notice publishing the 意见), tells nothing
    assert not other_qualified(named, ("", "意见"))
    assert not other_qualified(named, ("", "通知"))
    assert not other_qualified(("", "意见"), own)
