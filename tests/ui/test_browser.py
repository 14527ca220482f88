"""End to end in a real browser: ask, open the source, upload a .docx, ask about it.

Needs the ``playwright`` Python package and Debian's Chromium on the PATH
(``apt-get install -y chromium``; ``playwright install`` is not used): see the
``chromium`` and ``kit`` fixtures in conftest.py. Screenshots go to
test-artifacts/ at the project root.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow

DOCX_NAME = "xihu_2025.docx"
DOCX_QUESTION = "西湖区2025年新增专精特新企业多少家"


@pytest.fixture(scope="module")
def page(server: str, chromium: Any, kit: Any) -> Iterator[Any]:
    pg = chromium.new_page(viewport={"width": 1280, "height": 1000})
    pg.set_default_timeout(kit.timeout)
    pg.dialogs = []
    pg.foreign = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    host = urlparse(server).netloc

    def note(req: Any) -> None:
        url = urlparse(req.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            pg.foreign.append(req.url)

    pg.on("request", note)
    pg.goto(server)
    pg.wait_for_selector("#pq-question textarea")
    yield pg
    pg.close()


def _make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("西湖区科学技术局2025年工作要点")
    d.add_paragraph("一、2025年主要目标")
    d.add_paragraph("2025年,西湖区力争新增专精特新企业86家,技术合同成交额突破90亿元。")
    d.add_paragraph("二、保障措施<script>alert(1)</script>")
    d.add_paragraph("加强统筹协调,<img src=x onerror=alert(2)>落实各项政策。")
    d.save(str(path))


def test_ask_shows_answer_citation_and_source(page: Any, kit: Any) -> None:
    reply = kit.ask(page, "余杭2023年新增高企多少")
    assert "637" in reply.locator(".pq-answer mark").inner_text()
    card = reply.locator(".pq-card").first
    assert "(二)坚持主体创新,激发澎湃创新活力" in card.locator(".pq-section").inner_text()
    assert "637" in card.locator(".pq-cite mark").inner_text()
    context = card.locator(".pq-context")
    assert not context.is_visible()
    card.locator("details.pq-source summary").click()
    context.wait_for(state="visible")
    assert "637" in context.locator(".pq-quote").first.inner_text()
    assert "一是全力推进企业梯次培育" in context.inner_text()  # the rest of the section
    kit.shot(page, "01-answer-with-source")


def test_example_and_refusal(page: Any, kit: Any) -> None:
    page.locator("button", has_text="临安2022年研发投入强度目标").first.click()
    page.wait_for_function(
        "q => document.querySelector('#pq-question textarea').value === q",
        arg="临安2022年研发投入强度目标",
    )
    page.click("#pq-send")
    page.locator("#pq-chat .pq-answer", has_text="3.45%").wait_for()
    reply = kit.ask(page, "火星上有多少高企")
    assert reply.locator(".pq-refusal").is_visible()
    assert "文档中未找到" in reply.locator(".pq-refusal").inner_text()
    assert "相关内容（不是答案）" in reply.inner_text()
    kit.shot(page, "02-refusal")


def test_upload_docx_then_ask_about_it(page: Any, kit: Any, tmp_path: Path) -> None:
    doc = tmp_path / DOCX_NAME
    _make_docx(doc)
    page.get_by_role("tab", name="文档库").click()
    kit.choose_file(page, "#pq-files", doc)
    page.click("#pq-add")
    page.locator("#pq-report", has_text="已加入").wait_for()
    page.locator("#pq-library", has_text=DOCX_NAME).wait_for()
    kit.shot(page, "03-library-after-upload")

    page.get_by_role("tab", name="问答").click()
    reply = kit.ask(page, DOCX_QUESTION)
    assert "86" in reply.locator(".pq-answer").inner_text()
    card = reply.locator(".pq-card").first
    assert "西湖区科学技术局2025年工作要点" in card.inner_text()
    assert DOCX_NAME in card.inner_text()
    # Markup from the document shows as text and never runs.
    reply = kit.ask(page, "西湖区保障措施有哪些")
    reply.locator("details.pq-source summary").first.click()
    reply.locator(".pq-context").first.wait_for(state="visible")
    kit.shot(page, "04-uploaded-docx-answer")
    text = reply.inner_text()
    assert "二、保障措施<script>alert(1)</script>" in text  # section path
    assert "<img src=x onerror=alert(2)>" in text  # quote and context
    assert page.locator("#pq-chat script").count() == 0
    assert page.locator("#pq-chat img[src=x]").count() == 0
    assert page.dialogs == []


def test_select_a_row_and_remove_it(page: Any, kit: Any) -> None:
    page.get_by_role("tab", name="文档库").click()
    page.locator("#pq-library [role=gridcell]", has_text=DOCX_NAME).first.click()
    page.wait_for_function(
        "name => document.querySelector('#pq-chosen input').value.includes(name)", arg=DOCX_NAME
    )
    page.click("#pq-remove")  # not ticked: nothing is removed
    page.locator("#pq-report", has_text="确认删除").wait_for()
    assert DOCX_NAME in page.locator("#pq-library").inner_text()
    page.click("#pq-confirm input")
    page.click("#pq-remove")
    page.locator("#pq-report", has_text="已删除").wait_for()
    page.wait_for_function(
        "name => !document.querySelector('#pq-library').innerText.includes(name)", arg=DOCX_NAME
    )
    kit.shot(page, "05-library-after-remove")


def test_evaluation_tab(page: Any, kit: Any, tmp_path: Path) -> None:
    gold = tmp_path / "tiny.jsonl"
    rows = [
        {
            "id": "b1",
            "question": "余杭2023年新增高企多少",
            "type": "number",
            "answers": ["637"],
            "doc": "000_6eaca3ed01c4c811.txt",
            "section": None,
            "evidence": ["全年新增国家高新技术企业637家"],
            "note": "",
        },
        {
            "id": "b2",
            "question": "临安2022年研发投入强度目标",
            "type": "target",
            "answers": ["9.99%"],
            "doc": "001_f9ee6873cacabd59.txt",
            "section": None,
            "evidence": ["全区R&D经费投入强度达3.45%"],
            "note": "wrong on purpose",
        },
    ]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    page.get_by_role("tab", name="评测").click()
    kit.choose_file(page, "#pq-gold-file", gold)
    page.click("#pq-eval")
    page.locator("#pq-chart .pq-bar").first.wait_for()
    assert "数值" in page.locator("#pq-chart").inner_text()
    failures = page.locator("#pq-failures").inner_text()
    assert "b2" in failures and "9.99%" in failures and "b1" not in failures
    page.locator("#pq-metrics", has_text="50.0%").wait_for()
    kit.shot(page, "06-evaluation")


def test_no_request_leaves_the_machine(page: Any) -> None:
    assert page.foreign == [], page.foreign
