"""Fixtures of the web UI tests: a writable sample index and a running server.

The server runs in this process (``launch(..., block=False)``) with the fake
embedder, on a free port of 127.0.0.1; it is closed when the module ends.
"""

from __future__ import annotations

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
def ui_index(
    tmp_path_factory: pytest.TempPathFactory, samples_dir: Path, fake_embedder: Any
) -> Path:
    """A fresh fake-embedder index of the samples that the tests of one module may change."""
    from index.build import build_index

    folder = tmp_path_factory.mktemp("ui-index") / "index"
    build_index([samples_dir], folder, fake_embedder)
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
