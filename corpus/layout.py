"""From the lines of a page to paragraphs: reading order, deskew, paragraph breaks.

Both kinds of page arrive as :class:`Line` boxes: OCR lines in pixels
(:func:`ocr_rows`), text-layer lines in character widths (:func:`text_rows`,
one line per text row, indentation from leading spaces). Paragraphs are then
rebuilt the same way for both (:func:`opens`): a line opens a paragraph when
it is indented (首行缩进), when the line before ends short of the right margin,
after a blank gap, when it is a numbered heading after a finished sentence, or
when it or the line before was read in parts far apart (a table's row).
Wrapped lines are joined without a break, so a sentence is never cut by the
width of the page.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.normalize import normalize
from corpus.ocr import OcrLine
from corpus.structure import heading_level


@dataclass(frozen=True)
class Line:
    """A line of a page in reading order, with its box (y grows downwards).

    ``runs``: for an OCR row read in parts far apart (the cells of a table row), each
    part's left and right edge and text; () for a row read in one piece.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    runs: tuple[tuple[float, float, str], ...] = ()


@dataclass(frozen=True)
class LayoutConfig:
    """Thresholds of paragraph rebuilding, in character widths or line pitches.

    Attributes:
        indent: a line starting this far right of the left margin opens a paragraph.
        short: a line ending this far left of the right margin closes its paragraph.
        gap: a vertical step this many line pitches long opens a paragraph.
        same_row: boxes whose vertical overlap is this share of the lower one's
            height are one row (a line the engine read in several runs).
        space: runs of a row further apart than this are joined with a space.
        min_skew: tilts below this many degrees are left as they are.
        edge_lines: lines at the top and at the bottom of a page that may be furniture.
        table_rows: rows in a row read in parts that make a table candidate (a header
            and one row at least).
        cell_gap: a line of one piece this close to a table's row (in its heights), in one
            column of it, is a cell's wrapped line (:mod:`corpus.wrapped_cells`).
        cell_lines: the most lines a cell wraps over, beside its row's line.
    """

    indent: float = 1.0
    short: float = 2.0
    gap: float = 1.6
    same_row: float = 0.5
    space: float = 1.0
    min_skew: float = 0.1
    edge_lines: int = 2
    table_rows: int = 2
    cell_gap: float = 0.3
    cell_lines: int = 3


LAYOUT = LayoutConfig()
_SENTENCE_DONE = re.compile(r"[。!?;:]\s*$")
_WORDED_LEVELS = 2  # heading levels numbered in words (一、 (一) 第一章), see corpus.structure


def width(text: str) -> float:
    """Display width in character widths: a CJK or full-width character 1, others 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def text_rows(text: str) -> list[Line]:
    """The non-blank lines of a text layer as boxes (one row per line, widths in characters);
    blank lines keep their row, so they show as gaps."""
    out = []
    for row, raw in enumerate(text.split("\n")):
        body = raw.strip()
        if body:
            x0 = width(raw[: len(raw) - len(raw.lstrip())])
            out.append(Line(body, x0, float(row), x0 + width(body), row + 1.0))
    return out


def skew(found: Sequence[OcrLine]) -> float:
    """The page's tilt in radians: the median slope of the top edges of long boxes."""
    slopes = []
    for f in found:
        q = f.quad
        dx, dy = q[2] - q[0], q[3] - q[1]
        if dx > 3 * abs(q[7] - q[1]) > 0:  # wider than three heights: a real line
            slopes.append(math.atan2(dy, dx))
    return statistics.median(slopes) if slopes else 0.0


def _box(f: OcrLine, angle: float) -> Line:
    cos, sin = math.cos(angle), math.sin(angle)
    xs = [f.quad[i] * cos + f.quad[i + 1] * sin for i in (0, 2, 4, 6)]
    ys = [-f.quad[i] * sin + f.quad[i + 1] * cos for i in (0, 2, 4, 6)]
    return Line(f.text.strip(), min(xs), min(ys), max(xs), max(ys))


def ocr_rows(found: Sequence[OcrLine], config: LayoutConfig = LAYOUT) -> list[Line]:
    """OCR boxes as text rows in reading order: the page turned level, boxes on one
    row joined left to right, rows top to bottom."""
    return [line for line, _ in placed_rows(found, config)]


def placed_rows(
    found: Sequence[OcrLine], config: LayoutConfig = LAYOUT
) -> list[tuple[Line, tuple[int, ...]]]:
    """The rows of :func:`ocr_rows`, each with the indices in ``found`` of its boxes
    (left to right): where a row stands on the page as it was read."""
    angle = skew(found)
    if abs(math.degrees(angle)) < config.min_skew:
        angle = 0.0
    boxes = sorted(
        ((_box(f, angle), i) for i, f in enumerate(found) if f.text.strip()),
        key=lambda b: _centre(b[0]),
    )
    rows: list[list[tuple[Line, int]]] = []
    for b, i in boxes:
        last = rows[-1] if rows else []
        top = min((x.y0 for x, _ in last), default=0)
        bottom = max((x.y1 for x, _ in last), default=0)
        lower = min(b.y1 - b.y0, bottom - top)
        if last and min(b.y1, bottom) - max(b.y0, top) >= config.same_row * lower:
            last.append((b, i))
        else:
            rows.append([(b, i)])
    out = []
    for row in rows:
        row.sort(key=lambda x: x[0].x0)
        out.append((_merge([b for b, _ in row], config), tuple(i for _, i in row)))
    return out


def _centre(b: Line) -> float:
    return (b.y0 + b.y1) / 2


def _merge(row: list[Line], config: LayoutConfig) -> Line:
    text = row[0].text
    runs = [(row[0].x0, row[0].x1, row[0].text)]
    for a, b in itertools.pairwise(row):
        far = b.x0 - a.x1 > config.space * (b.y1 - b.y0)
        text = join(text, b.text, " " if far else "")
        if far:
            runs.append((b.x0, b.x1, b.text))
        else:
            x0, _, run = runs[-1]
            runs[-1] = (x0, b.x1, join(run, b.text))
    top, bottom = min(x.y0 for x in row), max(x.y1 for x in row)
    parts = tuple(runs) if len(runs) > 1 else ()
    return Line(text, row[0].x0, top, max(x.x1 for x in row), bottom, parts)


def join(a: str, b: str, sep: str = "") -> str:
    """Two pieces of one line or paragraph. Chinese wraps anywhere, numbers too ("20" +
    "59%"), so nothing goes between, but two Latin words keep a space."""
    if not sep and a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        sep = " "
    return f"{a}{sep}{b}"


@dataclass(frozen=True)
class Metrics:
    """A page's margins, character width and line pitch."""

    left: float
    right: float
    char: float
    pitch: float


def metrics(lines: Sequence[Line]) -> Metrics | None:
    """The margins and sizes of a page's body lines (None for a page without lines)."""
    if not lines:
        return None
    char = statistics.median(x.y1 - x.y0 for x in lines)
    lefts, rights = sorted(x.x0 for x in lines), sorted(x.x1 for x in lines)
    cut = len(lines) // 10  # the odd line outside the margins does not move them
    steps = sorted(b.y0 - a.y0 for a, b in itertools.pairwise(lines) if b.y0 > a.y0)
    pitch = steps[len(steps) // 4] if steps else 1.5 * char  # gaps between paragraphs are fewer
    return Metrics(lefts[cut], rights[-1 - cut], char, pitch)


def opens(line: Line, prev: Line | None, m: Metrics, pm: Metrics | None, c: LayoutConfig) -> bool:
    """Whether ``line`` starts a paragraph, after ``prev`` (None: the text's first line);
    ``pm``: the metrics of ``prev``'s page (another page when ``line`` opens a page)."""
    if prev is None or pm is None:
        return True
    indented = line.x0 - m.left > c.indent * m.char
    short = pm.right - prev.x1 > c.short * pm.char
    gap = pm is m and line.y0 - prev.y0 > c.gap * m.pitch
    level = heading_level(normalize(line.text))
    # 一、 / (一) / 第X章 never continue a wrapped sentence; 1、 / (1) may ("增长\n1.5%").
    heading = 0 < level <= _WORDED_LEVELS or (level > 0 and bool(_SENTENCE_DONE.search(prev.text)))
    cells = bool(line.runs or prev.runs)  # rows read in parts (a table's) are never joined
    return indented or short or gap or heading or cells
