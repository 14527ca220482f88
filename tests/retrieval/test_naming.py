"""retrieval.naming: a document named by what it is called or about (made-up documents)."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.normalize import normalize
from retrieval.naming import document_name, name_fit, name_pieces, name_proper, names_document
from retrieval.query import parse_query

PLAN = parse_text(
    "为促进示范建材工业与新一代信息技术融合发展,推动示范建材工业数字化转型,制定本计划。\n"
    "一、总体要求\n到2025年,建成示范工厂50个。\n",
    "plan.txt",
)
OTHER = parse_text(
    "为加快养老服务体系建设,制定本方案。\n一、总体要求\n到2025年,建成示范社区30个。\n",
    "other.txt",
)


def test_the_name_a_question_gives_a_document() -> None:
    assert document_name(normalize("甲省数字经济科技创新措施,3年新培育多少家?")) == (
        "甲省数字经济科技创新措施"
    )
    assert document_name(normalize("示范建材工业数字化转型行动计划到2025年建多少个工厂")) == (
        "示范建材工业数字化转型行动计划"
    )
    assert document_name(normalize("甲市2017年计划认定多少家示范企业")) == ""  # 计划 is a verb
    # what the document does after its name ends it ("…行动计划提的保障措施")
    assert document_name(normalize("甲部乙产业发展行动计划提的保障措施有哪几项")) == (
        "甲部乙产业发展行动计划"
    )
    listed = normalize("甲部那个加强示范汽车准入、召回及升级管理的通知,企业多久补报")
    assert document_name(listed) == "甲部那个加强示范汽车准入、召回及升级管理的通知"
    assert document_name(normalize("哪份方案提出建成示范工厂50个")) == ""
    assert document_name(normalize("甲市对示范项目有什么规定")) == ""  # 规定 asked
    # the plan a document carries out names another document than the one asked of
    grounded = normalize("落实示范船舶建造转型行动计划的那个标准体系,应用标准包括哪些")
    assert document_name(grounded) == ""
    assert document_name(normalize("示范船舶建造转型行动计划里,应用标准包括哪些")) == (
        "示范船舶建造转型行动计划"
    )
    rule = normalize("国家示范平台资源内容审核规范,由哪个部门负责解释")
    assert document_name(rule) == "国家示范平台资源内容审核规范"


def test_places_years_and_kind_words_tell_no_document_apart() -> None:
    pieces = name_pieces("山东省2024年数字经济措施")
    assert pieces == {"数字", "字经", "经济"}


def test_a_document_fits_the_name_its_opening_states() -> None:
    name = document_name(normalize("示范建材工业数字化转型行动计划到2025年建多少个工厂"))
    assert name_fit(name, PLAN) > 0.8 > name_fit(name, OTHER)
    assert names_document(name, PLAN) and not names_document(name, OTHER)
    assert not names_document("", PLAN)


def test_the_parsed_question_carries_the_name() -> None:
    q = parse_query("示范建材工业数字化转型行动计划到2025年建多少个工厂")
    assert q.doc_name == "示范建材工业数字化转型行动计划"


def test_a_name_with_a_place_needs_one_piece_fewer() -> None:
    from retrieval.naming import document_name

    assert document_name("科创济南那个若干政策措施里,获奖个人奖励多少") != ""
    assert document_name("科创那个若干政策措施里,获奖个人奖励多少") == ""  # two pieces only


def test_a_name_and_a_title_meet_in_their_canonical_forms() -> None:
    # 住建部 is 住房和城乡建设部 as a title writes it
    doc = parse_text("住房和城乡建设部关于征集遴选甲乙示范城市的通知\n一、目标\n…\n", "t.txt")
    assert names_document("住建部征集甲乙示范城市的通知", doc)


def test_a_name_titles_the_document_whose_own_title_holds_it() -> None:
    from retrieval.naming import titles_document

    titled = parse_text("甲乙船舶标准体系建设指南\n一、总体要求\n…\n", "a.txt")
    citing = parse_text("为落实甲乙船舶标准体系建设指南,编制丙丁标准体系。\n一、要求\n…\n", "b.txt")
    name = "甲乙船舶标准体系建设指南"
    assert names_document(name, titled) and names_document(name, citing)
    assert titles_document(name, titled) and not titles_document(name, citing)


def test_a_compilation_or_a_white_paper_is_a_document_named() -> None:
    assert document_name(normalize("甲局23年煤矿智能化典型案例汇编里,乙煤矿那个案例是谁做的"))
    assert document_name(normalize("那份丙丁服务商推荐清单里,运营类列了几家"))


def test_a_name_may_hold_a_gloss_and_be_followed_by_its_year() -> None:
    asked = normalize("下一代甲乙方法(可解释、可通用)重大研究计划37年度重点项目资助几项")
    name = document_name(asked)
    assert name == "下一代甲乙方法(可解释、可通用)重大研究计划"


def test_a_described_name_fits_as_its_name_proper_does() -> None:
    # what a title never writes ("开始施行的") is a description of the named document
    name = document_name(
        normalize("18年5月1号开始施行的示范建材工业数字化转型行动计划,到2025年建多少个")
    )
    assert name_proper(name) == "示范建材工业数字化转型行动计划"
    assert names_document(name, PLAN) and not names_document(name, OTHER)
    # a title's own 的 leaves a bare kind after it: no name proper
    assert name_proper("加强示范汽车准入、召回及升级管理的通知") == ""
    # a description of what the document is tells documents apart: the whole name counts
    assert name_proper("依据十二五规划编的示范建材工业数字化转型行动计划") == ""


def test_a_document_is_named_by_who_issued_it_too() -> None:
    from dataclasses import replace

    untitled = replace(
        parse_text(
            "为加快示范交通运输信息化智能化发展,提出以下指导意见。\n一、指导思想\n", "g.txt"
        ),
        issuer="交通运输部办公厅",
    )
    name = "交通运输部办公厅那个推进示范交通运输信息化智能化发展的指导意见"
    assert names_document(name, untitled)
    assert not names_document(name, replace(untitled, issuer=""))


def test_a_name_fitting_no_document_fits_one_of_unknown_issuer_by_the_rest() -> None:
    from dataclasses import replace

    from corpus.model import Document
    from retrieval.name_index import DocName, NameIndex
    from retrieval.naming import OPENING, unissued_pieces

    untitled = parse_text(
        "甲社区是新形态。为提升治理水平,现就深入推进示范智慧社区建设提出如下意见。\n一、目标\n",
        "h.txt",
    )
    name = "民政部等部门推进示范智慧社区建设的意见"
    assert unissued_pieces(name) and "民政" not in "".join(unissued_pieces(name))
    assert unissued_pieces("推进示范智慧社区建设的意见") == frozenset()  # no issuer named
    # …when it issued it may follow who did ("民政部等13个部门20年7月那份…")
    dated = unissued_pieces("民政部等13个部门20年7月那份推进示范智慧社区建设的意见")
    assert dated and "民政" not in "".join(dated)
    assert not names_document(name, untitled)  # the whole name: its issuer is not written

    def fitting(*docs: Document) -> tuple[str, ...]:
        heads = [DocName(d.doc_id, d.title, d.issuer, d.norm[:OPENING], "") for d in docs]
        return NameIndex(heads).fitting(name)

    assert fitting(untitled, OTHER) == ("h.txt",)  # its text does not say who issued it
    # …but a document known to be another body's is not that body's
    assert fitting(replace(untitled, issuer="工业和信息化部"), OTHER) == ()
    # …and a document the whole name fits is the one named
    signed = parse_text("民政部关于推进示范智慧社区建设的意见\n一、目标\n", "m.txt")
    assert fitting(untitled, signed) == ("m.txt",)


def test_the_name_index_names_the_documents_the_one_by_one_test_does() -> None:
    from corpus.document import parse_text
    from retrieval.name_index import DocName, NameIndex
    from retrieval.naming import OPENING, names_document

    texts = {
        "a.txt": "杭州市科技创新“315”工作计划\n一、目标\n新增高企2000家。\n",
        "b.txt": "余杭区科技局2023年工作总结\n一、主要成效\n新增高企500家。\n",
        "c.txt": "关于印发智能网联汽车道路测试管理规范的通知\n各单位:\n现将规范印发给你们。\n",
        "d.txt": "为贯彻落实《人工智能先导区实施方案》,制定本方案。\n一、目标\n甲。\n",
    }
    docs = [parse_text(t, d) for d, t in texts.items()]
    index = NameIndex([DocName(d.doc_id, d.title, d.issuer, d.norm[:OPENING], "") for d in docs])
    for name in (
        "杭州315工作计划",
        "余杭科技局那份工作总结",
        "18年5月1号开始施行的智能网联汽车道路测试管理规范",
        "人工智能先导区实施方案",
        "某县农业农村局工作要点",
        "",
    ):
        assert index.fitting(name) == tuple(d.doc_id for d in docs if names_document(name, d))
    assert index.fitting("杭州315工作计划") == ("a.txt",)


def test_the_period_after_a_documents_name_is_read_apart() -> None:
    from retrieval.naming import name_period

    norm = normalize("甲省服务业数字化转型行动方案（2021—2023）里，服务业贡献要到多少？")
    period, rest = name_period("甲省服务业数字化转型行动方案", norm)
    assert period == "(2021-2023)" and "2021" not in rest and len(rest) == len(norm)
    assert name_period("", norm) == ("", norm)


def test_one_named_documents_passages_are_ranked_by_the_words_besides_its_name() -> None:
    from retrieval.model import Filters
    from retrieval.search import within_named

    q = parse_query("示范建材工业数字化转型行动计划里到2025年建多少个工厂")
    one = Filters(doc_ids=("plan.txt",))
    asked = within_named(q, one)
    assert q.doc_name not in asked.norm and "工厂" in asked.norm
    assert within_named(q, None) is q  # among all documents, the name tells them apart
    # (two editions of it kept together are ranked so too; more documents, by the name)
    two = within_named(q, Filters(doc_ids=("plan.txt", "plan2.txt")))
    assert q.doc_name not in two.norm
    assert within_named(q, Filters(doc_ids=("plan.txt", "plan2.txt", "other.txt"))) is q


def test_of_the_documents_a_name_fits_those_it_fits_best() -> None:
    from corpus.document import parse_text
    from retrieval.name_index import DocName, NameIndex
    from retrieval.naming import OPENING

    texts = {
        "a.txt": "甲乙船舶标准体系建设指南\n一、总体要求\n甲。\n",
        "b.txt": "甲乙制造标准体系建设指南\n一、总体要求\n甲。\n",
        "c.txt": "甲乙物流标准体系建设指南\n一、总体要求\n甲。\n",
    }
    docs = [parse_text(t, d) for d, t in texts.items()]
    index = NameIndex([DocName(d.doc_id, d.title, d.issuer, d.norm[:OPENING], "") for d in docs])
    name = "甲乙船舶标准体系建设指南"
    assert len(index.fitting(name)) >= 2  # most of its pieces in each…
    assert index.fitting(name, best_only=True) == ("a.txt",)  # …all of them in one


def test_an_untitled_document_is_described_by_its_body_not_by_who_issued_it() -> None:
    from retrieval.naming import described_in

    body = (
        "甲乙:\n当前,新一轮科技变革正在萌发。为落实发展规划,夯实核心基础,提升智能制造水平,"
        "促进新一代人工智能产业发展,推动制造强国建设,制定本行动计划。\n一、总体要求\n略。\n"
    )
    doc = parse_text(body, "docs/policy-x.txt")
    # the issuer (工信部) and the plan's span (三年) are no words its body must write
    assert described_in("工信部促进新一代ai产业发展那份三年行动计划", doc)
    assert not described_in("工信部推进煤矿智能化那份三年行动计划", doc)
    assert not described_in("", doc)  # no name: nothing described
    # a piece of the name the body never writes (典型) is one of those its share lets go
    scenes = parse_text(
        "一、准入审批类\n应用一:形式审查\n人工智能技术在甲乙监管中可以发挥作用,"
        "是甲乙监管人工智能应用场景之一。\n二、日常监管类\n略。\n",
        "docs/policy-z.txt",
    )
    assert described_in("甲乙监管人工智能典型应用场景", scenes)
    assert not described_in("丙丁监管人工智能典型应用场景", scenes)


def test_of_a_guiding_opinion_and_the_one_carrying_it_out_the_name_names_the_first() -> None:
    from retrieval.name_index import DocName, NameIndex
    from retrieval.naming import OPENING

    guiding = parse_text(
        "建筑业是支柱产业。经同意,住建部等部门为推动示范智能建造与建筑工业化协同发展,"
        "制定本指导意见。\n一、原则\n",
        "g.txt",
    )
    local = parse_text(
        "为贯彻落实住建部等部门《关于推动示范智能建造与建筑工业化协同发展的指导意见》,"
        "制定本实施意见。\n一、原则\n",
        "l.txt",
    )
    docs = [guiding, local]
    index = NameIndex([DocName(d.doc_id, d.title, d.issuer, d.norm[:OPENING], "") for d in docs])
    name = "住建部等部门推动示范智能建造与建筑工业化协同发展的指导意见"
    # its opening holds the name, citing it with its issuers: it carries that one out
    assert not names_document(name, local)
    assert index.fitting(name) == ("g.txt",)
    # named as what it is, the implementing one is named
    assert index.fitting("济南推动示范智能建造与建筑工业化协同发展的实施意见") == ("l.txt",)


def test_a_title_the_opening_carries_out_is_not_the_documents_name() -> None:
    carrying = parse_text(
        "第一条 为规范甲乙示范矿山管理,根据《丙省法》、《关于加快甲乙示范矿山发展的指导意见》等,"
        "制定本办法。\n第二条 示范矿山是指纳入清单的矿山。\n",
        "rules.txt",
    )
    named = parse_text(
        "关于加快甲乙示范矿山发展的指导意见\n一、总体要求\n到2025年,建成示范矿山50个。\n",
        "opinion.txt",
    )
    name = "关于加快甲乙示范矿山发展的指导意见"
    assert names_document(name, named)
    assert not names_document(name, carrying)
    # a name of another kind than the title cited describes the document carrying it out
    rules = parse_text(
        "第一条 为落实《甲乙示范矿山若干政策》,结合实际,制定本实施细则。\n第二条 适用范围。\n",
        "rules2.txt",
    )
    assert names_document("甲乙示范矿山若干政策的实施细则", rules)


def test_a_place_then_what_a_document_carries_out_is_not_its_name() -> None:
    q = normalize("山东落实“十四五”智能制造发展规划的智能制造行动计划里,每年培育多少家")
    assert document_name(q).endswith("的智能制造行动计划")


def test_a_name_followed_by_who_does_something_is_read() -> None:
    assert document_name(normalize("甲乙平台数字资源内容审核规范由哪个部门负责解释")) == (
        "甲乙平台数字资源内容审核规范"
    )


def test_an_unsigned_document_titled_the_name_but_its_issuer_is_named_too() -> None:
    from retrieval.name_index import DocName, NameIndex
    from retrieval.naming import OPENING

    guide = parse_text("甲乙商店建设技术指南(试行)\n一、术语定义\n甲。\n", "g.txt")
    notice = parse_text(
        "乙部办公厅关于印发甲乙商店建设技术指南(试行)的通知\n各单位:\n现将乙部甲乙商店建设技术"
        "指南(试行)印发给你们。\n",
        "n.txt",
    )
    name = "乙部甲乙商店建设技术指南"
    assert names_document(name, guide)  # its title holds all of the name but its issuer
    index = NameIndex(
        [DocName(d.doc_id, d.title, d.issuer, d.norm[:OPENING], "") for d in (guide, notice)]
    )
    assert "g.txt" in index.fitting(name)
    # …not an unsigned one whose opening, not its title, holds it
    body = parse_text("为推进甲乙商店建设技术指南落实,制定本细则。\n一、目标\n", "b.txt")
    assert not names_document(name, body) or name_fit(name, body) < 1.0


def test_a_plan_named_short_names_the_report_writing_it_out() -> None:
    # "六五计划报告里": the report on the sixth five-year plan
    assert document_name(normalize("六五计划报告里,教育经费安排多少")) == "六五计划"
    assert document_name(normalize("关于六五计划的那份报告里,谁获表彰")) == "关于六五计划"
    on_it = parse_text("各位代表:\n现在,我代表国务院,作关于第六个五年计划的报告。\n", "a.txt")
    on_next = parse_text("各位代表:\n现在,我代表国务院,作关于第七个五年计划的报告。\n", "b.txt")
    assert name_fit("六五计划", on_it) == 1.0 and name_fit("六五计划", on_next) < 0.5


def test_a_document_opening_by_carrying_out_the_named_one_is_not_it() -> None:
    # its own words share the name's ("为加快甲乙建设…"), but it says it carries that one out
    rules = parse_text(
        "第一章总则\n第一条 为加快甲乙智能化建设,"
        "按照《关于加快甲乙智能化发展的指导意见》,制定本办法。\n",
        "r.txt",
    )
    assert name_fit("关于加快甲乙智能化发展的指导意见", rules) == 0.0


def test_a_notice_carrying_out_an_opinion_issued_by_others_is_not_it() -> None:
    # who issued the opinion stands between 按照 and its title, and the question names it
    # by its issuers too ("丙部等六部门关于…的指导意见"): the notice citing it is not it
    notice = parse_text(
        "各省科技厅:\n  为加快甲乙应用,根据乙部发布的《甲乙发展规划》,按照丙部等六部门联合"
        "印发的《关于加快甲乙场景创新 以甲乙高水平应用促进丁戊发展的指导意见》,现启动甲乙"
        "示范工作。\n",
        "n.txt",
    )
    name = "丙部等六部门关于加快甲乙场景创新、以甲乙高水平应用促进丁戊发展的指导意见"
    assert name_fit(name, notice) == 0.0
    # (the same opening without the cited title would fit the name well)
    assert name_fit("关于加快甲乙场景创新的指导意见", notice) == 0.0


def test_a_document_carrying_out_one_its_issuer_is_written_right_before_is_not_it() -> None:
    from retrieval.naming import grounded_on

    opening = normalize(
        "为贯彻落实丙部等部门《关于推动甲乙建造与丁戊工业化协同发展的指导意见》和《己市关于"
        "促进庚业高质量发展的实施意见》文件精神,制定本实施意见。"
    )
    assert grounded_on("丙部等13部门推动甲乙建造与丁戊工业化协同发展那个指导意见", opening)
    assert not grounded_on(
        "丙部等13部门推动甲乙建造与丁戊工业化协同发展那个指导意见", "制定本意见。"
    )
    # the 实施意见 carrying it out is asked: a cited 指导意见 is not that one
    assert not grounded_on("己市推动甲乙建造与丁戊工业化协同发展的实施意见", opening)


def test_what_an_opinion_is_said_to_be_is_no_piece_of_its_name() -> None:
    # 指导意见 / 若干意见 / 实施意见: the kind, which an untitled text announcing "以下意见"
    # cannot write; 若干 before another kind ("若干政策措施") stays a word of the name
    assert "若干" not in name_pieces("能源领域数字化智能化的若干意见")
    assert "指导" not in name_pieces("促进智慧港口发展的指导意见")
    assert "若干" in name_pieces("科创济南若干政策措施")
    untitled = parse_text(
        "推动数字技术与能源产业深度融合。为推进能源领域数字化智能化发展,提出以下意见。\n"
        "一、总体要求\n",
        "t.txt",
    )
    assert names_document("能源领域数字化智能化的若干意见", untitled)


def test_a_file_pointed_at_by_what_it_is_about_is_named_by_it() -> None:
    from retrieval.naming import document_name

    q = "甲乙监管人工智能典型应用场景那份文件,把应用场景分成了哪几大类"
    assert document_name(q) == "甲乙监管人工智能典型应用场景"
    assert document_name("去年印发的那份文件提了什么") == ""  # no subject: no name


def test_an_untitled_body_writing_a_short_form_as_the_question_does_is_described() -> None:
    from retrieval.naming import described_in, name_pieces

    body = (
        "甲能是战略性技术。为推动“双一流”建设高校构建甲能人才培养体系,"
        "加快培养高层次人才,推进甲能学科建设,现提出如下意见。\n一、总体要求\n略。\n"
    )
    doc = parse_text(body, "docs/policy-y.txt")
    name = "关于“双一流”高校推进甲能高层次人才培养的意见"
    # 高校's canonical form (高等学校) is not what the body writes; as asked, it is
    assert "高校" not in name_pieces(name) and "高校" in name_pieces(name, canonical=False)
    assert described_in(name, doc)
    assert not described_in("关于“双一流”高校推进乙能高层次人才引进的意见", doc)
