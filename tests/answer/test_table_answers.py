"""A DOCX whose targets sit in a table answers a target question from the row (issue 16)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from answer.pipeline import QA
from corpus.document import load_document
from index.build import build_index
from index.embed import FakeEmbedder

pytestmark = pytest.mark.usefixtures("isolated_cache")

ROWS = [
    ["序号", "指标", "单位", "2023年完成", "2024年目标"],
    ["1", "研发投入强度", "%", "3.1", "3.4"],
    ["2", "新增国家高新技术企业", "家", "120", "150"],
    ["3", "技术合同成交额", "亿元", "20.5", "26"],
]


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = docx.Document()
    document.add_paragraph("某某区科技局2024年工作计划")
    document.add_paragraph("一、主要指标")
    document.add_paragraph("2024年,全区科技工作主要指标如下表。")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for i, row in enumerate(ROWS):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    document.add_paragraph("二、重点任务")
    document.add_paragraph("实施科技企业梯次培育,力争新增省科技型中小企业300家以上。")
    folder = tmp_path_factory.mktemp("plan")
    document.save(str(folder / "plan.docx"))
    return folder


@pytest.fixture
def qa(plan: Path, tmp_path: Path) -> QA:
    build_index([plan], tmp_path / "idx", FakeEmbedder())
    return QA(tmp_path / "idx", embedder=FakeEmbedder())


@pytest.mark.parametrize(
    ("question", "value", "column"),
    [
        ("2024年研发投入强度目标是多少", "3.4%", "2024年目标"),
        ("2024年新增国家高新技术企业目标多少家", "150家", "2024年目标"),
        ("2023年技术合同成交额完成多少", "20.5亿元", "2023年完成"),
    ],
)
def test_a_cell_is_answered_from_its_row_with_row_and_column_named(
    qa: QA, question: str, value: str, column: str
) -> None:
    answer = qa.ask(question)
    assert answer.found and value in answer.answer
    cite = answer.citations[0]
    doc = qa.documents[cite.doc_id]
    row = doc.row_at(cite.span_start)
    assert row is not None and cite.quote == doc.text[row.start : row.end]
    assert row.header in answer.answer and column in answer.answer  # row and column named


def test_tables_survive_the_index(qa: QA, plan: Path) -> None:
    fresh = load_document(plan / "plan.docx", "plan.docx")
    assert qa.documents["plan.docx"].tables == fresh.tables != ()
