"""Writing an index from parsed documents: BM25 first, then the embeddings.

:func:`write_index` tokenises the passages (reusing the previous index's tokens), then,
when many passages still need embedding, saves a version whose dense part is pending
(documents, passages, BM25, facts and lists: searchable by BM25 at once), embeds, and
completes it (:mod:`index.dense_part`). Otherwise, and always with a Milvus backend,
it embeds first and saves once.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from corpus.enumerations import Enumeration
from corpus.errors import PolicyQAError
from corpus.model import Document, Fact
from index import dense_part, milvus_store, milvus_sync, store
from index.abbrev import mine_abbreviations
from index.backend import Backend, BackendConfig
from index.backends import EmbedConfig
from index.bm25 import BM25, BM25Params
from index.cache import EmbeddingCache
from index.derive import Derived, dense_text, derived_all, passage_text, tokens_for
from index.embed import Embedder, text_key
from index.manifest import DENSE_KEY, DenseState
from index.pool import PoolConfig
from index.reading import Skipped, Unread

Progress = Callable[[str, int, int], None]
SEARCHABLE = "searchable"  # progress stage: the pending version is saved (done: passages to embed)


@dataclass(frozen=True)
class BuildConfig:
    """How a build writes its index.

    Attributes:
        bm25_first: save a pending version (searchable by BM25) before embedding.
        bm25_first_min: ... when at least this many passages need embedding (one
            encode chunk, about half a minute of CPU); fewer are embedded before the
            one save, so a small update never leaves the index without dense search.
        pool: worker processes for parsing and tokenising (:mod:`index.pool`).
    """

    bm25_first: bool = True
    bm25_first_min: int = EmbedConfig.build_chunk
    pool: PoolConfig = field(default_factory=PoolConfig)


@dataclass(frozen=True)
class BuildReport:
    """What a build did; ``unread``: documents read by this build with pages that gave no
    text; ``searchable_seconds``: when its documents were searchable by BM25 (the pending
    version saved), None when the index was saved once, embeddings and all."""

    index_dir: str
    n_documents: int
    n_passages: int
    embedded: int
    reused: int
    skipped: tuple[Skipped, ...]
    seconds: float
    unread: tuple[Unread, ...] = ()
    searchable_seconds: float | None = None


@dataclass(frozen=True)
class Built:
    """What an index version is written from once every passage is tokenised and embedded
    (rows in the order of the documents' passages); ``dense_pending``: not embedded yet
    (``vectors`` is then empty, of the model's dimension)."""

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
    dense_pending: bool = False


def previous(index_dir: Path, model_id: str) -> store.Index | None:
    try:
        return store.load(index_dir, model_id=model_id, tokens=True)
    except PolicyQAError:
        return None


def _previous_manifest(index_dir: Path) -> dict[str, Any] | None:
    try:
        return store.read_manifest(index_dir)
    except PolicyQAError:
        return None


def publishing(
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
    before = None if prev is None else version_data(prev).signatures()
    return milvus_store.published(
        backend,
        index_dir,
        prev.manifest if prev is not None else _previous_manifest(index_dir),
        manifest,
        new,
        before=before,
        progress=progress,
    )


def version_data(index: store.Index) -> milvus_sync.VersionData:
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


def _known_vectors(
    prev: store.Index | None, dkeys: list[str], cache: EmbeddingCache | None
) -> dict[str, np.ndarray]:
    """The vectors already made of ``dkeys``: the previous index's, then the cache's."""
    known: dict[str, np.ndarray] = {}
    if prev is not None and not prev.dense_pending:
        known.update(zip(prev.dense_keys, prev.vectors, strict=True))
    if cache is not None:
        for k in set(dkeys) - known.keys():
            vec = cache.get(k)
            if vec is not None:
                known[k] = vec
    return known


def _unembedded(
    documents: list[Document],
    prev: store.Index | None,
    embedder: Embedder,
    tokenizer: str,
    derived: Mapping[str, Derived] | None,
    config: BuildConfig,
    progress: Progress | None,
) -> tuple[Built, list[str]]:
    """The version of ``documents`` before embedding (its dense part pending; tokens of
    texts ``prev`` holds taken from it) and the texts the model is to embed, row by row."""
    known_tokens: dict[str, list[str]] = {}
    # Every index of this format records its tokenizer in the manifest's params.
    if prev is not None and prev.tokens is not None and prev.tokenizer == tokenizer:
        known_tokens = dict(zip(prev.keys, prev.tokens, strict=True))
    passages = [p for d in documents for p in d.passages]
    texts = [passage_text(p) for p in passages]
    keys = [text_key(t) for t in texts]
    tokens = tokens_for(texts, keys, known_tokens, tokenizer, progress, config.pool)
    dtexts = [dense_text(p) for p in passages]
    extra = derived_all(documents, derived)
    built = Built(
        documents=documents,
        tokens=tokens,
        keys=keys,
        dense_keys=[text_key(t) for t in dtexts],
        vectors=np.zeros((0, embedder.dim), dtype=np.float32),
        model_id=embedder.model_id,
        tokenizer=tokenizer,
        abbreviations=mine_abbreviations(d.text for d in documents),
        facts=[f for d in documents for f in extra[d.doc_id].facts],
        lists={d.doc_id: extra[d.doc_id].lists for d in documents},
        dense_pending=True,
    )
    return built, dtexts


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
    derived: Mapping[str, Derived] | None = None,
    config: BuildConfig | None = None,
) -> BuildReport:
    """Index ``documents`` into ``index_dir``, replacing what was there.

    Embeddings and tokens of passages whose indexed text is unchanged are
    taken from the previous index or the machine's embedding cache (keyed
    by the hash of that text), so re-indexing embeds only new or changed
    text. ``use_cache=False`` keeps the shared cache out (tests). With a
    Milvus ``backend`` the passages also go to a new collection, switched to
    with the folder index (see :mod:`index.milvus_store`). ``derived``: the
    documents' figures and enumerations where the caller made them while parsing.
    """
    started = time.perf_counter() if started is None else started
    config = config or BuildConfig()
    prev = previous(index_dir, embedder.model_id)
    built, dtexts = _unembedded(documents, prev, embedder, tokenizer, derived, config, progress)
    dkeys = built.dense_keys
    cache = EmbeddingCache(embedder.model_id, dim=embedder.dim) if use_cache else None
    known = _known_vectors(prev, dkeys, cache)
    n = len(dkeys)  # passages, in the documents' order
    missing = len(set(dkeys) - known.keys())
    in_process = backend is None or backend.kind is Backend.IN_PROCESS
    searchable, version = None, ""
    if config.bm25_first and in_process and missing >= max(config.bm25_first_min, 1):
        version = save_built(index_dir, built, progress=progress, prev=prev)
        searchable = round(time.perf_counter() - started, 2)
        if progress:
            progress(SEARCHABLE, missing, n)
    n_embedded = embed_missing(dtexts, dkeys, known, embedder, cache, progress)
    vectors = np.stack([known[k] for k in dkeys]).astype(np.float32) if dkeys else built.vectors
    if searchable is not None:
        dense_part.save_dense(index_dir, version, vectors)
    else:
        done = replace(built, vectors=vectors, dense_pending=False)
        save_built(index_dir, done, backend=backend, progress=progress, prev=prev)
    return BuildReport(
        str(index_dir),
        len(documents),
        n,
        n_embedded,
        n - n_embedded,
        tuple(skipped),
        round(time.perf_counter() - started, 2),
        searchable_seconds=searchable,
    )


def _manifest(built: Built, n_passages: int, params: BM25Params) -> dict[str, Any]:
    """The manifest of ``built`` (store.save adds the format, package and checksums)."""
    corpus_hash = hashlib.sha1(
        "\n".join(sorted(f"{d.doc_id}:{text_key(d.text)}" for d in built.documents)).encode()
    ).hexdigest()
    return {
        "model_id": built.model_id,
        "dim": int(built.vectors.shape[1]),
        "corpus_hash": corpus_hash,
        "n_documents": len(built.documents),
        "n_passages": n_passages,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "params": {
            "tokenizer": built.tokenizer,
            "k1": params.k1,
            "b": params.b,
            "epsilon": params.epsilon,
        },
    }


def save_built(
    index_dir: Path,
    built: Built,
    *,
    backend: BackendConfig | None = None,
    progress: Progress | None = None,
    prev: store.Index | None = None,
) -> str:
    """Make the BM25 weights and the manifest of ``built`` and save it as the index's new
    version (with a Milvus ``backend``, its collection first, updating only the documents
    that differ from ``prev``); returns the version's name."""
    documents = built.documents
    passages = [p for d in documents for p in d.passages]
    params = BM25Params()
    bm25 = BM25.build(built.tokens, params)
    manifest = _manifest(built, len(passages), params)
    if built.dense_pending:
        if backend is not None and backend.kind is not Backend.IN_PROCESS:
            raise ValueError("a Milvus collection is written with its vectors, never pending")
        manifest[DENSE_KEY] = str(DenseState.PENDING)
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
    with publishing(backend, index_dir, manifest, new, prev, progress):
        return store.save(
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
