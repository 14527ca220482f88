"""Tests for evals.metrics on hand-made answers and hits."""

from __future__ import annotations

from answer.model import Answer, Citation
from corpus.model import Passage
from evals.gold import GoldItem
from evals.metrics import (
    answer_correct,
    citation_correct,
    contains_answer,
    evidence_rank,
    evidence_spans,
    mrr,
    percentiles,
    recall_at,
    share,
    why_wrong,
)
from retrieval.model import Hit

TEXT = "前言。全年新增国家高新技术企业637家、省科技型中小企业1,734家。力争2024年新增500家。"
TRAD = "前言。新增高新技術企業507家。"
DOCS = {"a.txt": TEXT, "t.txt": TRAD}


def _item(
    type_: str = "number",
    answers: tuple[str, ...] = ("637",),
    docs: tuple[str, ...] = ("a.txt",),
    evidence: tuple[str, ...] = ("新增国家高新技术企业637家",),
) -> GoldItem:
    return GoldItem("q", "问题", type_, answers, docs, (), evidence, "", 1)


def _answer(text: str, found: bool = True, doc: str = "a.txt") -> Answer:
    cites = (Citation(doc, "t", "", text, 0, len(text)),) if found else ()
    return Answer("问题", found, text if found else "", cites)


def _hit(doc: str, start: int, end: int, rank: int = 1) -> Hit:
    return Hit(Passage(f"{doc}#{start}", doc, DOCS[doc][start:end], start, end), 1.0, rank)


def test_answer_correct_answerable() -> None:
    item = _item()
    assert answer_correct(item, _answer("新增国家高新技术企业637家"))
    assert not answer_correct(item, _answer("", found=False))
    assert why_wrong(item, _answer("", found=False)) == "refused an answerable question"
    wrong = _answer("新增500家")
    assert not answer_correct(item, wrong)
    assert why_wrong(item, wrong) == "answer lacks '637'"
    assert why_wrong(item, _answer("637家")) == ""


def test_answer_correct_every_part_and_canonical_form() -> None:
    item = _item("compare", ("637", "1734"))
    # full width digits and a thousands separator
    assert answer_correct(item, _answer("637家；１，７３４家"))
    assert why_wrong(item, _answer("637家")) == "answer lacks '1734'"


def test_number_must_not_extend_a_longer_number() -> None:
    assert not contains_answer("新增500家", "50")
    assert not contains_answer("增长3.45%", "3.4")
    assert not contains_answer("1500家", "500")
    assert contains_answer("新增50家以上", "50")
    assert contains_answer("达120.64亿元", "120.64亿")
    assert contains_answer("新增高新技術企業", "高新技术企业")  # traditional folded


def test_unanswerable() -> None:
    item = _item("unanswerable", (), (), ())
    assert answer_correct(item, _answer("", found=False))
    assert why_wrong(item, _answer("", found=False)) == ""
    assert not answer_correct(item, _answer("507家"))
    assert why_wrong(item, _answer("507家")) == "answered an unanswerable question"
    assert evidence_rank(item, [_hit("a.txt", 0, 10)], DOCS) is None


def test_citation_correct() -> None:
    item = _item()
    assert citation_correct(item, _answer("637家"))
    assert not citation_correct(item, _answer("507家", doc="t.txt"))
    assert not citation_correct(item, _answer("", found=False))


def test_evidence_spans_verbatim_and_normalised() -> None:
    start = TEXT.index("新增国家")
    assert evidence_spans(_item(), DOCS) == [("a.txt", start, start + 14)]
    simp = _item(docs=("t.txt",), evidence=("新增高新技术企业507家",))
    assert evidence_spans(simp, DOCS) == [("t.txt", 3, 15)]
    assert evidence_spans(_item(docs=("gone.txt",)), DOCS) == []


def test_evidence_rank_overlap_rule() -> None:
    item = _item()
    s = TEXT.index("新增国家")
    far = _hit("a.txt", 0, 3)
    other_doc = _hit("t.txt", 0, 10)
    half = _hit("a.txt", s + 6, s + 30)  # 8 of 14 characters: more than half
    little = _hit("a.txt", s + 8, s + 30)  # 6 of 14: less than half
    assert evidence_rank(item, [far, other_doc, half], DOCS) == 3
    assert evidence_rank(item, [little, far], DOCS) is None
    long_ev = _item(evidence=(TEXT[3:45],))
    assert evidence_rank(long_ev, [_hit("a.txt", 3, 33)], DOCS) == 1  # 30 characters suffice


def test_evidence_rank_which_doc() -> None:
    item = _item("which_doc", ("t.txt",), ("t.txt",), ("新增高新技術企業507家",))
    assert evidence_rank(item, [_hit("a.txt", 0, 5), _hit("t.txt", 0, 3)], DOCS) == 2
    assert evidence_rank(item, [_hit("a.txt", 0, 5)], DOCS) is None


def test_aggregation_helpers() -> None:
    assert share([True, False, True, True]) == 0.75
    assert share([]) is None
    ranks = [1, 3, None, 6]
    assert recall_at(ranks, 1) == 0.25
    assert recall_at(ranks, 5) == 0.5
    assert mrr(ranks) == round((1 + 1 / 3 + 1 / 6) / 4, 4)
    assert mrr([]) is None
    assert percentiles([10.0] * 19 + [100.0]) == {"p50": 10.0, "p95": 14.5}
    assert percentiles([]) == {"p50": None, "p95": None}


def test_min_items_share_of_list() -> None:
    item = GoldItem(
        "q",
        "问题",
        "list",
        ("甲", "乙", "丙", "丁", "戊"),
        ("a.txt",),
        (),
        (),
        "",
        1,
        min_items=0.8,
    )
    assert answer_correct(item, _answer("甲；乙；丙；丁"))
    assert not answer_correct(item, _answer("甲；乙；丙"))
    assert why_wrong(item, _answer("甲；乙；丙")).startswith("answer lacks")


def test_exact_docs_rejects_any_other_cited_document() -> None:
    item = GoldItem(
        "q", "问题", "which_doc", ("a.txt",), ("a.txt",), (), (), "", 1, exact_docs=True
    )
    both = Answer(
        "问题",
        True,
        "a.txt；t.txt",
        (Citation("a.txt", "t", "", "x", 0, 1), Citation("t.txt", "t", "", "y", 0, 1)),
    )
    assert not answer_correct(item, both)
    assert why_wrong(item, both) == "cites other documents: t.txt"
    assert answer_correct(item, _answer("a.txt"))
    loose = GoldItem("q", "问题", "which_doc", ("a.txt",), ("a.txt",), (), (), "", 1)
    assert answer_correct(loose, both)


def test_labels_must_say_whose_figure() -> None:
    item = GoldItem(
        "q",
        "问题",
        "compare",
        ("500家", "2000家"),
        ("a.txt",),
        (),
        (),
        "",
        1,
        labels=("余杭", "杭州"),
    )
    assert answer_correct(item, _answer("余杭：500家；杭州：2000家"))
    unlabelled = _answer("500家；2000家")
    assert not answer_correct(item, unlabelled)
    assert "label" in why_wrong(item, unlabelled)
