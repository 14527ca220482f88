"""retrieval.query: regions, years, intent, and splitting compare questions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.errors import QueryError
from retrieval.intent import Intent
from retrieval.parts import (
    split_parts,
)
from retrieval.query import MAX_QUERY_CHARS, clean_question, parse_query
from retrieval.years import find_years


def test_number_question() -> None:
    q = parse_query("余杭2023年新增高企多少")
    assert q.regions == ("余杭区",)
    assert q.years == (2023,)
    assert q.intent == "number"
    assert not q.wants_target
    assert q.half == ""
    assert "高新技术企业" in q.canon  # 高企 canonicalised
    assert q.text == "余杭2023年新增高企多少"


def test_target_question() -> None:
    q = parse_query("临安2022年研发投入强度目标")
    assert q.regions == ("临安区",)
    assert q.years == (2022,)
    assert q.wants_target
    assert q.intent == "target"


@pytest.mark.parametrize(
    "text",
    [
        "哪份文件提出2024年新增国家高新技术企业500家？",
        "“科创指数贷”是在哪个文件里出现的",
        "“黄金68条”产业政策是哪份材料提到的？",
        "全球人工智能技术大会在哪些文件里提到过",
        "甲市示范产量12.5亿斤,是哪几年的政府工作报告里说的",
        "哪一年的报告提出建设示范区",
        "示范强度目标定在3.35%的是哪些省的报告",
        "示范企业7800家是哪些地方的报告里说的",
        "甲行业哪几份管理办法写明有效期五年",
        # a value stated, its places asked: the documents stating it
        "哪些地方24年计划开展职业技能培训2.5万人次？",
        "示范培训2.5万人次是哪些地方",
        # a place's report, its year after 的, of any level
        "哪个州的24年政府工作报告提出要建成高原超充走廊",
        "哪个省区25年政府工作报告提出实施文旅行动",
        "净增示范企业141家是哪个市的24年政府工作报告",
        "国际班列通达境外108个城市是哪个市的政府工作报告说的",
        "哪个标准体系文件说适用于64种金属元素",
        "哪份审评要点要求样本量不少于300例",
        # a kind of document, where it says so
        "新迁入的企业3年内上市的另补100万,是哪个政策里规定的?",
        "建设示范区是哪个方案提的",
        # …what it does to what it rules on
        "甲省哪个办法对申报示范园区设了入驻企业不少于20家的门槛?",
    ],
)
def test_which_doc_question(text: str) -> None:
    assert parse_query(text).intent == "which_doc"


@pytest.mark.parametrize(
    "text",
    [
        "余杭2023年新增高企实际数和2024年目标各是多少",
        "余杭新增省科小数量2021年和2023年分别是多少",
        "余杭2021年和2023年新增高企各是多少",
        "瓯海1-5月高新投资增速和下半年要保持的增速目标各是多少？",
        "甲省25年和26年报告,生产总值增长目标各定的多少",  # each one's figure, by a verb
        "甲市一产和二产各占多少",
    ],
)
def test_compare_question(text: str) -> None:
    assert parse_query(text).intent == "compare"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("瓯海下半年要加快投用哪些孵化基地", "list"),
        ("瓯海的成果转化保险保单是跟哪家保险公司签的？", "entity"),
        ("杭州市2024年每万人高价值发明专利拥有量目标", "target"),
        ("临安2021年技术交易额多少", "number"),
        # a place of the kind it names is asked, not the document saying so
        ("甲市24年“一县一策”试点县是哪个县？", "entity"),
        ("成为全省第一家国家级示范园的是哪个县的？", "entity"),  # no value stated
        ("哪些地方24年开展了职业技能培训", "list"),  # no value stated
        # the document a text cites as its ground is a name, not one of the library's
        ("甲局那个奖补申报指南是根据哪个文件精神制定的？", "entity"),
        ("乙办法依据的是哪部条例", "entity"),
        ("甲培养方案是为落实哪个文件制定的？", "entity"),
        # what a doing is organised by, named between 以 and 为
        ("甲建设规划是以哪一级为单位统一编制的？", "entity"),
        ("哪份文件提出按照每年10%递增", "which_doc"),
        # the doers of one doing, however many are asked
        ("部际联席会议机制由哪两个部门牵头？", "entity"),
        # items the question marks as the report does; "分别说的啥" asks no figures
        ("2000年报告讲反腐败斗争,一是二是三是分别说的啥？", "list"),
        ("永州23年培育的六个“百万级”品牌都是啥？", "list"),
        ("甲和乙分别是多少", "compare"),
        # the several things a question points at, closing it
        ("甲倡议说要打造什么样的技术？就是那几个“可”", "list"),
        # a share asked, then asked again as what it is a share of: one figure
        ("甲市23年研发投入强度具体是多少，占GDP百分之几？", "number"),
        ("甲市创新指数多少,全省排第几", "compare"),  # two figures
    ],
)
def test_other_intents(text: str, intent: str) -> None:
    assert parse_query(text).intent == intent


def test_half_year() -> None:
    assert parse_query("瓯海上半年高新投资增速多少").half == "H1"
    assert parse_query("瓯海2024年1-5月高新投资增速").half == "H1"
    assert parse_query("瓯海下半年高新技术产业增加值要达到多少？").half == "H2"


def test_regions_and_years_forms() -> None:
    q = parse_query("余杭區２０２１年新增高企多少")  # traditional, full-width digits
    assert q.regions == ("余杭区",)
    assert q.years == (2021,)
    assert parse_query("23年余杭新增高企").years == (2023,)
    assert parse_query("临安2022年新增国高企目标和瓯海2024年新认定高企目标分别是多少").regions == (
        "临安区",
        "瓯海区",
    )
    assert parse_query("新增高企多少").regions == ()
    assert parse_query("新增高企多少").years == ()


def test_find_years_order_and_dedup() -> None:
    assert find_years("2024年和2023年以及2024年度") == (2024, 2023)


def test_a_programme_named_with_a_year_names_no_year() -> None:
    assert find_years('科技创新2030"新一代人工智能"重大项目') == ()
    assert find_years("科技创新2030-重大项目") == ()  # "—" as normalised
    assert find_years("行动计划(2023-2025)定了几大工程") == (2023, 2025)  # a span stays
    assert find_years("甲市2030新增示范企业多少") == (2030,)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u3000"])
def test_empty_question(text: str) -> None:
    with pytest.raises(QueryError):
        parse_query(text)


def test_none_question() -> None:
    with pytest.raises(QueryError):
        clean_question(None)  # type: ignore[arg-type]


def test_too_long_question() -> None:
    parse_query("高" * MAX_QUERY_CHARS)
    with pytest.raises(QueryError) as exc:
        parse_query("高" * (MAX_QUERY_CHARS + 1))
    assert str(MAX_QUERY_CHARS) in str(exc.value)


def test_whitespace_is_collapsed() -> None:
    assert parse_query("  余杭  2023年\n新增高企 ").text == "余杭 2023年 新增高企"


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda t: t.strip()))
def test_parse_query_total(text: str) -> None:
    q = parse_query(text)
    assert q.intent in {"which_doc", "compare", "list", "entity", "target", "number"}
    assert all(1900 <= y <= 2099 for y in q.years)
    assert len(q.norm) == len(q.text)
    for part in split_parts(q):
        assert part.intent in {"which_doc", "compare", "list", "entity", "target", "number"}


def test_count_is_not_a_year() -> None:
    assert parse_query("哪份文件提出2024年新增高新技术企业2000家").years == (2024,)
    assert find_years("新增2000家,投入2019万元,增长2020%") == ()


def test_year_not_found_inside_longer_number() -> None:
    assert find_years("余杭投资120234万元") == ()
    assert find_years("增长2024.5") == ()


def test_bare_year_is_a_year() -> None:
    assert find_years("余杭2023新增高企") == (2023,)
    assert find_years("2023年度") == (2023,)


# --- Intent members and part labels -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "余杭2023年新增高企多少",
        "临安2022年研发投入强度目标",
        "哪份文件提出2024年新增国家高新技术企业500家？",
        "余杭2021年和2023年新增高企各是多少",
        "瓯海下半年要加快投用哪些孵化基地",
        "瓯海的成果转化保险保单是跟哪家保险公司签的？",
    ],
)
def test_intent_is_an_intent_member(text: str) -> None:
    from retrieval.intent import Intent

    q = parse_query(text)
    assert isinstance(q.intent, Intent)
    assert q.intent is Intent(q.intent.value)
    for part in split_parts(q):
        assert isinstance(part.intent, Intent)


@pytest.mark.parametrize(
    "text",
    [
        "三张清单是什么",
        "是哪三张",
        "杭州315计划要对标的“三张清单”是哪三张",
        "六大行动是什么",
        "甲省报告说要打造的4个万亿级示范支柱产业是什么",
        "甲试点意见里依托的7个省级物联网产业基地是哪几个市",  # members, no document's
        "甲市2020年报告里的“一都六基地”具体指啥",  # a compound count name
        "甲煤矿列出的6个5G+智能化应用场景都是什么",  # each of the counted things
        "甲省去年挂牌运行的3个省实验室叫什么",  # the counted things' names
        "甲市报告里说的“乙丙丁”具体指哪三样",  # which three, counted by 样
        "甲省报告里新能源产业要重点抓好的五件事是什么",  # a target's words, counted by 件
    ],
)
def test_list_intent_by_count(text: str) -> None:
    from retrieval.intent import Intent

    assert parse_query(text).intent is Intent.LIST


def test_a_figure_before_a_counter_is_no_count_of_items() -> None:
    from retrieval.intent import Intent

    assert parse_query("甲市2023年新增12个示范项目是什么时候开工的").intent is not Intent.LIST


def test_a_year_naming_a_report_selects_documents_not_content() -> None:
    q = parse_query("某某市31年政府工作报告里新增高企多少")
    assert q.doc_years == (2031,) and q.years == ()
    q = parse_query("某某市2031年新增高企多少")
    assert q.doc_years == () and q.years == (2031,)


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("白鹭区2021年有几个人入选了省领航行动计划", False),  # a programme's name
        ("白鹭区入选市瓯越英才计划多少人", False),
        ("白鹭区2022年工作计划新增高企多少", True),  # a plan asked for
        ("白鹭区计划新增高企多少家", True),
    ],
)
def test_a_programme_named_plan_asks_for_no_target(question: str, target: bool) -> None:
    assert parse_query(question).wants_target is target


def test_which_years_report_is_a_which_document_question() -> None:
    q = parse_query("哪年的国务院政府工作报告提到示范工程建成")
    assert q.intent == Intent.WHICH_DOC


def test_which_n_types_is_a_list() -> None:
    assert parse_query("甲局要推动建设的“五型机关”是哪五型").intent == Intent.LIST
    # a quoted count phrase whose counter reads as a time elsewhere (哪四期)
    assert parse_query("甲市报告说的“四期叠加”指哪四期").intent == Intent.LIST
    assert parse_query("“十四五”是哪几年").intent != Intent.LIST  # a plan period


@pytest.mark.parametrize(
    "text",
    [
        "甲市2023年的“发展六仗”都是哪六仗",
        "甲局说的“三招三引”是哪三招",
        "甲市今年要做到哪“五个更加突出”",
    ],
)
def test_which_n_of_any_counter_is_a_list(text: str) -> None:
    assert parse_query(text).intent == Intent.LIST


@pytest.mark.parametrize(
    "text",
    [
        "甲省示范园区管理办法对入驻企业数量有什么要求",
        "申报示范园区,年营业收入有什么门槛",
        "乙规范对训练集有什么具体数量要求",
    ],
)
def test_a_threshold_asked_as_a_requirement_is_a_figure(text: str) -> None:
    assert parse_query(text).intent == Intent.NUMBER


def test_what_a_rule_requires_is_still_a_list() -> None:
    assert parse_query("申报示范园区有什么要求").intent == Intent.LIST


def test_which_n_years_is_no_list() -> None:
    assert parse_query("甲市新增高企超过100家是哪两年").intent != Intent.LIST


def test_a_year_before_the_issuer_of_a_report_names_the_report() -> None:
    q = parse_query("2020年甲市政府工作报告是哪位市长作的")
    assert q.doc_years == (2020,) and q.years == ()
    assert parse_query("2013年国务院政府工作报告说，2012年示范企业多少家").doc_years == (2013,)
    assert parse_query("2023年甲市新增示范企业多少家").doc_years == ()
    # "03年国务院报告", "2031年甲市报告": the issuer without 政府工作
    assert parse_query("03年国务院报告里提到的示范工程叫什么").doc_years == (2003,)
    assert parse_query("2031年甲市报告说新增示范企业多少家").doc_years == (2031,)
    # the speaker between: "75年甲总理政府工作报告说…" names the report of 1975
    q = parse_query("75年甲总理政府工作报告说,74年原煤产量比64年增长了多少")
    assert (q.doc_years, q.years) == ((1975,), (1974,))


def test_a_plan_project_is_no_plan_asked() -> None:
    assert not parse_query("甲市2011年实施了多少项科技计划项目").wants_target
    assert parse_query("甲区2022年计划新增示范企业几家").wants_target


def test_a_two_digit_year_of_the_last_century() -> None:
    assert parse_query("98年国务院政府工作报告总结了哪几点体会").doc_years == (1998,)
    assert parse_query("甲市24年新增示范企业多少家").years == (2024,)


@pytest.mark.parametrize(
    "text",
    [
        "2024年全国技术合同成交额多少",
        "国务院报告里粮食产量目标",
        "我国研发经费多少",
        # a year's work report named without a place is the country's
        "11年政府工作报告里,城镇新增就业目标多少",
    ],
)
def test_a_national_question_asks_about_the_country(text: str) -> None:
    assert parse_query(text).regions == ("全国",)


@pytest.mark.parametrize(
    "text",
    [
        "甲省食糖产量连续几年排全国第一",
        "研发强度高于全国平均多少",
        "全国重点实验室有几家",
        "丽水24年政府工作报告里新增高企目标",  # a place's report
    ],
)
def test_the_country_as_a_rank_yardstick_or_title_is_no_place(text: str) -> None:
    assert "全国" not in parse_query(text).regions


def test_a_name_holding_the_country_asks_about_no_place() -> None:
    assert parse_query("牵头成立全国家政产教共同体的是哪所学校").regions == ()


def test_which_reports_with_their_kind_between_ask_for_documents() -> None:
    assert parse_query("哪些政府工作报告提到了甲隧道").intent == Intent.WHICH_DOC
    assert parse_query("甲区有哪些科技计划项目").intent == Intent.LIST


def test_a_year_as_the_base_of_a_comparison_is_not_asked() -> None:
    from corpus.normalize import normalize
    from retrieval.years import find_years

    assert find_years(normalize("甲市2011年民生支出多少?是2006年的几倍?")) == (2011,)
    assert find_years(normalize("2023年比2022年增长多少")) == (2023,)
    assert find_years(normalize("较2020年提高了多少")) == ()
    assert find_years(normalize("2023年是多少")) == (2023,)


def test_preparing_to_do_asks_a_target() -> None:
    from retrieval.target_cues import asks_target

    assert asks_target("丙市今年准备新增多少家示范企业")
    assert not asks_target("丙市风险准备金有多少")


def test_proposing_ensuring_or_wanting_a_figure_asks_a_target() -> None:
    from retrieval.target_cues import asks_target

    assert asks_target("丙市2037年政府工作报告提出全年新建多少家研发平台")
    assert asks_target("丙市2038年确保入库多少家科技型中小企业")
    assert asks_target("丙市想把中等收入群体占比提到多少")
    assert not asks_target("丙市2037年新建了多少家研发平台")
    assert not asks_target("丙市提出的“三个一”指的是什么")  # nothing counted after 提出
    assert not asks_target("丙市思想解放大讨论开展了几场")  # 想 of 思想


@pytest.mark.parametrize(
    "question",
    [
        "示范强度目标3.55%是哪个市定的",
        "示范企业目标定8500家的是哪些市",
        "哪个县设了新增示范企业20家的目标",
        "哪个市37年报告提出示范产值要超过3200亿元",  # the report's year between
        "甲乙测试的规范里,哪个要求测试人员有3年以上经历",  # which of the documents
    ],
)
def test_the_place_that_set_a_figure_stands_for_its_document(question: str) -> None:
    assert parse_query(question).intent == Intent.WHICH_DOC


def test_places_with_a_figure_above_a_bar_are_a_list() -> None:
    assert parse_query("哪些市的示范企业超过1000家").intent == Intent.LIST


@pytest.mark.parametrize("question", ["甲省去年主要做了哪7方面工作", "甲市哪5个集群入选了"])
def test_which_n_in_arabic_digits_is_a_list(question: str) -> None:
    assert parse_query(question).intent == Intent.LIST


@pytest.mark.parametrize("question", ["甲省今年新增示范企业各定了多少", "示范率目标定的多少"])
def test_what_was_set_is_a_target(question: str) -> None:
    assert parse_query(question).wants_target


@pytest.mark.parametrize("question", ["甲区2031年新认定了几家示范企业", "甲区认定了多少家示范企业"])
def test_what_was_recognised_is_no_target(question: str) -> None:
    assert not parse_query(question).wants_target


def test_years_inside_a_reports_name_name_the_report() -> None:
    q = parse_query("1956年国务院关于55年决算和56年预算的报告里,1955年造林面积多少")
    assert q.years == (1955,) and set(q.doc_years) == {1955, 1956}
    assert q.intent == "number"  # one year asked: no comparison


def test_a_plans_last_or_first_year_however_written() -> None:
    assert parse_query("上海“十四五”期末金融市场交易总额").years == (2025,)
    assert parse_query("上海“十四五”末认定的地区总部").years == (2025,)
    assert parse_query("十四五时期初新增高企").years == (2021,)
    assert parse_query("十四五期间新增高企").years == tuple(range(2021, 2026))


def test_which_place_did_most_is_no_document_asked() -> None:
    assert parse_query("哪个市37年新增示范企业最多").intent == Intent.ENTITY


def test_which_one_of_a_counted_kind_is_a_name_asked() -> None:
    # "哪座水库", "哪本蓝皮书": one thing's name, even with a figure in the question
    assert parse_query("甲省37年建成、能蓄水二十亿立方米的是哪座水库？").intent == Intent.ENTITY
    assert parse_query("甲会上现场发布了哪本蓝皮书").intent == Intent.ENTITY


def test_a_year_inside_a_cited_title_is_no_year_asked() -> None:
    assert parse_query("哪些文件提到了《2037甲乙产业白皮书》的发布").years == ()
    assert parse_query("《2037年甲乙行动计划》里新增多少家").years == (2037,)  # its year
    assert parse_query("甲市2037年新增示范企业多少家").years == (2037,)


@pytest.mark.parametrize(
    ("question", "years", "doc_years"),
    [
        ("2037年版甲乙典型案例汇编,80个案例是从多少个推荐案例里评出来的", (), (2037,)),
        ("1960年丙丁那个甲乙发展纲要报告里说,合并成了多少个公社", (), (1960,)),
        ("37年甲乙计划报告里,新增多少家", (), (2037,)),
        ("2037年国务院政府工作报告里提到上一年(2036年)新增就业多少人", (2036,), (2037,)),
    ],
)
def test_a_year_naming_the_document_is_no_year_asked(
    question: str, years: tuple[int, ...], doc_years: tuple[int, ...]
) -> None:
    q = parse_query(question)
    assert (q.years, q.doc_years) == (years, doc_years)


def test_a_document_numbers_year_and_an_outline_name_no_time_or_target() -> None:
    assert parse_query("甲部甲函〔2037〕742号答复的那条建议是谁提的").years == ()
    assert not parse_query("丙丁那个甲乙发展纲要里说合并成了多少个公社").wants_target
    assert parse_query("甲市研发投入占GDP比重要提到多少").wants_target  # 比重 + 要


def test_a_year_before_what_a_document_does_and_that_document() -> None:
    q = parse_query("林草局19年推进AI在林草业应用那个指导意见,主要任务有哪几项")
    assert q.doc_years == (2019,) and q.years == ()


def test_a_day_asked_of_every_province_is_no_indicator_table() -> None:
    from retrieval.query import Intent

    assert parse_query("甲局那个通知,月报要各省每月几号前报").intent is Intent.ENTITY
    assert parse_query("各省2024年研发投入强度目标").intent is Intent.TABLE


def test_a_horizon_ahead_of_what_is_proposed_asks_a_target() -> None:
    q = parse_query("78年那份报告提出三年内把甲乙增长率降到多少以下")
    assert q.wants_target and q.intent is Intent.TARGET


def test_the_state_councils_report_is_the_countrys_whatever_is_asked() -> None:
    q = parse_query("18年国务院政府工作报告要打好的三大甲乙战,具体是哪三个")
    assert q.intent is Intent.LIST and q.regions == ("全国",)
    assert parse_query("甲市哪三大甲乙战").regions != ("全国",)


def test_a_count_asked_then_its_items_is_a_list() -> None:
    assert parse_query("甲乙那个指导意见,主要任务一共几条,分别是啥").intent is Intent.LIST


def test_the_edition_a_document_revised_is_not_its_year() -> None:
    q = parse_query(
        "在15年版基础上修订的那版国家智能制造标准体系建设指南,到18年和19年累计要制修订多少项标准"
    )
    assert q.doc_years == ()  # the 2015 edition is what it revised
    assert q.years == (2018, 2019)
    assert parse_query("2023年版智能网联汽车标准体系指南里,到2025年要制修订多少项").doc_years == (
        2023,
    )


def test_a_season_names_both_its_years() -> None:
    q = parse_query("来宾24/25年榨季进厂糖料蔗目标定的多少？")
    assert q.years == (2024, 2025)


def test_places_reports_asked_by_year_are_no_national_report() -> None:
    assert "全国" not in parse_query("哪些市的24年政府工作报告提出要新创15所示范幼儿园").regions


@pytest.mark.parametrize(
    "text", ["近10年新增多少", "连续12年稳定", "10年来", "有效期是10年吗", "20年内"]
)
def test_a_number_of_years_is_no_year_asked(text: str) -> None:
    assert find_years(text) == ()


def test_an_edition_is_no_year_asked() -> None:
    assert find_years("国家智能制造标准体系建设指南(2021版)到23年要制修订多少项") == (2023,)
    assert find_years("2023年版的指南到2025年要制定多少项") == (2025,)


def test_the_bi_of_a_share_marks_no_base_year() -> None:
    assert find_years("电子诉讼占比21年和22年分别是多少") == (2021, 2022)
    assert find_years("2023年比22年增长多少") == (2023,)


def test_without_years_drops_an_edition_whole() -> None:
    from retrieval.years import without_years

    assert without_years("《甲地图指南(2031版)》里到2035年") == "《甲地图指南》里到"
    # a span of whole years goes with the mark between them ("1971到1978年四川": 四川)
    assert without_years("1971到1978年四川") == "四川"
    assert without_years("2019-2023年甲市") == "甲市"
    assert without_years("2031年版《甲指南》里,31年") == "《甲指南》里,"


def test_the_period_written_after_a_documents_name_splits_no_comparison() -> None:
    from retrieval.part_labels import part_labels
    from retrieval.parts import split_parts
    from retrieval.query import parse_query

    # the span is the document's: its parts are the two rates, not its first and last year
    q = parse_query(
        "工信部甲乙产业三年行动计划(2018-2020)里,丙系统的假阴性率和假阳性率分别要低于多少?"
    )
    assert q.doc_name == "工信部甲乙产业三年行动计划"
    assert part_labels(q, split_parts(q)) == ["丙系统假阴性率", "假阳性率"]


def test_a_quoted_title_is_the_documents_name() -> None:
    from retrieval.query import parse_query

    q = parse_query("20年那份《关于加快甲矿智能化发展的指导意见》,基本原则是哪几条?")
    assert q.doc_name == "关于加快甲矿智能化发展的指导意见" and q.doc_years == (2020,)
    assert q.years == ()


def test_this_year_of_a_report_named_by_year_is_its_year() -> None:
    from retrieval.query import parse_query

    assert parse_query("2009年国务院政府工作报告里,当年中央财政科技投入安排了多少?").years == (
        2009,
    )
    assert parse_query("24年政府工作报告里今年以来新增多少").years == ()


def test_a_full_name_asked_is_an_entity_and_each_of_n_items_a_list() -> None:
    from retrieval.intent import Intent
    from retrieval.query import parse_query

    assert parse_query("甲市报告里要加快建设的那个省实验室全称是什么?").intent is Intent.ENTITY
    assert parse_query("甲市报告围绕“四链”分别提了哪四项?").intent is Intent.LIST
    assert parse_query("余杭和临安分别新增多少家").intent is Intent.COMPARE


def test_a_years_allocation_asked_is_a_plan() -> None:
    from retrieval.target_cues import asks_target

    assert asks_target("中央财政科技投入2037年安排多少")
    assert not asks_target("中央财政科技投入2037年安排了多少")  # what was allotted
    assert not asks_target("工作怎么安排")


def test_a_place_the_question_denies_is_not_asked() -> None:
    assert parse_query("吉林市（不是吉林省）2024年工作报告提了哪几个基地").regions == ("吉林市",)
    assert parse_query("宁波市而非杭州市2023年新增高企多少").regions == ("宁波市",)
    assert parse_query("杭州市和宁波市2023年新增高企多少").regions == ("杭州市", "宁波市")


def test_a_place_naming_the_level_of_a_thing_counted_is_not_asked() -> None:
    # 省科技型中小企业 of 临安区: the province after the counting verb, holding the district
    q = "临安区2022年新增国家高企和新增浙江省科技型中小企业的目标分别是多少家"
    assert parse_query(q).regions == ("临安区",)
    assert parse_query("浙江省和临安区的高企分别是多少").regions == ("浙江省", "临安区")
    assert parse_query("临安和杭州新增高企分别多少").regions == ("临安区", "杭州市")


def test_a_number_with_its_unit_is_no_year() -> None:
    from retrieval.years import find_years

    assert find_years("在建超算智算规模1980p是哪个市的报告") == ()
    assert find_years("新增设备2000台") == ()
    assert find_years("2023年gdp多少") == (2023,)
    assert find_years("到2025,建成多少") == (2025,)


def test_a_value_whose_places_are_asked_stays_a_which_document_question() -> None:
    from retrieval.intent import Intent

    assert parse_query("高企目标定8500家的是哪些市").intent is Intent.WHICH_DOC
    assert parse_query("新建3个基地的是哪几个市").intent is Intent.WHICH_DOC


def test_the_indicators_of_a_systems_level_are_a_list_not_a_table() -> None:
    from retrieval.intent import Intent

    assert parse_query("甲评价指标体系的一级指标有哪些?").intent is Intent.LIST
    assert parse_query("甲区科技指标有哪些").intent is Intent.TABLE


def test_places_asked_as_two_levels_stand_for_their_reports() -> None:
    q = parse_query("“十四五”这五年全社会研发投入年均增长10.5%,是哪几个省市的报告里说的?")
    assert q.intent is Intent.WHICH_DOC
    assert parse_query("哪几个区县的政府工作报告提到了甲隧道").intent is Intent.WHICH_DOC


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("甲报告回顾说,为制定中长期规划组织了多少位专家", False),
        ("甲市编制十五五规划时调研了多少家企业", False),
        ("甲市规划到2030年示范企业多少家", True),
    ],
)
def test_a_plan_drawn_up_is_no_target_asked(question: str, target: bool) -> None:
    assert parse_query(question).wants_target is target


def test_which_places_bodys_document_of_a_time_says_it_is_a_which_document_question() -> None:
    q = parse_query("哪个区科技局的上半年工作总结提到甲乙保险机制?")
    assert q.intent == Intent.WHICH_DOC
    assert parse_query("哪个区获评甲乙示范区?").intent != Intent.WHICH_DOC  # a place's name


def test_what_a_thing_is_made_of_is_a_list_not_its_doers() -> None:
    assert parse_query("甲省报告说的乙矩阵由哪些部分构成?").intent == Intent.LIST
    assert parse_query("甲项目由哪些单位负责?").intent == Intent.ENTITY
