"""A version's store.sqlite by SQL alone, no document parsed: written (a connection that
syncs the file when done), the documents' JSON objects (the catalog, the indicator table)
and which passages hold an offset."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from corpus.errors import IndexFormatError
from corpus.model import Document
from index import shapes

NAME = "store.sqlite"  # the file (index.docstore.NAME)


@contextmanager
def writing(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection to write the store at ``path`` (a new version's: no journal), committed,
    closed and the file synced to disk when the block ends without an error."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        yield db
        db.commit()
    finally:
        db.close()
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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


def covering(
    rows: Callable[[str, tuple[Any, ...]], list[Any]], span: range, offsets: Collection[int]
) -> list[int]:
    """The rows in ``span`` (a document's passages) whose passage holds one of ``offsets``
    (``start <= offset < end``), in row order, read from the rows' JSON by SQLite."""
    held = " OR ".join(
        ["(json_extract(data, '$.start') <= ? AND json_extract(data, '$.end') > ?)"] * len(offsets)
    )
    found = rows(
        f"SELECT row FROM passages WHERE row >= ? AND row < ? AND ({held}) ORDER BY row",
        (span.start, span.stop, *(x for at in offsets for x in (at, at))),
    )
    return [int(r[0]) for r in found]
