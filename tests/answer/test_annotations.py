"""answer.annotations: an item's labelled annotation answers a question naming the label."""

from __future__ import annotations

from answer.annotations import asked_label, labelled_value
from answer.clauses import clauses_of
from answer.extract import Candidate
from corpus.document import parse_text
from corpus.model import Passage
from retrieval.query import parse_query

TEXT = (
    "一、重点任务\n"
    "3.建设示范园区。支持园区扩容。(责任单位:甲局、乙局)开展“百名专家进企业”行动。"
    "(责任单位:丙协会)\n"
    "4.完善金融服务。(牵头单位:丁厅;配合单位:戊委)\n"
)


def _candidate(phrase: str) -> Candidate:
    doc = parse_text(TEXT, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "一、重点任务", None, "")
    clause = next(c for c in clauses_of(doc.text, 0) if phrase in c.norm)
    return Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, False, 1)


def test_a_label_is_asked_whole_or_by_its_noun_and_verb() -> None:
    assert asked_label("牵头单位是哪个", "牵头单位")
    assert asked_label("由哪个单位负责", "责任单位")
    assert not asked_label("由哪个单位负责", "牵头单位")
    assert not asked_label("什么时候开展", "责任单位")


def test_the_annotation_after_the_item_answers() -> None:
    q = parse_query("“百名专家进企业”行动的责任单位是哪个")
    found = labelled_value(q, _candidate("百名专家"))
    assert found is not None and found.span == "丙协会"
    c = found.citation
    assert c is not None
    assert c.quote == TEXT[c.start : c.end]
    assert TEXT[c.span_start : c.span_end] == "丙协会"


def test_a_value_ends_at_the_next_label() -> None:
    q = parse_query("完善金融服务的牵头单位是哪个")
    found = labelled_value(q, _candidate("完善金融服务"))
    assert found is not None and found.span == "丁厅"


def test_no_answer_when_the_label_is_not_asked() -> None:
    q = parse_query("示范园区什么时候建成")
    assert labelled_value(q, _candidate("建设示范园区")) is None


def test_a_unit_is_asked_as_a_department_or_body() -> None:
    from answer.annotations import asked_label

    assert asked_label("这条哪个部门负责", "责任单位")
    assert asked_label("由哪个机构牵头", "牵头单位")
    assert not asked_label("这条哪个部门负责", "配合单位")


def test_the_items_words_leave_the_labels_out() -> None:
    from answer.annotations import item_signals
    from answer.signals import Signals, Term

    sig = Signals((Term("知识产权保护", 4.0), Term("责任", 3.0), Term("单位", 3.0)), (), "")
    assert [t.text for t in item_signals(sig).terms] == ["知识产权保护"]
    only_label = Signals((Term("责任", 3.0), Term("单位", 3.0)), (), "")
    assert item_signals(only_label) == only_label


def test_a_label_heading_its_own_line_answers() -> None:
    text = (
        "各案例如下。案例1 甲乙煤矿5g系统与分析平台\n"
        "主要完成单位:丙丁能源有限责任公司\n一、概况\n…\n"
    )
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    clause = next(c for c in clauses_of(doc.text, 0) if "分析平台" in c.norm)
    cand = Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, False, 1)
    found = labelled_value(parse_query("甲乙煤矿5g那个案例是哪家单位完成的"), cand)
    assert found is not None and found.span == "丙丁能源有限责任公司"
    assert labelled_value(parse_query("甲乙煤矿5g那个案例在哪个省"), cand) is None
