"""A work report's plan part that carries no heading of its own.

Most reports head their plan ("二、2024年工作安排"); some let it begin inside the review
part, with the paragraphs that open a plan: "2024年是…的关键一年", "做好今年政府工作的
总体要求是:…", "今年…主要预期目标是:…". Left there, every target after them would read
as the year under review. :func:`unheaded_plan` finds where such a plan begins and gives a
heading for it, of the review part's level, so that the plan's own points nest in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from corpus.enum_model import LINE
from corpus.structure import HeadingLine

# The paragraph setting a year's course: its general requirement or its expected targets.
_COURSE = re.compile(
    r"^[^。;:!?]{0,16}(?:今年|(?:19|20)\d{2}年)[^。;:!?]{0,14}(?:总体要求|主要预期目标|预期目标)是"
)
# The paragraph that may come before it, naming the year ("2024年是…", "今年是…"), or a
# line standing alone over the plan ("努力做好2024年各项工作").
_YEAR_IS = re.compile(r"^(?:今年|(?:19|20)\d{2}年)是")
_ALONE = re.compile(r"^(?=[^,。;:!?]*(?:今年|(?:19|20)\d{2}年))[^,。;:!?]{4,24}$")
# How far back from the course paragraph the plan may begin (paragraphs).
_LOOK_BACK = 3
# The longest heading taken from the first clause of a paragraph.
_MAX_CLAUSE = 30
_CLAUSE_END = re.compile(r"[,。;:!?]")


def unheaded_plan(
    text: str, norm: str, headings: list[HeadingLine], is_review: Callable[[str], bool]
) -> HeadingLine | None:
    """The heading of a plan that begins, unheaded, inside a review part, or None.

    ``headings`` are the document's, in order; the plan begins at the paragraph setting
    the year's course (or the one naming the year, or a line standing alone, at most
    three paragraphs before it) when the last heading of the outermost level before it is
    a review's ("一、2023年工作回顾"), by ``is_review``.
    """
    paragraphs = _paragraphs(norm)
    at = next((i for i, (s, e) in enumerate(paragraphs) if _COURSE.match(norm[s:e])), None)
    if at is None or not headings:
        return None
    start = paragraphs[at][0]
    top = min(h.level for h in headings)
    before = [h for h in headings if h.start < start and h.level == top]
    if not before or not is_review(before[-1].text):
        return None
    first = _plan_start(norm, paragraphs, at, before[-1].end)
    s, e = paragraphs[first]
    line = norm[s:e]
    if _ALONE.match(line):
        end = e
    else:
        cut = _CLAUSE_END.search(line)
        end = s + min(cut.start() if cut else len(line), _MAX_CLAUSE)
    return HeadingLine(s, end, before[-1].level, text[s:end])


def _plan_start(norm: str, paragraphs: list[tuple[int, int]], at: int, floor: int) -> int:
    """The first paragraph of the plan: the course paragraph, or the one naming the year
    or standing alone a few paragraphs before it (never above the review's heading)."""
    first = at
    for i in range(at - 1, max(at - 1 - _LOOK_BACK, -1), -1):
        s, e = paragraphs[i]
        if s < floor:
            break
        line = norm[s:e]
        if _YEAR_IS.match(line):
            first = i
        elif _ALONE.match(line):
            return i
    return first


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    """Each non-empty line's span, without its leading and trailing blanks."""
    spans = []
    for m in LINE.finditer(norm):
        line = m.group(0)
        if line.strip():
            s = m.start() + len(line) - len(line.lstrip())
            spans.append((s, m.end() - (len(line) - len(line.rstrip()))))
    return spans
