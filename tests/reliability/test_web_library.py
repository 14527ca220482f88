"""Probes from issue #12 (items 5 and 7): the web library follows the index on disk and
never replaces a document silently.

* Item 5: a running server keeps answering from documents a CLI re-index removed.
* Item 7: an upload named like an indexed document silently replaced it (637 became 1).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client, handle_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
YUHANG = "000_6eaca3ed01c4c811.txt"
YUHANG_Q = "余杭2023年新增高企多少"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ask_json(client: Client, question: str, docs: list[str] | None = None) -> dict[str, Any]:
    result = client.predict(question, None, None, docs, api_name="/ask_json")
    assert isinstance(result, dict)
    return result


def cited(answer: dict[str, Any]) -> set[str]:
    return {c["doc_id"] for c in answer["citations"] + answer["related"]}


def library(client: Client) -> dict[str, list[Any]]:
    return {row[-1]: row for row in client.predict(api_name="/library")["data"]}


@pytest.fixture(scope="module")
def serve(fake_embedder: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """``serve(name) -> (index_dir, client)`` over a fresh fake-embedder sample index."""
    from index.build import build_index
    from ui.settings import ServeConfig
    from ui.web import launch

    root = tmp_path_factory.mktemp("web-library")
    apps: list[Any] = []

    def start(name: str) -> tuple[Path, Client]:
        folder = root / name / "index"
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("POLICYQA_CACHE_DIR", str(root / "cache"))
            build_index([SAMPLES], folder, fake_embedder)
        port = free_port()
        apps.append(launch(folder, ServeConfig(port=port), embedder=fake_embedder, block=False))
        return folder, Client(f"http://127.0.0.1:{port}/", verbose=False)

    yield start
    for app in apps:
        app.close()


def _cli_index(corpus: Path, index_dir: Path) -> None:
    """``policyqa index CORPUS --index-dir INDEX`` in another process, with the fake model."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "POLICYQA_MODEL": "fake",
        "POLICYQA_CACHE_DIR": str(index_dir.parent / "cache"),
    }
    code = "from ui.cli import main; main()"
    args = [sys.executable, "-c", code, "index", str(corpus), "--index-dir", str(index_dir)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_a_cli_reindex_is_picked_up_by_the_running_server(serve: Any, tmp_path: Path) -> None:
    index_dir, client = serve("reload")
    before = ask_json(client, YUHANG_Q)
    assert before["found"] and "637" in before["answer"] and YUHANG in cited(before)
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    (corpus / YUHANG).unlink()
    _cli_index(corpus, index_dir)  # the server is still running
    after = ask_json(client, YUHANG_Q)
    assert YUHANG not in cited(after) and "637" not in (after["answer"] or "")
    assert YUHANG not in library(client) and len(library(client)) == 4
    # and back: the document re-indexed is answered from again
    _cli_index(SAMPLES, index_dir)
    again = ask_json(client, YUHANG_Q)
    assert again["found"] and "637" in again["answer"] and YUHANG in library(client)


def test_the_check_is_one_stat_and_skips_an_unchanged_index(
    sample_index_dir: Path, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.library import Library

    lib = Library(sample_index_dir, fake_embedder)
    qa = lib.qa
    assert qa is not None and not lib.refresh_if_changed() and lib.require() is qa
    lib._mtime -= 1  # the manifest looks touched, but built_at and corpus_hash are the same
    assert not lib.refresh_if_changed() and lib.qa is qa
    throttled = Library(sample_index_dir, fake_embedder, check_seconds=60)
    throttled._mtime -= 1
    assert not throttled.refresh_if_changed()  # checked less than 60 s ago


def test_a_missing_manifest_mid_swap_keeps_the_loaded_index(serve: Any, fake_embedder: Any) -> None:
    from ui.library import Library

    index_dir, _ = serve("swap")
    lib = Library(index_dir, fake_embedder)
    moved = index_dir.parent / "moved-away"
    index_dir.rename(moved)
    try:
        assert not lib.refresh_if_changed() and YUHANG in lib.documents
    finally:
        moved.rename(index_dir)


def _yuhang_copy(folder: Path, text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / YUHANG
    if text is None:
        shutil.copyfile(SAMPLES / YUHANG, path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_an_upload_named_like_an_indexed_document_keeps_both(serve: Any, tmp_path: Path) -> None:
    index_dir, client = serve("same-name")
    original = library(client)[YUHANG]
    changed = _yuhang_copy(
        tmp_path / "a",
        "杭州市余杭区科学技术局2023年工作总结\n一、2023年工作总结\n"
        "2023年,余杭区全年新增国家高新技术企业1家。\n",
    )
    report, table = client.predict([handle_file(str(changed))], api_name="/upload")
    new_id = "000_6eaca3ed01c4c811-2.txt"
    assert "未替换" in report and new_id in report
    rows = {row[-1]: row for row in table["data"]}
    assert rows[YUHANG] == original and new_id in rows  # both kept, the original unchanged
    answer = ask_json(client, YUHANG_Q, docs=[YUHANG])
    assert answer["found"] and "637" in answer["answer"]
    assert "1家" in (ask_json(client, YUHANG_Q, docs=[new_id])["answer"] or "")
    # a second different upload of the same name gets the next id
    again = _yuhang_copy(tmp_path / "b", changed.read_text("utf-8").replace("1家", "2家"))
    report, table = client.predict([handle_file(str(again))], api_name="/upload")
    assert "000_6eaca3ed01c4c811-3.txt" in [row[-1] for row in table["data"]]
    from ui.library import changes_log_path

    log = changes_log_path(index_dir).read_text("utf-8")
    assert f'"renamed": {{"{YUHANG}": "{new_id}"}}' in log


def test_an_identical_upload_is_not_added_twice(serve: Any, tmp_path: Path) -> None:
    _, client = serve("identical")
    before = library(client)
    same = _yuhang_copy(tmp_path / "same")
    report, table = client.predict([handle_file(str(same))], api_name="/upload")
    assert "内容相同" in report and "未重复加入" in report
    assert {row[-1]: row for row in table["data"]} == before


def test_two_files_of_one_name_in_one_upload_are_both_kept(serve: Any, tmp_path: Path) -> None:
    _, client = serve("one-batch")
    files = []
    for n, folder in enumerate(("x", "y"), 1):
        path = tmp_path / folder / "new.txt"
        path.parent.mkdir()
        path.write_text(f"滨江区2025年工作计划\n一、目标\n2025年新增孵化器{n}家。\n", "utf-8")
        files.append(handle_file(str(path)))
    _, table = client.predict(files, api_name="/upload")
    ids = [row[-1] for row in table["data"]]
    assert "new.txt" in ids and "new-2.txt" in ids
