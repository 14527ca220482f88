"""Metadata corrections made from the library: what changed, and the document parsed again.

A correction names the fields a person typed (:data:`corpus.sidecar.EDITABLE`);
only those that differ from the document's current metadata are written, and
the document is parsed again from its own text (kept in the index) with the
folder's manifest row as overrides, exactly as the next ``policyqa index`` of
the folder will parse it.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from corpus.document import parse_text
from corpus.model import Document
from corpus.sidecar import EDITABLE


def current_fields(doc: Document) -> dict[str, str]:
    """A document's editable metadata in the manifest's form (years comma-separated)."""
    values = {
        "title": doc.title,
        "issuer": doc.issuer,
        "region": doc.region,
        "date": doc.date,
        "years": ",".join(map(str, doc.years)),
    }
    return {k: values[k] for k in EDITABLE if values[k]}


def changed_fields(doc: Document, cleaned: dict[str, str]) -> dict[str, str]:
    """The checked corrections that differ from the document's metadata now."""
    now = current_fields(doc)
    return {k: v for k, v in cleaned.items() if v != now.get(k, "")}


def writable_folder(doc: Document) -> Path | None:
    """The folder the document was indexed from, if it is still there and writable."""
    folder = Path(doc.folder) if doc.folder else None
    if folder is None or not folder.is_dir() or not os.access(folder, os.W_OK):
        return None
    return folder


def corrected_document(doc: Document, overrides: dict[str, str]) -> Document:
    """The document parsed again from its text with the manifest's overrides."""
    new = parse_text(
        doc.text,
        doc.doc_id,
        source_format=doc.source_format,
        encoding=doc.encoding,
        title=doc.title,
        date=doc.date,
        overrides=overrides,
    )
    return replace(new, folder=doc.folder)
