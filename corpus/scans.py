"""Scanned pages and photos: rendered, recognised (once, cached), laid out as text.

A PDF is read page by page: a page with a text layer keeps it (its characters
where the page shows them, :mod:`corpus.text_layer`, so a table's rows keep
their cells), a page without one is rendered (pypdfium2) and read by OCR, so a
mixed PDF works.
An image file (.png/.jpg/.tif, every frame of a multi-page TIFF) is a page
read by OCR. A page OCR finds no text on is listed, never fatal.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from corpus.errors import DocumentError
from corpus.layout import Line, ocr_rows, text_rows
from corpus.ocr import INSTALL_HINT, OcrConfig, OcrLine, get_engine, image_key, ocr_available
from corpus.ocr_cache import OcrCache
from corpus.pages import PagedText, assemble
from corpus.text_layer import TEXT_LAYER, pdf_runs

Progress = Callable[[str, int, int], None]
OCR = OcrConfig()


@dataclass(frozen=True)
class Scanned:
    """The text of a paged file and the pages (1-based) that gave none."""

    paged: PagedText
    unread: tuple[int, ...]


def recognise(
    images: Iterable[np.ndarray],
    total: int,
    progress: Progress | None = None,
    config: OcrConfig = OCR,
) -> list[list[OcrLine]]:
    """The lines of each page image, from the OCR cache or the engine (then cached).

    A page the engine fails on gives no lines (listed by the caller), not an error.
    """
    engine = get_engine(config)
    cache = OcrCache(engine.name)
    out: list[list[OcrLine]] = []
    for done, image in enumerate(images, 1):
        key = image_key(image)
        lines = cache.get(key)
        if lines is None:
            try:
                lines = [x for x in engine.read(image) if x.score >= config.min_score]
            except Exception:  # onnxruntime/OpenCV raise many types on odd images
                lines = []
            else:
                cache.put(key, lines)
        out.append(lines)
        if progress:
            progress("ocr", done, total)
    return out


def render(pdf: Any, numbers: Iterable[int], dpi: int) -> Iterator[np.ndarray]:
    """RGB images of a pdfium document's pages ``numbers`` (0-based), one at a time."""
    for i in numbers:
        bitmap = pdf[i].render(scale=dpi / 72)
        yield np.asarray(bitmap.to_pil().convert("RGB"))


def layer_rows(runs: list[OcrLine], layer: str) -> list[Line]:
    """A text-layer page's rows: from its characters' boxes (``runs``), unless the text
    another reader (pypdf) took from the page, ``layer``, holds more characters: pdfium
    leaves out a text object it finds no glyph box for (a lone CJK character in a font
    neither embedded nor naming its script); then ``layer``, one row a line, no cells."""
    if runs and _ink(r.text for r in runs) >= _ink([layer]):
        return ocr_rows(runs, TEXT_LAYER.layout())
    return text_rows(layer)


def _ink(texts: Iterable[str]) -> int:
    return sum(len("".join(t.split())) for t in texts)


def pdf_pages(
    data: bytes,
    layer: Callable[[int], str],
    progress: Progress | None = None,
    config: OcrConfig = OCR,
) -> Scanned:
    """The text of a PDF: each page's text layer (``layer(i)``: page i's text as another
    reader takes it, see :func:`layer_rows`); pages without one are read by OCR (listed
    as unread when OCR is not installed or finds nothing)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        rows = [layer_rows(runs, layer(i)) for i, runs in enumerate(pdf_runs(pdf))]
        scanned = [i for i, r in enumerate(rows) if not r]
        unread: list[int] = []
        if scanned and not ocr_available(config):
            unread = [i + 1 for i in scanned]
        elif scanned:
            found = recognise(render(pdf, scanned, config.dpi), len(scanned), progress, config)
            for i, lines in zip(scanned, found, strict=True):
                rows[i] = ocr_rows(lines)
                if not rows[i]:
                    unread.append(i + 1)
    finally:
        pdf.close()
    return Scanned(assemble(rows), tuple(unread))


def frames(data: bytes) -> list[np.ndarray]:
    """Every frame of an image file as RGB, turned upright as its EXIF says."""
    from PIL import Image, ImageOps, ImageSequence

    with Image.open(io.BytesIO(data)) as im:
        return [
            np.asarray(ImageOps.exif_transpose(frame).convert("RGB"))
            for frame in ImageSequence.Iterator(im)
        ]


def image_pages(
    data: bytes, path: str, progress: Progress | None = None, config: OcrConfig = OCR
) -> Scanned:
    """The text of an image file, each frame a page.

    Raises:
        DocumentError: not a readable image, or OCR is not installed.
    """
    if not ocr_available(config):
        raise DocumentError(
            path, f"an image is read by OCR, which is not installed; {INSTALL_HINT}"
        )
    try:
        pages = frames(data)
    except Exception as exc:  # Pillow raises many types on truncated or foreign files
        raise DocumentError(path, f"not a readable image: {exc}") from exc
    found = recognise(pages, len(pages), progress, config)
    rows = [ocr_rows(lines) for lines in found]
    unread = tuple(i for i, r in enumerate(rows, 1) if not r)
    return Scanned(assemble(rows), unread)
