"""answer.labelled: a field labelled on one line and filled in on the next."""

from __future__ import annotations

from answer.clauses import clauses_of
from answer.extract import Candidate
from answer.labelled import labelled_body
from corpus.document import parse_text
from corpus.model import Passage

TEXT = "三、组织实施\n技术支持单位:\n甲乙信息通信研究院　　刘　迎　18610885074\n附件:\n"


def _best(text: str, phrase: str) -> Candidate:
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    clause = next(c for c in clauses_of(doc.text, 0) if phrase in c.norm)
    return Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 0, False, 1)


def test_the_body_opening_the_line_after_the_label_answers() -> None:
    best = _best(TEXT, "技术支持单位")
    found = labelled_body("甲乙通知里技术支持单位是哪家", best)
    assert found is not None and best.doc.text[found[0] : found[1]] == "甲乙信息通信研究院"


def test_no_body_when_none_is_asked_or_the_line_is_no_label() -> None:
    assert labelled_body("甲乙通知里技术支持单位的电话是多少", _best(TEXT, "技术支持单位")) is None
    prose = "技术支持单位由甲乙研究院担任。\n甲乙信息通信研究院负责。\n"
    assert labelled_body("技术支持单位是哪家", _best(prose, "技术支持单位")) is None
