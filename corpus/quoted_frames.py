"""Names a paragraph gives one by one in the same words around them ("…,形成“数网”体系;…,
形成“数纽”体系;…,形成“数链”体系"): three or more quoted names, each between the same word
before and the same word after. The items are the names; the list is named by the
paragraph's opening sentence and the words framing them ("形成 体系").

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from corpus.enum_model import Enumeration, Item
from corpus.model import Document

MIN_NAMES = 3  # two framed names are a pair, not a list
# a quoted name and the two characters either side of it
_FRAMED = re.compile(r'(?=([\u4e00-\u9fff]{2})"([^"\n,;。、:]{1,12})"([\u4e00-\u9fff]{2}))')
_PARAGRAPH = re.compile(r"[^\n]+")


def quoted_frames(doc: Document) -> list[Enumeration]:
    """Each paragraph's runs of :data:`MIN_NAMES` or more different quoted names framed by the
    same words, one to a clause or sentence."""
    out = []
    for para in _PARAGRAPH.finditer(doc.norm):
        frames: dict[tuple[str, str], list[re.Match[str]]] = defaultdict(list)
        for m in _FRAMED.finditer(doc.norm, para.start(), para.end()):
            frames[(m.group(1), m.group(3))].append(m)
        for (before, after), found in frames.items():
            if len({m.group(2) for m in found}) >= MIN_NAMES and _apart(doc.norm, found):
                out.append(_framed(doc, para.start(), para.end(), found, f"{before} {after}"))
    return out


def _apart(norm: str, found: list[re.Match[str]]) -> bool:
    """Whether each name stands in a clause or sentence of its own (not "“A”体系和“B”体系")."""
    ends = [m.start(2) for m in found]
    return all(re.search(r"[,;。]", norm[a:b]) for a, b in pairwise(ends))


def _framed(
    doc: Document, start: int, end: int, found: list[re.Match[str]], frame: str
) -> Enumeration:
    """The names of ``found`` as a list named by the paragraph's opening sentence and ``frame``."""
    norm = doc.norm
    items = []
    for m in found:
        a = max(norm.rfind(c, start, m.start(2)) for c in ";。") + 1
        stops = [i for i in (norm.find(c, m.end(2), end) for c in ";。") if i >= 0]
        items.append(Item(m.start(2), m.end(2), max(a, start), min(stops, default=end - 1) + 1))
    opening = norm[start:end].lstrip()
    first = opening[: opening.find("。") + 1] if "。" in opening else ""
    path = doc.path_at(start)
    head = f"{path} {first} {frame}".strip()
    first_at, last_at = items[0].sent_start, items[-1].sent_end
    return Enumeration("inline", path, first_at, last_at, head, 0, tuple(items))
