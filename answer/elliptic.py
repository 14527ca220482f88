"""A figure whose clause writes nothing but its noun goes on from the figure before it in
its sentence ("五年共培养本科和专科毕业生584万人,研究生17.2万人": 研究生 were trained in
those five years too); :mod:`answer.frame` reads that figure's words with its own."""

from __future__ import annotations

from answer.signals import Signals, canon
from corpus.model import Fact
from corpus.normalize import normalize

_AROUND = ' ,、;"“”'


def elliptic_lead(before: list[Fact], first: Fact, norm: str, clause_start: int) -> str:
    """The qualifier and metric of the last figure before a clause in its sentence, when the
    clause writes nothing before its first figure but that figure's metric ("研究生17.2万人");
    "" otherwise (a clause with a verb of its own, "专精特新企业达到46家", says its own)."""
    if not before or not first.metric:
        return ""
    own = norm[clause_start : first.value_start].strip(_AROUND)
    if canon(own) != canon(normalize(first.metric)) or _has_verb(own):
        return ""  # (…a verb of its own, "投入财政补助资金959.1万元", says its own)
    prev = max(before, key=lambda f: f.start)
    if _measure_of(prev.unit) != _measure_of(first.unit):
        return ""  # a series goes on in one measure ("…584万人,研究生17.2万人")
    return f"{prev.qualifier}{prev.metric}"


def _measure_of(unit: str) -> str:
    return unit.lstrip("万亿千百")


def _has_verb(words: str) -> bool:
    from index.text import verbs

    return bool(verbs(words))


def with_lead(sig: Signals, words: str, lead: str) -> str:
    """A figure's (canonical) words with the lead it goes on from, when its own words name
    some of what is asked (研究生 for "培养了多少研究生"): a noun the question does not ask
    borrows nothing (本科生 asked: the 研究生 figure is another's)."""
    if not lead or not any(t.named_in(words) for t in sig.terms):
        return words
    return f"{words} {canon(normalize(lead))}"
