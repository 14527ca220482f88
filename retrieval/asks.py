"""A question of two sentences asking different kinds of thing, split into one question each.

"…要搞多少项?这条哪个部门负责": the first asks a figure, the second a name; each is asked
on its own, the second with the first's place, time and subject.
"""

from __future__ import annotations

import re
from dataclasses import replace

from retrieval.intent import FIGURE_INTENTS
from retrieval.query import Query, parse_query

# What a sentence asks with, left out when it lends its words to the next sentence.
_WH_ASK = re.compile(
    r"(?:要|能)?[搞做建有达]?(?:多少|几)[家个项名人件位所次元]?|哪(?:一|几)?[个家位所些项种条]?"
    r"[\u4e00-\u9fff]{0,2}?(?=[列是在由负被获入成]|$)|是什么|叫什么"
)

# A sentence asking on its own ("有效期到哪天为止"), not the ask before it again
# ("新创建的又是哪家").
_OWN_ASK = re.compile(r"^(?!.*(?:又|也|还|呢)).*(?:多少|几|哪|什么|谁|何时|啥)")


def split_asks(query: Query) -> list[Query]:
    """Two sentences asking different kinds of thing ("…要搞多少项?这条哪个部门负责",
    "哪个事项列进了…?首批一共几个"): one question each, the second asked with the first's
    words (its place, time and subject) and its own kind; [] when the question is one ask
    or its sentences ask the same kind."""
    sentences = [x for x in re.split(r"[?？]", query.norm) if x.strip()]
    if len(sentences) != 2:
        return []
    first, second = (parse_query(x) for x in sentences)
    figures = (first.intent in FIGURE_INTENTS, second.intent in FIGURE_INTENTS)
    # (two figures are a comparison's parts; two names, each asked with its own words,
    # are asked apart: "…从哪天开始施行的?有效期到哪天为止?")
    if figures[0] == figures[1] and (figures[0] or not _OWN_ASK.search(sentences[1])):
        return []
    lent = _WH_ASK.sub("", sentences[0])
    joined = parse_query(f"{lent},{sentences[1]}")
    second = replace(
        joined,
        intent=second.intent,
        wants_target=second.wants_target or first.wants_target,
        regions=joined.regions or query.regions,
        years=joined.years or query.years,
    )
    first = replace(first, regions=first.regions or query.regions)
    return [first, second]
