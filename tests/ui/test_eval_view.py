"""ui.eval_view: the metric table, the chart per type and the failing questions, in Chinese."""

from __future__ import annotations

from typing import Any

import pytest

from ui import eval_view


def test_evaluation_tables() -> None:
    results: dict[str, Any] = {
        "n": 2,
        "n_skipped": 0,
        "answer_accuracy": 0.5,
        "refusal_recall": None,
        "false_refusal_rate": 0.0,
        "citation_accuracy": 1.0,
        "recall_at_1": 0.5,
        "recall_at_5": 1.0,
        "mrr": 0.75,
        "latency_ms": {"p50": 12.3, "p95": 40.0},
    }
    rows = dict(eval_view.metric_rows(results))
    assert rows["答案准确率"] == "50.0%"
    assert rows["拒答召回率"] == "—" and rows["平均倒数排名 MRR"] == "0.750"
    assert rows["延迟 95% 分位（毫秒）"] == "40.0"
    chart = eval_view.type_chart({"number": {"n": 2, "answer_accuracy": 0.5}, "<t>": {"n": 1}})
    assert "width:50.0%" in chart and "&lt;t&gt;" in chart and "数值" in chart
    failing = [
        {
            "id": "x",
            "type": "number",
            "question": "<q>",
            "pass": False,
            "why": "answer lacks '637'",
            "expected": ["637"],
            "answer": {"found": True, "answer": "<b>500</b>"},
        },
        {
            "id": "y",
            "type": "unanswerable",
            "question": "q",
            "pass": False,
            "why": "answered an unanswerable question",
            "expected": [],
            "answer": {"found": True, "answer": "1"},
        },
        {"id": "z", "type": "number", "question": "q", "pass": True, "expected": ["1"]},
    ]
    html = eval_view.failures_html(failing)
    assert "&lt;b&gt;500&lt;/b&gt;" in html and "637" in html and "（应拒答）" in html
    assert ">z<" not in html and "未通过 2 题" in html
    assert "答案缺少 &#x27;637&#x27;" in html and "应拒答却给出了答案" in html
    assert "应拒答" in html and "unanswerable" not in html
    assert "全部通过" in eval_view.failures_html(failing[2:])


def test_a_result_row_says_pass_or_fail_why_and_what_was_cited() -> None:
    q = {
        "id": "q1",
        "type": "which_doc",
        "question": "哪份文件",
        "pass": False,
        "why": "refused an answerable question",
        "expected": ["a.txt"],
        "answer": {"found": True, "answer": "x", "citations": [{"doc_id": "a.txt", "title": "甲"}]},
    }
    row = eval_view.question_row(q)
    assert row == ["q1", "哪份文件", "哪份文件", "a.txt", "x", "未通过", "有答案却拒答了", "《甲》"]
    assert eval_view.question_row({**q, "pass": True})[5] == "通过"


def test_result_files_say_plainly_when_openpyxl_is_missing(monkeypatch: Any) -> None:
    import sys

    from ui.eval_tab import result_files

    pytest.importorskip("openpyxl")
    results = {"questions": [{"id": "q1", "type": "number", "pass": True, "expected": ["1"]}]}
    csv_btn, xlsx_btn, note = result_files(results)
    assert csv_btn.value and xlsx_btn.visible is not False and note == ""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    csv_btn, xlsx_btn, note = result_files(results)
    assert csv_btn.value and xlsx_btn.visible is False
    assert "openpyxl" in note and "CSV" in note
