"""answer.clause_subject: what a bare figure counts, on made-up sentences."""

from __future__ import annotations

from answer.clause_subject import ranked
from answer.clauses import clauses_of


def test_a_rank_clause_ranks_every_clause_back_to_the_previous_rank() -> None:
    text = "研发投入6.1亿元,占比达3.3%,居全市第4位,专利增长5%,居全市第2位。"
    clauses = clauses_of(text, 0)
    fourth = next(i for i, c in enumerate(clauses) if "第4位" in c.norm)
    second = next(i for i, c in enumerate(clauses) if "第2位" in c.norm)
    assert ranked(clauses, fourth) == "研发投入6.1亿元 占比达3.3%"
    assert ranked(clauses, second) == "专利增长5%"


def test_an_example_sentence_continues_the_sentence_before() -> None:
    from answer.clause_subject import OF_BEFORE, sentence_before

    norm = "有些企业的计划定得过于保守。最突出的如甲厂完成了利润计划的五倍。"
    at = norm.index("最突出")
    assert sentence_before(norm, at) == "有些企业的计划定得过于保守。"
    assert OF_BEFORE.match(norm[at:]) and not OF_BEFORE.match("如期完成建设任务")
    assert OF_BEFORE.match("其中,测试时间原则上不超过18个月")  # a part of what it said
    assert not OF_BEFORE.match("其中高新技术企业500家")  # (no comma: the clause names its own)
    assert sentence_before("第一段\n新的一段。", 4) == ""  # a new paragraph: none


def test_a_clause_stating_where_a_change_started_is_its_base() -> None:
    from answer.clause_subject import from_value

    text = "计划将招生人数由1982年的三十一万五千人,增加到1987年的五十五万人。"
    first, second = clauses_of(text, 0)
    assert from_value(first, first.sent_norm) and not from_value(second, second.sent_norm)
    alone = clauses_of("由甲市牵头的项目有5个,进展顺利。", 0)[0]
    assert not from_value(alone, alone.sent_norm)  # no change after it


def test_a_round_mark_passed_is_the_exact_figures_milestone() -> None:
    from answer.clause_subject import passes_mark

    clauses = clauses_of("新签约项目282个,合同投资额突破1000亿元,达1112亿元;", 0)
    assert [passes_mark(clauses, i) for i in range(len(clauses))] == [False, True, False]
    other = clauses_of("合同投资额突破1000亿元,达到82个。", 0)  # another unit: no exact figure
    assert not passes_mark(other, 0)
    alone = clauses_of("合同投资额突破1000亿元。达到1112亿元。", 0)  # another sentence
    assert not passes_mark(alone, 0)


def test_a_rule_opening_with_what_it_is_for_speaks_of_it_in_every_clause() -> None:
    from answer.clause_subject import counted_before
    from answer.policy import CONFIG

    text = "对跨行业跨领域工业互联网平台,按不超过总投入的30%予以资助,最高资助2000万元。"
    clauses = clauses_of(text, 0)
    last = len(clauses) - 1
    before = counted_before(clauses, last, CONFIG.clause)
    assert before.startswith("对跨行业跨领域工业互联网平台")
    assert "30%" in before
    # a sentence opening otherwise borrows only back to the nearest figure
    plain = clauses_of("平台建设加快,按总投入的30%予以资助,最高资助2000万元。", 0)
    assert counted_before(plain, len(plain) - 1, CONFIG.clause) == "按总投入的30%予以资助"


def test_a_time_and_a_bare_figure_after_a_semicolon_go_on_with_the_figure_before() -> None:
    from answer.clause_subject import counted_before, goes_on
    from answer.policy import CONFIG

    text = "2023年底前,推动全省数据中心在用标准机架数达到35万个;2025年底前超过45万个。"
    clauses = clauses_of(text, 0)
    last = len(clauses) - 1
    assert goes_on(clauses[last].norm)
    assert "标准机架数达到35万个" in counted_before(clauses, last, CONFIG.clause)
    assert not goes_on("2025年全省数据中心机架超过45万个")  # it names its own subject


def test_a_sentence_taking_up_what_the_one_before_ended_on() -> None:
    from answer.clause_subject import chained

    before = "申报单位在接到进入答辩评审的通知后,提交项目正式申报书。"
    assert chained(before, "正式申报书受理时间为34天。")
    assert not chained(before, "申报单位应当在规定时间内提交。")  # (its opening, not its end)
    assert not chained("全年新增示范企业500家。", "企业研发投入增长10%。")  # two characters
    assert not chained("", "正式申报书受理时间为34天。")


def test_a_figure_in_words_is_read_as_figures_are() -> None:
    from answer.clause_subject import counted_before, own_subject
    from answer.policy import CONFIG

    assert not own_subject("有七千六百九十个")  # its subject is written before it
    assert own_subject("社办的农业试验研究组织有七千六百九十个")
    assert not own_subject("全国平均每人达到三百五十五元")  # a scope and per head: no subject
    text = "社办的农业科学试验研究组织,据十二个省的不完全统计,有七千六百九十个。"
    clauses = clauses_of(text, 0)
    # the source set off between them is an aside: the subject is read past it
    before = counted_before(clauses, len(clauses) - 1, CONFIG.clause)
    assert before.startswith("社办的农业科学试验研究组织")


def test_where_a_figure_comes_from_is_no_figure() -> None:
    from answer.clause_subject import SOURCE_ASIDE

    assert SOURCE_ASIDE.match("据十二个省的不完全统计")
    assert SOURCE_ASIDE.match("据国家统计局抽样调查")
    assert not SOURCE_ASIDE.match("据此新增企业十二家")


def test_the_short_sentence_heading_a_run_in_its_paragraph() -> None:
    from answer.clause_subject import paragraph_topic
    from corpus.normalize import normalize

    norm = normalize(
        "加快提升甲乙带动力。提质推进丙园建设。完善丁布局,增强核心区作用。"
        "出台升级版政策,引育戊类企业累计达到1500家。\n新段落,甲类企业达到20家。"
    )
    # the nearest short sentence of one clause ("完善丁布局,增强…" has two)
    assert paragraph_topic(norm, norm.index("出台")) == "提质推进丙园建设。"
    assert paragraph_topic(norm, norm.index("新段落")) == ""  # a new paragraph, its own run


def test_a_change_told_from_last_years_figure_names_no_subject() -> None:
    from answer.clause_subject import own_subject

    # "将由去年的…": when the figure starts, not what it counts (the clause before says)
    assert not own_subject("将由去年的1200亿元增加到1500亿元")
    assert not own_subject("从上年的35家增加到48家")
    assert own_subject("甲市财政用于科技的投入由去年的30亿元增加到40亿元")


def test_a_time_and_a_verb_of_reaching_name_no_subject() -> None:
    from answer.clause_subject import own_subject

    # "同我国有外交关系的国家,现在已增加到一百二十九个": the clause before names it
    assert not own_subject("现在已增加到一百二十九个")
    assert not own_subject("目前已达到35家")
    assert not own_subject("今年先发行1万亿元")  # "…发行超长期特别国债,…,今年先发行…"
    assert own_subject("有外交关系的国家现在已增加到一百二十九个")


def test_the_sentence_run_in_numbered_points_follow_says_what_they_are() -> None:
    from answer.clause_subject import points_lead

    norm = (
        '今年将统筹安排财力,扎实办好"十件民生实事"。(1)促进甲群体就业,完成培训1万人次。'
        "(2)强化科技人才支撑,选派1200名以上科技特派员到基层。\n新段落,选派100名干部。\n"
    )
    assert (
        points_lead(norm, norm.index("选派1200")) == '今年将统筹安排财力,扎实办好"十件民生实事"。'
    )
    assert points_lead(norm, norm.index("促进甲")) == '今年将统筹安排财力,扎实办好"十件民生实事"。'
    # no point before it in its paragraph, or a paragraph opening on its first point
    assert points_lead(norm, norm.index("今年")) == ""
    assert points_lead(norm, norm.index("选派100")) == ""
    opening = "(1)甲项。(2)乙项,新建2个。\n"
    assert points_lead(opening, opening.index("乙项")) == ""
