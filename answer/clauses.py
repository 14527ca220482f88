"""Sentences and clauses of a passage, with offsets into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.chunk import split_sentences
from corpus.normalize import normalize
from corpus.numerals import CLAUSE_COMMA

# Words opening a clause that name nothing of their own ("其中", "全年", "累计"): what the
# clause says follows them.
LEADING = re.compile(r"^(?:其中|同时|此外|另外|全年|今年以来|截至目前|目前|共|累计|并|且|已|还)+")

# A comma between digits with three after it separates thousands ("３，９８９亿斤"), not clauses.
# (a comma inside a number, "1,235", or a clock's colon, "8:00", splits nothing)
_CLAUSE_SPLIT = re.compile(rf"{CLAUSE_COMMA}|(?<!\d):|:(?!\d{{2}}(?!\d))|[;。!?]")


@dataclass(frozen=True)
class Clause:
    """A clause inside a sentence; offsets are into the document's original text."""

    start: int
    end: int
    sent_start: int
    sent_end: int
    norm: str
    sent_norm: str


def clauses_of(text: str, offset: int) -> list[Clause]:
    """Split a passage into clauses.

    Args:
        text: the passage's original text.
        offset: where the passage starts in its document.

    Returns:
        Clauses in order; a clause never crosses a sentence.
    """
    return list(_clauses_of(text, offset))


@lru_cache(maxsize=1 << 13)  # (a passage is read again by the next question asking of it)
def _clauses_of(text: str, offset: int) -> tuple[Clause, ...]:
    norm = normalize(text)
    out: list[Clause] = []
    for s, e in split_sentences(norm, 0, len(norm), text):
        sent_norm = norm[s:e]
        pos = s
        bounds = [m.end() for m in _CLAUSE_SPLIT.finditer(norm, s, e)]
        if not bounds or bounds[-1] != e:
            bounds.append(e)
        for b in bounds:
            cs, ce = pos, b
            while cs < ce and (norm[cs].isspace() or norm[cs] in ",;:"):
                cs += 1
            while ce > cs and norm[ce - 1] in ",;:。!? \n":
                ce -= 1
            if ce > cs:
                out.append(
                    Clause(offset + cs, offset + ce, offset + s, offset + e, norm[cs:ce], sent_norm)
                )
            pos = b
    return tuple(out)


def heading_clauses(text: str, start: int, section: str) -> list[Clause]:
    """The clauses of the heading line right before a passage opening its section (a passage
    holds its section's text, not its heading): "二、产融对接类(13家)" counts what follows it,
    "(一)新增国家高新技术企业236家" states a result. [] when the passage opens no section.

    Args:
        text: the document's original text.
        start: where the passage starts in it.
        section: the passage's section path (headings joined by " > ").
    """
    if not section:
        return []
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    line_start = text.rfind("\n", 0, end) + 1
    last = section.rsplit(" > ", 1)[-1]
    if end <= line_start or normalize(text[line_start:end]).strip() != normalize(last).strip():
        return []
    return clauses_of(text[line_start:end], line_start)
