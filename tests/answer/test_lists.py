"""answer.lists: which enumeration answers a list question."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from answer.list_names import count_fit
from answer.list_nouns import asked_noun
from answer.lists import best_list, score_list, section_of
from answer.signals import Signals, Term, signals
from corpus.enumerations import Enumeration, Item, enumerations
from corpus.model import Document
from corpus.normalize import normalize
from index.store import Index
from retrieval.query import parse_query

S000 = "000_6eaca3ed01c4c811.txt"  # 余杭 2023 review and 2024 plan
S002 = "002_f02437565036b0c9.txt"  # 瓯海 first-half review ("一、上半年亮点工作")
S003 = "003_319bd9830f448044.txt"  # 杭州 315 plan ("“三张清单”")


def _enumeration(n_items: int, head: str = "", section: str = "") -> Enumeration:
    items = tuple(Item(10 * i, 10 * i + 4, 10 * i, 10 * i + 8) for i in range(n_items))
    return Enumeration("inline", section, 0, 10 * n_items, head, 0, items)


def _items(doc: Document, en: Enumeration) -> list[str]:
    return [doc.text[i.start : i.end] for i in en.items]


# --- count_fit ----------------------------------------------------------------


def test_count_and_noun_in_head() -> None:
    q = parse_query("三张清单是什么")
    en = _enumeration(3, head="三、保障措施 三张清单")
    assert count_fit(q, en, "主要指标进度表 重点任务进度表 问题销号进度表".split()) == 1.0


def test_sub_headings_under_their_own_heading_naming_the_noun_are_its_count() -> None:
    # "首批十个场景": ten sub-headings under "二、首批示范应用场景"
    q = parse_query("甲通知里首批三个场景是哪些")
    items = ["甲农场", "乙港口", "丙矿山"]
    own = Enumeration(
        "headings",
        "二、首批示范应用场景",
        0,
        30,
        "二、首批示范应用场景",
        0,
        _enumeration(3).items,
    )
    assert count_fit(q, own, items) == 1.0
    # …a heading above the list's own naming it may head another list of as many
    above = Enumeration(
        "headings",
        "二、示范应用场景 > (一)组织",
        0,
        30,
        "二、示范应用场景 > (一)组织",
        0,
        _enumeration(3).items,
    )
    assert count_fit(q, above, items) < 1.0


def test_a_count_name_the_lists_head_quotes_names_the_list() -> None:
    q = parse_query("甲市产业行动计划里说的“三聚”是哪三个区域?")
    en = _enumeration(3, head='三、产业布局 (一)"三聚"。', section="三、产业布局")
    assert count_fit(q, en, ["甲高新区整合资源", "乙区依托平台", "丙区依托优势"]) == 1.0
    assert count_fit(q, _enumeration(4, head=en.head), ["甲", "乙", "丙", "丁"]) < 1.0


def test_a_quoted_count_name_right_after_which_is_asked() -> None:
    # "要强化哪“五大布局”": 哪 asks the quoted count phrase it opens
    q = parse_query("甲市抢拓乙赛道,要强化哪“三大布局”?")
    en = _enumeration(3, head="二、主要工作 三大布局", section="二、主要工作")
    assert count_fit(q, en, ["甲技术", "乙企业", "丙园区"]) == 1.0
    # …not a quoted count phrase the question describes by ("加快“三化”下面分了哪几块")
    described = parse_query("加快“三大布局”下面分了哪几块")
    assert count_fit(described, en, ["甲技术", "乙企业", "丙园区"]) < 1.0


def test_a_specific_counter_asked_fits_a_list_counted_by_it() -> None:
    q = parse_query("甲指南里系统层级自下而上分哪几层?")
    layers = _enumeration(5, head="二、架构 > 2. 系统层级 五层", section="二、架构 > 2. 系统层级")
    assert count_fit(q, layers, ["甲层", "乙层", "丙层", "丁层", "戊层"]) == 1.0
    fewer = _enumeration(4, head="二、架构 > 2. 系统层级 五层", section="二、架构 > 2. 系统层级")
    assert count_fit(q, fewer, ["甲层", "乙层", "丙层", "丁层"]) == 0.0  # not as many
    any_list = parse_query("甲指南里系统层级分哪几个?")  # 个 counts any list
    assert count_fit(any_list, layers, ["甲层", "乙层", "丙层", "丁层", "戊层"]) == 0.0


def test_points_the_sentence_before_them_counts_by_the_counter_asked_fit() -> None:
    # "…明确了A、B、C3方面11项重点任务。" then 一是…二是…三是…
    from dataclasses import replace

    q = parse_query("甲市数字化规划的重点任务分为哪几个方面?")
    head = "二、主要内容 《规划》明确了甲、乙、丙3方面11项重点任务。"
    points = replace(_enumeration(3, head=head, section="二、主要内容"), kind="ordinal")
    assert count_fit(q, points, ["强化甲", "加快乙", "提升丙"]) == 1.0
    four = replace(_enumeration(4, head=head, section="二、主要内容"), kind="ordinal")
    assert count_fit(q, four, ["强化甲", "加快乙", "提升丙", "做好丁"]) == 0.0
    # …of the thing the question asks divided, not the year's work of any report
    work = "三、2007年工作 应重点抓好以下三个方面的工作:"
    outer = replace(_enumeration(3, head=work, section="三、2007年工作"), kind="ordinal")
    asked = parse_query("乙市07年政府工作报告里今后五年的奋斗目标分哪几方面")
    assert count_fit(asked, outer, ["加大甲", "坚持乙", "加快丙"]) == 0.0


def test_a_counter_right_after_the_items_fits_when_the_question_names_its_noun() -> None:
    # "分类开展A、…、F等6个方面试点示范培育行动": the count after the items, and what they
    # are 方面 of (试点示范培育) written by the question
    q = parse_query("乙省智能制造试点示范培育行动分哪几个方面开展?")
    items = ["离散型制造", "流程型制造", "智能装备", "网络协同", "个性化定制", "远程运维"]
    after = _enumeration(6, head="一、总体要求 6个方面试点示范培育", section="一、总体要求")
    assert count_fit(q, after, items) == 1.0
    # …not a list counted so of something the question does not name
    other = _enumeration(6, head="一、总体要求 六方面加快构建数据基础制度", section="一、总体要求")
    assert count_fit(q, other, items) == 0.0
    # …nor a one-character "counter" read from the asked noun ("哪几个定位": 定)
    q_pos = parse_query("丙市转化行动锚定了哪几个定位?")
    three = _enumeration(3, head="二、安排 三定三评", section="二、安排")
    assert count_fit(q_pos, three, ["甲", "乙", "丙"]) == 0.0


def test_a_count_of_a_noun_qualified_otherwise_is_no_count_of_the_one_asked() -> None:
    # "A、B、C、D等传统产业转型升级" counts 传统产业, not the 未来产业 asked
    q = parse_query("甲市前瞻布局的四大未来产业是哪些")
    items = ["机械制造", "轻工纺织", "能源化工", "建筑材料"]
    other = _enumeration(4, head="二、安排 推动 等传统产业转型升级", section="二、安排")
    assert count_fit(q, other, items) < 0.9
    ours = _enumeration(4, head="二、安排 培育 等未来产业", section="二、安排")
    assert count_fit(q, ours, items) == 1.0


def test_count_and_noun_in_items() -> None:
    q = parse_query("三张清单是什么")
    en = _enumeration(3, head="三、保障措施")
    assert count_fit(q, en, "任务清单 问题清单 责任清单".split()) == 1.0


def test_count_only() -> None:
    q = parse_query("三张清单是什么")
    en = _enumeration(3, head="三、保障措施 打造平台")
    assert count_fit(q, en, "城西科创大走廊 未来科技城 青山湖科技城".split()) == 0.5
    # …but a list whose own words end on its count and another noun lists that noun
    other = _enumeration(3, head="三、保障措施 三大平台")
    assert count_fit(q, other, "城西科创大走廊 未来科技城 青山湖科技城".split()) == 0.0


def test_a_part_named_by_its_place_lists_what_stands_right_under_it(qa_of_texts: Any) -> None:
    # "第三部分" is no count of three, nor is the quoted "三化" the question describes by
    body = "全力以赴抓好重点项目建设,今年安排重点项目120个,总投资300亿元。"
    qa = qa_of_texts(
        {
            "a.txt": "甲市2004年政府工作报告\n一、2003年工作回顾\n全市经济平稳增长。\n"
            "二、2004年总体要求\n今年要加快发展。\n"
            "三、大力实施项目带动战略,努力加快“三化”进程\n"
            f"(一)坚持项目带动,培育发展后劲。{body}\n"
            f"(二)走新型工业化道路,加快工业化进程。{body}\n"
            f"(三)开展创建活动,加快城镇化进程。{body}\n"
            "(四)围绕增加农民收入,加快农业现代化进程。\n"
            "四、推进体制改革,扩大对外开放,增强经济发展的动力和活力推进国有企业改革,"
            "进一步完善企业法人治理结构,建立现代企业制度,加快国有经济布局调整,"
            "鼓励非公有制经济发展,进一步消除政策歧视。\n"
            "加强对国有资产的监督管理,实现国有资本的有序退出。\n"
            "加强银企沟通,搞好项目对接,增加金融机构的贷款投放。\n"
            "加强跟踪服务和协调,抓好外资项目的实施。\n"
        }
    )
    answer = qa.ask("甲市04年报告第三部分项目带动、加快“三化”下面分了哪几块")
    assert answer.found
    leads = [p[:6] for p in answer.parts]
    assert leads == ["坚持项目带动", "走新型工业化", "开展创建活动", "围绕增加农民"]


def test_an_ordinal_or_a_quoted_name_described_by_is_no_count_asked() -> None:
    section = '三、大力实施项目带动战略,努力加快"三化"进程'
    items3 = tuple(Item(10 * i, 10 * i + 4, 10 * i, 10 * i + 8) for i in range(3))
    en = Enumeration("lead", section, 0, 30, f"{section} 经济发展的动力", 0, items3)
    items = "加强对国有资产的监督管理 加强银企沟通 加强跟踪服务和协调".split()
    q = parse_query("甲市04年报告第三部分项目带动、加快“三化”下面分了哪几块")
    assert count_fit(q, en, items) == 0.0
    # …the quoted count phrase is what is asked when the asking follows it
    assert count_fit(parse_query("“三化”是哪些"), en, items) == 0.5
    assert count_fit(parse_query("“三化”指哪三化"), en, items) == 0.5


def test_a_reports_numbered_part_is_named_by_its_place() -> None:
    from answer.lists import _own_words

    en = Enumeration("ordinal", "三、大力实施甲战略", 0, 10, "三、大力实施甲战略", 0, ())
    assert "第三部分" in _own_words(en)


@pytest.mark.parametrize("n_items", [2, 4])
def test_wrong_count(n_items: int) -> None:
    q = parse_query("三张清单是什么")
    en = _enumeration(n_items, head="三、保障措施 三张清单")
    assert count_fit(q, en, "任务清单 问题清单 责任清单".split()) == 0.0


def test_no_count_asked() -> None:
    q = parse_query("瓯海上半年都有哪些亮点")
    en = _enumeration(3, head="一、上半年亮点工作")
    assert count_fit(q, en, "亮点一 亮点二 亮点三".split()) == 0.0


def test_noun_comes_before_the_asking_words() -> None:
    q = parse_query("六大行动具体是哪六个")
    assert count_fit(q, _enumeration(6, head="六大行动"), "") == 1.0
    assert count_fit(q, _enumeration(6, head="六大平台"), "") == 0.5
    assert count_fit(q, _enumeration(5, head="六大行动"), "") == 0.0


def test_the_noun_counted_is_the_one_right_after_the_counter() -> None:
    # "从哪三个方面入手的": 方面, not the verb after it
    q = parse_query("大孵化器战略是从哪三个方面入手的")
    assert count_fit(q, _enumeration(3, head="三大方面对大孵化器战略进行升级"), "") == 1.0
    assert count_fit(q, _enumeration(3, head="重点行动"), "") == 0.5
    assert count_fit(q, _enumeration(3, head="三大行动"), "") == 0.0


def test_count_in_arabic_digits() -> None:
    q = parse_query("3张清单是什么")
    assert count_fit(q, _enumeration(3, head="三张清单"), "") == 1.0


# --- score_list ---------------------------------------------------------------


def _plan_headings(doc: Document) -> Enumeration:
    return next(
        en
        for en in enumerations(doc)
        if en.kind == "headings" and en.section == "二、2024年工作思路"
    )


def test_score_list_needs_the_year_asked(sample_index: Index) -> None:
    doc = sample_index.documents[S000]
    en = _plan_headings(doc)
    section = section_of(doc, en.section)
    assert section is not None and section.year == 2024
    q2024 = parse_query("余杭2024年工作思路有哪几条")
    q2023 = parse_query("余杭2023年工作思路有哪几条")
    assert score_list(q2024, signals(q2024, sample_index.bm25).known(), doc, en, False) is not None
    assert score_list(q2023, signals(q2023, sample_index.bm25).known(), doc, en, False) is None


def test_score_list_needs_the_half_asked(sample_index: Index) -> None:
    doc = sample_index.documents[S002]
    en = next(en for en in enumerations(doc) if en.section == "一、上半年亮点工作")
    h1 = parse_query("瓯海上半年都有哪些亮点")
    h2 = parse_query("瓯海下半年都有哪些亮点")
    assert score_list(h1, signals(h1, sample_index.bm25).known(), doc, en, False) is not None
    assert score_list(h2, signals(h2, sample_index.bm25).known(), doc, en, False) is None


def test_score_list_near_adds_weight(sample_index: Index) -> None:
    doc = sample_index.documents[S000]
    en = _plan_headings(doc)
    q = parse_query("余杭2024年工作思路有哪几条")
    sig = signals(q, sample_index.bm25).known()
    far = score_list(q, sig, doc, en, False)
    near = score_list(q, sig, doc, en, True)
    assert far is not None and near is not None and near > far


def test_score_list_rejects_a_list_that_names_nothing_asked(sample_index: Index) -> None:
    doc = sample_index.documents[S000]
    en = _plan_headings(doc)
    q = parse_query("余杭2024年有哪些孵化基地")
    sig = Signals((Term("孵化基地", 3.0),), (), "")
    assert score_list(q, sig, doc, en, True) is None


# --- best_list ----------------------------------------------------------------


def _best_of(text: str, question: str, terms: dict[str, float]) -> tuple[Document, Any]:
    """A made-up document's lists and the best of them for a question of these terms."""
    from corpus.document import parse_text

    doc = parse_text(text, "t.txt")
    found = tuple(enumerations(doc))
    sig = Signals(tuple(Term(w, x) for w, x in terms.items()), (), "")
    return doc, best_list(parse_query(question), sig, [doc], {}, lambda _: found)


def _lists_of(index: Index) -> Callable[[str], tuple[Enumeration, ...]]:
    return lambda doc_id: index.lists.get(doc_id, ())


def test_best_list_prefers_sub_headings_over_points_under_one(sample_index: Index) -> None:
    q = parse_query("余杭2024年工作思路有哪几条")
    sig = signals(q, sample_index.bm25)
    doc = sample_index.documents[S000]
    found = best_list(q, sig, [doc], {}, _lists_of(sample_index))
    assert found is not None
    assert found.doc.doc_id == S000
    assert found.enumeration.kind == "headings"
    assert found.enumeration.section == "二、2024年工作思路"
    items = _items(doc, found.enumeration)
    assert len(items) == 3
    assert items[0].startswith("放大“国之重器”集聚优势")
    # The points under one sub-heading fit too, but less well.
    inner = [
        en
        for en in sample_index.lists[S000]
        if en.kind == "ordinal" and en.section.startswith("二、2024年工作思路 > ")
    ]
    assert inner
    for en in inner:
        score = score_list(q, sig.known(), doc, en, False)
        assert score is not None and score < found.score


def test_best_list_takes_the_list_whose_heading_names_the_highlights(
    sample_index: Index,
) -> None:
    q = parse_query("瓯海上半年都有哪些亮点")
    sig = signals(q, sample_index.bm25)
    docs = list(sample_index.documents.values())
    found = best_list(q, sig, docs, {}, _lists_of(sample_index))
    assert found is not None
    assert found.doc.doc_id == S002
    assert "亮点" in found.enumeration.section
    items = _items(found.doc, found.enumeration)
    assert len(items) == 6
    assert items[0] == "重点科创指标逆势增长"


def test_best_list_by_count_and_noun(sample_index: Index) -> None:
    q = parse_query("杭州315计划要对标的“三张清单”是哪三张")
    sig = signals(q, sample_index.bm25)
    doc = sample_index.documents[S003]
    found = best_list(q, sig, [doc], {}, _lists_of(sample_index))
    assert found is not None
    assert found.enumeration.kind == "inline" and found.enumeration.count == 3
    assert _items(doc, found.enumeration)[1:] == ["重点任务进度表", "问题销号进度表"]


def test_best_list_none_when_nothing_fits(sample_index: Index) -> None:
    q = parse_query("余杭2023年工作思路有哪几条")  # the plan is 2024's
    sig = signals(q, sample_index.bm25)
    doc = sample_index.documents[S000]
    found = best_list(q, sig, [doc], {}, _lists_of(sample_index))
    # Whatever else may fit, never the 2024 plan's sub-headings.
    assert found is None or found.enumeration.section != "二、2024年工作思路"
    assert best_list(q, sig, [], {}, _lists_of(sample_index)) is None


def test_a_citys_plan_lists_nothing_of_a_district_it_does_not_name(sample_index: Index) -> None:
    # 杭州's 315 plan has a 保障措施 list, but says nothing of 西湖区 there.
    q = parse_query("西湖区保障措施有哪些")
    doc = sample_index.documents[S003]
    assert best_list(q, signals(q, sample_index.bm25), [doc], {}, _lists_of(sample_index)) is None
    q = parse_query("杭州保障措施有哪些")
    found = best_list(q, signals(q, sample_index.bm25), [doc], {}, _lists_of(sample_index))
    assert found is not None and found.enumeration.section.startswith("三、保障措施")


def test_items_counted_in_a_sentence_are_not_named_by_their_section() -> None:
    text = (
        "某市2024年政府工作报告\n一、2023年工作回顾\n"
        "一年来,全市上下在省委、省政府和市委坚强领导下,抢抓花湖机场和武汉新城建设两大省级战略机遇,砥砺奋进。\n"
        "(一)经济运行进中提质\n全市生产总值增长6%。\n(二)乡村振兴扎实推进\n新建高标准农田5万亩。\n"
        "(三)民生福祉持续增进\n新增就业2万人。\n二、2024年工作安排\n(一)建设现代产业体系\n"
    )
    from corpus.document import parse_text

    doc = parse_text(text, "t.txt")
    found = list(enumerations(doc))
    q = parse_query("某市2024年的报告回顾23年工作,分了哪几个方面")
    sig = Signals((Term("回顾", 1.5), Term("工作", 0.3)), (), "")
    best = best_list(q, sig, [doc], {}, lambda _: tuple(found))
    assert best is not None and best.enumeration.kind == "headings"
    assert _items(doc, best.enumeration)[0] == "经济运行进中提质"
    inline = [en for en in found if en.kind == "inline"]
    assert inline and all((score_list(q, sig, doc, en, False) or 0) < best.score for en in inline)


def test_items_that_name_the_counted_noun_beat_a_heading_that_does() -> None:
    # "六大行动": six sub-headings each "…行动" are the list of them; six points under a
    # heading "…行动" are some other six things.
    q = parse_query("六大行动具体是哪六个")
    items = [f"实施第{i}项行动" for i in range(6)]
    six = _enumeration(6).items
    by_items = Enumeration("headings", "二、重点工作", 0, 60, "二、重点工作", 0, six)
    under = Enumeration("ordinal", "(六)实施开放行动", 0, 60, "(六)实施开放行动", 0, six)
    assert count_fit(q, by_items, items) == 1.0
    assert count_fit(q, under, ["扩大交流"] * 6) < 1.0


def test_a_question_naming_an_item_asks_what_stands_under_it() -> None:
    from answer.list_items import names_an_item as _names_an_item
    from answer.list_pick import names_own_heading as _names_own_heading

    q = normalize("甲区22年工作计划的具体计划分哪几条")
    assert _names_an_item(q, ["指导思想", "重要指标", "具体计划"])
    assert _names_own_heading(q, "三、2022年工作计划 > (三)具体计划")
    assert not _names_own_heading(q, "三、2022年工作计划 > (一)指导思想")
    # …one clause of a heading of two, and a run-in heading without its full stop
    q = normalize('甲省2025年报告"加快建设科技强省"这部分有哪几项工作')
    assert _names_own_heading(q, "二、2025年工作安排 > (二)坚持创新驱动,加快建设科技强省")
    assert not _names_own_heading(q, "二、2025年工作安排 > (三)坚持改革开放,加快建设开放强省")
    q = normalize("甲乙实施方案的工作目标里,要提升哪几方面的水平")
    assert _names_own_heading(q, "一、指导思想与工作目标 > (二)工作目标。")
    # …named without the adverb it opens on ("推进甲产业升级" for 持续推进甲产业升级), when
    # asked whether the question names the item a list stands under
    q = normalize("乙市推进甲产业转型升级,具体涉及哪几个产业")
    items = ["全力打造四大集群", "持续推进甲产业转型升级", "加快培育未来产业"]
    assert _names_an_item(q, items, unled=True) and not _names_an_item(q, items)
    assert not _names_an_item(q, ["全力打造四大集群", "加快培育未来产业"], unled=True)


def test_a_list_of_last_year_does_not_answer_this_years() -> None:
    from answer.list_time import time_fits as _time_fits
    from corpus.document import parse_text
    from corpus.enumerations import enumerations

    text = (
        "三、民生\n去年我承诺督办的甲桥、乙房、丙库三件实事完成目标。"
        "今年我继续承诺督办三件实事:一是丁行动;二是戊工程;三是己改造。\n"
    )
    doc = parse_text(text, "t.txt")
    q = parse_query("今年继续承诺督办的三件实事是什么")
    fits = {
        doc.norm[en.items[0].start : en.items[0].end]: _time_fits(q, doc, en)
        for en in enumerations(doc)
    }
    assert {"丁行动", "甲桥"} <= set(fits)  # both lists are read
    assert fits["丁行动"] and not fits["甲桥"]


def test_a_plans_part_speaks_of_the_years_it_plans_to() -> None:
    from answer.list_time import time_fits as _time_fits
    from corpus.document import parse_text
    from corpus.enumerations import enumerations

    text = (
        "甲部关于推进乙运输智能化的指导意见\n2013年9月24日\n一、指导思想\n略。\n二、建设目标\n"
        "到2020年,基本形成总体格局。\n在丙组织、丁出行、戊客运等领域,智能化水平显著提升。\n"
    )
    doc = parse_text(text, "t.txt")
    (en,) = [e for e in enumerations(doc) if e.head.endswith("等领域")]
    assert _time_fits(parse_query("甲部13年那份指导意见,到2020年要在哪些领域提升"), doc, en)
    assert not _time_fits(parse_query("甲部13年那份指导意见,到2030年要在哪些领域提升"), doc, en)


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("甲方案覆盖了哪些产业链?", "产业链"),
        ("乙计划里重点培育哪几类智能产品?", "智能产品"),
        ("丙方案的推进措施有哪几条?", "推进措施"),
        ("今年的重点工作分了哪几块", "重点工作"),
        ("丁市提升科技创新水平具体从哪几方面抓?", ""),  # 方面 names no kind of thing
        ("戊区上半年都有哪些亮点", "亮点"),
        ("己区的工作总结分成哪几大块来写的", ""),  # a verb after the counter names nothing
        ("庚省建设人民满意的政府要加强哪几方面建设?", "建设"),  # the kind after 方面
        ("辛省要完善哪些科研项目组织制度?", "科研项目组织制度"),  # a long noun whole
        ("壬市主要任务是哪几个“聚焦”", "聚焦"),  # quoted
        # counted as the asker knows the list: the noun after the count is asked
        ("癸市工作计划里部署了哪五大工程?", "工程"),
        ("甲县今年要抓哪3项改革?", "改革"),
        ("乙市工作计划部署了哪“六大”行动?", "行动"),  # the count quoted as reports do
        # what is done in or to them follows
        ("丙意见到2020年要在哪些领域让智能化水平显著提升?", "领域"),
        ("丁市哪些企业能享受补贴?", "企业"),
    ],
)
def test_asked_noun(question: str, noun: str) -> None:
    from answer.list_nouns import asked_noun

    assert asked_noun(normalize(question)) == noun


def test_a_quoted_count_asked_is_the_lists_size() -> None:
    from answer.list_nouns import asked_size

    assert asked_size(normalize("乙市部署了哪“六大”行动")) == 6
    assert asked_size(normalize("乙市部署了哪六大行动")) == 6
    assert asked_size(normalize("乙市部署了哪几大行动")) is None


def test_a_list_is_of_the_asked_noun_by_its_items_or_by_a_heading_ending_with_it() -> None:
    from answer.list_nouns import noun_fit

    four = _enumeration(4).items
    q = parse_query("甲方案覆盖了哪些产业链")
    chains = Enumeration("headings", "三、攻关方向", 0, 40, "三、攻关方向", 0, four)
    assert noun_fit(q, chains, ["信息技术产业链", "高端装备产业链", "先进材料产业链"]) == 1.0
    assert noun_fit(q, chains, ["信息技术产业链", "人才队伍建设"]) == 0.0
    # the noun a verb of inclusion follows ("记录的数据应包括A、B、C等")
    q = parse_query("甲意见里,记录系统要记录哪些数据")
    included = Enumeration("inline", "四、管理", 0, 40, "四、管理 其中,记录的数据应包括", 0, four)
    assert noun_fit(q, included, ["甲信息", "乙信息", "丙信息"]) == 1.0
    other = Enumeration("inline", "四、管理", 0, 40, "四、管理 其中,记录的数据可以用于", 0, four)
    assert noun_fit(q, other, ["甲信息", "乙信息", "丙信息"]) == 0.0
    # …after a comma and how generally it holds ("…外部环境条件,一般包括")
    q = parse_query("甲规范里,设计运行范围一般包括哪些条件?")
    head = "二、测试 设计运行范围是系统设计时确定的外部环境条件,一般包括"
    general = Enumeration("inline", "二、测试", 0, 40, head, 0, four)
    assert noun_fit(q, general, ["1)道路边界", "2)交通设施", "3)自然环境"]) == 1.0
    # the bare noun closing a series, which the question names more fully
    q = parse_query("甲省要完善哪些科研项目组织制度")
    closing = Enumeration("inline", "三、改革", 0, 40, "三、改革 完善 等制度", 0, four)
    assert noun_fit(q, closing, ["揭榜挂帅", "赛马制", "里程碑"]) == 1.0
    # …after the question's own verb only: a series some other verb leads is of another kind
    q = parse_query("甲省攻坚战分哪几个技术领域")
    focus = Enumeration("inline", "二、研究", 0, 40, "二、研究 聚焦 等领域", 0, four)
    assert noun_fit(q, focus, ["先进制造", "现代海洋", "生态环保"]) == 0.0
    q = parse_query("乙方案的推进措施有哪几条")
    own = Enumeration("ordinal", "三、推进措施", 0, 40, "三、推进措施", 0, four)
    mention = Enumeration("ordinal", "(一)完善推进措施体系行动", 0, 40, "", 0, four)
    assert noun_fit(q, own, ["强化组织", "完善机制"]) == 1.0
    assert noun_fit(q, mention, ["强化组织", "完善机制"]) == 0.0
    # one action named at length lists its measures, not actions
    q = parse_query("丙方案主要任务是哪几大行动")
    one = Enumeration("headings", "二、主要任务 > (一)实施示范攻关行动", 0, 40, "", 0, four)
    assert noun_fit(q, one, ["突破示范技术", "建设示范平台"]) == 0.0
    kind = Enumeration("headings", "二、重点行动", 0, 40, "", 0, four)
    assert noun_fit(q, kind, ["突破示范技术", "建设示范平台"]) == 1.0
    q = parse_query("示范治理框架提出的治理原则有哪几条")
    named = Enumeration("ordinal", "1.示范安全治理原则", 0, 40, "", 0, four)
    assert noun_fit(q, named, ["包容审慎", "风险导向"]) == 1.0  # a kind, however long
    q = parse_query("示范计划里重点培育哪几类智能产品")
    verb = Enumeration("headings", "二、培育智能产品", 0, 40, "", 0, four)
    assert noun_fit(q, verb, ["示范汽车", "示范机器人"]) == 1.0  # a verb and the kind


_NESTED = (
    "甲市数字贸易行动方案\n一、总体要求\n到2030年,数字贸易规模明显扩大。\n二、重点行动\n"
    "(一)“数贸强基”行动。1.夯实基础设施。加快网络建设。2.培育市场主体。引育龙头企业。"
    "3.完善统计体系。开展监测。\n"
    "(二)“数贸扩消”行动。1.培育新型消费。发展直播电商。2.促进线上线下融合。3.激发农村消费潜力。\n"
    "(三)“数贸开放”行动。1.拓展国际合作。2.参与规则制定。\n三、保障措施\n加强组织领导。\n"
)


def test_points_under_one_item_give_way_to_the_list_of_items() -> None:
    # the points under (二) share the section's heading ("二、重点行动") with the (一)…(三)
    # items; scored nearly as well, the items are what the section's question asks for
    from answer.list_pick import ScoredList, outer_list
    from corpus.document import parse_text

    doc = parse_text(_NESTED, "t.txt")
    found = enumerations(doc)
    outer = next(en for en in found if _items(doc, en)[0] == "“数贸强基”行动")
    inner = next(en for en in found if _items(doc, en)[0] == "培育新型消费")
    q = parse_query("甲市数字贸易行动方案里部署了哪几个重点行动")
    best = ScoredList(inner, doc, 1.70)
    close = outer_list(q, best, [best, ScoredList(outer, doc, 1.65)])
    assert close is not None and close.enumeration is outer
    assert outer_list(q, best, [best, ScoredList(outer, doc, 1.20)]) is None  # far below
    # a question naming one item asks what stands under it
    named = parse_query("甲市数字贸易行动方案里“数贸扩消”行动包括哪几项")
    assert outer_list(named, best, [best, ScoredList(outer, doc, 1.65)]) is None


def test_lists_under_the_last_of_points_opening_their_lines_give_way_to_the_points() -> None:
    from answer.list_pick import _run_on_last

    def lists(norm: str) -> tuple[Enumeration, Enumeration]:
        at = [norm.index(w) for w in ("厚植", "构建", "提升", "用甲", "用乙")]
        points = tuple(Item(a, a + 5, a, a + 8) for a in at[:3])
        subs = tuple(Item(a, a + 4, a, a + 6) for a in at[3:])
        return (
            Enumeration("headings", "三、工作安排", at[3], at[4] + 6, "", 0, subs),
            Enumeration("ordinal", "三、工作安排", at[0], at[2] + 8, "", 0, points),
        )

    norm = (
        "三、工作安排\n重点抓好以下工作。\n第一,厚植甲优势\n段落一。\n第二,构建乙体系\n段落二。\n"
        "第三,提升丙能力\n(一)用甲凝心。\n(二)用乙行政。\n"
    )
    assert _run_on_last(norm, *lists(norm))  # under the third point's title, on the lines below
    # a last point that is a sentence of its own ("(七)…优先支持。") titles no lines below it
    sentence = norm.replace("提升丙能力\n", "提升丙能力。\n")
    assert not _run_on_last(sentence, *lists(sentence))
    # points written inside one paragraph do not reach the lines after it
    inline = norm.replace("优势\n段落一。\n第二", "优势,段落一。第二")
    assert not _run_on_last(inline, *lists(inline))


def test_nested_is_under_an_item_of_theouter_list() -> None:
    from answer.list_pick import _nested

    items = tuple(Item(100 * i, 100 * i + 5, 100 * i, 100 * i + 9) for i in range(3))
    outer = Enumeration("ordinal", "二、重点行动", 0, 250, "二、重点行动", 0, items)
    inner = Enumeration("ordinal", "二、重点行动", 120, 180, "二、重点行动", 0, items[:2])
    after = Enumeration("ordinal", "三、保障措施", 300, 380, "三、保障措施", 0, items[:2])
    assert _nested(inner, outer)
    assert not _nested(outer, inner)  # the inner list starts after the outer's first item
    assert not _nested(after, outer)
    assert not _nested(outer, outer)


def test_a_question_naming_only_its_document_asks_for_its_parts() -> None:
    from answer.list_names import without_title_words as _without_title_words
    from corpus.document import parse_text

    text = (
        "为推动甲市工业互联网平台高质量发展,制定以下政策措施。\n一、完善平台生态\n"
        "1.做强平台。对新入选平台给予奖励。2.提升服务能力。\n二、加快数字化转型\n"
        "1.推动企业上云。2.培育服务商。\n三、健全保障机制\n加强组织领导。\n"
    )
    doc = parse_text(text, "t.txt")
    q = parse_query("甲市支持工业互联网平台的措施分了哪几大块")
    assert q.doc_name
    sig = Signals((Term("工业互联网", 4.0), Term("平台", 2.0)), (), "")
    assert _without_title_words(sig, doc, q)[1]  # nothing left but the document's name
    # …and a noun naming no kind of thing it asks by
    vague = parse_query("甲市支持工业互联网平台的措施,一共提了哪几方面举措")
    with_noun = Signals((Term("工业互联网", 4.0), Term("平台", 2.0), Term("举措", 4.0)), (), "")
    assert _without_title_words(with_noun, doc, vague)[1]
    found = enumerations(doc)
    best = best_list(q, sig, [doc], {}, lambda _: tuple(found))
    assert best is not None and best.enumeration.kind == "headings"
    assert _items(doc, best.enumeration) == ["完善平台生态", "加快数字化转型", "健全保障机制"]


def test_an_inline_lists_section_path_names_no_count_of_its_own() -> None:
    # the path "…优势产业集聚区" holds 产业; four 共-phrases in it are no 四大未来产业
    q = parse_query("甲市推动破局起步的四大未来产业是哪些")
    path = "二、着力打造绿色低碳优势产业集聚区"
    en = _enumeration(4, head=f"{path} 支持校企围绕", section=path)
    assert count_fit(q, en, "人才共育 平台共建 成果共享 产业共兴".split()) == 0.5
    named = _enumeration(4, head=f"{path} 推动四大未来产业", section=path)
    assert count_fit(q, named, "甲 乙 丙 丁".split()) == 1.0


def test_a_question_in_its_titles_words_asks_for_the_parts_of_the_part_it_names() -> None:
    from corpus.document import parse_text

    doc = parse_text(
        "甲区科技局2031年工作总结和2032年工作思路\n一、2031年工作总结\n(一)坚持源头创新,提升能级\n"
        "新增平台3家。\n(二)坚持主体创新,激发活力\n新增企业5家。\n(三)坚持服务创新,构建体系\n"
        "兑现资金1亿元。\n二、2032年工作思路\n(一)强化创新\n…\n(二)优化服务\n…\n",
        "t.txt",
    )
    q = parse_query("甲区科技局2031年工作总结分成哪几大块来写的")
    sig = Signals((Term("科学技术局", 4.0), Term("工作总结", 4.0)), (), "")  # canonical
    found = enumerations(doc)
    best = best_list(q, sig, [doc], {}, lambda _: tuple(found))
    assert best is not None and best.enumeration.section == "一、2031年工作总结"
    assert _items(doc, best.enumeration)[0].startswith("坚持源头创新")


def test_a_year_asked_picks_the_part_of_that_year_not_the_whole() -> None:
    from corpus.document import parse_text

    doc = parse_text(
        "甲市2032年政府工作报告\n一、2031年工作回顾\n(一)大力推动经济发展\n增长5%。\n"
        "(二)加快产业升级\n新增企业。\n(三)深化改革开放\n改革。\n二、2032年主要任务\n(一)扩大内需\n…\n"
        "(二)稳定就业\n…\n三、加强政府自身建设\n…\n",
        "t.txt",
    )
    q = parse_query("甲市31年主要干了哪几方面工作")
    sig = Signals((Term("工作", 0.3),), (), "")
    found = enumerations(doc)
    best = best_list(q, sig, [doc], {}, lambda _: tuple(found))
    assert best is not None and best.enumeration.section == "一、2031年工作回顾"


def test_items_ending_with_the_asked_nouns_head_are_of_that_noun() -> None:
    from answer.list_nouns import noun_fit

    q = parse_query("甲市示范教育意见安排了哪些重点工程")
    en = _enumeration(3, section="三、主要任务")
    items = ["示范课程普及工程", "示范基础建设工程", "示范资源建设工程"]
    assert noun_fit(q, en, items) == 1.0
    assert noun_fit(q, en, ["制定课程纲要", "明确课程定位", "推进课程普及"]) == 0.0


def test_a_character_quoted_alone_is_what_every_item_carries() -> None:
    from answer.list_nouns import noun_fit

    q = parse_query("甲市今年要实现哪几个“更”")
    en = _enumeration(4, section="二、今年重点")
    assert noun_fit(q, en, ["就业更充分", "教育更公平", "出行更通畅", "市容更精美"]) == 1.0
    assert noun_fit(q, en, ["智能制造", "数字人才", "信息技术", "绿色发展"]) == 0.0


def test_a_question_of_no_words_names_no_document() -> None:
    from answer.list_names import without_title_words as _without_title_words
    from corpus.document import parse_text

    doc = parse_text("甲市2031年政府工作报告\n一、回顾\n…\n", "t.txt")
    empty = Signals((), (), "")
    assert _without_title_words(empty, doc, parse_query("哪几个“更”")) == (empty, False)


def test_a_list_whose_item_the_question_names_is_not_what_it_asks() -> None:
    # "…拓展行动包括哪几项": the points under that action, not the list of actions
    from corpus.document import parse_text

    doc = parse_text(
        "二、重点任务\n(一)实施产业基础夯实行动。1.提升算力供给。2.提升数据供给。\n"
        "(二)应用赋能拓展行动。3.推动场景开放。4.人工智能+工业。5.人工智能+农业。\n"
        "(三)发展环境优化行动。6.优化生态。7.强化保障。\n",
        "t.txt",
    )
    found = enumerations(doc)
    actions = next(en for en in found if _items(doc, en)[0].endswith("夯实行动"))
    sig = Signals((Term("应用", 1.0), Term("赋能", 1.0), Term("拓展", 1.0)), (), "")
    named = parse_query("甲市示范行动计划里,应用赋能拓展行动包括哪几项")
    other = parse_query("甲市示范行动计划里部署了哪几大行动")
    assert (score_list(named, sig, doc, actions, False) or 0.0) < (
        score_list(other, sig, doc, actions, False) or 0.0
    )


def test_a_count_phrase_before_the_sub_headings_names_them() -> None:
    # "聚焦…打好“十大战役”。" before (一)…(十) whose items say 攻坚战 / 持久战, never 战役
    from corpus.document import parse_text

    kinds = ["产业", "文旅", "项目", "城乡", "改革"]
    subs = "".join(
        f"({n}){k}攻坚战,推动发展\n新建项目{i}个。\n"
        for i, (n, k) in enumerate(zip("一二三四五", kinds, strict=True))
    )
    intro = "今年要聚焦五件大事,打好“五大战役”。"
    text = f"某市2024年政府工作报告\n二、2024年工作安排\n{intro}\n{subs}"
    doc = parse_text(text, "t.txt")
    found = [en for en in enumerations(doc) if en.kind == "headings" and len(en.items) == 5]
    assert found
    q = parse_query("某市24年要打好的“五大战役”是哪些")
    items = _items(doc, found[0])
    assert count_fit(q, found[0], items) == 0.5  # the count alone
    from answer.lists import _intro

    assert count_fit(q, found[0], items, _intro(doc, found[0])) == 1.0
    sig = Signals((Term("五大", 2.0), Term("战役", 3.0)), (), "")
    assert score_list(q, sig, doc, found[0], False) is not None


def test_a_quoted_word_every_item_carries_is_what_is_listed() -> None:
    from answer.list_nouns import noun_fit

    q = parse_query("具体计划里有哪几个“注重”")
    items = ["注重党建赋能,在夯基固本上求突破", "注重政策引领,在提升能力上求突破"]
    assert noun_fit(q, _enumeration(2), items) == 1.0
    assert noun_fit(q, _enumeration(2), [*items, "加强科技服务"]) == 0.0


def test_a_list_counting_another_noun_does_not_answer_the_count_asked() -> None:
    # "围绕A、B、C、D4条廊道" is a list of 廊道; 四个定位 asks something else four at a time
    q = parse_query("甲市锚定的四个定位是什么")
    head = "二、工作安排 聚焦核心功能定位,围绕 4条廊道"
    corridors = _enumeration(4, head=head, section="二、工作安排")
    assert count_fit(q, corridors, ["甲走廊", "乙走廊", "丙走廊", "丁港湾"]) == 0.0
    q2 = parse_query("甲市的4条廊道是哪些")
    assert count_fit(q2, corridors, ["甲走廊", "乙走廊", "丙走廊", "丁港湾"]) == 1.0


def test_a_question_naming_its_document_gets_that_documents_list(qa_of_texts: Any) -> None:
    qa = qa_of_texts(
        {
            "a.txt": "一、总体要求\n推动示范场景创新对于促进示范应用具有重要意义。\n2. 基本原则。\n"
            "——企业主导。坚持企业的主体地位。\n——创新引领。面向新技术。\n"
            "——开放融合。开放场景机会。\n——协同治理。发挥政府作用。\n",
            "b.txt": "乙省示范场景应用方案\n二、总体要求\n（二）基本原则\n"
            "1.形成一批示范场景创新应用。\n2.培育一批示范场景创新平台。\n"
            "3.打造一批示范场景创新模式。\n",
        }
    )
    answer = qa.ask("推动示范场景创新、促进示范应用的那个指导意见,提了哪几条基本原则")
    assert answer.answer == "企业主导；创新引领；开放融合；协同治理"


def test_a_title_word_is_read_as_written_and_canonical() -> None:
    # 科技局 is canonically 科学技术局, which holds no 科技: the title written says it
    from answer.list_names import without_title_words as _without_title_words
    from corpus.document import parse_text

    doc = parse_text("甲区科技局2031年工作总结\n一、主要成绩\n我区获评乙奖、丙奖。\n", "t.txt")
    sig = Signals((Term("科技", 2.0), Term("荣誉", 3.0)), (), "")
    kept, only_named = _without_title_words(sig, doc, parse_query("甲区31年在科技上拿了哪些荣誉"))
    assert [t.text for t in kept.terms] == ["荣誉"]
    assert not only_named


def test_a_counter_that_is_the_noun_asked_counts_it() -> None:
    # "六个方面推进…": the list counts 方面, however the words after it run
    from answer.list_names import _counts_other
    from corpus.enum_model import Enumeration, Item

    items = tuple(Item(i, i + 1, 0, 10) for i in range(4))
    en = Enumeration("inline", "二、任务", 0, 10, "二、任务 四个方面推进标准研究", 4, items)
    assert not _counts_other(en, " 四个方面推进标准研究", "方面")
    assert _counts_other(en, " 四条廊道", "定位")


# (text, question, terms, the items of the list chosen), one row per kind of list question
CHOSEN_LISTS = [
    pytest.param(
        "三、主要行动\n围绕甲乙产业,实施丙丁创新、戊己升级、庚辛应用三大工程。\n"
        "(一)丙丁创新工程\n支持研发。\n(二)戊己升级工程\n推动升级。\n(三)庚辛应用工程\n扩大应用。\n",
        "甲乙产业主要行动里要实施哪三大工程",
        {"甲乙": 3.0, "实施": 1.0, "工程": 2.0},
        ["丙丁创新工程", "戊己升级工程", "庚辛应用工程"],
        id="a list named short in a sentence is answered by its full names",
    ),
    pytest.param(
        # "分哪几部分": the in-sentence list counted "三部分", not the sub-headings beside it
        "甲行业标准体系建设指南\n二、建设内容\n(四)关键技术标准\n"
        "关键技术标准包括智能装备、智能矿山、智能工厂三部分。\n1.玻璃领域\n规范玻璃。\n"
        "2.陶瓷领域\n规范陶瓷。\n3.水泥领域\n规范水泥。\n4.防水领域\n规范防水。\n",
        "甲行业标准体系建设指南里,关键技术标准分哪几部分？",
        {"关键技术": 3.0, "标准": 1.0, "部分": 1.0},
        ["智能装备", "智能矿山", "智能工厂"],
        id="a noun of parts asked fits a list counted by it",
    ),
    pytest.param(
        "甲行业标准体系建设指南\n一、体系结构\n"
        "标准体系结构包括A基础共性、B关键技术、C细分行业应用等三个部分。"
        "C细分行业应用标准包括原油加工、有机化工原料、合成树脂等三个部分。\n",
        "甲行业标准体系建设指南里,细分行业应用标准覆盖哪几个细分行业？",
        {"细分": 3.0, "行业": 1.0, "应用": 1.0, "标准": 1.0},
        ["原油加工", "有机化工原料", "合成树脂"],
        id="a question naming an item asks the list it is the subject of",
    ),
    pytest.param(
        # "…三大应用平台" named short in a sentence; three of five points name them in full
        "甲市公交示范工程指南\n一、应用架构\n本工程建设内容包括企业运营调度、乘客信息服务、"
        "行业运行监管三大应用平台。\n二、建设任务\n(一)建设监测体系。完善监测。\n"
        "(二)建设企业运营调度平台。完善调度。\n(三)建设乘客信息服务平台。发布信息。\n"
        "(四)建设行业运行监管平台。加强监管。\n(五)建设标准规范。制定标准。\n",
        "甲市公交示范工程要建的三大应用平台分别是什么？",
        {"应用": 2.0, "平台": 1.0},
        ["建设企业运营调度平台", "建设乘客信息服务平台", "建设行业运行监管平台"],
        id="items named short are answered by the points naming them in full",
    ),
]


@pytest.mark.parametrize(("text", "question", "terms", "expected"), CHOSEN_LISTS)
def test_the_list_a_question_asks_is_chosen(
    text: str, question: str, terms: dict[str, float], expected: list[str]
) -> None:
    doc, best = _best_of(text, question, terms)
    assert best is not None
    assert _items(doc, best.enumeration) == expected


def test_the_noun_divided_may_stand_before_a_hedge() -> None:
    # "X建议分哪几类": what is divided is X, the hedge says nothing of it
    assert asked_noun(normalize("甲方案里,培养方向建议分哪几类")) == "培养方向"
    assert asked_noun(normalize("示范工程可分为哪几种")) == "示范工程"


_DEEP = (
    "甲省关于推动大模型产业发展的指导意见\n一、总体要求\n到2027年,产业规模达到100亿元。\n"
    "二、重点任务\n(一)增强技术创新能力\n1.强化关键技术攻关。支持企业攻关。\n"
    "2.搭建创新平台体系。建设一批平台。\n(二)提升产品供给水平\n3.加快大模型产品研发。"
    "推动产品上市。\n4.强化高质量数据供给。建设数据集。\n三、保障措施\n加强组织领导。\n"
)


def test_the_parts_of_a_heading_the_question_names_win_over_points_of_one_part() -> None:
    # "重点任务分成哪几大块": the question names 二、重点任务; the points under (一) stand
    # under a heading it does not name, however well their words happen to match
    from answer.list_pick import ScoredList, outer_list
    from corpus.document import parse_text

    doc = parse_text(_DEEP, "deep.txt")
    found = enumerations(doc)
    outer = next(en for en in found if _items(doc, en)[0] == "增强技术创新能力")
    inner = next(en for en in found if _items(doc, en)[0].startswith("强化关键技术攻关"))
    q = parse_query("甲省大模型那个指导意见,重点任务分成哪几大块")
    best = ScoredList(inner, doc, 1.97)
    close = outer_list(q, best, [best, ScoredList(outer, doc, 1.70)])
    assert close is not None and close.enumeration is outer
    # a question naming the part itself keeps its points
    q = parse_query("甲省大模型那个指导意见,增强技术创新能力有哪几条")
    assert outer_list(q, best, [best, ScoredList(outer, doc, 1.70)]) is None


def _guide(title: str) -> tuple[Document, Enumeration]:
    """A made-up call for proposals under ``title`` and its list of products (of 2023)."""
    from corpus.document import parse_text

    doc = parse_text(
        f"{title}\n一、任务范围\n说明。\n二、揭榜任务和预期目标\n"
        "(一)智能产品类\n1.甲诊断产品\n到2023年,产品达到国际先进水平。\n2.甲治疗产品\n到2023年,"
        "完成注册。\n",
        "guide.txt",
    )
    return doc, next(en for en in enumerations(doc) if _items(doc, en)[0] == "甲诊断产品")


def test_a_year_the_documents_title_writes_names_it_not_its_sections() -> None:
    from answer.list_time import time_fits as _time_fits

    doc, en = _guide("2021年甲创新任务揭榜挂帅申报指南")
    assert _time_fits(parse_query("21年甲创新任务揭榜挂帅申报指南里,智能产品类有哪几个"), doc, en)
    # a year the title does not write still asks for that year's part
    assert not _time_fits(parse_query("2019年智能产品类有哪几个"), doc, en)


def test_a_list_counting_another_noun_is_no_list_of_the_asked_one() -> None:
    q = parse_query("宜宾四大未来产业是哪些")
    # points under "全力打造四大千亿产业集群。": four, of another noun, whatever their kind
    lead = Enumeration(
        "lead",
        "二、打造产业集聚区",
        0,
        40,
        "二、打造产业集聚区 全力打造四大千亿产业集群。",
        0,
        tuple(Item(10 * i, 10 * i + 4, 10 * i, 10 * i + 8) for i in range(4)),
    )
    items = "建成白酒产业集群 建成电池产业集群 建成光伏产业集群 推进产业研究院".split()
    assert count_fit(q, lead, items) == 0.0
    # items that each name the whole asked noun make the list of it
    named = "新型储能未来产业 数字能源未来产业 新能源汽车未来产业 人工智能未来产业".split()
    assert count_fit(q, lead, named) == 1.0


def test_the_noun_asked_need_not_be_written_when_the_rest_of_the_question_is() -> None:
    _, best = _best_of(
        "甲局示范计划\n二、示范内容\n(一)高空预报\n…\n(二)地面预报\n…\n"
        "三、进度安排\n(一)启动期(5-6月)\n…\n(二)测试期(7-10月)\n…\n(三)评估期(11月)\n…\n",
        "甲局示范计划进度安排分哪几个阶段",
        {"进度": 4.0, "安排": 1.0, "阶段": 4.0},
    )
    assert best is not None and best.enumeration.section == "三、进度安排"


def test_a_phrase_the_question_quotes_written_by_a_lists_head_counts_for_it() -> None:
    from answer.list_names import writes_quoted

    qnorm = normalize("甲省发展信息产业的“十大工程”都是哪些")
    head = normalize("二、重点领域 加快实施“十大工程”,塑造新优势。")
    assert writes_quoted(qnorm, head, 10)
    assert not writes_quoted(qnorm, head, 3)  # a list of three is no list of the ten
    assert not writes_quoted(qnorm, normalize("二、重点工程"), 10)
    assert not writes_quoted(normalize("十大工程都是哪些"), normalize("实施“十大工程”"), 10)
    assert not writes_quoted(normalize("“145”行动锚定哪几个定位"), normalize("实施“145”行动"), 4)


def test_the_count_phrase_right_before_run_in_points_names_them() -> None:
    from corpus.document import parse_text

    doc = parse_text(
        "甲省政府工作报告\n二、今后五年主要目标\n要重点把握三个方面:\n"
        "一是全力激发创新潜能,推动突破。\n二是全力缩小城乡差距,推动共富。\n"
        "三是全力筑牢安全底线,推动提升。\n",
        "t.txt",
    )
    (en,) = [e for e in enumerations(doc) if e.kind == "ordinal"]
    items = _items(doc, en)
    assert count_fit(parse_query("甲省要重点把握哪三个方面"), en, items) == 1.0


def test_clauses_ending_alike_answer_only_a_question_naming_what_they_are() -> None:
    from corpus.document import parse_text

    doc = parse_text(
        "报告\n三、改革开放\n加快实施自贸区战略,加快甲乙自贸区谈判,推动与丙国自贸区谈判,"
        "力争完成丁自贸区升级谈判。\n四、团结\n我宣布:总体布局不变,对外开放的方针不变,现行政策不变。\n",
        "t.txt",
    )
    found = enumerations(doc)
    zones = parse_query("新设了哪几个自由贸易试验区")
    sig = Signals((Term("自贸区", 4.0),), (), "")
    assert best_list(zones, sig, [doc], {}, lambda _: tuple(found)) is None
    unchanged = parse_query("郑重宣布了哪几个“不变”")
    best = best_list(
        unchanged, Signals((Term("宣布", 4.0),), ("不变",), ""), [doc], {}, lambda _: tuple(found)
    )
    assert best is not None and best.enumeration.kind == "alike"


def test_a_named_item_asks_the_points_standing_under_it() -> None:
    # "十方面民生实事里,医疗卫生方面要办哪几件": the sentences under "1.医疗卫生方面", not the
    # ten 方面 themselves.
    text = (
        "某省2025年政府工作报告\n二、2025年重点工作\n(十一)保障和改善民生\n"
        "继续谋划实施好十方面民生实事。\n"
        "1.医疗卫生方面。为重点人群免费开展癌症筛查。为老年人免费接种流感疫苗。\n"
        "2.养老帮困方面。新增护理员8000人。为老年人购买意外伤害保险。\n"
        "3.关爱儿童方面。新改建青少年宫200家。免费开展孤独症筛查。\n"
    )
    asked = "某省25年十方面民生实事里,医疗卫生方面要办哪几件"
    doc, best = _best_of(text, asked, {"民生": 2.0, "实事": 3.0, "医疗卫生": 3.0})
    assert best is not None
    assert _items(doc, best.enumeration) == [
        "为重点人群免费开展癌症筛查",
        "为老年人免费接种流感疫苗",
    ]
    # …and asked for the 方面 themselves, the list of them (asked "哪十个", three of ten
    # would be too few: see test_a_list_of_another_count_than_the_one_asked_is_not_it)
    doc, best = _best_of(text, "某省25年民生实事是哪几个方面", {"民生": 2.0, "实事": 3.0})
    assert best is not None and _items(doc, best.enumeration)[0].endswith("医疗卫生方面")


def test_a_list_inside_a_sentence_is_told_apart_by_its_sentence() -> None:
    # Two "四项原则" in one report: 中日 stands after the count in the one asked.
    text = (
        "国务院政府工作报告\n一、外交\n"
        "双方共同确定“和平友好、平等互利、互相信赖、长期稳定”四项原则,为中日睦邻友好关系奠定基础。\n"
        "我们提出了“平等互利、讲求实效、形式多样、共同发展”的四项原则。\n"
    )
    terms = dict.fromkeys(("中日", "双方", "共同", "确定", "原则"), 3.0)
    doc, best = _best_of(text, "中日双方共同确定了四项原则,是哪四项", terms)
    assert best is not None and _items(doc, best.enumeration)[0] == "和平友好"


def test_a_heading_of_two_things_names_either() -> None:
    from answer.list_nouns import noun_fit

    en = Enumeration("ordinal", "二、先导领域和方向", 0, 10, "二、先导领域和方向", 0, ())
    q = parse_query("“1+4”先导领域具体是哪几个")
    assert noun_fit(q, en, ["工业互联网", "智能家居"]) == 1.0
    other = Enumeration("ordinal", "二、主要任务", 0, 10, "二、主要任务", 0, ())
    assert noun_fit(q, other, ["工业互联网", "智能家居"]) == 0.0


def test_an_untitled_document_is_named_by_the_office_its_colophon_names() -> None:
    # "…工信局…那个…实施方案": its issuer (read from the colophon) and opening name it, so
    # those words say which document, not what its list is of.
    from answer.list_names import without_title_words as _without_title_words
    from corpus.document import parse_text

    doc = parse_text(
        "为贯彻落实《甲市人工智能先导区融合发展实施方案》,加快人工智能创新应用,制定本方案。\n"
        "二、先导领域和方向\n(一)工业互联网。推动平台建设。\n(二)智能家居。开发智能家电。\n"
        "甲市工业和信息化局办公室   2020年9月22日印发\n",
        "policy-x-0001.txt",
    )
    q = parse_query("甲市工信局20年那个人工智能先导区实施方案,先导领域是哪几个")
    terms = tuple(Term(w, 3.0) for w in ("经济和信息化局", "人工智能", "实施方案", "领域"))
    kept, only = _without_title_words(Signals(terms, (), ""), doc, q)
    assert [t.text for t in kept.terms] == ["领域"] and not only


def test_sentences_run_on_after_the_last_point_stand_under_it() -> None:
    # "(三)丙产业智能提升工程。鼓励…。建立…。": the sentences under the last point lie under
    # the list of points (an outer list for "重点工程是哪几个"), not after it.
    from answer.list_pick import _run_on_last
    from corpus.document import parse_text

    text = (
        "关于推进产业集群+人工智能的指导意见\n二、重点工程\n"
        "(一)甲产业智能提升工程。推动甲产业智能化改造。\n"
        "(二)乙产业智能提升工程。推动乙产业智能化改造。\n"
        "(三)丙产业智能提升工程。鼓励利用人工智能进行流程再造。建立人工智能监测预警系统。\n"
        "三、保障措施\n(一)加强组织领导。建立工作机制。完善考核办法。\n"
    )
    doc = parse_text(text, "t.txt")
    found = tuple(enumerations(doc))
    (points,) = [en for en in found if en.kind == "ordinal" and len(en.items) == 3]
    runs = [en for en in found if en.kind == "lead"]
    assert len(runs) == 2
    assert _run_on_last(doc.norm, runs[0], points)  # under (三)
    assert not _run_on_last(doc.norm, runs[1], points)  # another part's
    # …and the points under the one it names are asked for by naming it
    q = parse_query("丙产业智能提升工程包括哪几项")
    sig = Signals((Term("丙产业", 3.0), Term("工程", 2.0)), (), "")
    best = best_list(q, sig, [doc], {}, lambda _: found)
    assert best is not None and _items(doc, best.enumeration)[0].startswith("鼓励利用人工智能")


def test_a_list_whose_items_are_each_the_thing_asked_holds_the_parts_of_one() -> None:
    from answer.list_pick import ScoredList, _each_the_asked
    from corpus.document import parse_text
    from corpus.enumerations import enumerations

    text = (
        "甲矿山智能化标准体系建设指南\n二、编制原则\n(一)基础通用标准子体系\n"
        "1.术语定义标准:主要规范相关概念。\n2.通用技术标准:主要规范技术。\n"
        "(二)数据与模型标准子体系\n主要规范数据。\n(三)决策与应用标准子体系\n主要规范决策。\n"
    )
    doc = parse_text(text, "t.txt")
    by_kind = {en.kind: en for en in enumerations(doc)}
    q = parse_query("矿山智能化标准体系框架包括哪几个标准子体系")
    assert _each_the_asked(q, ScoredList(by_kind["headings"], doc, 1.0))
    assert not _each_the_asked(q, ScoredList(by_kind["ordinal"], doc, 1.0))


def test_a_long_list_names_itself_by_the_count_asked_alone(sample_index: Index) -> None:
    from corpus.document import parse_text
    from corpus.enumerations import enumerations

    names = "农场 港口 矿山 工厂 家居 教育 驾驶 诊疗 法院 供应链".split()
    body = "".join(
        f"({n})智慧{x}。\n推进智慧{x}建设示范。\n"
        for n, x in zip("一二三四五六七八九十", names, strict=True)
    )
    doc = parse_text(f"甲部关于支持建设示范应用场景的通知\n二、首批示范应用场景\n{body}", "t.txt")
    q = parse_query("甲部首批支持建的新一代人工智能示范应用场景都有哪十个")
    sig = signals(q, sample_index.bm25).known()
    ten = [en for en in enumerations(doc) if len(en.items) == 10]
    assert ten and score_list(q, sig, doc, ten[0], False) is not None
    # a count naming what it counts ("十大行动") is no bare count
    from answer.list_names import bare_count

    assert bare_count("都有哪十个") and not bare_count("“十大”行动分别是什么")
    assert not bare_count("甲市315计划里的“六大”行动具体是哪六个")


def test_the_noun_asked_after_its_description_and_run_in_points_named_by_their_intro() -> None:
    from answer.list_nouns import noun_fit

    q = parse_query("89年报告治理整顿要达到的目标有哪几条")
    assert asked_noun(q.norm) == "目标"
    assert asked_noun(normalize("说数字经济大而不强,是哪几个方面的问题?")) == ""  # vague
    head = "一、进行治理整顿 从今年起,努力实现治理整顿所要达到的目标:"
    items3 = tuple(Item(10 * i, 10 * i + 4, 10 * i, 10 * i + 8) for i in range(3))
    en = Enumeration("ordinal", "一、进行治理整顿", 0, 30, head, 0, items3)
    two = "一、进行治理整顿 应该作两点估计:"
    other = Enumeration("ordinal", "一、进行治理整顿", 0, 30, two, 0, items3)
    items = ["消除经济过热", "遏制通货膨胀", "压缩投资规模"]
    assert noun_fit(q, en, items) == 1.0
    assert noun_fit(q, other, items) == 0.0


def test_points_announced_by_what_they_are_are_named_by_it() -> None:
    from answer.list_nouns import noun_fit

    q = parse_query("甲部门那个试点通知,试点分哪几个重点方向")
    items3 = tuple(Item(10 * i, 10 * i + 4, 10 * i, 10 * i + 8) for i in range(3))
    head = "二、试点内容 申报主体围绕以下重点方向,开展试点工作。试点周期为2年。"
    en = Enumeration("ordinal", "二、试点内容", 0, 30, head, 0, items3)
    assert noun_fit(q, en, ["甲建设类", "乙应用类", "丙协同类"]) == 1.0
    # …with a word qualifying the noun between ("应遵循以下基本伦理规范" for 伦理规范)
    q = parse_query("丁规范里各类活动要遵循的伦理规范有哪几条")
    head = "第一章 总则 第三条 各类活动应遵循以下基本伦理规范。"
    en = Enumeration("ordinal", "第一章 总则", 0, 30, head, 0, items3)
    assert noun_fit(q, en, ["增进福祉", "促进公平", "保护隐私"]) == 1.0


def test_a_list_of_another_count_than_the_one_asked_is_not_it() -> None:
    from answer.list_names import miscounted

    assert miscounted("宜宾前瞻布局的四大未来产业是哪些", 3)
    assert miscounted("宜宾前瞻布局的四大未来产业是哪些", 5)
    assert not miscounted("宜宾前瞻布局的四大未来产业是哪些", 4)
    assert not miscounted("九个坚持分别是哪九条", 8)  # most of them: one may be read apart
    assert not miscounted("有哪些亮点", 3)  # no count asked
    # the numbering of the points asked counts them ("(第一到第六)"), not a span of time
    assert miscounted("甲国1997年报告里,企业改革部署了哪几条(第一到第六)?", 3)
    assert not miscounted("甲国1997年报告里,企业改革部署了哪几条(第一到第六)?", 6)
    assert miscounted("甲区2025年主要做了哪几方面工作(一是到八是)?", 4)
    assert not miscounted("甲区未来1到3年要做哪些", 5)
    # the last digits of a larger count are no count ("120个大型项目": not 20)
    assert not miscounted("甲国那120个大型项目都包括哪些", 7)


def test_the_parts_of_a_whole_asked_by_its_count_are_its_list() -> None:
    from answer.list_names import whole_named

    head = normalize("国家计划新建和续建一百二十个大型项目,其中有")
    assert whole_named(normalize("甲国那120个大型项目都包括哪些"), head)
    assert whole_named(normalize("新建的一百二十个大型项目具体包括哪些"), head)
    assert not whole_named(normalize("甲国那100个大型项目都包括哪些"), head)  # another whole
    assert not whole_named(normalize("甲国那120个重点企业都包括哪些"), head)
    # a list after no whole counted ("其中有" reads none) is not its parts
    assert not whole_named(normalize("甲国那120个大型项目都包括哪些"), normalize("其中有"))
    text = (
        "今后八年,生产的增长必须立足于现有基础。在这同时,国家计划新建和续建一百二十个大型"
        "项目,其中有十大钢铁基地,九大有色金属基地,八大煤炭基地,三十个大电站和五个重点港口。"
        "对国家今后八年计划建设的一百二十个大型项目,全国上下要大力协同,抽调得力的领导干部,"
        "组织大会战,把这些项目一个一个地攻下来。"
    )
    terms = {"今后": 4.0, "八年": 4.0, "国家": 1.7, "新建": 1.8, "续建": 4.0, "大型项目": 4.0}
    doc, best = _best_of(text, "今后八年国家新建和续建的120个大型项目具体包括哪些", terms)
    assert best is not None
    assert _items(doc, best.enumeration)[:2] == ["十大钢铁基地", "九大有色金属基地"]


def test_who_issued_the_document_named_is_no_words_of_its_list() -> None:
    from answer.list_names import without_title_words as _without_title_words
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from retrieval.query import parse_query

    doc = parse_text(
        "甲乙船舶发展行动计划\n一、保障措施\n(一)加强组织实施\n(二)完善激励政策\n", "p.txt"
    )
    q = parse_query("工信部等部门印发的《甲乙船舶发展行动计划》,保障措施提了哪几条")
    words = ("工业和信息化部", "部门", "印发", "甲乙", "船舶", "保障", "措施")
    sig = Signals(tuple(Term(w, 1.0) for w in words), (), "")
    left, only = _without_title_words(sig, doc, q)
    assert [t.text for t in left.terms] == ["保障", "措施"] and not only


def test_lists_of_the_asked_kind_come_before_lists_near_the_questions_words() -> None:
    from corpus.document import parse_text

    text = (
        "庚省政府工作报告\n三、今年重点工作\n（九）加强政府自身建设\n"
        "建设人民满意的政府,必须讲落实、抓落实、善落实,做好工作。"
        "要加强政治建设。坚定拥护。要加强法治建设。依法行政。要加强能力建设。提升本领。\n"
    )
    doc = parse_text(text, "t.txt")
    q = parse_query("庚省建设人民满意的政府要加强哪几方面建设?")
    sig = Signals(tuple(Term(w, 2.0) for w in ("建设", "人民满意", "政府", "加强")), (), "")
    found = enumerations(doc)
    best = best_list(q, sig, [doc], {}, lambda _: tuple(found))
    assert best is not None
    assert _items(doc, best.enumeration) == ["要加强政治建设", "要加强法治建设", "要加强能力建设"]


def test_a_heading_is_named_without_its_numbering_or_its_opening_verb() -> None:
    from answer.list_pick import names_own_heading as _names_own_heading

    section = "二、重点工作 > (六)实施开放创新生态深化打造行动"
    assert _names_own_heading("开放创新生态深化打造行动具体有哪几条", section)
    assert _names_own_heading("实施开放创新生态深化打造行动有哪几条", section)
    assert not _names_own_heading("打造行动有哪几条", section)  # a piece of it names none


def test_sub_headings_each_writing_what_is_asked_name_themselves() -> None:
    doc, best = _best_of(
        "甲省2036年政府工作报告\n一、2035年工作回顾\n(一)经济稳中有进\n增长5%。\n"
        "二、“十六五”时期主要目标任务\n纲要草案提出以下目标。\n"
        "(一)产业体系建设取得决定性进展\n发展产业。\n(二)全面深化改革取得决定性进展\n"
        "改革攻坚。\n(三)生态建设取得决定性进展\n保护生态。\n三、2036年重点工作\n(一)扩大内需\n…\n",
        "甲省“十六五”时期要在哪三个方面取得决定性进展？",
        {"取得": 1.0, "决定性": 3.0, "进展": 1.0},
    )
    assert best is not None
    assert [_bare(t) for t in _items(doc, best.enumeration)] == [
        "产业体系建设取得决定性进展",
        "全面深化改革取得决定性进展",
        "生态建设取得决定性进展",
    ]


def _bare(item: str) -> str:
    return normalize(item).split(")", 1)[-1].rstrip("。")


def test_an_in_sentence_list_is_named_by_the_point_its_paragraph_runs_in() -> None:
    doc, best = _best_of(
        "甲市数字城市方案\n二、主要任务\n2.建设高能级创新平台。\n"
        "(5)突破核心技术。攻关芯片、软件等领域。\n"
        "(6)建设科技创新支撑平台。支持甲研发中心、乙创新中心、丙实验基地等平台建设。\n",
        "甲市方案里,点名支持建设的科技创新支撑平台有哪些？",
        {"科技创新": 2.0, "支撑": 2.0, "平台": 1.0, "支持": 1.0},
    )
    assert best is not None
    items = _items(doc, best.enumeration)
    # (the first keeps its verb, 支持, which no lead verb cuts: noted, not mended here)
    assert items[0].endswith("甲研发中心") and items[1:] == ["乙创新中心", "丙实验基地"]


def test_a_count_asked_of_a_long_noun_rules_out_a_list_of_fewer() -> None:
    from answer.list_names import miscounted

    question = "甲省2024年新增的4个国家先进制造业集群是哪些？"
    assert miscounted(question, 3) and not miscounted(question, 4)


def test_an_item_named_by_its_own_words_without_the_tail_all_share_is_named() -> None:
    from answer.list_items import named_items as _named_items

    items = ["(一)百货店要求。", "(二)超市、便利店要求。"]
    assert _named_items("指南里,对超市、便利店单独提了哪几项要求", items) == [1]
    assert _named_items("指南里,对商店提了哪几项要求", items) == []
    assert _named_items("指南里,百货店要求有哪些", items) == [0]  # written whole
    # …or without the words that only join it ("关于甲业的扶持措施")
    points = ["甲业的整合问题", "关于甲业的扶持措施", "对甲业的管理问题"]
    assert _named_items("报告里甲业扶持措施提了哪几点", points) == [1]


def test_a_list_of_the_noun_asked_is_not_given_up_for_the_points_it_stands_in() -> None:
    # "主要实现A、B、C等功能" inside the second of three run-in points: the points are no
    # list of 功能, however near they score
    text = (
        "甲局关于推广智能视频监控的通知\n"
        "二、积极做好推广应用工作\n"
        "一是坚持政府引导。各地要统筹推进监控建设。"
        "二是规范数据报送。智能视频监控技术推广应用,主要实现暴力分拣检测、违规作业检测、烟火识别等功能。"
        "三是加大经费支持。各地要保障监控经费。\n"
    )
    doc, best = _best_of(
        text,
        "甲局推广的智能视频监控主要能实现哪些功能?",
        {"智能": 1, "视频": 1, "监控": 1, "功能": 1},
    )
    assert best is not None
    assert _items(doc, best.enumeration) == ["暴力分拣检测", "违规作业检测", "烟火识别"]


def test_a_list_holding_more_than_counted_gives_the_counted_ones_of_the_noun() -> None:
    from answer.list_names import counted_part, counts_asked
    from corpus.document import parse_text
    from corpus.enumerations import enumerations

    doc = parse_text(
        "甲市报告\n二、重点任务\n（一）构建产业体系\n加快建设白酒生产基地。力争产值增长。\n"
        "加快建设装备备份基地。推进项目。\n加快建设综合能源基地。推进项目。\n"
        "全力扩大产业投资。推进项目。\n",
        "t.txt",
    )
    leads = next(en for en in enumerations(doc) if len(en.items) == 4)
    q = parse_query("甲市报告提的“三大产业基地”具体是哪三个？")
    part = counted_part(counts_asked(q.norm), doc, leads)
    assert _items(doc, part) == [
        "加快建设白酒生产基地",
        "加快建设装备备份基地",
        "加快建设综合能源基地",
    ]
    # as many as counted, or a count not of items ending so: the list as it is
    assert (
        counted_part(counts_asked(normalize("甲市报告提的“四大产业基地”是哪四个")), doc, leads)
        is leads
    )
    assert (
        counted_part(counts_asked(normalize("甲市报告提的“三大行动”是哪三个")), doc, leads) is leads
    )


_CONDITIONS = (
    "甲省智能工厂认定管理办法\n第二章 认定条件\n"
    "第五条 申报甲省智能工厂的企业需具备以下条件:\n(一)在甲省境内注册。\n(二)产品符合产业政策。\n"
    "(三)已制定智能化发展规划。\n"
    "第六条 有下列情况之一的企业不得申报甲省智能工厂:\n(一)提供虚假信息的;\n"
    "(二)近3年发生过安全事故的;\n(三)有不良信用记录的。\n第三章 认定程序\n第七条 省厅组织评审。\n"
)


def test_a_question_asking_what_is_excluded_takes_the_list_that_excludes() -> None:
    terms = {"智能工厂": 3.0, "企业": 1.0, "申报": 2.0}
    doc, best = _best_of(_CONDITIONS, "甲省智能工厂认定,哪些情况的企业不能申报?", terms)
    assert best is not None and _items(doc, best.enumeration)[0].startswith("提供虚假信息")
    doc, best = _best_of(_CONDITIONS, "甲省智能工厂认定,申报企业要具备哪些条件?", terms)
    assert best is not None and _items(doc, best.enumeration)[0].startswith("在甲省境内注册")


def test_the_lines_heading_a_document_describe_it_as_its_title_does() -> None:
    from answer.list_names import without_title_words
    from corpus.document import parse_text

    doc = parse_text(
        "甲部对关于关爱老年人的建议的答复\n甲函〔2021〕742号\n乙某等15位代表:\n"
        "一、主要进展和成效\n一是保留线下渠道。二是推动适老化改造。三是加强培训。\n",
        "t.txt",
    )
    sig = Signals((Term("乙某", 3.0), Term("代表", 1.0), Term("进展", 2.0)), (), "")
    kept, only = without_title_words(sig, doc, parse_query("甲部答复乙某代表的建议讲了哪些进展"))
    assert [t.text for t in kept.terms] == ["进展"] and not only
    # a line going on with the text (a cover letter naming what it issues) is no addressee
    cover = parse_text(
        "通知\n各有关单位:\n《丙中心服务办法》已经审议通过,现印发。\n"
        "第一章 总则\n第一条 丙中心。\n",
        "c.txt",
    )
    sig = Signals((Term("丙中心", 3.0), Term("单位", 1.0)), (), "")
    kept, _ = without_title_words(sig, cover, parse_query("丙中心由哪些单位运营"))
    assert [t.text for t in kept.terms] == ["丙中心"]


def test_a_year_asked_with_the_words_the_title_writes_after_it_names_the_document() -> None:
    from answer.list_time import time_fits as _time_fits
    from corpus.document import parse_text

    doc, en = _guide("2021年甲乙创新任务揭榜挂帅申报指南--丙方向")
    # no kind named ("指南"): the year and the title's words after it name the document
    assert _time_fits(parse_query("2021年甲乙创新丙揭榜挂帅,智能产品类有哪几项"), doc, en)
    assert not _time_fits(parse_query("2021年智能产品类有哪几项"), doc, en)
    # a year's report is named so too, but its parts speak of their own years
    report = parse_text(
        "2024年政府工作报告\n一、2023年工作回顾\n(一)甲。\n(二)乙。\n二、2024年工作安排\n"
        "(一)丙。\n(二)丁。\n",
        "r.txt",
    )
    review = next(en for en in enumerations(report) if _items(report, en)[0] == "甲")
    assert not _time_fits(parse_query("2024年政府工作安排有哪几项"), report, review)


def test_a_series_in_a_sentence_naming_the_asked_subject_lists_its_siblings() -> None:
    text = (
        "甲计划\n一、主要任务\n支持甲构机、乙发动机、丙影像设备、丁机床等领域再制造示范企业建设。\n"
        "二、保障措施\n加强组织领导。\n"
    )
    terms = {"丙影像设备": 4.0, "领域": 2.0, "再制造": 3.0}
    doc, found = _best_of(text, "丙影像设备领域要支持哪些再制造", terms)
    assert found is None or "乙发动机" not in _items(doc, found.enumeration)
    # asked without naming one of them, the series is the list
    doc, found = _best_of(text, "要支持哪些领域的再制造", {"领域": 2.0, "再制造": 3.0})
    assert found is not None and "乙发动机" in _items(doc, found.enumeration)


def test_an_item_is_asked_about_only_before_the_asking_word_and_not_as_an_example() -> None:
    from answer.list_items import names_subject

    items = ["甲构机", "乙发动机", "丙影像设备", "丁机床"]
    assert names_subject(normalize("丙影像设备要攻关哪些关键件"), items)
    # an example pointing at its group, or the thing asked for after the asking word
    assert not names_subject(normalize("丙影像设备那几个设备都有哪些"), items)
    assert not names_subject(normalize("要攻关哪几类丙影像设备"), items)
    assert not names_subject(normalize("要攻关哪些关键件"), items)


def test_the_run_of_leads_ending_on_the_noun_asked_is_the_list() -> None:
    import re
    from dataclasses import replace

    from answer.list_nouns import noun_part
    from corpus.document import parse_text

    text = "着力扩大甲类投资。\n着力建设乙型的政府。\n着力建设丙型的政府。\n着力建设丁型的政府。\n"
    doc = parse_text(f"甲报告\n一、安排\n{text}", "d.txt")
    leads = [m.span() for m in re.finditer(r"着力[^。]+", doc.norm)]
    items = tuple(Item(s, e, s, e + 1) for s, e in leads)
    en = Enumeration("lead", "一、安排", items[0].start, items[-1].end, "一、安排", 0, items)
    kept = noun_part("政府", doc, en)
    assert doc.norm[kept.items[0].start : kept.items[0].end] == "着力建设乙型的政府"
    assert len(kept.items) == 3
    assert noun_part("投资", doc, en) is en  # one lead is no run
    headings = replace(en, kind="headings")
    assert noun_part("政府", doc, headings) is headings  # headings are read as they are


def test_an_undated_part_speaks_of_the_year_its_document_was_issued_in() -> None:
    from dataclasses import replace

    from answer.list_time import time_fits as _time_fits
    from corpus.document import parse_text

    doc = parse_text(
        "各位代表:\n一、过去一年的回顾\n甲。\n二、主要任务\n"
        "力求在甲技术、乙技术、丙技术等方面取得新的进展。\n",
        "r.txt",
    )
    en = next(en for en in enumerations(doc) if _items(doc, en)[:1] == ["甲技术"])
    q = parse_query("1986年那份报告里,七五期间要在哪些技术方面取得新进展")
    assert q.years[0] == 1986
    # a report issued in 1986 reviews 1985 and plans 1986: its undated part is of either
    assert _time_fits(q, replace(doc, issued=1986, years=(1985,)), en)
    assert not _time_fits(q, replace(doc, issued=None, years=(1985,)), en)
    assert not _time_fits(q, replace(doc, issued=1981, years=(1980,)), en)


def test_kinds_beside_the_one_asked_are_no_list_of_it() -> None:
    from answer.list_nouns import noun_fit

    q = parse_query("甲省要加快布局哪些未来产业")
    siblings = ["改造提升传统产业", "培育壮大新兴产业", "布局建设未来产业"]
    assert noun_fit(q, _enumeration(3), siblings) == 0.0
    # items that are all of the kind, each ending on its head, are
    kinds = ["甲类未来产业", "乙类未来产业", "丙类未来产业"]
    assert noun_fit(q, _enumeration(3), kinds) == 1.0
    assert (
        noun_fit(
            parse_query("要建设哪些重点工程"), _enumeration(2), ["甲课程普及工程", "乙基础建设工程"]
        )
        == 1.0
    )


def test_a_list_giving_part_of_the_sentence_before_is_named_by_it() -> None:
    text = (
        "甲报告\n二、安排\n持续办好为民实事。今年筛选出12个甲乙候选项目。"
        "其中,新建类5个,分别是:甲工程、乙路、丙补短板、丁停车场、戊公园;改造类7个,分别是:"
        "己小区、庚工程、辛工程、壬工程、癸工程、子工程、丑工程。\n"
    )
    terms = {"甲乙": 4.0, "候选": 4.0, "项目": 1.0, "新建": 2.0}
    doc, found = _best_of(text, "甲乙候选项目里,新建类的5个是哪些?", terms)
    assert found is not None and _items(doc, found.enumeration)[0] == "甲工程"


def test_the_words_of_a_quoted_statement_naming_the_document_are_no_list_words() -> None:
    from answer.list_names import without_title_words
    from corpus.document import parse_text

    doc = parse_text(
        "一、目标\n到2019年,累计制修订300项以上甲乙标准。\n四、组织实施\n(一)加强统筹协调。\n"
        "(二)加快标准研制。\n",
        "g.txt",
    )
    q = parse_query("提出“到2019年累计制修订300项以上甲乙标准”的那版甲乙指南,组织实施部分有哪几条?")
    sig = Signals((Term("修订", 4.0), Term("甲乙", 4.0), Term("组织实施", 3.0)), (), "")
    kept, _ = without_title_words(sig, doc, q)
    assert [t.text for t in kept.terms] == ["组织实施"]


def test_phrases_sharing_the_noun_closing_the_last_are_of_that_noun() -> None:
    # "实施甲企业育苗、乙企业跃升、丙企业引领计划": 计划 written once, for all three
    from answer.list_items import item_texts
    from answer.list_nouns import noun_fit
    from corpus.document import parse_text
    from corpus.modifier_series import shared_word_series

    doc = parse_text(
        "甲市报告\n二、重点工作\n实施初创企业育苗、小微企业跃升、领军企业引领计划,力争入库。\n",
        "d.txt",
    )
    (en,) = shared_word_series(doc)
    items = item_texts(doc, en)
    assert noun_fit(parse_query("甲市要实施哪几项培育计划"), en, items) == 1.0
    assert noun_fit(parse_query("甲市要实施哪几项培育工程"), en, items) == 0.0


def test_items_ending_alike_are_asked_by_their_ending() -> None:
    from answer.list_nouns import asks_their_ending

    items = ["重点提升甲乙设施智能化水平", "甲乙作业单元化水平", "甲乙流程标准化水平。"]
    assert asks_their_ending(normalize("要重点提升甲乙哪几方面的水平?"), items)
    assert not asks_their_ending(normalize("要重点提升甲乙哪几方面?"), items)
    assert not asks_their_ending(normalize("水平要提升哪几方面?"), items)  # before 哪


def test_an_untitled_document_may_be_the_one_the_question_names() -> None:
    # a body opening on its first heading: no title the question's name can be checked on
    text = (
        "一、“甲+”服务管理\n（一）“甲+”医疗服务\n1.影像辅助诊断\n基本概念：智能分析。\n"
        "二、“甲+”产业发展\n（九）“甲+”乙用机器人\n"
        "60.手术机器人\n应用场景：辅助手术。\n61.康复机器人\n应用场景：辅助康复。\n"
        "62.配送机器人\n应用场景：院内配送。\n（十）“甲+”药物研发\n70.药物筛选\n应用场景：筛选。\n"
    )
    question = "丙丁委的卫生行业甲应用场景参考指引里,“甲+”乙用机器人都列了哪些场景?"
    q = parse_query(question)
    assert q.doc_name  # the question calls the document by a name…
    terms = {"丙丁委": 4.0, "卫生": 3.7, "行业": 3.0, "应用": 2.5, "场景": 3.6, "参考": 4.0}
    terms |= {"指引": 4.0, "甲+": 4.0, "乙用": 4.0, "机器人": 4.0}
    doc, found = _best_of(text, question, terms)
    # …its heading written in the question says which list: the rest names the document
    assert found is not None
    assert _items(doc, found.enumeration) == ["手术机器人", "康复机器人", "配送机器人"]


def test_points_announced_with_the_words_the_question_asks_them_with() -> None:
    from answer.list_nouns import announced_as_asked, noun_fit

    q = normalize("甲省2022年报告回顾2021年,主要做了哪几方面工作?")
    assert announced_as_asked(q, "一、2021年工作回顾 有效应对各种挑战,主要做了以下工作。")
    assert not announced_as_asked(q, "一、2021年工作回顾 今年要抓好以下工作。")  # another verb
    assert not announced_as_asked(q, "一、2021年工作回顾 一年来,我们攻坚克难。")  # none
    head = "一、2021年工作回顾 有效应对各种挑战,主要做了以下工作。"
    points = Enumeration("ordinal", "一、2021年工作回顾", 0, 40, head, 0, _enumeration(3).items)
    assert noun_fit(parse_query(q), points, ["保持政策连续性", "深化改革", "强化创新"]) == 1.0


def test_a_quoted_count_name_framing_every_item_is_the_lists_name() -> None:
    # "“五向图强”": the count stands for what differs in 向种图强, 向海图强, …
    q = parse_query("甲省报告里说的“三向图强”是哪三个?")
    en = _enumeration(3, head='四、建设 "3"是指', section="四、建设")
    assert count_fit(q, en, ["向乙图强", "向丙图强", "向丁图强"]) == 1.0
    assert count_fit(q, en, ["向乙图强", "向丙发展", "向丁图强"]) < 1.0  # one breaks the frame
    assert count_fit(q, _enumeration(4, head=en.head), ["向乙图强"] * 4) < 1.0  # not as many


def test_a_list_each_of_whose_items_is_the_thing_asked_goes_before_the_parts_of_one() -> None:
    # "哪几大类标准子体系": the three 子体系, not the points under the third one's heading
    from corpus.document import parse_text

    doc = parse_text(
        "甲标准体系建设指南\n三、主要内容\n(一)基础通用标准子体系\n主要包括术语定义等。\n"
        "(二)数据与模型标准子体系\n主要包括数据标准等。\n(三)生产系统标准子体系\n"
        "1.信息基础设施标准:包含工业网络。\n2.地下生产标准:主要对地下生产规范。\n"
        "3.露天生产标准:主要对露天生产规范。\n",
        "t.txt",
    )
    lists = enumerations(doc)
    q = parse_query("甲标准体系框架分成哪几大类标准子体系？")
    sig = Signals((Term("标准子体系", 4.0), Term("框架", 2.0)), (), "")
    found = best_list(q, sig, [doc], {}, lambda _: lists)
    assert found is not None
    first = found.enumeration.items[0]
    assert doc.text[first.start : first.end].startswith("基础通用")


_ACTIONS = (
    "甲市科技创新工作计划\n一、强化研发投入\n"
    "实施主体培育、产业赋能、成果示范、协同提升、生态优化五大行动,研发投入增长10%。\n"
    "二、优化营商环境\n(一)实施企业培育行动\n1.建设服务平台。\n(二)实施融资破解行动\n"
    "2.扩大信贷投放。\n(三)实施服务提升行动\n3.优化审批流程。\n"
)


def test_a_count_asked_with_the_asking_word_picks_the_list_of_as_many() -> None:
    # "哪五大行动": the five the sentence counts, not three headings each ending on 行动
    from answer.list_nouns import asked_size

    question = "甲市科技创新工作计划要实施哪五大行动?"
    assert asked_size(normalize(question)) == 5
    doc, best = _best_of(_ACTIONS, question, {"行动": 1.0, "研发投入": 1.0})
    assert best is not None and _items(doc, best.enumeration)[0] == "主体培育"


def test_a_count_not_asked_with_the_asking_word_is_no_size_asked() -> None:
    from answer.list_nouns import asked_size

    assert asked_size(normalize("甲市部署了哪几大行动")) is None
    assert asked_size(normalize("六大行动是哪些")) is None


def test_a_named_heading_of_an_untitled_text_lists_its_sub_headings() -> None:
    # An untitled list of scenes whose opening says none of 监管 or 场景: the question's other
    # words are read in its whole body; what stands under the heading it names is its
    # sub-headings, not the points run into one of them.
    text = (
        "甲技术在注册审查中可以发挥辅助作用,提升审查效率。\n"
        "一、准入审批类\n应用一:形式审查\n甲技术可辅助审查。\n应用二:辅助审评\n甲技术可辅助审评。\n"
        "二、辅助决策类\n应用三:业务数据查询\n甲技术辅助监管决策中的数据查询。\n"
        "应用四:数据分析与预测\n甲技术辅助监管决策。\n"
        "应用五:风险管理\n利用甲技术对品种档案、信用档案、检查档案等业务数据进行信息检索。\n"
        "三、其他\n本清单涉及的典型应用场景随技术发展更新。\n"
    )
    terms = {"甲技术": 2.0, "监管": 2.0, "典型": 1.0, "应用": 1.0, "场景": 1.0, "辅助": 1.0}
    terms["决策"] = 1.0
    doc, found = _best_of(text, "甲技术监管典型应用场景里,“辅助决策类”包括哪些应用", terms)
    assert found is not None and found.enumeration.kind == "headings"
    assert _items(doc, found.enumeration) == ["业务数据查询", "数据分析与预测", "风险管理"]


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("那份文件把应用场景分成了哪几大类", True),
        ("这个方案分成哪几大块", True),
        ("这个行动计划有哪些创新行动", False),
    ],
)
def test_categories_or_blocks_asked_are_the_documents_own_parts(question: str, own: bool) -> None:
    from answer.list_names import asks_own_parts

    assert asks_own_parts(parse_query(question).norm) is own


def test_a_series_led_by_a_modal_and_its_verb_is_named_by_the_noun_closing_it() -> None:
    # "要实施A、B…等重大项目": 要 and the verb lead it, the noun closing it names it
    text = (
        "甲国2015年工作报告\n四、协调推动经济增长\n"
        "主要是:棚户区改造等民生项目,中西部铁路等交通项目,水利等农业项目,电力等网络项目。\n"
        "新兴产业要加快发展。要实施高端装备、信息网络、集成电路、新能源、新材料等重大项目,"
        "把一批新兴产业培育成主导产业。\n"
    )
    question = "甲国2015年工作报告提出要实施哪些新兴产业重大项目"
    terms = {"实施": 2.0, "新兴产业": 5.0, "重大项目": 4.0}
    doc, found = _best_of(text, question, terms)
    assert found is not None
    items = ["高端装备", "信息网络", "集成电路", "新能源", "新材料"]
    assert _items(doc, found.enumeration) == items


def test_a_part_named_by_the_question_lists_its_points_asked_by_a_vague_noun() -> None:
    # "组织实施部分提出了哪几条措施": 措施 names no kind the points write; the heading the rest
    text = (
        "甲标准体系建设指南\n三、建设内容\n建设甲标准。\n四、组织实施\n"
        "一是加强组织协调与落实。统筹推进。二是加快标准研制与验证。开展研制。"
        "三是推动标准贯彻与实施。开展宣贯。\n"
    )
    question = "甲标准体系建设指南组织实施部分提出了哪几条措施"
    terms = {"组织": 1.5, "实施": 0.8, "措施": 3.0}
    doc, found = _best_of(text, question, terms)
    assert found is not None
    assert _items(doc, found.enumeration)[0].startswith("加强组织协调与落实")
    from answer.list_nouns import asked_vague

    assert asked_vague(normalize(question)) == "措施"
    assert asked_vague(normalize("乙通知一共提了哪几方面举措")) == "举措"  # the last of two
    assert asked_vague(normalize("甲方案覆盖了哪些产业链")) == ""


def test_a_quoted_titles_status_in_brackets_names_the_document_too() -> None:
    from answer.list_names import without_title_words as _without_title_words
    from corpus.document import parse_text

    doc = parse_text("甲乙标准体系建设指南\n（征求意见稿）\n一、总体要求\n略。\n", "t.txt")
    q = parse_query("《甲乙标准体系建设指南（二次征求意见稿）》组织实施部分有哪几条")
    sig = Signals((Term("甲乙", 4.0), Term("二次", 4.0), Term("组织", 1.5)), (), "")
    kept, _ = _without_title_words(sig, doc, q)
    assert [t.text for t in kept.terms] == ["组织"]
    # …unquoted, right after the name
    q = parse_query("甲乙标准体系建设指南(2031版征求意见稿)组织实施那部分有哪几条")
    sig = Signals((Term("甲乙", 4.0), Term("2031版", 4.0), Term("组织", 1.5)), (), "")
    kept, _ = _without_title_words(sig, doc, q)
    assert [t.text for t in kept.terms] == ["组织"]
