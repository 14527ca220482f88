"""Reading an index's manifest, and a few of its files, without the rest.

Light on purpose (no numpy, no BM25, no model): ``policyqa indicators`` and
the web UI's reload check start here, and :mod:`index.store` builds the full
load on it. See :mod:`index.store` for what each file holds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from corpus.errors import IndexFormatError
from index import checksum, layout, shapes

# 2: passages carry the key of their dense text (shared embedding cache).
# 3: facts.jsonl (figures table) and lists.jsonl (enumerations).
# 4: versioned sub-folders behind a pointer; the manifest records every file's sha256.
# 5: documents carry their page starts and unread pages, passages their page (PDFs, scans);
#    a format 3 or 4 index is read with no pages (rebuild it to cite pages).
# 6: documents, passages and tokens in store.sqlite (read a row at a time); arrays
#    memory-mapped; an IVF (ivf_*.npy) beside the vectors of a large index. Formats 3-5
#    (JSON lines parsed whole) are still read as they are. A version may be written with
#    its dense part pending (manifest "dense": "pending", no vectors.npy): searched by BM25
#    until the next version adds the vectors (see DenseState).
FORMAT_VERSION = 6
READABLE = (3, 4, 5, 6)
# Every file of a version but abbreviations.json (older indexes lack it), the manifest first.
REQUIRED = tuple(n for n in layout.FLAT_FILES if n != "abbreviations.json")
_JSON_LINES = ("documents.jsonl", "passages.jsonl", "tokens.jsonl")
REQUIRED_6 = (
    "manifest.json",
    "store.sqlite",
    *(n for n in REQUIRED[1:] if n not in _JSON_LINES),
)


DENSE_KEY = "dense"


class DenseState(StrEnum):
    """The dense part of an index version (the manifest's ``"dense"``; absent: complete).

    PENDING: written before embedding, so that the documents are searched by BM25 at
    once; it has no vectors.npy, and the build that wrote it (or the next) writes a
    version with the vectors.
    """

    COMPLETE = "complete"
    PENDING = "pending"


def dense_state(manifest: Mapping[str, object]) -> DenseState:
    """The state of a manifest's dense part (checked by :func:`manifest_at`)."""
    return DenseState(str(manifest.get(DENSE_KEY, DenseState.COMPLETE)))


def required(version: int, pending: bool = False) -> tuple[str, ...]:
    """The files a version of this format must hold, manifest.json first (``pending``: its
    dense part is not written yet)."""
    if version < 6:
        return REQUIRED
    return tuple(n for n in REQUIRED_6 if n != "vectors.npy") if pending else REQUIRED_6


def _incomplete(data: Path, missing: list[str]) -> IndexFormatError:
    return IndexFormatError(
        f"index at {data} is incomplete (missing {', '.join(missing)}); "
        "rebuild it with `policyqa index`"
    )


_ATTEMPTS = 5  # reads started again when a save swapped the index in the meantime
T = TypeVar("T")


def default_index_dir() -> Path:
    """``$POLICYQA_INDEX_DIR``, else ``.policyqa-index`` in the working directory."""
    return Path(os.environ.get("POLICYQA_INDEX_DIR") or ".policyqa-index")


def retrying(folder: Path, read: Callable[[layout.Where], T]) -> T:
    """``read`` the index's current version, again if a save swapped it in meanwhile."""
    for _ in range(_ATTEMPTS):
        where = layout.resolve(folder)
        try:
            return read(where)
        except IndexFormatError:
            if layout.resolve(folder) == where:
                raise  # nothing moved: the files themselves are wrong
    raise IndexFormatError(
        f"index at {folder} was replaced {_ATTEMPTS} times while being read; try again"
    )


def manifest_at(where: layout.Where) -> dict[str, Any]:
    """The manifest of one version, checked for completeness and format version."""
    data = where.data
    if not (data / "manifest.json").is_file():
        raise _incomplete(data, [n for n in REQUIRED if not (data / n).is_file()])
    try:
        raw = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexFormatError(f"index manifest at {data} is unreadable: {exc}") from exc
    manifest = shapes.manifest(data / "manifest.json", raw)
    version = manifest.get("format_version")
    if type(version) is not int or version not in READABLE:
        raise IndexFormatError(
            f"index at {data} has format version {version!r}, "
            f"this policyqa reads {', '.join(map(str, READABLE))}; "
            "rebuild it with `policyqa index`"
        )
    if manifest.get(DENSE_KEY, DenseState.COMPLETE) not in set(DenseState) or (
        version < 6 and DENSE_KEY in manifest
    ):
        raise shapes.bad(data / "manifest.json", f"{DENSE_KEY!r} is {manifest[DENSE_KEY]!r}")
    names = required(version, dense_state(manifest) is DenseState.PENDING)
    missing = [n for n in names if not (data / n).is_file()]
    if missing:
        raise _incomplete(data, missing)
    unchecked = [n for n in names[1:] if n not in manifest.get("files", {})]
    if version >= 4 and unchecked:
        raise shapes.bad(data / "manifest.json", f"no checksum of {', '.join(unchecked)}")
    return manifest


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of an index folder, checked for format version.

    Raises:
        IndexNotFoundError: no index there.
        IndexFormatError: incomplete, corrupt, or another format version.
    """
    return dict(retrying(folder, manifest_at))


def read_checked(folder: Path, names: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest and the bytes of some files of the index's current version,
    each checked against its recorded checksum (for readers that need only a few
    files, such as ``policyqa indicators``).

    Raises:
        IndexNotFoundError, IndexFormatError: as :func:`read_manifest`, or a file
            whose bytes are not those saved.
    """

    def read(where: layout.Where) -> tuple[dict[str, Any], dict[str, bytes]]:
        manifest = manifest_at(where)
        return manifest, read_files(where, manifest, names)

    return retrying(folder, read)


def read_files(
    where: layout.Where, manifest: dict[str, Any], names: tuple[str, ...]
) -> dict[str, bytes]:
    """The bytes of some files of one version, each checked against its checksum."""
    out = {}
    for name in names:
        path = where.data / name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IndexFormatError(f"index file {path} is unreadable ({exc})") from exc
        checksum.check_bytes(path, data, manifest.get("files", {}).get(name))
        out[name] = data
    return out


def change_stamp(folder: Path) -> int:
    """A cheap number that changes whenever a save publishes a new index at ``folder``
    (the pointer's or, for a flat format 3 index, the manifest's modification time);
    -1 when neither is there (no index, or a first build under way)."""
    for name in (layout.POINTER, "manifest.json"):
        try:
            return os.stat(folder / name).st_mtime_ns
        except OSError:
            continue
    return -1
