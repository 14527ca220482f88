"""Probes from issue #12 (item 10): odd files and settings never hang or crash a command.

A named pipe given to ``index`` (it used to block forever), a sidecar manifest.jsonl
with a ``[1,2]`` line, ``serve`` on a port in use, a UTF-8 file with a few NUL bytes
(it used to be skipped whole), a gold file that is a named pipe. (``POLICYQA_CACHE_DIR``
pointing at a file: test_cache_faults.py.)
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index import store
from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
S000 = "000_6eaca3ed01c4c811.txt"
S001 = "001_f9ee6873cacabd59.txt"
TIMEOUT = 60  # a hang fails the test instead of the suite


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"POLICYQA_MODEL": "fake", "POLICYQA_CACHE_DIR": str(tmp_path / "cache")}


def run(env: dict[str, str], args: list[str]) -> Result:
    return CliRunner(env=dict(env)).invoke(main, args, catch_exceptions=False)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail, instead of blocking the suite, if the command opens a named pipe (SIGALRM
    interrupts the blocking open)."""

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the command blocked (it opened a named pipe?)")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(TIMEOUT)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    return corpus


@pytest.mark.usefixtures("no_hang")
def test_a_named_pipe_in_a_folder_is_listed_never_opened(
    env: dict[str, str], tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    result = run(env, ["index", str(corpus), "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 0, result.stderr
    assert "indexed 5 documents" in result.stdout
    assert f"{corpus / 'pipe.txt'}: a named pipe (FIFO), not a regular file" in result.stderr


@pytest.mark.usefixtures("no_hang")
def test_a_named_pipe_given_by_name_is_an_error(env: dict[str, str], tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    args = ["index", str(corpus / "pipe.txt"), str(corpus / S001)]
    result = run(env, [*args, "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("错误")]
    assert len(errors) == 1 and "pipe.txt" in errors[0] and "named pipe" in errors[0]
    assert set(store.load(tmp_path / "idx").documents) == {S001}  # the rest was indexed


@pytest.mark.usefixtures("no_hang")
def test_inspect_of_a_named_pipe(env: dict[str, str], tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    result = run(env, ["inspect", str(tmp_path / "pipe.txt")])
    assert result.exit_code == 2 and "named pipe" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_manifest_line_that_is_no_object(env: dict[str, str], tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "manifest.tsv").unlink()
    (corpus / "manifest.jsonl").write_text(
        f'{{"filename": "{S000}", "region": "余杭区"}}\n[1,2]\n', encoding="utf-8"
    )
    result = run(env, ["index", str(corpus), "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("错误")]
    assert len(errors) == 1
    assert "元数据清单文件有误" in errors[0]
    assert f"{corpus / 'manifest.jsonl'}: line 2: expected a JSON object" in errors[0]
    assert len(store.load(tmp_path / "idx").documents) == 5  # the documents are indexed


@pytest.mark.parametrize(
    ("line", "why"),
    [("{broken", "line 1: invalid JSON"), ('"text"', "line 1: expected a JSON object")],
)
def test_inspect_with_a_bad_manifest(
    env: dict[str, str], tmp_path: Path, line: str, why: str
) -> None:
    (tmp_path / "a.txt").write_text("一、2024年工作\n新增企业10家。\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(line + "\n", encoding="utf-8")
    result = run(env, ["inspect", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and why in result.stderr and "manifest.jsonl" in result.stderr


def test_a_utf8_file_with_a_few_nul_bytes_is_indexed(env: dict[str, str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    data = (SAMPLES / S000).read_bytes()
    (corpus / "nul.txt").write_bytes(
        data[:300] + b"\x00" + data[300:900] + b"\x00\x00" + data[900:]
    )
    result = run(env, ["index", str(corpus), "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    doc = store.load(tmp_path / "idx").documents["nul.txt"]
    assert doc.text == data.decode("utf-8") and doc.encoding == "utf-8"


def test_serve_on_a_port_in_use(env: dict[str, str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(env, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "端口已被占用" in result.stderr and f"127.0.0.1:{port}" in result.stderr


def test_serve_when_the_port_is_taken_after_the_check() -> None:
    """The web server's own failure to bind becomes the same error (no traceback)."""
    import errno

    from corpus.errors import ConfigError, PortInUseError
    from ui.messages import error_line
    from ui.ports import listen_failure

    gradio = OSError("Cannot find empty port in range: 7860-7860. You can specify ...")
    assert isinstance(listen_failure("127.0.0.1", 7860, gradio), PortInUseError)
    busy = OSError(errno.EADDRINUSE, "Address already in use")
    assert "端口已被占用" in error_line(listen_failure("127.0.0.1", 7860, busy))
    other = listen_failure("10.9.9.9", 80, OSError(errno.EADDRNOTAVAIL, "Cannot assign"))
    assert type(other) is ConfigError and "10.9.9.9:80" in str(other)


def test_serve_on_a_port_out_of_range(env: dict[str, str]) -> None:
    result = run(env, ["serve", "--port", "99999"])
    assert result.exit_code == 2 and "99999" in result.stderr


@pytest.mark.usefixtures("no_hang")
def test_eval_of_a_named_pipe(env: dict[str, str], tmp_path: Path, sample_index_dir: Path) -> None:
    os.mkfifo(tmp_path / "gold.jsonl")
    args = ["eval", str(tmp_path / "gold.jsonl"), "--index-dir", str(sample_index_dir)]
    result = run(env, args)
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "金标准文件有误：gold.jsonl: not a regular file" in result.stderr
