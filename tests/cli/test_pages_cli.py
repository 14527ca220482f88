"""A PDF's citations name their page: in `policyqa ask --json` and in its text output."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from ui.cli import main

PAGE_ONE = ["一、工作回顾", "全年完成技术合同登记额十二亿元,同比增长百分之八。"]
PAGE_TWO = ["二、工作计划", "明年力争新增省级研发机构二十七家,研发投入强度达到百分之三。"]


def test_a_pdf_citation_carries_its_page(tmp_path: Path, build_pdf: Callable[..., bytes]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.pdf").write_bytes(build_pdf(pages=[PAGE_ONE, PAGE_TWO]))
    env = {
        "POLICYQA_MODEL": "fake",
        "POLICYQA_INDEX_DIR": str(tmp_path / "idx"),
        "POLICYQA_CACHE_DIR": str(tmp_path / "cache"),
    }
    runner = CliRunner(env=env)
    assert runner.invoke(main, ["index", str(folder)], catch_exceptions=False).exit_code == 0
    question = "明年新增省级研发机构多少家"
    out = runner.invoke(main, ["ask", question, "--json"], catch_exceptions=False)
    record = json.loads(out.stdout)
    assert record["found"] and "二十七家" in record["answer"]
    assert record["citations"][0]["page"] == 2
    text = runner.invoke(main, ["ask", question], catch_exceptions=False).stdout
    assert "第2页 [plan.pdf:" in text


def test_pages_that_give_no_text_are_listed_and_the_rest_indexed(
    tmp_path: Path, build_pdf: Callable[..., bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader, PdfWriter

    from corpus import scans

    monkeypatch.setattr(scans, "ocr_available", lambda *a, **k: False)
    monkeypatch.setattr("corpus.ocr.ocr_available", lambda *a, **k: False)
    writer = PdfWriter()
    for data in (build_pdf(lines=PAGE_ONE), build_pdf(b"q 0.5 g 72 72 451 698 re f Q")):
        writer.append(PdfReader(io.BytesIO(data)))
    folder = tmp_path / "docs"
    folder.mkdir()
    with (folder / "mixed.pdf").open("wb") as fh:
        writer.write(fh)
    env = {"POLICYQA_MODEL": "fake", "POLICYQA_CACHE_DIR": str(tmp_path / "cache")}
    args = ["index", str(folder), "--index-dir", str(tmp_path / "idx")]
    result = CliRunner(env=env).invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0 and "indexed 1 documents" in result.stdout
    assert "mixed.pdf: page(s) 2 gave no text (scans: install the OCR extra" in result.stderr
    report = json.loads(CliRunner(env=env).invoke(main, [*args, "--json"]).stdout)
    assert report["unread"] == [
        {"path": "mixed.pdf", "pages": [2], "reason": report["unread"][0]["reason"]}
    ]


def test_inspect_shows_pages_and_tables(tmp_path: Path, build_pdf: Callable[..., bytes]) -> None:
    import docx

    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(build_pdf(pages=[PAGE_ONE, PAGE_TWO]))
    record = json.loads(CliRunner().invoke(main, ["inspect", str(pdf), "--json"]).stdout)
    assert record["pages"] == 2 and record["unread_pages"] == []
    assert [p["page"] for p in record["passages"]] == [1, 2]
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for j, (head, value) in enumerate([("指标", "研发投入强度"), ("2024年目标", "3.4%")]):
        table.cell(0, j).text, table.cell(1, j).text = head, value
    document.save(str(tmp_path / "plan.docx"))
    out = CliRunner().invoke(main, ["inspect", str(tmp_path / "plan.docx"), "--json"]).stdout
    assert json.loads(out)["tables"] == [
        {
            "columns": ["指标", "2024年目标"],
            "rows": [{"header": "研发投入强度", "cells": {"2024年目标": "3.4%"}}],
        }
    ]
    text = CliRunner().invoke(main, ["inspect", str(tmp_path / "plan.docx")]).stdout
    assert "table: 指标 | 2024年目标 (1 rows)" in text
