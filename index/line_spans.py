"""Where a document's lines, and a figure value's, lie in facts.jsonl and lists.jsonl.

``store.sqlite`` (written by this package since this module) holds, beside the
documents, the byte span of every line of the version's two JSON lines files under
each key a question looks lines up by::

    line_spans(file TEXT, key TEXT, value TEXT, start INTEGER, stop INTEGER, label TEXT)
        -- file "facts.jsonl": key "doc_id" and key "value" for every line, the rows
        --   of key "value" labelled with the figure's metric ("canonical");
        -- file "lists.jsonl": key "doc_id". stop is the line's end (its newline).

So the figures of one document, or every figure of one value ("10"), are read from
their own lines: without the index, the first such read of a process scanned the whole
file (437 MB of figures at 1M passages, about half a second for each value asked). A
common value is stated tens of thousands of times in a large library ("10": 34,508 figures
at 1M passages, 1.7 s to parse); the labels let a question rank them by their metric and
parse only the few it keeps (:meth:`index.tables.Tables.facts_valued_best`).
The spans are checked when used (each must be a whole line of the file) and the rows
read from them compared with what was asked, as the scan's are. A store written
before this index has no ``line_spans`` table: its files are scanned, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from index import store_rows

TABLE = "line_spans"
SCHEMA = (
    f"CREATE TABLE {TABLE} (file TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
    " start INTEGER NOT NULL, stop INTEGER NOT NULL, label TEXT NOT NULL)",
    f"CREATE INDEX {TABLE}_at ON {TABLE} (file, key, value, start)",
)
KEYS: dict[str, tuple[str, ...]] = {"facts.jsonl": ("doc_id", "value"), "lists.jsonl": ("doc_id",)}
"""The keys each file's lines are looked up by (each line an object holding them)."""
LABELS: dict[tuple[str, str], str] = {("facts.jsonl", "value"): "canonical"}
"""The field each (file, key)'s rows are labelled with (others: "")."""

Span = tuple[int, int]
Located = tuple[int, int, str]  # a line's start, stop and label
Locate = Callable[[str, str, str], list[Located]]
"""``(file, key, value)`` → the lines whose ``key`` is ``value``, in file order."""


Written = Mapping[str, tuple[Sequence[dict[str, Any]], Sequence[Span]]]


def record(store: Path, written: Written) -> None:
    """Add to the store at ``store`` the spans of the files ``written`` (name → its rows
    and each row's span, as :func:`index.files.write_jsonl` wrote them), and sync it."""
    with store_rows.writing(store) as db:
        for statement in SCHEMA:
            db.execute(statement)
        for file, (rows, spans) in written.items():
            for key in KEYS[file]:
                label = LABELS.get((file, key))
                db.executemany(
                    f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        (file, key, str(r[key]), a, b, str(r[label]) if label else "")
                        for r, (a, b) in zip(rows, spans, strict=True)
                    ),
                )


def locator(rows: Callable[[str, tuple[Any, ...]], list[Any]]) -> Locate | None:
    """How a store (``rows``: its queries) locates lines; None for a store written before
    the spans were (its files are scanned)."""
    if not rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)):
        return None
    query = (
        f"SELECT start, stop, label FROM {TABLE} WHERE file = ? AND key = ? AND value = ?"
        " ORDER BY start"
    )

    def locate(file: str, key: str, value: str) -> list[Located]:
        return [(int(a), int(b), str(label)) for a, b, label in rows(query, (file, key, value))]

    return locate


def merged(spans: Iterable[Span]) -> list[Span]:
    """Spans of consecutive lines joined (one slice to parse where lines follow)."""
    out: list[Span] = []
    for a, b in spans:
        if out and out[-1][1] + 1 == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def check(data: bytes | Any, spans: Sequence[Span]) -> None:
    """Raise ValueError unless every span is whole lines of ``data`` (a file's bytes)."""
    size = len(data)
    for a, b in spans:
        whole = 0 <= a <= b <= size and (a == 0 or data[a - 1] == 0x0A)
        if not whole or (b < size and data[b] != 0x0A):
            raise ValueError(f"the line index names bytes {a}..{b}, not whole lines of the file")
