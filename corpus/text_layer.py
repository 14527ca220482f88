"""A PDF page's text layer as boxes: each run of characters where the page shows it.

pdfium gives every character of a text layer with its box (its "loose" box: about
the font's height and the character's width; some glyphs of embedded subset fonts
get lower boxes, so gaps are measured in a run's height). Characters shown one
after another on one row without a wide gap are one run; a wider gap (a table's
next cell, a tab stop), a step back to the left or a change of row ends it. The runs then go the way
OCR's lines go (:func:`corpus.layout.ocr_rows`): rows in reading order, a row
in parts far apart kept as cells (a table's row, :mod:`corpus.scan_tables`),
paragraphs rebuilt from margins and indents. Boxes are in PDF points with y
growing downwards, on the page as it is shown (its ``/Rotate`` applied).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from corpus.layout import LAYOUT, LayoutConfig
from corpus.ocr import OcrLine


@dataclass(frozen=True)
class TextLayerConfig:
    """How a text layer's characters are cut into runs.

    Attributes:
        gap: a gap wider than this share of the characters' height ends a run (and
            the parts of a row read as cells). Under a CJK character's width: a
            justified line's spacing and a Latin word space are narrower.
        back: a step back to the left longer than this share of the height starts a
            new run (text written out of reading order, a column after another).
    """

    gap: float = 0.5
    back: float = 0.5

    def layout(self, base: LayoutConfig = LAYOUT) -> LayoutConfig:
        """The layout settings for text-layer rows: parts of a row are far apart
        beyond ``gap``, as their runs were cut."""
        return replace(base, space=self.gap)


TEXT_LAYER = TextLayerConfig()
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (y down; from PDF: y up)
_SPACES = " \u3000\u00a0\t"


@dataclass
class _Run:
    """Characters of one run being gathered; ``x1``: right edge of the last one shown."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    spaces: int = 0  # spaces after the last character shown (one pdfium made counts two)

    def add(self, ch: str, box: Box) -> None:
        """Append a character that continues the run, after the space pdfium put before
        it where it belongs to the text (:func:`_spaced`)."""
        if self.spaces >= 2 and _spaced(self.text[-1:], ch):
            self.text += " "
        self.text += ch
        self.x1, self.y0, self.y1 = max(self.x1, box[2]), min(self.y0, box[1]), max(self.y1, box[3])
        self.spaces = 0

    def line(self) -> OcrLine:
        quad = (self.x0, self.y0, self.x1, self.y0, self.x1, self.y1, self.x0, self.y1)
        return OcrLine(self.text.strip(_SPACES), quad, 1.0)


def shown(box: Box, size: tuple[float, float], turn: int) -> Box:
    """A box (left, bottom, right, top in PDF points, y up) on the page as shown: y down,
    the page turned clockwise by ``turn`` degrees (its /Rotate); ``size``: the page's width
    and height before turning."""
    left, bottom, right, top = box
    width, height = size
    corners = {
        0: (left, height - top, right, height - bottom),
        90: (bottom, left, top, right),
        180: (width - right, bottom, width - left, top),
        270: (height - top, width - right, height - bottom, width - left),
    }
    return corners[turn % 360]


def _chars(page: Any) -> Iterator[tuple[str, Box, bool]]:
    """(character, box as shown, whether the file holds it) of a pdfium page; pdfium's
    own line breaks left out, the spaces it puts between words kept (not held)."""
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = page.get_cropbox()
    size, turn = (right - left, top - bottom), page.get_rotation()
    textpage = page.get_textpage()
    try:
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            if ch and ch not in "\r\n\ufffe\x02":
                x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)
                box = shown((x0 - left, y0 - bottom, x1 - left, y1 - bottom), size, turn)
                yield ch, box, not pdfium_c.FPDFText_IsGenerated(textpage.raw, i)
    finally:
        textpage.close()


def page_runs(page: Any, config: TextLayerConfig = TEXT_LAYER) -> list[OcrLine]:
    """The runs of a pdfium page, in the order its text layer gives them."""
    runs: list[_Run] = []
    for ch, (x0, y0, x1, y1), held in _chars(page):
        run = runs[-1] if runs else None
        if ch in _SPACES:
            if run is not None and held:
                run.text += ch
                run.spaces += 1
            elif run is not None:
                run.spaces += 2  # pdfium's own space bridges no gap (see _spaced)
            continue
        if run is None or not _continues(run, x0, (y0 + y1) / 2, y1 - y0, config):
            runs.append(_Run(ch, x0, y0, x1, y1))
            continue
        run.add(ch, (x0, y0, x1, y1))
    return [line for r in runs if (line := r.line()).text]


_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%")
_NO_SPACE_AFTER = frozenset("([{")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _spaced(before: str, after: str) -> bool:
    """Whether a space pdfium puts between two characters (where the file shows a gap, not
    a space) is one of the text: not between CJK characters (a justified line spreads
    them), nor before a closing or after an opening mark, nor after a stop before CJK;
    between words and beside other marks ("发文日期 | 2022"), yes."""
    if _wide(after) and (_wide(before) or before in _NO_SPACE_BEFORE):
        return False  # "制度,深入": a comma of Chinese text is followed by none either
    return after not in _NO_SPACE_BEFORE and before not in _NO_SPACE_AFTER


def _continues(run: _Run, x0: float, middle: float, own: float, c: TextLayerConfig) -> bool:
    """Whether a character at ``x0`` (``own``: its box's height) continues ``run``: on its
    row, not far right of its end (one space between words bridges the gap), not back to
    the left. Gaps are measured in the run's height: a glyph's own box may be low
    (pdfium gives "一" of an embedded subset font a box 2 pt high)."""
    height = max(own, run.y1 - run.y0)
    if not run.y0 <= middle <= run.y1 or height <= 0:
        return False
    gap = x0 - run.x1
    bridged = run.spaces == 1 and gap <= (c.gap + 1.0) * height
    return -c.back * height <= gap and (gap <= c.gap * height or bridged)


def pdf_runs(pdf: Any, config: TextLayerConfig = TEXT_LAYER) -> list[list[OcrLine]]:
    """The runs of each page of a pdfium document ([] for a page without a text layer)."""
    return [page_runs(pdf[i], config) for i in range(len(pdf))]
