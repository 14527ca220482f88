"""A DOCX or a PDF (text layer) whose targets sit in a table answers a target question
from the row (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
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


BEFORE = ["某某区科技局2024年工作计划", "一、主要指标", "2024年,全区科技工作主要指标如下表。"]
AFTER = ["二、重点任务", "实施科技企业梯次培育,力争新增省科技型中小企业300家以上。"]


def _docx(path: Path) -> None:
    document = docx.Document()
    for line in BEFORE:
        document.add_paragraph(line)
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for i, row in enumerate(ROWS):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    for line in AFTER:
        document.add_paragraph(line)
    document.save(str(path))


def _pdf(path: Path, build_pdf: Callable[..., bytes]) -> None:
    """The same plan as a PDF text layer: the table's cells placed in columns."""
    lines = [(72.0, 60.0 + 20 * n, line) for n, line in enumerate(BEFORE)]
    xs = (72.0, 110.0, 280.0, 330.0, 440.0)
    cells = [
        (x, 130.0 + 20 * i, v) for i, row in enumerate(ROWS) for x, v in zip(xs, row, strict=True)
    ]
    after = [(72.0, 230.0 + 20 * n, line) for n, line in enumerate(AFTER)]
    path.write_bytes(build_pdf(at=[*lines, *cells, *after]))


@pytest.fixture(scope="module", params=["plan.docx", "plan.pdf"])
def plan(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    build_pdf: Callable[..., bytes],
) -> Path:
    folder = tmp_path_factory.mktemp("plan")
    path = folder / request.param
    _docx(path) if path.suffix == ".docx" else _pdf(path, build_pdf)
    return path


@pytest.fixture
def qa(plan: Path, tmp_path: Path) -> QA:
    build_index([plan.parent], tmp_path / "idx", FakeEmbedder())
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
    fresh = load_document(plan, plan.name)
    assert qa.documents[plan.name].tables == fresh.tables != ()
