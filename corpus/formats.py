"""The file types policyqa reads: declared once, here.

Readers, the folder walk, the upload box of the web UI and every message
naming the supported types take their lists from :data:`SUFFIXES`.
"""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """How a file's text is read (``RawText.format``, ``Document.source_format``)."""

    TXT = "txt"
    MD = "md"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"
    IMAGE = "image"  # a scan or photo, read by OCR


SUFFIXES: dict[str, Format] = {
    ".txt": Format.TXT,
    ".text": Format.TXT,
    ".md": Format.MD,
    ".markdown": Format.MD,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".docx": Format.DOCX,
    ".pdf": Format.PDF,
    ".png": Format.IMAGE,
    ".jpg": Format.IMAGE,
    ".jpeg": Format.IMAGE,
    ".tif": Format.IMAGE,
    ".tiff": Format.IMAGE,
}
SUPPORTED_SUFFIXES = tuple(SUFFIXES)
# Formats whose text has pages (citations carry a page number).
PAGED = frozenset({Format.PDF, Format.IMAGE})


def format_of(suffix: str) -> Format | None:
    """The format of a file suffix (any case, with its dot), None when unsupported."""
    return SUFFIXES.get(suffix.lower())
