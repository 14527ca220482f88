"""When a list is of the time a question asks: its document's year, its section's year and
half, and the relative year (今年/去年) its head speaks of."""

from __future__ import annotations

import re

from corpus.doc_kinds import kind_of
from corpus.enumerations import Enumeration
from corpus.metadata import YEAR_WRITTEN
from corpus.model import Document, Section
from corpus.normalize import normalize
from retrieval.metadata import doc_year_fit
from retrieval.naming import YEAR_NAMED_KINDS
from retrieval.query import Query
from retrieval.years import find_years


def section_of(doc: Document, path: str) -> Section | None:
    """The section with this path string ("" → None)."""
    if not path:
        return None
    return next((s for s in doc.sections if s.path_str == path), None)


def time_fits(q: Query, doc: Document, en: Enumeration) -> bool:
    """The list's section speaks of the year and half-year asked (when asked)."""
    if doc_year_fit(q, doc) < 0:
        return False
    sec = section_of(doc, en.section)
    year = sec.year if sec else None
    # "21年…揭榜挂帅申报指南里…": the one year the document's own title writes, asked
    # inside the name the question calls it by, names the document, not a part of it
    if q.years and q.doc_name and _title_years(doc) == set(q.years) == set(find_years(q.doc_name)):
        return True
    # …or written before the words the title writes after it ("2021年人工智能医疗器械揭榜
    # 挂帅" for "2021年人工智能创新任务揭榜挂帅申报指南"): no kind named, the same naming
    if _title_years(doc) == set(q.years) and _names_title_year(q.norm, normalize(doc.title)):
        return True
    if q.years:
        named = {int(y) for y in re.findall(YEAR_WRITTEN, normalize(en.section))}
        other = year is not None and year not in q.years and not named & set(q.years)
        if other and not _plans_to(q.years, doc, sec):
            return False
        # an undated part speaks of its document's years, the year it was issued in too (a
        # plan's report, "1986年…报告" of the 七五 plan, reviews 1985 and plans from 1986)
        issued = {doc.issued} if doc.issued else set()
        if year is None and doc.years and not (set(doc.years) | issued) & set(q.years):
            return False
    if q.half and sec is not None and sec.half and sec.half != q.half:
        return False
    # "今年…五件民生实事" is not the list its head says was last year's ("去年我承诺的…五件").
    asked = _RELATIVE_YEAR.findall(q.norm)
    lead = doc.norm[en.items[0].sent_start : en.items[0].end] if en.items else ""
    said = _RELATIVE_YEAR.findall(f"{normalize(en.head)} {lead}")
    return not (asked and said and not set(asked) & set(said))


_RELATIVE_YEAR = re.compile(r"今年|去年|明年")


def _plans_to(years: tuple[int, ...], doc: Document, sec: Section | None) -> bool:
    """Whether a plan's part writes one of ``years``: it speaks of the years it plans to
    ("二、建设目标 到2020年,基本形成…" of a 2013 guide). Read only when its own year is not
    the one asked."""
    if sec is None or sec.kind != "plan":
        return False
    return any(int(y) in years for y in re.findall(YEAR_WRITTEN, doc.norm[sec.start : sec.end]))


def _names_title_year(question: str, title: str) -> bool:
    """Whether the question writes a year of the title followed by the
    :data:`_TITLE_WORDS` characters the title writes right after it (not of a report or a
    summary, which every year's has: "2024年政府工作报告" is the year's report, whose parts
    speak of other years)."""
    if kind_of(title) in YEAR_NAMED_KINDS:
        return False
    for m in re.finditer(YEAR_WRITTEN, title):
        after = title[m.end() : m.end() + _TITLE_WORDS]
        cjk = len(after) == _TITLE_WORDS and re.fullmatch(r"[\u4e00-\u9fff]+", after)
        if cjk and f"{m.group(1)}年{after}" in question:
            return True
    return False


_TITLE_WORDS = 4  # characters after a title's year that a question naming it repeats


def _title_years(doc: Document) -> set[int]:
    return {int(y) for y in re.findall(YEAR_WRITTEN, normalize(doc.title))}
