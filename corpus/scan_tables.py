"""Tables on scanned pages: rows read in parts far apart, laid out on shared columns.

OCR reads a table row as several boxes with wide gaps between them
(:attr:`corpus.layout.Line.runs`). Two or more such rows in a row are a table
candidate: its columns are the horizontal spans the cells of its rows cover
(cells of one column overlap, columns do not), each cell goes to the column
holding its centre, and the grid is laid out like a DOCX table
(:func:`corpus.tables.layout_table`), which also decides whether it has a
header row at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus.layout import Line
from corpus.tables import Grid, is_number


def blocks(lines: Sequence[Line], min_rows: int) -> list[tuple[int, int]]:
    """(first, one past last) indices of runs of at least ``min_rows`` consecutive lines
    read in parts."""
    out, start = [], None
    for i, line in enumerate([*lines, None]):
        if line is not None and line.runs:
            start = i if start is None else start
        elif start is not None:
            if i - start >= min_rows:
                out.append((start, i))
            start = None
    return out


def columns(lines: Sequence[Line], slack: float) -> list[tuple[float, float]]:
    """The horizontal spans of the columns of ``lines``: their cells' spans merged where
    they overlap (within ``slack``)."""
    spans = sorted((x0, x1) for line in lines for x0, x1, _ in line.runs)
    merged: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + slack:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def grid(lines: Sequence[Line]) -> Grid:
    """The cell texts of a block, by column (a cell the row leaves empty is "")."""
    char = sorted(x.y1 - x.y0 for x in lines)[len(lines) // 2]
    # Columns from the rows holding figures: a header cell spanning columns would join them.
    data = [x for x in lines if any(is_number(t) for _, _, t in x.runs)]
    cols = columns(data or lines, char / 2)
    out: Grid = []
    for line in lines:
        row: list[str | None] = [""] * len(cols)
        for x0, x1, text in line.runs:
            centre = (x0 + x1) / 2
            j = min(range(len(cols)), key=lambda k: _distance(cols[k], centre))
            row[j] = f"{row[j]} {text}".strip()
        out.append(row)
    return out


def _distance(span: tuple[float, float], x: float) -> float:
    return 0.0 if span[0] <= x <= span[1] else min(abs(x - span[0]), abs(x - span[1]))
