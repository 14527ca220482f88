"""Years a question names: written out, short ("23年", "79到83年"), or as plan periods
(十四五, 十四五末); a comparison's base year ("比2015年") is none asked."""

from __future__ import annotations

import re

from corpus.metadata import DOC_NUMBER
from corpus.plan_periods import PLAN_FIRST_YEAR, PLAN_NAME

# A year is 19xx/20xx followed by 年, or standing alone (not "2000家", "2024.5"; not a
# programme's name going on in quotes or after a dash: "科技创新2030“新一代人工智能”").
_YEAR = re.compile(
    # (a number with its unit is no year: "1980p" of computing power, "2000台")
    r"(?<![\d.])((?:19|20)\d{2})(?:年度?|(?![\d.\"a-z]|-+(?!\d)"
    r"|\s*(?:[多余]?(?:家|个|项|名|人|万|亿|元|件|所|台|套|辆|吨|亩|座)|%)))"
)
# What joins the two years of a span: "79到83年", "2019-2021年", a season "24/25年".
YEAR_SPAN_SEP = r"(?:到|至|-|~|/)"
# "23年"; a span writes its first year bare; "近10年", "连续12年", "有效期是10年", "10年来":
# a number of years, none of them
_SHORT_YEAR = re.compile(
    rf"(?<!\d)(?<![近续去前后这每满达过])(?<!期是|期为|限为|限是)(?:(\d{{2}}){YEAR_SPAN_SEP})?"
    r"(\d{2})年(?!来|内|间|之内|左右|以上)"
)
# "(2021版)", "2023年版": a document's edition, no year asked of it
_EDITION = re.compile(r"[(]?(?:19|20)\d{2}年?版[)]?")


# "1971到1978年", "2019-2023年": a span of whole years, the mark between them with them
_FULL_SPAN = re.compile(rf"(?<!\d)(?:19|20)\d{{2}}年?{YEAR_SPAN_SEP}(?:19|20)\d{{2}}年")


def without_years(text: str) -> str:
    """``text`` without its years (2023年, 23年, a bare 2023, a span "1971到1978年" with its
    mark), and an edition whole ("(2023版)": no bare 版 is left to read as a word)."""
    text = _FULL_SPAN.sub("", _EDITION.sub("", text))
    return _SHORT_YEAR.sub("", _YEAR.sub("", text))


# "十四五末", "“十四五”期末", "十四五时期初": the plan's last or first year.
_PLAN_PERIOD = re.compile(PLAN_NAME.pattern + r"\"?(?:时期|期)?(末|初)?")


# (not the 比 of 占比: "电子诉讼占比21年和22年" asks both years)
BASE_YEAR = re.compile(r"(?:是(?=(?:19|20)?\d{2}年的)|(?<!占)比|较|相较于?)(?:19|20)?\d{2}年")


def find_years(norm: str) -> tuple[int, ...]:
    """Years named in a normalised question.

    2023, 2023年, 23年 as 2023, and five-year plan periods: 十四五 as
    2021–2025, 十四五末 as 2025, 十四五初 as 2021.
    """
    # "是2006年的几倍", "比2015年增长多少": a year as the base of a comparison is not asked;
    # nor the year of a document's number ("民函〔2021〕742号").
    norm = _EDITION.sub("", DOC_NUMBER.sub("", BASE_YEAR.sub("", norm)))
    years = [int(m.group(1)) for m in _YEAR.finditer(norm)]
    if not years:
        years = [full_year(int(y)) for m in _SHORT_YEAR.finditer(norm) for y in m.groups() if y]
    if not years:
        years = list(plan_period_years(norm))
    return tuple(dict.fromkeys(years))


def full_year(two_digits: int) -> int:
    """The year a two-digit year means ("24年" → 2024, "98年" → 1998; pivot 50)."""
    return (2000 if two_digits < 50 else 1900) + two_digits


def plan_period_years(norm: str) -> tuple[int, ...]:
    """Years of the five-year plan periods a text names (十四五末 → 2025)."""
    years: list[int] = []
    for m in _PLAN_PERIOD.finditer(norm):
        first = PLAN_FIRST_YEAR[m.group(1)]
        if m.group(2) == "末":
            years.append(first + 4)
        elif m.group(2) == "初":
            years.append(first)
        else:
            years.extend(range(first, first + 5))
    return tuple(dict.fromkeys(years))
