"""index.cache.EmbeddingCache: a per-model text-hash → vector store on disk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corpus.errors import CacheWarning
from index.cache import EmbeddingCache, cache_root, entry_sum
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
    assert fresh.folder is not None
    for path in fresh.folder.glob("*.npz"):
        with np.load(path, allow_pickle=False) as z:
            assert all(z[name].dtype != object for name in z.files)


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
    assert cache.folder is not None
    (cache.folder / "broken.keys.npy").write_bytes(b"\x93NUMPY garbage")
    (cache.folder / "orphan.keys.npy").write_bytes(np.zeros(3).tobytes())  # no .vecs.npy
    (cache.folder / "junk.shard.npz").write_bytes(b"PK\x03\x04 garbage")
    with pytest.warns(CacheWarning, match="unreadable: junk.shard.npz, broken.keys.npy"):
        assert EmbeddingCache("m", root=tmp_path).get(key) is not None


def test_empty_shard_is_ignored(tmp_path: Path) -> None:
    cache, key = _cache_with_one_key(tmp_path)
    assert cache.folder is not None
    (cache.folder / "torn.keys.npy").write_bytes(b"")
    (cache.folder / "torn.vecs.npy").write_bytes(b"")
    with pytest.warns(CacheWarning, match="torn.keys.npy"):
        assert EmbeddingCache("m", root=tmp_path).get(key) is not None


def test_a_shard_is_one_file_with_model_and_checksums(tmp_path: Path) -> None:
    cache, key = _cache_with_one_key(tmp_path)
    assert cache.folder is not None
    (shard,) = cache.folder.iterdir()
    assert shard.name.endswith(".shard.npz")
    with np.load(shard, allow_pickle=False) as z:
        assert str(z["model"]) == "m" and list(z["keys"]) == [key]
        assert str(z["sums"][0]) == entry_sum("m", key, z["vecs"][0])


def _legacy_shard(folder: Path, keys: list[str], vecs: np.ndarray) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / "shard-old.keys.npy", np.asarray(keys, dtype="<U40"))
    np.save(folder / "shard-old.vecs.npy", vecs.astype(np.float32))


def test_old_format_shards_are_still_read(tmp_path: Path) -> None:
    texts = ["新增高新技术企业", "研发投入强度"]
    keys = [text_key(t) for t in texts]
    cache = EmbeddingCache("m", root=tmp_path)
    assert cache.folder is not None
    _legacy_shard(cache.folder, keys, _vectors(texts))
    fresh = EmbeddingCache("m", root=tmp_path)
    for key, vec in zip(keys, _vectors(texts), strict=True):
        got = fresh.get(key)
        assert got is not None and np.array_equal(got, vec)
    assert fresh.rejected == 0


def test_random_vectors_in_an_old_format_shard_are_rejected(tmp_path: Path) -> None:
    keys = [text_key(t) for t in ("a", "b", "c")]
    folder = tmp_path / "embeddings" / "m"
    vecs = _vectors(["a", "b", "c"])
    vecs[1] = np.random.default_rng(0).random(64)  # not unit length
    vecs[2] = np.nan
    _legacy_shard(folder, keys, vecs)
    with pytest.warns(CacheWarning, match="2 entries failed their check"):
        cache = EmbeddingCache("m", root=tmp_path)
        assert cache.get(keys[0]) is not None
    assert cache.get(keys[1]) is None and cache.get(keys[2]) is None


def test_vectors_of_another_size_are_ignored(tmp_path: Path) -> None:
    _cache, key = _cache_with_one_key(tmp_path)
    with pytest.warns(CacheWarning, match="1 entries failed"):
        assert EmbeddingCache("m", root=tmp_path, dim=512).get(key) is None
    assert EmbeddingCache("m", root=tmp_path, dim=64).get(key) is not None


def test_a_cache_dir_that_is_a_file_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(blocker / "sub"))
    with pytest.warns(CacheWarning, match="is a file, not a folder"):
        cache = EmbeddingCache("m")
    assert cache.folder is None
    key = text_key("x")
    cache.add([key], _vectors(["x"]))  # kept in memory for this build only
    assert cache.get(key) is not None
    assert blocker.read_text(encoding="utf-8") == "not a folder"


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
