"""Which documents hold a phrase word for word, from an index of their matching form.

``store.sqlite`` (written by this package since this module) holds beside the
``documents`` table a full-text index of each document's ``norm``::

    doc_grams   FTS5, trigram tokenizer, detail=none, content = documents.norm

It maps every three characters to the documents holding them and stores no text
(its content is the ``documents`` table's). A phrase is looked up by the trigrams
it is made of, all of them required, and each document found so is checked by
SQLite for the phrase itself (``instr``): the index only narrows the documents, the
answer is the scan's. At 1M passages (9,700 documents, 380 MB of text) scanning
every ``norm`` took 1.6 s a question; the index answers in milliseconds.

A phrase shorter than a trigram, and every phrase of a store written before this
index (no ``doc_grams`` table), is found by the scan, as before: older indexes are
answered the same, only slower, until ``policyqa index`` writes them again.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

TABLE = "doc_grams"
GRAM = 3  # the trigram tokenizer's: a shorter phrase matches no token
SCHEMA = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5(norm, content='documents',"
    " content_rowid='n', tokenize='trigram', detail='none')"
)
Rows = Callable[[str, tuple[Any, ...]], list[Any]]


@functools.cache
def available() -> bool:
    """Whether this Python's SQLite has FTS5 and its trigram tokenizer (SQLite 3.34+)."""
    try:
        sqlite3.connect(":memory:").execute(SCHEMA.replace("content='documents',", ""))
    except sqlite3.Error:
        return False
    return True


def write(db: sqlite3.Connection) -> None:
    """Index the ``norm`` of every row of ``db``'s ``documents`` table (written already);
    nothing where SQLite cannot (the store is then scanned, as one written before)."""
    if available():
        db.execute(SCHEMA)
        db.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def present(rows: Rows) -> bool:
    """Whether the store holds the index (stores written before it do not) and this
    SQLite can read it."""
    found = rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,))
    return bool(found) and available()


def grams_query(phrase: str) -> str:
    """An FTS5 query requiring every trigram of ``phrase`` (of at least :data:`GRAM`
    characters), each quoted as a string (a ``"`` doubled)."""
    grams = dict.fromkeys(phrase[i : i + GRAM] for i in range(len(phrase) - GRAM + 1))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def naming(rows: Rows, phrases: Sequence[str], indexed: bool) -> set[str]:
    """Ids of the documents whose ``norm`` holds one of ``phrases``: through the index
    where ``indexed`` and a phrase is long enough, else by one scan of every ``norm``."""
    phrases = list(dict.fromkeys(phrases))
    looked_up = [p for p in phrases if indexed and len(p) >= GRAM]
    scanned = [p for p in phrases if p not in looked_up]
    found: set[str] = set()
    for phrase in looked_up:
        found.update(
            r[0]
            for r in rows(
                f"SELECT doc_id FROM documents WHERE n IN (SELECT rowid FROM {TABLE}"
                f" WHERE {TABLE} MATCH ?) AND instr(norm, ?) > 0",
                (grams_query(phrase), phrase),
            )
        )
    if scanned:
        # One pass over the norms for all these phrases (a pass read 380 MB at 1M passages).
        held = " OR ".join(["instr(norm, ?) > 0"] * len(scanned))
        found.update(r[0] for r in rows(f"SELECT doc_id FROM documents WHERE {held}", (*scanned,)))
    return found
