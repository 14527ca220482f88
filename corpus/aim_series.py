"""Figures a sentence aims at, one after another: "力争瞪羚企业实现“零”的突破、国家高新技术企业
突破90家、备案入库…突破200户,高新技术产业年营业收入突破750亿元". After 力争 (or 确保, 争取,
目标是), three or more clauses joined by 、 or a comma, each naming a thing and a figure it
is to reach, up to the first clause that states none. The items are the clauses; the list is
named by its section and the sentence's words before the aim.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import Enumeration, Item
from corpus.model import Document

MIN_AIMS = 3  # fewer figures are a pair, no list
MAX_AIM = 30  # a longer clause is a sentence of its own, no item
_AIM = re.compile(r"力争|确保|争取|目标是")
# A clause stating a figure to reach: a thing, a verb of reaching, an amount (or a first one)
_FIGURE = re.compile(
    r"[\u4e00-\u9fff\"]{2,}?(?:突破|达到|达|超过|增长|新增|实现|提高到|提升至|提升到|完成)"
    r"[^、,;。]*?(?:\d|\"零\"|零的突破|全覆盖)"
)
_PIECE = re.compile(r"[^、,;。\n]+")


def aim_series(doc: Document) -> list[Enumeration]:
    """Runs of :data:`MIN_AIMS` or more figure clauses right after an aim word."""
    norm, out = doc.norm, []
    for aim in _AIM.finditer(norm):
        end = min((i for i in (norm.find(c, aim.end()) for c in "。;\n") if i >= 0), default=-1)
        if end < 0:
            continue
        items = []
        for piece in _PIECE.finditer(norm, aim.end(), end):
            text = piece.group(0)
            if len(text) > MAX_AIM or not _FIGURE.match(text):
                break
            items.append(Item(piece.start(), piece.end(), aim.start(), end))
        if len(items) < MIN_AIMS:
            continue
        opening = max(norm.rfind(c, 0, aim.start()) for c in "。;\n") + 1
        path = doc.path_at(aim.start())
        head = f"{path} {norm[opening : aim.end()]}".strip()
        out.append(Enumeration("inline", path, opening, end, head, 0, tuple(items)))
    return out
