"""The index folder: plain files, written atomically, checked on load.

Layout::

    manifest.json      format version, package version, model id, corpus hash, build params
    documents.jsonl    one Document per line (metadata, sections, original text)
    passages.jsonl     one Passage per line, plus the keys (text hashes) of what was indexed
    tokens.jsonl       BM25 tokens of each passage (reused when re-indexing)
    vectors.npy        float32 embeddings, one row per passage
    bm25_*.npy, vocab.json   the sparse BM25 weight matrix
    abbreviations.json short forms the documents define ("以下简称…")
    facts.jsonl        one corpus.facts.Fact per line: every figure of every document
    lists.jsonl        one enumeration per line: {"doc_id", and corpus.enumerations.Enumeration}

No pickle anywhere: arrays load with ``allow_pickle=False``.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from corpus.enumerations import Enumeration, enumeration_from_json
from corpus.errors import (
    IndexFormatError,
    IndexNotFoundError,
    ModelMismatchError,
    NotAnIndexError,
)
from corpus.facts import Fact, fact_from_json, fact_to_json
from corpus.model import Document, Passage, Section
from corpus.normalize import normalize
from index.bm25 import BM25
from index.dense import DenseIndex

# 2: passages carry the key of their dense text (shared embedding cache).
# 3: facts.jsonl (figures table) and lists.jsonl (enumerations).
FORMAT_VERSION = 3
PACKAGE_VERSION = "0.1.0"
_REQUIRED = (
    "manifest.json",
    "documents.jsonl",
    "passages.jsonl",
    "tokens.jsonl",
    "vectors.npy",
    "facts.jsonl",
    "lists.jsonl",
)


def default_index_dir() -> Path:
    """``$POLICYQA_INDEX_DIR``, else ``.policyqa-index`` in the working directory."""
    return Path(os.environ.get("POLICYQA_INDEX_DIR") or ".policyqa-index")


@dataclass
class Index:
    """A loaded index: documents, passages, BM25 and dense search."""

    manifest: dict[str, Any]
    documents: dict[str, Document]
    passages: list[Passage]
    tokens: list[list[str]] | None  # None unless loaded for re-indexing
    keys: list[str]
    dense_keys: list[str]
    vectors: np.ndarray
    bm25: BM25
    abbreviations: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None
    dense: DenseIndex = field(init=False)

    def __post_init__(self) -> None:
        self.dense = DenseIndex(self.vectors)
        self.doc_rows: dict[str, list[int]] = {}
        for row, p in enumerate(self.passages):
            self.doc_rows.setdefault(p.doc_id, []).append(row)
        self._facts: tuple[Fact, ...] | None = None
        self._lists: dict[str, tuple[Enumeration, ...]] | None = None

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every figure of every document (read from facts.jsonl on first use)."""
        if self._facts is None:
            rows = self._rows("facts.jsonl")
            self._facts = tuple(fact_from_json(r) for r in rows)
        return self._facts

    @property
    def lists(self) -> dict[str, tuple[Enumeration, ...]]:
        """Enumerations by document id (read from lists.jsonl on first use)."""
        if self._lists is None:
            found: dict[str, list[Enumeration]] = {}
            for r in self._rows("lists.jsonl"):
                found.setdefault(r.pop("doc_id"), []).append(enumeration_from_json(r))
            self._lists = {k: tuple(v) for k, v in found.items()}
        return self._lists

    def _rows(self, name: str) -> list[Any]:
        if self.folder is None:
            return []
        try:
            return _read_jsonl(self.folder / name)
        except (OSError, ValueError) as exc:
            raise IndexFormatError(
                f"index file {self.folder / name} is unreadable ({exc}); "
                "rebuild it with `policyqa index`"
            ) from exc

    @property
    def model_id(self) -> str:
        return str(self.manifest.get("model_id", ""))

    @property
    def tokenizer(self) -> str:
        """The BM25 tokenizer the index was built with (queries must use the same)."""
        return str(self.manifest.get("params", {}).get("tokenizer", "jieba_search"))


def _doc_to_json(doc: Document) -> dict[str, Any]:
    data = asdict(doc)
    data.pop("passages")
    data.pop("norm")
    return data


def _doc_from_json(data: dict[str, Any], passages: tuple[Passage, ...]) -> Document:
    sections = tuple(Section(**{**s, "path": tuple(s["path"])}) for s in data.pop("sections", []))
    data["years"] = tuple(data.get("years", ()))
    return Document(**data, norm=normalize(data["text"]), sections=sections, passages=passages)


def _write_jsonl(path: Path, rows: list[Any]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False))
            fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())


def _read_jsonl(path: Path) -> list[Any]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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
            for stale in folder.parent.glob(f".{folder.name}.tmp-*"):
                shutil.rmtree(stale, ignore_errors=True)
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
    if not any(folder.iterdir()):
        return
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or "format_version" not in manifest:
        raise NotAnIndexError(
            f"{folder} holds files but is not a policyqa index (no index manifest.json); "
            "refusing to replace it, nothing was changed "
            "(choose a new or empty folder for --index-dir)"
        )


def save(
    folder: Path,
    *,
    documents: list[Document],
    passages: list[Passage],
    tokens: list[list[str]],
    keys: list[str],
    dense_keys: list[str],
    vectors: np.ndarray,
    bm25: BM25,
    manifest: dict[str, Any],
    abbreviations: dict[str, str] | None = None,
    facts: list[Fact] | None = None,
    lists: dict[str, tuple[Enumeration, ...]] | None = None,
) -> None:
    """Write an index atomically.

    Everything goes to a temporary sibling folder first, ``manifest.json``
    last; the finished folder then replaces the old one by rename, so a
    build killed half-way leaves the previous index usable.
    """
    folder = folder.resolve()
    check_replaceable(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.tmp-", dir=folder.parent))
    try:
        _write_jsonl(tmp / "documents.jsonl", [_doc_to_json(d) for d in documents])
        _write_jsonl(
            tmp / "passages.jsonl",
            [
                {**asdict(p), "key": k, "dense_key": dk}
                for p, k, dk in zip(passages, keys, dense_keys, strict=True)
            ],
        )
        _write_jsonl(tmp / "tokens.jsonl", tokens)
        _write_jsonl(tmp / "facts.jsonl", [fact_to_json(f) for f in facts or []])
        _write_jsonl(
            tmp / "lists.jsonl",
            [
                {"doc_id": doc_id, **asdict(en)}
                for doc_id, found in (lists or {}).items()
                for en in found
            ],
        )
        np.save(tmp / "vectors.npy", np.asarray(vectors, dtype=np.float32), allow_pickle=False)
        m = bm25.matrix.tocsc()
        np.save(tmp / "bm25_data.npy", m.data, allow_pickle=False)
        np.save(tmp / "bm25_indices.npy", m.indices, allow_pickle=False)
        np.save(tmp / "bm25_indptr.npy", m.indptr, allow_pickle=False)
        np.save(tmp / "bm25_shape.npy", np.asarray(m.shape, dtype=np.int64), allow_pickle=False)
        (tmp / "vocab.json").write_text(
            json.dumps(bm25.vocab, ensure_ascii=False), encoding="utf-8"
        )
        full = {"format_version": FORMAT_VERSION, "package_version": PACKAGE_VERSION, **manifest}
        (tmp / "manifest.json").write_text(
            json.dumps(full, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        old = folder.parent / f".{folder.name}.old-{os.getpid()}"
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _recover(folder: Path) -> None:
    """Put back the previous index if a build died between its two renames."""
    if folder.exists():
        return
    olds = sorted(folder.parent.glob(f".{folder.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and (olds[-1] / "manifest.json").is_file():
        olds[-1].rename(folder)


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of an index folder, checked for format version.

    Raises:
        IndexNotFoundError: no index there.
        IndexFormatError: incomplete, corrupt, or another format version.
    """
    _recover(folder)
    if not folder.is_dir():
        raise IndexNotFoundError(
            f"no index at {folder}: build one with `policyqa index [PATH ...] --index-dir {folder}`"
        )
    missing = [n for n in _REQUIRED if not (folder / n).is_file()]
    if missing:
        raise IndexFormatError(
            f"index at {folder} is incomplete (missing {', '.join(missing)}); "
            "rebuild it with `policyqa index`"
        )
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IndexFormatError(f"index manifest at {folder} is unreadable: {exc}") from exc
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexFormatError(
            f"index at {folder} has format version {version}, "
            f"this policyqa reads {FORMAT_VERSION}; "
            "rebuild it with `policyqa index`"
        )
    return dict(manifest)


def load(folder: Path, *, model_id: str | None = None, tokens: bool = False) -> Index:
    """Load an index folder.

    Args:
        folder: the index folder.
        model_id: when given, the model the caller will embed queries with;
            it must be the one the index was built with.
        tokens: also load the BM25 tokens of every passage (only re-indexing
            needs them; answering questions does not).

    Raises:
        IndexNotFoundError, IndexFormatError, ModelMismatchError.
    """
    manifest = read_manifest(folder)
    if model_id is not None and manifest.get("model_id") != model_id:
        raise ModelMismatchError(
            f"index at {folder} was built with model {manifest.get('model_id')!r} but "
            f"{model_id!r} is configured; rebuild the index or set POLICYQA_MODEL"
        )
    try:
        rows = _read_jsonl(folder / "passages.jsonl")
        keys = [r.pop("key") for r in rows]
        dense_keys = [r.pop("dense_key") for r in rows]
        passages = [Passage(**r) for r in rows]
        token_lists = _read_jsonl(folder / "tokens.jsonl") if tokens else None
        by_doc: dict[str, list[Passage]] = {}
        for p in passages:
            by_doc.setdefault(p.doc_id, []).append(p)
        documents = {
            d["doc_id"]: _doc_from_json(d, tuple(by_doc.get(d["doc_id"], [])))
            for d in _read_jsonl(folder / "documents.jsonl")
        }
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
        shape = tuple(int(x) for x in np.load(folder / "bm25_shape.npy", allow_pickle=False))
        matrix = sparse.csc_matrix(
            (
                np.load(folder / "bm25_data.npy", allow_pickle=False),
                np.load(folder / "bm25_indices.npy", allow_pickle=False),
                np.load(folder / "bm25_indptr.npy", allow_pickle=False),
            ),
            shape=shape,
        )
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        abbrev_file = folder / "abbreviations.json"
        abbreviations = (
            json.loads(abbrev_file.read_text(encoding="utf-8")) if abbrev_file.is_file() else {}
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexFormatError(
            f"index at {folder} is corrupt ({exc}); rebuild it with `policyqa index`"
        ) from exc
    if (
        len(passages) != len(vectors)
        or (token_lists is not None and len(passages) != len(token_lists))
        or shape[0] != len(passages)
    ):
        raise IndexFormatError(
            f"index at {folder} is inconsistent; rebuild it with `policyqa index`"
        )
    return Index(
        manifest,
        documents,
        passages,
        token_lists,
        keys,
        dense_keys,
        vectors,
        BM25(matrix, vocab),
        abbreviations,
        folder,
    )
