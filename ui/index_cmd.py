"""``policyqa index``: build or update an index (and its Milvus collection) from files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ui.backend_opts import backend_of, backend_options


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--index-dir", help="Index folder (default $POLICYQA_INDEX_DIR or .policyqa-index).")
@click.option(
    "--model",
    help="Embedding model: m3e-small (default), a sentence-transformers folder, or 'fake'.",
)
@click.option(
    "--embedder",
    help="How the model is run: onnx (default, or $POLICYQA_EMBEDDER; ONNX Runtime fp32, the "
    "same vectors as torch), torch, or onnx-int8 (faster, slightly different vectors, so the "
    "index records its own model id).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Build even when no document can be read (empties an existing index).",
)
@click.option(
    "--from-index",
    is_flag=True,
    help="With --backend milvus: write the index's stored passages and vectors to Milvus "
    "without reading any document (moving a folder index to Milvus).",
)
@click.option(
    "--milvus-index",
    metavar="KIND",
    help="How the Milvus collection indexes the vectors: FLAT (exact, the default) or "
    "HNSW (for millions of passages on a server); another kind than the collection's "
    "writes a new collection. Default $POLICYQA_MILVUS_INDEX.",
)
@backend_options
def index(
    paths: tuple[Path, ...],
    index_dir: str | None,
    model: str | None,
    embedder: str | None,
    as_json: bool,
    allow_empty: bool,
    from_index: bool,
    milvus_index: str | None,
    backend: str | None,
    milvus_uri: str | None,
) -> None:
    """Index files or folders (default: the sample corpus).

    Folders are searched recursively; a document's id is its path relative
    to the folder given. Running it again updates the index: new and changed
    documents are added, removed ones dropped, unchanged text is not
    embedded again. With many passages to embed, the documents are
    searchable by BM25 as soon as they are parsed (answers then say
    "retrieval": "bm25"); dense search joins when embedding is done, and a
    build stopped while embedding is finished by the next one. Unreadable
    files are skipped and listed at the end (named pipes and devices are
    never opened); the exit code is 2 when a file named here or a folder's
    manifest could not be read (the rest is indexed).
    Only a policyqa index is ever replaced: a --index-dir holding other files
    is refused, and so is emptying an index when no document can be read
    (unless --allow-empty).

    Scanned PDF pages and photos (.png/.jpg/.tif) are read by OCR when the
    'ocr' extra is installed (pip install 'policyqa[ocr]'); pages it finds no
    text on are listed, the rest is indexed.

    With --backend milvus the passages also go to the index's Milvus
    collection: a re-index rewrites only the rows of documents added, changed
    or removed, and readers switch to them with the index, only once complete;
    a build stopped half-way leaves the previous version answering.

    \b
    Example:
      policyqa index
      policyqa index corpus/samples ../shared/corpus-extra --index-dir idx-all
      policyqa index scans/ --index-dir idx-scans   # PDFs and photos, by OCR
      policyqa index --embedder onnx-int8 --index-dir idx-int8
      policyqa index corpus/samples --backend milvus --milvus-uri milvus-data
      policyqa index --from-index --backend milvus --milvus-uri http://milvus:19530 \\
        --milvus-index HNSW
    """
    from index.backend import Backend
    from index.build import build_index, push_to_milvus
    from index.embed import get_embedder
    from ui.cli import SAMPLES, _index_dir, _progress_bar

    config = backend_of(backend, milvus_uri, milvus_index)
    if from_index:
        if paths or config.kind is not Backend.MILVUS:
            raise click.UsageError("--from-index takes no PATHS and needs --backend milvus")
        _report(push_to_milvus(_index_dir(index_dir), config, progress=_progress_bar()), as_json)
        return
    targets = list(paths) or [SAMPLES]
    report = build_index(
        targets,
        _index_dir(index_dir),
        get_embedder(model, embedder),
        progress=_saying_searchable(_progress_bar()),
        allow_empty=allow_empty,
        backend=config,
    )
    _report(report, as_json)
    _exit_on_problems(report.skipped, targets)


def _saying_searchable(bar: Any) -> Any:
    """The progress bar, and one line when the documents are searchable by BM25."""
    from index.write import SEARCHABLE

    def update(stage: str, done: int, total: int) -> None:
        if stage == SEARCHABLE:
            click.echo(
                f"{total} passages searchable by BM25 now; embedding {done} (answers use "
                "BM25 only until this finishes; stopped, the next `policyqa index` goes on)",
                err=True,
            )
        else:
            bar(stage, done, total)

    return update


def _report(report: Any, as_json: bool) -> None:
    from corpus.normalize import shown

    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps(asdict(report), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"indexed {report.n_documents} documents, {report.n_passages} passages "
        f"({report.embedded} embedded, {report.reused} reused) into {report.index_dir} "
        f"in {report.seconds}s"
        + (
            f" (searchable by BM25 after {report.searchable_seconds}s)"
            if getattr(report, "searchable_seconds", None) is not None
            else ""
        )
    )
    if report.skipped:
        click.echo(f"skipped {len(report.skipped)} file(s):", err=True)
        for s in report.skipped:
            click.echo(f"  {shown(s.path)}: {s.reason}", err=True)
    for u in getattr(report, "unread", ()):
        pages = ", ".join(map(str, u.pages))
        click.echo(f"  {shown(u.path)}: page(s) {pages} gave no text ({u.reason})", err=True)


def _exit_on_problems(skipped: Any, targets: list[Path]) -> None:
    """Exit 2 (after the build) when a folder's manifest could not be read or a file
    named on the command line was not indexed; other skipped files are only listed."""
    from corpus.errors import DocumentError, SidecarError
    from corpus.normalize import shown
    from ui.messages import error_line

    files = [str(p) for p in targets if not p.is_dir()]
    named = {*files, *map(shown, files)}  # as Skipped names them (shown when not UTF-8)
    problems = [
        SidecarError(s.path, s.reason) if s.manifest else DocumentError(s.path, s.reason)
        for s in skipped
        if s.manifest or s.path in named
    ]
    for exc in problems:
        click.echo(error_line(exc), err=True)
    if problems:
        sys.exit(2)
