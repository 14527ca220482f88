"""answer.extract.fits: a bar kept for years, or a figure a plan pushes to, is no result asked."""

from __future__ import annotations

from collections.abc import Callable

from answer.extract import Candidate, fits
from answer.signals import Signals, Term
from retrieval.query import parse_query

TEXT = "粮食总产量连续9年稳定在1300亿斤以上。全年粮食产量1350.97亿斤。"


def test_a_years_figure_is_not_a_streaks_bar(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    streak, year = clause_candidates(TEXT)
    sig = Signals((Term("粮食产量", 4.0),), (), "")
    q = parse_query("甲省2025年粮食产量是多少")
    assert not fits(q, sig, streak)
    assert fits(q, sig, year)


def test_a_question_asking_the_streak_is_answered_by_it(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    streak, _ = clause_candidates(TEXT)
    q = parse_query("甲省2025年粮食产量连续几年稳定在1300亿斤以上")
    assert fits(q, Signals((Term("粮食产量", 4.0),), (), ""), streak)


def test_a_figure_a_plan_pushes_to_is_no_result_asked(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    (pushed,) = clause_candidates("推动全省数据中心在用标准机架数达到35万个。")
    sig = Signals((Term("标准机架", 4.0),), (), "count")
    assert not fits(parse_query("甲省23年底全省数据中心在用标准机架实际到了多少个"), sig, pushed)
    assert fits(parse_query("甲省23年底全省数据中心在用标准机架要达到多少个"), sig, pushed)
