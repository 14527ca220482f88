"""ui.render: answer HTML, highlighting, context lookup and escaping (no server)."""

from __future__ import annotations

import re
from typing import Any

from answer.model import Answer, Citation
from corpus.model import Document, Section
from ui import render

TEXT = (
    "前言<b>。\n"  # 0-6
    "一、总体目标\n"  # 7-13
    "全年新增<script>x</script>企业637家,增长10%。\n"
)


def _doc(text: str = TEXT, sections: tuple[Section, ...] | None = None) -> Document:
    if sections is None:
        start = text.index("一、")
        sections = (
            Section((), "", 0, 0, len(text)),
            Section(("一、总体目标",), "一、总体目标", 1, start, len(text)),
        )
    return Document("d<1>.txt", text, text, title="标题<i>", region="余杭区", sections=sections)


def _cite(doc: Document, quote: str, span: str | None) -> Citation:
    start = doc.text.index(quote)
    s = doc.text.index(span) if span else -1
    return Citation(
        doc.doc_id,
        doc.title,
        "一、总体目标 > <u>",
        quote,
        start,
        start + len(quote),
        s,
        s + len(span) if span else -1,
        region=doc.region,
    )


def _text_only(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_marked_wraps_quote_and_span_and_escapes() -> None:
    html = render.marked("ab<c>de", 10, (11, 16), (12, 15))
    assert _text_only(html) == "ab&lt;c&gt;de"
    assert html.count("<mark") == 1 and "&lt;c&gt;</mark>" in html
    assert html.startswith('a<span class="pq-quote"')
    assert html.endswith("e")


def test_marked_clips_ranges_outside_the_text() -> None:
    html = render.marked("abc", 100, (0, 500), None)
    assert _text_only(html) == "abc" and html.count("pq-quote") == 1


def test_section_for_picks_the_deepest() -> None:
    doc = _doc()
    c = _cite(doc, "全年新增", None)
    sec = render.section_for(doc, c.start, c.end)
    assert sec is not None and sec.path == ("一、总体目标",)
    assert render.section_for(_doc(sections=()), 0, 1) is None


def test_answer_html_found_escapes_everything() -> None:
    doc = _doc()
    quote = "全年新增<script>x</script>企业637家,增长10%。"
    c = _cite(doc, quote, "企业637家")
    ans = Answer("问<q>", True, "企业637家", (c,), parts=("企业637家",))
    html = render.answer_html(ans, {doc.doc_id: doc})
    assert "<script" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "《标题&lt;i&gt;》" in html and "&lt;u&gt;" in html and "d&lt;1&gt;.txt" in html
    assert '<mark style="' in html and "637" in html
    assert 'class="pq-context"' in html and "所在章节：一、总体目标" in html
    assert "pq-refusal" not in html


def test_context_falls_back_when_document_is_gone() -> None:
    doc = _doc()
    c = _cite(doc, "全年新增", None)
    html = render.answer_html(Answer("q", True, "x", (c,)), {})
    assert "原文已不在文档库中" in html and "全年新增" in html


def test_context_finds_moved_quote_and_cuts_long_sections() -> None:
    filler = "甲" * 5000
    text = f"一、目标\n{filler}关键句子。{filler}"
    doc = _doc(text, (Section(("一、目标",), "一、目标", 1, 0, len(text)),))
    c = Citation(doc.doc_id, doc.title, "一、目标", "关键句子。", 3, 8)  # stale offsets
    html = render.context_html(c, doc)
    assert "关键句子" in html and html.count("…") == 2
    assert len(_text_only(html)) < render.CONTEXT_CHARS + 200


def test_refusal_shows_related_evidence_not_as_answer() -> None:
    doc = _doc()
    c = _cite(doc, "一、总体目标", None)
    ans = Answer("火星<x>", False, "", message="文档中未找到“火星<x>”的答案。", related=(c,))
    html = render.answer_html(ans, {doc.doc_id: doc})
    assert 'class="pq-refusal"' in html and "火星&lt;x&gt;" in html
    assert "相关内容（不是答案）" in html and "pq-related" in html
    assert "<mark" not in html.split("pq-context")[0]  # no answer span in a related card


def test_upload_report_lists_each_failure() -> None:
    html = render.skipped_html(["a.txt"], [("b<.pdf", "not a pdf"), ("c.txt", "empty")])
    assert "a.txt" in html and "b&lt;.pdf" in html and "2 份文件未能读取" in html


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
    rows = dict(render.metric_rows(results))
    assert rows["答案准确率 answer accuracy"] == "50.0%"
    assert rows["拒答召回 refusal recall"] == "—" and rows["MRR"] == "0.750"
    assert rows["延迟 p95 (ms)"] == "40.0"
    chart = render.type_chart({"number": {"n": 2, "answer_accuracy": 0.5}, "<t>": {"n": 1}})
    assert "width:50.0%" in chart and "&lt;t&gt;" in chart
    failing = [
        {
            "id": "x",
            "type": "number",
            "question": "<q>",
            "pass": False,
            "why": "wrong",
            "expected": ["637"],
            "answer": {"found": True, "answer": "<b>500</b>"},
        },
        {
            "id": "y",
            "type": "unanswerable",
            "question": "q",
            "pass": False,
            "why": "answered",
            "expected": [],
            "answer": {"found": True, "answer": "1"},
        },
        {"id": "z", "type": "number", "question": "q", "pass": True, "expected": ["1"]},
    ]
    html = render.failures_html(failing)
    assert "&lt;b&gt;500&lt;/b&gt;" in html and "637" in html and "（应拒答）" in html
    assert ">z<" not in html and "未通过 2 题" in html
    assert "全部通过" in render.failures_html(failing[2:])


def test_labelled_parts_show_whose_each_is() -> None:
    from ui.render import answer_html

    ans = Answer(
        "问", True, "", parts=("新增<b>120</b>家", "新增160家"), labels=("2022年", "2023年")
    )
    html = answer_html(ans, {})
    assert "2022年：<mark" in html and "2023年：<mark" in html
    assert "新增&lt;b&gt;120&lt;/b&gt;家" in html


def test_a_citation_card_names_its_page_and_none_without_one() -> None:
    from dataclasses import replace

    doc = _doc()
    c = _cite(doc, "全年新增", None)
    assert "第2页" in render.citation_card(replace(c, page=2), doc)
    assert "页</span>" not in render.citation_card(
        c, doc
    ) and "第None页" not in render.citation_card(c, doc)
