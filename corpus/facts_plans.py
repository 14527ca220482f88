"""Plan documents: a plan titled with its span reads as that span's plan.

"山东省“十四五”教育事业发展规划", "行动计划（2021-2023年）": the document plans for the
span its title names. Its figures are targets of the span's last year (the period
the span), not of a year named elsewhere in it (the 2035 of a vision), and parts
with no kind of their own plan too, save the reviews:

- a part whose heading reviews ("一、发展现状", "一、现状与形势") is an actual of
  the year before the span (a "十四五" plan reviews "十三五");
- inside a part, a stretch opened by an inline label of a review ("(一)基础与优势。",
  "1.发展基础。") up to the next inline label reviews likewise.

A work report is never a plan document, whatever its title says.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.facts_sections import Reading
from corpus.facts_spans import span_end
from corpus.model import Document, Section
from corpus.normalize import normalize
from corpus.plan_periods import PLAN_NAME, previous_plan
from corpus.report_year import is_work_report
from corpus.section_kinds import heading_year

_PLAN_TITLE = re.compile(r"规划|计划|方案|纲要")
_TITLE_SPAN = re.compile(
    PLAN_NAME.pattern + r"|((?:19|20)\d{2})\s*[-~至—–]\s*((?:19|20)\d{2})(?!\d)"
)
_REVIEW_WORDS = re.compile(r"现状|发展基础|基础与优势|已有基础|成效|成就|回顾|形势|背景")
# An inline label opening a paragraph: "(一)基础与优势。", "1.发展基础。", "(四)发展目标。"
_LABEL = re.compile(
    r"^[\s\u3000]*(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])\s*([^。,;:\n]{2,10})。",
    re.MULTILINE,
)


def plan_span(doc: Document) -> str:
    """The span a plan document's title names ("十四五", "2021-2023"), else ""."""
    title = normalize(doc.title)
    if not _PLAN_TITLE.search(title) or is_work_report(doc.norm):
        return ""
    m = _TITLE_SPAN.search(title)
    if not m:
        return ""
    return m.group(1) or f"{m.group(2)}-{m.group(3)}"


def _review_of(span: str) -> tuple[int | None, str]:
    """What a review part of a plan for ``span`` speaks of (its year, its span): the plan
    before it, or the year before the span starts."""
    if previous_plan(span):
        return None, previous_plan(span)
    return int(span[:4]) - 1, ""


def _reviewed(sec: Section, review: tuple[int | None, str]) -> Reading:
    return Reading(replace(sec, kind="actual", year=review[0]), review[1])


def _labelled_reviews(norm: str, sec: Section, review: tuple[int | None, str]) -> list[Reading]:
    """Stretches of a plan part opened by an inline review label, each up to the next
    label or the part's end."""
    labels = list(_LABEL.finditer(norm, sec.start, sec.end))
    stops = [m.start() for m in labels[1:]] + [sec.end] if labels else []
    return [
        _reviewed(replace(sec, start=m.start(), end=stop), review)
        for m, stop in zip(labels, stops, strict=True)
        if _REVIEW_WORDS.search(m.group(1))
    ]


def as_plan_document(doc: Document, readings: list[Reading]) -> list[Reading]:
    """The readings of a plan document titled with its span (unchanged otherwise)."""
    span = plan_span(doc)
    if not span:
        return readings
    end, review = span_end(span), _review_of(span)
    out: list[Reading] = []
    for r in readings:
        sec = r.section
        if not (sec.kind == "plan" or (sec.level and not sec.kind and not r.span)):
            out.append(r)
        elif sec.kind != "plan" and _REVIEW_WORDS.search(normalize(sec.heading)):
            out.append(_reviewed(sec, review))
        else:
            named = heading_year(normalize(sec.heading))  # "2024年目标" in a 2021-2025 plan
            out.append(Reading(replace(sec, kind="plan", year=named or end), plan=span))
            out += _labelled_reviews(doc.norm, sec, review)
    return sorted(out, key=lambda x: x.section.start)
