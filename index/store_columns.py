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
        return self._metadata("years", lambda y: tuple(json.loads(y)) if y else ())

    def issued(self) -> dict[str, int | None]:
        """Every document's year of issue, read as :meth:`years` is."""
        return self._metadata("issued", lambda y: None if y is None else int(y))

    def _metadata(self, key: str, parse: Callable[[Any], Any]) -> dict[str, Any]:
        """Every document's value of one metadata key, as ``parse`` makes it of what SQLite
        reads (read and parsed once a process: at 1M passages a parse of 10k values per
        question was 70 ms). Callers must not change the mapping returned."""
        if key not in self._meta:
            rows = self._rows(
                f"SELECT doc_id, json_extract(data, '$.{key}') FROM documents ORDER BY n", ()
            )
            self._meta[key] = {d: parse(v) for d, v in rows}
        return self._meta[key]

    def name_heads(self, opening: int) -> list[tuple[str, str, str, str, str]]:
        """Every document's id, title, issuer, first ``opening`` characters of its matching
        form and region, in store order: what a question naming a document is matched
        against (one SQLite read, kept; no document parsed: at 1M passages reading every
        head took 7 s a question)."""
        key = f"name_heads:{opening}"
        if key not in self._meta:
            rows = self._rows(
                "SELECT doc_id, json_extract(data, '$.title'), json_extract(data, '$.issuer'),"
                " substr(norm, 1, ?), json_extract(data, '$.region') FROM documents ORDER BY n",
                (opening,),
            )
            self._meta[key] = {d: (d, t or "", i or "", o or "", r or "") for d, t, i, o, r in rows}
        return list(self._meta[key].values())

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
