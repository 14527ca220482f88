"""The 指标 tab in a real browser: filter, chart, a row's source, conflicts, CSV and XLSX.

Same requirements as test_browser.py (the playwright package and Debian's Chromium on
the PATH). The library is the samples plus one made-up plan that states 余杭's 2024
target of new 高企 as 600, where the samples say 500: a conflict. Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PLAN = "yuhang_2024_plan.txt"
PLAN_TEXT = (
    "余杭区科学技术局2024年工作要点\n一、2024年主要目标\n"
    "力争新增国家高新技术企业600家,技术合同成交额突破120亿元。\n二、工作举措\n加快建设创新平台。\n"
)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def url(
    tmp_path_factory: pytest.TempPathFactory,
    samples_dir: Path,
    fake_embedder: Any,
    start_server: Callable[[Path], str],
) -> str:
    from index.build import build_index

    corpus = tmp_path_factory.mktemp("ind-corpus") / "docs"
    shutil.copytree(samples_dir, corpus)
    (corpus / PLAN).write_text(PLAN_TEXT, encoding="utf-8")
    folder = tmp_path_factory.mktemp("ind-index") / "index"
    build_index([corpus], folder, fake_embedder)
    return start_server(folder)


@pytest.fixture(scope="module")
def page(url: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is missing: apt-get install -y chromium")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 1100}, accept_downloads=True)
        pg.set_default_timeout(30_000)
        host = urlparse(url).netloc
        pg.foreign = []  # type: ignore[attr-defined]
        pg.on(
            "request",
            lambda r: urlparse(r.url).netloc in ("", host) or pg.foreign.append(r.url),  # type: ignore[attr-defined]
        )
        pg.goto(url)
        pg.get_by_role("tab", name="指标").click()
        pg.locator("#pq-ind-query textarea").wait_for()
        yield pg
        browser.close()


def _search(pg: Any, query: str, *, year: str = "", kind: str = "全部", only: bool = False) -> str:
    """Fill the controls, search, and return the new summary line."""
    notice = "document.querySelector('#pq-ind-summary .pq-notice')"
    before = pg.evaluate(f"() => {notice}?.innerText ?? ''")
    pg.fill("#pq-ind-query textarea", query)
    box = pg.locator("#pq-ind-year input")
    box.fill(year)
    box.press("Enter" if year else "Tab")  # Enter in an empty box would pick the first year
    pg.locator("#pq-ind-kind label", has_text=kind).click()
    pg.locator("#pq-ind-conflicts input").set_checked(only)
    pg.click("#pq-ind-search")
    # The summary's notice is replaced when the search has finished.
    pg.wait_for_function(f"old => ({notice}?.innerText ?? old) !== old", arg=before)
    return str(pg.locator("#pq-ind-summary .pq-notice").inner_text())


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _cells(pg: Any, column: int) -> list[str]:
    """The texts of one column (0 = the row number) of the table's rows, top to bottom."""
    cells = pg.locator(f"#pq-ind-table [role=gridcell][aria-colindex='{column + 1}']")
    return [c.strip() for c in cells.all_inner_texts()]


def test_trend_of_one_place_is_a_line_with_its_years(page: Any) -> None:
    summary = _search(page, "余杭历年新增高企")
    assert "共 4 行" in summary and "1 组冲突" in summary
    line = page.locator("#pq-ind-line")
    line.locator("svg .mark-line path").first.wait_for()
    assert not page.locator("#pq-ind-bar").is_visible()
    axis = line.locator("svg").first.text_content() or ""
    assert "2021" in axis and "2023" in axis and "2024目标" in axis
    assert _cells(page, 7) == ["2021", "2023", "2024", "2024"]
    _shot(page, "ind-01-trend")


def test_one_year_across_places_is_bars(page: Any) -> None:
    summary = _search(page, "高企", year="2024", kind="目标")
    assert "共 6 行" in summary
    bar = page.locator("#pq-ind-bar")
    bar.locator("svg .mark-rect path").first.wait_for()
    assert not page.locator("#pq-ind-line").is_visible()
    assert set(_cells(page, 9)) == {"目标"}
    assert {"余杭区", "杭州市", "瓯海区"} <= set(_cells(page, 6))
    _shot(page, "ind-02-bars")


def test_conflict_rows_are_red_and_a_click_opens_the_source(page: Any) -> None:
    summary = _search(page, "", year="2024", kind="目标", only=True)
    assert "共 2 行" in summary
    assert _cells(page, 1) == ["⚠ 1", "⚠ 1"]
    cell = page.locator("#pq-ind-table [role=gridcell]", has_text="600").first
    assert cell.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(254, 226, 226)"
    cell.click()
    source = page.locator("#pq-ind-source")
    source.locator(".pq-ind-other").wait_for()
    text = source.inner_text()
    assert "《余杭区科学技术局2024年工作要点》" in text and "一、2024年主要目标" in text
    assert "力争新增国家高新技术企业600家" in source.locator(".pq-quote").inner_text()
    other = source.locator(".pq-ind-other").inner_text()
    assert "另一文件记为 500家" in other and "力争2024年新增国家高新技术企业500家" in other
    _shot(page, "ind-03-conflict-source")


def _download(pg: Any, button: str, suffix: str, folder: Path) -> Path:
    """Export, then click the file's link; the path of what the browser saved."""
    pg.click(button)
    link = pg.locator(f"#pq-ind-file a[href$='{suffix}']").first
    link.wait_for()
    with pg.expect_download() as done:
        link.click()
    saved = folder / f"download{suffix}"
    done.value.save_as(saved)
    return saved


def test_csv_and_xlsx_downloads_read_back(page: Any, sample_index: Any, tmp_path: Path) -> None:
    _search(page, "余杭历年新增高企")
    path = _download(page, "#pq-ind-csv", ".csv", tmp_path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["value"] for r in rows] == ["507", "637", "500", "600"]
    assert rows[0]["conflict"] == "" and rows[2]["conflict"] == rows[3]["conflict"] == "1"
    first = rows[1]
    text = sample_index.documents[first["doc_id"]].text
    assert first["quote"] == text[int(first["start"]) : int(first["end"])]
    openpyxl = pytest.importorskip("openpyxl", reason="pip install 'policyqa[xlsx]'")
    sheet = openpyxl.load_workbook(_download(page, "#pq-ind-xlsx", ".xlsx", tmp_path)).active
    values = [row[10] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == ["507", "637", "500", "600"]


def test_no_request_leaves_the_machine(page: Any) -> None:
    assert page.foreign == [], page.foreign
