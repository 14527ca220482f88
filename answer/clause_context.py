"""What a clause of a passage is read with: the clause before it, the sentence before its
sentence, and how its sentence fits the question's place and time (:mod:`answer.extract`
scores every clause so)."""

from __future__ import annotations

from answer.clause_subject import (
    OF_BEFORE,
    RANK_CLAUSE,
    chained,
    counted_before,
    own_subject,
    point_of,
    previous_clause,
    ranked,
    sentence_before,
)
from answer.clause_time import half_signal, timed_text, year_signal
from answer.clauses import Clause
from answer.policy import ClauseWeights
from answer.quantities import ASKS_CHANGE
from answer.signals import Signals, canon, coverage
from corpus.model import Document, Passage
from retrieval.metadata import region_fit
from retrieval.query import Query
from retrieval.years import find_years


def asks_a_thing(sig: Signals) -> bool:
    """Whether the question asks about something besides how a figure moves (增长, 提高)."""
    return any(not ASKS_CHANGE.fullmatch(t.text) for t in sig.terms)


def names_asked(sig: Signals, clause_canon: str) -> bool:
    """Whether a clause writes a word of the question other than how a figure moves (增长,
    提高): some of what is asked about."""
    return any(t.credit(clause_canon) > 0 and not ASKS_CHANGE.fullmatch(t.text) for t in sig.terms)


def sentence_fit(
    query: Query,
    p: Passage,
    doc: Document,
    sentences: list[tuple[int, str]],
    c: Clause,
    named: bool,
    about: str,
) -> tuple[int, int]:
    """How a clause's sentence fits the question's place and time (each +1, 0 or -1).

    A province's report speaks of a city asked only where it names it: in the sentence or
    its heading ("长沙…达7889家", not the province's "…达1.75万家"), or in what the whole
    document is about (an untitled report of a forum "在天津举行" speaks of Tianjin
    throughout); the document the question names may have its place inferred wrong. The
    year opens the run the sentence ends ("预期目标是:…;城镇新增就业3.7万人;"). ``about``:
    the passage's heading and what its document is about (canonical)."""
    region = region_fit(query, doc, f"{c.sent_norm} {about}", strict=True)
    if region < 0 and named:
        region = 0
    timed = timed_text(sentences, c.sent_start, c.sent_norm)
    # "到1985年,进出口贸易总额…。其中,出口总额…;进口总额…": the time of what it is part of
    if not find_years(timed):
        timed = f"{part_of(doc.norm, c.sent_start)} {timed}"
    year = year_signal(query, p, doc, timed, c.sent_start)
    if year >= 0 and half_signal(query, p, c.sent_norm) < 0:
        year = -1
    return region, year


def part_of(norm: str, start: int) -> str:
    """The sentence before the one holding ``start`` (from its "。" on, across ";") when
    that one gives part of it ("…总额将达到855亿元。其中,出口总额…;进口总额…"), else ""."""
    begin = max(norm.rfind(ch, 0, start) for ch in "。\n") + 1
    while begin < start and norm[begin] in " \t\u3000":
        begin += 1
    return sentence_before(norm, begin) if OF_BEFORE.match(norm, begin) else ""


def local_cov(
    sig: Signals, asks_thing: bool, clauses: list[Clause], i: int, ccov: float, w: ClauseWeights
) -> float:
    """The share of the question's words in clause ``i`` with the clause before it in its
    sentence, which often names the metric ("新增8家科技小巨人企业,同比增长300%,占…的21.62%");
    ``ccov``: the clause's own share. A clause naming its own metric ("高新技术产业增加值达84
    亿元") borrows nothing from the clause before; a bare figure ("同比增长58%") does. One
    naming another metric than the asked (``asks_thing``: the question asks one), only how
    its figure moved ("贷款余额达到1928亿元、增长10.2%" for 研发投入增长), holds nothing of it."""
    c = clauses[i]
    own = own_subject(c.norm)
    if RANK_CLAUSE.search(c.norm):
        before = ranked(clauses, i)
    else:
        before = previous_clause(clauses, i) if own else counted_before(clauses, i, w)
    if asks_thing and own and not names_asked(sig, canon(c.norm)):
        return 0.0
    if not before or (own and ccov == 0):
        return ccov
    return max(ccov, coverage(sig, canon(f"{before} {c.norm}")))


def read_before(doc: Document, sentences: list[tuple[int, str]], c: Clause) -> list[str]:
    """The sentence a clause's sentence is read with: the one it continues after ";", which
    often names the subject ("…;R&D经费投入120.64亿元,…,投入强度为4.55%"), or the one before
    its "。" when it gives an example or a part of it ("最突出的如…", "其中,…") or takes up
    what that one ended on ("…提交正式申报书。正式申报书受理时间为34天"); after "。" a new
    sentence otherwise says nothing of the one before."""
    before = sentence_before(doc.norm, c.sent_start)
    # …and the numbered point or run-in title it goes on ("一是积极推行…制度。试点…。中央财政
    # 安排…")
    point = [p for p in (point_of(doc.norm, c.sent_start),) if p]
    if before and (OF_BEFORE.match(c.sent_norm) or chained(before, c.sent_norm)):
        return [*(p for p in point if p not in before), before]
    earlier = [n for st, n in sentences if st < c.sent_start][-1:]
    return [*point, *(n for n in earlier if n.endswith(";"))]
