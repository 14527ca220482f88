"""The viewer shows the page a quote stands on, its lines marked, in a real browser (#16).

The PDF is printed by the same Chromium from an HTML page (a plan with a 主要指标表):
a text layer in embedded fonts, as office software writes it; nothing is committed.
Same requirements as test_browser.py (playwright and Debian's chromium).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

PLAN = """<html><head><meta charset="utf-8"><style>
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt; }
p { text-indent: 2em; margin: 0; line-height: 1.6; }
table { border-collapse: collapse; margin: 8pt 0; }
td, th { border: 1px solid #000; padding: 3pt 8pt; font-weight: normal; }
</style></head><body>
<h1 style="text-align: center; font-size: 20pt">某某区科技局2024年工作计划</h1>
<p>一、主要指标</p>
<p>2024年，全区科技工作紧紧围绕创新驱动发展战略，持续加大研发投入，培育科技企业，
全区科技工作主要指标如下表。</p>
<table><tr><th>序号</th><th>指标</th><th>单位</th><th>2023年完成</th><th>2024年目标</th></tr>
<tr><td>1</td><td>研发投入强度</td><td>%</td><td>3.1</td><td>3.4</td></tr>
<tr><td>2</td><td>新增国家高新技术企业</td><td>家</td><td>120</td><td>150</td></tr>
<tr><td>3</td><td>技术合同成交额</td><td>亿元</td><td>20.5</td><td>26</td></tr></table>
<p>二、重点任务</p>
<p>实施科技企业梯次培育，力争新增省科技型中小企业300家以上。</p>
</body></html>"""


@pytest.fixture(scope="module")
def plan_index(chromium: Any, tmp_path_factory: pytest.TempPathFactory, fake_embedder: Any) -> Path:
    """An index of one PDF that Chromium printed from :data:`PLAN`."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("plan-pdf")
    page = chromium.new_page()
    page.set_content(PLAN)
    page.pdf(path=str(folder / "plan.pdf"), format="A4")
    page.close()
    index = folder.parent / f"{folder.name}-index"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICYQA_CACHE_DIR", str(folder.parent / f"{folder.name}-cache"))
        report = build_index([folder], index, fake_embedder)
    assert report.n_documents == 1 and not report.skipped
    return index


@pytest.fixture(scope="module")
def desktop(
    start_server: Callable[[Path], str], plan_index: Path, chromium: Any, kit: Any
) -> Iterator[Any]:
    pg = kit.open_page(chromium, start_server(plan_index), kit.DESKTOP)
    yield pg
    pg.context.close()


MARKS_INSIDE = """() => {
  const svg = document.querySelector('#pq-viewer .pq-page svg').getBoundingClientRect();
  return [...document.querySelectorAll('#pq-viewer .pq-page-mark')].map(p => {
    const r = p.getBoundingClientRect();
    return {inside: r.left >= svg.left - 1 && r.right <= svg.right + 1
                    && r.top >= svg.top - 1 && r.bottom <= svg.bottom + 1,
            middle: (r.top + r.bottom) / 2, height: r.height, width: svg.width};
  });
}"""


SCROLLED_TO_MARK = """() => {
  const box = document.querySelector('#pq-viewer .pq-page-scroll').getBoundingClientRect();
  const mark = document.querySelector('#pq-viewer .pq-page-mark').getBoundingClientRect();
  return mark.top >= box.top && mark.bottom <= box.bottom;
}"""


def test_a_table_cell_is_answered_and_its_row_marked_on_the_page(desktop: Any, kit: Any) -> None:
    pg = desktop
    reply = kit.ask(pg, "2024年研发投入强度目标是多少")
    assert "研发投入强度 2024年目标 3.4%" in reply.locator(".pq-answer").inner_text()
    card = reply.locator(".pq-card").first
    assert "第1页" in card.inner_text()
    card.locator("a.pq-open-doc").click()
    figure = pg.locator("#pq-viewer .pq-page")
    figure.wait_for()
    assert figure.locator("summary").inner_text() == "原页面（第1页）"
    assert not figure.locator("svg").is_visible()  # folded: the text comes first
    figure.locator("summary").click()
    figure.locator("svg").wait_for()
    assert figure.locator("svg image").count() == 1
    pg.wait_for_function(SCROLLED_TO_MARK)
    marks = pg.evaluate(MARKS_INSIDE)
    assert len(marks) == 5  # the row's five cells: 1, 研发投入强度, %, 3.1, 3.4
    assert all(x["inside"] and x["height"] > 3 for x in marks)
    middles = [x["middle"] for x in marks]
    assert max(middles) - min(middles) < 3  # one row of the page
    assert kit.english_words(pg) == set()
    kit.shot(pg, "pages/viewer-table-row")


def test_a_paragraphs_quote_marks_each_of_its_lines(desktop: Any, kit: Any) -> None:
    pg = desktop
    kit.tab(pg, "问答")
    reply = kit.ask(pg, "全区科技工作紧紧围绕什么")
    card = reply.locator(".pq-card").first
    assert "创新驱动发展战略" in card.inner_text()
    card.locator("a.pq-open-doc").click()
    pg.wait_for_function(
        "() => document.querySelectorAll('#pq-viewer .pq-page-mark').length === 2"
    )  # the paragraph wraps over two lines of the page
    pg.locator("#pq-viewer .pq-page summary").click()
    pg.wait_for_function(SCROLLED_TO_MARK)
    marks = pg.evaluate(MARKS_INSIDE)
    assert all(x["inside"] for x in marks)
    assert marks[1]["middle"] - marks[0]["middle"] > marks[0]["height"] / 2


def test_the_page_fits_a_phone(
    start_server: Callable[[Path], str], plan_index: Path, chromium: Any, kit: Any
) -> None:
    pg = kit.open_page(chromium, start_server(plan_index), kit.PHONE)
    try:
        kit.ask(pg, "2024年研发投入强度目标是多少").locator("a.pq-open-doc").first.click()
        pg.locator("#pq-viewer .pq-page summary").click()
        pg.locator("#pq-viewer .pq-page svg").wait_for()
        width = pg.evaluate("() => document.documentElement.scrollWidth")
        assert width <= kit.PHONE["width"]
        assert pg.evaluate(MARKS_INSIDE)[0]["width"] <= kit.PHONE["width"]
        kit.shot(pg, "pages/viewer-phone")
    finally:
        pg.context.close()


def test_a_printed_table_with_cells_wrapped_in_a_narrow_column_is_one_table(
    chromium: Any, tmp_path: Path
) -> None:
    from corpus.readers import read_file

    narrow = PLAN.replace("<th>指标</th>", '<th style="width: 5em">指标</th>')
    page = chromium.new_page()
    page.set_content(narrow)
    page.pdf(path=str(tmp_path / "narrow.pdf"), format="A4")
    page.close()
    raw = read_file(tmp_path / "narrow.pdf")
    (table,) = raw.tables
    assert [r.header for r in table.rows] == [
        "研发投入强度",
        "新增国家高新技术企业",
        "技术合同成交额",
    ]
    assert "新增国家高新技术企业 2024年目标 150家" in raw.text
    assert "科技企业，全区科技工作主要指标如下表。" in raw.text  # the paragraph above, whole
