"""Segments read with what another segment says: a segment ending in 呢 asks again what
the segment before it asks, of its own subject; a topic before the asking segments is
each one's.

"…技术合同成交额增长了多少?规上企业研发经费投入呢": the second asks "增长了多少" of 规上企业
研发经费投入. The segment is rewritten with that ask in its own words, so that it is read
like any other part of the question (its target, its year, its unit).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# What a segment asks, from its verb on ("技术合同成交额增长了多少" → "增长了多少",
# "高企数量增长目标多少" → "增长目标多少").
_ASK_TAIL = re.compile(
    r"(?:同比|比上年|较上年)?(?:增长|增加|提高|提升|下降|新增|达到|达|有|是)?"
    r"(?:目标|幅度)?(?:是|为)?了?(?:多少|几)\w*$"
)


def echoed_ask(segment: str, before: str) -> str:
    """ "…增长了多少?规上企业研发经费投入呢": a segment ending in 呢 asks what the one
    before it asks, of its own subject; that ask ("增长了多少"), or ""."""
    if not segment.endswith("呢"):
        return ""
    m = _ASK_TAIL.search(before)
    return m.group(0) if m else ""


def echoed_segments(segments: list[str]) -> list[str]:
    """Segments with each one ending in 呢 asking, in its own words, what the one before
    it asks ("规上企业研发经费投入呢" → "规上企业研发经费投入增长了多少")."""
    out: list[str] = []
    for seg in segments:
        echoed = echoed_ask(seg, out[-1]) if out else ""
        out.append(f"{seg[:-1]}{echoed}" if echoed else seg)
    return out


def with_topic(
    segments: list[str],
    asks: Callable[[str], bool],
    norm: str,
    own_metric: Callable[[str], bool] | None = None,
) -> list[str]:
    """ "甲市示范人才,去年新入选多少、今年力争新增多少": the segments before the first that
    asks, asking nothing themselves, are the topic of the two or more asking after them in
    the same sentence of ``norm`` (the question), set off by a comma; each of those is read
    with it ("甲市示范人才去年新入选多少"). Not "A和B目标多少,C几家" (A is a part) nor
    "…每认定一家,奖励多少?新认定…给多少?" (a condition of its own sentence's ask). A
    later sentence asking with no metric of its own (``own_metric``) goes on with the
    topic too ("瓯海高新投资增速,今年1-5月实际多少?下半年要保持在多少?")."""
    first = next((i for i, s in enumerate(segments) if asks(s)), 0)
    if not first or sum(1 for s in segments if asks(s)) < 2:
        return segments
    topic = segments[first - 1]
    at = norm.find(topic)
    end = norm.find(segments[-1], at) + len(segments[-1])
    elliptic = own_metric is not None and not any(own_metric(x) for x in segments[first + 1 :])
    if (
        at < 0
        or not re.match(r"[,:]", norm[at + len(topic) :])
        or (re.search(r"[?。!;]", norm[at:end]) and not elliptic)
    ):
        return segments
    head = "".join(segments[:first])
    return [head + s for s in segments[first:]]


# A scope a first metric opens with ("每千家企业中高新技术企业数和科技型中小企业数"): the
# whole the figures are counted among.
# (after the place and year it is asked of: "临安区2021年每千家企业中…")
_AMONG = re.compile(
    r"(?:^|(?<=[年省市区县]))(?:每[\u4e00-\u9fff\d]{1,8}?|[\u4e00-\u9fff]{2,8}?企业)中"
    r"(?=[\u4e00-\u9fff]{2})"
)


def among_shared(segments: list[str]) -> list[str]:
    """Segments after the first read within the scope it opens with, when they name none
    of their own ("每千家企业中高新技术企业数", "科技型中小企业数" → "每千家企业中科技型中小企
    业数"): the figures are of the same whole."""
    if len(segments) < 2:
        return segments
    m = _AMONG.search(segments[0])
    if m is None:
        return segments
    return [segments[0], *(s if _AMONG.search(s) else m.group(0) + s for s in segments[1:])]
