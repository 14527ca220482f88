"""index.cache.EmbeddingCache: a per-model text-hash → vector store on disk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.cache import EmbeddingCache, cache_root
from index.embed import FakeEmbedder, text_key


def _vectors(texts: list[str]) -> np.ndarray:
    return FakeEmbedder().encode(texts)


def test_round_trip(tmp_path: Path) -> None:
    texts = ["新增高新技术企业", "研发投入强度"]
    keys = [text_key(t) for t in texts]
    cache = EmbeddingCache("fake-bigram-64", root=tmp_path)
    assert cache.get(keys[0]) is None
    cache.add(keys, _vectors(texts))
    assert keys[0] in cache
    fresh = EmbeddingCache("fake-bigram-64", root=tmp_path)
    for key, vec in zip(keys, _vectors(texts), strict=True):
        got = fresh.get(key)
        assert got is not None and np.array_equal(got, vec)
    for path in fresh.folder.glob("*.npy"):
        assert np.load(path, allow_pickle=False).dtype != object


def test_models_are_kept_apart(tmp_path: Path) -> None:
    key = text_key("x")
    EmbeddingCache("model/a", root=tmp_path).add([key], _vectors(["x"]))
    assert EmbeddingCache("model/b", root=tmp_path).get(key) is None
    assert EmbeddingCache("model/a", root=tmp_path).get(key) is not None
    assert all("/" not in p.name for p in (tmp_path / "embeddings").iterdir())


def test_add_nothing_writes_nothing(tmp_path: Path) -> None:
    cache = EmbeddingCache("m", root=tmp_path)
    cache.add([], np.zeros((0, 64), dtype=np.float32))
    assert not cache.folder.exists()


def _cache_with_one_key(tmp_path: Path) -> tuple[EmbeddingCache, str]:
    cache = EmbeddingCache("m", root=tmp_path)
    key = text_key("ok")
    cache.add([key], _vectors(["ok"]))
    return cache, key


def test_garbage_shard_is_ignored(tmp_path: Path) -> None:
    cache, key = _cache_with_one_key(tmp_path)
    (cache.folder / "broken.keys.npy").write_bytes(b"\x93NUMPY garbage")
    (cache.folder / "orphan.keys.npy").write_bytes(np.zeros(3).tobytes())  # no .vecs.npy
    assert EmbeddingCache("m", root=tmp_path).get(key) is not None


def test_empty_shard_is_ignored(tmp_path: Path) -> None:
    cache, key = _cache_with_one_key(tmp_path)
    (cache.folder / "torn.keys.npy").write_bytes(b"")
    (cache.folder / "torn.vecs.npy").write_bytes(b"")
    assert EmbeddingCache("m", root=tmp_path).get(key) is not None


def test_unwritable_cache_does_not_fail(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = EmbeddingCache("m", root=blocker)
    key = text_key("x")
    cache.add([key], _vectors(["x"]))  # cannot create the folder: silently in memory only
    assert cache.get(key) is not None


def test_cache_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(tmp_path))
    assert cache_root() == tmp_path
    monkeypatch.delenv("POLICYQA_CACHE_DIR")
    assert cache_root() == Path.home() / ".cache" / "policyqa"
