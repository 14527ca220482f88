"""A paged document's text: page furniture dropped, paragraphs rebuilt across pages.

Page furniture (page numbers such as ``- 3 -`` or ``第3页 共10页``, and a running
header or footer repeated at the top or bottom of the pages) is not part of
the text: it neither becomes a section nor cuts the sentence that runs on to
the next page. The text remembers where each page starts, so any offset can
be told its page (:meth:`corpus.model.Document.page_at`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.layout import LAYOUT, LayoutConfig, Line, Metrics, join, metrics, opens
from corpus.model import Table
from corpus.normalize import normalize
from corpus.scan_tables import blocks, grid
from corpus.tables import TableText, layout_table, placed
from corpus.wrapped_cells import fold_wrapped

# "- 3 -", "—3—", "第 3 页", "3/10", "第3页 共10页" (OCR reads a dash as 一 at times).
_PAGE_NUMBER = re.compile(
    r"[-—–一_\s]*(?:第\s*)?\d{1,4}\s*页?\s*(?:[/,]?\s*共\s*\d{1,4}\s*页|/\s*\d{1,4})?[-—–一_\s]*"
)


@dataclass(frozen=True)
class PagedText:
    """Text assembled from pages.

    Attributes:
        text: the paragraphs, one per line.
        pages: offset in ``text`` where each page starts (page n at ``pages[n-1]``;
            a page without text starts where the next one does).
        tables: the tables read off scanned pages, placed in ``text``.
    """

    text: str
    pages: tuple[int, ...]
    tables: tuple[Table, ...] = ()


def is_page_number(line: str) -> bool:
    """Whether a line is nothing but a page number (``- 3 -``, ``第3页``, ``3/10``)."""
    return bool(_PAGE_NUMBER.fullmatch(normalize(line).strip()))


def _edge_key(line: str) -> str:
    """What a running header or footer keeps from page to page (its numbers change)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", normalize(line)))


def _edge_rows(n: int, config: LayoutConfig) -> list[int]:
    """Indices of the lines of an ``n``-line page that stand at its top or bottom."""
    return [i for i in range(n) if i < config.edge_lines or i >= n - config.edge_lines]


def furniture(pages: Sequence[Sequence[Line]], config: LayoutConfig = LAYOUT) -> list[set[int]]:
    """For each page, the indices of its lines that are page furniture: page numbers at
    its top or bottom, and lines there that recur on at least half of the pages (two at
    least) once their numbers are masked."""
    seen = Counter(
        k for p in pages for k in {_edge_key(p[i].text) for i in _edge_rows(len(p), config)}
    )
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in pages:
        edge = _edge_rows(len(lines), config)
        out.append(
            {
                i
                for i in edge
                if is_page_number(lines[i].text) or seen[_edge_key(lines[i].text)] >= need
            }
        )
    return out


def assemble(pages: Sequence[Sequence[Line]], config: LayoutConfig = LAYOUT) -> PagedText:
    """The text of pages of lines in reading order: furniture dropped, wrapped lines joined,
    one paragraph per line; a paragraph running on to the next page stays one; a table read
    off a page (:mod:`corpus.scan_tables`; its cells' wrapped lines folded into their rows,
    :mod:`corpus.wrapped_cells`) laid out one row a line."""
    out = _Text(config)
    for lines, dropped in zip(pages, furniture(pages, config), strict=True):
        out.page([x for i, x in enumerate(lines) if i not in dropped])
    text = "\n".join(out.paragraphs)
    return PagedText(text, _fill_empty(out.starts, len(text)), tuple(out.tables))


class _Text:
    """Paragraphs being built page by page, and where pages and tables start in them."""

    def __init__(self, config: LayoutConfig) -> None:
        self.config = config
        self.paragraphs: list[str] = []
        self.starts: list[int] = []
        self.tables: list[Table] = []
        self.length = 0  # of "\n".join(paragraphs)
        self.prev: Line | None = None
        self.prev_m: Metrics | None = None

    def page(self, body: list[Line]) -> None:
        body = fold_wrapped(body, self.config)
        m = metrics(body)
        found = {
            s: (e, t)
            for s, e in blocks(body, self.config.table_rows)
            if (t := layout_table(grid(body[s:e])))
        }
        page_start: int | None = None
        i = 0
        while i < len(body):
            assert m is not None
            if i in found:
                end, table = found[i]
                at = self.table(table)
                self.prev, i = None, end  # what follows a table opens a paragraph
            else:
                at = self.line(body[i], opens(body[i], self.prev, m, self.prev_m, self.config))
                self.prev, i = body[i], i + 1
            self.prev_m = m
            page_start = at if page_start is None else page_start
        self.starts.append(page_start if page_start is not None else -1)

    def line(self, line: Line, new: bool) -> int:
        """Add a line as a new paragraph or to the last; returns where its text starts."""
        if new or not self.paragraphs:
            self.length += len(line.text) + (1 if self.paragraphs else 0)
            self.paragraphs.append(line.text)
            return self.length - len(line.text)
        joined = join(self.paragraphs[-1], line.text)
        self.length += len(joined) - len(self.paragraphs[-1])
        self.paragraphs[-1] = joined
        return self.length - len(line.text)

    def table(self, table: TableText) -> int:
        """Add a table's rows, one paragraph each; returns where it starts."""
        start = self.length + (1 if self.paragraphs else 0)
        for row in table.lines:
            self.line(Line(row, 0, 0, 0, 0), True)
        self.tables.append(placed(table, start))
        return start


def _fill_empty(starts: list[int], end: int) -> tuple[int, ...]:
    """A page without text starts where the next page with text does."""
    out, nxt = [], end
    for s in reversed(starts):
        nxt = s if s >= 0 else nxt
        out.append(nxt)
    return tuple(reversed(out))
