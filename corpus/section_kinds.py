"""What a section is (a review, a plan, problems) and which year and half it speaks of,
read from its heading's words; :mod:`corpus.document` settles them per section."""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.metadata import YEAR_WRITTEN
from corpus.normalize import normalize

_YEAR = re.compile(YEAR_WRITTEN)
_ACTUAL = (
    "总结",
    "回顾",
    "完成情况",
    "执行情况",  # "1990年计划的执行情况": how the plan was carried out
    "落实情况",
    "工作情况",
    "亮点",
    "成效",
    "进展",
    "取得",
    "主要工作",
)
_PLAN = (
    "计划",
    "思路",
    "打算",
    "重点工作",
    "目标",
    "安排",
    "任务",
    "要点",
    "展望",
    "举措",
    "保障措施",
    "总体要求",
)
_PROBLEM = ("问题", "短板", "不足", "困难")
# A heading setting out to solve them ("(七)高度重视解决涉及群众切身利益的问题") is a task.
_SOLVING = re.compile(r"(?:解决|破解|补齐|补上|弥补|克服|化解)[^,。;]{0,20}(?:问题|短板|不足|困难)")
# A part that is a budget plans its year ("二、1956年的国家预算(草案)"); one about it
# ("为实现1956年的国家预算而努力", "预算执行情况") may tell what was spent.
_BUDGET = re.compile(r"预算(?:草案)?[)\s]*$")


def section_kind(heading: str) -> str:
    """ "actual", "plan", "problem" or "" from a heading's wording."""
    if any(w in heading for w in _PROBLEM) and not _SOLVING.search(heading):
        return "problem"
    if any(w in heading for w in _ACTUAL):
        return "actual"
    if any(w in heading for w in _PLAN):
        return "plan"
    if _BUDGET.search(heading):
        return "plan"
    if "上半年" in heading or "前三季度" in heading:
        return "actual"
    if "下半年" in heading:
        return "plan"
    return ""


# What a heading says was achieved, which one under a plan's heading sets as a goal
# ("二、“十五五”时期主要目标任务" > "(一)现代化产业体系建设取得决定性进展").
_ACHIEVED = ("取得", "进展", "成效")


def path_kind(headings: list[str]) -> str:
    """The kind of a section from its path of (normalised) headings: the innermost
    heading's that has one, except that a heading telling only what is achieved, under a
    plan's heading, is part of the plan."""
    kinds = [section_kind(h) for h in headings]
    inner = next((i for i in range(len(kinds) - 1, -1, -1) if kinds[i]), None)
    if inner is None:
        return ""
    kind, heading = kinds[inner], headings[inner]
    achieved = not any(w in heading for w in _ACTUAL if w not in _ACHIEVED)
    if kind == "actual" and achieved and "plan" in kinds[:inner]:
        return "plan"
    return kind


_REVIEW_WORDS = re.compile(r"总结|回顾|完成情况|落实情况|工作情况|成效|进展|亮点")
_PLAN_WORDS = re.compile(r"安排|计划|打算|思路|要点|任务")


def settled_kind(
    kind: str, path: str, year: int | None, issued: int | None, month: int | None
) -> str:
    """A heading's kind corrected where its words mislead, by when the document was issued.

    "2024年主要工作安排" reads as a review ("主要工作") but plans; so does "2024年主要工作"
    in a report delivered early in 2024, and a heading without kind words about a later
    year (or the issue year, early). A heading with a review word ("回顾", "总结") keeps
    its kind.
    """
    if kind not in ("actual", "") or _REVIEW_WORDS.search(path):
        return kind
    if kind == "actual" and _PLAN_WORDS.search(path):
        return "plan"
    if not (year and issued):
        return kind
    early = month is not None and month <= 4
    return "plan" if year > issued or (year == issued and early) else kind


def review_heading(issued: int | None, month: int | None) -> Callable[[str], bool]:
    """Whether a heading, alone, heads a review in a document issued then."""

    def is_review(heading: str) -> bool:
        norm = normalize(heading)
        kind, year = section_kind(norm), heading_year(norm)
        return settled_kind(kind, norm, year, issued, month) == "actual"

    return is_review


def heading_year(heading: str) -> int | None:
    """The year a heading names, if any ("二、2024年工作思路" → 2024)."""
    m = _YEAR.search(heading)
    return int(m.group(1)) if m else None


def half_of(heading: str) -> str:
    if "上半年" in heading:
        return "H1"
    if "下半年" in heading:
        return "H2"
    return ""


def default_year(kind: str, half: str, doc_year: int | None, doc_month: int | None) -> int | None:
    """Year a section without an explicit year speaks of, from the document date.

    A report issued early in year Y reviews Y-1 and plans Y; a mid-year
    report reviews the first half of Y and plans its second half.
    """
    if doc_year is None:
        return None
    early = doc_month is not None and doc_month <= 4
    if kind == "actual":
        return doc_year - 1 if (early and not half) else doc_year
    if kind == "plan":
        return doc_year + 1 if (doc_month or 0) >= 11 else doc_year
    return None
