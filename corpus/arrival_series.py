"""Names a sentence says arrived, opened or started: "浙江大学河南技术转移中心、中山大学河南研究院、
摩米创新工场落户我市", "A、B、C等20个项目建成投产". Three or more names joined by 、 (the last
may follow 和 or 及), closed by 等 (with a count or kind) or not, right before a verb of
arrival, launch or completion. The items are the names; the list is named by its section,
its clause and the verb.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import LEAD_VERBS, Enumeration, Item, split_at
from corpus.model import Document

MIN_NAMES = 3  # fewer names are a pair, no list
# What the names did: arrived, opened, started or were finished.
_ARRIVED = (
    r"落户|入驻|揭牌|挂牌成立|挂牌|建成投用|建成投产|建成运营|开工建设|开工|竣工投产|签约落地|"
    r"正式运营|投入使用|投用|获批"
)
_SERIES = re.compile(
    r"((?:[^、,;。:!?\n]{2,20}、){2,}[^、,;。:!?\n]{2,20}?)"
    r"(?:等(?:(?:\d{1,3}|[一二两三四五六七八九十]{1,3})[余多]?)?(?:个|家|所|批|项)?"
    r"[\u4e00-\u9fff]{0,6}?)?"
    rf"(?:先后|相继|陆续|均|已|已经|正式|顺利|成功|全部)?({_ARRIVED})"
)


def arrival_series(doc: Document) -> list[Enumeration]:
    """Series of names closed by the verb of what they did."""
    norm, out = doc.norm, []
    for m in _SERIES.finditer(norm):
        spans = split_at(norm, m.start(1), m.end(1), "、")
        lead = LEAD_VERBS.match(norm, *spans[0])
        if lead and lead.end() < spans[0][1]:
            spans[0] = (lead.end(), spans[0][1])
        if len(spans) < MIN_NAMES or any(b - a < 2 for a, b in spans):
            continue
        opening = max(norm.rfind(c, 0, m.start(1)) for c in ",;:。\n") + 1
        path = doc.path_at(m.start())
        head = f"{path} {norm[opening : spans[0][0]]} {m.group(2)}".strip()
        items = tuple(Item(a, b, opening, m.end()) for a, b in spans)
        out.append(Enumeration("inline", path, opening, m.end(), head, 0, items))
    return out
