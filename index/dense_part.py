"""The second step of a BM25-first save: a pending version completed with its vectors.

A build that has passages to embed first saves a version whose dense part is pending
(:class:`index.manifest.DenseState`): documents, passages, BM25, facts and lists, no
vectors; readers search it by BM25 at once. Once every passage is embedded,
:func:`save_dense` publishes the next version: the same files (hard links: a version's
files are never changed once written) with vectors.npy, under a manifest that no longer
says pending. A build killed in between leaves the pending version, searchable; the next
build finds the vectors already made in the embedding cache.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from corpus.errors import IndexFormatError
from index import checksum, files, layout
from index.manifest import DENSE_KEY, DenseState, dense_state, manifest_at


def save_dense(folder: Path, version: str, vectors: np.ndarray) -> str:
    """Complete the pending version ``version`` (the current one) with its embeddings:
    a new version holding its files (hard links, never changed in place) and
    vectors.npy (an IVF too when large), published as :func:`save` does; returns its name.

    Raises:
        IndexFormatError: the current version is not ``version``, or not pending.
        ValueError: not one vector per passage.
    """
    folder = folder.resolve()
    where = layout.resolve(folder)
    manifest = manifest_at(where)
    if where.version != version or dense_state(manifest) is not DenseState.PENDING:
        raise IndexFormatError(
            f"index at {folder} changed while its passages were embedded; "
            "run `policyqa index` again"
        )
    if len(vectors) != manifest.get("n_passages"):
        raise ValueError(f"{len(vectors)} vectors for {manifest.get('n_passages')} passages")
    tmp = layout.new_version_dir(folder)
    try:
        for path in where.data.iterdir():
            if path.name != "manifest.json":
                files.link_or_copy(path, tmp / path.name)
        new = files.write_dense(tmp, vectors)
        full = {k: v for k, v in manifest.items() if k != DENSE_KEY}
        full["files"] = {**manifest["files"], **checksum.record(tmp, new)}
        files.write_json(tmp / "manifest.json", full, indent=2)
        return layout.publish(folder, tmp)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
