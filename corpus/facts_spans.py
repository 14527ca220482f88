"""Spans of years a figure is about, read from the words around it.

- a heading or a paragraph's opening naming a span ("过去五年", "“十三五”时期",
  "2019-2023年") speaks of those years (:func:`span_of`, :func:`spans_of`);
- a figure in such a review counts over the span when it is added, done or changed
  ("新增…", "累计…", "年均增长…"), else states its last year (:func:`counts_over_span`);
  a clause may count over its own years ("5年提升…", :func:`clause_span`), and a yearly
  average after a change between two years is taken over them (:func:`averaged_span`);
- a paragraph opening as a review ("过去五年,…", "这五年,…", a second sentence "五年来,…")
  reviews that span, carried on to the paragraphs after it until one opens on one year
  (:func:`review_opening`).

:mod:`corpus.facts_sections` reads sections with these; :mod:`corpus.facts` each figure.
"""

from __future__ import annotations

import re

from corpus.numerals import cn_number
from corpus.plan_periods import PLAN_NAME, plan_end, plan_years

CN_NUMERALS = "一二三四五六七八九十"
# "过去五年", "五年来", "这五年", "“十三五”时期" (a plan period), "2019-2023年": spans.
_SPAN = re.compile(
    rf"(?:过去的?|这|近)([{CN_NUMERALS}\d]{{1,2}})年|([{CN_NUMERALS}\d]{{1,2}})年(?:来|以来)|"
    + PLAN_NAME.pattern
    + r"(?:时期|期间|以来)?|((?:19|20)\d{2})(?:-|~|至)((?:19|20)?\d{2})年"
)
_AHEAD = re.compile(rf"(?:今后|未来)([{CN_NUMERALS}\d]{{1,2}})年")
# What counts over a span, said in a figure's clause: "五年来累计…", "年均增长…".
_OVER_SPAN = re.compile(rf"年均|累计|共计|总计|合计|[{CN_NUMERALS}\d]{{1,2}}年(?:来|间|内)")
_OVER_SPAN_QUALIFIERS = ("新增", "累计", "增长", "提高", "下降")
_ONE_YEAR = re.compile(r"全年|今年|去年|当年|上年|同比")  # "全年规上原煤产量…增长2.1%": one year's

_YEARS = re.compile(r"((?:19|20)\d{2})-((?:19|20)\d{2})")


def span_years(span: str) -> range:
    """The years of a span ("2016-2020", "十三五"); empty for anything else."""
    m = _YEARS.fullmatch(span)
    return range(int(m.group(1)), int(m.group(2)) + 1) if m else plan_years(span)


def span_end(span: str) -> int | None:
    """The last year of a span ("2016-2020" → 2020, "十三五" → 2020)."""
    return plan_end(span) or (int(span[-4:]) if span[-4:].isdigit() else None)


def span_of(text: str, ref: int | None) -> str:
    """The span of years a heading or a paragraph's opening names ("过去五年" in a report
    of 2023 → "2018-2022", "“十三五”时期" → "十三五"), or ""."""
    m = _SPAN.search(text)
    if not m:
        return ""
    if m.group(3):
        return m.group(3)
    if m.group(4):
        end = m.group(5)
        return f"{m.group(4)}-{m.group(4)[:2] + end if len(end) == 2 else end}"
    n = m.group(1) or m.group(2)
    count = int(n) if n.isdigit() else CN_NUMERALS.index(n) + 1 if len(n) == 1 else 0
    if not (count > 1 and ref):
        return ""
    return f"{ref - count}-{ref - 1}"


def spans_of(heading: str, ref: int | None) -> list[str]:
    """The spans a heading names, in order, forward ones too ("今后五年" in 2007 → "2007-2011")."""
    out = [x for m in _SPAN.finditer(heading) if (x := span_of(m.group(0), ref))]
    ahead = _AHEAD.search(heading)
    n = cn_number(ahead.group(1)) if ahead else 0
    return out + ([f"{ref}-{ref + n - 1}"] if n > 1 and ref else [])


# What is done over a span rather than a level reached by its end: "新设外资企业260家",
# "建设筹集各类保障性住房89.6万套", "引进央企二、三级子公司超800家".
_FLOW = (
    r"新设|新建|新开|利用|使用|吸引|引进|招引|引育|建成|建设|筹集|改造|开通|完成|培育|认定|创建|"
    r"签约|落地|淘汰|化解|退出|统筹|投入|发放|拨付"
)
_FLOW_VERB = re.compile(_FLOW)
# A level a figure states, after the last flow verb: "…改造后供水能力达到30万吨".
_LEVEL = re.compile(r"达到|达|增至|增加到|提高到|提升到|升至|降至|下降到|居|稳定在|保持")


def _flows(before: str) -> bool:
    """Whether the words before a figure say it was done (a flow), not a level reached."""
    verbs = list(_FLOW_VERB.finditer(before))
    return bool(verbs) and not _LEVEL.search(before, verbs[-1].end())


def counts_over_span(before: str, qualifier: str) -> bool:
    """Whether a figure counts over a span of years rather than stating its end, from its
    clause up to the figure: what is added, done or changed ("增长46.1%", "下降18%",
    "新设外资企业260家") over the span, or words saying so; not when its clause names one
    year ("全年…增长2.1%")."""
    if _ONE_YEAR.search(before):
        return False
    return qualifier in _OVER_SPAN_QUALIFIERS or bool(_OVER_SPAN.search(before)) or _flows(before)


# A clause counting over its own span of years: "5年提升10.6个百分点", "五年整理复垦…".
_OWN_SPAN = re.compile(
    rf"(?<![第\d{CN_NUMERALS}今后未来续])([{CN_NUMERALS}\d]{{1,2}})年(?=来|间|内|共|累计|合计|新增|提升|提高|增长|下降|{_FLOW})"
)


def clause_span(before: str, ref: int | None) -> str:
    """The span of years ending the year before ``ref`` that a clause counts over by its
    own words ("5年提升…" in a report of 2026 → "2021-2025"), or ""."""
    m = _OWN_SPAN.search(before)
    n = cn_number(m.group(1)) if m and not m.group(1).isdigit() else int(m.group(1)) if m else 0
    return f"{ref - n}-{ref - 1}" if n > 1 and ref and not _ONE_YEAR.search(before) else ""


# A yearly average in its own clause after a change between two years: "由1997年的5160元
# 增加到2002年的7703元,平均每年实际增长8.6%" averages over 1998-2002.
_AVERAGE = re.compile(r"年均|平均每年|每年平均")
_CHANGE = re.compile(r"[由从]((?:19|20)\d{2})年[^。;]{0,30}?[到至]((?:19|20)\d{2})年")
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}年")


def averaged_span(before: str, clause: str) -> str:
    """The years a yearly average in ``clause`` (up to its figure, naming no year) is
    taken over, from a change between two years stated before it; "" otherwise."""
    if not _AVERAGE.search(clause) or _ANY_YEAR.search(clause):
        return ""
    changes = list(_CHANGE.finditer(before))
    if not changes:
        return ""
    first, last = int(changes[-1].group(1)), int(changes[-1].group(2))
    return f"{first + 1}-{last}" if first < last else ""


# A paragraph opening as a review: "过去五年，", "五年来，", "过去一年，", "一年来，".
# A paragraph may open on its address first ("各位代表!刚刚过去的2025年,…").
_ADDRESS = r"[\s—\-]*(?:各位代表[!,:])?"
_ADDRESSED = len("各位代表!")  # characters the address adds to where an opening is looked for
_OPENING = re.compile(
    rf"{_ADDRESS}[\s—\-]*(?:(?:过去的?|这)([{CN_NUMERALS}\d]{{1,2}})年|([{CN_NUMERALS}\d]{{1,2}})年来)"
)
# A sentence inside a paragraph opening as a review of a plan's five years, a comma
# after it: "…取得历史性突破。这五年，农业根基持续夯实。" ("8年来，" there is talk).
_INNER_OPENING = re.compile(r"(?<=[。!?;])(?:(?:过去的?|这|近)[五5]年|[五5]年来),")


def review_opening(
    norm: str, pos: int, ref: int | None, inner: bool = False, since: int = 0
) -> tuple[int | None, str] | None:
    """Whether the paragraph holding ``pos`` opens as a review; if so the year it reviews
    and its span: (``ref`` - 1, "") for one year, (None, "2016-2020") for several. With
    ``inner``, the last sentence before ``pos`` opening as a review of several years
    counts too ("…。这五年，…"), and so does a paragraph after ``since`` (the section's
    start) opening such a review with no paragraph opening on one year between."""
    start = norm.rfind("\n", 0, pos) + 1
    last = _last_inner_opening(norm, start, pos, ref) if inner else None
    # "…这五年,…。2025年,我市…": a later sentence opening on one year ends that review.
    if last is not None and not _INNER_YEAR.search(norm, last[0], pos):
        return None, last[1]
    named = _NAMED_REVIEW.match(norm, start, start + 16 + _ADDRESSED)
    if named:
        return int(named.group(1)), ""  # "刚刚过去的1988年,…": that year
    m = _OPENING.match(norm, start, start + 16 + _ADDRESSED)
    if not m:
        carried = _carried_span(norm, start, since, ref) if inner else ""
        return (None, carried) if carried else None
    span = span_of(_words(m), ref)
    if span and inner and _INNER_YEAR.search(norm, m.end(), pos):
        return None  # the five years' review gave way to one year's
    return (None, span) if span else (ref - 1 if ref else None, "")


# A sentence inside a paragraph opening on one year ("。刚刚过去的2025年,我市…", "。一年来,").
_INNER_YEAR = re.compile(
    r"(?<=[。!?;])(?:(?:刚刚)?(?:过去的?)?(?:(?:19|20)\d{2}年|一年)(?:来)?|今年以来),"
)
# A paragraph opening as the review of a year it names ("刚刚过去的1988年,…").
_NAMED_REVIEW = re.compile(rf"{_ADDRESS}[\s—\-]*(?:刚刚)?过去的((?:19|20)\d{{2}})年")
# A paragraph opening on one year ("2025年,", "过去一年,", "今年以来") ends a review of
# several years begun in a paragraph before it.
_YEAR_WORDS = (
    r"(?:[\s—\-]*(?:刚刚)?(?:过去的?)?(?:这)?(?:(?:19|20)\d{2}年|一年)|[\s—\-]*(?:今年|去年))"
)
_YEAR_OPENING = re.compile(_YEAR_WORDS)
# …after its address ("各位代表!刚刚过去的2025年,…"), unless a review of several years opens
# in its second sentence ("各位代表!2025年是“十四五”收官之年。五年来,…")
_ADDRESSED_YEAR = re.compile(_ADDRESS + _YEAR_WORDS)


def _words(opening: re.Match[str]) -> str:
    """An opening's words, without the address and marks before them."""
    return re.sub(_ADDRESS, "", opening.group(0), count=1).strip(" —-")


def _carried_span(norm: str, start: int, since: int, ref: int | None) -> str:
    """The span of years a review of several years opened in an earlier paragraph of the
    section ("过去的五年极不寻常。…") carries on to the paragraph at ``start``, unless a
    paragraph between opens on one year; "" when none does."""
    if _ADDRESSED_YEAR.match(norm, start, start + 12 + _ADDRESSED):
        return ""
    at = start
    while at > since:
        before = norm.rfind("\n", since, at - 1)
        at = before + 1 if before >= 0 else since
        if _YEAR_OPENING.match(norm, at, at + 12):
            return ""
        m = _OPENING.match(norm, at, at + 16 + _ADDRESSED)
        if m:
            return span_of(_words(m), ref)
        inner = _inner_span(norm, at, start, ref)
        if inner is not None:
            return inner
        if _ADDRESSED_YEAR.match(norm, at, at + 12 + _ADDRESSED):
            return ""
    return ""


_INNER_REACH = 40  # characters into a paragraph an opening carried on may start


def _inner_span(norm: str, at: int, stop: int, ref: int | None) -> str | None:
    """The span a paragraph at ``at`` opens a review of several years on in its second
    sentence ("各位代表!2025年是“十四五”收官之年。五年来,…"): it carries on to the
    paragraphs after it; "" when a sentence after that opens on one year, None when none
    opens. One deep inside a paragraph on a theme ("…。五年来,我们以…") stays in it."""
    end = norm.find("\n", at, stop)
    end = stop if end < 0 else end
    last = _last_inner_opening(norm, at, min(end, at + _INNER_REACH), ref)
    if last is None:
        return None
    return "" if _INNER_YEAR.search(norm, last[0], end) else last[1]


def _last_inner_opening(
    norm: str, start: int, stop: int, ref: int | None
) -> tuple[int, str] | None:
    """The last sentence between ``start`` and ``stop`` opening as a review of several years
    ("…。这五年,"): where its opening ends and the span it names; None when none does."""
    spans = [
        (m.end(), span_of(m.group(0)[:-1], ref)) for m in _INNER_OPENING.finditer(norm, start, stop)
    ]
    named = [(end, span) for end, span in spans if span]
    return named[-1] if named else None
