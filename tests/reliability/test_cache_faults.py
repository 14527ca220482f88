"""Probes from issue #12 (item 6, the cache half; item 10, the cache setting).

Random vectors or random bytes written into the embedding cache are detected
and the entries embedded again (never used unchecked), with a warning;
``POLICYQA_CACHE_DIR`` pointing at a file: the work goes on without the cache,
with a one-line warning, and the file is left alone.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

from index import store
from ui.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
CHECK_FAILED = "嵌入缓存不可用或有坏条目"  # the Chinese lead of CacheWarning (ui/messages.py)


def run(env: dict[str, str], args: list[str]) -> Result:
    return CliRunner(env={"POLICYQA_MODEL": "fake", **env}).invoke(
        main, args, catch_exceptions=False
    )


@pytest.fixture
def cached(tmp_path: Path) -> tuple[Path, np.ndarray]:
    """A cache filled by one build, and that build's vectors."""
    cache = tmp_path / "cache"
    result = run({"POLICYQA_CACHE_DIR": str(cache)}, ["index", "--index-dir", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    return cache, store.load(tmp_path / "a").vectors


def _shards(cache: Path) -> list[Path]:
    shards = sorted(cache.rglob("*.shard.npz"))
    assert shards
    return shards


def _rebuild(cache: Path, tmp_path: Path) -> tuple[Result, np.ndarray]:
    """Index the samples into a new folder (no previous index): vectors come from the cache."""
    result = run({"POLICYQA_CACHE_DIR": str(cache)}, ["index", "--index-dir", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    return result, store.load(tmp_path / "b").vectors


def test_random_vectors_written_into_the_cache_are_not_used(
    cached: tuple[Path, np.ndarray], tmp_path: Path
) -> None:
    cache, vectors = cached
    rng = np.random.default_rng(0)
    for shard in _shards(cache):
        with np.load(shard, allow_pickle=False) as z:
            arrays = {name: z[name] for name in z.files}
        arrays["vecs"] = rng.random(arrays["vecs"].shape, dtype=np.float32)  # sums kept
        with open(shard, "wb") as fh:
            np.savez(fh, **arrays)
    result, rebuilt = _rebuild(cache, tmp_path)
    assert np.array_equal(rebuilt, vectors)  # embedded again, not the random ones
    warning = [ln for ln in result.stderr.splitlines() if CHECK_FAILED in ln]
    assert len(warning) == 1 and "entries failed their check" in warning[0]
    assert "embedded 0" not in result.stdout and "(0 embedded" not in result.stdout


def test_random_bytes_written_into_the_cache_are_not_used(
    cached: tuple[Path, np.ndarray], tmp_path: Path
) -> None:
    cache, vectors = cached
    for shard in _shards(cache):
        shard.write_bytes(os.urandom(shard.stat().st_size))
    result, rebuilt = _rebuild(cache, tmp_path)
    assert np.array_equal(rebuilt, vectors)
    assert CHECK_FAILED in result.stderr and "unreadable" in result.stderr


def test_an_intact_cache_is_used(cached: tuple[Path, np.ndarray], tmp_path: Path) -> None:
    cache, vectors = cached
    result, rebuilt = _rebuild(cache, tmp_path)
    assert np.array_equal(rebuilt, vectors)
    assert "(0 embedded" in result.stdout and "警告" not in result.stderr


def test_a_cache_dir_that_is_a_file(tmp_path: Path, sample_index_dir: Path) -> None:
    blocker = tmp_path / "cache-file"
    blocker.write_text("mine", encoding="utf-8")
    env = {"POLICYQA_CACHE_DIR": str(blocker)}
    result = run(env, ["index", "--index-dir", str(tmp_path / "idx")])
    assert result.exit_code == 0, result.output
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("警告")]
    assert len(warnings) == 1 and "is a file, not a folder" in warnings[0]
    assert len(store.load(tmp_path / "idx").documents) == 5
    asked = run(env, ["ask", "余杭2023年新增高企多少", "--index-dir", str(sample_index_dir)])
    assert asked.exit_code == 0 and "637" in asked.stdout
    assert blocker.read_text(encoding="utf-8") == "mine"
