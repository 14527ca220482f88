"""answer.frame: a question's frame against the facts of made-up sentences."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from answer.extract import fits as fits_
from answer.frame import Frame, Measure, fact_measure, fit_fact, frame_of, item_span, judge
from answer.signals import Signals, Term
from corpus.document import parse_text
from corpus.facts import Fact, extract_facts
from corpus.model import Document
from retrieval.query import parse_query


def _doc(text: str) -> tuple[Document, tuple[Fact, ...]]:
    doc = parse_text(text, "t.txt")
    return doc, extract_facts(doc)


def _frame(**kw: object) -> Frame:
    base: dict[str, object] = dict(
        years=(), kind="", measure=Measure.ANY, half="", unit="count", regions=()
    )
    base.update(kw)
    return Frame(**base)  # type: ignore[arg-type]


def _sig(*terms: str) -> Signals:
    return Signals(tuple(Term(t, 1.0) for t in terms), (), "count")


def _measure(doc: Document, fact: Fact) -> Measure:
    return fact_measure(fact, doc.norm[fact.start : fact.value_start])


def _fit(frame: Frame, doc: Document, fact: Fact, *terms: str) -> str:
    """The conflict of one fact with a frame ("" when none)."""
    return fit_fact(frame, _sig(*terms), fact, doc.norm, "").conflict


def _fact(facts: tuple[Fact, ...], value: str) -> Fact:
    return next(f for f in facts if f.value == value)


def test_question_measure_reads_additions_totals_and_changes() -> None:
    sig = _sig("高新技术企业")
    assert frame_of(parse_query("余杭2023年新认定高新技术企业多少家"), sig).measure == Measure.FLOW
    assert frame_of(parse_query("余杭高新技术企业一共多少家"), sig).measure == Measure.STOCK
    assert frame_of(parse_query("余杭研发投入增速多少"), sig).measure == Measure.CHANGE
    assert frame_of(parse_query("余杭高新技术企业多少家"), sig).measure == Measure.ANY
    # the additions of a time summed ("过去五年一共创建了多少家") are no stock
    summed = parse_query("甲市回顾过去五年,一共创建了多少家企业技术中心")
    assert frame_of(summed, _sig("企业技术中心")).measure == Measure.FLOW


def test_a_count_after_da_is_a_total_and_a_verb_of_adding_an_addition() -> None:
    doc, facts = _doc(
        "2023年工作总结\n全区高新技术企业达198家,认定科技型中小企业50家,新增孵化器3家。"
    )
    total, certified, added = (_fact(facts, v) for v in ("198", "50", "3"))
    assert fact_measure(total, doc.norm[total.start : total.value_start]) == Measure.STOCK
    assert (
        fact_measure(certified, doc.norm[certified.start : certified.value_start]) == Measure.FLOW
    )
    assert fact_measure(added, doc.norm[added.start : added.value_start]) == Measure.FLOW


def test_a_total_never_answers_for_the_years_additions() -> None:
    doc, facts = _doc("2022年工作总结\n全区高新技术企业达198家。")
    fact = _fact(facts, "198")
    fit = fit_fact(_frame(measure=Measure.FLOW), _sig("高新技术企业"), fact, doc.norm, "")
    assert fit.conflict == "measure"
    assert not fit_fact(
        _frame(measure=Measure.STOCK), _sig("高新技术企业"), fact, doc.norm, ""
    ).conflict


def test_a_year_named_in_the_figures_own_clause_overrules() -> None:
    doc, facts = _doc("2023年高新技术企业达到7900家,2024年力争达到8500家。")
    sig = _sig("高新技术企业")
    frame = _frame(years=(2024,))
    assert fit_fact(frame, sig, _fact(facts, "7900"), doc.norm, "").conflict == "year"
    assert not fit_fact(frame, sig, _fact(facts, "8500"), doc.norm, "").conflict


def test_a_year_named_only_earlier_in_the_sentence_does_not_decide() -> None:
    # "2020年度" names a batch of awards; the money was paid in the section's year.
    doc, facts = _doc(
        "2021年工作总结\n开展2020年度孵化平台认定等政策兑现工作,兑现双创资金177.5万元。"
    )
    fact = _fact(facts, "177.5")
    frame = _frame(years=(2021,), unit="money")
    assert not fit_fact(frame, _sig("双创资金"), fact, doc.norm, "").conflict


def test_an_actual_asked_is_not_answered_by_a_target() -> None:
    doc, facts = _doc("2024年工作计划\n力争新增高新技术企业100家。")
    fit = fit_fact(_frame(kind="actual"), _sig("高新技术企业"), _fact(facts, "100"), doc.norm, "")
    assert fit.conflict == "kind"


def test_judge_refuses_only_when_every_figure_of_the_unit_conflicts() -> None:
    doc, facts = _doc("2022年工作总结\n全区高新技术企业达198家,研发投入增长12%。")
    best, missed = judge(
        _frame(measure=Measure.FLOW), _sig("高新技术企业"), list(facts), doc.norm, ""
    )
    assert best is None and missed
    doc, facts = _doc("2022年工作总结\n新增高新技术企业36家(总数达到198家)。")
    best, missed = judge(
        _frame(measure=Measure.STOCK), _sig("高新技术企业"), list(facts), doc.norm, ""
    )
    assert best is not None and best.fact.value == "198" and not missed


def test_the_figure_whose_metric_is_named_exactly_wins_and_its_words_are_the_span() -> None:
    doc, facts = _doc("2021年工作总结\n新引进顶尖人才20名、领军人才310名。")
    frame = _frame(unit="人", measure=Measure.FLOW)
    sig = Signals((Term("引进", 1.4), Term("领军人才", 3.8)), (), "人")
    best, _ = judge(frame, sig, list(facts), doc.norm, "")
    assert best is not None and best.fact.value == "310"
    s, e = item_span(list(facts), best.fact, doc.norm, best.fact.start)
    assert doc.text[s:e] == "领军人才310名"


def test_item_span_keeps_yishang_and_stays_within_forty_characters() -> None:
    doc, facts = _doc("2024年工作计划\n力争新增高新技术企业50家以上、科技型中小企业300家以上。")
    second = _fact(facts, "300")
    s, e = item_span(list(facts), second, doc.norm, second.start)
    assert doc.text[s:e] == "科技型中小企业300家以上"
    assert e - s <= 40


def test_item_span_of_a_figure_counting_the_noun_after_it() -> None:
    doc, facts = _doc("2024年工作计划\n重点开展甲、乙和丙监管5个方面20个信息化标准的编制工作。")
    second = _fact(facts, "20")
    s, e = item_span(list(facts), second, doc.norm, second.start)
    assert doc.text[s:e] == "20个信息化标准"


def test_a_rank_answers_only_a_question_of_rank() -> None:
    doc, facts = _doc("2021年工作总结\n2020年度创新指数为156.1,居全省第24位。")
    rank = next(f for f in facts if f.qualifier == "排名")
    assert _fit(_frame(unit=""), doc, rank, "创新指数") == "measure"
    assert not _fit(_frame(unit="rank"), doc, rank, "创新指数")


def test_additions_asked_are_never_a_rate() -> None:
    doc, facts = _doc("2023年工作总结\n新建甲类仓库40万平方米,目前乙区甲类仓库利用率近60%。")
    rate, built = _fact(facts, "60"), _fact(facts, "40")
    flow = _frame(measure=Measure.FLOW, unit="")
    assert _fit(flow, doc, rate, "乙区", "甲类仓库") == "measure"
    assert not _fit(flow, doc, built, "乙区", "甲类仓库")
    # …unless a share is what is asked
    assert not _fit(_frame(measure=Measure.FLOW, unit="%"), doc, rate, "甲类仓库")


def test_a_rank_of_another_metric_is_a_near_miss() -> None:
    doc, facts = _doc("2021年工作总结\n每千家企业中高新技术企业数54.3家,居全省第2位。")
    rank = next(f for f in facts if f.qualifier == "排名")
    sig = Signals((Term("研发投入强度", 4.0), Term("全省", 2.7)), (), "rank")
    assert fit_fact(_frame(unit="rank"), sig, rank, doc.norm, "").conflict == "metric"
    # a rank whose metric the facts could not read is no near miss for that reason
    unread = replace(rank, metric="")
    assert fit_fact(_frame(unit="rank"), sig, unread, doc.norm, "").conflict == ""


def test_another_level_named_by_the_figure_is_a_near_miss() -> None:
    doc, facts = _doc("2024年上半年工作总结\n新增市级众创空间3家。")
    fact = _fact(facts, "3")
    asked = _frame(levels=frozenset({"省级"}))
    assert _fit(asked, doc, fact, "众创空间") == "level"
    assert not _fit(_frame(levels=frozenset({"市级"})), doc, fact, "众创空间")
    assert not _fit(_frame(), doc, fact, "众创空间")


def test_another_population_named_by_the_figure_is_a_near_miss() -> None:
    doc, facts = _doc("2025年工作回顾\n规上企业研发经费投入增长14.2%。")
    fact = _fact(facts, "14.2")
    asked = _frame(populations=frozenset({"全社会"}))
    assert _fit(asked, doc, fact, "研发经费投入") == "population"
    assert not _fit(_frame(populations=frozenset({"规上"})), doc, fact, "研发经费投入")
    assert not _fit(_frame(), doc, fact, "研发经费投入")  # none asked: any counts


def test_a_neighbour_of_another_metric_does_not_answer_for_a_near_miss() -> None:
    doc, facts = _doc("2024年上半年工作总结\n新增市级众创空间3家、专业运营单位1家。")
    frame = _frame(levels=frozenset({"省级"}), measure=Measure.FLOW)
    sig = Signals((Term("新增", 1.0), Term("省级", 2.2), Term("众创空间", 3.4)), (), "count")
    best, missed = judge(frame, sig, list(facts), doc.norm, "")
    assert best is None and missed


def test_a_figure_reached_beats_a_plan_only_when_it_names_the_question_as_fully(qa) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from answer.frame import first_fitting

    q = qa._expand(parse_query("余杭2023年新增国家高新技术企业多少家"))
    q, sig, cands = qa._candidates(q, None, "hybrid", 12)
    top = next(c for c in cands if fits_(q, sig, c))
    plan = replace(top, fact_kind="target", clause_cov=0.9, score=9.0)
    reached = replace(top, fact_kind="actual", clause_cov=0.9, score=8.0)
    weaker = replace(top, fact_kind="actual", clause_cov=0.5, score=8.5)
    assert first_fitting(q, sig, [plan, weaker, reached]) is reached
    assert first_fitting(q, sig, [plan, weaker]) is plan
    # A policy's commitment (no section of review or plan) is not overtaken.
    pledge = replace(plan, passage=replace(plan.passage, section_kind=""))
    assert first_fitting(q, sig, [pledge, weaker, reached]) is pledge


def test_a_rank_in_another_ranking_is_a_near_miss() -> None:
    doc, facts = _doc("2023年工作总结\n研发投入强度4.55%,稳居全省第三。")
    rank = next(f for f in facts if f.qualifier == "排名")
    assert _fit(_frame(unit="rank", rank_scope="全国"), doc, rank, "研发投入强度") == "scope"
    assert not _fit(_frame(unit="rank", rank_scope="全省"), doc, rank, "研发投入强度")
    assert not _fit(_frame(unit="rank"), doc, rank, "研发投入强度")


def test_five_years_additions_answer_no_single_year() -> None:
    doc, facts = _doc("一、工作回顾\n民生持续改善,城镇新增就业60万人。\n")
    fact = _fact(facts, "60")
    five_years = replace(fact, year=None, period="2021-2025")
    sig = ("城镇新增就业",)
    assert _fit(_frame(years=(2025,)), doc, five_years, *sig) == "period"
    assert not _fit(_frame(years=(2021, 2022, 2023, 2024, 2025)), doc, five_years, *sig)
    assert not _fit(_frame(years=(2025,)), doc, replace(fact, year=2025, period=""), *sig)
    summed = replace(fact, year=None, period="2021-2025", qualifier="累计")
    assert _fit(_frame(years=(2025,)), doc, summed, *sig) == "period"  # 累计: the years' sum
    plan = replace(fact, year=None, period="十四五")  # a plan's name spans its five years
    assert _fit(_frame(years=(2025,)), doc, plan, *sig) == "period"
    spent_doc, spent_facts = _doc("一、工作回顾\n示范科技投入6197亿元。\n")
    spent = replace(_fact(spent_facts, "6197"), year=None, period="2006-2010")
    assert _fit(_frame(years=(2009,), unit="money"), spent_doc, spent, "示范科技投入") == "period"
    # A level reached by the end of the five years is that last year's level too.
    total_doc, total_facts = _doc("一、工作回顾\n高新技术企业总数达到900家。\n")
    total = replace(_fact(total_facts, "900"), year=None, period="2021-2025")
    assert not _fit(_frame(years=(2025,)), total_doc, total, "高新技术企业")


def test_a_yearly_average_over_a_plan_is_no_one_years_growth() -> None:
    doc, facts = _doc(
        "二、十二五发展目标\n十二五时期,全市生产总值年均增长11%左右,2015年达到1770亿元。"
    )
    fact = _fact(facts, "11")
    sig = Signals((Term("地区生产总值", 1.0), Term("增长", 1.0)), (), "%")
    one_year = _frame(years=(2015,), unit="%", kind="target")
    assert fit_fact(one_year, sig, fact, doc.norm, "").conflict == "period"
    average = replace(one_year, average=True)
    assert fit_fact(average, sig, fact, doc.norm, "").conflict != "period"
    q = parse_query("甲市2015年GDP年均增长目标是多少")
    assert frame_of(q, sig).average
    assert not frame_of(parse_query("甲市2015年GDP增长目标"), sig).average


def test_a_growth_asked_is_not_answered_by_a_share() -> None:
    sig = Signals((Term("地区生产总值", 1.0), Term("增长", 1.0)), (), "%")
    q = parse_query("甲市2015年GDP增长预期目标是多少")
    assert frame_of(q, sig).measure == Measure.CHANGE
    doc, facts = _doc("二、2015年目标\n二、三产业增加值占地区生产总值的比重达到80%。")
    fact = _fact(facts, "80")
    assert _measure(doc, fact) == Measure.SHARE
    assert fit_fact(frame_of(q, sig), sig, fact, doc.norm, "").conflict == "measure"


def test_of_two_figures_naming_as_much_the_one_naming_the_nouns_wins() -> None:
    # 办结 is shared by the series; 政协提案 names the second figure only
    doc, facts = _doc("2023年工作回顾\n全年办结人大代表建议96件、政协提案163件。")
    best, missed = judge(_frame(years=(2023,)), _sig("办结", "政协提案"), list(facts), doc.norm, "")
    assert not missed and best is not None and best.fact.value == "163"


def test_a_years_mean_level_is_no_average_over_years() -> None:
    doc, facts = _doc("三、2026年重点工作\n细颗粒物年均浓度控制在29微克/立方米左右。")
    fact = _fact(facts, "29")
    sig = Signals((Term("细颗粒物", 1.0),), (), "")
    frame = _frame(years=(2026,), unit="", kind="target")
    assert fit_fact(frame, sig, fact, doc.norm, "").conflict != "period"


def test_a_phrase_with_its_middle_word_swapped_is_another_metric() -> None:
    from answer.frame import swapped_word

    doc, facts = _doc("一、2013年工作回顾\n城镇登记失业率4.1%,城镇调查失业率5.0%。")
    sig = Signals((Term("城镇", 1.0), Term("调查", 1.0), Term("失业率", 1.0)), (), "%")
    frame = frame_of(parse_query("2013年城镇调查失业率是多少"), sig)
    assert frame.phrases == (("城镇", "调查", "失业率"),)
    assert swapped_word(frame, "城镇登记失业率") and not swapped_word(frame, "城镇调查失业率")
    written_out = Signals((Term("区级", 1.0), Term("科技人才", 1.0), Term("专项资金", 1.0)), (), "")
    funds = frame_of(parse_query("区级科技人才专项资金拨了多少"), written_out)
    assert funds.phrases and not swapped_word(funds, "拨付区级科技与人才专项资金")
    # a near-synonym in the middle is the same metric ("新进" ~ "入选")
    entered = Signals((Term("企业", 1.0), Term("新进", 1.0), Term("国家级", 1.0)), (), "")
    giants = frame_of(parse_query("有几家企业新进国家级名单"), entered)
    assert giants.phrases and not swapped_word(giants, "企业入选国家级名单")
    assert swapped_word(giants, "企业退出国家级名单")
    assert fit_fact(frame, sig, _fact(facts, "4.1"), doc.norm, "").conflict == "metric"
    assert not fit_fact(frame, sig, _fact(facts, "5.0"), doc.norm, "").conflict


def test_an_undated_parts_clause_the_facts_date_to_the_year_asked_is_of_it(qa) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from answer.frame import _dated_by_facts

    q = qa._expand(parse_query("余杭2023年新增国家高新技术企业多少家"))
    q, _, cands = qa._candidates(q, None, "hybrid", 12)
    top = next(c for c in cands if not re.search(r"(?:19|20)\d{2}年", c.clause.sent_norm))
    undated = replace(
        top, passage=replace(top.passage, section_year=None), year=-1, fact_kind="actual"
    )
    dated = _dated_by_facts(q, replace(undated, fact_year=2023))
    assert dated.year == 1 and dated.score > undated.score
    # a sentence writing a year was read by the clause's own checks: left as it was
    written = replace(
        undated, clause=replace(undated.clause, sent_norm="在2022年工作基础上,新增8家")
    )
    assert _dated_by_facts(q, replace(written, fact_year=2023)).year == -1
    # a figure of another year, or a part whose heading names its year, stays as it was
    assert _dated_by_facts(q, replace(undated, fact_year=2022)).year == -1
    headed = replace(undated, passage=replace(top.passage, section_year=2022), fact_year=2023)
    assert _dated_by_facts(q, headed).year == -1


def test_a_thing_named_with_xin_is_no_addition() -> None:
    # 新能源汽车, 新型研发机构 are things; 新建, 新认定 add them
    doc, facts = _doc("2023年工作总结\n新能源汽车保有量6.28万辆,新型研发机构12家,新建孵化器3家。")
    stock, things, built = (_fact(facts, v) for v in ("6.28", "12", "3"))
    assert _measure(doc, stock) != Measure.FLOW and _measure(doc, things) != Measure.FLOW
    assert _measure(doc, built) == Measure.FLOW
    asked = _frame(years=(), measure=Measure.STOCK, unit="")
    assert _fit(asked, doc, stock, "新能源", "汽车", "保有量") != "measure"


_TOTALS = (
    "甲市2024年政府工作报告\n一、2023年工作回顾\n"
    "居民人均可支配收入、城镇居民人均可支配收入、农村居民人均可支配收入三项增速"
    "分别为5.7%、4.5%和7.6%,均排全区第一,总量分别为33893元、42291元和21460元。\n"
)
_LOOK_BACK = (
    "甲省2011年政府工作报告\n一、过去五年回顾\n五年来经济平稳增长。\n"
    "三、2011年的工作\n2011年是开局之年。过去一年,我们的各项工作取得了很大成绩。"
    "城镇新增就业1168万人。今年城镇新增就业900万人以上。\n"
)


@pytest.mark.parametrize(
    ("text", "question", "answer"),
    [
        # a figure the facts table names, though its clause names nothing asked
        (_TOTALS, "甲市2023年城镇居民人均可支配收入是多少", "42291元"),
        (_TOTALS, "甲市2023年农村居民人均可支配收入是多少", "21460元"),
        # a look back inside a plan part answers the year before
        (_LOOK_BACK, "甲省2010年城镇新增就业多少人", "1168万人"),
    ],
)
def test_figures_the_facts_table_reads(
    qa_of_texts,  # type: ignore[no-untyped-def]
    text: str,
    question: str,
    answer: str,
) -> None:
    found = qa_of_texts({"a.txt": text}).ask(question)
    assert found.found and answer in found.answer


def test_a_growth_loses_to_a_level_when_the_question_asks_no_move() -> None:
    doc, facts = _doc("2024年工作安排\n全社会研发经费投入总量增长16%以上、强度达1.91%。")
    sig = Signals((Term("研发经费", 4.0), Term("强度", 4.0)), (), "%")
    level, _ = judge(_frame(unit="%"), sig, list(facts), doc.norm, "")
    assert level is not None and level.fact.value == "1.91"
    moved, _ = judge(_frame(unit="%", moves=True), sig, list(facts), doc.norm, "")
    assert moved is not None and moved.fact.value == "16"


def test_a_later_years_target_answers_no_earlier_years_figure() -> None:
    doc, facts = _doc("二、2037年工作安排\n力争全社会研发投入强度达1.91%。")
    target = _fact(facts, "1.91")
    assert (target.kind, target.year) == ("target", 2037)
    sig = ("研发投入强度",)
    assert _fit(_frame(years=(2036,), asked_years=(2036,), unit="%"), doc, target, *sig) == "year"
    assert _fit(_frame(years=(2037,), asked_years=(2037,), unit="%"), doc, target, *sig) == ""
    asked = _frame(years=(2036,), asked_years=(2036,), kind="target", unit="%")
    assert _fit(asked, doc, target, *sig) == ""  # a target asked
    # a year naming the document asks none of its figure
    assert _fit(_frame(years=(2036,), unit="%"), doc, target, *sig) == ""


def test_a_year_naming_the_document_is_no_year_of_its_figure() -> None:
    from retrieval.doc_years import asked_years
    from retrieval.query import Query

    def figure_years(q: Query) -> tuple[int, ...]:
        return asked_years(q.norm, q.doc_name, q.years)

    named = parse_query("2036年甲乙医疗器械揭榜挂帅申报指南里,数据库至少在几种产品上完成验证")
    assert figure_years(named) == ()
    asked = parse_query("甲省十四五教育规划里,2020年全省普惠性幼儿园覆盖率是多少")
    assert figure_years(asked) == (2020,)
    report = parse_query("甲市37年政府工作报告里,36年研发投入强度是多少")
    assert figure_years(report) == (2036,)
    from retrieval.parts import split_parts

    compared = parse_query("2036年甲乙医疗器械揭榜挂帅指南里,临床中心和数据中心分别至少做几个产品")
    assert all(figure_years(p) == () for p in split_parts(compared))  # each part's name says it


def test_a_part_of_the_year_does_not_answer_the_whole_year_asked() -> None:
    doc, facts = _doc("2024年政府工作报告\n前三季度,全市实现地区生产总值1995.5亿元、增长5.3%。")
    fact = _fact(facts, "1995.5")
    assert fact.period == "前三季度"
    whole = frame_of(parse_query("甲市2023年全年GDP是多少"), _sig("地区生产总值"))
    assert whole.whole_year
    assert fit_fact(whole, _sig("地区生产总值"), fact, doc.norm, "").conflict == "half"
    # a question writing no 全年 may take what the report gives
    plain = frame_of(parse_query("甲市2023年GDP是多少"), _sig("地区生产总值"))
    assert fit_fact(plain, _sig("地区生产总值"), fact, doc.norm, "").conflict != "half"


def test_a_figure_whose_clause_writes_only_its_noun_goes_on_from_the_one_before() -> None:
    from answer.clauses import clauses_of
    from answer.elliptic import elliptic_lead

    doc, facts = _doc("1993年报告\n五年共培养本科和专科毕业生584万人,研究生17.2万人。\n")
    first, second = _fact(facts, "584"), _fact(facts, "17.2")
    clause = next(c for c in clauses_of(doc.text, 0) if "研究生" in c.norm)
    lead = elliptic_lead([first], second, doc.norm, clause.start)
    assert "培养" in lead
    frame = _frame(unit="")
    sig = Signals((Term("五年", 1.0), Term("培养", 1.0), Term("研究生", 1.0)), (), "")
    alone = fit_fact(frame, sig, second, doc.norm, "")
    led = fit_fact(frame, sig, second, doc.norm, "", lead=lead)
    other = fit_fact(frame, sig, first, doc.norm, "")
    assert led.score > other.score > alone.score
    # …a noun the question does not ask borrows nothing
    asked = Signals((Term("五年", 1.0), Term("培养", 1.0), Term("本科", 1.0)), (), "")
    borrowed = fit_fact(frame, asked, second, doc.norm, "", lead=lead)
    assert borrowed.score == fit_fact(frame, asked, second, doc.norm, "").score
    # a clause with a verb of its own goes on from nothing
    doc2, facts2 = _doc("报告\n全市高新技术企业达到220家,专精特新中小企业达到46家。\n")
    clause2 = next(c for c in clauses_of(doc2.text, 0) if "专精特新" in c.norm)
    own = elliptic_lead([_fact(facts2, "220")], _fact(facts2, "46"), doc2.norm, clause2.start)
    assert own == ""
    # …nor one after a verb ("投入财政补助资金959.1万元"), nor a figure of another measure
    doc3, facts3 = _doc(
        "报告\n攻关项目12个,投入财政补助资金959.1万元。签约项目282个,合同投资额166.7亿元。\n"
    )
    for value in ("959.1", "166.7"):
        fact = _fact(facts3, value)
        at = next(c for c in clauses_of(doc3.text, 0) if value in c.norm).start
        before = [f for f in facts3 if f.value_start < fact.value_start]
        assert elliptic_lead(before, fact, doc3.norm, at) == ""


def test_a_bare_figure_states_what_its_series_does() -> None:
    from answer.clauses import clauses_of
    from answer.elliptic import elliptic_lead, series_measure
    from answer.measures import Measure

    # made-up: a series of levels reached, then one of additions
    doc, facts = _doc(
        "报告\n甲乙工业企业达1432家,丙丁企业149家,高新技术企业310家。"
        "新增高新技术企业60家,科技型中小企业500家。"
        "新增高新技术企业认定52家,有效期内高新技术企业91家。\n"
    )

    def measure(value: str) -> Measure:
        fact = _fact(facts, value)
        at = next(c for c in clauses_of(doc.text, 0) if value in c.norm).start
        before = [f for f in facts if f.sent_start == fact.sent_start and f.start < fact.start]
        return series_measure(before, fact, doc.norm, elliptic_lead(before, fact, doc.norm, at))

    assert measure("310") == Measure.STOCK  # through 149家, bare too, to 达1432家
    assert measure("500") == Measure.FLOW
    assert measure("60") == Measure.ANY  # a clause of words of its own says its own
    assert measure("91") == Measure.ANY  # the thing before named again: told apart from it
    stock = _fact(facts, "310")
    frame = frame_of(parse_query("甲市全年新认定了多少家高新技术企业"), _sig("高新技术企业"))
    sig = _sig("高新技术企业")
    assert fit_fact(frame, sig, stock, doc.norm, "", series=Measure.STOCK).conflict == "measure"


def test_of_one_clauses_figures_the_one_naming_what_is_counted_wins() -> None:
    # "甲行动重大项目" names more of the question, but 技术 is what "…重大技术多少项" counts
    doc, facts = _doc("2025年工作回顾\n实施科技甲乙行动重大项目82个、突破重大技术102项。")
    sig = Signals(
        tuple(Term(t, 2.0) for t in ("科技", "甲乙", "行动", "突破", "重大", "技术")), (), "count"
    )
    counted = judge(_frame(counted="技术"), sig, list(facts), doc.norm, "")[0]
    assert counted is not None and counted.fact.value == "102"
    uncounted = judge(_frame(), sig, list(facts), doc.norm, "")[0]
    assert uncounted is not None and uncounted.fact.value == "82"
    q = parse_query("甲乙行动突破的重大技术,2024年和2025年各是多少项")
    asked = Signals((Term("重大", 2.0), Term("技术", 2.0)), (), "count")
    assert frame_of(q, asked).counted == "技术"
    # a measure weighs, counts nothing ("产量多少万吨": 碳酸锂 is what is weighed)
    weighed = parse_query("甲省25年碳酸锂产量多少万吨")
    assert frame_of(weighed, Signals((Term("产量", 2.0),), (), "万吨")).counted == ""


def test_a_level_at_a_years_end_is_a_total() -> None:
    sig = _sig("甲类企业")
    at_end = parse_query("甲市到2023年底甲类企业有多少家")
    assert frame_of(at_end, sig).measure == Measure.STOCK
    assert frame_of(parse_query("截至年末甲类企业有多少家"), sig).measure == Measure.STOCK
    # additions counted up to it are still additions
    assert frame_of(parse_query("截至2023年底新增甲类企业多少家"), sig).measure == Measure.FLOW


def test_of_a_base_and_its_part_the_figure_doing_what_is_asked_answers() -> None:
    # made-up: "a base of N, of which M did X" asked "how many did X"
    doc, facts = _doc("2022年工作总结\n全县60个拟搬迁村有45个完成搬迁任务,占拟搬迁村总数的75%。")
    q = parse_query("2022年拟搬迁的村有多少个完成了搬迁")
    sig = Signals((Term("搬迁", 1.0), Term("村", 1.0)), (), "count")
    frame = frame_of(q, sig)
    assert frame.done == "完成"
    best, _ = judge(frame, sig, [f for f in facts if f.unit == "个"], doc.norm, "")
    assert best is not None and best.fact.value == "45"


def test_a_figure_after_its_reports_whole_area_is_no_figure_of_a_city_asked() -> None:
    doc, facts = _doc(
        "浙江省政府工作报告\n一、回顾\n预计全省研发经费支出约3000亿元,高新技术企业约4.3万家,"
        "杭州等城市创新指数居全国前列。\n全省新增高新技术企业5000家,其中杭州市新增2000家。\n"
    )
    frame = _frame(regions=("杭州市",))
    sig = _sig("高新技术企业")
    province = fit_fact(frame, sig, _fact(facts, "4.3"), doc.norm, "浙江省")
    assert province.conflict == "region"
    # the city named before its figure is the city's own
    city = fit_fact(frame, sig, _fact(facts, "2000"), doc.norm, "浙江省")
    assert city.conflict != "region"
