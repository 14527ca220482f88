"""A document's number (文号): named by a sentence, or the document's own number line."""

from __future__ import annotations

from answer.docfields import asks_doc_number, doc_number_result
from corpus.document import parse_text
from corpus.normalize import normalize
from retrieval.intent import Intent
from retrieval.query import parse_query

NOTICE = (
    "甲科办〔2024〕3号\n各有关单位:\n《甲市示范工程2024年工作计划》现印发给你们。\n"
    "一、目标\n新增示范企业12家。\n"
)


def test_a_number_question_is_asked_as_a_name() -> None:
    for q in ("甲市示范工程2024年工作计划的发文字号是多少", "那份通知的文号是什么"):
        assert asks_doc_number(normalize(q)) and parse_query(q).intent == Intent.ENTITY
    assert not asks_doc_number(normalize("甲市2024年新增示范企业多少家"))


def test_the_documents_own_number_line() -> None:
    doc = parse_text(NOTICE, "n.txt")
    found = doc_number_result(doc)
    assert found is not None and found.span == "甲科办〔2024〕3号"
    assert found.citation is not None and found.citation.quote == "甲科办〔2024〕3号"


def test_no_number_line_no_result() -> None:
    assert (
        doc_number_result(parse_text("乙区工作总结\n一、回顾\n新增示范企业12家。\n", "s.txt"))
        is None
    )


def test_a_reports_delivery_line_is_its_date_line() -> None:
    from answer.results import date_line_result

    doc = parse_text(
        "政府工作报告\n\n——2024年2月3日在甲市第六届人民代表大会第四次会议上\n\n各位代表：\n一、回顾\n"
        "全年新增示范企业12家。\n",
        "r.txt",
    )
    found = date_line_result(doc)
    assert found is not None and found.span == "2024年2月3日"


def test_where_a_report_was_delivered_is_no_word_of_the_answer() -> None:
    from answer.signals import name_phrases

    assert "人代会" not in "".join(name_phrases(normalize("甲市2024年的报告是哪天在人代会上作的")))
    assert "合作" in "".join(name_phrases(normalize("甲市合作项目有哪些")))
