"""answer.topic: what a document is about, from its title or its first sentence."""

from __future__ import annotations

from answer.topic import topic_of
from corpus.document import parse_text


def test_a_titled_document_is_about_its_title() -> None:
    doc = parse_text("甲市示范工作方案\n一、目标\n到2030年建成示范区。\n", "docs/a.txt")
    assert "示范工作方案" in topic_of(doc)


def test_an_untitled_policy_is_about_its_first_sentence() -> None:
    text = "第一条 为加强甲乙专家库的规范管理,制定本办法。\n第二条 本办法有效期五年。\n"
    doc = parse_text(text, "docs/policy-x.txt")
    topic = topic_of(doc)
    assert "专家库" in topic and "有效期" not in topic


def test_an_addressed_policy_is_about_its_first_sentence_after_the_addressees() -> None:
    text = "各普通本科高校:\n为深入推进改革,决定开展甲乙改革项目(简称“111 计划”)建设。通知如下。\n"
    doc = parse_text(text, "docs/policy-y.txt")
    topic = topic_of(doc)
    assert "111" in topic and "本科高校" not in topic


def test_a_quoted_name_is_held_whatever_its_quote_marks_and_spaces() -> None:
    from answer.named_words import holds_quoted

    assert holds_quoted('省教育厅将对立项支持的"111"计划项目', ("111计划",))
    assert holds_quoted("简称“111 计划”", ("111计划",))
    assert not holds_quoted("简称“112计划”", ("111计划",))


def test_a_first_sentence_ending_its_line_on_a_colon_is_what_it_is_about() -> None:
    text = "各省监管局:\n为发挥标准作用,决定开展甲乙标准应用试点项目申报,通知如下:\n一、内容\n"
    topic = topic_of(parse_text(text, "docs/policy-z.txt"))
    assert "标准应用试点" in topic and "内容" not in topic


def test_a_short_line_above_the_first_sentence_is_not_it() -> None:
    text = "摘 要\n为落实甲乙办法关于生成内容标识的要求,本文件给出内容标识方法。1 范围\n"
    assert "内容标识" in topic_of(parse_text(text, "docs/policy-w.txt"))


def test_an_untitled_list_is_about_its_first_sentence_past_the_titles_it_opens_on() -> None:
    # made-up: a list of applications opening on its first part's heading and first label
    text = (
        "一、准入审批类\n应用一：形式审查\n甲乙技术在丙丁注册的形式审查中可以发挥辅助作用。\n"
        "应用二：辅助审评\n甲乙技术可以辅助审评。\n"
    )
    doc = parse_text(text, "docs/policy-v.txt")
    topic = topic_of(doc)
    assert "丙丁注册" in topic and "准入审批" not in topic


def test_a_document_is_shown_by_its_title_or_the_start_of_its_first_sentence() -> None:
    from answer.topic import shown_name

    titled = parse_text("甲市示范工作方案\n一、目标\n到2030年建成示范区。\n", "docs/a.txt")
    assert shown_name(titled) == "《甲市示范工作方案》"
    text = "各普通本科高校：\n为深入推进甲乙改革,决定开展甲乙改革示范项目建设工作。通知如下。\n"
    shown = shown_name(parse_text(text, "docs/policy-y.txt"))
    assert shown == "无标题，开头“为深入推进甲乙改革,决定开展甲乙改革示范项目建设…”"
    assert "policy-y" not in shown and "本科高校" not in shown


def test_a_report_is_about_who_delivered_it_too() -> None:
    text = (
        "甲市计划报告\n——在甲市人民代表大会上\n    甲市计划委员会主任 邹 甲乙\n各位代表:\n"
        "现在报告。\n"
    )
    topic = topic_of(parse_text(text, "docs/r.txt"))
    assert "计划报告" in topic and "邹甲乙" in topic
    assert "邹" not in topic_of(parse_text("甲市计划报告\n邹甲乙主任指出,要抓好落实。\n", "d.txt"))


def test_the_state_councils_report_is_its_issuers() -> None:
    text = (
        "2037年政府工作报告\n——在全国人民代表大会上\n国务院总理 甲乙\n各位代表:\n"
        "现在,我代表国务院作报告。\n"
    )
    assert "国务院" in topic_of(parse_text(text, "docs/n.txt"))
    city = "甲市2037年政府工作报告\n甲市市长 丙丁\n各位代表:\n现在,我代表市人民政府作报告。\n"
    assert "国务院" not in topic_of(parse_text(city, "docs/c.txt"))


def test_an_untitled_document_with_a_long_first_sentence_is_shown_by_what_it_sets_out_to_do() -> (
    None
):
    from answer.topic import shown_name

    text = (
        "各有关单位:\n为认真贯彻全省工作会议精神和上级部门的有关工作要求,在巩固已有成果的基础上,"
        "进一步加快全省甲乙智能化建设,现将有关事项通知如下:\n一、目标\n甲乙智能化建设覆盖全省。"
        "甲乙智能化建设要有标准。\n二、措施\n推进甲乙智能化建设试点。\n"
    )
    shown = shown_name(parse_text(text, "docs/policy-z.txt"))
    assert shown == "无标题，开头“为认真贯彻全…进一步加快全省甲乙智能化建设…”"
    assert len(shown) <= 40


def test_an_untitled_document_defining_its_subject_is_shown_by_that_subject_whole() -> None:
    from answer.topic import shown_name

    text = (
        "甲乙典型场景是甲工厂的基本组成单元,面向产品全生命周期和供应链全环节的核心问题,"
        "部署甲乙装备和系统,实现具备协同特征的应用。甲乙装备和系统要有标准。甲乙装备普及。\n"
    )
    shown = shown_name(parse_text(text, "docs/policy-s.txt"))
    # (not cut inside it, "甲乙典型场…")
    assert shown.startswith("无标题，开头“甲乙典型场景…")
    assert len(shown) <= 40


def test_a_document_is_shown_with_its_place_when_its_name_does_not_say_it() -> None:
    from dataclasses import replace

    from answer.topic import located_name

    report = parse_text("2026年政府工作报告\n一、回顾\n略。\n", "docs/p.txt")
    assert located_name(replace(report, region="云南省")) == "《2026年政府工作报告》（云南省）"
    named = parse_text("云南省2026年政府工作报告\n一、回顾\n略。\n", "docs/q.txt")
    assert located_name(replace(named, region="云南省")) == "《云南省2026年政府工作报告》"
    assert located_name(replace(report, region="")) == "《2026年政府工作报告》"


def test_an_untitled_document_is_shown_by_the_name_its_preamble_gives_it() -> None:
    from answer.topic import shown_name

    text = (
        "甲行业是制造业的重要基础产业。为发挥标准的引领作用,工业和信息化部组织编制了"
        "《甲行业智能制造标准体系建设指南(2023版)》。\n一、总体要求\n略。\n"
    )
    shown = shown_name(parse_text(text, "docs/policy-s.txt"))
    assert shown == "无标题，正文称《甲行业智能制造标准体系建设指南(2023版)》"
    # a document it cites is not its name ("2019年省政府印发《…》,推进…")
    cited = (
        "2019年省政府印发《关于推进甲乙的指导意见》,推进全省甲乙发展。"
        "为进一步加快丙丁,提出如下措施。\n"
    )
    assert "正文称" not in shown_name(parse_text(cited, "docs/policy-t.txt"))
