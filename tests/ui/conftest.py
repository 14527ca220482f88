"""Fixtures of the web UI tests: a writable sample index and a running server.

The server runs in this process (``launch(..., block=False)``) with the fake
embedder, on a free port of 127.0.0.1; it is closed when the module ends.
"""

from __future__ import annotations

import re
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def ui_corpus(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    """A copy of the samples and their manifest (a metadata correction writes to it)."""
    folder = tmp_path_factory.mktemp("ui-corpus") / "samples"
    shutil.copytree(samples_dir, folder)
    return folder


@pytest.fixture(scope="module")
def ui_index(tmp_path_factory: pytest.TempPathFactory, ui_corpus: Path, fake_embedder: Any) -> Path:
    """A fresh fake-embedder index of (a copy of) the samples that the tests of one module
    may change."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("ui-index") / "index"
    build_index([ui_corpus], folder, fake_embedder)
    return folder


@pytest.fixture(scope="module")
def start_server(fake_embedder: Any) -> Iterator[Callable[[Path], str]]:
    """``start(index_dir) -> base url``: serve the UI over an index (closed at module end)."""
    from ui.settings import ServeConfig
    from ui.web import launch

    apps: list[Any] = []

    def start(index_dir: Path) -> str:
        port = free_port()
        apps.append(launch(index_dir, ServeConfig(port=port), embedder=fake_embedder, block=False))
        return f"http://127.0.0.1:{port}/"

    yield start
    for app in apps:
        app.close()


@pytest.fixture(scope="module")
def server(start_server: Callable[[Path], str], ui_index: Path) -> str:
    """The base url of a UI serving ``ui_index``."""
    return start_server(ui_index)


# -- a real browser (Debian's Chromium through Playwright) ---------------------------------

CHROMIUM = shutil.which("chromium")  # Debian's package; looked up on PATH
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT = 30_000


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """A headless Chromium (skipped without the playwright package or Debian's chromium)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright package is missing: .venv/bin/pip install playwright")
    if CHROMIUM is None:
        pytest.skip("chromium is missing: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def shot(pg: Any, name: str, *, jpeg: bool = False) -> None:
    """A full-page screenshot into test-artifacts/ (not committed); ``name`` may hold a
    folder. ``jpeg``: what the window shows, as a small JPEG (for the README)."""
    path = ARTIFACTS / f"{name}.{'jpg' if jpeg else 'png'}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if jpeg:
        pg.screenshot(path=str(path), type="jpeg", quality=75)
    else:
        pg.screenshot(path=str(path), full_page=True)


def ask(pg: Any, question: str) -> Any:
    """Ask in the chat box; returns the locator of the new assistant reply."""
    replies = pg.locator("#pq-chat .pq-reply")
    before = replies.count()
    pg.fill("#pq-question textarea", question)
    pg.click("#pq-send")
    pg.wait_for_function(
        "n => document.querySelectorAll('#pq-chat .pq-reply').length > n", arg=before
    )
    return replies.nth(before)


def choose_file(pg: Any, component: str, path: Path) -> None:
    """Put a file into a gr.File component; retried, as a tab that was just
    opened may still be mounting its file input (then the upload area is clicked and
    the browser's file chooser answered). A last failure says what the box held."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = pg.locator(component)
    box.wait_for(state="visible")
    held = box.locator("button[aria-label='清除']")  # a file chosen before: take it away
    if held.count():
        held.first.click()
        box.locator("input[type=file]").wait_for(state="attached")
    for attempt in range(3):
        try:
            if box.locator("input[type=file]").count():
                box.locator("input[type=file]").first.set_input_files(str(path), timeout=10_000)
            else:
                with pg.expect_file_chooser(timeout=10_000) as chooser:
                    box.click()
                chooser.value.set_files(str(path))
            # the name as one text, or split into its stem and extension ("tiny" ".jsonl")
            # with the whole name as the cell's label, as Gradio lays a long list out
            named = box.locator(f'[aria-label="{path.name}"]').or_(box.get_by_text(path.name))
            named.first.wait_for(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                shot(pg, f"failed/choose-file-{path.stem}")
                html = box.inner_html()[:2000]
                raise AssertionError(f"{component} took no file; it holds: {html}") from None


# -- is the page Chinese? ----------------------------------------------------------------

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# Words a Chinese page may show: technical names, file types, the product's name.
ALLOWED = {
    "policyqa", "txt", "docx", "pdf", "html", "htm", "md", "png", "jpg", "jpeg", "tif", "tiff",
    "jsonl", "csv", "xlsx",
    "excel", "markdown", "word", "mrr", "recall", "openpyxl", "pip", "install", "json", "utf",
}  # fmt: skip
FILE_NAME = re.compile(r"[\w.-]+\.(?:txt|docx|pdf|html?|md|jsonl|csv|tsv|xlsx)\b")
COMMAND = re.compile(r"policyqa\s+\w+")  # a command to type, named as it is typed
# The visible text of the page, and the visible placeholders, leaving out what comes
# from documents (quotes, the full text) and file ids in small print.
VISIBLE_TEXT = """skip => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode, el = node.parentElement;
    if (!el || el.closest(skip)) continue;
    if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    out.push(node.textContent);
  }
  for (const el of document.querySelectorAll('[placeholder]'))
    if (el.checkVisibility()) out.push(el.getAttribute('placeholder'));
  return out.join(' ');
}"""
# Left out: what comes from documents or from people (quotes, the text, a question and a
# refusal quoting it, a chosen file's name), file ids, and code (the gold format's fields).
FROM_DOCUMENTS = (
    ".pq-docid, .pq-cite, .pq-context, .pq-doc-text, .pq-q, .pq-refusal, .filename, "
    "code, pre, script, style"
)


def english_words(pg: Any) -> set[str]:
    """English words a person can read on the page now (document text left out)."""
    text = COMMAND.sub(" ", FILE_NAME.sub(" ", pg.evaluate(VISIBLE_TEXT, FROM_DOCUMENTS)))
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in ALLOWED}


def tab(pg: Any, name: str) -> None:
    """Open a tab of the page by its name, and wait until it is the selected one."""
    button = pg.get_by_role("tab", name=name)
    button.click()
    pg.wait_for_function(
        "name => [...document.querySelectorAll('[role=tab]')].some("
        "t => t.textContent.trim() === name && t.getAttribute('aria-selected') === 'true')",
        arg=name,
    )


def open_page(chromium: Any, url: str, viewport: dict[str, int], **options: Any) -> Any:
    """The page as an English browser shows it (``page.context`` closes it), clipboard allowed."""
    context = chromium.new_context(locale="en-US", viewport=viewport, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT)
    pg.goto(url)
    pg.wait_for_selector("#pq-question textarea")
    return pg


@pytest.fixture(scope="module")
def kit() -> Any:
    """The helpers of the browser tests: ``ask``, ``shot``, ``choose_file``, ``tab``,
    ``open_page``, ``english_words`` and the two window sizes."""
    from types import SimpleNamespace

    return SimpleNamespace(
        ask=ask,
        shot=shot,
        choose_file=choose_file,
        tab=tab,
        open_page=open_page,
        english_words=english_words,
        timeout=TIMEOUT,
        DESKTOP=DESKTOP,
        PHONE=PHONE,
    )
