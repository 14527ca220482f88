"""Find the documents to index and give them their ids."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.normalize import first_surrogate, shown
from corpus.sidecar import SIDECAR_NAMES


@dataclass(frozen=True)
class Source:
    """A file to index: where it is, its doc id, and the folder it was found from."""

    path: Path
    doc_id: str
    root: Path


OnError = Callable[[Path, str], None] | None


def collect(paths: list[Path], on_error: OnError = None) -> Iterator[Source]:
    """Yield the files under ``paths`` (files, or folders searched recursively).

    A document's id is its path relative to the folder given (the file name
    for a file given directly). Hidden files and sidecar manifests are
    skipped; unsupported suffixes, named pipes, devices and broken links are
    yielded too (never opened here), so the caller can report them as skipped
    rather than silently ignore them. A file whose name is not UTF-8 is
    reported through ``on_error`` (its id would not be text). A sub-folder that
    cannot be read is reported through ``on_error(path, reason)``, never
    passed over in silence.
    """
    for given in paths:
        if given.is_dir():
            yield from _walk(given, on_error)
        elif _named_in_utf8(given, given.name, on_error):
            yield Source(given, given.name, given.parent)


def _named_in_utf8(path: Path, doc_id: str, on_error: OnError) -> bool:
    """A document id must be text: a file name that is not UTF-8 is reported, not indexed."""
    if first_surrogate(doc_id) < 0:
        return True
    if on_error is not None:
        on_error(Path(shown(str(path))), "file name is not valid UTF-8: rename the file")
    return False


def _walk(given: Path, on_error: OnError) -> Iterator[Source]:
    def failed(exc: OSError) -> None:
        if on_error is not None:
            on_error(Path(exc.filename or given), f"folder cannot be read: {exc.strerror}")

    found: list[Path] = []
    for top, dirs, files in os.walk(given, onerror=failed):
        dirs.sort()
        found.extend(Path(top) / name for name in files)
    for path in sorted(found):
        rel = path.relative_to(given)
        if any(p.startswith(".") for p in rel.parts):
            continue
        if len(rel.parts) == 1 and rel.name in SIDECAR_NAMES:
            continue
        if rel.name.lower() in ("readme.md", "license", "license.txt"):
            continue
        if _named_in_utf8(path, rel.as_posix(), on_error):
            yield Source(path, rel.as_posix(), given)
