"""Every screen of the web UI at 1366×768 and 390 px wide (issue #15): no two elements
overlap, no screen is wider than the window, no English word shows.

An English browser (``locale="en-US"``); each tab is checked after a question was
answered, an evaluation run and a document opened whole. Screenshots go to
test-artifacts/day/ (``make screenshots``), two of them as the README's JPEGs.
Same requirements as test_browser.py (playwright and Debian's chromium).
"""

from __future__ import annotations

from typing import Any

import pytest

from ui.eval_tab import EXAMPLE

pytestmark = pytest.mark.slow

SCREENS = {
    "问答": ["#pq-chat", "#pq-question", "#pq-send", "#pq-regions", "#pq-years", "#pq-docs",
             "#pq-export-md", "#pq-export-docx"],
    "文档库": ["#pq-library", "#pq-files", "#pq-add", "#pq-chosen", "#pq-confirm", "#pq-remove",
              "#pq-samples", "#pq-view", "#pq-refresh", "#pq-fix", "#pq-report"],
    "评测": ["#pq-gold-help", "#pq-gold-file", "#pq-eval", "#pq-metrics", "#pq-chart",
             "#pq-show", "#pq-kind", "#pq-find", "#pq-failures"],
    "全文": ["#pq-doc-pick", "#pq-back", "#pq-viewer"],
}  # fmt: skip
# Inside the newest reply, its parts, and inside the viewer, the tree beside the text.
PARTS = {
    "问答": ["#pq-chat .pq-reply:last-of-type > *"],
    "全文": [".pq-viewer-head", ".pq-toc", ".pq-doc-text"],
}
BOXES = """selectors => selectors.flatMap(sel => [...document.querySelectorAll(sel)])
  .filter(e => e.checkVisibility())
  .map(e => { const r = e.getBoundingClientRect();
              return [e.id || e.className, r.left, r.top + scrollY, r.right, r.bottom + scrollY]; })
  .filter(b => b[3] > b[1] && b[4] > b[2])"""


def overlaps(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap by more than a pixel each way."""
    out = []
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(boxes):
        for b, bx0, by0, bx1, by1 in boxes[i + 1 :]:
            if min(ax1, bx1) - max(ax0, bx0) > 1 and min(ay1, by1) - max(ay0, by0) > 1:
                out.append((str(a), str(b)))
    return out


def check_layout(pg: Any, kit: Any, size: str) -> None:
    for screen, selectors in SCREENS.items():
        kit.tab(pg, screen)
        pg.locator(selectors[0]).first.wait_for()
        pg.wait_for_timeout(300)
        for group in (selectors, PARTS.get(screen, [])):
            boxes = pg.evaluate(BOXES, group)
            assert overlaps(boxes) == [], (size, screen)
        wide = pg.evaluate("document.documentElement.scrollWidth - innerWidth")
        assert wide <= 1, (size, screen, "wider than the screen")
        assert kit.english_words(pg) == set(), (size, screen)
        kit.shot(pg, f"day/{size}-{screen}")


def test_every_screen_fits_a_desktop_without_overlaps(server: str, chromium: Any, kit: Any) -> None:
    desktop = kit.open_page(chromium, server, kit.DESKTOP)
    reply = kit.ask(desktop, "余杭2023年新增高企多少")
    desktop.evaluate("window.scrollTo(0, 0)")  # the page's head in the picture too
    desktop.wait_for_timeout(300)
    kit.shot(desktop, "day/readme-chat", jpeg=True)  # README: docs/screenshots/chat.jpg
    reply.locator(".pq-open-doc").first.click()
    desktop.locator("#pq-viewer .pq-viewer").wait_for()
    desktop.wait_for_timeout(500)
    kit.shot(desktop, "day/readme-viewer", jpeg=True)  # README: docs/screenshots/viewer.jpg
    check_layout(desktop, kit, "desktop")
    desktop.context.close()


def test_every_screen_fits_a_phone_without_overlaps(server: str, chromium: Any, kit: Any) -> None:
    pg = kit.open_page(chromium, server, kit.PHONE, is_mobile=True)
    reply = kit.ask(pg, "余杭2023年新增高企多少")
    reply.locator(".pq-copy").wait_for()
    kit.tab(pg, "评测")
    kit.choose_file(pg, "#pq-gold-file", EXAMPLE)
    pg.click("#pq-eval")
    pg.locator("#pq-chart .pq-bar").first.wait_for()
    kit.tab(pg, "问答")
    reply.locator(".pq-open-doc").first.click()
    pg.locator("#pq-viewer .pq-viewer").wait_for()
    check_layout(pg, kit, "phone")
    pg.context.close()
