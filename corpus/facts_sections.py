"""Sections as the facts table reads them: kind, year and span settled per section.

A document's sections carry a kind and a year from their own headings
(:mod:`corpus.document`). A figure needs more than its heading says:

- the reference date is the year the document was issued (:attr:`Document.issued`:
  a work report's review year + 1 when undated), not the year its text names most
  (that one serves only when the issue year is unknown: the document's own reading);
- a review heading naming a span of years ("过去五年工作回顾", "“十四五”时期工作
  回顾") speaks of the span: a figure of it naming no year is the span's when it
  counts over the span ("新增…", "累计…", "年均增长…"), else its last year's; a plan
  heading naming one ("“十三五”时期主要目标任务") plans to the span's last year;
- a document whose first plan part names its year and is numbered 二 or later
  reviews the year before that plan in the unkinded stretch before it, headed or
  not ("二、2024年工作安排" after an unheaded review of 2023);
- a top-level part with neither kind nor year right after a plan part (numbered
  next) goes on with that plan ("二、2015年工作总体部署", then "三、把改革开放扎实推向
  纵深"); a numbering started again ("三、…展望", then "一、…") is another part;
- a work report delivered early in its year that has a review part but no plan part
  plans that year in the parts after the review that say neither kind, year nor span
  ("一、2024年工作回顾", then "二、牢记历史使命，在…中奋勇争先").

The rules on spans of years are :mod:`corpus.facts_spans`. Nothing here changes the
document: the readings serve :mod:`corpus.facts` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.facts_spans import CN_NUMERALS, span_end, spans_of
from corpus.model import Document, Section
from corpus.normalize import normalize
from corpus.numerals import cn_number
from corpus.plan_periods import PLAN_NAME, plan_years
from corpus.report_year import is_work_report
from corpus.section_kinds import (
    default_year,
    half_of,
    heading_year,
    path_kind,
    settled_kind,
)

_PART = re.compile(rf"^([{CN_NUMERALS}]{{1,3}})、")  # "三、…": the part's number


@dataclass(frozen=True)
class Reference:
    """When a document speaks from: its issue year and month (None when unknown)."""

    year: int | None
    month: int | None


# A title naming the year it reviews: "2023年工作回顾", "2021年工作总结".
_TITLE_REVIEW = re.compile(r"((?:19|20)\d{2})年(?:度)?(?:工作)?(?:回顾|总结)")
_PLAN_WORDS = re.compile(r"计划|安排|思路|打算|要点|展望|任务")


def reference(doc: Document) -> Reference:
    """The facts' reference date: the issue year; a work report's month is early (1).
    Undated, a document titled as the review of a year ("2023年工作回顾") speaks from
    early in the year after."""
    month = int(doc.date[5:7]) if doc.date[5:7].isdigit() else None
    if month is None and is_work_report(doc.norm):
        month = 1
    year = doc.issued or (int(doc.date[:4]) if doc.date[:4].isdigit() else None)
    review = _TITLE_REVIEW.search(normalize(doc.title)) if year is None else None
    if review:
        return Reference(int(review.group(1)) + 1, month or 1)
    return Reference(year, month)


def part_number(heading: str) -> int:
    """The number of a top-level part ("三、…" → 3), 0 when it has none."""
    m = _PART.match(normalize(heading))
    return cn_number(m.group(1)) if m else 0


@dataclass(frozen=True)
class Reading:
    """A section as the facts read it: the span of years it reviews ("" for one year),
    the span it plans for ("十四五"). A plan naming a reviewed span too ("“十三五”时期
    发展成就和“十四五”时期主要目标任务") reviews it in the paragraphs that open as a
    review (:func:`review_opening`)."""

    section: Section
    span: str = ""
    plan: str = ""


# A plan period named for its first year: "全力推动“十五五”开好局、起好步".
_PLAN_START = re.compile(PLAN_NAME.pattern + r"[^,。;]{0,6}?(?:开好局|起好步|开局|起步)")


def _year_named(heading: str) -> int | None:
    """The year a heading names, also as a plan period's first year."""
    start = _PLAN_START.search(heading)
    return plan_years(start.group(1))[0] if start else heading_year(heading)


def read_section(section: Section, ref: Reference) -> Reading:
    """A section read from its own headings against the reference date."""
    heads = [normalize(h) for h in section.path]
    kind = path_kind(heads)  # (what a heading under a plan's says is achieved is planned)
    half = next((x for x in map(half_of, reversed(heads)) if x), "")
    named = next((y for y in map(_year_named, reversed(heads)) if y), None)
    spans = [x for h in heads for x in spans_of(h, ref.year) if not _PLAN_START.search(h)]
    if spans and kind == "plan":
        review = spans[0] if len(spans) > 1 else ""
        year = named or span_end(spans[-1])  # a year named plans for that year alone
        return Reading(replace(section, year=year, half=half), review, "" if named else spans[-1])
    if spans and not named:
        return Reading(replace(section, year=None, kind=kind or "actual", half=half), spans[0])
    year = named or default_year(kind, half, ref.year, ref.month)
    kind = settled_kind(kind, "".join(heads), year, ref.year, ref.month)
    return Reading(replace(section, year=year, kind=kind, half=half))


def _review_before_plan(readings: list[Reading]) -> list[Reading]:
    """What stands before a first plan part that names its year and is numbered 二 or
    later, and has no kind of its own, reviews the year before that plan."""
    plan = next((r.section for r in readings if r.section.kind == "plan"), None)
    named = heading_year(normalize(plan.heading)) if plan else None
    if not (plan and named and part_number(plan.heading) > 1):
        return readings
    before = named - 1
    return [
        Reading(replace(r.section, kind="actual", year=r.section.year or before))
        if r.section.start < plan.start and not r.section.kind and not r.span
        else r
        for r in readings
    ]


def _plan_goes_on(readings: list[Reading]) -> list[Reading]:
    """A top-level part with neither kind nor year, numbered right after a plan part (or
    after one going on with it), goes on with that plan; so do its unkinded subsections."""
    out: list[Reading] = []
    carry, number = None, 0
    for r in readings:
        s = r.section
        if s.level == 1:
            n = part_number(s.heading)
            goes_on = carry is not None and not (s.kind or s.year) and n == number + 1
            carry = s if s.kind == "plan" else (carry if goes_on else None)
            number = n
        if carry is not None and s.level >= 1 and not s.kind and r.span == "":
            r = Reading(replace(s, kind="plan", year=s.year or carry.year))
        out.append(r)
    return out


def _titled_review(doc: Document, readings: list[Reading]) -> list[Reading]:
    """In a document titled as the review of one year ("2023年工作回顾", no plan in its
    title), a part with no kind of its own reviews that year."""
    title = normalize(doc.title)
    m = _TITLE_REVIEW.search(title)
    if not m or _PLAN_WORDS.search(title):
        return readings
    year = int(m.group(1))
    return [
        Reading(replace(r.section, kind="actual", year=r.section.year or year))
        if r.section.level and not r.section.kind and not r.span
        else r
        for r in readings
    ]


# A part's heading run into its first paragraph, the parser missing it: "二、2015年政府工作的
# 主要任务今年是全面完成…" (numbered, naming a year, ending in a kind word).
_GLUED = re.compile(
    rf"^[ \t]*([{CN_NUMERALS}]{{1,2}}、(?:19|20)\d{{2}}年[^\n,;。]{{0,16}}?"
    r"(?:工作回顾|工作总结|主要任务|工作任务|主要目标|工作安排|工作计划|重点工作))",
    re.MULTILINE,
)


# In a document the parser found no parts in, a year's heading run in after a sentence
# ("…提出意见。2023年工作回顾2023年是…", "。2024年工作安排建议2024年是…") or standing
# alone on its line ("全力实现2024年高质量发展的奋斗目标") starts a part.
_RUN_IN = re.compile(
    r"(?<=[。!?])[ \t]*((?:19|20)\d{2}年"
    r"(?:工作回顾|工作总结|工作安排(?:建议)?|工作计划|主要任务|重点工作))(?=[^\n,;。])"
)
_ALONE = re.compile(
    r"^[ \t]*([^\n,;。:!?、]{0,12}(?:19|20)\d{2}年[^\n,;。:!?、]{0,12}"
    r"(?:奋斗目标|目标任务|工作回顾|工作总结|工作安排|主要任务|重点工作))[ \t]*$",
    re.MULTILINE,
)


def _headings_missed(doc: Document, readings: list[Reading]) -> list[re.Match[str]]:
    """Part headings the parser missed: numbered ones run into their paragraph anywhere;
    run-in or stand-alone year headings before the document's first numbered part."""
    first = min((r.section.start for r in readings if r.section.level == 1), default=len(doc.norm))
    found = list(_GLUED.finditer(doc.norm))
    for pattern in (_RUN_IN, _ALONE):
        found.extend(pattern.finditer(doc.norm, 0, first))
    return sorted(found, key=lambda m: m.start(1))


def _glued_parts(doc: Document, readings: list[Reading], ref: Reference) -> list[Reading]:
    """Top-level parts whose heading the document's structure missed (run into their
    paragraph): each cuts the part holding it, and reads by its own heading."""
    starts = {r.section.start for r in readings}
    out = list(readings)
    for m in _headings_missed(doc, readings):
        at = m.start(1)
        host = next((r for r in reversed(out) if r.section.start < at < r.section.end), None)
        if host is None or m.start(1) in starts or host.section.level > 1:
            continue
        heading = doc.text[m.start(1) : m.end(1)]
        part = Section((heading,), heading, 1, m.start(1), host.section.end)
        out[out.index(host)] = Reading(replace(host.section, end=m.start(1)), host.span, host.plan)
        out.append(read_section(part, ref) if ref.year else Reading(part))
    return sorted(out, key=lambda r: r.section.start)


def read_sections(doc: Document) -> list[Reading]:
    """The document's sections in text order, as the facts read them."""
    ref = reference(doc)
    # with no issue year the document's own reading (its most named year) is the best guess
    read = (lambda s: read_section(s, ref)) if ref.year else Reading
    readings = sorted(map(read, doc.sections), key=lambda r: r.section.start)
    readings = _glued_parts(doc, readings, ref)
    readings = _review_before_plan(_titled_review(doc, readings))
    readings = _plan_goes_on(_plan_opened(doc, readings, ref))
    return _plan_after_review(doc, readings, ref)


# A part about a field ("七、关于外交工作") tells of it, done and to do alike.
_TOPICAL = re.compile(rf"^[{CN_NUMERALS}]{{1,3}}、\s*关于")


def _plan_after_review(doc: Document, readings: list[Reading], ref: Reference) -> list[Reading]:
    """A work report delivered early in its year, with a review part and no plan part:
    the parts after its first review that say neither kind, year nor span plan that
    year (the report's tasks under headings of what to do: "二、抓紧有利时机，加快经济发展";
    not a part about a field, "七、关于外交工作"), and so do their subsections that say
    nothing either."""
    early = ref.month is not None and ref.month <= 4
    parts = [r for r in readings if r.section.level == 1]
    review = next((r.section for r in parts if r.section.kind == "actual"), None)
    if not (ref.year and early and review) or any(r.section.kind == "plan" for r in parts):
        return readings
    if not is_work_report(doc.norm):
        return readings
    tasks = [
        r.section
        for r in parts
        if r.section.start > review.start
        and _says_nothing(r)
        and not _TOPICAL.match(normalize(r.section.heading))
    ]

    def inside(s: Section) -> bool:
        return any(t.start <= s.start < t.end for t in tasks)

    return [
        Reading(replace(r.section, kind="plan", year=ref.year))
        if inside(r.section) and _says_nothing(r)
        else r
        for r in readings
    ]


def _says_nothing(r: Reading) -> bool:
    """Whether a section's headings give it no kind, no year and no span of years."""
    return not (r.section.kind or r.section.year or r.span)


# A work report's paragraph opening on the year it plans for ("2024年是实施“十四五”规划的
# 关键一年", "今年是…之年"): the plan starts there.
_PLAN_OPENING = re.compile(
    r"^[ \t\u3000]*(?:((?:19|20)\d{2})年|今年)是[^\n。]{0,80}?(?:之年|一年)", re.MULTILINE
)


def _plan_opened(doc: Document, readings: list[Reading], ref: Reference) -> list[Reading]:
    """A work report the parser found no parts in: the paragraph opening on the year it
    is issued in ("2024年是…关键一年") starts its plan for that year, and what stands before
    reviews the year before."""
    if ref.year is None or any(r.section.level for r in readings) or len(readings) != 1:
        return readings
    if not is_work_report(doc.norm):
        return readings
    opening = next(
        (m for m in _PLAN_OPENING.finditer(doc.norm) if int(m.group(1) or ref.year) == ref.year),
        None,
    )
    if opening is None:
        return readings
    whole = readings[0].section
    at = opening.start()
    review = replace(whole, end=at, kind="actual", year=ref.year - 1)
    plan = replace(whole, start=at, kind="plan", year=ref.year)
    return [Reading(review), Reading(plan)]
