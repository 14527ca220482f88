"""answer.extract.fits: a bar kept for years, or a figure a plan pushes to, is no result asked."""

from __future__ import annotations

from answer.clauses import clauses_of
from answer.extract import Candidate, fits
from answer.signals import Signals, Term
from corpus.document import parse_text
from corpus.model import Passage
from retrieval.query import parse_query

TEXT = "粮食总产量连续9年稳定在1300亿斤以上。全年粮食产量1350.97亿斤。"


def _candidates(text: str) -> list[Candidate]:
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    return [
        Candidate(c, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, True, 1)
        for c in clauses_of(doc.text, 0)
    ]


def test_a_years_figure_is_not_a_streaks_bar() -> None:
    streak, year = _candidates(TEXT)
    sig = Signals((Term("粮食产量", 4.0),), (), "")
    q = parse_query("甲省2025年粮食产量是多少")
    assert not fits(q, sig, streak)
    assert fits(q, sig, year)


def test_a_question_asking_the_streak_is_answered_by_it() -> None:
    streak, _ = _candidates(TEXT)
    q = parse_query("甲省2025年粮食产量连续几年稳定在1300亿斤以上")
    assert fits(q, Signals((Term("粮食产量", 4.0),), (), ""), streak)


def test_a_figure_a_plan_pushes_to_is_no_result_asked() -> None:
    (pushed,) = _candidates("推动全省数据中心在用标准机架数达到35万个。")
    sig = Signals((Term("标准机架", 4.0),), (), "count")
    assert not fits(parse_query("甲省23年底全省数据中心在用标准机架实际到了多少个"), sig, pushed)
    assert fits(parse_query("甲省23年底全省数据中心在用标准机架要达到多少个"), sig, pushed)
