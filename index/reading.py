"""Reading the documents of a build: files found, parsed (on both cores), problems kept."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from corpus.collect import collect
from corpus.document import load_document
from corpus.errors import DocumentError
from corpus.model import Document
from corpus.sidecar import load_sidecar
from index.derive import Derived, derive
from index.pool import PoolConfig, ordered_map, worker_count

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Skipped:
    """A file that was not indexed, and why; ``manifest``: a folder's metadata manifest
    that could not be read (its documents were indexed with inferred metadata); ``kind``:
    the name of the :mod:`corpus.errors` class of the problem ("" when none), from which
    the CLI and the web UI word the reason for people."""

    path: str
    reason: str
    manifest: bool = False
    kind: str = ""


@dataclass(frozen=True)
class Unread:
    """A document indexed without some of its pages: they gave no text (1-based), and why."""

    path: str
    pages: tuple[int, ...]
    reason: str


def unread_pages(docs: Iterable[Document]) -> tuple[Unread, ...]:
    """The documents with pages that gave no text, each with its pages and the reason."""
    from corpus.ocr import INSTALL_HINT, ocr_available

    why = "OCR found no text on them" if ocr_available(pdf=True) else f"scans: {INSTALL_HINT}"
    return tuple(Unread(d.doc_id, d.unread_pages, why) for d in docs if d.unread_pages)


@dataclass(frozen=True)
class Reading:
    """What reading the files gave: the documents (in the order the files were found),
    their derived data by doc id, and the files skipped with their reasons."""

    documents: list[Document]
    derived: dict[str, Derived]
    skipped: list[Skipped]


@dataclass(frozen=True)
class _Job:
    """One file to parse: where, its id, its manifest row, the folder to record ("": none)."""

    path: Path
    doc_id: str
    overrides: Mapping[str, str] | None
    folder: str


@dataclass(frozen=True)
class _Parsed:
    document: Document
    derived: Derived


def _parse(job: _Job, progress: Progress | None = None) -> _Parsed | Skipped:
    """Parse one file and derive its figures and enumerations (runs in a worker)."""
    try:
        doc = load_document(job.path, job.doc_id, job.overrides, progress)
    except DocumentError as exc:
        return Skipped(str(job.path), exc.reason, kind=type(exc).__name__)
    doc = replace(doc, folder=job.folder) if job.folder else doc
    return _Parsed(doc, derive(doc))


def read_prepared(
    paths: Iterable[Path],
    progress: Progress | None = None,
    *,
    folders: bool = True,
    pool: PoolConfig | None = None,
) -> Reading:
    """Read and parse every file under ``paths`` (on worker processes when there are
    many, see :mod:`index.pool`); unreadable files are skipped, not fatal.

    Each document records the folder it was found from (its sidecar manifest's), unless
    ``folders`` is false (files copied to a temporary folder that will be gone). Of two
    files with one doc id the first that parses is kept.
    """
    pool = pool or PoolConfig()
    skipped: list[Skipped] = []
    sources = list(
        collect(list(paths), on_error=lambda p, why: skipped.append(Skipped(str(p), why)))
    )
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    unread_sidecar: dict[Path, Skipped] = {}
    jobs = []
    for src in sources:
        if src.root not in sidecars:
            try:
                sidecars[src.root] = load_sidecar(src.root)
            except DocumentError as exc:
                why = f"{exc.reason}; its metadata was not applied"
                unread_sidecar[src.root] = Skipped(
                    exc.path, why, manifest=True, kind=type(exc).__name__
                )
                sidecars[src.root] = {}
        rows = sidecars[src.root]
        folder = str(src.root.resolve()) if folders else ""
        jobs.append(
            _Job(src.path, src.doc_id, rows.get(src.doc_id) or rows.get(src.path.name), folder)
        )
    workers = worker_count(pool, len(jobs), pool.min_documents)
    parse = _parse if workers > 1 else partial(_parse, progress=progress)
    each = (lambda i: progress("read", i, len(jobs))) if progress else None
    results = ordered_map(parse, jobs, workers, each=each)
    docs: list[Document] = []
    derived: dict[str, Derived] = {}
    for src, result in zip(sources, results, strict=True):
        if src.doc_id in derived:
            skipped.append(Skipped(str(src.path), f"duplicate document id {src.doc_id}"))
            continue
        if src.root in unread_sidecar:  # said once, where a serial read first met it
            skipped.append(unread_sidecar.pop(src.root))
        if isinstance(result, Skipped):
            skipped.append(result)
            continue
        docs.append(result.document)
        derived[src.doc_id] = result.derived
    return Reading(docs, derived, skipped)


def read_documents(
    paths: Iterable[Path],
    progress: Progress | None = None,
    *,
    folders: bool = True,
    pool: PoolConfig | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Read and parse every file under ``paths`` (see :func:`read_prepared`).

    Returns:
        The parsed documents and the files skipped with their reasons.
    """
    reading = read_prepared(paths, progress, folders=folders, pool=pool)
    return reading.documents, reading.skipped
