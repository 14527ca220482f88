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
from corpus.normalize import normalize

# "- 3 -", "—3—", "第 3 页", "3/10", "第3页 共10页" (OCR reads a dash as 一 at times).
_PAGE_NUMBER = re.compile(
    r"[-—–一_\s]*(?:第\s*)?\d{1,4}\s*页?\s*(?:[/,]?\s*共\s*\d{1,4}\s*页|/\s*\d{1,4})?[-—–一_\s]*"
)
_EDGE = 2  # lines at the top and at the bottom of a page that may be furniture


@dataclass(frozen=True)
class PagedText:
    """Text assembled from pages.

    Attributes:
        text: the paragraphs, one per line.
        pages: offset in ``text`` where each page starts (page n at ``pages[n-1]``;
            a page without text starts where the next one does).
    """

    text: str
    pages: tuple[int, ...]


def is_page_number(line: str) -> bool:
    """Whether a line is nothing but a page number (``- 3 -``, ``第3页``, ``3/10``)."""
    return bool(_PAGE_NUMBER.fullmatch(normalize(line).strip()))


def _edge_key(line: str) -> str:
    """What a running header or footer keeps from page to page (its numbers change)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", normalize(line)))


def _edges(lines: Sequence[Line]) -> list[Line]:
    return [*lines[:_EDGE], *lines[_EDGE:][-_EDGE:]]


def furniture(pages: Sequence[Sequence[Line]]) -> list[set[int]]:
    """For each page, the indices of its lines that are page furniture: page numbers at
    its top or bottom, and lines there that recur on at least half of the pages (two at
    least) once their numbers are masked."""
    seen = Counter(k for p in pages for k in {_edge_key(x.text) for x in _edges(p)})
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in pages:
        edge = [i for i in range(len(lines)) if i < _EDGE or i >= len(lines) - _EDGE]
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
    one paragraph per line; a paragraph running on to the next page stays one."""
    drop = furniture(pages)
    paragraphs: list[str] = []
    starts: list[int] = []
    length = 0  # of "\n".join(paragraphs)
    prev: Line | None = None
    prev_m: Metrics | None = None
    for lines, dropped in zip(pages, drop, strict=True):
        body = [x for i, x in enumerate(lines) if i not in dropped]
        m = metrics(body)
        page_start: int | None = None
        for line in body:
            assert m is not None
            if opens(line, prev, m, prev_m, config):
                length += len(line.text) + (1 if paragraphs else 0)
                paragraphs.append(line.text)
                at = length - len(line.text)
            else:
                joined = join(paragraphs[-1], line.text)
                at = length + len(joined) - len(paragraphs[-1]) - len(line.text)
                length += len(joined) - len(paragraphs[-1])
                paragraphs[-1] = joined
            page_start = at if page_start is None else page_start
            prev, prev_m = line, m
        starts.append(page_start if page_start is not None else -1)
    text = "\n".join(paragraphs)
    return PagedText(text, _fill_empty(starts, len(text)))


def _fill_empty(starts: list[int], end: int) -> tuple[int, ...]:
    """A page without text starts where the next page with text does."""
    out, nxt = [], end
    for s in reversed(starts):
        nxt = s if s >= 0 else nxt
        out.append(nxt)
    return tuple(reversed(out))
