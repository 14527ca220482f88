"""Lists written as clauses of one sentence that end alike: "…总体布局不变,…方针不变,…各项
现行政策不变", "坚持…不动摇,坚持…不动摇,坚持…不动摇". Each clause is an item; the words of
the sentence before the first one (its colon, its subject) head them. Found by the shape
of the text, whatever its topic (see :mod:`corpus.enumerations`). Parallel clauses are
common in reports, so :mod:`answer.lists` takes such a list only when the question names
what its items are (a word every item carries: "哪几个“不变”")."""

from __future__ import annotations

import re

from corpus.chunk import split_sentences
from corpus.enum_model import MAX_LEAD, Enumeration, Item
from corpus.model import Document

MIN_ALIKE = 3  # fewer clauses ending alike are no list yet
ENDING = 2  # characters a clause's ending shares with the others'
_SEPARATOR = re.compile(r"[,;:]")
_HAN = re.compile(r"[\u4e00-\u9fff]{2}$")
# Clauses stating figures ("投资增长7%左右,…增长8%左右") are figures, not a list of points.
_FIGURE = re.compile(r"\d")


def clauses_of(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the comma-separated clauses of ``norm[start:end]``, a comma inside quotes
    ("“百花齐放,百家争鸣”的方针不变") separating nothing; the final full stop left out."""
    out, at, quoted = [], start, False
    for i in range(start, end):
        ch = norm[i]
        if ch == '"':
            quoted = not quoted
        elif _SEPARATOR.match(ch) and not quoted:
            out.append((at, i))
            at = i + 1
    last = end - 1 if end > at and norm[end - 1] in "。!?" else end
    out.append((at, last))
    return [(a, b) for a, b in out if b > a]


def _runs(norm: str, clauses: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of consecutive clauses ending with the same Han characters."""
    runs: list[list[tuple[int, int]]] = []
    for a, b in clauses:
        end = norm[max(a, b - ENDING) : b]
        same = runs and _HAN.match(end) and norm[runs[-1][-1][1] - ENDING : runs[-1][-1][1]] == end
        if same:
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    return [
        r
        for r in runs
        if len(r) >= MIN_ALIKE
        and _HAN.search(norm[r[0][0] : r[0][1]])
        and all(b - a <= MAX_LEAD and not _FIGURE.search(norm, a, b) for a, b in r)
    ]


def alike_clause_lists(doc: Document) -> list[Enumeration]:
    """Every sentence's run of at least :data:`MIN_ALIKE` clauses ending alike, each clause
    an item whole (at most :data:`MAX_LEAD` characters, no figure in it)."""
    norm, out = doc.norm, []
    for s, e in split_sentences(norm, 0, len(norm), doc.text):
        for run in _runs(norm, clauses_of(norm, s, e)):
            items = tuple(Item(a, b, s, e) for a, b in run)
            path = doc.path_at(s)
            head = f"{path} {norm[s : run[0][0]].strip(' ,:')}".strip()
            out.append(Enumeration("alike", path, s, e, head, 0, items))
    return out
