"""Who, which and when: the words of a sentence standing where the question asks.

"以哪家单位为试点…" aligned with "以北航中法航空学院为试点,…" gives the
institution; "哪位…书记调研" gives the name after the title; "哪天印发" gives
the date written in the sentence.
"""

from __future__ import annotations

import re

from answer.extract import MAX_SPAN, Candidate
from corpus.metadata import find_places
from retrieval.query import Query

_WH = re.compile(r"哪(?:家|个|位|所|些|一|天)?|谁|什么")
_GENERIC_NOUN = re.compile(r"^(单位|机构|名字|名称|东西|内容|时候)")
_PREP = "[跟与和同]"
_PREPS = {
    "跟": _PREP,
    "与": _PREP,
    "和": _PREP,
    "同": _PREP,
    "以": "以",
    "由": "由",
    "在": "在",
    "向": "向",
}
_SPAN = "[^,;。:]"
# Verbs a question and a report use for the same thing ("拿到" in the question, "获得" written).
_GOT = "(?:获得|取得|拿到|得到|获)"
_RIGHT_SAME = {"拿到": _GOT, "获得": _GOT, "取得": _GOT, "得到": _GOT}


def _wh_parts(qnorm: str) -> tuple[str, str, str, str] | None:
    """(left anchor regex, included left literal, head noun, right literal) around the wh-word."""
    m = _WH.search(qnorm)
    if not m:
        return None
    before = re.sub(r"[了是的为]+$", "", qnorm[: m.start()])
    # A place named before the verb ("临安服务哪家企业") is not the verb's left context.
    for start, end, _ in reversed(find_places(before)):
        before = before[:start] + " " + before[end:]
    before = before.split()[-1] if before.split() else ""
    rest = qnorm[m.end() :]
    noun_m = re.match(
        r"[\u4e00-\u9fff]{0,8}?(?=被|为|是|签|共建|担任|当|入选|获|拿到|取得|得到|举办|成立|印发|发布"
        r"|$|[^\u4e00-\u9fff])",
        rest,
    )
    noun = noun_m.group(0) if noun_m else ""
    after = rest[len(noun) :]
    right_m = re.match(r"[\u4e00-\u9fff]{1,2}", re.sub(r"^[的了]", "", after))
    right = re.sub(r"(?<=.)[了的过着]$", "", right_m.group(0)) if right_m else ""
    left = _PREPS.get(before[-1:], "") if before else ""
    literal = "" if left or not before else before[-3:]
    head = "" if _GENERIC_NOUN.match(noun) else noun[-2:]
    return left, literal, head, right


_WHEN = re.compile(r"哪天|哪一天|什么时候|何时|日期|几月几日|哪年哪月")
_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?|(?:19|20)\d{2}-\d{1,2}-\d{1,2}")


def is_when(query: Query) -> bool:
    """Whether the question asks for a date ("哪天", "什么时候")."""
    return bool(_WHEN.search(query.norm))


def date_span(query: Query, cand: Candidate) -> tuple[int, int] | None:
    """For "哪天/什么时候" questions: the date written in the candidate's sentence."""
    if not _WHEN.search(query.norm):
        return None
    found = _DATE.search(cand.clause.sent_norm)
    if not found:
        return None
    base = cand.clause.sent_start
    return base + found.start(), base + found.end()


def _after_descriptor(qnorm: str, cand: Candidate) -> tuple[int, int] | None:
    """ "哪位省科技厅党组书记调研" in "…获省科技厅党组书记佟桂莉调研…" → 佟桂莉.

    The words after the wh-word describe the entity; the sentence writes
    the description, then the name, then what follows in the question.
    """
    m = re.search(r"哪位|谁", qnorm)  # people: "书记佟桂莉", title before name
    if not m:
        return None
    rest = re.sub(r"[?？。]$", "", qnorm[m.end() :])
    sent = cand.clause.sent_norm
    for size in range(min(len(rest), 12), 3, -1):
        desc = rest[:size]
        at = sent.find(desc)
        if at < 0:
            continue
        follow = rest[size : size + 2]
        start = at + size
        stop = sent.find(follow, start) if len(follow) == 2 else -1
        if stop - start >= 2 and stop - start <= 12 and not re.search(r"[,;。:]", sent[start:stop]):
            base = cand.clause.sent_start
            return base + start, base + stop
        return None
    return None


def entity_span(query: Query, cand: Candidate) -> tuple[int, int] | None:
    """The words of the sentence standing where the question has its wh-word.

    Patterns are tried from the most to the least specific: the words
    between the question's left and right context ("以哪家单位为试点" →
    "以北航中法航空学院为试点"), ending in the wh-noun's head ("哪个开发区"
    → "…开发区"), or following a descriptor ("哪位…书记调研" → "书记佟桂莉调研").
    """
    parts = _wh_parts(query.norm)
    if parts is None:
        return None
    described = _after_descriptor(query.norm, cand)
    if described is not None:
        return described
    left, literal, head, right = parts
    clause_start = "(?:^|(?<=[,;。:]))"
    starts = (
        [left]
        if left
        else ([f"(?={re.escape(literal)})", clause_start] if literal else [clause_start])
    )
    r = _RIGHT_SAME.get(right, re.escape(right))
    patterns = []
    if literal and right:
        # "服务哪家企业拿到…立项" in "服务奕力科技获得…立项": between the verb and what follows.
        patterns.append(f"{re.escape(literal)}({_SPAN}{{2,30}}?){r}")
    for start in starts:
        if head:
            patterns.append(f"{start}({_SPAN}{{1,30}}?{re.escape(head)}){r}")
            patterns.append(f"{start}({_SPAN}{{1,30}}?{re.escape(head)})")
        if right:
            patterns.append(f"{start}({_SPAN}{{2,30}}?)(?:关于)?{r}")
    if left:
        patterns.append(f"{left}({_SPAN}{{2,30}}?)(?=[,;。:]|$)")
    sent = cand.clause.sent_norm
    for pattern in patterns:
        found = re.search(pattern, sent)
        if found and 2 <= len(found.group(1).strip()) <= MAX_SPAN:
            base = cand.clause.sent_start
            return base + found.start(1), base + found.end(1)
    return None
