"""answer.counted: what a figure question counts, and the clause of one sentence counting it."""

from __future__ import annotations

from collections.abc import Callable

from answer.counted import counted_word, counting_clause
from answer.extract import Candidate
from answer.signals import Signals, Term
from retrieval.query import parse_query

SENTENCE = "新建中小学校(幼儿园)20所,新增学位9670个。\n新建医院3所,新增床位400张。"


def _sig(*words: str) -> Signals:
    return Signals(tuple(Term(w, 4.0) for w in words), (), "")


def test_the_word_right_before_the_asking_word_is_counted() -> None:
    sig = _sig("中小学", "新增", "学位")
    assert counted_word("甲市新增学位多少", sig) == "学位"
    assert counted_word("甲市学位,今年新增了多少", sig) == ""  # what is done, no thing
    assert counted_word("甲市中小学学位有几个", _sig("中小学", "学位")) == "学位"
    assert counted_word("甲市学位情况", _sig("学位")) == ""
    # the time asked may stand between ("吞吐量23年多少")
    assert counted_word("甲港集装箱吞吐量23年多少", _sig("集装箱", "吞吐量")) == "吞吐量"


def test_a_domain_word_or_set_phrase_is_a_thing_when_it_ends_on_one() -> None:
    # jieba tags these x / l, no part of speech of their own: their last word says it
    assert counted_word("甲州授权的发明专利有多少件", _sig("授权", "发明专利")) == "发明专利"
    assert counted_word("甲市高新技术企业有多少家", _sig("高新技术企业")) == "高新技术企业"
    assert counted_word("甲市今年要培育多少", _sig("培育")) == ""


def test_of_one_sentence_the_clause_naming_what_is_counted_answers(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    schools, places, hospitals, beds = clause_candidates(SENTENCE)
    q = parse_query("甲市中小学学位有多少个")
    sig = _sig("中小学", "学位")
    every = [schools, places, hospitals, beds]
    assert counting_clause(q, sig, schools, every, lambda c: True) is places
    assert counting_clause(q, sig, schools, every, lambda c: c is not places) is schools
    # …only in the same sentence: a clause of another sentence does not take over
    beds_q = parse_query("甲市中小学床位有多少")
    assert (
        counting_clause(beds_q, _sig("中小学", "床位"), schools, every, lambda c: True) is schools
    )
    assert counting_clause(q, sig, places, every, lambda c: True) is places  # named already
    amount, reached = clause_candidates("合同投资额突破1000亿元,达1112亿元。")
    money_q, money = parse_query("甲市合同投资额是多少"), _sig("合同投资额")
    assert counting_clause(money_q, money, reached, [amount, reached], lambda c: True) is reached


def test_the_years_of_a_comparison_stand_between_the_counted_word_and_its_asking() -> None:
    sig = _sig("重大", "技术")
    assert counted_word("甲行动突破的重大技术,2024年和2025年各是多少项", sig) == "技术"
    assert counted_word("甲市和乙市的学位分别有多少", _sig("学位")) == "学位"
    # what is done stands between: no thing counted
    assert counted_word("甲市学位,2024年和2025年各新增了多少", _sig("学位", "新增")) == ""


def test_the_verb_right_after_the_asking_word_is_what_the_figure_does() -> None:
    from answer.counted import does_after, done_word

    assert done_word("乙县拟搬迁的村有多少个完成了搬迁") == "完成"
    assert done_word("有多少家已经获得认定") == "获得"
    assert done_word("新增了多少家科技型企业") == ""  # a thing counted, no deed
    assert done_word("多少个") == ""
    text = "全县60个拟搬迁村有45个完成搬迁,12个已开工。"
    at = text.index("45") + 2
    assert does_after(text, at, "个", "完成")
    assert not does_after(text, text.index("60") + 2, "个", "完成")


def test_a_word_made_a_count_by_liang_is_counted() -> None:
    # "新开工量2011年是多少": 新开工 is what the figure counts
    sig = _sig("城镇", "保障性", "住房", "新开工")
    assert counted_word("城镇保障性住房新开工量2011年是多少", sig) == "新开工"
    assert counted_word("甲市企业数是多少", _sig("企业")) == "企业"
