"""answer.people: dates a "when" question is answered by."""

from __future__ import annotations

import pytest

from answer.clauses import clauses_of
from answer.extract import Candidate
from answer.people import date_span, is_when
from corpus.document import parse_text
from corpus.model import Passage
from retrieval.query import parse_query


def _candidate(text: str) -> Candidate:
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    clause = next(iter(clauses_of(doc.text, 0)))
    return Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, False, 1)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("注册时间为2018年3月31日前。", "2018年3月31日前"),
        ("请于9月30日前报送推荐表。", "9月30日前"),
        ("力争2025年底前建成投用。", "2025年底前"),
        ("受理时间为2019-07-10。", "2019-07-10"),
    ],
)
def test_a_date_answers_when(sentence: str, date: str) -> None:
    q = parse_query("什么时候截止")
    assert is_when(q)
    cand = _candidate(sentence)
    span = date_span(q, cand)
    assert span is not None and cand.doc.text[span[0] : span[1]] == date


@pytest.mark.parametrize("sentence", ["申报分预申报、正式申报两步进行。", "2019年新增企业5家。"])
def test_a_sentence_stating_no_date_answers_no_when(sentence: str) -> None:
    assert date_span(parse_query("正式申报书什么时候截止"), _candidate(sentence)) is None
