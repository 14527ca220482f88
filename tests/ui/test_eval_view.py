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
            "question": "甲区",
            "pass": False,
            "why": "answered an unanswerable question",
            "expected": [],
            "answer": {"found": True, "answer": "1"},
        },
        {"id": "z", "type": "number", "question": "q", "pass": True, "expected": ["1"]},
    ]
    rows = eval_view.question_rows(failing, failing=False)
    assert [r[0] for r in eval_view.question_rows(failing)] == ["x", "y"]
    assert rows[0][3:7] == ["637", "<b>500</b>", "未通过", "答案缺少 '637'"]
    assert rows[1][1] == "应拒答" and rows[1][3] == "（应拒答）"
    assert rows[1][6] == "应拒答却给出了答案"
    assert [r[0] for r in eval_view.filter_rows(rows, True, None, "")] == ["x", "y"]
    assert [r[0] for r in eval_view.filter_rows(rows, False, "数值", None)] == ["x", "z"]
    assert [r[0] for r in eval_view.filter_rows(rows, False, "", "甲区")] == ["y"]
    assert [r[0] for r in eval_view.filter_rows(rows, True, "", "637")] == ["x"]
    shown = eval_view.filter_rows(rows, True, "", "")
    assert eval_view.rows_summary(shown, rows) == "显示 2 题，共 3 题（未通过 2 题）"


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
