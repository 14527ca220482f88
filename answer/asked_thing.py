"""Whether a clause names the thing a question asks a figure of: a word of it beyond which
amount or what was done, and the thing itself rather than its amount per head."""

from __future__ import annotations

from answer.clause_subject import goes_on
from answer.clauses import Clause
from answer.kinds import counted_things
from answer.question_words import AMOUNT_WORDS, EVENT_WORDS
from answer.signals import Signals, canon


def names_thing(sig: Signals, clause: Clause, doc_norm: str = "") -> bool:
    """Whether the sentence, up to the end of the clause, names a word of what is asked
    beyond the words saying which amount or what was done (总额, 新增: :data:`AMOUNT_WORDS`,
    :data:`EVENT_WORDS`); true when the question asks with those words only. A sentence
    going on after ";" with a time and a bare figure ("…机架数达到35万个;2025年底前超过
    45万个") names it in the sentence before."""
    things = [t for t in sig.terms if t.text not in AMOUNT_WORDS and t.text not in EVENT_WORDS]
    if not things:
        return True
    before = canon(clause.sent_norm[: clause.end - clause.sent_start])
    at = clause.sent_start - 1
    if at > 0 and doc_norm[at] == ";" and goes_on(clause.sent_norm):
        begin = max(doc_norm.rfind(c, 0, at) for c in ";。\n") + 1
        before = f"{canon(doc_norm[begin:at])} {before}"
    return any(t.credit(before) > 0 for t in things)


_OWN_THING = 4  # characters a name before a figure has to count a thing of its own


def counts_other(sig: Signals, clause_norm: str) -> bool:
    """Whether the clause's figures each count a thing named right before them that holds
    no word of what is asked, while the clause writes none of it either: "组织推广优秀科技
    成果78项" counts 成果, not the 高新技术产业化重点项目 its sentence goes on to name
    without a figure ("…,组织实施高新技术产业化重点项目项"). Counts only: the words
    before a sum say what is done with it ("…予以资助,最高资助2000万元")."""
    things = [t for t in sig.terms if t.text not in AMOUNT_WORDS and t.text not in EVENT_WORDS]
    clause = canon(clause_norm)
    # (a sum's words before it say what is done with it, "最高资助2000万元": counts only)
    if sig.unit != "count" or not things or any(t.credit(clause) > 0 for t in things):
        return False
    counted = counted_things(clause_norm)
    return bool(counted) and all(
        len(c) >= _OWN_THING and not any(t.credit(canon(c)) > 0 for t in things) for c in counted
    )


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
