"""What a thing is to be like, as a series of short words before it ("打造可审核、可监督、
可追溯、可信赖的人工智能技术", "建设更高质量、更有效率、更加公平、更可持续的…"): three or
more words of one make (as long, or opening alike) set apart by 、 and joined to the noun by
的. The items are those words; the list is named by its clause and the noun.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import LEAD_VERBS, Enumeration, Item, sentence_end, sentence_start
from corpus.model import Document

MIN_WORDS = 3  # two words are a pair, not a list
_SERIES = re.compile(
    r"((?:[^、,;。:!?\n的\"\d]{2,6}、){2,}[^、,;。:!?\n的\"\d]{2,6})的([\u4e00-\u9fff]{2,10})"
)


def modifier_series(doc: Document) -> list[Enumeration]:
    """Series of :data:`MIN_WORDS` or more short words of one make before 的 and a noun."""
    norm, out = doc.norm, []
    for m in _SERIES.finditer(norm):
        spans = _pieces(norm, m.start(1), m.end(1))
        words = [norm[a:b] for a, b in spans]
        if len(words) < MIN_WORDS or not _one_make(words):
            continue
        s, e = sentence_start(norm, m.start()), sentence_end(norm, m.end())
        items = tuple(Item(a, b, s, e) for a, b in spans)
        path = doc.path_at(m.start())
        clause = max(norm.rfind(c, s, m.start()) for c in ",;:") + 1
        own = norm[max(clause, s) : spans[0][0]]
        head = f"{path} {own} 的{m.group(2)}".strip()
        out.append(Enumeration("inline", path, s, e, head, 0, items))
    return out


def _pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words between 、, the first without the verb leading the series ("打造可审核")."""
    spans, pos = [], start
    for piece in norm[start:end].split("、"):
        spans.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    a, b = spans[0]
    verb = LEAD_VERBS.match(norm, a, b)
    if verb is not None and b - verb.end() >= 2:
        spans[0] = (verb.end(), b)
    return spans


def _one_make(words: list[str]) -> bool:
    """Words of one make: all as long, or all opening with the same character."""
    return len({len(w) for w in words}) == 1 or len({w[0] for w in words}) == 1
