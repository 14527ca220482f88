"""A persistent embedding cache shared by all indexes on the machine.

Vectors are stored per model under ``$POLICYQA_CACHE_DIR/embeddings/<model>/``
(default ``~/.cache/policyqa``). Re-indexing the same text, into any index
folder, does not embed it again.

A shard is one ``<stem>.shard.npz`` (written under a temporary name, then
renamed) holding ``keys`` (SHA-1 of the embedded text), ``vecs`` (float32),
``model`` (the model id) and ``sums``: per entry, a BLAKE2b checksum of the
model id, the key and the vector's bytes. An entry is used only when its
checksum, model and shape check out; anything else (random bytes or vectors
written into a file, a shard of another model, a torn file) is ignored with a
:class:`~corpus.errors.CacheWarning` and its text embedded again. Shards of
the older format (``<stem>.keys.npy`` + ``<stem>.vecs.npy``, no checksums)
are still read, entry by entry, when the vector is finite and of unit length
(every embedder returns L2-normalised vectors; random ones are not); they
are never changed or deleted. A ``$POLICYQA_CACHE_DIR`` that is a file (or
lies under one) is not used: the build goes on without the cache, with a
warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import warnings
from pathlib import Path

import numpy as np

from corpus.cachedir import cache_root, usable_cache_root
from corpus.errors import CacheWarning

__all__ = ["EmbeddingCache", "cache_root", "entry_sum", "usable_cache_root"]

Entries = tuple[list[str] | None, list[np.ndarray]]  # None: the file could not be read
_UNIT = 0.02  # legacy vectors: | ||v|| - 1 | must stay below this


def entry_sum(model_id: str, key: str, vector: np.ndarray) -> str:
    """The checksum of one cache entry (ties the vector to its text key and model)."""
    h = hashlib.blake2b(digest_size=8)
    h.update(f"{model_id}\0{key}\0".encode())
    h.update(np.ascontiguousarray(vector, dtype="<f4").tobytes())
    return h.hexdigest()


class EmbeddingCache:
    """Text-hash → vector store for one model.

    Args:
        model_id: the embedding model's id (one folder per model).
        root: cache root (default :func:`cache_root`; not used if it is a file).
        dim: the model's vector size, when known: entries of another size are ignored.
    """

    def __init__(self, model_id: str, root: Path | None = None, dim: int | None = None) -> None:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)
        base = root if root is not None else usable_cache_root()
        self.folder: Path | None = base / "embeddings" / slug if base is not None else None
        self.model_id = model_id
        self.dim = dim
        self._vectors: dict[str, np.ndarray] = {}
        self._loaded = False
        self.rejected = 0  # entries that failed their check on load
        self.bad_files: list[str] = []  # shards that could not be read at all

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        if self.folder is None or not self.folder.is_dir():
            return
        for shard in sorted(self.folder.glob("*.shard.npz")):
            self._take(shard.name, *self._read(shard))
        for keys_file in sorted(self.folder.glob("*.keys.npy")):
            vec_file = keys_file.with_name(keys_file.name.replace(".keys.npy", ".vecs.npy"))
            self._take(keys_file.name, *self._read_legacy(keys_file, vec_file))
        problems = [f"{self.rejected} entries failed their check (checksum, model or shape)"]
        problems = problems[: bool(self.rejected)]
        if self.bad_files:
            problems.append(f"unreadable: {', '.join(self.bad_files[:5])}")
        if problems:
            why = "; ".join(problems)
            warnings.warn(
                CacheWarning(f"{self.folder}: {why}; ignored, their texts are embedded again"),
                stacklevel=4,
            )

    def _take(self, name: str, keys: list[str] | None, vecs: list[np.ndarray]) -> None:
        if keys is None:
            self.bad_files.append(name)
        else:
            self._vectors.update(zip(keys, vecs, strict=True))

    def _shape_ok(self, vecs: np.ndarray, n: int) -> bool:
        dim_ok = self.dim is None or (vecs.ndim == 2 and vecs.shape[1] == self.dim)
        return vecs.dtype == np.float32 and vecs.ndim == 2 and len(vecs) == n and dim_ok

    def _read(self, shard: Path) -> Entries:
        """(keys, vectors) of the entries of a shard that pass their checksum."""
        try:
            with np.load(shard, allow_pickle=False) as z:
                keys, vecs, sums, model = z["keys"], z["vecs"], z["sums"], str(z["model"])
        except Exception:  # zip, numpy and key errors of a torn or foreign file alike
            return None, []
        if model != self.model_id or not self._shape_ok(vecs, len(keys)) or len(sums) != len(keys):
            self.rejected += len(keys)
            return [], []
        good = [
            i
            for i, (k, s) in enumerate(zip(keys, sums, strict=True))
            if entry_sum(model, str(k), vecs[i]) == str(s)
        ]
        self.rejected += len(keys) - len(good)
        return [str(keys[i]) for i in good], [vecs[i] for i in good]

    def _read_legacy(self, keys_file: Path, vec_file: Path) -> Entries:
        """(keys, vectors) of an old-format shard whose vectors are finite and unit length."""
        try:
            keys = np.load(keys_file, allow_pickle=False)
            vecs = np.load(vec_file, allow_pickle=False)
        except Exception:  # a torn shard is ignored; its texts are simply embedded again
            return None, []
        if not self._shape_ok(vecs, len(keys)):
            self.rejected += len(keys)
            return [], []
        with np.errstate(all="ignore"):
            norms = np.linalg.norm(vecs.astype(np.float64), axis=1)
        good = np.flatnonzero(np.isfinite(norms) & (np.abs(norms - 1.0) < _UNIT))
        self.rejected += len(keys) - len(good)
        return [str(keys[i]) for i in good], [vecs[i] for i in good]

    def get(self, key: str) -> np.ndarray | None:
        self._load()
        return self._vectors.get(key)

    def __contains__(self, key: str) -> bool:
        self._load()
        return key in self._vectors

    def add(self, keys: list[str], vectors: np.ndarray) -> None:
        """Store new vectors as one shard (written to a temporary name, then renamed)."""
        if not keys:
            return
        self._load()
        vecs = np.asarray(vectors, dtype=np.float32)
        if self.folder is not None:
            # The cache is an optimisation; an unwritable cache must not fail a build.
            with contextlib.suppress(OSError):
                self._write(keys, vecs)
        self._vectors.update(zip(keys, vecs, strict=True))

    def _write(self, keys: list[str], vecs: np.ndarray) -> None:
        assert self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".shard-")
        stem = Path(tmp).name.lstrip(".")
        sums = [entry_sum(self.model_id, k, v) for k, v in zip(keys, vecs, strict=True)]
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(
                    fh,
                    keys=np.asarray(keys, dtype="<U40"),
                    vecs=vecs,
                    sums=np.asarray(sums, dtype="<U16"),
                    model=np.asarray(self.model_id),
                )
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.folder / f"{stem}.shard.npz")
        except OSError:
            Path(tmp).unlink(missing_ok=True)  # our own temporary file, never a shard
            raise
