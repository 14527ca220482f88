"""Find the documents to index and give them their ids."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.sidecar import SIDECAR_NAMES

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class Source:
    """A file to index: where it is, its doc id, and the folder it was found from."""

    path: Path
    doc_id: str
    root: Path


def collect(paths: list[Path]) -> Iterator[Source]:
    """Yield the files under ``paths`` (files, or folders searched recursively).

    A document's id is its path relative to the folder given (the file name
    for a file given directly). Hidden files and sidecar manifests are
    skipped; unsupported suffixes are yielded too, so the caller can report
    them as skipped rather than silently ignore them.
    """
    for given in paths:
        if given.is_dir():
            for path in sorted(given.rglob("*")):
                rel = path.relative_to(given)
                if not path.is_file() or any(p.startswith(".") for p in rel.parts):
                    continue
                if len(rel.parts) == 1 and rel.name in SIDECAR_NAMES:
                    continue
                if rel.name.lower() in ("readme.md", "license", "license.txt"):
                    continue
                yield Source(path, rel.as_posix(), given)
        else:
            yield Source(given, given.name, given.parent)
