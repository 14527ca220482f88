"""The points a count names by the subjects of the sentences after it: "聚力推进六大产业发展。
农产品加工产业重点围绕…。力争…。有色金属新材料产业按照…": the sentences of that paragraph
opening with a noun phrase ending with the counted noun (产业), exactly as many as counted.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import LEAD_ADVERBS, LEAD_VERBS, Item
from corpus.model import Document


def counted_noun(name: str) -> str:
    """The noun a count names, before what is done with it ("六大产业发展": 产业)."""
    bare = _DONE_TAIL.sub("", name)
    return (bare if len(bare) >= 2 else name)[-2:]


def subjects(doc: Document, first: int, name: str, count: int) -> list[Item]:
    """The subjects ending with the counted noun that the sentences of the paragraph from
    ``first`` open with ("聚力推进六大产业发展。农产品加工产业重点围绕…。力争…。有色金属
    新材料产业按照…"), when exactly ``count`` do."""
    norm, noun = doc.norm, counted_noun(name)
    end = norm.find("\n", first)
    items = []
    for s in re.finditer(r"[^。\n]+。?", norm[first : end if end > 0 else len(norm)]):
        a = first + s.start() + len(s.group(0)) - len(s.group(0).lstrip())
        length = _subject(norm[a : first + s.end()], noun)
        if length:
            items.append(Item(a, a + length, a, first + s.end()))
    return items if len(items) == count else []


def _subject(lead: str, noun: str) -> int:
    """The length of a sentence's opening noun phrase ending with ``noun`` ("数字产业" of
    "数字产业持续推进…"), when it opens with no verb or adverb of what is done ("力争数字产业
    …" is a figure's sentence, not a point); 0 when none."""
    m = re.match(rf"[\u4e00-\u9fff]{{2,{SUBJECT_MAX}}}?{re.escape(noun)}(?=[\u4e00-\u9fff])", lead)
    if m is None or LEAD_VERBS.match(lead) or _DOING.match(lead):
        return 0
    return m.end()


SUBJECT_MAX = 10  # characters before the noun in a point's subject
_DONE_TAIL = re.compile(r"(?:发展|建设|工作|升级)$")
# How a sentence about doing opens (no subject of a point): "力争…", "积极…", "持续…"
_DOING = re.compile(rf"(?:{LEAD_ADVERBS}|力争|积极|持续|全力|大力|支持|推动|推进|加快)")
