"""Which document states a value: a question that quotes a sentence finds it (made-up documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.pipeline import QA
from index.build import build_index
from index.embed import FakeEmbedder

DOCS = {
    "bailu_2023.txt": (
        "白鹭区科技局2023年工作总结\n一、主要成效\n"
        "组建科技金融服务专员队伍,线上线下服务企业300余家,累计提供贷款8.6亿元。"
        "全区高新技术企业从2017年的412家增加到1350家。\n"
    ),
    "qingshan_2023.txt": (
        "青山区科技局2023年工作总结\n一、主要成效\n全区新增高新技术企业86家,技术交易额8.6亿元。\n"
    ),
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    corpus = tmp_path_factory.mktemp("corpus")
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("idx") / "idx"
    build_index([corpus], folder, FakeEmbedder())
    return QA(Path(folder), embedder=FakeEmbedder())


def test_a_question_quoting_a_sentence_names_its_document(qa: QA) -> None:
    # The figure's own metric ("提供贷款") names little of the question; the sentence names it all.
    a = qa.ask("科技金融服务专员队伍累计提供贷款8.6亿元，是哪份材料说的")
    assert a.found and [c.doc_id for c in a.citations] == ["bailu_2023.txt"]


def test_a_year_the_sentence_writes_is_part_of_the_quote(qa: QA) -> None:
    # 2017 is no year of the 2023 report's figures, but the sentence itself writes it.
    a = qa.ask("高新技术企业从2017年的412家增加到1350家，是哪份材料说的")
    assert a.found and [c.doc_id for c in a.citations] == ["bailu_2023.txt"]


def test_the_same_value_of_another_metric_is_not_named(qa: QA) -> None:
    a = qa.ask("哪份材料说技术交易额8.6亿元")
    assert a.found and [c.doc_id for c in a.citations] == ["qingshan_2023.txt"]


def test_a_phrase_stated_in_a_review_answers_who_proposed_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "甲市2024年政府工作报告\n一、2023年工作回顾\n建设示范“创新之城”,累计培育示范企业81家。\n",
        encoding="utf-8",
    )
    (docs / "b.txt").write_text(
        "乙市2024年政府工作报告\n一、2023年工作回顾\n新增示范企业12家。\n", encoding="utf-8"
    )
    build_index([docs], tmp_path / "idx", FakeEmbedder())
    answer = QA(tmp_path / "idx", FakeEmbedder()).ask("哪个城市提出要建设“创新之城”")
    assert answer.found and [c.doc_id for c in answer.citations] == ["a.txt"]
