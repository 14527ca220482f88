"""answer.named_words: the words of a question that name its document, not what the
answering sentence states (made-up questions)."""

from __future__ import annotations

from answer.named_words import counted_quotes, without_name_words
from answer.signals import Signals, Term


def _sig(*words: str) -> Signals:
    return Signals(terms=tuple(Term(w, 1.0) for w in words), numbers=(), unit="")


def _kept(sig: Signals) -> list[str]:
    return [t.text for t in sig.terms]


def test_the_clause_naming_a_document_describes_it() -> None:
    question = "2031年甲部、乙部那版《示范车辆测试管理规范》里,测试时间原则上最长多久?"
    sig = _sig("甲部", "乙部", "那版", "示范", "测试", "时间", "原则上")
    kept = _kept(without_name_words(sig, "示范车辆测试管理规范", question))
    # who issued it and the name's words describe the document; the asked words stay
    assert kept == ["时间", "原则上"]


def test_a_word_the_question_also_asks_stays() -> None:
    question = "甲部《示范指南》提出,到2031年甲部要认定多少家示范企业?"
    sig = _sig("甲部", "示范", "认定", "企业")
    assert _kept(without_name_words(sig, "示范指南", question)) == ["甲部", "认定", "企业"]


def test_words_before_the_naming_clause_are_asked() -> None:
    question = "新增示范企业,甲部示范方案里定的目标是多少?"
    sig = _sig("新增", "企业", "甲部", "目标")
    kept = _kept(without_name_words(sig, "甲部示范方案", question))
    assert kept == ["新增", "企业", "目标"]


def test_without_the_question_only_the_names_words_go() -> None:
    sig = _sig("甲部", "示范", "时间")
    assert _kept(without_name_words(sig, "示范规范")) == ["甲部", "时间"]


def test_a_part_of_a_split_question_names_its_document_after_a_space() -> None:
    # "甲计划2031年度,A项目和B项目分别拟资助多少项" split: "2031年A项目拟资助多少项 甲计划…"
    part = '2031年a项目拟资助多少项 "甲乙方法"重大计划2031年度'
    sig = _sig("项目", "资助", "甲乙", "方法", "重大")
    # the part's own words stay; the name's go
    assert _kept(without_name_words(sig, '"甲乙方法"重大计划', part)) == ["项目", "资助"]
    # and the quoted name after the space is not what the figure counts
    assert counted_quotes(part, ("甲乙方法",)) == ()
    assert counted_quotes('新增了多少家"甲乙"企业', ("甲乙",)) == ("甲乙",)
