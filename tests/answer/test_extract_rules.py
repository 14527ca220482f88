"""answer.extract: rank clauses and figure spans on made-up sentences."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from answer.clause_subject import RANK_CLAUSE
from answer.clauses import clauses_of
from answer.spans import qualified
from corpus.normalize import normalize
from retrieval.query import parse_query


def test_a_scope_followed_by_a_place_number_is_a_rank() -> None:
    assert RANK_CLAUSE.search("总量全市第2")
    assert RANK_CLAUSE.search("稳居全省第三")
    assert not RANK_CLAUSE.search("全市新增企业2家")


def test_a_figure_keeps_the_word_that_bounds_it() -> None:
    norm = normalize("入库150家以上,产值突破140亿元。")
    at = norm.index("150家") + len("150家")
    assert norm[slice(*qualified(norm, (norm.index("150"), at)))] == "150家以上"
    end = norm.index("140亿元") + len("140亿元")
    assert qualified(norm, (norm.index("140"), end)) == (norm.index("140"), end)


def test_a_units_other_name_in_brackets_goes_with_it() -> None:
    norm = normalize("总量达到60万套（间）。")
    at = norm.index("60万套") + len("60万套")
    assert norm[slice(*qualified(norm, (norm.index("60"), at)))] == "60万套(间)"


def test_a_bound_set_in_two_measures_is_one_answer() -> None:
    norm = normalize("合计不少于240小时或1000公里的道路测试,或者3个批次。")
    at = norm.index("240小时") + len("240小时")
    assert norm[slice(*qualified(norm, (norm.index("240"), at)))] == "240小时或1000公里"
    plain = normalize("测试240小时或更长")  # no figure after 或: the figure alone
    end = plain.index("小时") + 2
    assert qualified(plain, (plain.index("240"), end)) == (plain.index("240"), end)


def test_a_rank_within_another_scope_does_not_answer() -> None:
    from answer.scope_fit import other_scope

    assert other_scope("甲区专利总量在全省排第几", "排位冲进全市前3")
    assert not other_scope("甲区专利总量在全省排第几", "冲进全市前3、全省前20")
    assert not other_scope("甲区专利总量排第几", "冲进全市前3")
    # a place names the scope a rank is within: not the country asked
    assert other_scope("吞吐量居全国同类港口第1的是哪个市", "吞吐量位居广西内河港口第一")
    assert not other_scope("吞吐量居全国同类港口第1的是哪个市", "吞吐量居全国同类港口第1")


def test_a_year_inside_a_documents_title_is_not_the_sentences_time() -> None:
    from answer.clause_time import year_signal
    from corpus.model import Document, Passage

    sent = normalize("制订《甲区企业行动计划(2021-2025年)》,将160家企业列入培育库")
    doc = Document(doc_id="d", text=sent, norm=sent, title="", region="", years=(2021,))
    passage = Passage(
        pid="d#0",
        doc_id="d",
        text=sent,
        start=0,
        end=len(sent),
        section="",
        section_year=2021,
        section_kind="actual",
    )
    q = parse_query("甲区2021年进培育库的企业有多少家")
    assert year_signal(q, passage, doc, sent) == 1
    later = normalize("2025年将160家企业列入培育库")
    assert year_signal(q, passage, doc, later) == -1  # a later year named outside a title
    # in the 2021 review, "2020年度" says whose figures these are
    fiscal = normalize("2020年度全区602家企业享受加计扣除减免额达4.66亿元")
    assert year_signal(q, passage, doc, fiscal) == -1
    assert year_signal(q, passage, doc, normalize("比2020年度增长8%,160家企业入库")) == 1
    # …but a year whose reviews are carried out now is no figure's year
    review = normalize("开展2020年度绩效考核工作,将160家企业列入培育库")
    assert year_signal(q, passage, doc, review) == 1


def test_a_per_head_figure_does_not_answer_the_total() -> None:
    from answer.asked_thing import per_head_only
    from answer.signals import Signals, Term

    sig = Signals((Term("地区生产总值", 4.0),), (), "money")
    per_head = normalize("人均生产总值由14112元提高到26024元")
    both = normalize("生产总值1800亿元,人均生产总值2.6万元")
    assert per_head_only("甲市2016年生产总值是多少", sig, per_head)
    assert not per_head_only("甲市2016年人均生产总值是多少", sig, per_head)
    assert not per_head_only("甲市2016年生产总值是多少", sig, both)
    per_unit = normalize("资源节约集约利用扎实推进,单位GDP能耗降低4.3%")
    assert per_head_only("甲市2016年GDP增长了多少", sig, per_unit)  # energy per unit of it
    # a question asking no figure asks no total: "申报单位网上填报" is no 单位网上
    online = Signals((Term("网上", 4.0), Term("填报", 4.0)), (), "", wants_quantity=False)
    filing = normalize("项目申报单位网上填报预申报书的受理时间为:2019年7月10日")
    assert not per_head_only("哪份通知规定网上填报的受理时间", online, filing)


def test_a_pledge_in_a_section_of_no_kind_does_not_answer_an_actual() -> None:
    from answer.extract import Candidate, fits
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from corpus.model import Passage

    text = "甲市推进示范企业研发活动,力争规上企业研发覆盖率达20%以上。规上企业研发覆盖率为12%。"
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    sig = Signals((Term("研发覆盖率", 4.0),), (), "%", (), True)

    def fitting(phrase: str, question: str) -> bool:
        clause = next(c for c in clauses_of(doc.text, 0) if phrase in c.norm)
        cand = Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 0, True, 1)
        return fits(parse_query(question), sig, cand)

    assert not fitting("力争", "甲市规上企业研发覆盖率是多少")
    assert fitting("为12%", "甲市规上企业研发覆盖率是多少")
    assert fitting("力争", "甲市规上企业研发覆盖率目标是多少")


def test_a_pledge_in_a_plan_part_does_not_answer_what_was_done() -> None:
    from answer.extract import Candidate, fits
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from corpus.model import Passage

    text = "力争认定高新技术企业50家。新增省级专精特新企业20家。"
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", 2037, "plan")
    sig = Signals((Term("高新技术企业", 4.0),), (), "count", (), True)

    def fitting(question: str) -> bool:
        clause = next(c for c in clauses_of(doc.text, 0) if "力争" in c.norm)
        cand = Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, True, 1)
        return fits(parse_query(question), sig, cand)

    # the year's plan pledges 50: how many were recognised, no plan says
    assert not fitting("甲市2037年新认定高新技术企业多少家")
    # …what it pledged, or proposed, it says
    assert fitting("甲市2037年高新技术企业认定目标是多少家")
    assert fitting("甲市2037年报告提出认定高新技术企业多少家")


def test_a_sentence_opening_on_a_year_dates_the_sentences_after_it() -> None:
    from answer.clause_time import paragraph_year

    text = "前言。\n到2037年,甲取得成效。建成15个工厂。到2040年,乙完成改造。形成20个集群。\n下段。"
    assert paragraph_year(text, text.index("建成15")) == {2037}
    assert paragraph_year(text, text.index("形成20")) == {2040}  # the latest opening counts
    assert paragraph_year(text, text.index("下段")) == set()  # a new paragraph
    assert paragraph_year("比2037年,增长5%。", 8) == set()  # a year inside a sentence
    staged = "第一阶段到2037年,形成体系。制修订100项标准。第二阶段到2040年,全面形成。制修订140项。"
    assert paragraph_year(staged, staged.index("制修订100")) == {2037}
    assert paragraph_year(staged, staged.index("制修订140")) == {2040}


def test_bulleted_paragraphs_are_of_the_deadline_their_lead_opens_on() -> None:
    from answer.clause_time import paragraph_year

    text = (
        "分三步走:\n第一步,到2037年甲总体水平同步。\n--甲理论取得进展。\n--甲产业规模超过1500亿元。\n"
        "第二步,到2040年甲理论实现突破。\n--甲产业规模超过4000亿元。\n结语。"
    )
    assert paragraph_year(text, text.index("1500亿")) == {2037}  # past a bullet before it
    assert paragraph_year(text, text.index("4000亿")) == {2040}
    assert paragraph_year(text, text.index("结语")) == set()  # no bullet: its own paragraph
    titled = "到2037年,甲取得显著成效。\n普及水平显著提升。重点行业打造150个场景。\n结语。"
    assert paragraph_year(titled, titled.index("150个")) == {2037}  # a point titled of its own
    plain = "前言说明工作。\n--甲产业规模超过4000亿元。"
    assert paragraph_year(plain, plain.index("4000亿")) == set()  # a lead naming no deadline
    # a text set on one line: a section's sentences are dated from its heading on
    one_line = "二、目标。到2025年,基本建成。 三、2021年主要任务 新建5G基站8000个。"
    at = one_line.index("新建5G")
    assert paragraph_year(one_line, at) == {2025}
    assert paragraph_year(one_line, at, one_line.index("三、")) == set()
    spaced = "2037 年,拟发布1项指南,拟安排经费5000 万元。"  # a PDF text layer's spacing
    assert paragraph_year(spaced, spaced.index("拟安排")) == {2037}


def test_in_the_document_a_question_names_its_name_words_are_its_context() -> None:
    # an untitled plan named by what it is about: the clause need not repeat the name
    from answer.extract import score_clauses
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from retrieval.model import Hit

    doc = parse_text(
        "为推动甲乙装备制造业数字化转型,制定本方案。\n一、总体要求\n"
        "到2037年,甲乙装备制造业数字化转型取得成效。建成15个左右国家级示范工厂。\n",
        "docs/x.txt",
    )
    q = parse_query("甲乙装备数字化转型方案到2037年要建成多少个国家级示范工厂")
    assert q.doc_name
    sig = Signals(tuple(Term(t, 1.0) for t in ("甲乙", "装备", "转型", "国家级", "工厂")), (), "")
    hits = [Hit(p, 1.0, i + 1) for i, p in enumerate(doc.passages)]
    best = next(
        c for c in score_clauses(q, sig, hits, {doc.doc_id: doc}) if "15个" in c.clause.norm
    )
    assert best.context_cov == 1.0 and best.year == 1
    # another year asked: the paragraph's own year says no, whatever its section's
    later = parse_query("甲乙装备数字化转型方案到2040年要建成多少个国家级示范工厂")
    other = next(
        c for c in score_clauses(later, sig, hits, {doc.doc_id: doc}) if "15个" in c.clause.norm
    )
    assert other.year == -1


def test_a_clause_holds_the_names_a_question_quotes() -> None:
    from types import SimpleNamespace

    from answer.extract import quotes_all
    from answer.signals import Signals

    quoted = Signals((), (), "", ("加快建设高水平大学",))
    item = SimpleNamespace(clause=SimpleNamespace(norm="2.加快建设高水平大学"))
    other = SimpleNamespace(clause=SimpleNamespace(norm="(责任单位:市教育局)"))
    assert quotes_all(quoted, item) and not quotes_all(quoted, other)  # type: ignore[arg-type]
    assert not quotes_all(Signals((), (), ""), item)  # type: ignore[arg-type]  # none quoted


def test_a_quoted_name_is_held_whatever_the_spaces() -> None:
    from answer.named_words import holds_quoted

    assert holds_quoted("形成“一个平台+ n 个智能应用”模式", ("一个平台+n个智能应用",))
    assert not holds_quoted("形成“一个平台”模式", ("一个平台+n个智能应用",))


def test_a_provinces_report_speaks_of_a_city_only_where_its_sentence_names_it() -> None:
    from answer.extract import score_clauses
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from retrieval.model import Hit

    doc = parse_text(
        "湖南省示范工作报告\n一、工作回顾\n"
        "全省示范企业达1.5万家。长沙高新区入选示范园区,长沙示范企业达7000家。\n",
        "docs/p.txt",
    )
    assert doc.region == "湖南省"
    q = parse_query("长沙示范企业有多少家")
    sig = Signals((Term("示范企业", 1.0),), (), "count")
    hits = [Hit(p, 1.0, i + 1) for i, p in enumerate(doc.passages)]
    cands = score_clauses(q, sig, hits, {doc.doc_id: doc})
    region = {c.clause.norm: c.region for c in cands}
    assert region["全省示范企业达1.5万家"] == -1
    assert region["长沙示范企业达7000家"] == 1


def test_a_bare_figure_counts_what_the_nearest_amount_before_it_counts() -> None:
    # "同比增长58%" two clauses after "30项成果获…奖"; a share names the whole, not the part
    from answer.extract import score_clauses
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from retrieval.model import Hit

    doc = parse_text(
        "甲区工作总结\n一、2023年工作总结\n"
        "30项成果获省科学技术奖,数量创历史新高,同比增长58%。"
        "新增8家科技小巨人企业,同比增长300%,占全市总认定数的21.62%。\n",
        "docs/a.txt",
    )
    hits = [Hit(p, 1.0, i + 1) for i, p in enumerate(doc.passages)]

    def local(question: str, words: tuple[str, ...], clause: str) -> float:
        sig = Signals(tuple(Term(t, 1.0) for t in words), (), "%")
        cands = score_clauses(parse_query(question), sig, hits, {doc.doc_id: doc})
        return next(c.local_cov for c in cands if c.clause.norm == clause)

    assert local("获奖成果同比增长多少", ("科学技术奖", "成果"), "同比增长58%") == 1.0
    share = local("新增科技小巨人占比多少", ("科技小巨人", "新增"), "占全市总认定数的21.62%")
    assert share == 1.0
    # the amount before stops the look back: the growth of 小巨人 is not the awards'
    assert local("获奖成果同比增长多少", ("科学技术奖", "成果"), "同比增长300%") == 0.0


def test_a_comma_separating_thousands_splits_no_clause() -> None:
    found = [c.norm for c in clauses_of("粮食产量将要达到３，９８９亿斤，比上年增长８．４％。", 0)]
    assert found == ["粮食产量将要达到3,989亿斤", "比上年增长8.4%"]
    assert [c.norm for c in clauses_of("新增12家,345人参加。", 0)] == ["新增12家", "345人参加"]


def test_a_year_a_sentence_builds_on_is_not_its_time() -> None:
    from answer.clause_time import year_signal
    from corpus.model import Document, Passage

    sent = normalize("在2021年工作基础上,继续开展示范行动,将行动范围扩大至14个城市")
    doc = Document(doc_id="d", text=sent, norm=sent, title="", region="", years=(2022,))
    passage = Passage(
        pid="d#0", doc_id="d", text=sent, start=0, end=len(sent), section="", section_year=None
    )
    assert year_signal(parse_query("2021年示范行动覆盖了多少个城市"), passage, doc, sent) == -1


def test_a_document_named_by_its_title_is_the_untitled_one_about_it() -> None:
    from answer.named_words import titled_as
    from corpus.document import parse_text

    text = "智能制造典型场景是智能工厂的基本组成单元,本文凝练了40个典型场景。\n一、范围\n"
    doc = parse_text(text, "docs/policy-v.txt")
    q = normalize("《智能制造典型场景参考指引》一共凝练了多少个场景")
    assert titled_as(q, "智能制造典型场景参考指引", doc)
    assert not titled_as(q, "工业互联网平台建设指南", doc)
    assert not titled_as(normalize("“智能制造典型场景参考指引”"), "智能制造典型场景参考指引", doc)


def test_an_untitled_document_calling_itself_by_the_kind_and_writing_the_name_is_it() -> None:
    from answer.named_words import titled_as
    from corpus.document import parse_text

    filler = "加强基础研究,完善支撑体系,营造良好环境。" * 25  # (past the opening)
    body = f"甲乙技术的迅速发展将深刻改变世界。为抢抓机遇,制定本规划。\n一、总体要求\n{filler}\n"
    own = parse_text(body + "新一代甲乙技术发展规划是关系全局的谋划。\n", "docs/policy-p.txt")
    q = normalize("国务院《新一代甲乙技术发展规划》提出到2025年产业规模超过多少")
    assert titled_as(q, "新一代甲乙技术发展规划", own)
    # a document citing it, in marks or not, calling itself otherwise, is not it
    cites = body.replace("本规划", "本方案") + "落实新一代甲乙技术发展规划的重大举措。\n"
    assert not titled_as(q, "新一代甲乙技术发展规划", parse_text(cites, "docs/policy-c.txt"))
    marked = body + "落实《新一代甲乙技术发展规划》的部署要求。\n"
    assert not titled_as(q, "新一代甲乙技术发展规划", parse_text(marked, "docs/policy-m.txt"))


def test_a_year_naming_an_honour_is_not_the_sentences_time() -> None:
    from answer.clause_time import year_signal
    from corpus.model import Document, Passage

    sent = normalize("指导5家企业成果获评2020年度省科学技术奖,其中乙公司项目获省科技进步二等奖")
    doc = Document(doc_id="d", text=sent, norm=sent, title="", region="", years=(2021,))
    passage = Passage("d#0", "d", sent, 0, len(sent), "", 2021, "actual")
    asked = parse_query("甲区21年哪家企业拿到了省科技进步二等奖")
    assert year_signal(asked, passage, doc, sent) == 1
    # …and the honour's year asked is that sentence's
    assert year_signal(parse_query("2020年度省科学技术奖甲区有几项"), passage, doc, sent) == 1
    listed = normalize("我区获评2020年全国科普工作先进单位,新增企业5家")
    assert year_signal(parse_query("甲区2021年获得哪些荣誉"), passage, doc, listed) == 1
    # a year the figures are of stays theirs
    fiscal = normalize("2020年度全区602家企业享受加计扣除减免额达4.66亿元")
    assert year_signal(parse_query("甲区2021年加计扣除减免额多少"), passage, doc, fiscal) == -1


def test_what_was_done_is_answered_by_a_plan_part_only_as_a_figure_reached() -> None:
    # "新增了多少" asks what was done: a plan part's figure answers only when the facts
    # table reads it as reached in the year asked
    from answer.extract import Candidate, fits
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from corpus.model import Passage

    doc = parse_text("二、2037年工作安排\n今年甲类投资安排5000亿元。\n", "t.txt")
    start = doc.text.index("今年")
    passage = Passage("t.txt#0", "t.txt", doc.text[start:], start, len(doc.text), "", None, "plan")
    sig = Signals((Term("甲类投资", 4.0),), (), "元", (), True)
    clause = next(c for c in clauses_of(passage.text, start) if "5000" in c.norm)

    def fitting(question: str, fact_kind: str = "", fact_year: int | None = None) -> bool:
        cand = Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 0, True, 1)
        cand = replace(cand, fact_kind=fact_kind, fact_year=fact_year)
        return fits(parse_query(question), sig, cand)

    assert not fitting("甲类投资37年新增了多少")
    # a figure the facts table reads as achieved answers what was done, in a plan part too
    assert fitting("甲类投资37年新增了多少", fact_kind="actual")
    # …of the year asked: one the plan part recalls from the year before does not
    assert not fitting("甲类投资37年新增了多少", fact_kind="actual", fact_year=2036)
    # what a document the question names did is what it writes, its plan included
    assert fitting("2037年政府工作报告把甲类投资提到了多少")


def test_a_description_of_a_document_fits_the_document_whose_body_holds_it() -> None:
    from corpus.document import parse_text
    from retrieval.naming import described_in, document_name, names_document

    doc = parse_text(
        "各有关单位:\n现将有关事项通知如下。\n" + "一、背景\n" + "甲乙工作持续推进。" * 30 + "\n"
        "二、现状\n依据《丙丁电子政务规划》,编制甲乙法院信息化五年规划。建成戊类法庭900个。\n",
        "t.txt",
    )
    name = document_name(
        normalize("那份依据丙丁电子政务规划编的甲乙法院信息化五年规划里,戊类法庭有多少个")
    )
    assert name
    assert not names_document(name, doc)  # neither its title nor its opening says it
    assert described_in(name, doc)
    other = parse_text("甲乙工作要点\n一、任务\n推进己庚建设。\n", "o.txt")
    assert not described_in(name, other)


def test_a_sentence_opening_on_another_deadline_is_of_that_year() -> None:
    from answer.clause_time import year_signal
    from corpus.document import parse_text
    from corpus.model import Passage

    doc = parse_text("(三)建设目标\n到2038年,累计制修订150项以上甲乙标准。\n", "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", 2039, "plan")
    q = parse_query("甲乙标准体系建设指南里,到2039年累计要制修订多少项甲乙标准")
    assert year_signal(q, passage, doc, normalize("到2038年,累计制修订150项以上甲乙标准")) == -1
    spaced = normalize("到 2038 年，制定 30 项以上甲乙标准")  # a PDF text layer's spacing
    assert year_signal(q, passage, doc, spaced) == -1
    assert year_signal(q, passage, doc, normalize("到2039年,累计制修订300项以上甲乙标准")) == 1


def test_a_place_an_untitled_report_opens_on_is_the_place_of_its_sentences() -> None:
    from corpus.document import parse_text

    text = (
        "2037年5月17日,第九届甲乙大会丙丁论坛在丽江举行。工业和信息化部司长出席并致辞,"
        "全国各地代表参加。\n本次论坛是甲乙大会分论坛之一,共有超过200位来自各地的专家参加。\n"
    )
    assert parse_text(text, "docs/x.txt").region == "全国"  # a ministry's news: the country's
    cands = _scored(
        text,
        "第九届甲乙大会期间在丽江开的丙丁论坛,参会的专家有多少位",
        ("丙丁", "论坛", "专家"),
        "人",
    )
    assert next(c for c in cands if "200" in c.clause.norm).region >= 0


def test_a_year_opening_a_run_of_semicolon_sentences_dates_each_of_them() -> None:
    text = (
        "各位代表:到2040年,甲乙工程全面建成。2037年全市主要预期目标是:生产总值增长5%左右;"
        "城镇新增就业3.7万人;居民消费价格涨幅3%左右。"
    )
    cands = _scored(text, "甲市37年城镇新增就业目标多少", ("城镇", "新增", "就业"))
    assert next(c for c in cands if "3.7" in c.clause.norm).year == 1


def test_in_a_series_of_years_each_clause_is_of_its_own_year() -> None:
    from answer.extract import fits
    from answer.signals import Signals, Term

    text = (
        "一、当前形势\n集体分配平均每人在三百元以上的甲乙队,2037年有一千六百二十二个,"
        "2038年增加到五千五百六十九个。\n"
    )
    question = "2038年集体分配人均300元以上的甲乙队有多少个"
    cands = _scored(text, question, ("集体", "分配", "甲乙"), "count")
    before = next(c for c in cands if "一千六百" in c.clause.norm)
    asked = next(c for c in cands if "五千五百" in c.clause.norm)
    assert before.year == -1 and asked.year == 1
    assert asked.local_cov > 0  # the metric two clauses back counts for it
    sig = Signals(tuple(Term(t, 2.0) for t in ("集体", "分配", "甲乙")), (), "count")
    q = parse_query(question)
    assert fits(q, sig, asked) and not fits(q, sig, before)


def test_a_part_of_the_report_named_by_its_year_leaves_the_figures_year_to_its_sentence() -> None:
    from answer.clause_time import year_signal
    from corpus.document import parse_text
    from corpus.model import Passage
    from retrieval.metadata import year_fit

    doc = parse_text("一、2037年的成就\n计划草案拟定,甲乙总产值增长百分之十一左右。\n", "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", 2037, "")
    q = parse_query("37年那份政府工作报告里,38年甲乙总产值计划增长多少")
    assert (q.years, q.doc_years) == ((2038,), (2037,))
    sent = normalize("计划草案拟定,甲乙总产值增长百分之十一左右。")
    assert year_signal(q, passage, doc, sent) == 0
    assert year_fit(q, passage, doc, sent) == 0
    other = parse_query("甲市38年甲乙总产值计划增长多少")  # no report named: another year's part
    assert year_signal(other, passage, doc, sent) == -1


def test_a_clause_naming_an_assessments_year_is_of_the_sentences_time() -> None:
    from answer.clause_time import _CLAUSE_YEAR

    assert _CLAUSE_YEAR.findall("开展3家甲乙中心2036年度绩效考核工作") == []
    assert _CLAUSE_YEAR.findall("2036年有一千六百二十二个") == ["2036"]
    assert _CLAUSE_YEAR.findall("比2036年增长5%") == []


def _scored(text: str, question: str, terms: tuple[str, ...], unit: str = "") -> list[Any]:
    """Every clause of a made-up document scored for a question with the given terms."""
    from answer.extract import score_clauses
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from retrieval.model import Hit

    doc = parse_text(text, "docs/x.txt")
    sig = Signals(tuple(Term(t, 2.0) for t in terms), (), unit)
    hits = [Hit(p, 1.0, i + 1) for i, p in enumerate(doc.passages)]
    return score_clauses(parse_query(question), sig, hits, {doc.doc_id: doc})


def test_a_figure_given_for_another_kind_its_sentence_names_does_not_fit() -> None:
    # "获批的…技术创新中心…,于获批次年给予国家级500万元": a grant for another kind of centre
    from answer.extract import fits
    from answer.signals import Signals, Term

    text = (
        "甲园区支持政策\n一、强化技术支撑\n园区内获批的国家级、省级技术创新中心、重点实验室等,"
        "于获批次年分别给予建设单位国家级500万元、省级100万元的奖励。\n"
    )
    q = parse_query("甲园区企业获批国家级制造业创新中心奖励多少钱")
    term = Term("制造业创新中心", 2.0, (), ("制造业", "创新", "中心"), (1.0,) * 7)
    sig = Signals((Term("国家级", 2.0), term, Term("奖励", 2.0)), (), "money")
    cands = [
        c for c in _scored(text, q.text, ("国家级", "奖励"), "money") if "500万元" in c.clause.norm
    ]
    assert cands and not any(fits(q, sig, c) for c in cands)
    from answer.kinds import other_kind

    # the clause alone names no kind; its sentence names another
    assert not other_kind(sig, cands[0].clause.norm) and other_kind(sig, cands[0].clause.sent_norm)
    # the kind asked written in the sentence: the figure may answer
    asked = text.replace("技术创新中心", "制造业创新中心")
    ok = [
        c for c in _scored(asked, q.text, ("国家级", "奖励"), "money") if "500万元" in c.clause.norm
    ]
    assert ok and not other_kind(sig, ok[0].clause.sent_norm)


def test_a_grant_at_other_levels_or_for_another_centre_does_not_answer_the_level_asked() -> None:
    # "省、市级…,分别给予200万元、50万元": nothing at the 国家级 asked, nor in what the
    # sentence grants after it ("国家、省、市工业设计中心分别给予100万元…": another centre)
    from answer.extract import fits
    from answer.signals import Signals, Term

    text = (
        "甲园区支持政策\n一、鼓励平台建设\n对园区内企业获准建设的省、市级制造业创新中心,分别给予"
        "200万元、50万元奖励;园区内新认定的国家、省、市工业设计中心分别给予100万元、50万元、"
        "30万元奖励。\n"
    )
    q = parse_query("甲园区企业获批国家级制造业创新中心奖励多少钱")
    term = Term("制造业创新中心", 2.0, (), ("制造业", "创新", "中心"), (1.0,) * 7)
    sig = Signals((Term("国家级", 2.0), term, Term("奖励", 2.0)), (), "money")
    cands = [c for c in _scored(text, q.text, ("国家级", "制造业创新中心", "奖励"), "money")]
    assert cands and not any(fits(q, sig, c) for c in cands)
    # the level asked among those the sentence grants at: its figure may answer
    provincial = parse_query("甲园区企业获批省级制造业创新中心奖励多少钱")
    sig = Signals((Term("省级", 2.0), term, Term("奖励", 2.0)), (), "money")
    cands = _scored(text, provincial.text, ("省级", "制造业创新中心", "奖励"), "money")
    assert any(fits(provincial, sig, c) for c in cands if "200万元" in c.clause.norm)


def test_a_policy_named_by_its_quoted_short_name_and_kind_is_that_policy() -> None:
    from answer.named_words import nicknamed_as
    from corpus.document import parse_text

    doc = parse_text(
        "《医疗保障基金知识库、规则库管理办法(试行)》已经审议通过。\n"
        "第十八条 医疗保障部门以“两库”为依托,开展审核。\n",
        "t.txt",
    )
    question = normalize("医保局那个“两库”管理办法(试行),是第几次局长办公会审议通过的")
    assert nicknamed_as(question, "两库", doc)
    # the name quoted without a kind names no document; nor one whose text lacks it
    assert not nicknamed_as(normalize("“两库”是什么"), "两库", doc)
    assert not nicknamed_as(normalize("“三库”管理办法"), "三库", doc)
    # the quoted name may stand inside a longer description of what the document does
    policy = parse_text(
        "推进甲省产业与人工智能融合,制定本指导意见。\n加大对“十强”产业的投入。\n", "s.txt"
    )
    asked = normalize("甲省推进“十强”产业和人工智能融合的指导意见里,平台培育多少家")
    assert nicknamed_as(asked, "十强", policy)


def test_a_day_is_no_year_a_figure_is_of() -> None:
    from answer.clause_time import year_signal
    from corpus.model import Document, Passage

    sent = normalize("拟资助重点支持项目约6项,研究期限应填写2025年1月1日-2028年12月31日。")
    doc = Document(doc_id="d", text=sent, norm=sent, title="", region="", years=(2024,))
    passage = Passage("d#0", "d", sent, 0, len(sent), "五、2024年度资助计划", 2024, "plan")
    asked = parse_query("甲计划25年度指南里重点支持项目拟资助几项")
    assert year_signal(asked, passage, doc, sent) == -1  # the section's 2024, not the term's day
    # …but a figure counted up to a day is of its year
    upto = normalize("截至2025年6月30日,累计资助项目36项。")
    assert year_signal(asked, passage, doc, upto) == 1


def test_a_document_writing_no_year_sets_no_target_for_the_year_asked(
    qa_of_texts,  # type: ignore[no-untyped-def]
) -> None:
    plan = "甲行业行动计划\n一、主要目标\n{}累计制修订30项以上甲行业智能制造标准。\n"
    qa = qa_of_texts({"a.txt": plan.format("通过三年的努力,")})
    assert not qa.ask("甲行业智能制造标准到2030年要制修订多少项").found


def test_a_document_writing_the_year_sets_its_target(
    qa_of_texts,  # type: ignore[no-untyped-def]
) -> None:
    plan = "甲行业行动计划\n一、主要目标\n{}累计制修订30项以上甲行业智能制造标准。\n"
    qa = qa_of_texts({"a.txt": plan.format("到2030年,")})
    found = qa.ask("甲行业智能制造标准到2030年要制修订多少项")
    assert found.found and "30项" in found.answer


def test_the_period_after_a_plans_name_asks_no_year_of_it(
    qa_of_texts,  # type: ignore[no-untyped-def]
) -> None:
    plan = "甲省服务业数字化转型行动方案\n一、主要目标\n服务业对经济增长贡献率达到60%以上。\n"
    qa = qa_of_texts({"a.txt": plan})
    found = qa.ask("甲省服务业数字化转型行动方案(2021—2023)里,服务业对经济增长的贡献要到多少?")
    assert found.found and "60%以上" in found.answer


def test_a_year_the_document_name_writes_tells_the_document_apart() -> None:
    from answer.extract import _names_its_year
    from corpus.model import Document

    q = parse_query("2031年示范医疗器械方向的揭榜挂帅申报指南里,数据库要求至少在几种产品上验证?")
    assert q.doc_name and q.years == (2031,)
    guide = Document(doc_id="g", text="", norm="", title="2031年示范申报指南", years=(2031, 2033))
    assert _names_its_year(q, guide)  # its figures may be of 2033
    other = Document(doc_id="o", text="", norm="", title="示范申报指南", years=(2030,))
    assert not _names_its_year(q, other)  # another year's guide
    asked = parse_query("示范医疗器械方向的揭榜挂帅申报指南里,2031年要求在几种产品上验证?")
    assert not _names_its_year(asked, guide)  # the year asked of the figure


def test_a_clause_naming_only_how_its_figure_moved_names_nothing_asked() -> None:
    from answer.clause_context import names_asked
    from answer.signals import Signals, Term, canon

    sig = Signals((Term("全社会研发经费", 4.0), Term("增长", 2.0)), (), "%")
    loans = canon(normalize("金融机构企业贷款余额达到1928亿元、增长10.2%"))
    assert not names_asked(sig, loans)  # its own metric, not the asked one
    assert names_asked(sig, canon(normalize("全社会研发经费增长12%")))


def test_who_issued_a_document_is_context_of_its_sentences(qa_of_texts: Any) -> None:
    rule = (
        "示范车辆道路测试规则\n甲部　乙部　丙部\n2031年5月1日\n"
        "第一条 测试主体应当购买保险。\n第二条 测试时间原则上不超过18个月。\n"
    )
    other = "示范车辆管理办法\n丁部\n2031年6月1日\n第一条 示范期原则上不超过24个月。\n"
    qa = qa_of_texts({"r.txt": rule, "o.txt": other})
    assert qa.index.heads["r.txt"].issuer.replace("\u3000", "") == "甲部乙部丙部"
    answer = qa.ask("甲部乙部丙部对测试时间原则上最长多久有规定吗,是多久")
    assert answer.found and "18个月" in answer.answer


def test_what_was_arranged_is_no_result_asked() -> None:
    from answer.extract import _ASKS_DONE

    assert _ASKS_DONE.search("去年实际新增了多少家")
    assert _ASKS_DONE.search("完成了多少")
    assert not _ASKS_DONE.search("今年中央财政科技投入安排了多少")


def _fitting(text: str, phrase: str, question: str, sig: object, fact_kind: str = "") -> bool:
    from dataclasses import replace

    from answer.extract import Candidate, fits
    from corpus.document import parse_text
    from corpus.model import Passage

    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    clause = next(c for c in clauses_of(doc.text, 0) if phrase in c.norm)
    cand = Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 0, True, 1)
    return fits(parse_query(question), sig, replace(cand, fact_kind=fact_kind))  # type: ignore[arg-type]


def test_a_result_in_a_part_of_no_kind_sets_no_target() -> None:
    from answer.signals import Signals, Term

    sig = Signals((Term("利润", 4.0),), (), "%")
    report = "各位代表:\n全年规模以上工业企业实现利润4657亿元,利润增长8.1%。力争利润增长10%。"
    question = "甲市全年利润增长预期目标是多少"
    assert not _fitting(report, "增长8.1%", question, sig, "actual")
    assert _fitting(report, "力争", question, sig, "target")
    # a policy's figure with no word of a target may well be one ("部署15个重点研究任务")
    assert _fitting(report.replace("各位代表:\n", ""), "增长8.1%", question, sig, "actual")


def test_a_figure_counting_another_thing_named_before_it_does_not_answer() -> None:
    from answer.asked_thing import counts_other
    from answer.signals import Signals, Term

    sig = Signals((Term("组织", 1.5), Term("重点项目", 4.0)), (), "count")
    assert counts_other(sig, normalize("组织推广优秀科技成果78项"))
    assert not counts_other(sig, normalize("组织实施重点项目12项"))
    assert not counts_other(sig, normalize("全年新增12项"))  # a bare figure names nothing
    assert not counts_other(sig, normalize("其中省级35项"))  # too short to be a thing
    # a total of the thing counted before it counts that thing too
    assert counts_other(sig, normalize("推广优秀科技成果78项、总数120项"))
    assert not counts_other(sig, normalize("组织实施重点项目12项、总数120项"))
    money = Signals((Term("重点项目", 4.0),), (), "money")
    assert not counts_other(money, normalize("对重点项目予以资助,最高资助2000万元"))
    # the head asked qualified otherwise counts another thing; the level asked is no thing
    platforms = Signals((Term("省级", 3.0), Term("科技创新平台", 4.0)), (), "count")
    assert counts_other(platforms, normalize("新增省级工业互联网平台4个"))
    assert not counts_other(platforms, normalize("新增省级科技创新服务平台4个"))
    assert not counts_other(platforms, normalize("新增省级科技创新平台4个"))


def test_a_head_qualified_otherwise_is_another_thing() -> None:
    from answer.asked_thing import qualified_otherwise

    assert qualified_otherwise("科技创新平台", "省级工业互联网平台")
    assert qualified_otherwise("新型研发机构", "企业研发机构")
    assert not qualified_otherwise("重点实验室", "全国重点实验室")  # the whole asked, qualified
    assert not qualified_otherwise("企业", "科技型中小企业")  # the head alone asked
    assert not qualified_otherwise("科技创新平台", "科技创新服务平台")  # alike words before it


def test_a_clause_ends_at_a_mark_but_not_inside_a_number_or_a_clocks_time() -> None:
    from answer.clauses import clauses_of

    text = "受理时间为:2019年7月10日8:00至8月9日16:00,共1,235项。"
    assert [c.norm for c in clauses_of(text, 0)] == [
        "受理时间为",
        "2019年7月10日8:00至8月9日16:00",
        "共1,235项",
    ]


def test_a_document_named_by_its_title_is_the_untitled_one_whose_opening_states_its_aim() -> None:
    from answer.named_words import titled_as
    from corpus.document import parse_text

    text = (
        "内河船舶是航行于内河水域的船舶,具有运能大、能耗低等优势。为落实有关要求,"
        "加快甲乙船舶绿色智能发展,提出如下意见。\n一、总体要求\n"
    )
    doc = parse_text(text, "docs/policy-w.txt")
    q = normalize("《关于加快甲乙船舶绿色智能发展的意见》要求实施方案报给哪个单位")
    assert titled_as(q, "关于加快甲乙船舶绿色智能发展的意见", doc)
    other = normalize("《关于加快丙丁船舶绿色智能发展的意见》要求实施方案报给哪个单位")
    assert not titled_as(other, "关于加快丙丁船舶绿色智能发展的意见", doc)


def test_a_plan_parts_target_gives_no_result_of_another_year(clause_candidates: Any) -> None:
    from answer.extract import _plans_other_year

    cand = clause_candidates("各位代表:\n中央财政拟投入433亿元用于促进就业。")[1]
    passage = replace(cand.passage, section_year=2010, section_kind="plan")
    plan = replace(cand, passage=passage, fact_kind="target", year=0)
    assert _plans_other_year(parse_query("甲国2009年中央财政促进就业的钱安排了多少"), plan)
    # the plan's own year, a figure of what was done, a sentence naming its year: no verdict
    assert not _plans_other_year(parse_query("甲国2010年中央财政促进就业的钱安排多少"), plan)
    assert not _plans_other_year(
        parse_query("甲国2009年就业资金多少"), replace(plan, fact_kind="actual")
    )
    assert not _plans_other_year(parse_query("甲国2009年就业资金多少"), replace(plan, year=1))
    # a policy's part "plan" is no year's part of a report
    policy = clause_candidates("中央财政拟投入433亿元用于促进就业。")[0]
    policy = replace(policy, passage=passage, fact_kind="target", year=0)
    assert not _plans_other_year(parse_query("甲国2009年中央财政促进就业的钱安排了多少"), policy)


def test_a_clause_of_the_reports_own_year_is_no_other_years() -> None:
    from answer.clause_time import clause_year

    q = parse_query("甲国1979年政府工作报告里,到1985年全国人口增长率要降到多少?")
    assert clause_year(q, 1, "今年要力争使全国人口增长率降到千分之十左右", 1979) == -1
    assert clause_year(q, 1, "1985年要降到千分之五左右", 1979) == 1
    # a document delivered in no known year: the sentence's year stands
    assert clause_year(q, 1, "今年要力争使全国人口增长率降到千分之十左右", None) == 1


def test_a_quoted_name_inside_what_is_counted_is_the_figures_own() -> None:
    from answer.named_words import counted_quotes

    quoted = ("乙丙",)
    assert counted_quotes('甲市新增了多少家国家级"乙丙"企业?', quoted) == quoted
    assert counted_quotes('甲市"乙丙"企业有多少家?', quoted) == quoted
    # a programme the figure is counted under is not what it counts
    assert counted_quotes('实施"乙丙"行动,新增企业多少家?', quoted) == ()


def test_a_document_named_by_a_statement_of_it_quoted_is_the_one_stating_it() -> None:
    from answer.named_words import nicknamed_as
    from corpus.document import parse_text

    doc = parse_text(
        "一、目标\n到2018年,累计制修订150项以上甲乙标准。\n到2019年,累计制修订300项以上甲乙标准,"
        "全面覆盖基础标准。\n四、组织实施\n(一)加强统筹协调。\n",
        "g.txt",
    )
    name = "到2019年累计制修订300项以上甲乙标准"
    asked = normalize(f"提出“{name}”的那版甲乙标准体系建设指南,组织实施部分有哪几条?")
    assert nicknamed_as(asked, name, doc)  # stated, its comma aside, whatever the title
    other = normalize(
        "提出“到2019年累计制修订500项以上甲乙标准”的那版甲乙标准体系建设指南有哪几条?"
    )
    assert not nicknamed_as(other, "到2019年累计制修订500项以上甲乙标准", doc)


def test_a_plan_part_looking_back_at_a_year_before_the_reports_answers_what_was_done() -> None:
    # made-up: a report delivered in 2037 recalls, in its plan part, what 2036 achieved
    from answer.extract import Candidate, fits
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from corpus.model import Passage

    text = (
        "丁省2037年政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
        "一、2036年工作回顾\n过去一年，全省经济平稳。\n二、2037年工作安排\n"
        "在水利方面，二〇三六年全省灌溉面积比二〇三五年增加了三千万亩，今年要继续扩大。\n"
    )
    doc = parse_text(text, "t.txt")
    start = doc.text.index("在水利")
    passage = Passage("t.txt#1", "t.txt", doc.text[start:], start, len(doc.text), "", 2037, "plan")
    clause = next(c for c in clauses_of(passage.text, start) if "三千万亩" in c.norm)
    sig = Signals((Term("灌溉面积", 4.0), Term("增加", 2.0)), (), "area", (), True)
    cand = Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 0, True, 1)
    assert fits(parse_query("丁省2036年灌溉面积比2035年增加了多少"), sig, cand)
    # …not a year the report plans for (its own)
    assert not fits(parse_query("丁省2037年灌溉面积增加了多少"), sig, cand)


def _plan_part_candidates(text: str, opening: str, fact_kind: str = "") -> dict[str, Any]:
    """The candidates of each clause of a made-up report's plan-part passage opening on
    ``opening``, by a figure each writes (the keys asked by the tests)."""
    from answer.extract import Candidate
    from corpus.document import parse_text
    from corpus.model import Passage

    doc = parse_text(text, "t.txt")
    start = doc.text.index(opening)
    passage = Passage("t.txt#1", "t.txt", doc.text[start:], start, len(doc.text), "", 2037, "plan")
    return {
        c.norm: Candidate(c, passage, doc, 1.0, 1.0, 1.0, 1.0, fact_kind, 1, 0, True, 1)
        for c in clauses_of(passage.text, start)
    }


def _with(cands: dict[str, Any], figure: str) -> Any:
    return next(c for n, c in cands.items() if figure in n)


def test_a_plan_part_clause_telling_a_deed_done_answers_what_was_done() -> None:
    # made-up: an old report's part of tasks recalls what a decade built ("建成了")
    from answer.extract import fits
    from answer.signals import Signals, Term

    text = (
        "丁省2037年政府工作报告\n一、当前的形势和任务\n"
        "十年来，全省依靠自己的力量，建成了一千一百个大中型水库，今年要再建五十个。\n"
    )
    cands = _plan_part_candidates(text, "十年来")
    sig = Signals((Term("大中型水库", 4.0),), (), "count", (), True)
    asked = parse_query("丁省十年来建成了多少个大中型水库")
    assert fits(asked, sig, _with(cands, "一千一百个"))
    assert not fits(asked, sig, _with(cands, "五十个"))  # a task set ("要再建") is no deed done


def test_a_plan_part_sentence_reporting_the_year_so_far_answers_what_was_done() -> None:
    # made-up: a report's part of this year's goals opens on what was done since January
    from answer.extract import fits
    from answer.signals import Signals, Term

    text = (
        "戊市2037年政府工作报告\n二、2037年目标要求和重点工作\n"
        "今年以来，面对突发疫情，全市上下众志成城，累计治愈出院确诊病例139例。"
        "全年要新增病床500张。\n"
    )
    cands = _plan_part_candidates(text, "今年以来", fact_kind="target")
    sig = Signals((Term("治愈出院", 4.0), Term("确诊病例", 4.0)), (), "count", (), True)
    beds = Signals((Term("病床", 4.0),), (), "count", (), True)
    assert fits(parse_query("戊市2037年累计治愈出院了多少例确诊病例"), sig, _with(cands, "139例"))
    # a goal of the same part, in a sentence of its own, is still no result
    assert not fits(parse_query("戊市2037年实际新增了多少张病床"), beds, _with(cands, "500张"))


def test_a_clause_of_another_place_set_beside_the_asked_one_is_not_its_figure() -> None:
    from answer.scope_fit import another_places

    sent = normalize(
        "1971年到1978年,河北省由千分之二十九降到千分之六点一,江苏省由千分之七降到千分之五点一。"
    )
    hebei, jiangsu = (
        normalize(x)
        for x in ("河北省由千分之二十九降到千分之六点一", "江苏省由千分之七降到千分之五点一")
    )
    assert another_places(("江苏省",), hebei, sent)
    assert not another_places(("江苏省",), jiangsu, sent)
    # a place the asked one lies in names no other place's figure ("广西东融先行示范区")
    zone = normalize("开展广西东融先行示范区建设突破年行动,在贺州建设六项行动")
    assert not another_places(("贺州市",), normalize("开展广西东融先行示范区建设突破年行动"), zone)
    # a sentence of one place, or a clause naming none, says nothing against it
    assert not another_places(
        ("江苏省",), hebei, normalize("河北省由千分之二十九降到千分之六点一。")
    )
    assert not another_places(
        ("江苏省",), normalize("全省新增12家"), sent + normalize("全省新增12家")
    )


def test_an_amount_that_went_one_way_is_part_of_the_amount_asked() -> None:
    from answer.kinds import directed_only

    asked = normalize("甲市2023年全市技术合同成交额是多少")
    assert directed_only(asked, normalize("甲市输出到乙丙两地技术合同成交额996亿元"))
    assert directed_only(asked, normalize("向乙市输出技术合同成交额748.7亿元"))
    assert not directed_only(asked, normalize("全市技术合同成交额1200亿元"))
    # the way asked is answered by it
    assert not directed_only(
        normalize("甲市输出技术合同成交额多少"), normalize("输出技术合同成交额748.7亿元")
    )


def test_a_base_year_does_not_cut_a_sentence_off_from_the_time_before_it() -> None:
    from answer.clause_time import timed_text

    before = (0, "第六个五年计划规定,到1985年全日制高等学校招生数将增加到四十万人;")
    sent = "在校学生达到一百三十万人,比1980年增长百分之十三点六。"
    # (the year it is compared with is no time of its own: the sentence before gives it)
    assert "1985" in timed_text([before, (60, sent)], 60, sent)
    own = "2023年在校学生达到一百三十万人。"
    assert timed_text([before, (60, own)], 60, own) == own


def test_a_year_something_is_so_many_times_of_is_no_time_of_its_own() -> None:
    from answer.clause_time import _NAMED_YEAR

    # "钢二百十七万吨,等于1949年的十三点七倍": 1949 is the base, spelled out or in digits
    assert not _NAMED_YEAR.findall("钢二百十七万吨,等于1949年的十三点七倍")
    assert not _NAMED_YEAR.findall("是2015年的3.75倍")
    assert _NAMED_YEAR.findall("1954年钢产量二百十七万吨") == ["1954"]


def test_a_name_quoted_in_the_documents_name_names_the_document() -> None:
    from answer.extract import _names_its_document
    from corpus.document import parse_text

    doc = parse_text("聚焦“八强产业”,打造场景创新引领区。\n(一)甲之都\n(乙市办公室负责)\n", "p.txt")
    q = parse_query("甲省“八强产业”场景创新行动计划里，“甲之都”由哪个市负责？")
    assert _names_its_document(q, "八强产业", doc)
    assert not _names_its_document(q, "甲之都", doc)  # what is asked of it, not its name
    assert not _names_its_document(q, "八强产业", parse_text("打造引领区。\n", "o.txt"))
