"""Documents, passages and BM25 tokens in one SQLite file, read a row at a time.

``store.sqlite`` (format 6) replaces documents.jsonl, passages.jsonl and tokens.jsonl::

    documents(n INTEGER PRIMARY KEY, doc_id TEXT UNIQUE, first INTEGER, stop INTEGER,
              data TEXT,     -- a Document as JSON without passages and norm;
                             -- its passages are rows first..stop-1
              norm TEXT)     -- its matching form (corpus.normalize), kept: folding a
                             -- long text again costs more than reading it
    passages(row INTEGER PRIMARY KEY, data TEXT, key TEXT, dense_key TEXT)
    tokens(row INTEGER PRIMARY KEY, data TEXT)   -- a JSON list of BM25 tokens
    doc_grams    -- FTS5 trigram index of documents.norm (index.substrings)
    line_spans   -- where lines of facts.jsonl and lists.jsonl are (index.line_spans)

(the last two written since those modules; a store without them is read as before).
Rows are JSON text (the same objects the JSONL files held), so the file stays
readable with any SQLite client. A version's file never changes once published:
it is opened read-only and immutable (no locks, no journal). A load reads the
documents' row ranges only; a document is parsed, with its passages, when first
asked for, checked as the JSONL files were, and kept in a bounded cache. Which
documents hold a phrase word for word is asked of SQLite (``instr`` over ``norm``), so
a which-document question parses only the documents that name it (through the trigram
index where the store has one).
"""

from __future__ import annotations

import bisect
import contextlib
import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus.errors import IndexFormatError
from corpus.model import Document, Passage
from index import line_spans, shapes, store_rows, substrings
from index.store_columns import WholeColumns

NAME = store_rows.NAME
_BATCH = 500  # rows asked for in one query (SQLite allows 999 parameters and more)
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
    """How much of the store a loaded index keeps parsed, and when it parses all of it.

    A load parses no document: a question reads the rows it needs (its candidate
    passages alone, the metadata and text of their documents without their passages,
    the few documents it quotes whole). A cold ``policyqa ask`` on 51.7k passages so
    skips the ~1 s and ~110 MB that parsing every document at load cost. A process
    that goes on to read many documents (a server, an evaluation) parses a small store
    whole once, and its later questions find everything parsed.

    Attributes:
        cached_documents: parsed documents kept (least recently used go first), and
            as many documents without their passages (:meth:`DocStore.head`).
        cached_passages: passages read alone (of documents not parsed) kept.
        eager_passages: a store of at most this many passages, whose documents all fit
            the cache, is parsed whole once ``parse_all_after`` documents were read one
            at a time, with or without their passages (0: at load). Larger stores are
            always read lazily. The figures and lists of such an index (facts.jsonl,
            lists.jsonl) are then parsed whole too, when at most ``whole_max_bytes``.
        parse_all_after: see ``eager_passages``. One question read at most 180 documents
            (dev, dev2, team3, team5 on samples + corpus-extra, 260 questions each asked
            first: median 108), so a single question never pays for the whole store; a
            process asking more has it parsed at about its fifth question.
        whole_max_bytes: see ``eager_passages`` (51.7k passages: 22 MB of figures, 200k:
            85 MB, parsed whole as the store is; 1M: 437 MB, read a document at a time).
    """

    cached_documents: int = 2048
    cached_passages: int = 65_536
    eager_passages: int = 250_000
    parse_all_after: int = 256
    whole_max_bytes: int = 256 << 20


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

    with store_rows.writing(path) as db:
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
        substrings.write(db)


class DocStore(WholeColumns):
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
            # The last row, not count(*): that reads every page of the table (3 s at 1M
            # passages). Rows are unique keys; a row missing inside is refused when read.
            (last,) = self._db.execute("SELECT max(row) FROM passages").fetchone()
            count = 0 if last is None else last + 1
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
        self._heads: OrderedDict[str, Document] = OrderedDict()  # documents without passages
        self._passages: OrderedDict[int, Passage] = OrderedDict()  # rows read alone
        self._every: list[Passage] | None = None  # every passage, when parsed whole
        self._meta: dict[str, dict[str, Any]] = {}  # every document's value of a key
        cfg = self.config
        self._small = count <= cfg.eager_passages and len(ranges) <= cfg.cached_documents
        self._touched: set[str] = set()  # documents read alone so far
        self._grams = substrings.present(self._rows)  # written since: else scanned
        self.line_spans = line_spans.locator(self._rows)  # facts.jsonl, lists.jsonl
        if self._small and cfg.parse_all_after == 0:
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
        self._keep(self._cache, doc_id, doc, self.config.cached_documents)
        self._heads.pop(doc_id, None)  # the whole document stands in for its head now
        self._touch(doc_id)
        return doc

    def head(self, doc_id: str) -> Document | None:
        """The document without its passages (``passages`` is empty): its metadata, text,
        norm and sections, read from its own row alone. What judging a passage by its
        document needs, for a fraction of the whole document's cost (its ~100 passages
        are most of it). The whole document when it is parsed already."""
        found = self._cache.get(doc_id) or self._heads.get(doc_id)
        if found is not None or doc_id not in self.ranges:
            return found
        rows = self._rows("SELECT data, norm FROM documents WHERE doc_id = ?", (doc_id,))
        head = self._checked(doc_id, rows[0][0], rows[0][1], [])
        self._keep(self._heads, doc_id, head, self.config.cached_documents)
        self._touch(doc_id)
        return head

    def _touch(self, doc_id: str) -> None:
        """Count a document read alone; past ``parse_all_after`` a small store is parsed
        whole (a process that reads many documents: the rest, at once)."""
        with self._lock:
            self._touched.add(doc_id)
            whole = self._small and len(self._touched) == self.config.parse_all_after
        if whole:
            self._parse_all()

    def parse_whole(self) -> bool:
        """Parse every document now, when the store is small enough to be parsed whole (what
        a process reading many documents would do at its fifth question or so); whether
        every document is parsed."""
        if self._small and self._every is None:
            self._parse_all()
        return self._every is not None

    @property
    def parsed_whole(self) -> bool:
        """Whether every document is parsed (at load, or once many were read)."""
        return self._every is not None

    def heads(self) -> Iterator[Document]:
        """Every document without its passages, in store order (one read; none of them
        kept or counted: the indicator table shows every document's title and quotes)."""
        if self._every is not None:
            for doc_id in self._ids:
                doc = self.document(doc_id)
                assert doc is not None  # its range names it
                yield doc
            return
        for doc_id, data, norm in self._rows(
            "SELECT doc_id, data, norm FROM documents ORDER BY n", ()
        ):
            yield self._checked(doc_id, data, norm, [])

    def _keep(self, cache: OrderedDict[Any, Any], key: Any, value: Any, bound: int) -> None:
        with self._lock:
            cache[key] = value
            while len(cache) > bound:
                cache.popitem(last=False)

    def _parse_all(self) -> None:
        """Parse every document into the cache (two reads in row order)."""
        docs = self._rows("SELECT doc_id, data, norm FROM documents ORDER BY n", ())
        passages = self._rows("SELECT data FROM passages ORDER BY row", ())
        if len(passages) != self.n_passages:
            raise shapes.bad(self.path, f"{len(passages)} passage rows of {self.n_passages}")
        every: list[Passage] = []
        for doc_id, data, norm in docs:
            span = self.ranges[doc_id]
            doc = self._checked(
                doc_id, data, norm, [r[0] for r in passages[span.start : span.stop]]
            )
            self._cache[doc_id] = doc
            every.extend(doc.passages)
        self._every = every
        self._heads.clear()  # the documents stand in for their heads and rows now
        self._passages.clear()

    def _parse(self, doc_id: str, span: range) -> Document:
        rows = self._rows("SELECT data, norm FROM documents WHERE doc_id = ?", (doc_id,))
        passages = self._rows(
            "SELECT data FROM passages WHERE row >= ? AND row < ? ORDER BY row",
            (span.start, span.stop),
        )
        if len(passages) != len(span):
            raise shapes.bad(self.path, f"document {doc_id!r}: passage rows missing")
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
            _inside(self.path, p, doc)
        return doc

    def passage(self, row: int) -> Passage:
        """The passage of a row, through its document (parsed if need be: a caller asking
        row by row walks a document's passages; :meth:`passages_at` reads rows alone)."""
        if self._every is not None:
            return self._every[row]
        doc_id = self._ids[bisect.bisect_right(self._firsts, row) - 1]
        found = self._passages.get(row)
        if found is not None and doc_id not in self._cache:
            return found
        doc = self.document(doc_id)
        assert doc is not None  # its range names it
        return doc.passages[row - self.ranges[doc_id].start]

    def passages_at(self, rows: Sequence[int]) -> list[Passage]:
        """The passages of ``rows``: from their documents when parsed, the others read
        alone (in one query) and kept in a bounded cache."""
        every = self._every
        if every is not None:
            return [every[r] for r in rows]
        found: dict[int, Passage] = {}
        missing = []
        for row in rows:
            doc_id = self._ids[bisect.bisect_right(self._firsts, row) - 1]
            doc = self._cache.get(doc_id)
            at_hand = doc.passages[row - self.ranges[doc_id].start] if doc is not None else None
            at_hand = at_hand or self._passages.get(row)
            if at_hand is None:
                missing.append((row, doc_id))
            else:
                found[row] = at_hand
        for start in range(0, len(missing), _BATCH):
            found.update(self._read_passages(dict(missing[start : start + _BATCH])))
        return [found[r] for r in rows]

    def _read_passages(self, owners: dict[int, str]) -> dict[int, Passage]:
        """Passage rows (row → its document's id) read alone, checked as a document's are."""
        marks = ",".join("?" * len(owners))
        rows = self._rows(f"SELECT row, data FROM passages WHERE row IN ({marks})", (*owners,))
        if len(rows) != len(owners):
            raise shapes.bad(self.path, f"passage rows missing among {sorted(owners)[:5]}")
        try:
            data = [json.loads(r[1]) for r in rows]
        except (ValueError, RecursionError) as exc:
            raise shapes.bad(self.path, f"passage rows: {exc}") from exc
        shapes.rows(self.path, data, Passage)
        out = {}
        for (row, _), fields in zip(rows, data, strict=True):
            try:
                found = Passage(**fields)
            except TypeError as exc:
                raise shapes.bad(self.path, f"passage row {row}: {exc}") from exc
            head = self.head(owners[row])
            assert head is not None  # its range names it
            _inside(self.path, found, head)
            out[row] = found
            self._keep(self._passages, row, found, self.config.cached_passages)
        return out

    def covering(self, doc_id: str, offsets: Collection[int]) -> list[int]:
        """The rows of a document's passages holding one of ``offsets``, in row order: from
        the document when parsed, else asked of SQLite (none parsed; those rows are then
        read and checked by :meth:`passages_at`)."""
        span = self.ranges.get(doc_id)
        if span is None or not offsets:
            return []
        doc = self._cache.get(doc_id)
        if doc is None:
            return store_rows.covering(self._rows, span, offsets)
        held = enumerate(doc.passages, span.start)
        return [r for r, p in held if any(p.start <= at < p.end for at in offsets)]

    def naming(self, phrases: Sequence[str]) -> set[str]:
        """Ids of the documents whose matching form (``norm``) holds one of ``phrases``
        (in memory when every document is parsed, else by SQLite: :mod:`index.substrings`)."""
        if self._every is not None:
            docs = self._cache.values()
            return {d.doc_id for d in docs if any(p in d.norm for p in phrases)}
        return substrings.naming(self._rows, phrases, self._grams) if phrases else set()


def _inside(path: Path, passage: Passage, doc: Document) -> None:
    """Raise unless ``passage`` is a span of ``doc``'s text."""
    if passage.doc_id != doc.doc_id or not 0 <= passage.start <= passage.end <= len(doc.text):
        raise shapes.bad(path, f"passage {passage.pid!r} lies outside its document")


def _contiguous(ranges: list[tuple[str, int, int]], count: int) -> bool:
    at = 0
    for _, first, stop in ranges:
        if first != at or stop < first:
            return False
        at = stop
    return at == count
