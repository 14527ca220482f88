"""Where a question's words around its wh-phrase stand in a sentence: the stretch of the
sentence between the words aligned on each side of the gap (:mod:`answer.entity` trims it
to a name).

The question's words next to the gap are aligned with the sentence (longest common
blocks, in order); what the sentence writes between them is where the name stands.
"""

from __future__ import annotations

import re
from difflib import Match, SequenceMatcher

from answer.policy import EntityConfig
from answer.wh_frame import CLAUSE_MARK, GAP
from corpus.normalize import bigrams

# Prepositions a name asked with another follows ("跟哪家公司签的": 与/和/跟/同).
PREPOSITIONS = "跟与和同"


def window_of(pattern: str, at: int) -> tuple[int, int]:
    """The question's words around the gap at ``at``, within its clause and between gaps."""
    start, end = at, at + 1
    while start > 0 and pattern[start - 1] != GAP and not CLAUSE_MARK.match(pattern[start - 1]):
        start -= 1
    while end < len(pattern) and pattern[end] != GAP and not CLAUSE_MARK.match(pattern[end]):
        end += 1
    return start, end


def gap_bounds(window: str, at: int, sent: str, cfg: EntityConfig) -> tuple[int, int] | None:
    """The sentence's stretch between the blocks aligned on each side of the gap at ``at``.

    Blocks are common runs of at least ``cfg.min_block`` characters, in order
    (difflib's longest-block alignment).
    """
    matcher = SequenceMatcher(None, window, sent, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= cfg.min_block]
    before = [b for b in blocks if b.a + b.size <= at]
    after = [b for b in blocks if b.a > at]
    if not before and not after:
        return None
    if not before:
        before = _moved_ahead(window[:at], sent, after[-1].b + after[-1].size, cfg)
        after = after if not before else []
    if before:
        start = before[-1].b + before[-1].size
        if before[-1].a + before[-1].size < at:
            start = _after_own_words(window[:at], sent, start, after[0].b if after else len(sent))
    else:  # only the words after: the name opens their clause
        marks = [m.end() for m in CLAUSE_MARK.finditer(sent, 0, after[0].b)]
        start = marks[-1] if marks else 0
    if after:
        end = after[0].b
    else:  # only the words before: the name ends their clause
        stop = CLAUSE_MARK.search(sent, start)
        end = stop.start() if stop else len(sent)
        verb = window[before[-1].a + before[-1].size : at]
        if stop is not None and end == start and verb and not window[at + 1 :]:
            # "…要报给哪个部门" in "…实施方案,并报工业和信息化部": the next clause opens with
            # the question's verb (after a connective: "并报") and names it.
            past = _past_verb(sent, stop.end(), verb)
            start = past if re.search(f"[{re.escape(verb)}]", sent[stop.end() : past]) else start
            stop = CLAUSE_MARK.search(sent, start)
            end = stop.start() if stop else len(sent)
    crossed = list(CLAUSE_MARK.finditer(sent, start, end))
    if crossed:  # across clauses: the clause next to the words the question writes beside it
        sides = [(crossed[-1].end(), end), (start, crossed[0].start())]
        # …the one after first, unless nothing stands there ("教育部成立了什么机构来指导…" in
        # "教育部成立…专家委员会,指导和协调…")
        sides = sides if after else sides[::-1]
        start, end = next((x for x in sides if x[1] > x[0]), sides[0])
    if before and at and window[at - 1] in _LEADS:
        # "…结束后要向谁做专题汇报" in "…结束后20个工作日内向市对接华为工作专班做专题汇报":
        # the name follows the preposition the question writes right before it
        lead = sent.find(window[at - 1], start, end)
        start = lead + 1 if lead >= 0 else start
    return (start, end) if end > start else None


def _moved_ahead(left: str, sent: str, past: int, cfg: EntityConfig) -> list[Match]:
    """The block of the question's words right before the gap, when the sentence writes them
    after ``past`` (the end of the words it writes after the gap): "成立哪个机构来推动…" in
    "为了推动…,国务院决定成立中国工程院" puts the purpose first."""
    matcher = SequenceMatcher(None, left, sent[past:], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= cfg.min_block]
    if not blocks or blocks[-1].a + blocks[-1].size != len(left):
        return []
    last = blocks[-1]
    return [Match(last.a, last.b + past, last.size)]


def _after_own_words(context: str, sent: str, start: int, end: int) -> int:
    """Where a name starts when the words aligned before the gap are not the ones right
    before it ("标准研制主要依托哪个标委会来组织" aligned on 标准, inside the name "…标准化
    技术委员会"): right after the two characters the question writes before the gap, when
    the sentence writes them in the clause before ``end`` ("依托全国…委员会"); else ``start``."""
    verb = context[-2:]
    if len(verb) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", verb):
        return start
    at = sent.rfind(verb, 0, end)
    if at < 0 or CLAUSE_MARK.search(sent, at, start if start > at else at):
        return start
    return at + len(verb)


# One-character prepositions a name asked follows ("向谁汇报", "由哪个部门牵头").
_LEADS = "向给对由从经被"


def _past_verb(sent: str, start: int, verb: str) -> int:
    """Where a clause's name begins: past its connective (并, 再) and the characters of
    the question's verb that open it ("并报" for 报给)."""
    while start < len(sent) and (sent[start] in "并再且还" or sent[start] in verb):
        start += 1
    return start


def after_preposition(window: str, at: int, sent: str, head: str) -> tuple[int, int] | None:
    """ "跟哪家公司签的": the stretch after a 与/和/跟/同 of the sentence whose next words
    the question writes after the gap, or that names the head noun asked."""
    right = window[at + 1 :]
    grams = bigrams(right)
    best: tuple[int, int, int] | None = None
    for m in re.finditer(f"[{PREPOSITIONS}]", sent):
        stop = CLAUSE_MARK.search(sent, m.end())
        end = stop.start() if stop else len(sent)
        follow = sent[m.end() : end]
        shared = sum(1 for i in range(len(follow) - 1) if follow[i : i + 2] in grams)
        shared += 2 * bool(head and head[-2:] in follow)
        if best is None or shared > best[0]:
            best = (shared, m.end(), end)
    return (best[1], best[2]) if best else None
