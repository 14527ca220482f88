"""A figure question's frame, matched against the facts-table rows of a clause.

The facts table (:mod:`corpus.facts`) knows, for every figure, the year it is
about, whether it is an actual or a target, what kind of quantity it is
(additions in a year, a total, a change, a share, a rank), the place a clause
names and the metric its own words name. A question asks for one such figure:
its frame is the same fields read from the question. A clause whose every
figure of the asked unit contradicts the frame does not answer (a near miss,
shown as related evidence); among the figures of one clause, the one whose
metric the question names is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from answer.asked_thing import LEVEL
from answer.counted import counted_word, counting_clause, does_after, done_word
from answer.elliptic import elliptic_lead, series_measure, with_lead
from answer.extract import Candidate, fits
from answer.measures import EXCLUSIVE, Measure, fact_measure, question_measure
from answer.phrase_fit import split_pair, written_pairs
from answer.policy import CONFIG, FrameWeights, policy
from answer.quantities import ASKS_CHANGE, NUMBER, unit_matches
from answer.scope_fit import whole_before
from answer.signals import Signals, canon, coverage
from answer.spans import item_span
from corpus.facts import Fact
from corpus.facts_spans import span_years
from corpus.normalize import normalize
from index.text import related_terms
from retrieval.doc_years import asked_years
from retrieval.metadata import whole_of_other
from retrieval.query import Query
from retrieval.target_cues import asks_actual

# Periods spanning several years: a single year says nothing of them.
_MULTI_YEAR = re.compile(r"[十]{1,2}[一二三四五六七八九]?五|年来|五年|\d{4}-\d{4}年")


# A yearly average over several years ("年均增长11%", "平均每年新增…").
# (Not a year's mean level: "细颗粒物年均浓度29微克".)
_AVERAGE = re.compile(r"年均(?:增长|增速|递增|提高|增加|新增|增幅)|平均每年|每年平均|年平均增长")
_RANK_SCOPE = re.compile(r"全国|全省|全市|全区|全县|全球|全州")
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}年|今年|明年|去年|上年|当年")


@dataclass(frozen=True)
class Frame:
    """What a figure question asks of a fact; empty fields ask nothing."""

    years: tuple[int, ...]
    kind: str  # "target", "actual" or ""
    measure: Measure
    half: str  # "H1" / "H2" / ""
    unit: str
    regions: tuple[str, ...]
    levels: frozenset[str] = frozenset()  # 国家级 / 省级 / 市级 / 区级 asked
    populations: frozenset[str] = frozenset()  # 全社会 / 规上 / 限上 asked (what is counted)
    rank_scope: str = ""  # the ranking a rank question names: 全国 / 全省 / 全市 …
    average: bool = False  # a yearly average over several years asked (年均增长)
    # three words the question writes as one phrase ("城镇"+"调查"+"失业率")
    phrases: tuple[tuple[str, str, str], ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()  # neighbouring words written together
    moves: bool = False  # the question writes how a figure moves (增长, 提高, 下降)
    # the years asked of the figure, not those naming its document ("2021年…指南里")
    asked_years: tuple[int, ...] = ()
    whole_year: bool = False  # the whole year's figure asked ("2023年全年GDP")
    counted: str = ""  # the noun right before the asking word: what is counted (重大技术)
    done: str = ""  # the word right after the asking word: what the figure does (完成)


@dataclass(frozen=True)
class FactFit:
    """How one fact agrees with a frame."""

    fact: Fact
    conflict: str  # the field that contradicts ("year", "kind", "measure", "region"), or ""
    metric: float  # share of the question's words its metric names
    score: float


def frame_of(q: Query, sig: Signals) -> Frame:
    """The frame of a number, target or compare (sub-)question."""
    if q.wants_target:
        kind = "target"
    elif asks_actual(q.norm):
        kind = "actual"
    else:
        kind = ""
    return Frame(
        years=q.years,
        kind=kind,
        measure=question_measure(q.norm),
        half=q.half,
        unit=sig.unit,
        regions=q.regions,
        levels=frozenset(LEVEL.findall(q.norm)),
        populations=populations(q.norm),
        rank_scope=next(iter(_RANK_SCOPE.findall(q.norm)), "") if sig.unit == "rank" else "",
        average=bool(_AVERAGE.search(q.norm)),
        phrases=_phrases(q, sig),
        pairs=written_pairs([t.text for t in sig.terms], q.canon),
        moves=bool(ASKS_CHANGE.search(q.norm)),
        asked_years=asked_years(q.norm, q.doc_name, q.years),
        whole_year="全年" in q.norm and not q.half,
        # (a thing counted by a counter, "多少项"; not what a measure weighs: "产量多少万吨")
        counted=counted_word(q.norm, sig) if sig.unit == "count" else "",
        done=done_word(q.norm) if sig.unit == "count" else "",
    )


def _phrases(q: Query, sig: Signals) -> tuple[tuple[str, str, str], ...]:
    """Runs of three question words written together, in order ("城镇调查失业率")."""
    words = [t.text for t in sig.terms]
    return tuple(
        (a, t, b)
        for a, t, b in zip(words, words[1:], words[2:], strict=False)
        if f"{a}{t}{b}" in q.canon
    )


def swapped_word(frame: Frame, words: str) -> bool:
    """Whether a figure's metric writes one of the question's phrases with its middle word
    swapped for another ("城镇登记失业率" for 城镇调查失业率): another metric."""
    for a, t, b in frame.phrases:
        at = words.find(a)
        if t in words or at < 0:
            continue
        end = words.find(b, at + len(a))
        between = words[at + len(a) : end]
        # …another word, not the same one written out ("科技与人才" for 科技人才,
        # "科学技术进步" for 科技进步): none of its characters, nor a near-synonym
        # ("入选" for 新进)
        near = related_terms().get(t, ())
        other = not any(ch in between for ch in t) and not any(r in between for r in near)
        if end > at + len(a) and other:
            return True
    return False


def _conflict(frame: Frame, fact: Fact, measure: Measure, doc_region: str, own: str) -> str:
    """The field of ``fact`` that contradicts ``frame``; ``own`` is the figure's clause,
    and a year named there overrules the sentence's and section's."""
    multi_year = bool(_MULTI_YEAR.search(fact.period))
    other_year = frame.years and fact.year is not None and fact.year not in frame.years
    if other_year and not multi_year and _YEAR_WORD.search(own):
        return "year"
    # A year's figure asked is not answered by a later year's target ("24年报告里…23年…强度"
    # by "2024年工作安排"'s "力争…强度达1.91%"; "…十四五教育规划里,2020年…覆盖率" by 2025's).
    later = fact.year is not None and bool(frame.asked_years) and max(frame.asked_years) < fact.year
    if later and fact.kind == "target" and frame.kind != "target":
        return "year"
    if frame.kind == "actual" and fact.kind == "target":
        return "kind"
    # Five years' additions or sums ("十四五"时期新增…, "中央财政科技投入6197亿元") are no
    # one year's; a level reached (总数达到…, a share) is the last year's too.
    summed = (
        measure in (Measure.FLOW, Measure.CHANGE)
        or (measure == Measure.ANY and "%" not in fact.unit)
        or fact.qualifier == "累计"  # "五年…累计达260亿元": the years' sum
    )
    if summed and _beyond_years(fact, frame.years):
        return "period"
    if frame.years and not frame.average and _AVERAGE.search(own):
        return "period"  # "十二五…年均增长11%" is no one year's growth
    if frozenset({frame.measure, measure}) in EXCLUSIVE:
        return "measure"
    if measure == Measure.RANK and frame.unit != "rank":
        return "measure"  # a rank answers only 排第几, never 多少
    if frame.measure == Measure.FLOW and "%" in fact.unit and frame.unit != "%":
        return "measure"  # additions are counted, never a rate ("新建…多少": not 使用率近70%)
    if measure == Measure.RANK and frame.rank_scope:
        ranked = _RANK_SCOPE.findall(own)
        if ranked and frame.rank_scope not in ranked:
            return "scope"  # 全省第三 does not say where it stands 全国
    stated = set(LEVEL.findall(fact.metric))
    if frame.levels and stated and not stated & frame.levels:
        return "level"  # 市级众创空间 are not the 省级 ones asked
    stated_of = populations(fact.metric)
    if frame.populations and stated_of and not stated_of & frame.populations:
        return "population"  # 规上企业研发经费 is not the 全社会 one asked
    if frame.half == "H1" and fact.period in ("全年", "下半年"):
        return "half"
    if frame.whole_year and _PART_OF_YEAR.fullmatch(fact.period):
        return "half"  # "前三季度…地区生产总值1995.5亿元" is no year's whole
    named_other = fact.region and doc_region and fact.region != doc_region
    if frame.regions and named_other and fact.region not in frame.regions:
        return "region"
    if whole_of_other(frame.regions, doc_region, own):
        return "region"
    return ""


# A part of a year a figure's sentence names ("1-12月" is the whole; a half is also what a
# half-year report's sections are of, whose plans may be the whole year's).
_PART_OF_YEAR = re.compile(r"前[一二三]季度|[一二三四]季度|\d{1,2}-(?:\d|1[01])月")


# Whose figure a metric counts: the whole society, or only enterprises above a size.
_POPULATION = re.compile(r"全社会|规模以上|规上|限额以上|限上")
_SAME_POPULATION = {"规模以上": "规上", "限额以上": "限上"}


def populations(text: str) -> frozenset[str]:
    """The populations a text counts a metric over ("全社会", "规上", "限上")."""
    return frozenset(_SAME_POPULATION.get(p, p) for p in _POPULATION.findall(text))


def _beyond_years(fact: Fact, years: tuple[int, ...]) -> bool:
    """Whether a fact of several years (its period "2021-2025" or a plan's, "十一五"; no
    year of its own) spans years the question does not ask."""
    if fact.year is not None or not years:
        return False
    span = span_years(fact.period)
    return len(span) > 1 and not set(span) <= set(years)


def fit_fact(
    frame: Frame,
    sig: Signals,
    fact: Fact,
    norm: str,
    doc_region: str,
    w: FrameWeights = CONFIG.frame,
    lead: str = "",
    series: Measure = Measure.ANY,
) -> FactFit:
    """Judge one fact; ``norm`` is its document's normalised text; ``lead``: the words of
    the figure it goes on from (:func:`answer.elliptic.elliptic_lead`), ``series``: the kind
    of quantity that figure's series states (:func:`answer.elliptic.series_measure`)."""
    measure = fact_measure(fact, norm[fact.start : fact.value_start])
    if measure == Measure.ANY:
        measure = series  # (a bare figure states what the series it goes on in does)
    conflict = _conflict(frame, fact, measure, doc_region, norm[fact.start : fact.end])
    if not conflict and whole_before(frame.regions, norm[fact.sent_start : fact.end], doc_region):
        conflict = "region"
    words = with_lead(sig, canon(normalize(f"{fact.qualifier}{fact.metric}")), lead)
    # Figures of one clause are told apart by the words they name exactly
    # (领军人才 vs 顶尖人才); partial credit only breaks ties.
    exact = sum(t.weight for t in sig.terms if t.named_in(words)) / sig.total
    metric = exact + w.partial * coverage(sig, words)
    if not conflict and swapped_word(frame, words):
        conflict = "metric"
    if not conflict and measure == Measure.RANK and fact.metric and metric < w.rank_metric:
        # a rank is of the figure it ranks ("每千家企业中高企数…居全省第2位"); one whose
        # metric the facts could not read ("…增长27%、增速居全国第二位") may be the one asked
        conflict = "metric"
    # Of two figures naming as much, the one naming the longer words: the nouns, not a verb
    # the series shares ("办结人大代表建议96件、政协提案163件" for 办结…政协提案).
    chars = sum(len(t.text) for t in sig.terms)
    named = sum(len(t.text) for t in sig.terms if t.named_in(words)) / chars if chars else 0.0
    score = w.metric * metric + w.specific * named
    if frame.counted and frame.counted in words:
        # "重大项目82个、突破重大技术102项" for …突破的重大技术多少项: what is counted
        score += w.counted
    if frame.done and does_after(norm, fact.value_end, fact.unit, frame.done):
        # "140户拟改制工业企业有130户完成改制任务" for 有多少户完成了改制: the figure
        # whose own deed follows it, as the question writes it after its asking word
        score += w.done
    if not frame.kind and frame.years:
        score += w.actual if fact.kind == "actual" else -w.actual
    if frame.measure and measure == frame.measure:
        score += w.measure
    elif measure == Measure.CHANGE and not frame.moves:
        # "研发经费投入总量增长16%以上、强度达1.91%" for 强度是多少: how a figure moved
        # answers no question that asks no move
        score -= w.measure
    if split_pair(frame.pairs, words):
        score -= w.split  # "中央预算内水利投资" for the 中央预算内投资 asked
    return FactFit(fact, conflict, metric, score)


def judge(
    frame: Frame,
    sig: Signals,
    facts: list[Fact],
    norm: str,
    doc_region: str,
    w: FrameWeights = CONFIG.frame,
    lead: str = "",
    series: Measure = Measure.ANY,
) -> tuple[FactFit | None, bool]:
    """The best fitting fact of a clause among those of the asked unit, and whether
    every one of them contradicts the frame (then the clause does not answer); ``lead``:
    the words its first figure goes on from, ``series``: the kind of quantity stated."""
    first = min(facts, key=lambda f: f.start) if facts else None
    fits = [
        fit_fact(
            frame,
            sig,
            f,
            norm,
            doc_region,
            w,
            lead if f is first else "",
            series if f is first else Measure.ANY,
        )
        for f in facts
        if not frame.unit or _unit_of(f, frame.unit, norm)
    ]
    if not fits:
        return None, False
    # The figures whose own words name what is asked speak for the clause: when they all
    # contradict the frame, a neighbour of another metric ("市级众创空间3家、专业运营
    # 单位1家") does not answer instead.
    named = [f for f in fits if f.metric >= w.named_metric] or fits
    good = [f for f in named if not f.conflict]
    if not good:
        return None, True
    return max(good, key=lambda f: f.score), False


def _unit_of(fact: Fact, unit: str, norm: str) -> bool:
    """Whether a fact's unit is the one a question expects (see :func:`unit_matches`)."""
    if fact.qualifier == "排名":
        return unit == "rank"
    m = NUMBER.match(norm, fact.value_start, fact.value_end)
    return m is not None and unit_matches(unit, m)


FactsBetween = Callable[[str, int, int], list[Fact]]


def apply_frame(
    q: Query,
    sig: Signals,
    cands: list[Candidate],
    facts_between: FactsBetween,
    w: FrameWeights = CONFIG.frame,
) -> list[Candidate]:
    """Candidates re-scored by their best fitting figure, re-sorted.

    A clause whose every figure of the asked unit contradicts the question's
    frame is marked (``miss``) so that :func:`answer.extract.fits` refuses it;
    a clause of several such figures answers with the best one's words only.
    """
    frame = frame_of(q, sig)
    out = []
    for c in cands:
        doc, clause = c.doc, c.clause
        facts = facts_between(doc.doc_id, clause.start, clause.end)
        lead, series = "", Measure.ANY
        if facts:
            before = facts_between(doc.doc_id, clause.sent_start, clause.start)
            first = min(facts, key=lambda f: f.start)
            lead = elliptic_lead(before, first, doc.norm, clause.start)
            series = series_measure(before, first, doc.norm, lead)
        best, missed = judge(frame, sig, facts, doc.norm, doc.region, w, lead, series)
        if missed:
            c = replace(c, miss=True)
        elif best is not None:
            span = None
            if len(facts) > 1:
                span = item_span(facts, best.fact, doc.norm, clause.start)
            c = replace(
                c,
                score=c.score + w.clause * best.score,
                # "…三项总量分别为33893元、42291元和21460元": a figure the facts table gives
                # the metric asked names it, though its own clause names nothing asked
                local_cov=max(c.local_cov, min(1.0, best.metric))
                if c.clause_cov == 0
                else c.local_cov,
                fact_span=span,
                fact_kind=best.fact.kind,
                fact_year=best.fact.year,
            )
            c = _dated_by_facts(q, c)
        out.append(c)
    out.sort(key=lambda c: -c.score)
    return out


_WRITTEN_YEAR = re.compile(r"(?:19|20)\d{2}年")


def _dated_by_facts(q: Query, c: Candidate) -> Candidate:
    """A clause of a part whose year no heading names, whose figure the facts table dates
    to the year asked (the unheaded review before "二、2008年…目标任务" is of 2007): of
    that year, though the document's own years did not say so."""
    # (in a plan part under its year's heading, a figure the facts read as the year before's
    # actual: a look back, "过去一年,…城镇新增就业1168万人")
    looked_back = c.passage.section_kind == "plan" and c.fact_kind == "actual"
    if c.year >= 0 or c.fact_year not in q.years:
        return c
    if c.passage.section_year is not None and not looked_back:
        return c
    if _WRITTEN_YEAR.search(c.clause.sent_norm):
        # a year the sentence writes was read by the clause's own checks ("在2021年工作
        # 基础上": what it builds on, no year of its figure)
        return c
    # the year's weight was counted against it (-1); it now counts for it (+1)
    return replace(c, year=1, score=c.score + 2 * CONFIG.clause.year)


def first_fitting(q: Query, sig: Signals, cands: list[Candidate]) -> Candidate | None:
    """The best candidate that answers; for a figure asked without a target's words, a
    figure reached that names the question as fully beats a plan's ("占比多少" ←
    "比重为45.11%", not "比重达到75%左右")."""
    fitting = (c for c in cands if fits(q, sig, c))  # lazily: most questions take the first
    top = next(fitting, None)
    if top is not None and policy(q.intent).figure:
        # …and of one sentence's clauses, the one naming what is counted (学位, not 学校)
        top = counting_clause(q, sig, top, cands, lambda c: fits(q, sig, c))
    if top is None or top.fact_kind != "target":
        return top
    if not policy(q.intent).figure or frame_of(q, sig).kind:
        return top
    if not top.passage.section_kind:
        return top  # a policy's commitments are no plan that a result could have overtaken
    # Only a figure reached that names the question as fully as the plan's does.
    reached = (c for c in fitting if c.fact_kind == "actual" and c.clause_cov >= top.clause_cov)
    return next(reached, top)
