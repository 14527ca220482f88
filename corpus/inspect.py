"""The parsed view of one file, as `policyqa inspect` prints it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.document import load_document
from corpus.sidecar import load_sidecar


def inspect_file(path: Path) -> dict[str, Any]:
    """Parse one file (with its folder's sidecar manifest) into a JSON-ready record.

    Raises:
        DocumentError: the file cannot be read.
    """
    doc = load_document(path, path.name, load_sidecar(path.parent).get(path.name))
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "issuer": doc.issuer,
        "doc_number": doc.doc_number,
        "date": doc.date,
        "region": doc.region,
        "years": list(doc.years),
        "script": doc.script,
        "format": doc.source_format,
        "encoding": doc.encoding,
        "pages": len(doc.pages),
        "unread_pages": list(doc.unread_pages),
        "tables": [
            {
                "columns": list(t.columns),
                "rows": [
                    {
                        "header": r.header,
                        "cells": {c.column: doc.text[c.start : c.end] for c in r.cells},
                    }
                    for r in t.rows
                ],
            }
            for t in doc.tables
        ],
        "sections": [
            {
                "path": s.path_str,
                "heading": s.heading,
                "level": s.level,
                "year": s.year,
                "kind": s.kind,
                "half": s.half,
                "start": s.start,
                "end": s.end,
            }
            for s in doc.sections
        ],
        "passages": [
            {
                "section": p.section,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "year": p.section_year,
                "kind": p.section_kind,
                "page": p.page,
            }
            for p in doc.passages
        ],
    }
