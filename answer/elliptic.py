"""A figure whose clause writes nothing but its noun goes on from the figure before it in
its sentence ("五年共培养本科和专科毕业生584万人,研究生17.2万人": 研究生 were trained in
those five years too); :mod:`answer.frame` reads that figure's words with its own."""

from __future__ import annotations

from answer.measures import Measure, fact_measure
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
    if not _bare(norm[clause_start : first.value_start], first):
        return ""  # (…a verb of its own, "投入财政补助资金959.1万元", says its own)
    prev = max(before, key=lambda f: f.start)
    if _measure_of(prev.unit) != _measure_of(first.unit):
        return ""  # a series goes on in one measure ("…584万人,研究生17.2万人")
    return f"{prev.qualifier}{prev.metric}"


def series_measure(before: list[Fact], first: Fact, norm: str, lead: str) -> Measure:
    """The kind of quantity a bare figure goes on stating from the figures before it in its
    sentence ("规上工业企业达1432家,…企业149家,国家高新技术企业310家": a level reached,
    as the first says; "新增高企120家,科小350家": additions): the nearest one saying its
    kind, through bare figures of one measure; :attr:`Measure.ANY` for a clause that says
    its own (``lead``, its :func:`elliptic_lead`, is "") or a series none of whose figures
    says one."""
    if not lead:
        return Measure.ANY
    series = sorted(before, key=lambda f: f.start, reverse=True)
    if _names_again(series[0].metric, first.metric):
        return Measure.ANY  # "新增高企52家,有效期内高企91家": the same thing, told apart
    for prev in series:
        if _measure_of(prev.unit) != _measure_of(first.unit):
            break
        measure = fact_measure(prev, norm[prev.start : prev.value_start])
        if measure != Measure.ANY:
            return measure
        if not _bare(norm[prev.start : prev.value_start], prev):
            break  # (a figure of words of its own ends the series)
    return Measure.ANY


def _bare(words: str, fact: Fact) -> bool:
    """Whether the words before a figure are its metric alone, no verb of their own."""
    own = words.strip(_AROUND)
    return canon(own) == canon(normalize(fact.metric)) and not _has_verb(own)


_SAME_THING = 4  # characters of a metric the next one names again


def _names_again(prev: str, metric: str) -> bool:
    """Whether a metric names the one before it again (four characters of it or more)."""
    a, b = canon(normalize(prev)), canon(normalize(metric))
    return any(b[i : i + _SAME_THING] in a for i in range(len(b) - _SAME_THING + 1))


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
