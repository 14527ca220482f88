"""answer.spans: the figure a clause answers with."""

from __future__ import annotations

from answer.clauses import clauses_of
from answer.extract import Candidate
from answer.signals import Signals, Term
from answer.spans import short_span
from corpus.document import parse_text
from corpus.model import Passage
from retrieval.query import parse_query

SENTENCE = "全国平均每个农民的纯收入将由一九八○年的一百九十一元增加到一九八五年的二百五十五元。"


def _candidate(text: str) -> Candidate:
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    clause = next(iter(clauses_of(doc.text, 0)))
    return Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, False, 1)


def test_of_two_figures_a_clause_dates_the_one_of_the_year_asked_answers() -> None:
    cand = _candidate(SENTENCE)
    sig = Signals((Term("农民", 4.0), Term("纯收入", 4.0)), (), "money")
    later = short_span(parse_query("全国农民纯收入1985年计划到多少元"), sig, cand)
    assert cand.doc.text[slice(*later)].endswith("二百五十五元")
    earlier = short_span(parse_query("全国农民纯收入1980年是多少元"), sig, cand)
    assert cand.doc.text[slice(*earlier)].endswith("一百九十一元")


def test_a_change_asked_by_what_it_reached_answers_with_the_figure_after_zhi() -> None:
    from dataclasses import replace

    text = "将制造业等行业现行16%的税率降至13%。"
    at = text.index("现行16%")
    # (the facts table read the figure it started from)
    cand = replace(_candidate(text), fact_span=(at, at + len("现行16%")))
    sig = Signals((Term("制造业", 4.0), Term("税率", 4.0)), (), "percent")
    reached = short_span(parse_query("丁国制造业的税率降到多少"), sig, cand)
    assert cand.doc.text[slice(*reached)] == "13%"
    now = short_span(parse_query("丁国制造业现行税率是多少"), sig, cand)
    assert cand.doc.text[slice(*now)] == "现行16%"


def test_of_figures_listed_with_their_years_the_year_asked_answers_alone() -> None:
    # made-up: one metric, its figures told apart only by the year written before each
    cand = _candidate(
        "丙省财政赤字从２０１１年的八十亿元、２０１２年的六十五亿元，预计降到今年的十亿元。"
    )
    sig = Signals((Term("财政赤字", 4.0),), (), "money")
    later = short_span(parse_query("丙省2012年的财政赤字是多少"), sig, cand)
    assert cand.doc.text[slice(*later)] == "２０１２年的六十五亿元"
    earlier = short_span(parse_query("丙省2011年的财政赤字是多少"), sig, cand)
    assert "八十亿元" in cand.doc.text[slice(*earlier)]
    assert "六十五亿元" not in cand.doc.text[slice(*earlier)]


def test_a_figure_among_several_keeps_the_noun_it_counts_after_it() -> None:
    from answer.spans import item_span
    from corpus.document import parse_text as parse
    from corpus.facts import extract_facts

    doc = parse("通过线下开展2000场“甲乙”课堂和20000场(次)志愿驻点服务。", "t.txt")
    facts = sorted(extract_facts(doc), key=lambda f: f.value_start)
    first, second = (doc.norm[slice(*item_span(facts, f, doc.norm, 0))] for f in facts)
    assert first.endswith('2000场"甲乙"课堂')  # its quoted noun, marks and all
    assert second == "20000场(次)志愿驻点服务"  # after its unit's note, not the noun before
