"""Names a quoted count spells out after 即: "“7个100”即地区生产总值比增100亿元以上,固定资产
投资比增100亿元以上,…;" lists as many pieces as it counts.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import MAX_LEAD, Enumeration, Item, split_at
from corpus.model import Document
from corpus.numerals import cn_number
from corpus.phrase_lists import MIN_SERIES

# "“7个100”即地区生产总值比增100亿元以上,固定资产投资比增100亿元以上,…;": a quoted name
# counting its items, 即 (or 是指, 就是), and that many pieces up to the clause's end.
_SPELLED_OUT = re.compile(
    r"\"((\d{1,2}|[两二三四五六七八九十]{1,2})[个大项张条][^\"]{0,8})\"(?:即|是指|就是|指)"
)


def spelled_out_names(doc: Document) -> list[Enumeration]:
    """A quoted count name spelled out after 即: exactly as many pieces as it counts, up
    to the next ; or 。 (:func:`_spelled_pieces`); named by the quoted name."""
    norm, out = doc.norm, []
    for m in _SPELLED_OUT.finditer(norm):
        stop = min(
            (i for i in (norm.find(c, m.end()) for c in ";。\n") if i >= 0), default=len(norm)
        )
        count = int(m.group(2)) if m.group(2).isdigit() else cn_number(m.group(2))
        spans = _spelled_pieces(norm, m.end(), stop)
        if len(spans) != count or count < MIN_SERIES:
            continue
        items = tuple(Item(a, min(b, a + MAX_LEAD), a, stop) for a, b in spans)
        path = doc.path_at(m.start())
        head = f"{path} {m.group(1)}"
        out.append(Enumeration("inline", path, m.start(), stop, head, count, items))
    return out


def _spelled_pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces between commas, a piece split at 、 when each part states a figure
    ("新增规上工业企业100家、新增服务业企业100家"; not "精品村、示范村、提升村100个")."""
    out: list[tuple[int, int]] = []
    for a, b in split_at(norm, start, end, ","):
        parts = split_at(norm, a, b, "、")
        figured = len(parts) > 1 and all(re.search(r"\d", norm[x:y]) for x, y in parts)
        out += parts if figured else [(a, b)]
    return [(a, b) for a, b in out if b - a >= 2]
