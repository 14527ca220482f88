"""Who made the quoted thing a question asks of, named in the sentence as its owner
("“大豆榨油操作法”是谁创造的": "吉林省四平市李川江的“大豆榨油操作法”"), one reading of
:mod:`answer.entity_readings`."""

from __future__ import annotations

import re

from answer.extract import MAX_SPAN
from corpus.enum_model import start_after
from corpus.places import find_places

# Who made a thing ("是谁创造的", "由哪家单位研制", "哪位专家提出的"): its maker may be named as
# its owner ("李川江的“大豆榨油操作法”").
_ASKS_MAKER = re.compile(
    r"(?:谁|哪位|哪个人|哪家|哪个单位)[\u4e00-\u9fff]{0,4}?"
    r"(?:创造|发明|首创|创立|创制|总结|提出|研制|研发|设计|编写|编制)"
)
_QUOTED = re.compile(r'"([^"]{2,30})"')


def owner_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """Who made the quoted thing a question asks of ("“大豆榨油操作法”是谁创造的"), named in
    the sentence as its owner: the name before "的“…”" ("吉林省四平市李川江的“大豆榨油操作法”"),
    the places before it left out; None when the question asks no maker or the sentence
    writes no owner."""
    if not _ASKS_MAKER.search(qnorm):
        return None
    for name in _QUOTED.findall(qnorm):
        at = sent.find(f'的"{name}"')
        if at < 0:
            continue
        start = start_after(sent, at, ",;。:、(")
        while (place := _place_at(sent, start, at)) is not None:
            start = place
        if 2 <= at - start <= MAX_SPAN:
            return start, at
    return None


def _place_at(sent: str, start: int, end: int) -> int | None:
    """Where a place written at ``start`` ends (before ``end``), else None."""
    places = [e for s, e, _ in find_places(sent[start:end]) if s == 0]
    return start + max(places) if places and start + max(places) < end - 1 else None
