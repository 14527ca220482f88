"""answer.phrase_parts: a which-document phrase of two clauses stated in sentences apart."""

from __future__ import annotations

from dataclasses import replace

from answer.clauses import clauses_of
from answer.extract import Candidate
from answer.phrase_parts import phrase_pieces, stated_apart
from answer.signals import Signals, signals
from corpus.document import parse_text
from corpus.model import Passage
from index.bm25 import BM25
from retrieval.query import parse_query

_WORDS = ["促进", "科技成果", "商品化", "逐步", "企业", "成为", "技术开发", "主体"]
BM = BM25.build([_WORDS, ["专家"]])
QUESTION = parse_query("哪份报告提出促进科技成果商品化，逐步使企业成为技术开发的主体？")


def _candidates(text: str, doc_id: str) -> list[Candidate]:
    doc = replace(parse_text(text, doc_id), doc_id=doc_id)
    passage = Passage(f"{doc_id}#0", doc_id, doc.text, 0, len(doc.text), "", None, "")
    return [
        Candidate(c, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, False, 1)
        for c in clauses_of(doc.text, 0)
    ]


def _clause_words(sig: Signals, qnorm: str) -> list[Signals]:
    return [part for _, part in phrase_pieces(sig, qnorm)]


def test_the_phrase_falls_into_its_clauses_words() -> None:
    sig = signals(QUESTION, BM)
    parts = _clause_words(sig, QUESTION.norm)
    assert [{t.text for t in p.terms} for p in parts] == [
        {"促进", "科技成果", "商品化"},
        {"逐步", "企业", "成为", "技术开发", "主体"},
    ]
    assert _clause_words(sig, "促进科技成果商品化") == []  # one clause: stated whole or not


def test_a_document_stating_each_clause_in_a_sentence_of_its_own_states_the_phrase() -> None:
    sig = signals(QUESTION, BM)
    both = _candidates(
        "报告\n要促进科技成果的商品化,完善服务体系。加强联合,逐步使企业成为技术开发的主体。\n",
        "a.txt",
    )
    one = _candidates("报告\n要促进科技成果的商品化,完善服务体系。\n", "b.txt")
    found = stated_apart(sig, QUESTION.norm, [*both, *one])
    assert list(found) == ["a.txt"] and "商品化" in found["a.txt"].clause.norm


def test_statements_joined_by_a_pause_mark_are_clauses_too() -> None:
    words = ["高温", "合金", "叶片", "打破", "垄断", "激光", "芯片", "量产"]
    q = parse_query("哪份报告说高温合金叶片打破了垄断、激光芯片实现量产？")
    sig = signals(q, BM25.build([words, ["专家"]]))
    parts = _clause_words(sig, q.norm)
    assert [{t.text for t in p.terms} for p in parts] == [
        {"高温", "合金", "叶片", "打破", "垄断"},
        {"激光", "芯片", "量产"},
    ]
    both = _candidates("报告\n高温合金叶片技术打破国外垄断;激光芯片实现量产。\n", "a.txt")
    assert list(stated_apart(sig, q.norm, both)) == ["a.txt"]


def test_a_clause_may_take_a_sentence_and_the_years_asked_are_its_own() -> None:
    # "重申" says how the report says it (no word it need write); the second clause is one
    # sentence of several clauses; the year asked is the second clause's, so a sentence of
    # another year states the first ("…连续五年获得增产,2024年…比2019年…").
    words = ["农业", "连续", "五年", "增产", "两步", "设想", "第一步", "以前", "完整", "产业体系"]
    q = parse_query(
        "哪份报告提到农业连续五年增产，并重申两步设想中第一步要在2030年以前建成完整的产业体系？"
    )
    sig = signals(q, BM25.build([words, ["重申", "专家"]]))
    assert "重申" not in {t.text for t in sig.terms} and len(_clause_words(sig, q.norm)) == 2
    text = (
        "报告\n我国农业连续五年获得增产,2024年粮食产量比2019年增长百分之十。"
        "可以按两步来设想:第一步,用五年时间,即在2030年以前,建成一个完整的产业体系。\n"
    )
    cands = [
        replace(c, year=-1) if "2024年" in c.clause.sent_norm else c
        for c in _candidates(text, "a.txt")
    ]
    found = stated_apart(sig, q.norm, cands)
    assert list(found) == ["a.txt"] and "增产" in found["a.txt"].clause.sent_norm
    # a document stating only the second clause states no phrase
    assert stated_apart(sig, q.norm, [c for c in cands if "增产" not in c.clause.sent_norm]) == {}


def test_each_clause_states_its_own_figures_in_its_sentence() -> None:
    words = ["五年", "出国", "培训", "其中", "青年教师", "不到"]
    q = parse_query("哪份报告提到五年来派了三千多人出国培训，其中青年教师不到百分之十？")
    sig = signals(q, BM25.build([words, ["专家"]]))
    assert set(sig.numbers) == {"3000", "10"}
    text = (
        "报告\n五年来我们派遣了三千多人出国培训,标准是对的。"
        "据统计,派出人员两千人,其中青年教师还不到百分之十。\n"
    )
    assert list(stated_apart(sig, q.norm, _candidates(text, "a.txt"))) == ["a.txt"]
    other = text.replace("三千多人", "两千多人")  # the first clause's figure not stated
    assert stated_apart(sig, q.norm, _candidates(other, "b.txt")) == {}
