"""The index: plain files in a versioned folder, swapped in atomically, checked on load.

Files of one version (see :mod:`index.layout` for the folder around them)::

    manifest.json      format version, package version, model id, corpus hash, build
                       params, and the size and sha256 of every other file ("files")
    documents.jsonl    one Document per line (metadata, sections, original text)
    passages.jsonl     one Passage per line, plus the keys (text hashes) of what was indexed
    tokens.jsonl       BM25 tokens of each passage (reused when re-indexing)
    vectors.npy        float32 embeddings, one row per passage (absent while the manifest
                       says the dense part is pending: see index.manifest.DenseState)
    bm25_*.npy, vocab.json   the sparse BM25 weight matrix
    abbreviations.json short forms the documents define ("以下简称…")
    facts.jsonl        one corpus.facts.Fact per line: every figure of every document
    lists.jsonl        one enumeration per line: {"doc_id", and corpus.enumerations.Enumeration}

No pickle anywhere: arrays load with ``allow_pickle=False``. Every file is
checked against its checksum and its shape when read; a format 3 index
(flat folder, no checksums) is read with the shape checks only.
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from corpus.enumerations import Enumeration
from corpus.errors import (
    IndexFormatError,
    ModelMismatchError,
    NotAnIndexError,
)
from corpus.model import Document, Fact, Passage
from corpus.version import VERSION
from index import checksum, files, ivf, layout, pq
from index.bm25 import BM25
from index.dense import DenseIndex
from index.ivf import Ivf
from index.manifest import (
    FORMAT_VERSION,
    DenseState,
    dense_state,
    manifest_at,
    required,
    retrying,
)
from index.manifest import (  # re-exported: callers read them as store.X
    change_stamp as change_stamp,
)
from index.manifest import (
    default_index_dir as default_index_dir,
)
from index.manifest import (
    read_checked as read_checked,
)
from index.manifest import (
    read_manifest as read_manifest,
)
from index.pq import PqScan
from index.tables import LAZY, Tables

PACKAGE_VERSION = VERSION


@dataclass
class Index:
    """A loaded index: documents, passages, BM25 and dense search.

    From a format 6 index, ``documents`` and ``passages`` are read from store.sqlite
    when asked for and the arrays are memory-mapped; older formats are read whole.
    """

    manifest: dict[str, Any]
    documents: Mapping[str, Document]
    passages: Sequence[Passage]
    tokens: list[list[str]] | None  # None unless loaded for re-indexing
    keys: Sequence[str]
    dense_keys: Sequence[str]
    vectors: np.ndarray
    bm25: BM25
    abbreviations: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None
    pinned: dict[str, checksum.Pinned] = field(default_factory=dict, repr=False)
    doc_rows: Mapping[str, Sequence[int]] = field(default_factory=dict)
    ivf: Ivf | None = field(default=None, repr=False)
    pq: PqScan | None = field(default=None, repr=False)
    dense: DenseIndex = field(init=False)

    def __post_init__(self) -> None:
        self.dense = DenseIndex(self.vectors, self.ivf, pq=self.pq)
        if not self.doc_rows:
            rows: dict[str, list[int]] = {}
            for row, p in enumerate(self.passages):
                rows.setdefault(p.doc_id, []).append(row)
            self.doc_rows = rows
        # A store read lazily says when it was parsed whole; other formats are read whole.
        self.tables = Tables(
            self.pinned,
            lambda: getattr(self.documents, "parsed_whole", True),
            getattr(self.documents, "line_spans", None),  # format 6 written since: else None
        )

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every figure of every document (read from facts.jsonl on first use)."""
        return self.tables.facts

    @property
    def lists(self) -> dict[str, tuple[Enumeration, ...]]:
        """Enumerations by document id (read from lists.jsonl on first use)."""
        return self.tables.lists

    def warm(self) -> None:
        """Parse now what a process asking many questions parses at its first few (a small
        store's documents, then its figures and lists): a server's or a benchmark's
        questions then never wait for it. A large store stays read a document at a time."""
        parse_whole = getattr(self.documents, "parse_whole", None)
        if parse_whole is not None:
            parse_whole()
        self.tables.parse_whole()

    def facts_of(self, doc_id: str) -> tuple[Fact, ...]:
        """The figures of one document, in file order (:meth:`Tables.facts_of`)."""
        return self.tables.facts_of(doc_id)

    def facts_holding(self, needles: tuple[str, ...]) -> tuple[Fact, ...]:
        """The figures whose stored line holds every needle (:meth:`Tables.facts_holding`)."""
        return self.tables.facts_holding(needles)

    def facts_valued(self, value: str) -> tuple[Fact, ...]:
        """The figures whose value is ``value``, in file order."""
        return self.tables.facts_valued(value)

    def facts_valued_best(
        self, values: Sequence[str], rank: Callable[[str], float], top: int
    ) -> list[Fact]:
        """The ``top`` figures of ``values`` best ranked by their metric
        (:meth:`Tables.facts_valued_best`)."""
        return self.tables.facts_valued_best(values, rank, top)

    def lists_of(self, doc_id: str) -> tuple[Enumeration, ...]:
        """The enumerations of one document."""
        return self.tables.lists_of(doc_id)

    def naming(self, phrases: Sequence[str]) -> set[str]:
        """Ids of the documents whose matching form (``Document.norm``) holds one of
        ``phrases`` word for word (a format 6 store answers without parsing any)."""
        naming = getattr(self.documents, "naming", None)
        if naming is not None:
            return set(naming(phrases))
        return {d for d, doc in self.documents.items() if any(p in doc.norm for p in phrases)}

    def passages_at(self, rows: Sequence[int]) -> list[Passage]:
        """The passages of ``rows`` (a format 6 store reads those not at hand in one query)."""
        many = getattr(self.passages, "many", None)
        return many(rows) if many is not None else [self.passages[r] for r in rows]

    def document_heads(self) -> Iterator[Document]:
        """Every document for its metadata, text and sections (from a format 6 store, in one
        read, without passages)."""
        heads = getattr(self.documents, "heads", None)
        return heads() if heads is not None else iter(self.documents.values())

    @property
    def heads(self) -> Mapping[str, Document]:
        """The documents by id for their metadata, text and sections: from a format 6 store,
        each read from its row alone, without its passages; else the documents."""
        heads = getattr(self.documents, "heads_view", None)
        return heads if heads is not None else self.documents

    def passages_covering(self, doc_id: str, offsets: Collection[int]) -> list[Passage]:
        """The passages of a document that hold one of ``offsets``, in text order (from a
        format 6 store: only those read, the document not parsed)."""
        covering = getattr(self.documents, "covering", None)
        if covering is not None:
            return self.passages_at(covering(doc_id, offsets))
        out = []
        for row in self.doc_rows.get(doc_id, []):
            p = self.passages[row]
            if any(p.start <= at < p.end for at in offsets):
                out.append(p)
        return out

    def document_years(self) -> dict[str, tuple[int, ...]]:
        """Every document's years (from a format 6 store without reading the documents)."""
        years = getattr(self.documents, "years", None)
        if years is not None:
            found: dict[str, tuple[int, ...]] = years()
            return found
        return {d: tuple(doc.years) for d, doc in self.documents.items()}

    def document_issued(self) -> dict[str, int | None]:
        """Every document's year of issue (from a format 6 store without reading them)."""
        issued = getattr(self.documents, "issued", None)
        if issued is not None:
            found: dict[str, int | None] = issued()
            return found
        return {d: doc.issued for d, doc in self.documents.items()}

    def document_names(self, opening: int) -> list[tuple[str, str, str, str, str]]:
        """Every document's id, title, issuer, first ``opening`` characters of ``norm`` and
        region (from a format 6 store in one read, no document parsed)."""
        heads = getattr(self.documents, "name_heads", None)
        if heads is not None:
            found: list[tuple[str, str, str, str, str]] = heads(opening)
            return found
        docs = self.documents.items()
        return [(d, doc.title, doc.issuer, doc.norm[:opening], doc.region) for d, doc in docs]

    def document_head(self, doc_id: str) -> Document:
        """A document for its metadata, text and sections: from a format 6 store, its row
        alone, without its passages (``passages`` empty); else the document.

        Raises:
            KeyError: no document of this id.
        """
        head = getattr(self.documents, "head", None)
        return head(doc_id) if head is not None else self.documents[doc_id]

    @property
    def model_id(self) -> str:
        return str(self.manifest.get("model_id", ""))

    @property
    def dense_pending(self) -> bool:
        """The version was written before its embeddings: no vectors, BM25 search only."""
        return dense_state(self.manifest) is DenseState.PENDING

    @property
    def tokenizer(self) -> str:
        """The BM25 tokenizer the index was built with (queries must use the same)."""
        return str(self.manifest.get("params", {}).get("tokenizer", "jieba_search"))


@contextmanager
def writer_lock(folder: Path) -> Iterator[None]:
    """Hold the index's writer lock: one build, add or remove at a time, across processes.

    The lock is ``.<name>.lock`` beside the index folder (kept, it is ours); a
    second writer waits until the first has swapped its index in, then reads
    that one. Temporary folders a killed build left behind are removed here,
    where no other build of this index can be running.
    """
    folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            layout.remove_leftovers(folder)
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def check_replaceable(folder: Path) -> None:
    """Refuse to replace anything but a policyqa index (or an empty or new folder).

    Raises:
        NotAnIndexError: ``folder`` is a file, or a folder with files but no
            manifest of a policyqa index; nothing is touched.
    """
    if not folder.exists():
        return
    if not folder.is_dir():
        raise NotAnIndexError(
            f"{folder} is a file, not an index folder; nothing was changed "
            "(choose a new or empty folder for --index-dir)"
        )
    if not any(folder.iterdir()) or layout.is_index(folder):
        return
    raise NotAnIndexError(
        f"{folder} holds files but is not a policyqa index (no index manifest.json); "
        "refusing to replace it, nothing was changed "
        "(choose a new or empty folder for --index-dir)"
    )


def save(
    folder: Path,
    *,
    documents: list[Document],
    passages: Sequence[Passage],
    tokens: Sequence[Sequence[str]],
    keys: Sequence[str],
    dense_keys: Sequence[str],
    vectors: np.ndarray,
    bm25: BM25,
    manifest: dict[str, Any],
    abbreviations: dict[str, str] | None = None,
    facts: list[Fact] | None = None,
    lists: dict[str, tuple[Enumeration, ...]] | None = None,
) -> str:
    """Write an index as a new version and swap it in atomically; returns its name.

    Every file goes to a temporary folder inside the index folder, the
    manifest (with every file's checksum) last; the folder is then renamed
    to the next version and the pointer replaced (:func:`index.layout.publish`).
    A save killed at any point leaves the previous index or the new one.
    ``abbreviations`` (short forms the documents define) go to abbreviations.json.
    A ``manifest`` whose dense part is pending gets no vectors (``vectors`` is unused).
    """
    folder = folder.resolve()
    check_replaceable(folder)
    tmp = layout.new_version_dir(folder)
    try:
        if [p.pid for p in passages] != [p.pid for d in documents for p in d.passages]:
            raise ValueError("passages must be the documents' own, in their order")
        files.write_version(
            tmp,
            documents=documents,
            tokens=tokens,
            keys=keys,
            dense_keys=dense_keys,
            vectors=vectors,
            bm25=bm25,
            facts=facts or [],
            lists=lists or {},
            abbreviations=abbreviations or {},
            pending=dense_state(manifest) is DenseState.PENDING,
        )
        full = {"format_version": FORMAT_VERSION, "package_version": PACKAGE_VERSION, **manifest}
        full["files"] = checksum.record(tmp)
        files.write_json(tmp / "manifest.json", full, indent=2)
        return layout.publish(folder, tmp)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def save_loaded(folder: Path, index: Index, manifest: dict[str, Any]) -> None:
    """Save a loaded index (loaded with ``tokens=True``) again as it is, under ``manifest``."""
    save(
        folder,
        documents=list(index.documents.values()),
        passages=index.passages,
        tokens=index.tokens or [],
        keys=index.keys,
        dense_keys=index.dense_keys,
        vectors=index.vectors,
        bm25=index.bm25,
        manifest=manifest,
        abbreviations=index.abbreviations,
        facts=list(index.facts),
        lists=index.lists,
    )


def load(
    folder: Path, *, model_id: str | None = None, tokens: bool = False, vectors: bool = True
) -> Index:
    """Load an index folder.

    A save running meanwhile never shows half-done: the version the pointer
    names is read whole, or read again from the start if a save replaced it.

    Args:
        folder: the index folder.
        model_id: when given, the model the caller will embed queries with;
            it must be the one the index was built with.
        tokens: also load the BM25 tokens of every passage (only re-indexing
            needs them; answering questions does not).
        vectors: load the embeddings (not needed when a Milvus collection
            holds them; the index's ``vectors`` is then empty).

    Raises:
        IndexNotFoundError, IndexFormatError, ModelMismatchError.
    """
    return retrying(folder, lambda where: _load_at(folder, where, model_id, tokens, vectors))


def _load_at(
    folder: Path, where: layout.Where, model_id: str | None, tokens: bool, vectors: bool
) -> Index:
    manifest = manifest_at(where)
    if model_id is not None and manifest.get("model_id") != model_id:
        raise ModelMismatchError(
            f"index at {folder} was built with model {manifest.get('model_id')!r} but "
            f"{model_id!r} is configured; rebuild the index or set POLICYQA_MODEL"
        )
    data = where.data
    version = manifest["format_version"]
    expected = manifest.get("files", {}) if version >= 4 else {}
    vectors = vectors and dense_state(manifest) is DenseState.COMPLETE
    skip = {*LAZY, *(() if tokens else ("tokens.jsonl",)), *(() if vectors else ("vectors.npy",))}
    if not vectors:
        skip.update((*ivf.FILES, *pq.FILES))
    eager = [n for n in required(version)[1:] if n not in skip]
    if version >= 6:
        eager += [n for n in (*ivf.FILES, *pq.FILES) if n in expected and n not in skip]
    read = files.read_parts6 if version >= 6 else files.read_parts
    try:
        with checksum.Verifier(data, expected, [*eager, "abbreviations.json"], _hash_max(version)):
            parts = read(data, manifest, tokens, vectors)
        hash_max = _hash_max(version)
        pinned = {n: checksum.Pinned(data / n, expected.get(n), hash_max) for n in LAZY}
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexFormatError(
            f"index at {data} is unreadable ({exc}); rebuild it with `policyqa index`"
        ) from exc
    return Index(
        manifest,
        parts.documents,
        parts.passages,
        parts.tokens,
        parts.keys,
        parts.dense_keys,
        parts.vectors,
        parts.bm25,
        parts.abbreviations,
        folder,
        pinned,
        parts.doc_rows or {},
        parts.dense_ivf,
        parts.dense_pq,
    )


@dataclass(frozen=True)
class LoadConfig:
    """What a load checks.

    Attributes:
        hash_max_bytes: a format 6 file up to this size is hashed in full at load (on a
            second thread); a larger one (the arrays and store of a large index, memory-
            mapped and read a page at a time) is checked by its size and its shape: hashing
            gigabytes at every start would cost seconds. Older formats hash every file.
            The same holds for facts.jsonl and lists.jsonl, checked when first read
            (facts.jsonl is 437 MB at 1M passages: 0.8 s of hashing for a question).
    """

    hash_max_bytes: int = 256 << 20


def _hash_max(version: int) -> int | None:
    return LoadConfig().hash_max_bytes if version >= 6 else None
