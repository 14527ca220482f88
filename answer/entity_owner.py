"""Where a name asked begins: a place or a body the question writes just before its
wh-word ("杭州市哪个区", "交通运输部哪个司"), where the sentence writes it right before the
name (:mod:`answer.entity` asks)."""

from __future__ import annotations

from answer.wh_frame import GAP, wh_frame
from corpus.enum_model import LEAD_VERBS
from corpus.places import find_places


def with_place(before: str, sent: str, start: int) -> int:
    """A place the question writes just before its wh-word begins the name ("杭州市…区")."""
    for p_start, p_end, _ in find_places(before):
        if p_end == len(before) and sent[:start].endswith(before[p_start:]):
            return start - (p_end - p_start)
    return start


MAX_OWNER = 12  # the longest body's name read before a name asked
MAX_PART_NAME = 6  # the longest name read as a part of a body (人事教育司)
# The last character of a body's name ("交通运输部", "省科技厅", "市发改委").
_BODY_END = "部委厅局办院署行会司处"


def with_owner(before: str, sent: str, start: int, end: int) -> int:
    """The body the question writes just before its wh-word ("交通运输部哪个司") begins a
    short name (a body's department) where the sentence writes it right before
    ("交通运输部人事教育司牵头"); not a verb before the body ("推进…研究院")."""
    if end - start > MAX_PART_NAME:
        return start
    for k in range(min(len(before), MAX_OWNER), 1, -1):
        owner = before[-k:]
        if owner[-1] in _BODY_END and sent[:start].endswith(owner):
            verb = LEAD_VERBS.match(owner)
            return start - k + (verb.end() if verb else 0)
    return start


def before_gap(qnorm: str) -> str:
    """The question's words before its wh-phrase ("…由交通运输部" of "…由交通运输部哪个司")."""
    frame = wh_frame(qnorm)
    pattern = frame.patterns[0] if frame else ""
    return pattern[: pattern.find(GAP)] if GAP in pattern else ""
