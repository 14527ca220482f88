"""`--backend milvus` on the command line, against Milvus Lite (the fake model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpus" / "samples"
S000 = "000_6eaca3ed01c4c811.txt"
QUESTION = "余杭全年新增省科技型中小企业多少家"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str | None]:
    cache = tmp_path_factory.mktemp("cli-milvus-cache")
    return {
        "POLICYQA_MODEL": "fake",
        "POLICYQA_CACHE_DIR": str(cache),
        "POLICYQA_INDEX_DIR": None,
        "POLICYQA_BACKEND": None,
        "POLICYQA_MILVUS_URI": None,
    }


def run(env: dict[str, str | None], args: list[str]) -> Result:
    return CliRunner(env=env).invoke(main, args, catch_exceptions=False)


@pytest.fixture(scope="module")
def built(
    env: dict[str, str | None], tmp_path_factory: pytest.TempPathFactory, milvus_lite: None
) -> tuple[str, str]:
    root = tmp_path_factory.mktemp("cli-milvus")
    folder, lite = str(root / "idx"), str(root / "lite")
    args = ["index", str(SAMPLES), "--index-dir", folder, "--backend", "milvus"]
    result = run(env, [*args, "--milvus-uri", lite, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n_passages"] > 0
    return folder, lite


def _answer(result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    record.pop("latency_ms")
    return record


def test_ask_answers_as_in_process(env: dict[str, str | None], built: tuple[str, str]) -> None:
    folder, lite = built
    here = _answer(run(env, ["ask", QUESTION, "--json", "--index-dir", folder]))
    args = ["ask", QUESTION, "--json", "--index-dir", folder, "--backend", "milvus"]
    milvus = _answer(run(env, [*args, "--milvus-uri", lite]))
    assert milvus == here and here["found"]
    assert "1734" in str(here["answer"])


def test_the_environment_chooses_the_backend(
    env: dict[str, str | None], built: tuple[str, str]
) -> None:
    folder, lite = built
    chosen = {**env, "POLICYQA_BACKEND": "milvus", "POLICYQA_MILVUS_URI": lite}
    args = ["ask", QUESTION, "--json", "--index-dir", folder, "--region", "余杭", "--year", "2023"]
    assert _answer(run(chosen, args))["found"]
    wrong = {**chosen, "POLICYQA_MILVUS_URI": str(Path(lite).parent / "elsewhere")}
    result = run(wrong, args)
    assert result.exit_code == 2 and "检索后端（Milvus）" in result.stderr
    assert "no Milvus Lite data" in result.stderr


def test_eval_runs_on_milvus(
    env: dict[str, str | None], built: tuple[str, str], tmp_path: Path
) -> None:
    folder, lite = built
    gold = tmp_path / "gold.jsonl"
    line = {
        "id": "m1",
        "question": QUESTION,
        "type": "number",
        "answers": ["1734"],
        "doc": S000,
        "evidence": ["省科技型中小企业1734家"],
    }
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    args = ["eval", str(gold), "--index-dir", folder, "--backend", "milvus", "--milvus-uri", lite]
    result = run(env, args)
    assert result.exit_code == 0, result.output
    assert "1 questions" in result.stdout and "0 failing question(s)" in result.stdout


def test_from_index_moves_an_in_process_index(
    env: dict[str, str | None], tmp_path: Path, milvus_lite: None
) -> None:
    folder, lite = str(tmp_path / "idx"), str(tmp_path / "lite")
    assert run(env, ["index", str(SAMPLES), "--index-dir", folder]).exit_code == 0
    milvus = ["--backend", "milvus", "--milvus-uri", lite]
    refused = run(env, ["ask", QUESTION, "--index-dir", folder, *milvus])
    assert refused.exit_code == 2 and "--from-index" in refused.stderr
    result = run(env, ["index", "--from-index", "--index-dir", folder, *milvus, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["embedded"] == 0
    assert _answer(run(env, ["ask", QUESTION, "--json", "--index-dir", folder, *milvus]))["found"]
    usage = run(env, ["index", "--from-index", "--index-dir", folder])
    assert usage.exit_code == 2 and "needs --backend milvus" in usage.output


@pytest.mark.parametrize("command", ["ask", "eval", "serve", "indicators", "index"])
def test_every_command_checks_the_backend(
    env: dict[str, str | None], command: str, tmp_path: Path
) -> None:
    args = {"ask": ["ask", QUESTION], "eval": ["eval", str(ROOT / "pyproject.toml")]}
    result = run(env, [*args.get(command, [command]), "--backend", "milvus"])
    assert result.exit_code == 2
    assert "设置有误" in result.stderr and "needs --milvus-uri" in result.stderr


def test_a_lite_folder_held_by_another_process_is_a_clear_error(
    env: dict[str, str | None], built: tuple[str, str]
) -> None:
    folder, lite = built
    run(env, ["ask", QUESTION, "--index-dir", folder, "--backend", "milvus", "--milvus-uri", lite])
    # This process holds the Milvus Lite folder open now; a second process cannot.
    child_env = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    args = ["ask", QUESTION, "--index-dir", folder, "--backend", "milvus", "--milvus-uri", lite]
    proc = subprocess.run(
        [sys.executable, "-c", "from ui.cli import main; main()", *args],
        env={**child_env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=300,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert "serves one process at a time" in err
