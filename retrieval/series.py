"""A series of short items whose last carries what is asked of each: "二产、三产增加值增速
目标各定的多少" asks the 增加值增速 target of 二产 and of 三产, "城镇和农村居民收入增长目标
分别是多少" the 居民收入增长 target of 城镇 and of 农村.

The items are told from whole names by their words: each earlier item is one or two plain
words (no term of the domain dictionary, which names a metric whole: 高企), the last
segment's first word is an item of about the same length and another than the first, and
what follows it names a metric ("高企和科技型中小企业各新增多少" is two metrics, no series).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.text import pos_tags

# What joins the items of one series (no comma: "A,B…多少" is a topic and its ask).
_BREAKS = re.compile(r"[,;:?。!]")
_EACH = re.compile(r"各|分别")


def _plain_words(item: str) -> list[str] | None:
    """An item's words when it is one or two plain words (None for a dictionary term)."""
    tagged = pos_tags(item)
    if not 1 <= len(tagged) <= 2 or any(flag == "x" for _, flag in tagged):
        return None
    return [w for w, _ in tagged]


def shared_tail(
    segments: list[str],
    norm: str,
    item_of: Callable[[str], str],
    asks: Callable[[str], bool],
    names_metric: Callable[[str], bool],
) -> tuple[list[str], str]:
    """(the items' segments, the tail asked of each) for a series whose last segment
    carries the metric and the ask; else (``segments``, "").

    Args:
        segments: the question's segments, in order.
        norm: the normalised question they were split from.
        item_of: a segment's own words (no place, year or asking words).
        asks: whether a segment asks a figure.
        names_metric: whether words name what is counted.
    """
    if len(segments) < 2:
        return segments, ""
    *firsts, last = segments
    items = [item_of(s) for s in firsts]
    if not asks(last) or any(
        asks(s) or not it or not s.endswith(it) for s, it in zip(firsts, items, strict=True)
    ):
        return segments, ""
    at = norm.find(firsts[0])
    if at < 0 or _BREAKS.search(norm[at : norm.find(last, at)]):
        return segments, ""
    if any(_plain_words(it) is None for it in items):
        return segments, ""
    tagged = pos_tags(last)
    head, flag = tagged[0]
    tail = last[len(head) :]
    alike = all(abs(len(head) - len(it)) <= 1 and head != it for it in items)
    if flag == "x" or not alike or not names_metric(tail):
        return segments, ""
    return [*firsts, head], _EACH.sub("", tail)
