"""Probes from issue #12 (item 8): text that is not text never crashes anything.

Invalid UTF-8 in a question (argv, one line of ``ask -``), a lone surrogate in a
gold file and through the web API: each gets one clear Chinese line (exit code 2
on the command line) and the rest of the work goes on.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
BAD_TEXT = "问题不是有效的文字"  # the Chinese lead of InvalidTextError (ui/messages.py)
GOOD = "余杭2023年新增高企多少"


@pytest.fixture
def env(tmp_path: Path, sample_index_dir: Path) -> dict[str, str]:
    return {
        "POLICYQA_MODEL": "fake",
        "POLICYQA_INDEX_DIR": str(sample_index_dir),
        "POLICYQA_CACHE_DIR": str(tmp_path / "cache"),
    }


def run(env: dict[str, str], args: list[str], input: bytes | None = None) -> Result:
    return CliRunner(env=dict(env)).invoke(main, args, input=input, catch_exceptions=False)


def test_invalid_utf8_in_the_question_argument(env: dict[str, str]) -> None:
    # A real process, so the bytes reach Python's argv decoding as from a shell.
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ui.cli import main; main()",
            "ask",
            os.fsencode("余杭") + b"\xff\xfe",
        ],
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and BAD_TEXT in lines[0] and "余杭\\xff\\xfe" in lines[0]
    assert proc.stdout == b""


def test_an_invalid_utf8_line_of_stdin_spoils_no_other(env: dict[str, str]) -> None:
    stdin = GOOD.encode() + b"\n" + "余杭".encode() + b"\xff\n" + GOOD.encode() + b"\n"
    result = run(env, ["ask", "-", "--json"], input=stdin)
    assert result.exit_code == 2
    first, bad, last = (json.loads(line) for line in result.stdout.splitlines())
    assert first["found"] and last["found"]
    assert bad["line"] == 2 and BAD_TEXT in bad["error"] and bad["question"] == "余杭\\xff"
    assert BAD_TEXT in result.stderr and "第 2 行" in result.stderr
    assert "Traceback" not in result.output


def test_an_invalid_utf8_line_of_stdin_in_text_mode(env: dict[str, str]) -> None:
    result = run(env, ["ask", "-"], input=b"\xff\xfe\n" + GOOD.encode() + b"\n")
    assert result.exit_code == 2
    assert "答：" in result.stdout and BAD_TEXT in result.stderr


def test_a_lone_surrogate_in_a_gold_file(env: dict[str, str], tmp_path: Path) -> None:
    good = {"id": "a", "question": GOOD, "type": "number", "answers": ["637"], "doc": None}
    bad = {**good, "id": "b", "question": "余杭\ud800"}
    gold = tmp_path / "gold.jsonl"
    lines = [
        json.dumps({**g, "doc": "000_6eaca3ed01c4c811.txt", "evidence": []}) for g in (good, bad)
    ]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")  # json escapes it: "\ud800"
    result = run(env, ["eval", str(gold)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "金标准文件有误" in result.stderr and "gold.jsonl:2" in result.stderr
    assert "Traceback" not in result.output


def test_invalid_utf8_bytes_in_a_gold_file_name_the_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b'{"id": "a"}\n{"id": "\xff"}\n')
    result = run(env, ["eval", str(gold)])
    assert result.exit_code == 2 and "gold.jsonl:2: not UTF-8" in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _call(base: str, api: str, body: bytes) -> str:
    """POST to /gradio_api/call/<api>, then read the result's event stream."""
    url = f"{base}/gradio_api/call/{api}"
    posted = httpx.post(url, content=body, headers={"content-type": "application/json"})
    return httpx.get(f"{url}/{posted.json()['event_id']}", timeout=60).text


def test_a_lone_surrogate_through_the_web_api(
    sample_index_dir: Path, fake_embedder: object, capfd: pytest.CaptureFixture[str]
) -> None:
    from ui.settings import ServeConfig
    from ui.web import launch

    port = _free_port()
    config = ServeConfig(port=port)
    app = launch(sample_index_dir, config, embedder=fake_embedder, block=False)  # type: ignore[arg-type]
    bad = b'{"data":["\xe4\xbd\x99\xe6\x9d\xad\\ud800",null,null,null]}'  # 余杭\ud800
    good = json.dumps({"data": [GOOD, None, None, None]}).encode()
    try:
        base = f"http://127.0.0.1:{port}"
        streams = {api: _call(base, api, bad) for api in ("ask", "ask_json")}
        answered = _call(base, "ask_json", good)
    finally:
        app.close()
    for api, stream in streams.items():
        kind, data = stream.strip().splitlines()[:2]
        assert kind == "event: error", api
        assert BAD_TEXT in json.loads(data.removeprefix("data: "))["error"], api
    assert "event: complete" in answered and "637" in answered  # the server goes on
    assert "Traceback" not in capfd.readouterr().err


def test_a_file_name_that_is_not_utf8(env: dict[str, str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sample = ROOT / "corpus" / "samples" / "000_6eaca3ed01c4c811.txt"
    (corpus / os.fsdecode(b"bad\xff.txt")).write_bytes(sample.read_bytes())
    (corpus / "good.txt").write_bytes(sample.read_bytes())
    result = run(env, ["index", str(corpus), "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 0, result.output
    assert "indexed 1 documents" in result.stdout
    assert "bad\\xff.txt: file name is not valid UTF-8" in result.stderr
    named = run(
        env,
        ["index", str(corpus / os.fsdecode(b"bad\xff.txt")), "--index-dir", str(tmp_path / "i2")],
    )
    assert named.exit_code == 2 and "错误" in named.stderr and "Traceback" not in named.output
