"""What the page needs besides its components: Chinese for Gradio's own words, CSS and JS.

Gradio translates its built-in words ("Drop File Here", "Clear", the footer)
with the browser's language, read once when the page starts; an English
browser gets English. :class:`ChinesePage` is a small ASGI middleware that
puts one script at the top of the page's ``<head>`` (before Gradio's own
code runs) making the page see ``zh-CN`` as the browser's language, and
marks the document ``lang="zh-CN"`` (so browsers pick Chinese fonts).

:func:`head` and :func:`css` read ``ui/assets/page.js`` and ``page.css``:
the copy buttons, the full-document links, scrolling to a new answer.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from ui import messages

ASSETS = Path(__file__).resolve().parent / "assets"
LOCALE = "zh-CN"
_FORCE_LOCALE = (
    "<script>(()=>{for(const k of ['language','languages']){try{"
    "Object.defineProperty(Navigator.prototype,k,{configurable:true,"
    f"get(){{return k==='language'?'{LOCALE}':['{LOCALE}','zh']}}}})}}catch(e){{}}}}}})();"
    "</script>"
).encode()

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Message, Receive, Send], Awaitable[None]]


def chinese_html(page: bytes) -> bytes:
    """The page with the language script first in ``<head>`` and ``lang="zh-CN"``."""
    page = page.replace(b"<head>", b"<head>" + _FORCE_LOCALE, 1)
    return page.replace(b'lang="en"', f'lang="{LOCALE}"'.encode(), 1)


class ChinesePage:
    """ASGI middleware: HTML answers to ``GET /`` pass through :func:`chinese_html`."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or scope["path"] != "/":
            await self.app(scope, receive, send)
            return
        start: Message = {}
        body: list[bytes] = []

        async def rewrite(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            data = b"".join(body)
            headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
            if b"text/html" in dict(headers).get(b"content-type", b""):
                data = chinese_html(data)
            headers.append((b"content-length", str(len(data)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": data})

        await self.app(scope, receive, rewrite)


def head() -> str:
    """The page's script (``ui/assets/page.js``) as a ``<script>`` for ``launch(head=...)``,
    after the words it shows (``window.pqWords``, from :mod:`ui.messages`)."""
    words = json.dumps(messages.PAGE_WORDS, ensure_ascii=False).replace("</", "<\\/")
    script = (ASSETS / "page.js").read_text(encoding="utf-8")
    return f"<script>window.pqWords = {words};</script><script>{script}</script>"


def css() -> str:
    """The page's styles (``ui/assets/page.css``)."""
    return (ASSETS / "page.css").read_text(encoding="utf-8")
