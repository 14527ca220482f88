"""Tables as tables: header cells found, each data row written as a line naming its headers.

A 主要指标表 such as::

    序号 | 指标          | 单位 | 2021年 | 2022年目标
    1    | 研发投入强度  | %    | 3.1    | 3.3

becomes the line ``研发投入强度 2021年 3.1%，研发投入强度 2022年目标 3.3%``: each
value a clause naming its row (the label columns) and its column, so that the
clause a question matches holds both; a 单位 column's unit follows each value;
序号 is left out. The table is kept in the document model as a
:class:`~corpus.model.Table` whose cells point at the values. A row is one
sentence and one passage, so a question for a cell finds the row and quotes it
with its row and column named. A table without a header row (a key-value
table such as 发布单位 | 区科技局 | 发文日期 | …) is written as before, its cells
joined by `` | ``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.model import Cell, Table, TableRow
from corpus.normalize import normalize

Grid = list[list[str | None]]  # rows of cell texts; None: the cell to the left runs on

# A figure, maybe bounded ("≥150", "约40") or a range, with a short unit ("12.5亿元", "3.3%").
_NUMBER = re.compile(
    r"(?:[≥≤<>~+]|约|不低于|不少于|超过|达到)?\s*(\d[\d.,]*)(?:\s*[-~至]\s*\d[\d.,]*)?"
    r"\s*(?:%|‰|[^\d\s%]{0,4})"
)
_INDEX = re.compile(r"序号|编号|序|no\.?")
_UNIT = re.compile(r"(?:计量)?单位")
MAX_HEADER_ROWS = 2


@dataclass(frozen=True)
class TableText:
    """A table's lines and structure; offsets are relative to the first line's start
    (lines joined by "\\n")."""

    lines: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]


def is_number(cell: str) -> bool:
    """Whether a cell holds a figure ("3.3", "≥150", "12.5%", "20亿元"), not a year ("2023年")."""
    text = normalize(cell).strip()
    m = _NUMBER.fullmatch(text)
    return m is not None and not re.match(r"(?:19|20)\d{2}年", text[m.start(1) :])


def plain_lines(grid: Grid) -> list[str]:
    """The rows of a table without headers: cells joined by " | " (merged cells once)."""
    return [" | ".join(c for c in row if c is not None) for row in grid]


def _header_rows(grid: Grid) -> int:
    """How many leading rows are headers: rows without a figure, at most two, one at least."""
    n = 1
    while n < min(MAX_HEADER_ROWS, len(grid) - 1) and not any(c and is_number(c) for c in grid[n]):
        n += 1
    return n


def _columns(grid: Grid, n_head: int) -> list[str]:
    """Each column's header: its header cells top down, a merged one (spanning columns) once."""
    width = max(len(r) for r in grid)
    names = []
    for j in range(width):
        parts: list[str] = []
        for row in grid[:n_head]:
            k = j
            while k > 0 and k < len(row) and row[k] is None:  # a merged cell: its text is left
                k -= 1
            text = " ".join((row[k] or "").split()) if k < len(row) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        names.append("".join(parts))
    return names


def _label_columns(grid: Grid, columns: list[str], n_head: int) -> list[int]:
    """The leading columns naming a row (序号 aside): their cells are words, not figures."""
    labels = []
    for j, name in enumerate(columns):
        cells = [c for r in grid[n_head:] if j < len(r) and (c := r[j])]
        if _INDEX.fullmatch(normalize(name).strip()):
            continue
        if not cells or sum(map(is_number, cells)) * 2 > len(cells) or _UNIT.fullmatch(name):
            break
        labels.append(j)
    return labels


def layout_table(grid: Grid) -> TableText | None:
    """The lines and structure of a table with a header row (None: it has none, or no rows)."""
    grid = [r for r in grid if any(c and c.strip() for c in r)]
    if len(grid) < 2:
        return None
    n_head = _header_rows(grid)
    columns = _columns(grid, n_head)
    labels = _label_columns(grid, columns, n_head)
    if not labels or any(is_number(c) for c in columns if c):
        return None  # no row names, or a figure in the "header": not a header row
    unit = next((j for j, c in enumerate(columns) if _UNIT.fullmatch(c)), None)
    skip = {*labels, *(j for j, c in enumerate(columns) if _INDEX.fullmatch(normalize(c)))}
    lines: list[str] = []
    rows: list[TableRow] = []
    base = 0
    for row in grid[n_head:]:
        line, row_meta = _row_line(row, columns, labels, skip, unit, base)
        if line:
            lines.append(line)
            rows.append(row_meta)
            base += len(line) + 1
    return TableText(tuple(lines), tuple(columns), tuple(rows)) if rows else None


def _row_line(
    row: list[str | None],
    columns: list[str],
    labels: list[int],
    skip: set[int],
    unit: int | None,
    base: int,
) -> tuple[str, TableRow]:
    """One data row as "header column value，header column value" and its cells' offsets:
    each cell a clause of its own that names its row and its column."""
    cell = [" ".join((c or "").split()) for c in row] + [""] * (len(columns) - len(row))
    header = " ".join(dict.fromkeys(cell[j] for j in labels if cell[j]))
    suffix = cell[unit] if unit is not None else ""
    line = ""
    cells: list[Cell] = []
    for j, name in enumerate(columns):
        if j in skip or j == unit or not cell[j] or (j < len(row) and row[j] is None):
            continue
        value = cell[j] + (suffix if suffix and is_number(cell[j]) else "")
        line += "，" if cells else ""
        line += " ".join(x for x in (header, name) if x) + " "
        cells.append(Cell(base + len(line), base + len(line) + len(value), name))
        line += value
    return line, TableRow(base, base + len(line), header, tuple(cells))


def placed(table: TableText, start: int) -> Table:
    """The table's structure with offsets into a text where its first line starts at ``start``."""
    rows = tuple(
        replace(
            r,
            start=r.start + start,
            end=r.end + start,
            cells=tuple(replace(c, start=c.start + start, end=c.end + start) for c in r.cells),
        )
        for r in table.rows
    )
    return Table(start, start + len("\n".join(table.lines)), table.columns, rows)
