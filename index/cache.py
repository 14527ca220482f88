"""A persistent embedding cache shared by all indexes on the machine.

Vectors are stored per model under ``$POLICYQA_CACHE_DIR/embeddings/<model>/``
(default ``~/.cache/policyqa``) as shards of two ``.npy`` files: the text
keys (SHA-1 of the embedded text) and the float32 vectors. Re-indexing the
same text, into any index folder, does not embed it again.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import numpy as np


def cache_root() -> Path:
    """``$POLICYQA_CACHE_DIR`` or ``~/.cache/policyqa``."""
    return Path(os.environ.get("POLICYQA_CACHE_DIR") or Path.home() / ".cache" / "policyqa")


class EmbeddingCache:
    """Text-hash → vector store for one model.

    Args:
        model_id: the embedding model's id (one folder per model).
        root: cache root (default :func:`cache_root`).
    """

    def __init__(self, model_id: str, root: Path | None = None) -> None:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)
        self.folder = (root or cache_root()) / "embeddings" / slug
        self._vectors: dict[str, np.ndarray] = {}
        self._loaded = False

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        if not self.folder.is_dir():
            return
        for keys_file in sorted(self.folder.glob("*.keys.npy")):
            vec_file = keys_file.with_name(keys_file.name.replace(".keys.npy", ".vecs.npy"))
            try:
                keys = np.load(keys_file, allow_pickle=False)
                vecs = np.load(vec_file, allow_pickle=False)
            except (OSError, ValueError, EOFError):
                continue  # a torn shard is ignored; its texts are simply embedded again
            if len(keys) == len(vecs):
                self._vectors.update(zip((str(k) for k in keys), vecs, strict=True))

    def get(self, key: str) -> np.ndarray | None:
        self._load()
        return self._vectors.get(key)

    def __contains__(self, key: str) -> bool:
        self._load()
        return key in self._vectors

    def add(self, keys: list[str], vectors: np.ndarray) -> None:
        """Store new vectors as one shard (written to temporary names, then renamed)."""
        if not keys:
            return
        self._load()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".shard-")
            os.close(fd)
            stem = Path(tmp).name.lstrip(".")
            with open(tmp, "wb") as fh:
                np.save(fh, np.asarray(vectors, dtype=np.float32), allow_pickle=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.folder / f"{stem}.vecs.npy")
            keys_tmp = self.folder / f".{stem}.keys.tmp"
            with open(keys_tmp, "wb") as fh:
                np.save(fh, np.asarray(keys, dtype="<U40"), allow_pickle=False)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(keys_tmp, self.folder / f"{stem}.keys.npy")
        except OSError:
            pass  # the cache is an optimisation; an unwritable cache must not fail a build
        self._vectors.update(zip(keys, vectors, strict=True))
