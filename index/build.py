"""Build, update and prune an index from documents on disk (the commands; reading the
files is :mod:`index.reading`, writing the index :mod:`index.write`)."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from corpus.errors import EmptyCorpusError, IndexFormatError, IndexNotFoundError, PolicyQAError
from corpus.model import Document
from index import milvus_store, store
from index.backend import BackendConfig
from index.derive import Derived

# Re-exported: callers read them as index.build.X.
from index.derive import dense_text as dense_text
from index.derive import passage_text as passage_text
from index.embed import Embedder
from index.reading import Skipped as Skipped
from index.reading import Unread as Unread
from index.reading import read_documents as read_documents
from index.reading import read_prepared, unread_pages
from index.write import BuildConfig as BuildConfig
from index.write import BuildReport as BuildReport
from index.write import Built as Built
from index.write import Progress, publishing, version_data, write_index
from index.write import embed_missing as embed_missing
from index.write import save_built as save_built


def build_index(
    paths: list[Path],
    index_dir: Path,
    embedder: Embedder,
    *,
    tokenizer: str = "jieba_search",
    progress: Progress | None = None,
    allow_empty: bool = False,
    backend: BackendConfig | None = None,
    folders: bool = True,
    config: BuildConfig | None = None,
) -> BuildReport:
    """Make ``index_dir`` hold exactly the documents under ``paths``
    (``folders``: see :func:`index.reading.read_prepared`).

    New and changed documents are added, removed ones dropped, unchanged
    text is not embedded again. Files that cannot be read are reported in
    :attr:`BuildReport.skipped`; the rest is indexed. With many passages to
    embed, the documents are searchable by BM25 before they are embedded
    (see :mod:`index.write`).

    Raises:
        NotAnIndexError: ``index_dir`` holds something that is not an index.
        EmptyCorpusError: no document was read and the index holds documents
            (unless ``allow_empty``).
    """
    started = time.perf_counter()
    config = config or BuildConfig()
    store.check_replaceable(index_dir.resolve())  # before any work: never replace a non-index
    reading = read_prepared(paths, progress, folders=folders, pool=config.pool)
    docs, skipped = reading.documents, reading.skipped
    with store.writer_lock(index_dir):
        if not docs and not allow_empty:
            _refuse_empty(index_dir, skipped)
        report = write_index(
            docs,
            index_dir,
            embedder,
            tokenizer=tokenizer,
            skipped=skipped,
            progress=progress,
            started=started,
            backend=backend,
            derived=reading.derived,
            config=config,
        )
    return replace(report, unread=unread_pages(docs))


def _refuse_empty(index_dir: Path, skipped: list[Skipped]) -> None:
    """No document was read: an index holding documents is not emptied unasked.

    Raises:
        EmptyCorpusError: the index at ``index_dir`` holds documents.
    """
    try:
        current = store.read_manifest(index_dir)
    except PolicyQAError:
        return
    n = int(current.get("n_documents", 0) or 0)
    if n:
        why = f" ({len(skipped)} file(s) unreadable)" if skipped else ""
        raise EmptyCorpusError(
            f"no document could be read from the paths given{why}; indexing them would remove "
            f"all {n} documents of the index at {index_dir}. Nothing was changed; "
            "pass --allow-empty to empty it on purpose"
        )


def add_documents(
    paths: list[Path],
    index_dir: Path,
    embedder: Embedder,
    *,
    progress: Progress | None = None,
    backend: BackendConfig | None = None,
    folders: bool = True,
    config: BuildConfig | None = None,
) -> BuildReport:
    """Add (or replace, by doc id) documents in an existing index, keeping the rest
    (``folders``: see :func:`index.reading.read_prepared`)."""
    started = time.perf_counter()
    config = config or BuildConfig()
    reading = read_prepared(paths, progress, folders=folders, pool=config.pool)
    return replace_documents(
        reading.documents,
        index_dir,
        embedder,
        skipped=reading.skipped,
        progress=progress,
        started=started,
        backend=backend,
        derived=reading.derived,
        config=config,
    )


def replace_documents(
    docs: list[Document],
    index_dir: Path,
    embedder: Embedder,
    *,
    skipped: Iterable[Skipped] = (),
    progress: Progress | None = None,
    started: float | None = None,
    backend: BackendConfig | None = None,
    derived: Mapping[str, Derived] | None = None,
    config: BuildConfig | None = None,
) -> BuildReport:
    """Put parsed documents into an existing index in place of those of the same ids,
    keeping the rest (a metadata correction: nothing is embedded again when only the
    title, issuer, region, date or years changed). ``derived``: see
    :func:`index.write.write_index`."""
    with store.writer_lock(index_dir):  # read, merge and write as one step
        current = _existing(index_dir, embedder)
        new_ids = {d.doc_id for d in docs}
        kept = [d for d in current.documents.values() if d.doc_id not in new_ids]
        report = write_index(
            kept + docs,
            index_dir,
            embedder,
            tokenizer=current.tokenizer,
            skipped=skipped,
            progress=progress,
            started=started,
            backend=backend,
            derived=derived,
            config=config,
        )
    return replace(report, unread=unread_pages(docs))


def remove_documents(
    doc_ids: list[str],
    index_dir: Path,
    embedder: Embedder,
    *,
    backend: BackendConfig | None = None,
    config: BuildConfig | None = None,
) -> BuildReport:
    """Drop documents from an index; nothing is embedded again.

    Raises:
        IndexNotFoundError: no index, or none of ``doc_ids`` is in it.
    """
    with store.writer_lock(index_dir):
        current = _existing(index_dir, embedder)
        unknown = [d for d in doc_ids if d not in current.documents]
        if unknown:
            raise IndexNotFoundError(f"not in the index: {', '.join(unknown)}")
        kept = [d for d in current.documents.values() if d.doc_id not in set(doc_ids)]
        return write_index(
            kept,
            index_dir,
            embedder,
            tokenizer=current.tokenizer,
            backend=backend,
            config=config,
        )


def push_to_milvus(
    index_dir: Path, backend: BackendConfig, *, progress: Progress | None = None
) -> BuildReport:
    """Write the index's stored passages and vectors to a new Milvus collection and
    name it in the index; no document is read, tokenised or embedded again
    (moving an existing folder index to Milvus).

    Raises:
        IndexNotFoundError, IndexFormatError: no usable index at ``index_dir``, or one
            whose passages are not all embedded yet.
        BackendError: Milvus refused the collection (the index is left as it was).
    """
    started = time.perf_counter()
    with store.writer_lock(index_dir):
        current = store.load(index_dir, tokens=True)
        if current.dense_pending:
            raise IndexFormatError(
                f"the passages of the index at {index_dir} are not all embedded yet; "
                "run `policyqa index` to finish it, then move it to Milvus"
            )
        docs = list(current.documents.values())
        manifest = {k: v for k, v in current.manifest.items() if k not in _MANIFEST_OWN}
        with publishing(backend, index_dir, manifest, version_data(current), None, progress):
            store.save_loaded(index_dir, current, manifest)
    n = len(current.passages)
    return BuildReport(
        str(index_dir), len(docs), n, 0, n, (), round(time.perf_counter() - started, 2)
    )


# What store.save and the backend write into a manifest themselves.
_MANIFEST_OWN = ("format_version", "package_version", "files", milvus_store.MANIFEST_KEY)


def _existing(index_dir: Path, embedder: Embedder) -> store.Index:
    return store.load(index_dir, model_id=embedder.model_id, tokens=True)
