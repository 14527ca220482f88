"""answer.results.doer_after_by: "由谁负责" answered by the sentence writing 由 + doer."""

from __future__ import annotations

from collections.abc import Callable

from answer.extract import Candidate
from answer.results import doer_after_by
from answer.signals import Signals, Term
from retrieval.query import parse_query

TEXT = (
    "第五条 平台按照谁主管谁负责的原则建立审核制度。"
    "第四条 甲部负责统筹审核的监督管理工作。具体工作由乙办公室负责。"
)


def test_the_doer_written_after_you_answers_you_asked(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    cands = clause_candidates(TEXT)
    sig = Signals((Term("审核", 4.0), Term("负责", 4.0)), (), "")
    got = doer_after_by(parse_query("审核的具体工作由谁负责"), sig, cands[0], cands)
    assert "乙办公室" in got.clause.norm


def test_without_you_the_best_stays(clause_candidates: Callable[[str], list[Candidate]]) -> None:
    cands = clause_candidates(TEXT)
    sig = Signals((Term("审核", 4.0), Term("负责", 4.0)), (), "")
    assert doer_after_by(parse_query("谁负责审核的监督管理"), sig, cands[0], cands) is cands[0]
