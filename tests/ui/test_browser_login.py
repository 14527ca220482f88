"""In a real browser: the login page of a server with --auth, then the page in read-only mode.

Same requirements as test_browser.py (playwright and Debian's chromium).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def url(ui_index: Path, fake_embedder: Any) -> Iterator[str]:
    from ui.auth import load_users
    from ui.settings import ServeConfig
    from ui.web import launch

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    users = load_users(["alice:a-pw"], None, env="")
    config = ServeConfig(port=port, users=users, read_only=True)
    app = launch(ui_index, config, embedder=fake_embedder, block=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def _login(browser: Any, url: str, password: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(30_000)
    page.goto(url)
    page.locator("text=请登录").first.wait_for()  # the auth_message
    page.locator("input[type=text]").first.fill("alice")
    page.locator("input[type=password]").first.fill(password)
    page.locator("button", has_text="登录").first.click()  # Gradio's own words, in Chinese
    return page


def test_a_wrong_password_stays_on_the_login_page(chromium: Any, url: str, kit: Any) -> None:
    page = _login(chromium, url, "wrong")
    page.locator("text=凭据不正确").first.wait_for()
    assert page.locator("#pq-question").count() == 0
    page.close()


def test_login_then_the_read_only_library(chromium: Any, url: str, kit: Any) -> None:
    page = _login(chromium, url, "a-pw")
    page.wait_for_selector("#pq-question textarea")
    page.get_by_role("tab", name="文档库").click()
    page.locator("#pq-readonly", has_text="只读模式").wait_for()
    page.locator("#pq-library", has_text="000_6eaca3ed01c4c811.txt").wait_for()
    for hidden in ("#pq-files", "#pq-add", "#pq-remove", "#pq-samples", "#pq-confirm"):
        assert not page.locator(hidden).is_visible(), hidden
    kit.shot(page, "07-read-only-library")
    # Reading is allowed: a row opens in the full-document viewer.
    page.locator("#pq-library [role=gridcell]", has_text="000_6eaca3ed01c4c811.txt").click()
    page.click("#pq-view")
    page.locator("#pq-viewer .pq-viewer", has_text="杭州市余杭区科学技术局2023年").wait_for()
    page.close()
