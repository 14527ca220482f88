"""A table cell wrapped over lines: its lines folded back into their row.

A long cell ("新增国家高新技术企业" in a narrow column) wraps: the row's other
cells stand on one line, read in parts far apart (:attr:`corpus.layout.Line.runs`),
and the cell's lines stand above and below it (cells centred) or below it (cells
at the top), each a line of one piece. Such a line is folded into the row when
it is close to it (a gap under :attr:`~corpus.layout.LayoutConfig.cell_gap` of its
height, its neighbours in the chain likewise) and lies in one column of it
(it crosses at most one of the row's cells). Lines between two rows go to the
row on their side of the widest gap between them. Only rows of a table are
folded into: rows in parts with another such row at most
:attr:`~corpus.layout.LayoutConfig.cell_lines` lines away.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.layout import LAYOUT, LayoutConfig, Line, join


def _gap(upper: Line, lower: Line) -> float:
    return lower.y0 - upper.y1


def _in_one_column(line: Line, row: Line) -> bool:
    crossed = sum(1 for x0, x1, _ in row.runs if line.x0 < x1 and x0 < line.x1)
    return not line.runs and crossed <= 1


def _chain(
    lines: Sequence[Line], row: int, order: Sequence[int], config: LayoutConfig
) -> list[int]:
    """The lines of ``order`` (walking away from ``row``) that fold into it: each close to
    the one before it and in one column of the row."""
    out, last = [], lines[row]
    for i in order:
        line = lines[i]
        upper, lower = (line, last) if i < row else (last, line)
        if _gap(upper, lower) > config.cell_gap * (line.y1 - line.y0):
            break
        if not _in_one_column(line, lines[row]):
            break
        out.append(i)
        last = line
    return out


def _zones(lines: Sequence[Line], config: LayoutConfig) -> list[list[int]]:
    """Indices of the rows in parts, grouped where each is near the next (a table)."""
    rows = [i for i, x in enumerate(lines) if x.runs]
    zones: list[list[int]] = []
    for i in rows:
        if zones and i - zones[-1][-1] <= config.cell_lines + 1:
            zones[-1].append(i)
        else:
            zones.append([i])
    return [z for z in zones if len(z) >= 2]


def _assign(lines: Sequence[Line], zone: list[int], config: LayoutConfig) -> dict[int, list[int]]:
    """Row index -> the indices of the wrapped lines folding into it."""
    taken: dict[int, list[int]] = {r: [] for r in zone}
    first, last = zone[0], zone[-1]
    above = range(first - 1, max(-1, first - 1 - config.cell_lines), -1)
    below = range(last + 1, min(len(lines), last + 1 + config.cell_lines))
    taken[first] += _chain(lines, first, above, config)
    taken[last] += _chain(lines, last, below, config)
    for a, b in itertools.pairwise(zone):
        between = list(range(a + 1, b))
        if not between:
            continue
        seq = [a, *between, b]
        cut = max(range(len(seq) - 1), key=lambda j: _gap(lines[seq[j]], lines[seq[j + 1]]))
        taken[a] += _chain(lines, a, seq[1 : cut + 1], config)
        taken[b] += _chain(lines, b, seq[-2:cut:-1], config)
    return taken


@dataclass
class _Cell:
    """A cell being gathered: its span and its pieces (top, text)."""

    x0: float
    x1: float
    pieces: list[tuple[float, str]]

    def text(self) -> str:
        out = ""
        for _, piece in sorted(self.pieces):
            out = join(out, piece) if out else piece
        return out


def _fold(row: Line, parts: Sequence[Line]) -> Line:
    """A row with its cells' wrapped lines: each joins the cell it lies under or over
    (top to bottom), or is a cell of its own."""
    cells = [_Cell(x0, x1, [(row.y0, text)]) for x0, x1, text in row.runs]
    for part in parts:
        over = next((c for c in cells if part.x0 < c.x1 and c.x0 < part.x1), None)
        if over is None:
            cells.append(_Cell(part.x0, part.x1, [(part.y0, part.text)]))
        else:
            over.x0, over.x1 = min(over.x0, part.x0), max(over.x1, part.x1)
            over.pieces.append((part.y0, part.text))
    runs = tuple((c.x0, c.x1, c.text()) for c in sorted(cells, key=lambda c: c.x0))
    everything = [row, *parts]
    return Line(
        " ".join(t for _, _, t in runs),
        min(x.x0 for x in everything),
        min(x.y0 for x in everything),
        max(x.x1 for x in everything),
        max(x.y1 for x in everything),
        runs,
    )


def fold_wrapped(lines: Sequence[Line], config: LayoutConfig = LAYOUT) -> list[Line]:
    """The lines of a page with the wrapped lines of table cells folded into their rows."""
    folded: dict[int, Line] = {}
    gone: set[int] = set()
    for zone in _zones(lines, config):
        for row, parts in _assign(lines, zone, config).items():
            if parts:
                folded[row] = _fold(lines[row], [lines[i] for i in sorted(parts)])
                gone.update(parts)
    return [folded.get(i, x) for i, x in enumerate(lines) if i not in gone]
