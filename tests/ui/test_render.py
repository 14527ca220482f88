"""ui.render: answer HTML, highlighting, context lookup and escaping (no server)."""

from __future__ import annotations

import re
from dataclasses import replace

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
    failed = [("b<.pdf", "文档无法读取", "not a pdf"), ("c.txt", "文档没有文字", "empty")]
    html = render.skipped_html(["a.txt"], failed)
    assert "a.txt" in html and "b&lt;.pdf" in html and "2 份文件未能读取" in html
    assert "文档没有文字" in html and 'title="empty"' in html  # the English detail: a tooltip


def test_a_card_leads_with_title_issuer_and_date_the_id_in_small_print() -> None:
    doc = _doc()
    c = replace(_cite(doc, "全年新增", None), issuer="某区科技局", date="2024-01")
    html = render.citation_card(c, doc)
    head = _text_only(html.split('class="pq-section"')[0])
    assert head.startswith("《标题&lt;i&gt;》") and "某区科技局 · 2024-01" in head
    assert '<small class="pq-docid" title="文件编号：d&lt;1&gt;.txt"' in html
    assert head.index("某区科技局") < head.index("d&lt;1&gt;.txt")  # the id comes last


def test_an_answer_says_where_it_comes_from_by_title() -> None:
    doc = _doc()
    c = replace(_cite(doc, "全年新增", "全年新增"), issuer="某区科技局")
    html = render.answer_html(Answer("q", True, "全年新增", (c, c), parts=("全年新增",)), {})
    frm = html.split('class="pq-from"')[1].split("</div>")[0]
    assert "出自" in frm and frm.count("《标题&lt;i&gt;》") == 1  # each document once


def test_a_which_document_answer_lists_titles_not_ids() -> None:
    a = Citation("a.txt", "甲文件", "", "x", 0, 1, issuer="甲局", date="2024-03-12")
    b = Citation("b.txt", "乙文件", "", "y", 0, 1, region="余杭区")
    ans = Answer(
        "哪份文件", True, "《甲文件》（a.txt）；《乙文件》（b.txt）", (a, b),
        parts=("a.txt", "b.txt"), intent="which_doc", message="共2份文件提到",
    )  # fmt: skip
    html = render.answer_html(ans, {})
    listed = html.split('class="pq-doclist"')[1].split("</ol>")[0]
    items = [_text_only(li) for li in listed.split("<li>")[1:]]
    assert items[0].startswith("《甲文件》 甲局 · 2024-03-12")
    assert items[1].startswith("《乙文件》 余杭区")
    assert "<mark" not in listed  # no id is shown as the answer


def test_a_compare_answer_says_whose_each_part_is() -> None:
    ans = Answer("问", True, "", parts=("新增<b>12</b>家", "新增16家"), labels=("甲区", "乙区"))
    html = render.answer_html(ans, {})
    assert "甲区：<mark" in html and "乙区：<mark" in html
    assert "新增&lt;b&gt;12&lt;/b&gt;家" in html


def test_a_citation_card_names_its_page_and_none_without_one() -> None:
    doc = _doc()
    c = _cite(doc, "全年新增", None)
    assert "第2页" in render.citation_card(replace(c, page=2), doc)
    plain = render.citation_card(c, doc)
    assert "页</span>" not in plain and "第None页" not in plain


def test_bm25_only_answer_says_so() -> None:
    from retrieval.model import Mode
    from ui.messages import BM25_ONLY

    doc = _doc()
    answer = Answer("问", True, "637家", (_cite(doc, "全年新增", None),))
    assert BM25_ONLY not in render.answer_html(replace(answer, retrieval=Mode.HYBRID), {})
    assert BM25_ONLY in render.answer_html(replace(answer, retrieval=Mode.BM25), {})
