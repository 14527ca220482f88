"""corpus.section_leads on made-up documents: a section's paragraph leads, and semicolon
points whose clauses name one kind of thing."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.enumerations import enumerations
from corpus.section_leads import point_lead_lists, section_lead_lists, shared_noun_points

PRINCIPLES = (
    "关于推动甲乙协同发展的指导意见\n一、总体要求\n以新理念为指引,推进协同。\n二、基本原则\n"
    "市场主导,政府引导。充分发挥市场作用,更好发挥政府作用。\n"
    "立足当前,着眼长远。把握变革趋势,加强前瞻部署。\n"
    "跨界融合,协同创新。建立协同创新体系。\n"
    "节能环保,绿色发展。注重资源节约。\n"
    "三、发展目标\n到2025年,协同发展的政策体系基本建立,水平显著提高。\n"
)
ARTICLES = (
    "甲省数字经济园区管理办法\n第一章 总则\n第一条 为规范管理,制定本办法。\n"
    "第二章 基本原则\n第四条 加强政策引领。紧紧围绕发展战略,推动园区建设。\n"
    "第五条 实行分级管理。设立园区名录库,建立健全分级机制。\n"
    "第六条 打造产业生态。以园区为载体,发挥集聚作用。\n"
    "第三章 申报条件\n第八条 申报园区应具备下列条件:\n"
)


def _lists(text: str, find=section_lead_lists) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in find(doc)]


def test_a_section_whose_every_paragraph_opens_with_a_short_sentence_lists_them() -> None:
    assert _lists(PRINCIPLES) == [
        ["市场主导,政府引导", "立足当前,着眼长远", "跨界融合,协同创新", "节能环保,绿色发展"]
    ]
    doc = parse_text(PRINCIPLES, "d.txt")
    (found,) = section_lead_lists(doc)
    assert found.head.endswith("基本原则") and found.kind == "lead"
    assert any(en.head == found.head and en.kind == "lead" for en in enumerations(doc))


def test_articles_opening_with_a_short_sentence_list_it_without_their_number() -> None:
    assert _lists(ARTICLES) == [["加强政策引领", "实行分级管理", "打造产业生态"]]


def test_a_paragraph_of_body_text_among_them_or_too_few_is_no_list() -> None:
    body = PRINCIPLES.replace(
        "节能环保,绿色发展。注重资源节约。", "我们要注重资源节约和生态环境保护。"
    )
    assert _lists(body) == []
    two = (
        "甲办法\n二、原则\n市场主导。充分发挥作用。\n立足当前。把握趋势。\n三、目标\n到25年建成。\n"
    )
    assert _lists(two) == []


def test_a_paragraph_introducing_the_points_stands_before_them() -> None:
    introduced = (
        "甲市政府工作报告\n三、今年工作\n（三）持续推动甲乙一体发展,构建新格局\n"
        "坚持创新驱动,深化甲乙体制机制改革,促进创新链和产业链深度融合。\n"
        "加快建设高质量甲体系。深化甲改革,促进学生健康。\n"
        "提升乙创新体系效能。实施攻坚行动。\n"
        "打造高水平人才高地。建设新型育人载体。\n"
        "（四）推进深层次改革\n深化改革。\n"
    )
    assert _lists(introduced) == [
        ["加快建设高质量甲体系", "提升乙创新体系效能", "打造高水平人才高地"]
    ]
    # …not one introduction and too few points, nor body text after the first paragraph
    assert _lists(introduced.replace("打造高水平人才高地。建设新型育人载体。\n", "")) == []
    later = introduced.replace(
        "提升乙创新体系效能。实施攻坚行动。", "我们要实施攻坚行动,提升效能。"
    )
    assert _lists(later) == []


def test_numbered_or_dashed_paragraphs_are_left_to_their_own_kinds() -> None:
    numbered = (
        "甲办法\n二、原则\n（一）坚持市场主导。充分发挥作用。\n（二）坚持立足当前。把握趋势。\n"
        "（三）坚持跨界融合。协同创新。\n三、目标\n到2025年建成。\n"
    )
    assert _lists(numbered) == []


POINTS = (
    "甲市政府工作报告\n二、今年工作\n（二）加速打造新型工业化强市\n"
    "做优做强新兴产业。巩固放大优势,培育产业链群。支持新材料产业延链强链,推动氟硅材料聚链成群;"
    "促进智能装备产业提档升级,加速转型;引导新医药产业跨越发展,培优龙头企业;推动电子信息产业扩容提质,"
    "加快技术突破。\n"
)


def test_semicolon_points_whose_clauses_name_one_kind_are_a_list_named_by_the_paragraph() -> None:
    assert _lists(POINTS, shared_noun_points) == [
        [
            "支持新材料产业延链强链",
            "促进智能装备产业提档升级",
            "引导新医药产业跨越发展",
            "推动电子信息产业扩容提质",
        ]
    ]
    (found,) = shared_noun_points(parse_text(POINTS, "d.txt"))
    assert "做优做强新兴产业" in found.head


def test_semicolon_clauses_sharing_no_word_or_repeating_one_are_no_list() -> None:
    unlike = POINTS.replace("引导新医药产业跨越发展", "引导新医药企业跨越发展")
    assert _lists(unlike, shared_noun_points) == []
    same = "甲报告\n一、回顾\n我们的改革,成效明显;我们的改革,基础扎实;我们的改革,前景广阔。\n"
    assert _lists(same, shared_noun_points) == []


def test_empty_pieces_between_semicolons_are_no_points() -> None:
    # (found by hypothesis: two semicolons around nothing left one "point")
    assert shared_noun_points(parse_text(";;一是第一,", "x.txt")) == []


def test_paragraphs_under_a_point_run_into_its_own_paragraph_are_its_points() -> None:
    text = (
        "甲报告\n三、今年任务\n（一）办好乙事。做好乙事。\n"
        "（二）壮大丙业，建设丁体系。推动戊与己融合。\n"
        "培育庚类新业态、辛类新业态。深入推进集聚。\n"
        "推动壬业改造提升。加快链条建设。\n"
        "激发癸业创新活力。持续推进行动。\n"
        "（三）实施子计划。办好丑事。\n"
    )
    doc = parse_text(text, "d.txt")
    (found,) = point_lead_lists(doc)
    assert [doc.text[i.start : i.end] for i in found.items] == [
        "培育庚类新业态、辛类新业态",
        "推动壬业改造提升",
        "激发癸业创新活力",
    ]
    assert found.head.endswith("(二)壮大丙业,建设丁体系。")
    # a paragraph of body text among them (no short lead) makes no list
    body = text.replace(
        "推动壬业改造提升。", "要加快壬业重点链条高质量发展，强化基础再造和重大装备攻关，"
    )
    assert point_lead_lists(parse_text(body, "d.txt")) == []


def test_points_announced_by_a_sentence_stand_alone_on_their_lines() -> None:
    from corpus.section_leads import announced_leads

    doc = parse_text(
        "甲报告\n二、目标和方针\n《纲要》体现了以下重要指导方针。坚持把甲作为主题。强调甲乙。\n"
        "坚持把乙作为主线。\n乙的说明很长很长,要做好。\n坚持把丙作为动力。\n丙的说明,要做好。\n"
        "坚持把丁作为出发点。\n丁的说明。\n三、其他\n略。\n",
        "r.txt",
    )
    found = announced_leads(doc)
    assert len(found) == 1
    items = [doc.norm[i.start : i.end] for i in found[0].items]
    assert items == [
        "坚持把甲作为主题",
        "坚持把乙作为主线",
        "坚持把丙作为动力",
        "坚持把丁作为出发点",
    ]
    # a bound is no announcement ("5岁以下儿童死亡率。")
    bound = parse_text(
        "甲报告\n一、民生\n控制5岁以下儿童死亡率。\n提高甲。\n推进乙。\n维护丙。\n", "b.txt"
    )
    assert announced_leads(bound) == []
