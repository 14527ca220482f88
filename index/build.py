"""Build, update and prune an index from documents on disk."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from corpus.collect import collect
from corpus.document import load_document
from corpus.enumerations import Enumeration, enumerations
from corpus.errors import DocumentError, EmptyCorpusError, IndexNotFoundError, PolicyQAError
from corpus.facts import extract_facts
from corpus.model import Document, Fact, Passage
from corpus.normalize import normalize
from corpus.sidecar import load_sidecar
from index import milvus_store, milvus_sync, store
from index.abbrev import mine_abbreviations
from index.backend import Backend, BackendConfig
from index.backends import EmbedConfig
from index.bm25 import BM25, BM25Params
from index.cache import EmbeddingCache
from index.embed import Embedder, text_key
from index.text import canonicalize, get_tokenizer, index_text

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


@dataclass(frozen=True)
class BuildReport:
    """What a build did; ``unread``: documents read by this build with pages that gave no text."""

    index_dir: str
    n_documents: int
    n_passages: int
    embedded: int
    reused: int
    skipped: tuple[Skipped, ...]
    seconds: float
    unread: tuple[Unread, ...] = ()


def unread_pages(docs: Iterable[Document]) -> tuple[Unread, ...]:
    """The documents with pages that gave no text, each with its pages and the reason."""
    from corpus.ocr import INSTALL_HINT, ocr_available

    why = "OCR found no text on them" if ocr_available(pdf=True) else f"scans: {INSTALL_HINT}"
    return tuple(Unread(d.doc_id, d.unread_pages, why) for d in docs if d.unread_pages)


def passage_text(p: Passage) -> str:
    """What BM25 sees of a passage: its context (title, region, section) and text."""
    return index_text(f"{p.context}\n{p.text}")


def dense_text(p: Passage) -> str:
    """What the embedding model sees: section path and text.

    Title and region are left to BM25 and metadata scoring, so that better
    metadata inference does not invalidate every cached embedding.
    """
    return index_text(f"{p.section}\n{p.text}")


def read_documents(
    paths: Iterable[Path], progress: Progress | None = None, *, folders: bool = True
) -> tuple[list[Document], list[Skipped]]:
    """Read and parse every file under ``paths``; unreadable files are skipped, not fatal.

    Each document records the folder it was found from (its sidecar manifest's), unless
    ``folders`` is false (files copied to a temporary folder that will be gone).

    Returns:
        The parsed documents and the files skipped with their reasons.
    """
    skipped: list[Skipped] = []
    sources = list(
        collect(list(paths), on_error=lambda p, why: skipped.append(Skipped(str(p), why)))
    )
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    docs: list[Document] = []
    seen: set[str] = set()
    for i, src in enumerate(sources, 1):
        if progress:
            progress("read", i, len(sources))
        if src.doc_id in seen:
            skipped.append(Skipped(str(src.path), f"duplicate document id {src.doc_id}"))
            continue
        if src.root not in sidecars:
            try:
                sidecars[src.root] = load_sidecar(src.root)
            except DocumentError as exc:
                why = f"{exc.reason}; its metadata was not applied"
                skipped.append(Skipped(exc.path, why, manifest=True, kind=type(exc).__name__))
                sidecars[src.root] = {}
        try:
            overrides = sidecars[src.root].get(src.doc_id) or sidecars[src.root].get(src.path.name)
            doc = load_document(src.path, src.doc_id, overrides, progress)
            docs.append(replace(doc, folder=str(src.root.resolve())) if folders else doc)
            seen.add(src.doc_id)
        except DocumentError as exc:
            skipped.append(Skipped(str(src.path), exc.reason, kind=type(exc).__name__))
    return docs, skipped


def _previous(index_dir: Path, model_id: str) -> store.Index | None:
    try:
        return store.load(index_dir, model_id=model_id, tokens=True)
    except PolicyQAError:
        return None


def _previous_manifest(index_dir: Path) -> dict[str, Any] | None:
    try:
        return store.read_manifest(index_dir)
    except PolicyQAError:
        return None


def _publishing(
    backend: BackendConfig | None,
    index_dir: Path,
    manifest: dict[str, Any],
    new: milvus_sync.VersionData,
    prev: store.Index | None,
    progress: Progress | None,
) -> AbstractContextManager[None]:
    """What must happen around the folder index's save for the backend: nothing in
    process; for Milvus, the new version in the collection first, updating only the
    documents that differ from ``prev`` (None: write every row again; see
    :mod:`index.milvus_store`)."""
    if backend is None or backend.kind is Backend.IN_PROCESS:
        return nullcontext()
    before = None if prev is None else _version_data(prev).signatures()
    return milvus_store.published(
        backend,
        index_dir,
        prev.manifest if prev is not None else _previous_manifest(index_dir),
        manifest,
        new,
        before=before,
        progress=progress,
    )


def _version_data(index: store.Index) -> milvus_sync.VersionData:
    """A loaded index (``tokens=True``) as the Milvus writer sees a version."""
    p = index.manifest.get("params", {})
    return milvus_sync.VersionData(
        list(index.documents.values()),
        list(index.passages),
        index.tokens or [],
        index.vectors,
        list(index.keys),
        list(index.dense_keys),
        BM25Params(**{k: float(p[k]) for k in ("k1", "b", "epsilon") if k in p}),
        index.tokenizer,
    )


def write_index(
    documents: list[Document],
    index_dir: Path,
    embedder: Embedder,
    *,
    tokenizer: str = "jieba_search",
    skipped: Iterable[Skipped] = (),
    progress: Progress | None = None,
    started: float | None = None,
    use_cache: bool = True,
    backend: BackendConfig | None = None,
) -> BuildReport:
    """Index ``documents`` into ``index_dir``, replacing what was there.

    Embeddings and tokens of passages whose indexed text is unchanged are
    taken from the previous index or the machine's embedding cache (keyed
    by the hash of that text), so re-indexing embeds only new or changed
    text. ``use_cache=False`` keeps the shared cache out (tests). With a
    Milvus ``backend`` the passages also go to a new collection, switched to
    with the folder index (see :mod:`index.milvus_store`).
    """
    started = time.perf_counter() if started is None else started
    tokenize = get_tokenizer(tokenizer)
    prev = _previous(index_dir, embedder.model_id)
    cache_tok: dict[str, list[str]] = {}
    # Every index of this format records its tokenizer in the manifest's params.
    if prev is not None and prev.tokens is not None and prev.tokenizer == tokenizer:
        cache_tok = dict(zip(prev.keys, prev.tokens, strict=True))
    cache = EmbeddingCache(embedder.model_id, dim=embedder.dim) if use_cache else None
    known: dict[str, np.ndarray] = {}
    if prev is not None:
        known.update(zip(prev.dense_keys, prev.vectors, strict=True))

    passages = [p for d in documents for p in d.passages]
    texts = [passage_text(p) for p in passages]
    keys = [text_key(t) for t in texts]
    dtexts = [dense_text(p) for p in passages]
    dkeys = [text_key(t) for t in dtexts]
    tokens: list[list[str]] = []
    for i, (key, text) in enumerate(zip(keys, texts, strict=True), 1):
        tokens.append(cache_tok[key] if key in cache_tok else tokenize(text))
        if progress and i % 200 == 0:
            progress("tokenize", i, len(texts))
    for k in set(dkeys) - known.keys():
        vec = cache.get(k) if cache is not None else None
        if vec is not None:
            known[k] = vec
    n_embedded = embed_missing(dtexts, dkeys, known, embedder, cache, progress)
    dim = embedder.dim
    vectors = (
        np.stack([known[k] for k in dkeys]).astype(np.float32)
        if dkeys
        else np.zeros((0, dim), dtype=np.float32)
    )
    save_built(
        index_dir,
        Built(
            documents=documents,
            tokens=tokens,
            keys=keys,
            dense_keys=dkeys,
            vectors=vectors,
            model_id=embedder.model_id,
            tokenizer=tokenizer,
            abbreviations=mine_abbreviations(d.text for d in documents),
            facts=[f for d in documents for f in extract_facts(d, _fold_metric)],
            lists={d.doc_id: enumerations(d) for d in documents},
        ),
        backend=backend,
        progress=progress,
        prev=prev,
    )
    return BuildReport(
        str(index_dir),
        len(documents),
        len(passages),
        n_embedded,
        len(passages) - n_embedded,
        tuple(skipped),
        round(time.perf_counter() - started, 2),
    )


@dataclass(frozen=True)
class Built:
    """What an index version is written from once every passage is tokenised and embedded
    (rows in the order of the documents' passages)."""

    documents: list[Document]
    tokens: list[list[str]]
    keys: list[str]
    dense_keys: list[str]
    vectors: np.ndarray
    model_id: str
    tokenizer: str
    abbreviations: dict[str, str]
    facts: list[Fact]
    lists: dict[str, tuple[Enumeration, ...]]


def save_built(
    index_dir: Path,
    built: Built,
    *,
    backend: BackendConfig | None = None,
    progress: Progress | None = None,
    prev: store.Index | None = None,
) -> None:
    """Make the BM25 weights and the manifest of ``built`` and save it as the index's new
    version (with a Milvus ``backend``, its collection first, updating only the documents
    that differ from ``prev``)."""
    documents = built.documents
    passages = [p for d in documents for p in d.passages]
    params = BM25Params()
    bm25 = BM25.build(built.tokens, params)
    corpus_hash = hashlib.sha1(
        "\n".join(sorted(f"{d.doc_id}:{text_key(d.text)}" for d in documents)).encode()
    ).hexdigest()
    manifest = {
        "model_id": built.model_id,
        "dim": int(built.vectors.shape[1]),
        "corpus_hash": corpus_hash,
        "n_documents": len(documents),
        "n_passages": len(passages),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "params": {
            "tokenizer": built.tokenizer,
            "k1": params.k1,
            "b": params.b,
            "epsilon": params.epsilon,
        },
    }
    vectors = built.vectors
    new = milvus_sync.VersionData(
        documents,
        passages,
        built.tokens,
        vectors,
        built.keys,
        built.dense_keys,
        params,
        built.tokenizer,
    )
    with _publishing(backend, index_dir, manifest, new, prev, progress):
        store.save(
            index_dir,
            documents=documents,
            passages=passages,
            tokens=built.tokens,
            keys=built.keys,
            dense_keys=built.dense_keys,
            vectors=vectors,
            bm25=bm25,
            manifest=manifest,
            abbreviations=built.abbreviations,
            facts=built.facts,
            lists=built.lists,
        )


def embed_missing(
    texts: list[str],
    keys: list[str],
    known: dict[str, np.ndarray],
    embedder: Embedder,
    cache: EmbeddingCache | None,
    progress: Progress | None = None,
    chunk: int = EmbedConfig.build_chunk,
) -> int:
    """Embed the texts whose key is not in ``known`` into it (and the cache); their count.

    Texts go to the model shortest first, so that a batch holds texts of about one
    length and little padding: on corpus-extra the model ran over 1.15x the real
    tokens when chunks of 256 in document order were each sorted, 1.001x sorted as a
    whole. Each chunk is stored in the cache as soon as it is done, so an
    interrupted build keeps what it embedded.
    """
    first = {k: i for i, k in enumerate(keys) if k not in known}
    todo = sorted(first.values(), key=lambda i: len(texts[i]))
    for start in range(0, len(todo), chunk):
        rows = todo[start : start + chunk]
        vecs = embedder.encode([texts[i] for i in rows])
        new_keys = [keys[i] for i in rows]
        known.update(zip(new_keys, vecs, strict=True))
        if cache is not None:
            cache.add(new_keys, vecs)
        if progress:
            progress("embed", min(start + chunk, len(todo)), len(todo))
    return len(todo)


def _fold_metric(metric: str) -> str:
    """A fact's canonical metric: normalised (R&D → r&d) before the synonym table folds it."""
    return canonicalize(normalize(metric))


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
) -> BuildReport:
    """Make ``index_dir`` hold exactly the documents under ``paths``
    (``folders``: see :func:`read_documents`).

    New and changed documents are added, removed ones dropped, unchanged
    text is not embedded again. Files that cannot be read are reported in
    :attr:`BuildReport.skipped`; the rest is indexed.

    Raises:
        NotAnIndexError: ``index_dir`` holds something that is not an index.
        EmptyCorpusError: no document was read and the index holds documents
            (unless ``allow_empty``).
    """
    started = time.perf_counter()
    store.check_replaceable(index_dir.resolve())  # before any work: never replace a non-index
    docs, skipped = read_documents(paths, progress, folders=folders)
    with store.writer_lock(index_dir):
        if not docs and not allow_empty:
            _refuse_empty(index_dir, embedder, skipped)
        report = write_index(
            docs,
            index_dir,
            embedder,
            tokenizer=tokenizer,
            skipped=skipped,
            progress=progress,
            started=started,
            backend=backend,
        )
    return replace(report, unread=unread_pages(docs))


def _refuse_empty(index_dir: Path, embedder: Embedder, skipped: list[Skipped]) -> None:
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
) -> BuildReport:
    """Add (or replace, by doc id) documents in an existing index, keeping the rest
    (``folders``: see :func:`read_documents`)."""
    started = time.perf_counter()
    docs, skipped = read_documents(paths, progress, folders=folders)
    return replace_documents(
        docs,
        index_dir,
        embedder,
        skipped=skipped,
        progress=progress,
        started=started,
        backend=backend,
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
) -> BuildReport:
    """Put parsed documents into an existing index in place of those of the same ids,
    keeping the rest (a metadata correction: nothing is embedded again when only the
    title, issuer, region, date or years changed)."""
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
        )
    return replace(report, unread=unread_pages(docs))


def remove_documents(
    doc_ids: list[str],
    index_dir: Path,
    embedder: Embedder,
    *,
    backend: BackendConfig | None = None,
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
        return write_index(kept, index_dir, embedder, tokenizer=current.tokenizer, backend=backend)


def push_to_milvus(
    index_dir: Path, backend: BackendConfig, *, progress: Progress | None = None
) -> BuildReport:
    """Write the index's stored passages and vectors to a new Milvus collection and
    name it in the index; no document is read, tokenised or embedded again
    (moving an existing folder index to Milvus).

    Raises:
        IndexNotFoundError, IndexFormatError: no usable index at ``index_dir``.
        BackendError: Milvus refused the collection (the index is left as it was).
    """
    started = time.perf_counter()
    with store.writer_lock(index_dir):
        current = store.load(index_dir, tokens=True)
        docs = list(current.documents.values())
        manifest = {k: v for k, v in current.manifest.items() if k not in _MANIFEST_OWN}
        with _publishing(backend, index_dir, manifest, _version_data(current), None, progress):
            store.save_loaded(index_dir, current, manifest)
    n = len(current.passages)
    return BuildReport(
        str(index_dir), len(docs), n, 0, n, (), round(time.perf_counter() - started, 2)
    )


# What store.save and the backend write into a manifest themselves.
_MANIFEST_OWN = ("format_version", "package_version", "files", milvus_store.MANIFEST_KEY)


def _existing(index_dir: Path, embedder: Embedder) -> store.Index:
    return store.load(index_dir, model_id=embedder.model_id, tokens=True)
