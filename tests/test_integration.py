"""End to end with the real embedding model on the sample corpus (no model hub needed)."""

from __future__ import annotations

import json

import pytest

from answer.pipeline import QA

pytestmark = pytest.mark.slow  # the real embedding model


@pytest.fixture(scope="module")
def qa(real_qa: QA) -> QA:
    return real_qa


def test_answers_yuhang_2023_new_high_tech_enterprises(qa: QA) -> None:
    answer = qa.ask("余杭2023年新增高企多少")
    assert answer.found
    assert "637" in answer.answer
    cite = answer.citations[0]
    original = qa.documents[cite.doc_id].text
    assert cite.quote == original[cite.start : cite.end]
    assert original[cite.span_start : cite.span_end] == answer.answer
    assert cite.section == "一、2023年工作总结 > (二)坚持主体创新,激发澎湃创新活力"
    record = json.loads(answer.to_json())
    assert (
        record["found"] is True and record["citations"][0]["doc_id"] == "000_6eaca3ed01c4c811.txt"
    )


def test_target_is_not_confused_with_actual(qa: QA) -> None:
    answer = qa.ask("余杭2024年新增高企目标多少家")
    assert answer.found and "500" in answer.answer and "637" not in answer.answer


def test_traditional_document_answers_in_simplified_query(qa: QA) -> None:
    answer = qa.ask("余杭2021年新增高企多少家")
    assert answer.found and "507" in answer.answer
    cite = answer.citations[0]
    # The quote stays in the document's own (traditional) script.
    assert "高新技術企業" in cite.quote
    assert cite.quote == qa.documents[cite.doc_id].text[cite.start : cite.end]


def test_refuses_a_year_no_document_covers(qa: QA) -> None:
    answer = qa.ask("余杭2022年新增高企多少家？")
    assert not answer.found
    assert answer.answer == "" and "未找到" in answer.message
