"""How a question's segment writes its time and place ("21年", "余杭", "今年")."""

from __future__ import annotations

import re

from corpus.places import find_places
from corpus.plan_periods import PLAN_NAME
from retrieval.query import Query
from retrieval.years import BASE_YEAR, find_years


def leading_years(query: Query) -> tuple[int, ...]:
    """Years the question names before its first place ("2021年余杭和临安…" → 2021)."""
    places = find_places(query.norm)
    first = min((p[0] for p in places), default=len(query.norm))
    return find_years(query.norm[:first]) if first else ()


def year_mention(segment: str, year: int) -> str:
    """How a year is written in a segment ("2021" or "21年")."""
    return str(year) if str(year) in segment else f"{str(year)[2:]}年"


def mention(segment: str, region: str) -> str:
    """How a region is written in a segment (full or short name, as found: a guarded
    short name, "来宾" before its year, is the place's though the gazetteer gives none)."""
    for start, end, place in find_places(segment):
        if place.name == region:
            return place.name if place.name in segment else segment[start:end]
    return region


_PLAN_AT = rf"\"?{PLAN_NAME.pattern}\"?(?:时期|期)?"  # "“十三五”时期", then its end or start
# (a plan period's end or start is a time too: "到“十三五”末达到多少家")
TIME = re.compile(rf"(?:19|20)?\d{{2}}年|今年|去年|明年|上年|前年|{_PLAN_AT}[末初]")


# A plan period a figure is compared with ("比“十一五”末提高了多少"): a base, no time.
BASE_PLAN = re.compile(rf"[比较]{_PLAN_AT}[末初]?")


def time_mention(segment: str) -> str:
    """The year or relative year a segment is written with ("2023年", "今年"; "" if none)."""
    # "是2006年的几倍", "比“十一五”末提高了多少": a base, no time
    m = TIME.search(BASE_PLAN.sub("", BASE_YEAR.sub("", segment)))
    return m.group(0) if m else ""
