"""answer.named_doc.named_scope: the one document a question's name describes best."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from answer.policy import CONFIG
from retrieval.model import Filters
from retrieval.query import parse_query

_BUILDING = (
    "为推动甲建材行业智能制造,制定甲建材行业智能制造标准体系建设指南。\n"
    "一、建设目标\n到2023年,制定不少于20项相关标准。\n"
)
_OTHER = (
    "为推动乙车联网产业发展,制定乙车联网智能制造标准体系建设指南。\n"
    "一、建设目标\n到2023年,制修订30项以上相关标准。\n"
)


def test_the_document_a_name_describes_best_is_asked_first(qa_of_texts: Any) -> None:
    from answer.named_doc import named_scope

    qa = qa_of_texts({"a.txt": _BUILDING, "b.txt": _OTHER})
    q = parse_query("甲建材行业智能制造标准体系建设指南到23年要制定多少项标准")
    scope = named_scope(q, None, qa.retriever, qa.index.heads)
    assert scope is not None and scope.doc_ids == ("a.txt",)
    answer = qa.ask("甲建材行业智能制造标准体系建设指南到23年要制定多少项标准")
    assert answer.found and "20" in answer.answer
    # filters choosing documents already, or no name: nothing to scope
    assert named_scope(q, Filters(doc_ids=("b.txt",)), qa.retriever, qa.index.heads) is None
    plain = parse_query("到23年要制定多少项标准")
    assert named_scope(plain, None, qa.retriever, qa.index.heads) is None


def test_of_documents_sharing_a_names_words_the_one_of_the_kind_it_names(qa_of_texts: Any) -> None:
    from answer.named_doc import named_scope

    opinion = (
        "各省工业和信息化主管部门:\n"
        "为加强甲车辆生产企业及产品准入管理,维护公共安全,提出以下意见。\n"
        "一、加强产品管理\n(一)严格履行告知义务。\n(二)加强功能安全管理。\n"
    )
    guide = (
        "甲车辆生产企业及产品准入管理指南(试行)\n"
        "一、总则\n为加强甲车辆生产企业及产品准入管理,制定本指南。\n"
        "二、加强产品管理\n(一)车辆应确保安全升级。\n(二)车辆应具备校验能力。\n"
    )
    qa = qa_of_texts({"o.txt": opinion, "g.txt": guide})
    q = parse_query("加强甲车辆生产企业及产品准入管理的那个意见,加强产品管理部分提了哪几条?")
    scope = named_scope(q, None, qa.retriever, qa.index.heads)
    assert scope is not None and scope.doc_ids == ("o.txt",)


def test_documents_ahead_by_exactly_the_margin_stand_out() -> None:
    from answer.named_doc import stands_out
    from answer.policy import CONFIG

    # five pairs of a name: all in one title, four in the next (1.0 - 0.8, short of 0.2 in
    # floating point)
    assert stands_out(5 / 5, 4 / 5, 1) and CONFIG.named_margin == 0.2
    assert not stands_out(4 / 5, 3.5 / 5, 1)  # not far enough ahead
    assert not stands_out(0.5, 0.0, 1)  # too little of the name
    assert not stands_out(1.0, 0.0, CONFIG.named_ties + 1)  # too many fit it equally


def test_a_report_named_by_place_and_year_may_be_an_undated_copy(qa_of_texts: Any) -> None:
    from answer.named_doc import named_documents

    dated = "南宁市2024年政府工作报告\n2024年1月10日\n一、2023年工作回顾\n建成电池产能70GWh。\n"
    undated = (
        "2023年是全面贯彻党的二十大精神的开局之年。柳州市全市上下奋力拼搏。\n"
        "柳州市汽车产业加快转型,已建成电池产能40.5GWh。柳州市新增高企80家。\n"
    )
    qa = qa_of_texts({"b.txt": dated, "a.txt": undated})
    q = parse_query("柳州市24年政府工作报告里说,去年全市已经建成的电池产能大概有多少?")
    assert named_documents(q, qa.retriever, 3) == ("a.txt",)
    other = parse_query("南宁市24年政府工作报告里说,去年建成的电池产能有多少?")
    assert named_documents(other, qa.retriever, 3) == ("b.txt",)


def test_a_report_named_by_place_year_and_kind_ranks_its_passages_by_the_other_words() -> None:
    from answer.named_doc import without_naming

    q = parse_query("遵义24年政府工作报告里，今年全社会研发经费占地区生产总值的比重要提升到多少？")
    rest = without_naming(q)
    assert "报告" not in rest.norm and rest.norm.startswith("今年")  # every passage shares it
    assert rest.years == q.years and rest.regions == q.regions  # still asked of that report
    alone = parse_query("遵义24年政府工作报告里，是啥？")
    assert without_naming(alone) is alone  # too little left to rank by
    plain = parse_query("遵义2023年新增高企多少")
    assert without_naming(plain) is plain


def test_of_many_documents_a_name_fits_those_of_the_kind_it_names(qa_of_texts: Any) -> None:
    from answer.named_doc import named_documents

    plan = "甲船舶是重点方向。为此,现就大力发展甲船舶智能制造制定本行动计划。\n一、保障措施\n"
    guides = {
        f"g{i}.txt": f"甲船舶智能制造标准体系建设指南第{i}版。\n一、建设内容\n甲船舶发展。\n"
        for i in range(4)
    }
    qa = qa_of_texts({"plan.txt": plan, **guides})
    q = parse_query("《甲船舶智能制造发展行动计划》，保障措施有哪几条？")
    assert len(qa.retriever.documents_named(q.doc_name)) > 3  # too many to tell apart…
    assert named_documents(q, qa.retriever, 3) == ("plan.txt",)  # …but one is a 行动计划


def test_of_many_documents_a_name_fits_alike_those_writing_its_subject_in_one_run(
    qa_of_texts: Any,
) -> None:
    from answer.named_doc import named_documents

    own = "智能船舶是重点方向。现就大力发展智能船舶制定本行动计划。\n一、重点任务\n"
    other = "为加快乙制造与海洋船舶融合发展,推进转型,制定本行动计划。\n一、重点任务\n"
    guides = {f"g{i}.txt": f"智能船舶乙制造发展行动计划第{i}版\n一、任务\n甲。\n" for i in range(3)}
    qa = qa_of_texts({"own.txt": own, "other.txt": other, **guides})
    q = parse_query("智能船舶发展行动计划里重点任务都有哪些？")
    assert len(qa.retriever.documents_named(q.doc_name)) > 3  # too many to tell apart…
    assert named_documents(q, qa.retriever, 3) == ("own.txt",)  # …but one writes 智能船舶


def test_a_figure_found_elsewhere_is_refused_when_the_name_does_not_fit_its_document() -> None:
    from answer.model import Citation
    from answer.named_doc import unnamed_refused
    from answer.results import Result
    from corpus.document import parse_text

    heads = {
        "p.txt": parse_text("电力装备数字化转型工作方案\n一、目标\n建成10个5G工厂。\n", "p.txt"),
        "q.txt": parse_text("轻工业数字化转型实施方案\n一、目标\n建成8个5G工厂。\n", "q.txt"),
    }
    q = parse_query("轻工业数字化转型方案要建多少个5G工厂？")
    assert q.doc_name == "轻工业数字化转型方案"  # (a name is read before 要)

    def found_in(doc_id: str) -> Result:
        cited = Citation(doc_id, "", "", "建成10个5G工厂", 0, 10, 2, 5)
        return Result(True, "10个", cited, None)

    assert not unnamed_refused(q, found_in("p.txt"), heads).found  # another plan's figure
    assert unnamed_refused(q, found_in("q.txt"), heads).found  # one the name fits


def test_two_editions_a_name_fits_alike_are_asked_together(qa_of_texts: Any) -> None:
    from answer.named_doc import named_scope

    # made-up: two editions of one untitled guide, and notices of its issuer sharing its words
    first = (
        "为贯彻甲乙发展规划,进一步明确甲乙创新发展试验区的总体要求,"
        "有序推动甲乙创新发展试验区建设,特制定本指引。\n"
        "一、总体要求\n到2023年,布局建设20个左右试验区,形成一批典型模式。\n"
        "二、保障措施\n丙部会同有关部门加强对试验区建设的统筹。\n"
    )
    second = first.replace("形成一批典型模式", "打造一批创新高地")
    notice = (
        "丙部关于甲乙创新发展试验区建设工作的通知\n各有关单位:\n"
        "丙部将加强对甲乙创新发展试验区建设工作的指导。\n"
    )
    qa = qa_of_texts({"g1.txt": first, "g2.txt": second, "n.txt": notice})
    question = "丙部甲乙创新发展试验区建设工作指引,到23年计划布局多少个试验区?"
    scope = named_scope(parse_query(question), None, qa.retriever, qa.index.heads)
    assert scope is not None and scope.doc_ids == ("g1.txt", "g2.txt")
    answer = qa.ask(question)
    assert answer.found and "20个左右" in answer.answer


def test_an_untitled_document_its_body_describes_is_the_one_named(qa_of_texts: Any) -> None:
    from answer.named_doc import described_documents, named_documents

    plan = (
        "甲能的迅速发展将深刻改变社会生活。为抢抓发展机遇,制定本规划。\n"
        "一、战略态势\n新一代甲能发展进入新阶段,新一代甲能核心产业加快壮大。\n"
        "二、战略目标\n第一步,到2037年新一代甲能核心产业规模超过1500亿元。\n"
    )
    # documents citing the plan hold its name in their openings, its own holds none of it
    citing = {
        f"c{i}.txt": f"为落实《新一代甲能发展规划》,推动乙{i}发展,制定本方案。\n"
        f"一、目标\n建成乙{i}平台{i}个。\n"
        for i in range(5)
    }
    qa = qa_of_texts({"p.txt": plan, **citing})
    q = parse_query("《新一代甲能发展规划》提出,到2037年核心产业规模要超过多少")
    assert described_documents(q.doc_name, qa.retriever, qa.index.heads) == ("p.txt",)
    assert named_documents(q, qa.retriever, 3, qa.index.heads) == ("p.txt",)
    answer = qa.ask("《新一代甲能发展规划》提出,到2037年核心产业规模要超过多少")
    assert answer.found and "1500亿元" in answer.answer
    # of another kind than the one named, an untitled body describing it is not it
    assert described_documents("新一代甲能发展意见", qa.retriever, qa.index.heads) == ()


def test_an_untitled_document_its_body_describes_is_asked_within(qa_of_texts: Any) -> None:
    from answer.named_doc import named_scope

    scenes = (
        "一、准入审批类\n应用一:形式审查\n人工智能技术在甲乙监管中可以发挥作用,"
        "是甲乙监管人工智能应用场景之一。\n二、日常监管类\n应用二:远程监管\n略。\n"
        "三、服务公众类\n应用三:智能问答\n略。\n"
    )
    other = "丙丁人工智能应用场景清单\n一、总体要求\n推动人工智能应用场景建设。\n"
    qa = qa_of_texts({"policy-a.txt": scenes, "b.txt": other})
    question = "甲乙监管人工智能典型应用场景那份文件,把应用场景分成了哪几大类"
    scope = named_scope(parse_query(question), None, qa.retriever, qa.index.heads)
    assert scope is not None and scope.doc_ids == ("policy-a.txt",)
    answer = qa.ask(question)
    assert answer.found and answer.answer == "准入审批类；日常监管类；服务公众类"


def test_an_untitled_plan_is_asked_within_though_notices_of_another_kind_cite_it(
    qa_of_texts: Any,
) -> None:
    from answer.named_doc import described_documents, named_scope

    plan = (
        "甲乙服务得到广泛应用。为进一步推动解决老人在运用甲乙技术方面遇到的困难,"
        "制定本实施方案。\n一、重点任务\n切实解决老人运用甲乙技术困难,便利老人出行。\n二、保障措施\n"
        "(一)健全工作机制。建立协调机制。\n(二)完善法规规范。推动修订法规。\n"
        "(三)加强督促落实。开展评估。\n"
    )
    # a notice whose opening carries out the plan's name, and a reply with many passages
    # of its words (crowding the best passages), both of kinds other than the one named
    notice = (
        "各省卫生健康委:\n为落实国务院关于切实解决老人运用甲乙技术困难的决策部署,"
        "开展助老行动,现将有关事项通知如下。\n一、工作任务\n开展培训。\n"
    )
    reply = "民政部对关于深化运用甲乙技术强化老人关爱的建议的答复\n" + "".join(
        f"{i}、关于切实解决老人运用甲乙技术困难的第{i}项建议。推进老人运用甲乙技术。\n"
        for i in range(1, 13)
    )
    qa = qa_of_texts({"p.txt": plan, "n.txt": notice, "r.txt": reply})
    question = "国办关于切实解决老人运用甲乙技术困难的实施方案,保障措施都有哪几条"
    q = parse_query(question)
    # the reply's passages come first; the plan is the second document among them
    two = replace(CONFIG, described_docs=2)
    assert described_documents(q.doc_name, qa.retriever, qa.index.heads, two) == ("p.txt",)
    scope = named_scope(q, None, qa.retriever, qa.index.heads)
    assert scope is not None and scope.doc_ids == ("p.txt",)
    answer = qa.ask(question)
    assert answer.found and answer.answer == "健全工作机制；完善法规规范；加强督促落实"


def test_a_plan_announcing_its_kind_in_short_is_of_the_kind_a_name_says_whole(
    qa_of_texts: Any,
) -> None:
    from answer.named_doc import named_scope

    # "制定本计划" announces a 行动计划; another 行动计划 sharing a few words is not it
    remaking = (
        "为加快发展高端甲再制造、智能甲再制造(以下统称高端智能甲再制造),制定本计划。\n"
        "一、总体目标\n到2020年,高端智能甲再制造产业规模达到2000亿元。\n"
    )
    testing = (
        "智能乙检测装备是智能制造的核心装备,是高端制造的基础,制定本行动计划。\n"
        "一、总体目标\n到2025年,智能乙检测装备产业规模超过1000亿元。\n"
    )
    qa = qa_of_texts({"r.txt": remaking, "t.txt": testing})
    question = "高端智能甲再制造行动计划定的产业规模目标是多少"
    scope = named_scope(parse_query(question), None, qa.retriever, qa.index.heads)
    assert scope is not None and scope.doc_ids == ("r.txt",)
