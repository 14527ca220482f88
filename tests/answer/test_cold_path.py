"""A cold question (issue #13): the process loads only what the question needs, imports no
heavy library, and answers exactly as a process that read everything first."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from answer.pipeline import QA
from index import docstore
from index.docstore import DocStoreConfig
from index.embed import FakeEmbedder

QUESTIONS = (
    "西湖区2023年新增多少家科技型企业？",
    "2024年研发投入强度的目标是多少",
    "哪份文件提到了人才公寓",
    "余杭和临安2023年各新增多少家高新技术企业",
    "科技创新有哪些主要任务",
)


def _answer(qa: QA, question: str) -> str:
    return replace(qa.ask(question), latency_ms=0.0).to_json()


def _answers(qa: QA) -> list[str]:
    return [_answer(qa, q) for q in QUESTIONS]


def test_a_cold_question_reads_only_what_it_needs_and_answers_the_same(
    sample_index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = FakeEmbedder()
    cold = QA(sample_index_dir, embedder=embedder)
    store = cold.index.documents._store  # type: ignore[attr-defined]
    assert not store._cache and cold.index.tables._facts is None
    first = _answer(cold, QUESTIONS[0])
    assert len(store._cache) < len(store.ranges)  # some documents only, or none
    assert cold.index.tables._facts is None and cold.index.tables._lists is None  # never read whole
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(parse_all_after=0))
    warm = QA(sample_index_dir, embedder=embedder)
    assert len(warm.index.documents._store._cache) == len(store.ranges)  # type: ignore[attr-defined]
    assert warm.index.facts  # the whole table, as before
    assert _answers(warm) == [first, *_answers(cold)[1:]]


def test_a_question_imports_no_heavy_library(sample_index_dir: Path) -> None:
    """Neither torch (the query model runs on ONNX Runtime), scipy (BM25 is summed with
    numpy), nor the web UI's or the evaluation's libraries."""
    heavy = ("torch", "transformers", "sentence_transformers", "scipy", "pandas", "gradio")
    code = (
        "import sys\nfrom answer.pipeline import QA\nfrom index.embed import FakeEmbedder\n"
        "qa = QA(__import__('pathlib').Path(sys.argv[1]), embedder=FakeEmbedder())\n"
        f"print(qa.ask({QUESTIONS[0]!r}).found)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(sample_index_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[1] == "[]"
