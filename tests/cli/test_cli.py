"""The `policyqa` command line, run in-process with click's CliRunner and the fake model."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpus.version import VERSION
from ui.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
S000 = SAMPLES / "000_6eaca3ed01c4c811.txt"
ENV: dict[str, str | None] = {"POLICYQA_MODEL": "fake", "POLICYQA_INDEX_DIR": None}


@pytest.fixture(scope="module", autouse=True)
def _embedding_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the fake vectors out of the user's embedding cache."""
    ENV["POLICYQA_CACHE_DIR"] = str(tmp_path_factory.mktemp("cli-cache"))


def run(args: list[str], input: str | None = None) -> Result:
    return CliRunner(env=ENV).invoke(main, args, input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "idx"
    result = run(["index", str(SAMPLES), "--index-dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert "indexed 5 documents" in result.stdout
    return folder


def test_index_again_reuses(index_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    shutil.copytree(index_dir, folder)
    result = run(["index", str(SAMPLES), "--index-dir", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_documents"] == 5
    assert report["embedded"] == 0
    assert report["reused"] == report["n_passages"] > 0
    assert report["skipped"] == []


def test_index_defaults_to_samples(tmp_path: Path) -> None:
    result = run(["index", "--index-dir", str(tmp_path / "idx"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_documents"] == 5
    assert report["index_dir"] == str(tmp_path / "idx")


def test_index_missing_path(tmp_path: Path) -> None:
    result = run(["index", str(tmp_path / "none"), "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 2
    assert not (tmp_path / "idx").exists()


def test_index_reports_skipped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(S000, docs / "a.txt")
    (docs / "empty.txt").write_bytes(b"")
    result = run(["index", str(docs), "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 0
    assert "indexed 1 documents" in result.stdout
    assert "empty.txt" in result.stderr


ANSWER_KEYS = {"question", "found", "answer", "citations", "latency_ms"}
CITATION_KEYS = {"doc_id", "title", "section", "quote", "start", "end"}


def test_ask_json(index_dir: Path) -> None:
    result = run(["ask", "余杭2023年新增高企多少", "--json", "--index-dir", str(index_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) >= ANSWER_KEYS
    assert record["question"] == "余杭2023年新增高企多少"
    assert record["found"] is True
    assert "637" in record["answer"]
    assert isinstance(record["latency_ms"], (int, float))
    assert record["citations"]
    for c in record["citations"]:
        assert set(c) >= CITATION_KEYS
        text = S000.read_text(encoding="utf-8") if c["doc_id"] == S000.name else None
        if text is not None:
            assert text[c["start"] : c["end"]] == c["quote"]
    assert record["citations"][0]["doc_id"] == S000.name
    assert "余杭" in lines[0]  # Chinese is not \u-escaped


def test_ask_text_output(index_dir: Path) -> None:
    result = run(["ask", "余杭2023年新增高企多少", "--index-dir", str(index_dir)])
    assert result.exit_code == 0
    assert "637" in result.stdout
    assert S000.name in result.stdout


def test_ask_not_found_text_output(index_dir: Path) -> None:
    result = run(["ask", "富阳区2023年新增科技型中小企业多少家", "--index-dir", str(index_dir)])
    assert result.exit_code == 0
    assert "未找到" in result.stdout


def test_ask_with_options(index_dir: Path) -> None:
    result = run(
        [
            "ask",
            "新增高新技术企业多少家",
            "--json",
            "--index-dir",
            str(index_dir),
            "--region",
            "临安区",
            "--year",
            "2022",
            "--mode",
            "bm25",
        ]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert all(c["doc_id"] == "001_f9ee6873cacabd59.txt" for c in record["citations"])


def test_ask_bad_mode(index_dir: Path) -> None:
    result = run(["ask", "余杭", "--mode", "sparse", "--index-dir", str(index_dir)])
    assert result.exit_code == 2


def test_ask_stdin(index_dir: Path) -> None:
    questions = (
        "余杭2023年新增高企多少\n\n"
        "富阳区2023年新增科技型中小企业多少家\n  \n"
        "临安2022年研发投入强度目标\n"
    )
    result = run(["ask", "-", "--json", "--index-dir", str(index_dir)], input=questions)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in records] == [
        "余杭2023年新增高企多少",
        "富阳区2023年新增科技型中小企业多少家",
        "临安2022年研发投入强度目标",
    ]
    assert [r["found"] for r in records] == [True, False, True]
    assert all(set(r) >= ANSWER_KEYS for r in records)


def test_ask_stdin_bad_line_does_not_stop_the_rest(index_dir: Path) -> None:
    result = run(
        ["ask", "-", "--json", "--index-dir", str(index_dir)],
        input="问" * 600 + "\n余杭2023年新增高企多少\n",
    )
    assert result.exit_code == 2  # a line failed; the others were answered
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first.get("error")
    assert second["found"] is True


@pytest.mark.parametrize("question", ["", "   "])
def test_ask_empty_question(index_dir: Path, question: str) -> None:
    result = run(["ask", question, "--index-dir", str(index_dir)])
    assert result.exit_code == 2
    assert "问题是空的" in result.stderr
    assert result.stdout == ""


def test_ask_missing_index(tmp_path: Path) -> None:
    result = run(["ask", "余杭2023年新增高企多少", "--index-dir", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "policyqa index" in result.stderr
    assert "Traceback" not in result.output


def test_ask_missing_index_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner(env={**ENV, "POLICYQA_INDEX_DIR": str(tmp_path / "none")})
    result = runner.invoke(main, ["ask", "余杭2023年新增高企多少"])
    assert result.exit_code == 2
    assert "policyqa index" in result.stderr
    assert str(tmp_path / "none") in result.stderr


INSPECT_KEYS = {
    "doc_id",
    "title",
    "issuer",
    "doc_number",
    "date",
    "region",
    "years",
    "script",
    "sections",
    "passages",
}


def test_inspect_json() -> None:
    result = run(["inspect", str(SAMPLES / "003_319bd9830f448044.txt"), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) >= INSPECT_KEYS
    assert record["doc_id"] == "003_319bd9830f448044.txt"
    assert record["doc_number"] == "杭科领办〔2024〕1号"
    assert record["region"] == "杭州市"
    assert record["years"] == [2024]
    assert record["script"] == "简"
    for s in record["sections"]:
        assert {"path", "heading", "year", "kind"} <= set(s)
    assert [s["path"] for s in record["sections"]][:3] == ["", "一、主要目标", "二、重点工作"]
    text = (SAMPLES / "003_319bd9830f448044.txt").read_text(encoding="utf-8")
    for p in record["passages"]:
        assert {"section", "text", "start", "end"} <= set(p)
        assert text[p["start"] : p["end"]] == p["text"]


def test_inspect_text() -> None:
    result = run(["inspect", str(SAMPLES / "004_57978b5f9cc16516.txt")])
    assert result.exit_code == 0
    assert "繁" in result.stdout
    assert "未來科技城" in result.stdout


def test_inspect_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = run(["inspect", str(path)])
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr


def test_inspect_missing_file(tmp_path: Path) -> None:
    result = run(["inspect", str(tmp_path / "none.txt")])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", [None, *sorted(main.commands)])
def test_help(command: str | None) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = run(args)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    if command is None:
        for name in ("index", "ask", "inspect", "serve", "eval"):
            assert name in result.stdout


def test_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"policyqa, version {VERSION}"
    # the installed metadata reads the same single literal (pyproject's dynamic version)
    assert importlib.metadata.version("policyqa") == VERSION
