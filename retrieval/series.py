"""What a question's segments ask of each of them (:func:`asked_of_each`): a last segment
asking of each with no metric of its own ("A和B,同比各增长了多少"); a series of short items
whose last carries what is asked of each ("二产、三产增加值增速目标各定的多少" asks the
增加值增速 target of 二产 and of 三产, "城镇和农村居民收入增长目标分别是多少" the 居民收入增长
target of 城镇 and of 农村); metrics whose last is followed by what is asked of each
("农业总产值和工业总产值各增长多少").

The items are told from whole names by their words: each earlier item is one or two plain
words (no term of the domain dictionary, which names a metric whole: 高企), the last
segment's first word is an item of about the same length and another than the first, and
what follows it names a metric ("高企和科技型中小企业各新增多少" is two metrics, no series).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.text import pos_tags

# What joins the items of one series (no comma: "A,B…多少" is a topic and its ask).
_BREAKS = re.compile(r"[,;:?。!]")
EACH = re.compile(r"各|分别")  # what is asked of every item
# …standing right before the ask ("各有几家", "各是多少"), not a word's 各 ("各类企业") nor
# one its verb keeps ("各定的多少")
EACH_ASKED = re.compile(r"各(?=[有是为]?(?:多少|几))")


def _plain(item: str) -> bool:
    """Whether an item is one or two plain words (no term of the domain dictionary)."""
    tagged = pos_tags(item)
    return 1 <= len(tagged) <= 2 and not any(flag == "x" for _, flag in tagged)


@dataclass(frozen=True)
class SegmentWords:
    """How a segment is read (:mod:`retrieval.parts`).

    Attributes:
        own: a segment's own words (no place, year or asking words).
        asks: whether a segment asks a figure.
        names: whether a segment's words name what is counted.
    """

    own: Callable[[str], str]
    asks: Callable[[str], bool]
    names: Callable[[str], bool]


def asked_of_each(segments: list[str], norm: str, w: SegmentWords) -> tuple[list[str], str]:
    """(the segments each asked, the ask shared by them) for a question asking the same of
    several segments, by the first reading that fits; else (``segments``, "")."""
    readings: tuple[Callable[[], tuple[list[str], str]], ...] = (
        lambda: _shared_ask(segments, w),
        lambda: shared_tail(segments, norm, w),
        lambda: _topic_items(segments, norm, w),
        lambda: _each_asked(segments, norm, w),
    )
    for read in readings:  # each read only when the ones before it do not fit
        found, ask = read()
        if ask:
            return found, ask
    return segments, ""


def _shared_ask(segments: list[str], w: SegmentWords) -> tuple[list[str], str]:
    """ "A和B,同比各增长了多少": a last segment that asks of each (各, 分别) without a metric
    of its own is asked of every other segment."""
    last = segments[-1] if len(segments) >= 3 else ""
    if EACH.search(last) and w.asks(last) and not w.names(last):
        return segments[:-1], EACH.sub("", last)
    return segments, ""


def _each_asked(segments: list[str], norm: str, w: SegmentWords) -> tuple[list[str], str]:
    """ "农业总产值和工业总产值各增长多少": the last segment names its own metric, then what
    is asked of each (after 各/分别), the others a metric each and ask nothing. A first
    segment set off by a comma from two or more such ("青岛…智算谷,对…博士和硕士每年各补贴
    多少生活费") is what they are of: asked with each, no metric of its own."""
    m = EACH.search(segments[-1]) if len(segments) >= 2 else None
    if m is None or not w.asks(segments[-1][m.end() :]):
        return segments, ""
    topic = _set_off(segments, norm)
    metrics = [*segments[len(topic) : -1], segments[-1][: m.start()]]
    if any(w.asks(x) or not w.names(x) for x in metrics):
        return segments, ""
    # "新增高企和科小各多少家": the first's 新增 is every one's
    lead = _ADDED.match(w.own(metrics[0]))
    if lead:
        metrics = [x if _ADDED.match(w.own(x)) else lead.group(0) + x for x in metrics]
    # "财政赤字里中央和地方各安排了多少": the scope before the first is every one's
    scope = _SCOPE.match(metrics[0])
    if scope:
        metrics = [metrics[0], *(scope.group(0) + x for x in metrics[1:])]
    # "培育项目和重点支持项目每项资助强度各是多少": what follows the noun every item ends on
    # is asked of each
    head = _same_noun_head(metrics[:-1], metrics[-1])
    of_each = [metrics[-1][len(head) :]] if head and w.names(metrics[-1][len(head) :]) else []
    if of_each:
        metrics = [*metrics[:-1], head]
    return metrics, " ".join([*of_each, segments[-1][m.end() :], *topic])


def _set_off(segments: list[str], norm: str) -> list[str]:
    """The first segment when a comma sets it off from two or more after it that nothing
    breaks ("A,B和C各…"); else []."""
    if len(segments) < 3:
        return []
    at = norm.find(segments[0])
    start = norm.find(segments[1], at + len(segments[0]))
    if at < 0 or not re.match(r"[,:]", norm[at + len(segments[0]) :]) or start < 0:
        return []
    return [] if _BREAKS.search(norm[start : norm.find(segments[-1], start)]) else [segments[0]]


_SCOPE = re.compile(r"[^里]{2,12}?(?:里|当中|之中)(?=[\u4e00-\u9fff]{2})")


# How many were added or built up to: verbs leading a count ("新增高企和科小各多少家": the
# first's 新增 is every one's), never what is counted (segment_words.names_metric).
ADDED_WORDS = frozenset(
    {"新增", "新认定", "新引进", "净增", "累计", "新培育", "新建", "新设", "新开", "新上", "新开工"}
)
_ADDED = re.compile("|".join(sorted(ADDED_WORDS, key=len, reverse=True)))


_OF_NAME = re.compile(r"之[\u4e00-\u9fff]")


def shared_tail(segments: list[str], norm: str, w: SegmentWords) -> tuple[list[str], str]:
    """(the items' segments, the tail asked of each) for a series whose last segment
    carries the metric and the ask; else (``segments``, "").

    Args:
        segments: the question's segments, in order.
        norm: the normalised question they were split from.
        w: how a segment is read.
    """
    if len(segments) < 2:
        return segments, ""
    *firsts, last = segments
    items = [w.own(s) for s in firsts]
    ends = all(it and s.endswith(it) for s, it in zip(firsts, items, strict=True))
    if not w.asks(last) or not ends or any(w.asks(s) for s in firsts):
        return segments, ""
    at = norm.find(firsts[0])
    if at < 0 or _BREAKS.search(norm[at : norm.find(last, at)]):
        return segments, ""
    nouns = [_item_noun(it) or _item_noun(s) for s, it in zip(firsts, items, strict=True)]
    if not all(nouns):
        return segments, ""
    tagged = pos_tags(last)
    core, flag = tagged[0]
    # "虚拟现实之都": a name going on past 之 is one ("…之都每年各要…" is no tail of 之都)
    head = last[: len(core) + 2] if _OF_NAME.match(last, len(core)) else core
    alike = all(abs(len(core) - len(n)) <= 1 and head != n for n in nouns)
    if not alike and flag != "x" and head == core:
        # "城镇和农村居民人均可支配收入…": the dictionary joins the last item to its metric
        # (农村居民); the item is its opening word as long as the others
        head = _opening_item(core, nouns) or head
        alike = head != core
    tail = last[len(head) :]
    if flag == "x" or not alike or not w.names(tail):
        return segments, ""
    return [*firsts, head], EACH.sub("", tail)


def _opening_item(word: str, nouns: list[str]) -> str:
    """The opening of ``word`` as long as the series' items, when it is one plain word of
    its own other than them and two or more characters stay after it; else ""."""
    size = len(nouns[-1])
    opening = word[:size]
    if len(word) - size < 2 or opening in nouns or not all(len(n) == size for n in nouns):
        return ""
    tagged = pos_tags(opening)
    return opening if len(tagged) == 1 and tagged[0][1] != "x" else ""


_DESCRIBED = re.compile(r"的([\u4e00-\u9fff]{1,4})$")


def _item_noun(item: str) -> str:
    """The noun an item of a series is: the item itself when one or two plain words, the
    plain noun after its description's 的 ("上年营收50亿以上的企业和高校…": 企业), else ""."""
    if _plain(item):
        return item
    described = _DESCRIBED.search(item)
    return described.group(1) if described and _plain(described.group(1)) else ""


# How long the last item may run to the noun every item ends on.
_MAX_ITEM = 8


def _same_noun_head(items: list[str], last: str) -> str:
    """The last item of a series whose items all end on one noun ("培育项目和重点支持项目每项
    资助强度各是多少": 重点支持项目), or ""."""
    noun = items[0][-2:]
    if len(noun) < 2 or not all(it.endswith(noun) and it != noun for it in items):
        return ""
    at = last.find(noun, 1)
    head = last[: at + len(noun)] if at > 0 else ""
    return head if 2 < len(head) <= _MAX_ITEM and head not in items else ""


def _topic_items(segments: list[str], norm: str, w: SegmentWords) -> tuple[list[str], str]:
    """ "依申请政务服务事项网上可办率,省级和市县级年底前各要求多少": a first segment naming a
    metric and asking nothing, set off by a comma, then a series of short items whose last
    asks of each: each item is asked the metric (the topic leads each); else (``segments``,
    "")."""
    if not _set_off(segments, norm):
        return segments, ""
    topic, *firsts, last = segments
    if w.asks(topic) or not w.names(topic) or not EACH.search(last) or not w.asks(last):
        return segments, ""
    nouns = [_item_noun(w.own(s)) or _item_noun(s) for s in firsts]
    if not all(nouns) or any(w.asks(s) for s in firsts):
        return segments, ""
    # the last item: up to the noun every item ends on ("培育项目和重点支持项目每项…"), else
    # its first words, about as long as the others ("市县级")
    same = head = _same_noun_head(nouns, last)
    for word, flag in pos_tags(last) if not head else ():
        if flag == "x" or len(head) >= len(nouns[-1]):
            break
        head += word
    near = all(abs(len(head) - len(n)) <= 1 for n in nouns) or same
    if not head or not near or head in nouns:
        return segments, ""
    # each item asked with the topic's metric; the items alone tell the parts apart
    return [*firsts, head], f"{EACH.sub('', last[len(head) :])} {topic}"
