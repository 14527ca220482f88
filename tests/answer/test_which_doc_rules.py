"""Rules of which-document answers (answer/which_doc.py) on made-up sentences."""

from __future__ import annotations

from typing import Any

from answer.signals import Signals, Term
from answer.which_doc import place_quoted
from answer.which_values import states_bounds
from corpus.normalize import normalize
from retrieval.query import parse_query


def test_a_place_inside_the_stated_phrase_is_no_scope() -> None:
    q = parse_query("哪份报告说有企业上了浙江百强示范企业榜？")
    assert q.regions  # read as a place…
    # …which the sentence writes inside the same words: part of the honour's name
    assert place_quoted(q, "获浙江优秀新产品奖,登上浙江百强示范企业榜12家。")
    assert not place_quoted(q, "新认定浙江瞪羚企业9家、示范企业150家。")  # 浙江 alone


def test_a_place_asked_as_scope_stays_one() -> None:
    q = parse_query("浙江哪份报告提出新增示范企业150家")
    assert not place_quoted(q, "新认定浙江瞪羚企业9家、新增示范企业150家。")
    assert not place_quoted(parse_query("哪份文件提出新增高企2000家"), "新增高企2000家")


def test_places_named_when_the_place_is_asked_are_what_is_stated() -> None:
    # "哪个城市的报告…": whose report is asked; the cities named are where the link runs to
    q = parse_query("哪个城市的报告说建成了连通成都、重庆的3毫秒直连网？")
    assert q.regions
    assert place_quoted(q, "建成达州至成都、至重庆3毫秒数据传输直连网。")
    assert not place_quoted(q, "建成达州至成都3毫秒数据传输直连网。")  # 重庆 unwritten
    # …not when a place is named but none asked ("成都哪份报告…")
    assert not place_quoted(parse_query("成都哪份报告说建成了3毫秒直连网？"), "成都建成直连网。")


def test_a_district_writes_its_own_city_by_its_level_alone() -> None:
    # "市外国专家…" in a district of 嘉兴 is 嘉兴's programme, the place the question names
    q = parse_query("嘉兴市外国专家“南湖友谊使者”，哪几份材料里提到过？")
    sentence = "入选市外国专家“南湖友谊使者”2人。"
    assert place_quoted(q, sentence, "南湖区")
    assert not place_quoted(q, sentence)  # a document of no known place: 市 is nobody's
    assert not place_quoted(q, sentence, "鹿城区")  # a district of another city
    # a level ending another place's name is that place's, not the district's own city
    assert not place_quoted(q, "入选湖州市外国专家“南湖友谊使者”2人。", "南湖区")


POLICY = (
    "第一条 为加强矿山智能化专家库的规范管理,制定本办法。\n"
    "第二条 本办法适用于专家的遴选、聘用。\n"
    "第十五条 本办法有效期三年,自发布之日起施行。\n"
)


def _candidate(text: str, phrase: str):  # type: ignore[no-untyped-def]
    from answer.clauses import clauses_of
    from answer.extract import Candidate
    from corpus.document import parse_text
    from corpus.model import Passage

    doc = parse_text(text, "p.txt")
    passage = Passage("p.txt#0", "p.txt", doc.text, 0, len(doc.text), "", None, "")
    clause = next(c for c in clauses_of(doc.text, 0) if phrase in c.norm)
    return Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, False, 1)


def test_words_describing_the_document_may_stand_in_its_topic() -> None:
    from answer.signals import signals
    from answer.topic import topic_of
    from answer.which_phrase import _stated_under
    from index.bm25 import BM25

    bm = BM25.build([["矿山", "智能化", "管理", "办法", "有效期"], ["专家", "遴选"]])
    q = parse_query("矿山智能化方面哪几份管理办法写明有效期三年？")
    sig = signals(q, bm)
    assert "写明" not in {t.text for t in sig.terms}  # how the question asks, no word to find
    valid = _candidate(POLICY, "有效期三年")
    assert _stated_under(sig, valid, topic_of(valid.doc))  # 矿山智能化…办法 in its topic
    other = _candidate(POLICY, "遴选")
    assert not _stated_under(sig, other, topic_of(other.doc))  # the topic alone states nothing


def test_a_name_found_whole() -> None:
    from answer.which_doc import find_whole

    assert find_whole("新增110家和10家", "10") == 7  # a number where it stands whole
    # a phrase opening on digits ("24年新增…"): not inside a longer number ("2024年")
    assert find_whole("在2024年新增企业", "24年新增") == -1
    assert find_whole("2024年新增企业,24年新增", "24年新增") == 10


def test_a_phrase_loses_the_place_it_opens_with_and_the_library_is_no_phrase() -> None:
    from answer.name_phrases import name_phrases

    assert name_phrases(normalize("济南的甲乙岛,库里哪几份文件提到过?")) == ["甲乙岛"]
    assert name_phrases(normalize("哪份文件提出杭州丙丁大走廊")) == ["丙丁大走廊"]
    assert name_phrases(normalize("哪份文件提到杭州")) == ["杭州"]  # a place alone stays


def test_a_quoted_name_of_a_thing_is_told_from_what_is_said_of_a_subject() -> None:
    from answer.which_phrase import _names_a_thing

    assert _names_a_thing(normalize("手机App的“长辈模式”,哪几份文件提到了"))
    assert _names_a_thing(normalize("提“双师型”师资的,都有哪些文件"))
    assert not _names_a_thing(normalize("哪些文件里说粮食产量实现了“十连增”"))


def test_a_full_date_asked_is_stated_by_a_sentence_writing_it() -> None:
    from answer.which_phrase import states_dates

    question = normalize("哪些文件写明有效期到2031年6月30日")
    assert states_dates(question, normalize("本办法自印发之日起施行,有效期至2031年6月30日。"))
    assert not states_dates(question, normalize("有效期内高新技术企业达7800家。"))
    assert states_dates(normalize("哪些文件提到长辈模式"), "任何句子")  # no date asked


def test_names_quoted_one_by_one_in_a_sentences_clauses_are_stated_by_it() -> None:
    from answer.signals import signals
    from answer.which_phrase import states_phrase
    from index.bm25 import BM25

    text = "意见\n一、应用\n建设面向公共卫生等重大突发事件处置的“数据靶场”,定期开展“数据演习”。\n"
    bm = BM25.build([["数据", "靶场", "演习", "公共卫生"], ["专家", "遴选"]])
    q = parse_query("建面向公共卫生突发事件的“数据靶场”，定期搞“数据演习”，是哪个文件提的")
    sig = signals(q, bm)
    assert states_phrase(q, sig, _candidate(text, "靶场"))
    one = "意见\n一、应用\n建设面向公共卫生等重大突发事件处置的“数据靶场”,定期开展演练。\n"
    assert not states_phrase(q, sig, _candidate(one, "靶场"))  # one name of the two


def test_a_name_quoted_is_stated_by_the_heading_of_the_section_a_sentence_stands_in() -> None:
    from dataclasses import replace

    from answer.signals import signals
    from answer.which_phrase import states_phrase
    from index.bm25 import BM25

    text = "方案\n(七)中国算谷--打造全球算力场景新高地\n依托双算力中心,推动场景验证。\n"
    bm = BM25.build([["算谷", "算力", "场景"], ["专家", "遴选"]])
    q = parse_query("“中国算谷”都在哪些文件里出现了？")
    sig = signals(q, bm)
    cand = _candidate(text, "依托")
    assert not states_phrase(q, sig, cand)  # the sentence alone does not write it
    under = replace(
        cand, passage=replace(cand.passage, section="(七)中国算谷--打造全球算力场景新高地")
    )
    assert states_phrase(q, sig, under)


def test_a_figure_bounded_otherwise_is_not_the_one_asked() -> None:
    q = "哪份报告提出研发经费投入年均增长10%左右"
    assert states_bounds(q, "全社会研发经费投入年均增长10%左右")
    assert not states_bounds(q, "研发经费投入年均增长10%以上")
    assert states_bounds(q, "研发经费投入年均增长10%")  # stated bare: may be the same
    assert states_bounds("哪份报告提出研发经费投入增长10%", "研发经费投入增长10%以上")


def test_the_level_of_the_document_asked_is_no_word_of_the_phrase() -> None:
    from answer.signals import signals
    from index.bm25 import BM25

    bm = BM25.build([["国家", "层面", "云控", "平台"], ["专家", "遴选"]])
    sig = signals(parse_query("哪份国家层面的文件提出要建设甲乙云控平台？"), bm)
    words = {t.text for t in sig.terms}
    assert "层面" not in words and "云控" in words  # which document, not what it says
    # …a kind named whole ("行动计划") as well as by its last word
    bm = BM25.build([["行动计划", "打造", "数字", "矿山"], ["建材", "行业"]])
    sig = signals(parse_query("哪份甲乙行业的行动计划提出打造15个数字矿山？"), bm)
    words = {t.text for t in sig.terms}
    assert "行动计划" not in words and "矿山" in words


def test_a_document_stating_far_less_of_the_phrase_than_another_is_left_out() -> None:
    from dataclasses import replace

    from answer.signals import canon, coverage, signals
    from answer.which_doc import documents_answer
    from index.bm25 import BM25

    common = ["建设", "国家", "智能", "汽车", "数据", "基础", "平台"]
    bm = BM25.build([common, common, [*common, "云控"], ["专家"]])  # 云控 the rarest
    q = parse_query("哪份文件提出要建设国家智能汽车大数据云控基础平台？")
    sig = signals(q, bm).known()
    whole = _candidate("战略\n一、任务\n建设国家智能汽车大数据云控基础平台。\n", "云控")
    part = _candidate("标准\n一、体系\n建设智能网联汽车云控平台。\n", "云控")
    part = replace(
        part,
        doc=replace(part.doc, doc_id="q.txt"),
        passage=replace(part.passage, pid="q.txt#0", doc_id="q.txt"),
    )
    cands = [replace(c, clause_cov=coverage(sig, canon(c.clause.norm))) for c in (whole, part)]
    assert cands[1].clause_cov >= 0.6  # enough alone…
    answer = documents_answer(q, sig, cands, lambda *_: [])
    assert answer.parts == ("p.txt",)  # …but far behind the document writing it whole
    alone = documents_answer(q, sig, cands[1:], lambda *_: [])
    assert alone.parts == ("q.txt",)


def test_a_clocks_time_is_no_figure_asked() -> None:
    from answer.signals import signals
    from index.bm25 import BM25

    bm = BM25.build([["受理", "时间", "填报"], ["专家"]])
    q = parse_query("哪份通知规定网上填报的受理时间是2019年7月10日8:00至8月9日16:00？")
    assert signals(q, bm).numbers == ()


def test_the_rarest_words_are_told_by_the_passages_holding_them() -> None:
    from answer.signals import signals
    from answer.which_phrase import _rarest_held, _rarest_named
    from index.bm25 import BM25

    # 光刻机 in one passage, 车企 in three, 计量 in four: all capped at one weight
    rows = [["光刻机", "车企", "计量"], ["车企", "计量"], ["车企", "计量"], ["计量"]]
    bm = BM25.build(rows + [["专家"]] * 200)
    sig = signals(parse_query("哪份文件提出车企建设光刻机计量中心？"), bm).known()
    held = {t.text: t.passages for t in sig.terms}
    assert held["光刻机"] == 1 and held["车企"] == 3
    assert len({t.weight for t in sig.terms if t.text in ("光刻机", "车企")}) == 1
    assert _rarest_held(sig, "企业建设光刻机计量中心")  # 车企 the question's wording
    assert not _rarest_held(sig, "企业建设白酒计量中心")  # the rarest word unwritten
    assert not _rarest_named(sig, "企业建设光刻机计量中心")  # strictly, every capped word


def test_the_verb_after_which_document_is_no_word_of_the_phrase() -> None:
    from answer.signals import signals
    from index.bm25 import BM25

    bm = BM25.build([["规定", "企业", "营销"], ["专家"]])
    sig = signals(parse_query("哪份文件规定车企做营销时不能暗示自动驾驶？"), bm)
    words = {t.text for t in sig.terms}
    assert "规定" not in words and "营销" in words


def test_documents_never_naming_the_body_asked_give_way_to_one_that_does() -> None:
    from types import SimpleNamespace

    from answer.which_doc import _by_bodies_named
    from corpus.document import parse_text

    ours = parse_text(
        "交通运输部科技司关于做好甲项目申报工作的通知\n各单位:请做好申报。\n", "a.txt"
    )
    other = parse_text("各省科技厅:\n为推动甲项目应用,请组织申报。\n", "b.txt")
    sig = Signals((Term("交通运输部", 4.0), Term("科技司", 4.0), Term("申报", 4.0)), (), "")
    chosen: dict[str, Any] = {
        "a.txt": SimpleNamespace(doc=ours),
        "b.txt": SimpleNamespace(doc=other),
    }
    assert list(_by_bodies_named(sig, chosen)) == ["a.txt"]
    # none writes it (named another way): nothing is ruled out
    none = {"b.txt": chosen["b.txt"], "c.txt": SimpleNamespace(doc=other)}
    assert list(_by_bodies_named(sig, none)) == ["b.txt", "c.txt"]


def test_a_full_date_asked_tells_the_stating_sentence_among_fewer_words() -> None:
    from answer.signals import signals
    from answer.which_phrase import states_phrase
    from index.bm25 import BM25

    text = (
        "关于开展甲汽车准入试点工作的通知\n三、组织实施\n省级主管部门对申报方案进行审核,"
        "于2023年12月20日前报送工业和信息化部。\n四、其他\n试点期间各地加强甲汽车安全管理。\n"
    )
    bm = BM25.build([["甲", "汽车", "准入", "试点", "申报", "方案"], ["专家", "遴选"]])
    q = parse_query("哪份文件要求甲汽车准入试点的申报方案在2023年12月20日前报到工信部？")
    sig = signals(q, bm)
    assert states_phrase(q, sig, _candidate(text, "审核"))
    assert not states_phrase(q, sig, _candidate(text, "安全管理"))  # no date written


def test_how_plainly_the_document_said_it_is_no_word_of_the_phrase() -> None:
    from answer.signals import signals
    from index.bm25 import BM25

    bm = BM25.build([["发布", "纲要"], ["明确"]])
    sig = signals(parse_query("哪一年的政府工作报告明确讲了当年要发布甲纲要？"), bm)
    words = {t.text for t in sig.terms}
    assert "明确" not in words and "发布" in words


def test_documents_doing_what_is_asked_give_way_to_none_that_name_it_doing_another() -> None:
    from answer.which_doc import _doing_as_asked

    sig = Signals((Term("发布", 2.0), Term("纲要", 4.0)), (), "")
    chosen: dict[str, Any] = {
        "a.txt": _candidate("今年要发布甲规划纲要。\n", "发布"),
        "b.txt": _candidate("加快实施甲规划纲要。\n", "实施"),
    }
    assert list(_doing_as_asked(sig, chosen)) == ["a.txt"]
    # none writes the verb asked (said another way): nothing is ruled out
    assert list(_doing_as_asked(sig, {"b.txt": chosen["b.txt"]})) == ["b.txt"]
    other = {"b.txt": chosen["b.txt"], "c.txt": _candidate("制定甲规划纲要。\n", "制定")}
    assert list(_doing_as_asked(sig, other)) == ["b.txt", "c.txt"]


def test_a_report_asked_of_its_own_year_is_not_one_looking_back_at_another() -> None:
    from dataclasses import replace

    from answer.which_doc import _of_its_own_year

    def issued(text: str, phrase: str, year: int):  # type: ignore[no-untyped-def]
        c = _candidate(text, phrase)
        return replace(c, doc=replace(c.doc, issued=year))

    chosen: dict[str, Any] = {
        "late.txt": issued("从2000年起,在甲省开展税费改革试点,成效明显。\n", "开展", 2003),
        "own.txt": issued("推进税费改革,今年将在甲省进行试点。\n", "试点", 2000),
    }
    q = parse_query("哪一年的报告提出,税费改革当年先在甲省搞试点?")
    assert list(_of_its_own_year(q, chosen)) == ["own.txt"]
    # without 当年 the question asks any document saying it
    assert len(_of_its_own_year(parse_query("哪份报告提到在甲省搞税费改革试点"), chosen)) == 2


def test_one_document_asked_with_a_quoted_name_is_the_one_stating_most_of_the_phrase() -> None:
    from dataclasses import replace

    from answer.signals import canon, coverage
    from answer.which_doc import documents_answer

    q = parse_query("哪份报告提到甲塘河同时拿到了“两山”基地和美丽河湖两项荣誉？")
    words = ("甲塘河", "同时", "两山", "基地", "美丽", "河湖", "两项", "荣誉")
    sig = Signals(tuple(Term(w, 4.0) for w in words), (), "", ("两山",))

    def cand(text: str, doc_id: str):  # type: ignore[no-untyped-def]
        c = _candidate(text, "两山")
        c = replace(
            c,
            doc=replace(c.doc, doc_id=doc_id),
            passage=replace(c.passage, pid=f"{doc_id}#0", doc_id=doc_id),
        )
        return replace(c, clause_cov=coverage(sig, canon(c.clause.norm)))

    ours = cand("甲报告\n一、回顾\n甲塘河同时获得“两山”基地和美丽河湖两项荣誉。\n", "a.txt")
    other = cand("乙报告\n一、回顾\n创建“两山”基地23个、美丽河湖5条。\n", "b.txt")
    assert documents_answer(q, sig, [ours, other], lambda *_: []).parts == ("a.txt",)


def test_one_document_asked_by_a_name_is_the_one_writing_it_word_for_word() -> None:
    from answer.which_phrase import longest_run, writing_the_name

    assert longest_run("甲乙丙丁", "丙丁甲乙丙") == 3
    chosen: dict[str, Any] = {
        "a.txt": _candidate("建成投用甲市人工智能创新中心。\n", "建成投用"),
        "b.txt": _candidate("甲市脑与智能科学中心建成投用。\n", "建成投用"),
    }
    q = parse_query("哪份报告提到甲市脑与智能科学中心建成投用?")
    assert list(writing_the_name(q, chosen)) == ["b.txt"]
    # a run shorter than a name's (only a few words shared) rules nothing out
    short = parse_query("哪份报告提到创新中心建好了?")
    assert list(writing_the_name(short, chosen)) == ["a.txt", "b.txt"]


def test_a_value_stated_in_a_run_of_sentences_is_of_what_the_run_is_about() -> None:
    from answer.which_values import states_values
    from corpus.model import Fact

    text = (
        "甲报告\n二、2024年任务\n加快提升甲乙带动力。提质推进丙园建设。完善丁布局,增强核心区作用。"
        "出台升级版政策,引育戊类企业累计达到1500家,培育企业10家。\n"
    )
    q = parse_query("哪份报告提出丙园引育戊类企业累计要达到1500家?")
    sig = Signals((Term("丙园", 4.0), Term("引育", 2.0), Term("戊类企业", 4.0)), ("1500",), "count")
    c = _candidate(text, "1500")
    at = c.doc.norm.index("引育")

    def facts(*_: object) -> list[Fact]:
        return [
            Fact(
                **{
                    "doc_id": c.doc.doc_id,
                    "section": "",
                    "start": at,
                    "end": at + 16,
                    "sent_start": at,
                    "sent_end": at + 16,
                    "value_start": at + 12,
                    "value_end": at + 16,
                    "region": "",
                    "scope": "",
                    "year": 2024,
                    "period": "",
                    "kind": "target",
                    "metric": "戊类企业",
                    "qualifier": "累计",
                    "value": "1500",
                    "unit": "家",
                    "canonical": "戊类企业",
                }
            )
        ]

    assert states_values(q, sig, c, facts)
    # …not when no sentence heads the run: 丙园 is named nowhere near
    bare = _candidate(text.replace("提质推进丙园建设。", ""), "1500")
    assert not states_values(q, sig, bare, facts)


def test_a_value_stated_in_a_numbered_point_is_of_what_its_points_are() -> None:
    from answer.which_values import states_values

    text = (
        '甲省报告\n三、2025年任务\n今年扎实办好"十件民生实事"。(1)促进甲群体就业。'
        "(2)强化科技人才支撑,选派1200名以上科技特派员到基层开展服务。\n"
    )
    q = parse_query("选派1200名以上科技特派员到基层是哪份报告里的民生实事?")
    sig = Signals(
        (
            Term("选派", 2.0),
            Term("科技特派员", 4.0),
            Term("基层", 2.0),
            Term("民生", 2.0),
            Term("实事", 2.0),
        ),
        ("1200",),
        "count",
    )
    c = _candidate(text, "1200")
    assert states_values(q, sig, c, lambda *_: [])  # (no facts row holds it)
    # …not when no sentence introduces its points
    bare = _candidate(text.replace('今年扎实办好"十件民生实事"。', ""), "1200")
    assert not states_values(q, sig, bare, lambda *_: [])


def test_one_document_asked_of_its_own_year_is_judged_among_those_left() -> None:
    from dataclasses import replace

    from answer.signals import canon, coverage
    from answer.which_doc import documents_answer

    q = parse_query("哪一年的报告提出,税费改革当年先在甲省搞试点?")
    sig = Signals((Term("税费改革", 4.0), Term("试点", 3.0)), (), "")

    def cand(text: str, phrase: str, doc_id: str, year: int):  # type: ignore[no-untyped-def]
        c = _candidate(text, phrase)
        c = replace(
            c,
            doc=replace(c.doc, doc_id=doc_id, issued=year),
            passage=replace(c.passage, pid=f"{doc_id}#0", doc_id=doc_id),
        )
        return replace(c, clause_cov=coverage(sig, canon(c.clause.norm)))

    late = cand("甲报告\n从2000年起,在甲省开展税费改革试点,成效明显。\n", "开展", "late.txt", 2003)
    own = cand("乙报告\n推进税费改革,今年在甲省进行试点。\n", "推进", "own.txt", 2000)
    assert own.clause_cov < late.clause_cov
    # the later report looks back at 2000; of those left, the one asked holds the most
    assert documents_answer(q, sig, [late, own], lambda *_: []).parts == ("own.txt",)


def test_a_date_the_sentence_writes_as_asked_dates_it_whatever_its_documents_years() -> None:
    from dataclasses import replace

    from answer.which_phrase import states_phrase

    q = parse_query("甲省哪份甲乙认定办法是从2022年4月30日起执行的?")
    sig = Signals(
        (Term("甲乙", 4.0), Term("认定", 2.0), Term("办法", 4.0), Term("执行", 3.0)), (), ""
    )
    text = (
        "甲乙认定办法\n第一条 为推进甲乙认定,制定本办法。\n第九条 本办法自2022年4月30日起执行。\n"
    )
    c = replace(_candidate(text, "起执行"), year=-1)  # (the document's years read otherwise)
    assert states_phrase(q, sig, c)
    other = parse_query("甲省哪份甲乙认定办法是从2023年5月1日起执行的?")
    assert not states_phrase(other, sig, c)  # a date it does not write


def test_a_place_inside_one_clause_stated_apart_names_no_documents_place() -> None:
    from dataclasses import replace

    from answer.signals import canon, coverage
    from answer.which_doc import documents_answer

    q = parse_query("哪份材料提到首创甲乙“丙丁”保险机制,并把温州医科大学等高校纳入首批试点?")
    words = ("首创", "甲乙", "丙丁", "保险", "机制", "医科大学", "高校", "纳入", "首批", "试点")
    sig = Signals(tuple(Term(w, 3.0) for w in words), (), "", ("丙丁",))
    text = (
        "戊区总结\n一、亮点\n三是首创甲乙“丙丁”保险机制。出台试点方案,温州医科大学等11所高校"
        "纳入首批试点单位,签署保险保单。\n"
    )

    def cand(phrase: str):  # type: ignore[no-untyped-def]
        c = _candidate(text, phrase)
        # (the district's summary read as of another place than 温州, the place asked)
        return replace(c, region=-1, clause_cov=coverage(sig, canon(c.clause.norm)))

    found = documents_answer(q, sig, [cand("丙丁"), cand("纳入")], lambda *_: [])
    assert found.found and found.parts == ("p.txt",)


def test_a_sentence_a_semicolon_joins_to_others_is_read_with_them() -> None:
    from answer.which_values import semicolon_run

    norm = "前言。对首次通过认定的企业给予最高30万元补助;对通过复审的企业补助10万元。后文。"
    first = norm.index("对首次")
    second = norm.index("对通过复审")
    whole = "对首次通过认定的企业给予最高30万元补助;对通过复审的企业补助10万元。"
    assert semicolon_run(norm, first, second) == whole
    assert semicolon_run(norm, second, norm.index("后文")) == whole
    assert semicolon_run(norm, norm.index("后文"), len(norm)) == "后文。"
