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

from corpus.errors import SidecarError

SIDECAR_NAMES = ("manifest.tsv", "manifest.csv", "manifest.jsonl")
FIELDS = ("title", "issuer", "region", "date", "doc_number", "years", "year", "script")
_KEYS = ("filename", "file", "doc_id", "path")


def load_sidecar(folder: Path) -> dict[str, dict[str, str]]:
    """Read the folder's manifest, if any.

    Returns:
        doc id → {field: value} for the recognised, non-empty fields.

    Raises:
        SidecarError: the manifest exists but cannot be parsed; the message
            names the file and, where it can, the line.
    """
    for name in SIDECAR_NAMES:
        path = folder / name
        if path.is_file():
            try:
                rows = _rows(path)
            except (OSError, UnicodeDecodeError, csv.Error) as exc:
                raise SidecarError(str(path), f"cannot read manifest: {exc}") from exc
            out: dict[str, dict[str, str]] = {}
            for row in rows:
                key = next((str(row[k]) for k in _KEYS if row.get(k)), "")
                if key.strip():
                    out[key.strip()] = {
                        f: str(row[f]).strip() for f in FIELDS if row.get(f) not in (None, "")
                    }
            return out
    return {}


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".jsonl":
        return [
            _json_row(path, n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()
        ]
    delimiter = "\t" if path.suffix == ".tsv" else ","
    return list(csv.DictReader(text.splitlines(), delimiter=delimiter))


def _json_row(path: Path, n: int, line: str) -> dict[str, str]:
    """One line of manifest.jsonl: a JSON object, else an error naming the line."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        where = f"line {n}: invalid JSON: {exc.msg} (column {exc.colno})"
        raise SidecarError(str(path), where) from None
    if not isinstance(row, dict):
        got = type(row).__name__
        raise SidecarError(str(path), f"line {n}: expected a JSON object per line, got a {got}")
    return row
