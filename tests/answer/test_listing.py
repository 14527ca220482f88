"""answer.listing: a series closed by 等, and whole item sentences (made-up text)."""

from __future__ import annotations

from answer.listing import series
from corpus.normalize import normalize


def _items(text: str) -> list[str]:
    norm = normalize(text)
    return [norm[s:e] for s, e in series(norm, 0, len(norm))]


def test_a_series_closed_by_deng_starts_after_the_word_introducing_it() -> None:
    text = "鼓励有条件的甲、乙通过担保奖补、风险补偿、贷款贴息等方式,提供支持。"
    assert _items(text) == ["担保奖补", "风险补偿", "贷款贴息"]
    assert _items("聚焦生命健康、新材料、数字经济等领域先发优势。") == [
        "生命健康",
        "新材料",
        "数字经济",
    ]


def test_no_series_without_deng_or_with_two_items() -> None:
    assert _items("建设甲园区、乙园区和丙园区。") == []
    assert _items("支持甲、乙等单位。") == []


def test_a_series_closed_by_the_asked_noun_answers_a_list_question() -> None:
    from answer.clauses import clauses_of
    from answer.extract import Candidate
    from answer.listing import named_series
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from corpus.model import Passage
    from retrieval.query import parse_query

    text = "三是强化人才招引。聚焦生命健康、新材料、数字经济等领域先发优势,排摸人才。\n"
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    cands = [
        Candidate(c, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 0, 0, False, 1)
        for c in clauses_of(doc.text, 0)
    ]
    sig = Signals((Term("人才", 1.0), Term("领域", 1.0)), (), "")
    found = named_series(parse_query("人才招引主要盯哪几个领域"), sig, cands)
    assert found is not None and found.items == ("生命健康", "新材料", "数字经济")
    assert named_series(parse_query("人才招引有哪些方式"), sig, cands) is None
