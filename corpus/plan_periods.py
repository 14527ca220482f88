"""China's five-year plans by name (六五 … 十五五): the years each covers, read once for every
module that meets one in a question, a title or a heading.

"十五" (2001-2005) is left out: the name is also the number fifteen ("十五条", "十五个").
"""

from __future__ import annotations

import re

# The first year of each plan; each covers five years.
PLAN_FIRST_YEAR: dict[str, int] = {
    "六五": 1981,
    "七五": 1986,
    "八五": 1991,
    "九五": 1996,
    "十一五": 2006,
    "十二五": 2011,
    "十三五": 2016,
    "十四五": 2021,
    "十五五": 2026,
}
# A plan named in a text, longest names first ("十五五" before "五五" could be read); not
# inside a longer numeral ("二十八五…"), nor the legal-education campaigns numbered the
# same way ("八五"普法 runs 2021-2025).
PLAN_NAME = re.compile(
    r"(?<![一二三四五六七八九十])("
    + "|".join(sorted(PLAN_FIRST_YEAR, key=len, reverse=True))
    + r")(?![一二三四五六七八九十])(?![\"”]?普法)"
)


def plan_years(name: str) -> range:
    """The years a plan covers ("十四五" → 2021..2025); empty for an unknown name."""
    first = PLAN_FIRST_YEAR.get(name)
    return range(first, first + 5) if first else range(0)


def plan_end(name: str) -> int | None:
    """A plan's last year ("十三五" → 2020), None for an unknown name."""
    years = plan_years(name)
    return years[-1] if years else None


def previous_plan(name: str) -> str:
    """The plan before ("十四五" → "十三五"; "" when unknown or the first known)."""
    by_year = {first: plan for plan, first in PLAN_FIRST_YEAR.items()}
    first = PLAN_FIRST_YEAR.get(name)
    return by_year.get(first - 5, "") if first else ""


# Any five-year plan by its short name before 计划 or 规划 ("六五计划", "一五计划", "十四五规划":
# the earliest ones too, which the years above leave out), and how a report on it writes it
# ("第六个五年计划").
PLAN_SHORT_NAME = re.compile(
    r"(?<![一二三四五六七八九十])(十[一二三四五]|[一二三四五六七八九十])五(?=计划|规划)"
)


def plan_written_out(text: str) -> str:
    """``text`` with each plan's short name written out ("六五计划" → 第六个五年计划)."""
    return PLAN_SHORT_NAME.sub(lambda m: f"第{m.group(1)}个五年", text)
