"""Lists that reports write as paragraphs, without numbering.

Parallel lead sentences: every paragraph of a section opens with a short sentence
of the same make ("坚持创新驱动。…" "坚持市场主导。…" "坚持融合发展。…"), the way
plans state their principles and tasks. Found by the shape of the text, whatever
its topic (see :mod:`corpus.enumerations` for the numbered kinds).
"""

from __future__ import annotations

import re
from collections import defaultdict

from corpus.enum_model import Enumeration, Item
from corpus.model import Document

LEAD_SENTENCE_MAX = 24  # a lead sentence names its point; longer ones are body text
MIN_PARALLEL = 3  # fewer paragraphs of one make are not yet a list
# A short sentence opening a paragraph and followed by more text on its line.
_LEAD_SENTENCE = re.compile(
    rf"(?m)^[ \t\u3000]*(?:[—─-]{{2,}})?[ \t\u3000]*"
    rf"([^\n。;:!?,、]{{2,{LEAD_SENTENCE_MAX}}})。(?=[^\n])"
)
_NUMBERED = re.compile(r"[一二三四五六七八九十\d]+[、.是]|\(|第[一二三四五六七八九十\d]")


def lead_sentence_lists(doc: Document) -> list[Enumeration]:
    """Sections whose paragraphs open with parallel short sentences (same first two
    characters, at least :data:`MIN_PARALLEL`): those sentences, in order."""
    groups: dict[tuple[str, str], list[re.Match[str]]] = defaultdict(list)
    for m in _LEAD_SENTENCE.finditer(doc.norm):
        lead = m.group(1)
        if _NUMBERED.match(lead):
            continue  # numbered points are corpus.enumerations' ordinal lists
        groups[(doc.path_at(m.start(1)), lead[:2])].append(m)
    out = []
    for (path, _), found in groups.items():
        if len(found) < MIN_PARALLEL:
            continue
        items = tuple(Item(m.start(1), m.end(1), m.start(1), m.end()) for m in found)
        out.append(
            Enumeration("lead", path, items[0].sent_start, items[-1].sent_end, path, 0, items)
        )
    return out
