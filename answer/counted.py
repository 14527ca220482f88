"""What a figure question counts ("新增学位多少" → 学位), and of one sentence's clauses the
one that counts it: "新建中小学校(幼儿园)20所,新增学位9670个" answers 学位 with 9670个."""

from __future__ import annotations

import re
from collections.abc import Callable

from answer.extract import Candidate
from answer.signals import Signals, canon
from retrieval.query import Query

# What may stand between the counted word and its asking word ("学位是多少", "学位有几个",
# "吞吐量23年多少": the time it is asked of too).
# "重大技术,2024年和2025年各是多少项": the years of a comparison, and each's.
# "新开工量2011年是多少": the word with 量 or 数 making a count of it (新开工 is counted).
_ASK_AFTER = re.compile(
    r"(?:量|数|数量|总量|总数)?(?:,?(?:(?:19|20)?\d{2}年(?:底|末)?[和与、]?)+|今年|去年|全年|上半年)?(?:各|分别)?"
    r"[是有为了达到共约大概]{0,3}(?:多少|几)"
)


def counted_word(question_norm: str, sig: Signals) -> str:
    """The question's noun right before its asking word ("新增学位多少" → 学位): what
    its figure counts; "" when none of its words stands there or that word is no noun."""
    word = _before_asking(question_norm, sig)
    return word if word and _is_noun(word) else ""


def done_word(question_norm: str) -> str:
    """The verb right after the question's asking word and counter ("有多少户完成了改制" →
    完成): what the figure asked does, written right after it ("有130户完成改制任务"); ""
    when the question goes on with no verb there ("多少家高新技术企业" counts a thing)."""
    m = _ASKING.search(question_norm)
    if m is None:
        return ""
    word = question_norm[m.end() : m.end() + 2]
    return word if _HANZI_PAIR.fullmatch(word) and _is_verb(word) else ""


def does_after(norm: str, value_end: int, unit: str, word: str) -> bool:
    """Whether the figure ending at ``value_end`` (its counter ``unit`` next) is followed
    right away by ``word`` ("130户完成改制任务"), maybe after 已/都."""
    at = value_end + len(unit) if norm.startswith(unit, value_end) else value_end
    lead = _DOES.match(norm, at)  # (always matches: it may be empty)
    return lead is not None and norm.startswith(word, lead.end())


_DOES = re.compile(r"(?:已经|已|都|均|全部)?")


def _is_verb(word: str) -> bool:
    from index.text import pos_tags  # jieba, loaded by the index already

    tags = pos_tags(word)
    return len(tags) == 1 and tags[0][1].startswith("v")


# the asking word with its counter and what may stand before the deed ("多少户已经完成")
_ASKING = re.compile(
    r"(?:多少|几)(?:[个家户项件人所座条次名台套倍亩吨元]|[亿万千百]+[元吨亩人]?|平方米|公里)?"
    r"(?:已经|已|都|还)?"
)
_HANZI_PAIR = re.compile(r"(?![是了的呢啊吗])[\u4e00-\u9fff]{2}")


def _before_asking(question_norm: str, sig: Signals) -> str:
    """The question's word right before its asking word, whatever its part of speech."""
    for t in sig.terms:
        for m in re.finditer(re.escape(t.text), question_norm):
            if _ASK_AFTER.match(question_norm, m.end()):
                return t.text
    return ""


def _is_noun(word: str) -> bool:
    """Whether a word names a thing (its last word a noun), not what is done ("培育多少").
    A domain word or set phrase jieba gives no part of speech of its own ("高新技术企业" x,
    "发明专利" l) is a thing when its last two characters are one ("企业", "专利")."""
    from index.text import pos_tags  # jieba, loaded by the index already

    tags = pos_tags(word)
    if tags and tags[-1][1] in ("x", "l") and len(tags[-1][0]) > 2:
        tags = pos_tags(tags[-1][0][-2:])
    return bool(tags) and tags[-1][1][:1] in ("n", "j")


def counting_clause(
    q: Query,
    sig: Signals,
    top: Candidate,
    cands: list[Candidate],
    answers: Callable[[Candidate], bool],
) -> Candidate:
    """Of the clauses of ``top``'s sentence that answer, the one naming what the question
    counts, when ``top`` does not; ``top`` otherwise."""
    word = _before_asking(q.norm, sig)
    here = canon(top.clause.norm)
    if not word or word in here:
        return top
    # A clause naming none of the question's words goes on about the clause before it
    # ("合同投资额突破1000亿元,达1112亿元"): what it counts is that clause's.
    if not any(t.text in here for t in sig.terms):
        return top
    same = (
        c
        for c in cands
        if c.doc.doc_id == top.doc.doc_id
        and c.clause.sent_start == top.clause.sent_start
        and word in canon(c.clause.norm)
        and answers(c)
    )
    other = next(same, None)
    # the part of speech last: it is read only when another clause would answer
    return other if other is not None and _is_noun(word) else top
