"""Optional per-folder metadata files that override inference.

A folder may hold ``manifest.tsv``, ``manifest.csv`` or ``manifest.jsonl``
with one row per document. The file column is ``filename`` (or ``file`` /
``doc_id``), relative to the folder; other recognised columns are
``title``, ``issuer``, ``region``, ``date``, ``doc_number``, ``years``
(comma-separated), ``year`` (the year a document was issued, used as its
date when none is known) and ``script``. A region may be
written with its province ("海南省三亚市"); the most specific known place is used.

Staff correct a document's metadata from the web page: :func:`clean_correction`
checks the values, :func:`save_fields` writes them into the folder's manifest
(so the next ``policyqa index`` of that folder applies them too).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

from corpus.errors import MetadataError, OutputError, SidecarError

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


# -- corrections ------------------------------------------------------------------------

EDITABLE = ("title", "issuer", "region", "date", "years")
"""The fields staff correct from the web page."""

_DATE = re.compile(r"((?:19|20)\d{2})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _valid_date(value: str) -> bool:
    m = _DATE.fullmatch(value)
    if m is None:
        return False
    month, day = int(m.group(2) or 1), int(m.group(3) or 1)
    return 1 <= month <= 12 and 1 <= day <= 31


def clean_correction(fields: Mapping[str, str]) -> dict[str, str]:
    """Corrected metadata checked and in the manifest's form: a region by its full
    name when the gazetteer knows it ("余杭" → "余杭区"; else as written, as the
    manifest's loader takes it), years comma-separated. Fields not in
    :data:`EDITABLE` are dropped; an empty issuer, region, date or years is left out
    (inference stays).

    Raises:
        MetadataError: an empty title, a region without a Chinese character, a date
            that is not YYYY[-MM[-DD]], years that are not four-digit years.
    """
    from corpus.places import canonical_region

    out: dict[str, str] = {}
    for name in EDITABLE:
        value = " ".join(str(fields.get(name) or "").split())
        if name == "title" and not value and name in fields:
            raise MetadataError(name, value, "a title cannot be empty")
        if not value:
            continue
        if name == "region":
            if not any("\u4e00" <= ch <= "\u9fff" for ch in value):
                raise MetadataError(name, value, "write the region's Chinese name")
            value = canonical_region(value)
        elif name == "date" and not _valid_date(value):
            raise MetadataError(name, value, "write a date as YYYY, YYYY-MM or YYYY-MM-DD")
        elif name == "years":
            years = _YEAR.findall(value)
            if not years or _YEAR.sub("", value).strip(" ,，、;；"):
                raise MetadataError(name, value, "write four-digit years separated by commas")
            value = ",".join(dict.fromkeys(years))
        out[name] = value
    return out


def save_fields(
    folder: Path, doc_id: str, fields: Mapping[str, str]
) -> tuple[Path, dict[str, str]]:
    """Write corrected fields of one document into the folder's manifest.

    The existing manifest (tsv, csv or jsonl) keeps every other row, column and
    value; a document without a row gets one (keyed by ``doc_id``); a folder
    without a manifest gets ``manifest.tsv``. The file is replaced atomically.

    Returns:
        The manifest's path and the document's recognised fields after the change.

    Raises:
        SidecarError: the manifest cannot be read or has a row longer than its header.
        OutputError: the folder cannot be written.
    """
    path = next((folder / n for n in SIDECAR_NAMES if (folder / n).is_file()), None)
    path = path or folder / SIDECAR_NAMES[0]
    try:
        data = path.read_bytes() if path.is_file() else b""
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SidecarError(str(path), f"cannot read manifest: {exc}") from exc
    edit = _edit_jsonl if path.suffix == ".jsonl" else _edit_table
    new_text, row = edit(path, text, doc_id, fields)
    _replace(path, ("\ufeff" if data.startswith(b"\xef\xbb\xbf") else "") + new_text)
    return path, {f: str(row[f]).strip() for f in FIELDS if row.get(f) not in (None, "")}


def _matches(row: Mapping[str, object], doc_id: str) -> int:
    """2: the row is keyed by the document's id; 1: by its file name; 0: neither."""
    key = next((str(row[k]).strip() for k in _KEYS if row.get(k)), "")
    return 2 if key == doc_id else int(bool(key) and key == Path(doc_id).name)


def _edit_table(
    path: Path, text: str, doc_id: str, fields: Mapping[str, str]
) -> tuple[str, dict[str, str]]:
    delimiter = "\t" if path.suffix == ".tsv" else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    header = list(reader.fieldnames or [])
    rows = list(reader)
    for n, each in enumerate(rows, 2):
        if None in each:
            raise SidecarError(str(path), f"line {n} has more fields than the header; fix it")
    key = next((k for k in _KEYS if k in header), None)
    if key is None:
        key = "filename"
        header.insert(0, key)
    row = max(rows, key=lambda r: _matches(r, doc_id)) if rows else None
    if row is None or not _matches(row, doc_id):
        row = {key: doc_id}
        rows.append(row)
    header += [f for f in fields if f not in header]
    row.update(fields)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: v if v is not None else "" for k, v in r.items()} for r in rows)
    return out.getvalue(), row


def _edit_jsonl(
    path: Path, text: str, doc_id: str, fields: Mapping[str, str]
) -> tuple[str, dict[str, str]]:
    lines = text.splitlines()
    parsed = [(n, _json_row(path, n + 1, ln)) for n, ln in enumerate(lines) if ln.strip()]
    best = max(parsed, key=lambda p: _matches(p[1], doc_id)) if parsed else None
    if best is not None and _matches(best[1], doc_id):
        n, row = best
        row.update(fields)
        lines[n] = json.dumps(row, ensure_ascii=False)
    else:
        row = {"filename": doc_id, **fields}
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n", row


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
