"""Whether a clause names the thing a question asks a figure of: a word of it beyond which
amount or what was done, and the thing itself rather than its amount per head."""

from __future__ import annotations

import re

from answer.clause_subject import goes_on
from answer.clauses import Clause
from answer.kinds import counted_things
from answer.question_words import AMOUNT_WORDS, EVENT_WORDS
from answer.signals import Signals, Term, canon
from corpus.normalize import bigrams


def names_thing(sig: Signals, clause: Clause, doc_norm: str = "") -> bool:
    """Whether the sentence, up to the end of the clause, names a word of what is asked
    beyond the words saying which amount or what was done (总额, 新增: :data:`AMOUNT_WORDS`,
    :data:`EVENT_WORDS`); true when the question asks with those words only. A sentence
    going on after ";" with a time and a bare figure ("…机架数达到35万个;2025年底前超过
    45万个") names it in the sentence before."""
    things = _things(sig)
    if not things:
        return True
    before = canon(clause.sent_norm[: clause.end - clause.sent_start])
    at = clause.sent_start - 1
    if at > 0 and doc_norm[at] == ";" and goes_on(clause.sent_norm):
        begin = max(doc_norm.rfind(c, 0, at) for c in ";。\n") + 1
        before = f"{canon(doc_norm[begin:at])} {before}"
    return any(t.credit(before) > 0 for t in things)


LEVEL = re.compile(r"国家级|省级|市级|区级|县级")  # the level a figure is counted at
# Words saying at what level or past what bar a thing is counted ("省级以上"), not what it is.
_SCOPE_WORDS = re.compile(rf"(?:{LEVEL.pattern}|以上|以下|以内)+")


def _things(sig: Signals) -> list[Term]:
    """The question's words naming what is asked: not which amount, what was done, or at
    what level it is counted (:data:`AMOUNT_WORDS`, :data:`EVENT_WORDS`, "省级以上")."""
    return [
        t
        for t in sig.terms
        if t.text not in AMOUNT_WORDS
        and t.text not in EVENT_WORDS
        and not _SCOPE_WORDS.fullmatch(t.text)
    ]


_OWN_THING = 4  # characters a name before a figure has to count a thing of its own


def counts_other(sig: Signals, clause_norm: str) -> bool:
    """Whether the clause's figures each count a thing named right before them that holds
    no word of what is asked, while the clause writes none of it either: "组织推广优秀科技
    成果78项" counts 成果, not the 高新技术产业化重点项目 its sentence goes on to name
    without a figure ("…,组织实施高新技术产业化重点项目项"). Counts only: the words
    before a sum say what is done with it ("…予以资助,最高资助2000万元")."""
    things = _things(sig)
    clause = canon(clause_norm)
    # (a sum's words before it say what is done with it, "最高资助2000万元": counts only)
    if sig.unit != "count" or not things or any(t.credit(clause) >= 1 for t in things):
        return False
    # (a total of it, "…17.6万户、总数169万户", counts the thing named before it)
    counted = [c for c in counted_things(clause_norm) if c not in AMOUNT_WORDS]
    if not counted or any(len(c) < _OWN_THING for c in counted):
        return False
    names = [canon(c) for c in counted]
    for t in things:
        held = [c for c in names if t.credit(c) > 0]
        if t.credit(clause) > 0 and not held:
            return False  # the clause names it outside the things it counts
        # (each counts no word of it, or only its head qualified otherwise: "省级工业互联网
        # 平台4个" is no count of 科技创新平台)
        if not all(qualified_otherwise(t.text, c) for c in held):
            return False
    return True


_HEAD = 2  # characters of a head noun two names share at least ("平台", "企业")


def qualified_otherwise(asked: str, name: str) -> bool:
    """Whether ``name`` is the head of ``asked`` qualified otherwise: the same last
    characters (:data:`_HEAD` at least), and words of two characters or more before them,
    none alike (levels aside: "省级工业互联网平台" for 科技创新平台, not "全国重点实验室" for
    重点实验室)."""
    name = _SCOPE_WORDS.sub("", name)
    shared = 0
    while shared < min(len(asked), len(name)) and asked[-1 - shared] == name[-1 - shared]:
        shared += 1
    own, theirs = asked[: len(asked) - shared], name[: len(name) - shared]
    if shared < _HEAD or len(own) < 2 or len(theirs) < 2:
        return False
    return not bigrams(own) & bigrams(theirs)


# (单位: "单位GDP能耗降低4.3%" is energy per unit of output, no figure of the output)
_PER = ("人均", "户均", "每万人", "亩均", "单位")


def per_head_only(question_norm: str, sig: Signals, clause_norm: str) -> bool:
    """Whether the clause states the asked metric only per head (人均/户均/每万人/亩均), or as
    the unit of another ("单位GDP能耗"), while the question asks the total:
    "人均生产总值由14112元提高到26024元" for 生产总值是多少. A question asking no figure
    asks no total ("申报单位网上填报…的受理时间" is no 单位网上)."""
    if not (sig.unit or sig.wants_quantity or sig.numbers) or any(p in question_norm for p in _PER):
        return False
    text = canon(clause_norm)
    return any(
        f"{p}{t.text}" in text and text.count(t.text) == text.count(f"{p}{t.text}")
        for t in sig.terms
        for p in _PER
    )
