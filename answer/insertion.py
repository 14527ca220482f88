"""A name the sentence writes inside the words the question describes it with.

"…要支持做大做强的酒企是哪家" asks for what stands between 支持 and 做大做强 in "支持口子酒业
做大做强": the question writes its description with the name left out, the sentence with it
in. Aligning the two (their common blocks, in order), the one place where the sentence
inserts a short run of words between two blocks the question writes together is the name.
"""

from __future__ import annotations

import re

from answer.policy import CONFIG
from answer.wh_frame import GAP, LINKING, noun_head, wh_frame
from corpus.normalize import bigrams

_CFG = CONFIG.entity
MIN_BLOCK = _CFG.min_block  # characters each side of the gap the question and sentence share
# Marks and years are no name's, nor is what a connective opens or closes ("在北交所和新三板
# 挂牌": 和新三板 is another place of the doing, not who did it).
_NO_NAME = re.compile(r"[,;。:!?、\"()《》\s]|\d{4}年|^[和与及或并的等]|[和与及或的等]$")


def inserted_name(qnorm: str, sent: str) -> tuple[int, int] | None:
    """Offsets (in ``sent``) of the name the sentence inserts into the question's
    description of it, or None when the alignment shows no one such insertion."""
    frame = wh_frame(qnorm)
    if frame is None or len(frame.heads) != 1:
        return None
    found = set()
    for pattern in frame.patterns:
        desc, split = _description(pattern)
        span = _insertion(desc, sent, qnorm, split)
        if span is None and _opens_clause(pattern):
            span = _subject(desc, sent, qnorm) or _carried_subject(desc, sent, qnorm)
        if span is not None:
            found.add(span)
    return found.pop() if len(found) == 1 else None


def _opens_clause(pattern: str) -> bool:
    """Whether the gap opens its clause: the question asks for the subject of what it
    describes ("是哪家单位联合…编的", "哪家企业牵头…")."""
    return _sides(pattern)[0] in ("", "是", "为")


def _own_words(name: str, question: str) -> bool:
    """Whether a subject is a name of its own: no mark or year in it, and few of its
    character pairs the question writes ("中国电子技术标准化研究院" shares only 标准)."""
    pairs = bigrams(name)
    if _NO_NAME.search(name) or not pairs:
        return False
    return len(pairs & bigrams(question)) <= _CFG.subject_echo * len(pairs)


def _holds_most(wanted: set[str], text: str) -> bool:
    """Whether a text holds :attr:`EntityConfig.subject_shared` of the description's pairs."""
    return len(wanted & bigrams(text)) >= _CFG.subject_shared * len(wanted)


def _subject(desc: str, sent: str, question: str) -> tuple[int, int] | None:
    """The subject a clause of the sentence opens with, before the words the question
    describes it by ("…指导,中国电子技术标准化研究院联合全国信标委大数据标准工作组…" for
    "是哪家单位联合信标委大数据标准工作组等一起编的"): the one clause whose start is followed,
    after a name of :data:`EntityConfig.inserted_min`-:data:`inserted_max` characters, by
    the description's first word and most of its character pairs."""
    desc = desc.removeprefix("是").removeprefix("为")
    wanted = bigrams(desc)
    if len(desc) < _CFG.inserted_aligned or not wanted:
        return None
    starts = [0] + [m.end() for m in re.finditer(r"[,;。:!?]", sent)]
    found = []
    for start in starts:
        for end in range(start + _CFG.inserted_min, start + _CFG.inserted_max + 1):
            if not sent.startswith(desc[:2], end):
                continue
            if _holds_most(wanted, sent[end : end + len(desc) + 8]) and _own_words(
                sent[start:end], question
            ):
                found.append((start, end))
            break
    return found[0] if len(found) == 1 else None


def _carried_subject(desc: str, sent: str, question: str) -> tuple[int, int] | None:
    """The subject a sentence opens with, carried to a later clause that opens on a verb
    and writes the question's description ("鄂钢公司连续3年荣获…,成为华中地区首家超低排a级
    钢铁企业" for "哪家企业成了华中首家超低排a级钢铁企业"): the nouns opening the sentence,
    when exactly one later clause holds most of the description's pairs past its verb."""
    wanted = bigrams(desc[2:])
    if len(desc) < _CFG.inserted_aligned or not wanted:
        return None
    later = [m.end() for m in re.finditer(r"[,;]", sent)]
    held = [
        at
        for at in later
        if sent.startswith(LINKING, at) and _holds_most(wanted, sent[at : at + len(desc) + 8])
    ]
    if len(held) != 1:
        return None
    name = noun_head(sent)
    if len(name) < _CFG.inserted_min or not _own_words(name, question):
        return None
    return 0, len(name)


def _description(pattern: str) -> tuple[str, int | None]:
    """The question's words on both sides of its gap, up to a mark: what describes it; and
    where the gap stands in them when words stand on both sides ("推广\x00来带动…": the name
    is inserted there), None when the gap ends the description (a copula question: "支持做大
    做强的酒企是哪家" may insert it anywhere)."""
    left, right = _sides(pattern)
    return left + right, (len(left) if left and right else None)


def _sides(pattern: str) -> tuple[str, str]:
    """The question's words either side of its gap within the gap's clause, without the
    markers of topics and gaps."""
    at = pattern.find(GAP)
    left = re.split(r"[,;。:!?]", pattern[:at])[-1] if at >= 0 else ""
    right = re.split(r"[,;。:!?]", pattern[at + 1 :])[0] if at >= 0 else ""
    return re.sub(r"[\x00-\x1f]", "", left), re.sub(r"[\x00-\x1f]", "", right)


def _insertion(desc: str, sent: str, question: str, split: int | None) -> tuple[int, int] | None:
    """The gap between the words the description writes side by side (at its best split,
    ``EntityConfig.inserted_aligned`` characters shared around it), when one such gap
    exists."""
    best: dict[tuple[int, int], int] = {}
    splits = range(MIN_BLOCK, len(desc) - MIN_BLOCK + 1) if split is None else (split,)
    for k in splits:
        for a in range(min(k, _CFG.inserted_side), MIN_BLOCK - 1, -1):
            found = _gap_after(desc[k - a : k], desc[k:], sent, question)
            if found is not None:
                span, b = found
                if a + b >= _CFG.inserted_aligned:
                    best[span] = max(best.get(span, 0), a + b)
                break  # the longest left side at this split
    if not best:
        return None
    top = max(best.values())
    spans = [span for span, size in best.items() if size == top]
    return spans[0] if len(spans) == 1 else None


def _new_name(gap: str, question: str) -> bool:
    """Whether an insertion can be the name asked: no mark or year in it, and none of the
    question's own words (what the question writes is not what it asks for)."""
    if _NO_NAME.search(gap):
        return False
    return not echoes(gap, question)


def echoes(name: str, question: str) -> bool:
    """Whether a stretch writes any of the question's own words (a two-character piece of
    it): what the question writes is not what it asks for."""
    return any(name[i : i + 2] in question for i in range(len(name) - 1))


def _gap_after(
    left: str, rest: str, sent: str, question: str
) -> tuple[tuple[int, int], int] | None:
    """Where ``sent`` writes ``left``, a short name, then the longest start of ``rest``."""
    at = sent.find(left)
    while at >= 0:
        start = at + len(left)
        for b in range(min(len(rest), _CFG.inserted_side), MIN_BLOCK - 1, -1):
            end = sent.find(rest[:b], start + _CFG.inserted_min, start + _CFG.inserted_max + b)
            if end >= 0 and _new_name(sent[start:end], question):
                return _series_item(rest, sent, question, end, b) or ((start, end), b)
        at = sent.find(left, at + 1)
    return None


def _series_item(
    rest: str, sent: str, question: str, end: int, b: int
) -> tuple[tuple[int, int], int] | None:
    """A later 、-item of the same series whose name is followed by more of ``rest`` than
    the first's ("支持黄淮学院申建省工程防水…重点实验室、金玉锋申建省玉米小分子肽重点实验室"
    for 支持哪家单位申建省玉米小分子肽重点实验室: the words before the first name carry to
    every item), or None."""
    for size in range(min(len(rest), _CFG.inserted_side), b, -1):
        at = sent.find(rest[:size], end)
        if at < 0 or _CLAUSE_END.search(sent, end, at):
            continue
        start = sent.rfind("、", end, at) + 1
        fits = start > 0 and _CFG.inserted_min <= at - start <= _CFG.inserted_max
        if fits and _new_name(sent[start:at], question):
            return (start, at), size
    return None


_CLAUSE_END = re.compile(r"[,;。:]")
