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


def test_a_reply_names_the_proposer_on_its_addressee_line() -> None:
    from answer.people import addressee_span, asks_proposer
    from corpus.normalize import normalize

    norm = normalize(
        "甲部对“关于某某的建议”的答复\n甲函〔2021〕7号\n\n张某某等15位代表:\n你们提出的建议收悉。\n"
    )
    s, e = addressee_span(norm) or (0, 0)
    assert norm[s:e] == "张某某"
    assert asks_proposer(normalize("甲部答复的那条建议,是哪位代表领衔提的"))
    assert not asks_proposer(normalize("哪位市长作的报告"))
    assert addressee_span(normalize("各位代表:\n现在我代表市人民政府作报告。")) is None


def test_a_day_of_the_month_asked_is_the_date_that_names_its_day() -> None:
    from answer.people import _DATE, _DAY_ASKED
    from corpus.normalize import normalize

    sent = normalize("自2018年5月起,请各省每月7日前将上月进度报送我局。")
    dates = [m.group(0) for m in _DATE.finditer(sent)]
    assert dates == ["2018年5月", "每月7日前"]
    assert _DAY_ASKED.search(normalize("项目进展月报要各省每月几号前报"))


def test_person_spans_keep_a_name_read_and_find_one_after_a_title_otherwise() -> None:
    from answer.people import person_spans

    sent = "甲乙公司董事长张三出席会议。"
    named = (sent.index("张三"), sent.index("张三") + 2)
    assert person_spans("出席会议的是谁", sent, [named]) == [named]  # one name read: kept
    whole = (0, sent.index("出席"))
    assert person_spans("出席会议的是谁", sent, [whole]) == [named]  # the name after the title
    assert person_spans("出席会议的是哪家公司", sent, [whole]) == [whole]  # no person asked


def test_a_year_asked_is_answered_by_the_year_reached() -> None:
    from retrieval.intent import Intent

    q = parse_query("甲部那个转型意见说到哪年要取得明显成效")
    assert q.intent is Intent.ENTITY and is_when(q)
    cand = _candidate("到2027年,全国城市全域数字化转型取得明显成效。")
    span = date_span(q, cand)
    assert span is not None and cand.doc.text[span[0] : span[1]] == "到2027年"
    # "哪年的报告" asks for a document
    assert parse_query("哪年的政府工作报告提出建设示范区").intent is Intent.WHICH_DOC


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("甲细则是从哪天开始施行的", "2023年2月22日"),
        ("甲细则有效期到哪天为止", "2026年2月21日"),
        # an ask of two sentences, the first's words lent to the second: its own clause asks
        ("甲细则是从哪天开始施行的,有效期到哪天为止", "2026年2月21日"),
    ],
)
def test_of_several_dates_the_one_whose_clause_writes_the_words_asked(
    question: str, date: str
) -> None:
    cand = _candidate("本细则自2023年2月22日施行,有效期至2026年2月21日。")
    span = date_span(parse_query(question), cand)
    assert span is not None and cand.doc.text[span[0] : span[1]] == date
