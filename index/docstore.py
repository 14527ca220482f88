"""Documents, passages and BM25 tokens in one SQLite file, read a row at a time.

``store.sqlite`` (format 6) replaces documents.jsonl, passages.jsonl and tokens.jsonl::

    documents(n INTEGER PRIMARY KEY, doc_id TEXT UNIQUE, first INTEGER, stop INTEGER,
              data TEXT,     -- a Document as JSON without passages and norm;
                             -- its passages are rows first..stop-1
              norm TEXT)     -- its matching form (corpus.normalize), kept: folding a
                             -- long text again costs more than reading it
    passages(row INTEGER PRIMARY KEY, data TEXT, key TEXT, dense_key TEXT)
    tokens(row INTEGER PRIMARY KEY, data TEXT)   -- a JSON list of BM25 tokens

Rows are JSON text (the same objects the JSONL files held), so the file stays
readable with any SQLite client. A version's file never changes once published:
it is opened read-only and immutable (no locks, no journal). A load reads the
documents' row ranges only; a document is parsed, with its passages, when first
asked for, checked as the JSONL files were, and kept in a bounded cache. Which
documents hold a phrase word for word is asked of SQLite (``instr`` over ``norm``), so
a which-document question parses only the documents that name it.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, overload

from corpus.errors import IndexFormatError
from corpus.model import Document, Passage
from index import shapes

NAME = "store.sqlite"
_SCHEMA = (
    "CREATE TABLE documents (n INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE,"
    " first INTEGER NOT NULL, stop INTEGER NOT NULL, data TEXT NOT NULL, norm TEXT NOT NULL)",
    "CREATE TABLE passages (row INTEGER PRIMARY KEY, data TEXT NOT NULL,"
    " key TEXT NOT NULL, dense_key TEXT NOT NULL)",
    "CREATE TABLE tokens (row INTEGER PRIMARY KEY, data TEXT NOT NULL)",
)
_PASSAGE_OWN = ("pid", "doc_id")  # kept in the row as written, checked on read


@dataclass(frozen=True)
class DocStoreConfig:
    """How many parsed documents a loaded index keeps (the rest are read again), and up to
    which size a load parses every document at once.

    Attributes:
        cached_documents: parsed documents kept (least recently used go first).
        eager_passages: a store of at most this many passages, whose documents all fit
            the cache, is parsed whole at load (as formats 3-5 were): read lazily, a
            question paid for the documents it touched first (dev on 51.7k passages:
            p50 +15 %, p95 +60 % over format 5). Larger stores are read lazily.
    """

    cached_documents: int = 2048
    eager_passages: int = 250_000


CONFIG = DocStoreConfig()  # what a load uses


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write(
    path: Path,
    documents: Sequence[Document],
    tokens: Sequence[Sequence[str]],
    keys: Sequence[str],
    dense_keys: Sequence[str],
) -> None:
    """Write the store of ``documents`` (rows: their passages in order) and sync it."""
    from index.files import doc_to_json

    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        for statement in _SCHEMA:
            db.execute(statement)
        row = 0
        for n, doc in enumerate(documents):
            first = row
            rows = []
            for p in doc.passages:
                rows.append((row, _dumps(asdict(p)), keys[row], dense_keys[row]))
                row += 1
            db.executemany("INSERT INTO passages VALUES (?, ?, ?, ?)", rows)
            db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                (n, doc.doc_id, first, row, _dumps(doc_to_json(doc)), doc.norm),
            )
        db.executemany(
            "INSERT INTO tokens VALUES (?, ?)", ((i, _dumps(list(t))) for i, t in enumerate(tokens))
        )
        db.commit()
    finally:
        db.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class DocStore:
    """A version's ``store.sqlite``, open read-only (safe to share between threads).

    The open connection keeps this version's file readable after a later save
    removed its folder, so every row read belongs to the index loaded.

    Raises:
        IndexFormatError: the file is no store of this shape.
    """

    def __init__(self, path: Path, config: DocStoreConfig | None = None):
        self.path = path
        self.config = config or CONFIG
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            ranges = self._db.execute(
                "SELECT doc_id, first, stop FROM documents ORDER BY n"
            ).fetchall()
            (count,) = self._db.execute("SELECT count(*) FROM passages").fetchone()
        except sqlite3.Error as exc:
            raise IndexFormatError(
                f"index file {path} is unreadable ({exc}); rebuild it with `policyqa index`"
            ) from exc
        self.ranges: dict[str, range] = {d: range(a, b) for d, a, b in ranges}
        firsts = [a for _, a, _ in ranges]
        if not _contiguous(ranges, count):
            raise shapes.bad(path, f"{count} passages whose documents do not cover 0..{count}")
        self._firsts = firsts
        self._ids = [d for d, _, _ in ranges]
        self.n_passages = int(count)
        self._cache: OrderedDict[str, Document] = OrderedDict()
        self._every: list[Passage] | None = None  # every passage, when parsed whole
        cfg = self.config
        if count <= cfg.eager_passages and len(ranges) <= cfg.cached_documents:
            self._parse_all()

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        try:
            with self._lock:
                return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise IndexFormatError(
                f"index file {self.path} is unreadable ({exc}); rebuild it with `policyqa index`"
            ) from exc

    def document(self, doc_id: str) -> Document | None:
        """The document (with its passages), None when the index has none of this id."""
        found = self._cache.get(doc_id)
        if found is not None:
            # Each OrderedDict call is atomic; another thread may have evicted it since.
            with contextlib.suppress(KeyError):
                self._cache.move_to_end(doc_id)
            return found
        span = self.ranges.get(doc_id)
        if span is None:
            return None
        doc = self._parse(doc_id, span)
        with self._lock:
            self._cache[doc_id] = doc
            while len(self._cache) > self.config.cached_documents:
                self._cache.popitem(last=False)
        return doc

    def _parse_all(self) -> None:
        """Parse every document into the cache (two reads in row order)."""
        docs = self._rows("SELECT doc_id, data, norm FROM documents ORDER BY n", ())
        passages = self._rows("SELECT data FROM passages ORDER BY row", ())
        every: list[Passage] = []
        for doc_id, data, norm in docs:
            span = self.ranges[doc_id]
            doc = self._checked(
                doc_id, data, norm, [r[0] for r in passages[span.start : span.stop]]
            )
            self._cache[doc_id] = doc
            every.extend(doc.passages)
        self._every = every

    def _parse(self, doc_id: str, span: range) -> Document:
        rows = self._rows("SELECT data, norm FROM documents WHERE doc_id = ?", (doc_id,))
        passages = self._rows(
            "SELECT data FROM passages WHERE row >= ? AND row < ? ORDER BY row",
            (span.start, span.stop),
        )
        return self._checked(doc_id, rows[0][0], rows[0][1], [r[0] for r in passages])

    def _checked(self, doc_id: str, text: str, norm: str, passages: list[str]) -> Document:
        """A document from its stored JSON, its ``norm`` and its passages' JSON, checked."""
        from index.files import doc_from_json

        try:
            data = json.loads(text)
            prows = [json.loads(r) for r in passages]
        except (ValueError, RecursionError) as exc:
            raise shapes.bad(self.path, f"document {doc_id!r}: {exc}") from exc
        shapes.rows(self.path, [data], Document, skip=frozenset({"norm", "passages"}))
        shapes.rows(self.path, prows, Passage)
        try:
            found = tuple(Passage(**r) for r in prows)
            doc = doc_from_json(data, found, norm=norm)
        except (TypeError, KeyError, ValueError) as exc:
            raise shapes.bad(self.path, f"document {doc_id!r}: {exc}") from exc
        if not isinstance(doc.norm, str) or len(doc.norm) != len(doc.text):
            raise shapes.bad(self.path, f"document {doc_id!r}: its norm is not its text's")
        for p in found:
            if p.doc_id != doc_id or not 0 <= p.start <= p.end <= len(doc.text):
                raise shapes.bad(self.path, f"passage {p.pid!r} lies outside its document")
        return doc

    def passage(self, row: int) -> Passage:
        """The passage of a row (through its document)."""
        if self._every is not None:
            return self._every[row]
        at = bisect.bisect_right(self._firsts, row) - 1
        doc_id = self._ids[at]
        doc = self.document(doc_id)
        assert doc is not None
        return doc.passages[row - self.ranges[doc_id].start]

    def naming(self, phrases: Sequence[str]) -> set[str]:
        """Ids of the documents whose matching form (``norm``) holds one of ``phrases``
        (scanned in memory when every document is parsed, else by SQLite)."""
        if self._every is not None:
            docs = self._cache.values()
            return {d.doc_id for d in docs if any(p in d.norm for p in phrases)}
        found: set[str] = set()
        for phrase in phrases:
            sql = "SELECT doc_id FROM documents WHERE instr(norm, ?) > 0"
            found.update(r[0] for r in self._rows(sql, (phrase,)))
        return found

    def column(self, name: str) -> list[str]:
        """Every passage's ``key`` or ``dense_key``, in row order."""
        if name not in ("key", "dense_key"):
            raise ValueError(f"no passage column {name!r}")
        return [r[0] for r in self._rows(f"SELECT {name} FROM passages ORDER BY row", ())]

    def tokens(self) -> list[list[str]]:
        """Every passage's BM25 tokens, in row order (re-indexing reuses them)."""
        rows = self._rows("SELECT data FROM tokens ORDER BY row", ())
        try:
            out = [json.loads(r[0]) for r in rows]
        except (ValueError, RecursionError) as exc:
            raise shapes.bad(self.path, f"tokens: {exc}") from exc
        shapes.token_lists(self.path, out, self.n_passages)
        return out


def document_rows(data: Path, wanted: set[str] | None) -> list[dict[str, Any]]:
    """The stored JSON objects of the documents of ``wanted`` (every one when None) in the
    store of the version folder ``data``, each checked for its shape."""
    path = data / NAME
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            rows = db.execute("SELECT doc_id, data FROM documents ORDER BY n").fetchall()
        finally:
            db.close()
        found = [json.loads(d) for i, d in rows if wanted is None or i in wanted]
    except (sqlite3.Error, ValueError, RecursionError) as exc:
        raise IndexFormatError(
            f"index file {path} is unreadable ({exc}); rebuild it with `policyqa index`"
        ) from exc
    shapes.rows(path, found, Document, skip=frozenset({"norm", "passages"}))
    return found


def _contiguous(ranges: list[tuple[str, int, int]], count: int) -> bool:
    at = 0
    for _, first, stop in ranges:
        if first != at or stop < first:
            return False
        at = stop
    return at == count


class Documents(Mapping[str, Document]):
    """The index's documents by id, parsed from the store when first asked for."""

    def __init__(self, store: DocStore) -> None:
        self._store = store

    def __getitem__(self, doc_id: str) -> Document:
        doc = self._store.document(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ranges)

    def __len__(self) -> int:
        return len(self._store.ranges)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._store.ranges

    def naming(self, phrases: Sequence[str]) -> set[str]:
        """Ids of the documents whose ``norm`` holds one of ``phrases`` (none parsed)."""
        return self._store.naming(phrases)


class Passages(Sequence[Passage]):
    """The index's passages by row, read through their documents."""

    def __init__(self, store: DocStore, n: int) -> None:
        self._store = store
        self._n = n

    @overload
    def __getitem__(self, row: int) -> Passage: ...
    @overload
    def __getitem__(self, row: slice) -> Sequence[Passage]: ...
    def __getitem__(self, row: int | slice) -> Passage | Sequence[Passage]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(self._n))]
        if row < 0:
            row += self._n
        if not 0 <= row < self._n:
            raise IndexError(row)
        return self._store.passage(row)

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Passage]:
        for doc_id in self._store.ranges:
            doc = self._store.document(doc_id)
            assert doc is not None
            yield from doc.passages

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


class Column(Sequence[str]):
    """A passage column (``key`` or ``dense_key``), read whole when first used
    (re-indexing and the Milvus push need them; answering does not)."""

    def __init__(self, store: DocStore, name: str) -> None:
        self._store = store
        self._name = name
        self._values: list[str] | None = None

    def _all(self) -> list[str]:
        if self._values is None:
            self._values = self._store.column(self._name)
        return self._values

    @overload
    def __getitem__(self, row: int) -> str: ...
    @overload
    def __getitem__(self, row: slice) -> Sequence[str]: ...
    def __getitem__(self, row: int | slice) -> str | Sequence[str]:
        return self._all()[row]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
