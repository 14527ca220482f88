"""Where an index's files are, and how a new version replaces the old one.

An index folder (format 4) holds one sub-folder per saved version and a pointer::

    idx/
      current.json     {"format_version": 4, "version": "v000007"}
      v000006/         the previous version (kept)
      v000007/         manifest.json, documents.jsonl, ... (see index.store)

A save writes ``idx/.tmp-*/``, renames it to the next ``vNNNNNN`` and only
then replaces ``current.json`` (temporary file + ``os.replace``), so a reader
sees the old version or the new one, and a process killed at any point leaves
one of them loadable. Versions older than the previous one, and the files of
a flat (format 3) index being migrated, are removed after the pointer moved.
A format 3 index keeps its files directly in ``idx/`` and is read as it is.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import IndexFormatError, IndexNotFoundError

POINTER = "current.json"
_VERSION = re.compile(r"v\d{6,}")
# Every file a flat (format 3) index keeps in its folder.
FLAT_FILES = (
    "manifest.json",
    "documents.jsonl",
    "passages.jsonl",
    "tokens.jsonl",
    "vectors.npy",
    "bm25_data.npy",
    "bm25_indices.npy",
    "bm25_indptr.npy",
    "bm25_shape.npy",
    "vocab.json",
    "abbreviations.json",
    "facts.jsonl",
    "lists.jsonl",
)


@dataclass(frozen=True)
class Where:
    """The folder holding an index's files right now.

    Attributes:
        data: the version sub-folder (format 4) or the index folder (flat).
        version: the version's name, "" for a flat index.
    """

    data: Path
    version: str


def resolve(folder: Path) -> Where:
    """The files of the index at ``folder`` as its pointer names them now.

    Raises:
        IndexNotFoundError: no folder there.
        IndexFormatError: the pointer is not one policyqa wrote.
    """
    pointer = folder / POINTER
    try:
        raw = pointer.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        _recover(folder)
        if not folder.is_dir():
            raise IndexNotFoundError(
                f"no index at {folder}: build one with "
                f"`policyqa index [PATH ...] --index-dir {folder}`"
            ) from None
        return Where(folder, "")
    except OSError as exc:
        raise IndexFormatError(f"index pointer {pointer} is unreadable ({exc})") from exc
    version = _pointed(raw)
    if version is None:
        raise IndexFormatError(
            f"index pointer {pointer} is damaged (not a policyqa pointer); "
            "rebuild the index with `policyqa index`"
        )
    return Where(folder / version, version)


def _pointed(raw: bytes) -> str | None:
    """The version a pointer's bytes name, None unless they are a well-formed pointer."""
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, str) and _VERSION.fullmatch(version):
        return version
    return None


def is_index(folder: Path) -> bool:
    """Whether ``folder`` (an existing, non-empty folder) is a policyqa index.

    A valid pointer, a flat index's manifest, or nothing but what a killed
    first build leaves (``.tmp-*`` folders, version folders, a pointer's
    temporary file) makes one.
    """
    try:
        if _pointed((folder / POINTER).read_bytes()) is not None:
            return True
    except OSError:
        pass
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    if isinstance(manifest, dict) and "format_version" in manifest:
        return True
    return all(
        (p.is_dir() and (p.name.startswith(".tmp-") or _VERSION.fullmatch(p.name)))
        or (p.is_file() and p.name.startswith(f".{POINTER}.tmp-"))
        for p in folder.iterdir()
    )


def new_version_dir(folder: Path) -> Path:
    """A fresh temporary folder inside ``folder`` to write a version into."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder))


def publish(folder: Path, tmp: Path) -> str:
    """Make the finished version in ``tmp`` the index's current one; returns its name.

    Order: rename ``tmp`` to the next version, replace the pointer, then
    remove what no reader is sent to any more (versions before the previous
    one, a flat index's files). A process killed between any two steps
    leaves the old pointer (old version) or the new one (new version).
    """
    try:
        previous = _pointed((folder / POINTER).read_bytes())
    except FileNotFoundError:
        previous = None
    numbers = [int(p.name[1:]) for p in folder.iterdir() if _VERSION.fullmatch(p.name)]
    name = f"v{max(numbers, default=0) + 1:06d}"
    tmp.rename(folder / name)
    _sync_dir(folder)
    _write_pointer(folder, name)
    for p in folder.iterdir():
        if _VERSION.fullmatch(p.name) and p.name not in (name, previous) and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
    for flat in FLAT_FILES:  # a format 3 index migrated by this save
        (folder / flat).unlink(missing_ok=True)
    return name


def _write_pointer(folder: Path, name: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{POINTER}.tmp-", dir=folder)
    try:
        os.fchmod(fd, 0o644)  # readable as the index's other files are
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"format_version": 4, "version": name}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / POINTER)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_dir(folder)


def _sync_dir(folder: Path) -> None:
    """Make renames inside ``folder`` durable (a power cut keeps them)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> None:
    """Remove what killed saves left (temporary folders and pointers); writers only.

    Call only under the index's writer lock: a running save's files look the same.
    """
    for stale in folder.parent.glob(f".{folder.name}.tmp-*"):  # format 3 builds
        shutil.rmtree(stale, ignore_errors=True)
    if folder.is_dir() and is_index(folder):  # never inside a folder that is not ours
        for stale in folder.parent.glob(f".{folder.name}.old-*"):  # format 3, the index back
            shutil.rmtree(stale, ignore_errors=True)
        for stale in folder.glob(".tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        for stale in folder.glob(f".{POINTER}.tmp-*"):
            stale.unlink(missing_ok=True)


def _recover(folder: Path) -> None:
    """Put back a flat index a format 3 build moved aside just before it was killed."""
    if folder.exists():
        return
    olds = sorted(folder.parent.glob(f".{folder.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and (olds[-1] / "manifest.json").is_file():
        olds[-1].rename(folder)
