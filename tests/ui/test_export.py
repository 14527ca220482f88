"""ui.plain and ui.export: an answer in plain words, the conversation as Markdown and Word,
evaluation rows as CSV and Excel (made-up sentences; files read back)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from answer.model import Answer, Citation
from corpus.errors import OptionalDependencyError
from ui.export import conversation_markdown, write_conversation_docx, write_csv, write_xlsx
from ui.plain import Quoted, Reply, reply_of, reply_text

CITE = Citation(
    "a.txt", "甲区工作总结", "一、回顾 > (一)成效", "全年新增示范企业12家。", 0, 11, 6, 9,
    date="2024-01", issuer="甲区科技局",
)  # fmt: skip
FOUND = Answer("甲区新增示范企业多少", True, "12家", (CITE,), parts=("12家",))
TURNS = [
    reply_of(FOUND, "地区 甲区"),
    Reply("火星有多少", found=False, answer="文档中未找到答案。"),
    Reply("   ", problem="问题是空的：请先输入问题。"),
]


def test_reply_text_gives_answer_quotes_titles_and_sections() -> None:
    text = reply_text(TURNS[0])
    assert text.splitlines() == [
        "问：甲区新增示范企业多少",
        "已按筛选条件查找：地区 甲区",
        "答：12家",
        "出处：",
        "1. 《甲区工作总结》（甲区科技局，2024-01）",
        "   章节：一、回顾 > (一)成效",
        "   “全年新增示范企业12家。”",
    ]
    assert "<" not in text.replace("> (", "")  # no markup


def test_a_which_document_reply_names_the_documents_and_a_refusal_its_related() -> None:
    other = Citation("b.txt", "乙区计划", "", "乙", 0, 1)
    which = Answer("哪份文件", True, "《甲区工作总结》（a.txt）；…", (CITE, other, CITE),
                   intent="which_doc", message="共2份文件提到")  # fmt: skip
    r = reply_of(which)
    assert r.answer == "《甲区工作总结》（甲区科技局，2024-01）；《乙区计划》"
    refused = reply_of(Answer("问", False, "", message="未找到。", related=(other,)))
    assert refused.answer == "未找到。" and refused.sources == (Quoted("《乙区计划》", "", "乙"),)
    assert "相关内容（不是答案）：" in reply_text(refused)


def test_markdown_export_holds_each_turn_with_its_citations() -> None:
    md = conversation_markdown(TURNS, "2025-01-02 09:30")
    assert md.startswith("# policyqa 对话记录（2025-01-02 09:30）")
    assert "## 1. 甲区新增示范企业多少" in md and "**答：12家**" in md
    assert "1. 《甲区工作总结》（甲区科技局，2024-01）（章节：一、回顾 > (一)成效）" in md
    assert "   > “全年新增示范企业12家。”" in md
    assert "**答：文档中未找到答案。**" in md and "> 问题是空的" in md


def test_word_export_opens_with_python_docx(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "c.docx"
    write_conversation_docx(TURNS, path, "2025-01-02")
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
    assert ("Heading 2", "1. 甲区新增示范企业多少") in paragraphs
    assert ("Quote", "“全年新增示范企业12家。”") in paragraphs
    assert any(t == "答：12家" for _, t in paragraphs)


def test_csv_has_a_bom_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    write_csv(path, ["编号", "结果"], [["q1", "通过"], ["q2", "未通过"]])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [["编号", "结果"], ["q1", "通过"], ["q2", "未通过"]]


def test_xlsx_reads_back_with_openpyxl(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "r.xlsx"
    write_xlsx(path, ["编号", "结果"], [["q1", "通过"]], "评测结果")
    sheet = openpyxl.load_workbook(path)["评测结果"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["编号", "结果"],
        ["q1", "通过"],
    ]


def test_xlsx_without_openpyxl_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # the import fails
    with pytest.raises(OptionalDependencyError, match="openpyxl"):
        write_xlsx(tmp_path / "r.xlsx", ["a"], [], "s")
    assert not (tmp_path / "r.xlsx").exists()
