"""The documents of an index, their metadata only: no text kept, no vectors, no model.

``policyqa docs`` lists them; :func:`load_catalog` reads ``documents.jsonl``
alone (after the same manifest and checksum check as :func:`index.store.load`), or
from a format 6 index the ``documents`` table of ``store.sqlite`` (no passages).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import IndexFormatError
from index.files import parse_jsonl
from index.layout import Where
from index.manifest import manifest_at, read_files, retrying
from index.store_rows import document_rows


@dataclass(frozen=True)
class DocEntry:
    """One document of an index, as a listing shows it.

    Attributes:
        doc_id: the document's id (path relative to the folder it was indexed from).
        title, issuer, region, date: its metadata ("" when unknown).
        years: the years it speaks of.
        chars: the length of its text.
        sections: how many sections it has.
    """

    doc_id: str
    title: str
    issuer: str
    region: str
    date: str
    years: tuple[int, ...]
    chars: int
    sections: int


def load_catalog(folder: Path) -> list[DocEntry]:
    """The documents of the index at ``folder``, by id.

    Raises:
        IndexNotFoundError, IndexFormatError: as :func:`index.store.read_manifest`,
            or a documents file that is unreadable.
    """
    try:
        entries = [
            DocEntry(
                str(d["doc_id"]),
                str(d.get("title", "")),
                str(d.get("issuer", "")),
                str(d.get("region", "")),
                str(d.get("date", "")),
                tuple(int(y) for y in d.get("years", ())),
                len(d["text"]),
                len(d.get("sections", ())),
            )
            for d in retrying(folder, _rows)
        ]
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise IndexFormatError(
            f"index at {folder} is corrupt ({exc}); rebuild it with `policyqa index`"
        ) from exc
    return sorted(entries, key=lambda e: e.doc_id)


def _rows(where: Where) -> list[dict[str, Any]]:
    """Every document's stored JSON object of one version (its text, no passages)."""
    manifest = manifest_at(where)
    if manifest["format_version"] >= 6:
        return document_rows(where.data, None)
    return parse_jsonl(read_files(where, manifest, ("documents.jsonl",))["documents.jsonl"])
