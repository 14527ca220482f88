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
    from answer.name_phrases import name_phrases

    assert "人代会" not in "".join(name_phrases(normalize("甲市2024年的报告是哪天在人代会上作的")))
    assert "合作" in "".join(name_phrases(normalize("甲市合作项目有哪些")))


def test_who_issued_a_document_is_its_issuers_line() -> None:
    from answer.docfields import asks_issuer, issuer_result
    from corpus.document import parse_text

    assert asks_issuer(normalize("《示范指南》是哪个部门印发的"))
    assert asks_issuer(normalize("这个办法的发布单位是谁"))
    assert not asks_issuer(normalize("哪个部门负责示范工程"))
    doc = parse_text(
        "各省甲乙主管部门:\n现将《示范转型指南》印发给你们,请认真贯彻执行。\n甲乙部办公厅\n"
        "2031年11月3日\n示范转型指南\n一、总体要求\n…\n",
        "docs/x.txt",
    )
    found = issuer_result(doc)
    assert found is not None and found.span == "甲乙部办公厅"
    assert found.citation is not None and found.citation.quote.strip() == "甲乙部办公厅"
