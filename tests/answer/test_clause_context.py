"""answer.clause_context: what a clause is read with (made-up text)."""

from __future__ import annotations

from answer.clause_context import local_cov, read_before
from answer.clauses import Clause, clauses_of
from answer.policy import CONFIG
from answer.signals import Signals, Term, canon, coverage
from corpus.model import Document
from corpus.normalize import normalize


def _doc(text: str) -> Document:
    return Document(doc_id="d", text=text, norm=normalize(text), title="", region="")


def _sentences(clauses: list[Clause]) -> list[tuple[int, str]]:
    return sorted({(c.sent_start, c.sent_norm) for c in clauses})


def test_a_part_of_the_sentence_before_is_read_with_it() -> None:
    text = "今年示范企业投资规模压缩920亿元,减少21%。其中,甲类企业投资规模压缩510亿元。"
    doc = _doc(text)
    clauses = clauses_of(text, 0)
    part = next(c for c in clauses if "510" in c.norm)
    assert read_before(doc, _sentences(clauses), part) == [normalize(text.split("。")[0] + "。")]


def test_a_sentence_continued_after_a_semicolon_is_read_with_it() -> None:
    text = "示范经费投入120亿元;投入强度为4.5%。新的一年继续推进。"
    doc = _doc(text)
    clauses = clauses_of(text, 0)
    rate = next(c for c in clauses if "4.5" in c.norm)
    first = next(c for c in clauses if "120" in c.norm)
    assert read_before(doc, _sentences(clauses), rate) == [first.sent_norm]
    later = next(c for c in clauses if "继续" in c.norm)
    assert read_before(doc, _sentences(clauses), later) == []  # a new sentence after 。


def test_a_goal_closing_a_paragraph_is_read_with_the_sentence_it_is_the_goal_of() -> None:
    text = "推广甲模型,面向企业开展甲贯标服务。到2022年,力争100家企业达到3级以上标准。"
    doc = _doc(text)
    clauses = clauses_of(text, 0)
    goal = next(c for c in clauses if "100" in c.norm)
    assert read_before(doc, _sentences(clauses), goal) == [normalize(text.split("。")[0] + "。")]
    # a time alone opens a new sentence, no goal of the one before ("到2022年,全省…")
    other = "推广甲模型,面向企业开展甲贯标服务。到2022年,全省高企达到100家。"
    clauses = clauses_of(other, 0)
    figure = next(c for c in clauses if "100" in c.norm)
    assert read_before(_doc(other), _sentences(clauses), figure) == []


def test_a_clause_of_another_metric_holds_nothing_of_the_asked() -> None:
    sig = Signals((Term("示范研发经费", 4.0), Term("增长", 2.0)), (), "%")
    text = "享受示范研发费用扣除企业421家,金融机构企业贷款余额达到1928亿元、增长10.2%。"
    clauses = clauses_of(text, 0)
    i = next(n for n, c in enumerate(clauses) if "10.2" in c.norm)
    ccov = coverage(sig, canon(clauses[i].norm))
    assert local_cov(sig, True, clauses, i, ccov, CONFIG.clause) == 0.0
    assert local_cov(sig, False, clauses, i, ccov, CONFIG.clause) >= ccov  # nothing asked


def test_a_part_given_after_qizhong_is_of_the_sentence_before() -> None:
    from answer.clause_context import part_of
    from corpus.normalize import normalize

    text = normalize(
        "到1985年,进出口贸易总额将达到855亿元。其中,出口总额将达到402亿元;进口总额将达到453亿元。"
    )
    assert part_of(text, text.index("进口总额")) == "到1985年,进出口贸易总额将达到855亿元。"
    assert (
        part_of(text, text.index("出口总额将达到402")) == "到1985年,进出口贸易总额将达到855亿元。"
    )
    assert part_of(text, text.index("进出口")) == ""  # no part of anything


def test_a_sentence_going_on_a_numbered_point_is_read_with_its_opening() -> None:
    text = (
        "今年重点抓好两件事:一是积极推行甲乙合作制度。试点范围扩大到全国。中央财政安排补助资金"
        "101亿元,比去年增加58亿元。二是加快推进丙丁服务。"
    )
    doc = _doc(text)
    clauses = clauses_of(text, 0)
    funds = next(c for c in clauses if "101" in c.norm)
    assert read_before(doc, _sentences(clauses), funds)[0] == "一是积极推行甲乙合作制度"
    second = next(c for c in clauses if "丙丁" in c.norm)
    assert read_before(doc, _sentences(clauses), second) == []  # a point opening is its own


def test_a_paragraphs_run_in_title_is_read_with_its_later_sentences() -> None:
    text = "甲市报告\n积极盘活闲置资源资产。注重善建善营,实施再开发政策12项,实现收入59.6亿元。\n"
    doc = _doc(text)
    clauses = clauses_of(text, 0)
    income = next(c for c in clauses if "59.6" in c.norm)
    assert read_before(doc, _sentences(clauses), income) == ["积极盘活闲置资源资产。"]
    # …and a numbered point right before a sentence is read with it too
    text = "甲市报告\n三是首创成果转化“二次保障”机制。出台试点方案,与甲保险签署转化保单。\n"
    doc = _doc(normalize(text))
    clauses = clauses_of(doc.norm, 0)
    signed = next(c for c in clauses if "签署" in c.norm)
    assert read_before(doc, _sentences(clauses), signed) == ['三是首创成果转化"二次保障"机制']
