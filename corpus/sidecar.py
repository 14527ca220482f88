"""Optional per-folder metadata files that override inference.

A folder may hold ``manifest.tsv``, ``manifest.csv`` or ``manifest.jsonl``
with one row per document. The file column is ``filename`` (or ``file`` /
``doc_id``), relative to the folder; other recognised columns are
``title``, ``issuer``, ``region``, ``date``, ``doc_number``, ``years``
(comma-separated), ``year`` (the year a document was issued, used as its
date when none is known) and ``script``. A region may be
written with its province ("海南省三亚市"); the most specific known place is used.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from corpus.errors import DocumentError

SIDECAR_NAMES = ("manifest.tsv", "manifest.csv", "manifest.jsonl")
FIELDS = ("title", "issuer", "region", "date", "doc_number", "years", "year", "script")
_KEYS = ("filename", "file", "doc_id", "path")


def load_sidecar(folder: Path) -> dict[str, dict[str, str]]:
    """Read the folder's manifest, if any.

    Returns:
        doc id → {field: value} for the recognised, non-empty fields.

    Raises:
        DocumentError: the manifest exists but cannot be parsed.
    """
    for name in SIDECAR_NAMES:
        path = folder / name
        if path.is_file():
            try:
                rows = _rows(path)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as exc:
                raise DocumentError(str(path), f"cannot read manifest: {exc}") from exc
            out: dict[str, dict[str, str]] = {}
            for row in rows:
                key = next((row[k] for k in _KEYS if row.get(k)), "")
                if key:
                    out[key.strip()] = {
                        f: str(row[f]).strip() for f in FIELDS if row.get(f) not in (None, "")
                    }
            return out
    return {}


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    delimiter = "\t" if path.suffix == ".tsv" else ","
    return list(csv.DictReader(text.splitlines(), delimiter=delimiter))
