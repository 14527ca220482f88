"""End-to-end: run_eval, summary_lines and render_markdown on a tiny fake-embedder index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from answer.pipeline import QA
from corpus.errors import GoldFormatError
from evals.report import render_markdown
from evals.run import ABLATION_KEYS, run_eval, summary_lines
from index.build import build_index
from index.embed import FakeEmbedder

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
METRICS = (
    "answer_accuracy",
    "refusal_recall",
    "false_refusal_rate",
    "citation_accuracy",
    "recall_at_1",
    "recall_at_5",
    "mrr",
)
D000 = "000_6eaca3ed01c4c811.txt"
D001 = "001_f9ee6873cacabd59.txt"
D003 = "003_319bd9830f448044.txt"
GOLD: list[dict[str, Any]] = [
    {
        "id": "t1",
        "question": "余杭2023年新增高企多少家？",
        "type": "number",
        "answers": ["637"],
        "doc": D000,
        "section": "一、2023年工作总结",
        "note": "",
        "evidence": ["全年新增国家高新技术企业637家、省科技型中小企业1734家,均列全省第一"],
    },
    {
        "id": "t2",
        "question": "临安2022年R&D经费投入强度目标多少？",
        "type": "target",
        "answers": ["3.45%"],
        "doc": D001,
        "section": "三、2022年工作计划",
        "note": "",
        "evidence": ["2022年,全区R&D经费投入强度达3.45%"],
    },
    {
        "id": "t3",
        "question": "哪份文件提出2024年新增高新技术企业2000家？",
        "type": "which_doc",
        "answers": [D003],
        "doc": D003,
        "section": "一、主要目标",
        "note": "",
        "evidence": ["新增高新技术企业2000家"],
    },
    {
        "id": "t4",
        "question": "富阳区2023年新增科技型中小企业多少家",
        "type": "unanswerable",
        "answers": [],
        "doc": None,
        "section": None,
        "evidence": [],
        "note": "富阳 is not covered",
    },
]


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    folder = tmp_path_factory.mktemp("eval") / "idx"
    build_index([SAMPLES], folder, FakeEmbedder())
    return QA(folder, embedder=FakeEmbedder())


def _gold(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")
    return path


def _check_metrics(m: dict[str, Any]) -> None:
    for key in METRICS:
        assert key in m
        assert m[key] is None or 0.0 <= m[key] <= 1.0, (key, m[key])
    assert set(m["latency_ms"]) == {"p50", "p95"}


def test_run_eval_end_to_end(qa: QA, tmp_path: Path) -> None:
    extra = {**GOLD[0], "id": "t5", "doc": "not-indexed.txt", "evidence": ["not indexed text"]}
    calls: list[tuple[str, int, int]] = []
    gold = _gold(tmp_path, [*GOLD, extra])
    results = run_eval(gold, qa, progress=lambda s, d, t: calls.append((s, d, t)))

    assert results["n"] == 4
    _check_metrics(results)
    for key in METRICS:
        assert results[key] is not None
    assert set(results["per_type"]) == {"number", "target", "which_doc", "unanswerable"}
    for m in results["per_type"].values():
        _check_metrics(m)
    assert results["per_type"]["unanswerable"]["recall_at_1"] is None
    assert results["n_skipped"] == 1 and results["skipped"][0]["id"] == "t5"
    assert "not-indexed.txt" in results["skipped"][0]["reason"]
    assert results["index_dir"] == str(qa.index_dir)
    assert "ablation" not in results
    assert calls[-1] == ("eval", 4, 4)

    records = {r["id"]: r for r in results["questions"]}
    assert set(records) == {"t1", "t2", "t3", "t4"}
    for r in records.values():
        assert isinstance(r["pass"], bool) and isinstance(r["why"], str)
        assert r["pass"] == (r["why"] == "")
        assert {"found", "answer", "citations", "latency_ms"} <= set(r["answer"])
        assert r["answer"]["question"] == r["question"]
    assert records["t1"]["expected"] == ["637"]
    assert records["t1"]["evidence_rank"] is None or records["t1"]["evidence_rank"] >= 1
    assert records["t4"]["evidence_rank"] is None and records["t4"]["citation_ok"] is None
    json.dumps(results)  # JSON-ready

    lines = summary_lines(results)
    assert lines[0].startswith("gold gold.jsonl: 4 questions (1 skipped)")
    assert any(line.startswith("all") for line in lines)
    assert any(line.strip().startswith("which_doc") for line in lines)

    md = render_markdown(results, title="Tiny")
    assert md.startswith("# Tiny")
    for heading in ("Overall", "Per question type", "Skipped questions", "Failing questions"):
        assert f"## {heading}" in md
    for r in records.values():
        if not r["pass"]:
            assert r["id"] in md


def test_run_eval_ablation(qa: QA, tmp_path: Path) -> None:
    results = run_eval(_gold(tmp_path, GOLD), qa, ablation=True)
    assert set(results["ablation"]) == {"bm25", "dense", "hybrid"}
    for m in results["ablation"].values():
        assert set(m) == set(ABLATION_KEYS)
        for value in m.values():
            assert value is None or 0.0 <= value <= 1.0
    assert results["ablation"]["hybrid"]["answer_accuracy"] == results["answer_accuracy"]
    lines = summary_lines(results)
    assert any(line.startswith("ablation") for line in lines)
    assert any(line.strip().startswith("bm25") for line in lines)
    assert "## Retrieval ablation" in render_markdown(results)


def test_run_eval_rejects_evidence_not_in_index(qa: QA, tmp_path: Path) -> None:
    bad = {**GOLD[0], "evidence": ["全年新增国家高新技术企业999家"]}
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:1:"):
        run_eval(_gold(tmp_path, [bad]), qa)


def test_one_failing_question_is_recorded_and_the_run_goes_on(
    qa: QA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus.errors import EvalQuestionWarning

    asked = qa.ask

    def ask(question: str, **kw: Any) -> Any:
        if question == GOLD[0]["question"]:
            raise ValueError("could not convert string to float: '24年'")
        return asked(question, **kw)

    monkeypatch.setattr(qa, "ask", ask)
    with pytest.warns(EvalQuestionWarning, match="t1"):
        results = run_eval(_gold(tmp_path, GOLD), qa)
    records = {r["id"]: r for r in results["questions"]}
    assert records["t1"]["error"] and not records["t1"]["pass"]
    assert records["t1"]["why"].startswith("internal error: ValueError")
    assert len(records) == len(GOLD)  # every other question judged
    assert any(r["pass"] for r in records.values() if r["id"] != "t1")
