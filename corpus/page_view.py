"""Where a quote stands on its page: the page drawn again and the boxes of the quoted lines.

For the document viewer. A page of a PDF is rendered (pypdfium2), a page of an
image file is its frame. Its lines are found as reading found them: a text
layer's runs of characters (:mod:`corpus.text_layer`), a scanned page's OCR
lines from the OCR cache (the engine is never run here: a page that is not in
the cache is shown without marks). The lines marked are those the quote's
text covers, compared in matching form without spaces; a table's row, whose
text names its headers, marks the page's row whose cells it all holds.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.errors import DocumentError
from corpus.formats import Format, format_of
from corpus.layout import LAYOUT, LayoutConfig, Line, placed_rows
from corpus.model import Document
from corpus.normalize import normalize
from corpus.ocr import ENGINES, OcrLine, image_key, ocr_available
from corpus.ocr_cache import OcrCache
from corpus.scans import OCR, frames, render
from corpus.text_layer import TEXT_LAYER, page_runs

Quad = tuple[float, ...]  # x0, y0, x1, y1, x2, y2, x3, y3 clockwise from the top left


@dataclass(frozen=True)
class PageViewConfig:
    """How a page is shown: ``width`` in pixels, as a JPEG of ``quality``."""

    width: int = 900
    quality: int = 80


@dataclass(frozen=True)
class PageView:
    """A page as an image and the boxes of the quoted lines on it.

    Attributes:
        page: the page (1-based).
        jpeg: the page image.
        width, height: its size in pixels.
        marks: the quoted lines' boxes, in the image's pixels.
        lines_known: whether the page's lines were found (False: a scanned page whose
            OCR is not in the cache, or a page without text), so nothing could be marked.
    """

    page: int
    jpeg: bytes
    width: int
    height: int
    marks: tuple[Quad, ...]
    lines_known: bool


def quote_on_pages(doc: Document, start: int, end: int) -> list[tuple[int, str]]:
    """(page, the part of ``doc.text[start:end]`` on it) for each page the quote touches;
    [] for a document without pages."""
    if not doc.pages or not 0 <= start < end <= len(doc.text):
        return []
    bounds = [*doc.pages, len(doc.text)]
    out = []
    for n in range(doc.page_at(start) or 1, (doc.page_at(end - 1) or 1) + 1):
        part = doc.text[max(start, bounds[n - 1]) : min(end, bounds[n])]
        if part.strip():
            out.append((n, part))
    return out


def _key(text: str) -> str:
    return "".join(normalize(text).split())


def quoted_rows(rows: Sequence[Line], quote: str) -> list[int]:
    """Indices of the rows of a page that ``quote`` covers: the rows holding its text
    (in matching form, spaces aside), else the table rows whose every cell it holds
    (a table row's text is written anew, naming its headers) with the wrapped lines of
    their cells."""
    wanted = _key(quote)
    if not wanted:
        return []
    owner = [i for i, row in enumerate(rows) for _ in _key(row.text)]
    at = "".join(_key(row.text) for row in rows).find(wanted)
    if at >= 0:
        return sorted(set(owner[at : at + len(wanted)]))
    held = [
        i
        for i, row in enumerate(rows)
        if row.runs and all(_key(t) and _key(t) in wanted for _, _, t in row.runs)
    ]
    return sorted({j for i in held for j in _with_wrapped(rows, i, wanted)})


def _with_wrapped(rows: Sequence[Line], i: int, wanted: str) -> list[int]:
    """A table row and the lines of one piece beside it that the quote holds (its cells'
    wrapped lines, :mod:`corpus.wrapped_cells`)."""
    out = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(rows) and abs(j - i) <= LAYOUT.cell_lines:
            key = _key(rows[j].text)
            if rows[j].runs or not key or key not in wanted:
                break
            out.append(j)
            j += step
    return out


def page_view(
    path: Path, page: int, quote: str = "", config: PageViewConfig = PageViewConfig()
) -> PageView:
    """Page ``page`` (1-based) of a PDF or image file, with the lines of ``quote`` marked.

    Raises:
        DocumentError: not a PDF or image, unreadable, or no such page.
    """
    fmt = format_of(path.suffix)
    if fmt not in (Format.PDF, Format.IMAGE):
        raise DocumentError(str(path), "only PDF pages and images can be shown as pages")
    try:
        data = path.read_bytes()
        if fmt == Format.PDF:
            image, found, layout, scale = _pdf_page(data, page, config)
        else:
            image, found, layout, scale = _image_page(data, page, config)
    except DocumentError:
        raise
    except Exception as exc:  # file gone, pdfium or Pillow failing on the file
        raise DocumentError(str(path), f"cannot show page {page}: {exc}") from exc
    rows = placed_rows(found, layout)
    marks = [
        tuple(v * scale for v in found[i].quad)
        for n in quoted_rows([r for r, _ in rows], quote)
        for i in rows[n][1]
    ]
    return PageView(page, _jpeg(image, config), image.width, image.height, tuple(marks), bool(rows))


Drawn = tuple[Any, list[OcrLine], LayoutConfig, float]  # image, lines, layout, lines' scale


def _pdf_page(data: bytes, page: int, config: PageViewConfig) -> Drawn:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError(f"the PDF has {len(pdf)} page(s)")
        runs = page_runs(pdf[page - 1])
        if runs:  # a text layer: boxes in points
            scale = config.width / pdf[page - 1].get_width()
            bitmap = pdf[page - 1].render(scale=scale)
            return bitmap.to_pil().convert("RGB"), runs, TEXT_LAYER.layout(), scale
        (scan,) = render(pdf, [page - 1], OCR.dpi)  # as OCR read it: the cache's key
    finally:
        pdf.close()
    return _scanned(scan, config)


def _image_page(data: bytes, page: int, config: PageViewConfig) -> Drawn:
    images = frames(data)
    if not 1 <= page <= len(images):
        raise ValueError(f"the image has {len(images)} frame(s)")
    return _scanned(images[page - 1], config)


def _scanned(scan: np.ndarray, config: PageViewConfig) -> Drawn:
    """A page OCR read: its lines from the cache ([] when not there), the image scaled."""
    from PIL import Image

    found: list[OcrLine] = []
    if ocr_available():
        engine = ENGINES[OCR.engine].cache_name(OCR)
        found = OcrCache(engine).get(image_key(scan)) or []
    image = Image.fromarray(scan)
    scale = config.width / image.width
    shown = image.resize((config.width, max(1, round(image.height * scale))))
    return shown, found, LAYOUT, scale


def _jpeg(image: Any, config: PageViewConfig) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=config.quality)
    return out.getvalue()
