"""answer.results: one answer made of the answers to a question's several asks."""

from __future__ import annotations

from answer.model import Answer, Citation
from answer.results import joined
from retrieval.query import parse_query


def _cite(doc: str) -> Citation:
    return Citation(doc, "甲文件", "", "甲句。", 0, 3, 0, 1)


def test_joined_answers_keep_their_order_and_citations() -> None:
    q = parse_query("甲项目要搞多少项?这条哪个部门负责")
    first = Answer("甲", True, "10项以上", (_cite("a.txt"),))
    second = Answer("乙", True, "市经信局", (_cite("a.txt"),), parts=("市经信局",))
    both = joined(q, [first, second])
    assert both.found and both.answer == "10项以上；市经信局"
    assert both.parts == ("10项以上", "市经信局") and len(both.citations) == 2
    assert both.message == ""


def test_joined_says_what_was_not_found_and_refuses_when_nothing_was() -> None:
    q = parse_query("甲项目要搞多少项?这条哪个部门负责")
    found = Answer("甲", True, "10项以上", (_cite("a.txt"),))
    missing = Answer("乙", False, "", related=(_cite("b.txt"),))
    one = joined(q, [found, missing])
    assert one.found and one.answer == "10项以上" and "未找到" in one.message
    none = joined(q, [missing, missing])
    assert not none.found and none.related and none.answer == ""


def test_a_relative_year_label_is_given_the_year_its_answer_is_about() -> None:
    from dataclasses import replace

    from answer.results import dated_label

    cite = replace(_cite("a.txt"), section="一、2023年工作回顾 > (二)示范工作")
    assert dated_label("去年", cite) == "去年（2023年）"
    assert dated_label("2022年", cite) == "2022年"  # a year written out stays as written
    assert dated_label("去年", replace(cite, section="(二)示范工作")) == "去年"
    assert dated_label("今年", None) == "今年"


def test_parts_told_apart_by_metric_alone_are_labelled_when_their_figures_are_bare() -> None:
    from dataclasses import replace

    from answer.results import Result, bare_labels

    cite = _cite("a.txt")
    bare = [Result(True, "30个", cite, None), Result(True, "10个", cite, None)]
    segments = ["各省推荐的示范场景", "示范工厂分别不超过多少个"]
    assert bare_labels(segments, bare) == ["各省推荐示范场景", "示范工厂"]
    named = [replace(bare[0], span="示范场景30个"), bare[1]]
    assert bare_labels(segments, named) == ["", ""]  # an answer tells its own part apart


def test_parts_whose_answers_name_only_what_they_share_are_labelled() -> None:
    # "…领域内的最高给多少、领域外的最高给多少": both answers name the subsidy, neither says
    # inside or outside
    from answer.results import Result, bare_labels

    cite = _cite("a.txt")
    segments = ["重点领域内的孵化器补助最高多少", "重点领域外的孵化器补助最高多少"]
    results = [
        Result(True, "对孵化器给予最高500万元补助", cite, None),
        Result(True, "对孵化器给予最高100万元补助", cite, None),
    ]
    labels = bare_labels(segments, results)
    assert all(labels) and "内" in labels[0] and "外" in labels[1]
    # answers in other words that still say what only their part asks need no label
    told = [
        Result(True, "全市研究与试验发展经费投入增长20.8%", cite, None),
        Result(True, "实现技术合同交易额31亿元", cite, None),
    ]
    assert bare_labels(["研发经费投入增速是多少", "技术合同交易额实现了多少"], told) == ["", ""]


def test_a_relative_year_label_is_dated_before_its_kind() -> None:
    from answer.model import Citation
    from answer.results import dated_label

    c = Citation("d.txt", "甲市报告", "二、2024年目标任务", "力争新增50名。", 0, 7, 0, 7)
    assert dated_label("今年力争", c) == "今年（2024年）力争"
    assert dated_label("今年", c) == "今年（2024年）"
    assert dated_label("今年以来", c) == "今年以来"  # no relative year alone
