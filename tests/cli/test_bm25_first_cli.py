"""`policyqa index` says when documents are searchable by BM25; `ask` on such an index
answers by BM25 and says so (fake model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from index import build, store
from index.embed import FakeEmbedder
from index.pool import PoolConfig
from index.write import BuildConfig
from ui.cli import main
from ui.messages import BM25_ONLY

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
QUESTION = "余杭区2023年新增国家高新技术企业多少家"


class _Killed(RuntimeError):
    pass


class _KilledEmbedder(FakeEmbedder):
    def encode(self, texts, *, progress=False):  # type: ignore[no-untyped-def]
        raise _Killed


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str | None]:
    return {
        "POLICYQA_MODEL": "fake",
        "POLICYQA_INDEX_DIR": None,
        "POLICYQA_CACHE_DIR": str(tmp_path / "cache"),
    }


def _first(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds go BM25 first however few passages they embed (the samples have ~200)."""
    config = BuildConfig(bm25_first_min=1, pool=PoolConfig(workers=1))
    monkeypatch.setattr(build, "BuildConfig", lambda: config)


def test_index_says_when_searchable(
    env: dict[str, str | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _first(monkeypatch)
    folder = tmp_path / "idx"
    result = CliRunner(env=env).invoke(main, ["index", str(SAMPLES), "--index-dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert "searchable by BM25 now" in result.stderr
    assert "searchable by BM25 after" in result.stdout
    assert not store.load(folder).dense_pending
    again = CliRunner(env=env).invoke(
        main, ["index", str(SAMPLES), "--index-dir", str(folder), "--json"]
    )
    report = json.loads(again.stdout)
    assert report["embedded"] == 0 and report["searchable_seconds"] is None


def test_ask_on_a_pending_index(
    env: dict[str, str | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _first(monkeypatch)
    folder = tmp_path / "idx"
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(env["POLICYQA_CACHE_DIR"]))
    with pytest.raises(_Killed):
        build.build_index([SAMPLES], folder, _KilledEmbedder())
    runner = CliRunner(env=env)
    as_json = runner.invoke(main, ["ask", QUESTION, "--index-dir", str(folder), "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)["retrieval"] == "bm25"
    plain = runner.invoke(main, ["ask", QUESTION, "--index-dir", str(folder), "--mode", "dense"])
    assert plain.exit_code == 0 and BM25_ONLY in plain.stderr
