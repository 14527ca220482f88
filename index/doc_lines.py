"""JSON lines files of an index read a document at a time (facts.jsonl, lists.jsonl).

Every line of these files is an object whose first key is its document's id
(``{"doc_id": "…", …}``: :func:`index.files.write_jsonl` keeps a dict's order). A
question needs the figures and lists of the few documents its clauses come from,
not the 52k figures of the library (parsed whole they cost a cold question about a
second and 100 MB). So on first use the lines are grouped by that head alone (one
pass over the bytes, no JSON parsed), and a document's lines are parsed when it is
first asked for. A file with a line that does not start so (written by another
tool, say) is parsed whole instead: the same rows come out either way, in file order.
"""

from __future__ import annotations

import io
import json
import mmap
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index import line_spans

# The head of a line: the document id as JSON text, its closing quote included
# (so the head of "a" is no prefix of the head of "ab").
_HEAD = re.compile(rb'\{"doc_id": "((?:[^"\\]|\\.)*)"')
_NOT_ASCII = re.compile(rb"[\x80-\xff]")
_RELEASE = 64 << 20  # bytes scanned between two releases of a map's pages
Buffer = bytes | mmap.mmap


def parse_jsonl(data: Buffer) -> list[Any]:
    """The rows of a JSON lines file's bytes, line by line (split at b"\\n" only).

    Not str.splitlines(): that would also cut at U+2028, U+0085 … inside strings.
    """
    return [json.loads(line) for line in io.BytesIO(data) if line.strip()]


def as_written(text: str, ascii_only: bool = False) -> bytes:
    """``text`` as it stands inside a JSON string of a JSON lines file of the index
    (:func:`index.files.write_jsonl`: ``ensure_ascii=False``; ``ascii_only`` for a file
    written with escapes). JSON escapes character by character, so a piece of a
    string is, written, a piece of the written string."""
    return json.dumps(text, ensure_ascii=ascii_only)[1:-1].encode("utf-8")


def lines_holding(data: Buffer, needles: tuple[bytes, ...]) -> list[bytes]:
    """The non-blank lines holding every needle, in file order: found where the first
    one occurs, so the lines without it are never cut out (every line, without needles)."""
    if not needles:
        return [line for line in bytes(data[:]).split(b"\n") if line.strip()]
    first, rest = needles[0], needles[1:]
    out = []
    at = data.find(first)
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end
        line = data[start:end]
        if all(n in line for n in rest):
            out.append(line)
        at = data.find(first, end)
    release(data)
    return out


def release(data: Buffer, start: int = 0, end: int | None = None) -> None:
    """Give the pages of a mapped file between ``start`` and ``end`` back to the system
    (they are read again if used): a scan of a 437 MB file then holds a few MB at a time,
    not the whole file in the process's memory. Nothing for bytes."""
    if isinstance(data, mmap.mmap):
        start -= start % mmap.PAGESIZE
        end = len(data) if end is None else end - end % mmap.PAGESIZE
        if end > start:
            data.madvise(mmap.MADV_DONTNEED, start, end - start)


def runs(data: Buffer) -> dict[str, list[tuple[int, int]]] | None:
    """Byte ranges of each document's lines (runs of consecutive lines with its head),
    by document id; None when a non-blank line has no head."""
    found: dict[str, list[tuple[int, int]]] = {}
    head = b"\0"  # no line starts so
    doc_id = ""
    begin = at = released = 0
    size = len(data)
    while at < size:
        end = data.find(b"\n", at)
        end = size if end < 0 else end
        if at - released > _RELEASE:
            release(data, released, at)
            released = at
        if data[at : min(end, at + len(head))] != head:
            if begin < at:
                found.setdefault(doc_id, []).append((begin, at))
            match = _HEAD.match(data, at, end)
            if match is None:
                if data[at:end].strip():
                    return None
                head, begin = b"\0", end + 1  # a blank line ends a run
            else:
                head, begin = match.group(0), at
                doc_id = json.loads(b'"' + match.group(1) + b'"')
        at = end + 1
    if begin < size:
        found.setdefault(doc_id, []).append((begin, size))
    release(data)
    return found


class DocLines:
    """A JSON lines file of rows headed by their document's id, parsed by document.

    Args:
        read: the file's bytes or its read-only map, checked (called once, on first use).
        path: the file, for error messages.
        locate: ``(key, value)`` → the lines whose ``key`` is ``value`` (start, stop,
            label), as the index's store records them (:mod:`index.line_spans`); None:
            the lines are found by scanning the file.

    Raises (from the methods): ValueError or RecursionError for a line that is no JSON,
    or a span that is no whole line; the caller names the file (:class:`index.store.Index`).
    """

    def __init__(
        self,
        read: Callable[[], Buffer],
        path: Path,
        locate: Callable[[str, str], list[line_spans.Located]] | None = None,
    ) -> None:
        self.path = path
        self._read = read
        self._locate = locate
        self._data: Buffer | None = None
        self._scanned = False
        self._runs: dict[str, list[tuple[int, int]]] | None = None
        self._whole: dict[str | None, list[Any]] | None = None  # by document, parsed whole

    def _bytes(self) -> Buffer:
        if self._data is None:
            self._data = self._read()
        return self._data

    def _grouped(self) -> dict[str, list[tuple[int, int]]] | None:
        """The runs of each document's lines (one scan of the file, on first use)."""
        if not self._scanned:
            self._runs = runs(self._bytes())
            self._scanned = True
        return self._runs

    def size(self) -> int:
        """The file's size in bytes."""
        return len(self._bytes())

    def all_rows(self) -> list[Any]:
        """Every row, in file order."""
        return parse_jsonl(self._bytes())

    def rows_with(self, needles: tuple[str, ...]) -> list[Any]:
        """The rows whose line holds every one of ``needles`` as written, in file order
        (only those lines are parsed)."""
        data = self._bytes()
        ascii_only = _NOT_ASCII.search(data) is None
        wanted = tuple(as_written(n, ascii_only) for n in needles)
        return [json.loads(line) for line in lines_holding(data, wanted)]

    def labelled(self, key: str, value: str) -> list[line_spans.Located] | None:
        """The lines whose ``key`` is ``value`` with their labels, in file order, as the
        store locates them; None when it does not (the file is scanned)."""
        return None if self._locate is None else self._locate(key, value)

    def rows_at(self, spans: list[line_spans.Span]) -> list[Any]:
        """The rows of the lines at ``spans`` (each checked to be whole lines), in order."""
        data = self._bytes()
        joined = line_spans.merged(spans)
        line_spans.check(data, joined)
        return [row for a, b in joined for row in parse_jsonl(data[a:b])]

    def _located(self, key: str, value: str) -> list[Any]:
        """The rows of the lines the store locates under ``key`` = ``value``, in file order."""
        assert self._locate is not None
        return self.rows_at([(a, b) for a, b, _ in self._locate(key, value)])

    def rows_of(self, doc_id: str) -> list[Any]:
        """The rows of one document, in file order ([] when it has none). Parsed whole, a
        row that names no document (malformed) comes with every document's, to be refused."""
        if self._locate is not None:
            return [r for r in self._located("doc_id", doc_id) if r.get("doc_id") == doc_id]
        data = self._bytes()
        grouped = self._grouped()
        if grouped is not None:
            spans = grouped.get(doc_id, ())
            rows = [row for a, b in spans for row in parse_jsonl(data[a:b])]
            return [r for r in rows if r.get("doc_id") == doc_id]  # a key written twice
        if self._whole is None:
            whole: dict[str | None, list[Any]] = {}
            for row in parse_jsonl(data):
                key = row.get("doc_id") if isinstance(row, dict) else None
                whole.setdefault(key if isinstance(key, str) else None, []).append(row)
            self._whole = whole
        return [*self._whole.get(None, ()), *self._whole.get(doc_id, ())]

    def rows_holding(self, key: str, value: str) -> list[Any]:
        """The rows whose line holds ``"key": "value"`` as written (a superset of the rows
        with that value: the caller compares), in file order."""
        if self._locate is not None:
            return self._located(key, value)
        data = self._bytes()
        if self._grouped() is None:  # not written by this package: no needle to look for
            return [r for r in self.all_rows() if isinstance(r, dict) and r.get(key) == value]
        ascii_only = _NOT_ASCII.search(data) is None
        needle = b'"%s": "%s"' % (as_written(key, ascii_only), as_written(value, ascii_only))
        return [json.loads(line) for line in lines_holding(data, (needle,))]
