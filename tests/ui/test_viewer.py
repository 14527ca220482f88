"""ui.viewer: the whole document with its section tree and the quote highlighted (no server)."""

from __future__ import annotations

import json
import re

from corpus.model import Document, Section
from ui import render
from ui.viewer import document_view_html, parse_request

TEXT = (
    "前言<b>。\n一、总体目标\n全年新增企业12家。\n(一)分项\n新建平台3个。\n二、保障\n加强统筹。\n"
)


def _doc() -> Document:
    def at(heading: str) -> int:
        return TEXT.index(heading)

    end = len(TEXT)
    sections = (
        Section((), "", 0, 0, end),
        Section(("一、总体目标",), "一、总体目标", 1, at("一、"), at("二、")),
        Section(("一、总体目标", "(一)分项"), "(一)分项", 2, at("(一)"), at("二、")),
        Section(("二、保障",), "二、保障", 1, at("二、"), end),
    )
    return Document("d.txt", TEXT, TEXT, title="甲<i>", issuer="甲局", sections=sections)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html.replace("<br>", "\n"))


def test_the_tree_links_every_heading_to_its_place_in_the_text() -> None:
    html = document_view_html(_doc())
    links = re.findall(r'<a class="pq-toc-link[^"]*" href="#(pq-sec-\d+)">([^<]*)</a>', html)
    assert [t for _, t in links] == ["一、总体目标", "(一)分项", "二、保障"]
    for anchor, heading in links:
        section = html.split(f'id="{anchor}"')[1]
        assert _text(section).lstrip(">").startswith(heading)
    assert 'style="padding-left:1.2em"' in html  # a sub-section is indented


def test_the_whole_text_is_there_escaped_with_the_quote_highlighted() -> None:
    doc = _doc()
    start = TEXT.index("新建平台")
    quote = (start, start + len("新建平台3个。"))
    html = document_view_html(doc, quote, (start + 4, start + 6))
    body = html.split('class="pq-doc-text">')[1]
    assert _text(body).replace("&lt;", "<").replace("&gt;", ">") == TEXT
    assert "<b>。" not in html and "前言&lt;b&gt;" in html
    quoted = re.findall(r'<span class="pq-quote"[^>]*>(.*?)</span>(?!</mark>)', body)
    assert _text("".join(quoted)) == "新建平台3个。"
    assert "<mark" in body and ">3个<" in body  # the answer span inside it
    assert 'class="pq-toc-link pq-toc-here" href="#pq-sec-2"' in html  # its section marked
    assert "所在章节：一、总体目标 &gt; (一)分项" in html


def test_a_document_leads_with_title_and_a_bad_range_or_no_document_is_said() -> None:
    html = document_view_html(_doc(), (5, 10_000))
    assert "pq-quote" not in html  # a range outside the text highlights nothing
    assert render.esc("《甲<i>》") in html and "甲局" in html and "d.txt" in html
    assert "已不在文档库中" in document_view_html(None)


def test_open_requests_from_the_page() -> None:
    link = render.open_link("a b/甲.txt", (3, 9), (4, 5))
    assert 'href="#pq-doc:a%20b%2F%E7%94%B2.txt:3:9:4:5"' in link
    asked = json.dumps({"doc": "a b/甲.txt", "quote": [3, 9], "span": [-1, -1], "at": 1})
    assert parse_request(asked) == ("a b/甲.txt", (3, 9), None)
    assert parse_request("") is None and parse_request('{"x": 1}') is None
    assert parse_request('{"doc": "a", "quote": "x"}') is None
