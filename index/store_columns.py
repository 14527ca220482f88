"""Reads of a whole column of the store (every document's metadata key, every passage's key
or tokens), each one SQLite query: what a question or a re-index needs of all rows without
parsing any document."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index import shapes


class WholeColumns:
    """Whole-column reads of :class:`index.docstore.DocStore` (mixed into it)."""

    path: Path
    n_passages: int
    _meta: dict[str, dict[str, Any]]
    _rows: Callable[[str, tuple[Any, ...]], list[Any]]

    def years(self) -> dict[str, tuple[int, ...]]:
        """Every document's years, read by SQLite from its metadata alone (no text parsed:
        a question naming a year finds its documents without reading them)."""
        return {d: tuple(json.loads(y)) if y else () for d, y in self._metadata("years").items()}

    def issued(self) -> dict[str, int | None]:
        """Every document's year of issue, read as :meth:`years` is."""
        return {d: None if y is None else int(y) for d, y in self._metadata("issued").items()}

    def _metadata(self, key: str) -> dict[str, Any]:
        """Every document's stored value of one metadata key (SQLite reads it; read once)."""
        if key not in self._meta:
            rows = self._rows(
                f"SELECT doc_id, json_extract(data, '$.{key}') FROM documents ORDER BY n", ()
            )
            self._meta[key] = dict(rows)
        return self._meta[key]

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
