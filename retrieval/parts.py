"""A question's parts: the segments of a question asking several figures (A和B, 新增…累计…,
2023年…2024年目标…), each a :class:`~retrieval.query.Query` of its own (how one is made:
:mod:`retrieval.part_make`; one per year, period or place: :mod:`retrieval.keyed_parts`;
their labels: :mod:`retrieval.part_labels`)."""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.doc_kinds import DOCUMENT_KINDS
from retrieval.doc_parts import DocumentSegment, documents_asked
from retrieval.echo import among_shared, echoed_segments, with_topic
from retrieval.keyed_parts import keyed_parts
from retrieval.mentions import mention, time_mention
from retrieval.part_make import (
    RELATIVE_WORDS,
    figure_years,
    make_part,
    metric_words,
    own_ask,
    scope,
)
from retrieval.query import Query, find_regions, parse_query, restates_share
from retrieval.segment_words import ASKS, PERIOD, WORDS, content, names_metric
from retrieval.segments import IN_DOCUMENT, SEGMENT_MARK, names_document_segment, segments_of
from retrieval.series import EACH, asked_of_each
from retrieval.target_cues import asks_actual, asks_target
from retrieval.years import find_years, plan_period_years

# A series asked figure by figure: "A、B各新增多少", "A和B分别是多少".
_SERIES_EACH = re.compile(
    rf"[、和][^,;:?。]{{1,24}}?(?:{EACH.pattern})[^,;:?。]{{0,10}}(?:多少|几)"
)


def asks_several(query: Query) -> bool:
    """Whether the question asks two or more things, each in its own segment
    ("…增速多少,全省排位怎么样"), or one figure of each of a series ("国家级、省级平台
    各新增多少家"): it is answered part by part, like a comparison."""
    if _SERIES_EACH.search(query.norm):
        return True
    if restates_share(query.norm):
        return False  # "…强度具体是多少,占GDP百分之几": one figure asked twice
    return sum(1 for s in segments_of(query) if ASKS.search(s)) >= 2


_KIND = re.compile(f"(?:{DOCUMENT_KINDS})")  # a kind of document named


def split_parts(query: Query) -> list[Query]:
    """Split a compare question into one sub-question per year, region, period or metric.

    "余杭2023年新增高企实际数和2024年目标各是多少" becomes a 2023 question
    (actual) and a 2024 question (target); "临安2022年…目标和瓯海2024年…目标"
    one per region; "杭州2024年R&D经费和研发强度的目标" one per metric. A part
    that names no metric of its own borrows the other parts' words.
    """
    segments = segments_of(query)
    if len(segments) < 2:
        return [query]
    whole_target = query.wants_target  # (the document's name is no cue: "…规划里")
    # …nor a document's kind the question names it by ("91年…那份计划报告里")
    named_by = [s for s in segments if IN_DOCUMENT.search(s) and not ASKS.search(s)]
    cued = [s for s in segments if asks_target(s)]
    if cued and all(s in named_by for s in cued):
        whole_target = False
    documents = documents_asked(segments)
    if documents:
        return _document_parts(query, segments, documents, whole_target)
    sentences = _sentence_parts(query, whole_target)
    if sentences:
        return sentences
    asking = sum(1 for s in segments if ASKS.search(s))
    # (years only a plan period names, "11年报告定的十二五", are no figures' years apart)
    written = [y for y in query.years if y not in plan_period_years(query.norm)]
    if len(query.doc_years) >= 2 and len(written) < 2 and asking <= 1:
        # "05年和13年的政府工作报告,…分别是多少": one part per report, one ask for all
        return [_report_part(query, y, whole_target, segments) for y in query.doc_years]
    return keyed_parts(query, segments, named_by, whole_target) or _segment_parts(
        query, segments, whole_target
    )


def _informative(query: Query, segments: list[str]) -> tuple[list[str], str, tuple[int, ...]]:
    """The segments asking or naming something of their own (a segment asking its own
    figure is one even without a metric: "…增长了多少,达到多少家"), the ask written once
    for all of them ("" when each asks its own), and the years every segment shares."""
    asking = sum(1 for s in segments if ASKS.search(s))
    in_document = [s for s in segments if names_document_segment(s) and not ASKS.search(s)]
    informative = [
        s
        for s in segments
        if (content(s) or PERIOD.search(s) or find_years(s) or (asking >= 2 and ASKS.search(s)))
        and s not in in_document
    ]
    # A year only the document's name writes ("数字山东2019行动方案里") dates the document,
    # not the figures asked.
    asked_years = {y for s in informative for y in find_years(s)}
    named_only = {y for s in in_document for y in find_years(s)} - asked_years
    shared_years = tuple(y for y in query.years if y not in named_only)
    informative = with_topic(
        echoed_segments(informative),
        lambda s: bool(ASKS.search(s)),
        query.norm,
        lambda s: names_metric(content(s)),
    )
    informative, ask = asked_of_each(informative, query.norm, WORDS)
    informative = among_shared(informative)
    return informative, ask, shared_years


def _segment_parts(query: Query, segments: list[str], whole_target: bool) -> list[Query]:
    """One part per segment asking or naming something of its own ("…实际是多少,2022年
    目标…", "2020年度创新指数多少,全省排第几"); the question whole when fewer than two."""
    informative, ask, shared_years = _informative(query, segments)
    if len(informative) < 2:
        return [query]
    if ask:
        return [_asked_of(query, seg, ask, whole_target) for seg in informative]
    periods = [s for s in informative if PERIOD.search(s)]
    contrast = _contrast(informative)
    year_segments = _year_segments(query, informative, periods, contrast)
    # Every segment asking its own figure of its own metric ("重点支持多少所省属高校、重点建设
    # 多少个优势学科、支持多少个优势特色学科"): each is asked with its own words.
    # …in one sentence (a second sentence may ask of the first's subject: "临安双创平台里建了
    # 党组织的有几个?覆盖多少党员"), none a part of the one before ("其中…有几项")
    parallel = query.norm.rstrip("?").count("?") == 0 and all(
        ASKS.search(x) and names_metric(metric_words(x)) and not x.startswith("其中")
        for x in informative
    )
    parts = []
    for seg in informative:
        # (a part of what another asks, "…其中全民所有制单位压缩多少", lends it no words: the
        # whole is not its part)
        shared = " ".join(
            content(x) for x in informative if x is not seg and not x.startswith("其中")
        )
        lead = scope(query, seg, () if year_segments else shared_years)
        # A part that names no metric ("2022年目标又是多少") borrows the others' words.
        borrow = not parallel and (periods or not names_metric(metric_words(seg)) or not contrast)
        text = f"{lead}{seg} {shared}".strip() if borrow else f"{lead}{seg}"
        # "A和B的目标": the target cue at the end covers both, unless A says 实际 or asks
        # its own figure ("2023年引进多少万人?今年打算引进多少": the cue is the second's).
        target = asks_target(seg) or (
            whole_target and not periods and not asks_actual(seg) and not own_ask(seg, informative)
        )
        # "2026年报告里说实际…": a year naming the document is no year of the figure.
        years = figure_years(seg) or (() if year_segments else shared_years)
        parts.append(make_part(query, text, target, years, seg))
    return parts


def _contrast(informative: list[str]) -> bool:
    """Actual against target ("…实际是多少,2022年目标…"): a year named in one segment
    only is that segment's. Two figures of one subject ("2020年度创新指数多少,全省排
    第几"): the year and the subject are shared. Every segment asking a target ("2026年…
    目标多少?研发投入强度要提到多少") is no contrast: the year is every part's. (Without a
    target asked, 实际 is a word of the metric: "外商直接投资实际到位多少".)"""
    return any(asks_target(x) for x in informative) and not all(
        asks_target(x) and not asks_actual(x) for x in informative
    )


def _year_segments(
    query: Query, informative: list[str], periods: list[str], contrast: bool
) -> list[str]:
    """The segments whose years are their own (a ``contrast``'s), [] when the years are
    every segment's."""
    year_segments = [s for s in informative if find_years(s)] if contrast else []
    # …but a year leading the question before its metric, no other segment naming a time
    # of its own ("驻马店2008年GDP增速目标定的多少,实际完成多少"), is every segment's
    # (a year written as one, not a plan period's: "六五计划要…多少个项目?涉及多少个课题")
    leading = year_segments == informative[:1] and not plan_period_years(year_segments[0])
    if leading and not periods and not _RELATIVE_YEAR.search(query.norm):
        return []
    return year_segments


# …and, for a year leading the question, those naming a year before or after it too
_RELATIVE_YEAR = re.compile(f"{RELATIVE_WORDS}|次年|前年")


def _sentence_parts(query: Query, whole_target: bool) -> list[Query]:
    """ "1954年政府工作报告预计当年钢产量多少?1958年…计划草案拟定的钢产量又是多少?": two
    sentences, each naming its own year and document and asking a figure, are a part each,
    asked of the report its own words name (none borrowed from the other). Two sentences
    naming no document, each asking of its own year, are a part each too when the first
    would be cut apart as segments ("丙市2023年新建和改造了多少个5G基站?2024年打算新建
    多少个": its 和 joins two doings, no two parts), the second borrowing the first's metric
    when it names none; [] for any other question (plan periods among them: their parts
    are labelled by name)."""
    sentences = [x for x in re.split(r"[?？]", query.norm) if x.strip()]
    if len(sentences) != 2 or not all(ASKS.search(x) for x in sentences):
        return []
    own = [find_years(x) for x in sentences]
    if not all(own) or own[0] == own[1]:
        return []
    named = [names_metric(metric_words(x)) for x in sentences]
    if all(_KIND.search(x) for x in sentences):
        if not all(named):
            return []  # (a sentence naming no metric of its own borrows the other's: one reading)
    elif not named[0] or not SEGMENT_MARK.search(sentences[0]):
        return []  # (a first sentence of one segment: the question's segments are its parts)
    elif any(plan_period_years(x) for x in sentences):
        return []  # (plan periods label their parts by name: "十四五…?十五五…?")
    elif not named[1]:
        # "丙市2023年新建了多少个5G基站?2024年打算新建多少个": the second asks of the first's
        sentences[1] = _borrowing(query, sentences[1], sentences[0])
    # A target cue one sentence writes is its own, not the other's ("2024年选派了多少…?2025年
    # 计划选派…多少名?"); the whole question's is both's only when neither writes one.
    shared_cue = whole_target and not any(asks_target(x) for x in sentences)
    parts = []
    for text, years in zip(sentences, own, strict=True):
        # (of its figure, not of the document it names: "…2025年政府工作报告中,2024年选派了…")
        years = figure_years(text) or years
        part = make_part(query, text, asks_target(text) or shared_cue, years, text)
        parts.append(replace(part, doc_years=parse_query(text).doc_years))
    return parts


def _borrowing(query: Query, sentence: str, other: str) -> str:
    """A sentence naming no metric asked with the other's metric words after its own time,
    led by the question's places it does not write ("25年目标定的多少" after "青海24年GDP
    实际增长多少" → "青海省25年gdp增长目标定的多少")."""
    time = time_mention(sentence)
    at = sentence.find(time) + len(time) if time else 0
    return f"{scope(query, sentence, ())}{sentence[:at]}{metric_words(other)}{sentence[at:]}"


def _document_parts(
    query: Query, segments: list[str], documents: list[DocumentSegment], whole_target: bool
) -> list[Query]:
    """One part per document named ("…目标,315工作计划和市政府工作报告里分别写的多少"): the
    metric of the other segments (or the document segment's own, when it names one),
    asked of that document by its name."""
    named = {d.segment for d in documents}
    shared = "".join(s for s in segments if s not in named)
    parts = []
    for d in documents:
        ask = EACH.sub("", d.rest)
        text = f"{scope(query, d.rest, query.years)}{ask}" if names_metric(content(ask)) else ""
        text = text or f"{shared}{ask}"
        target = asks_target(text) or whole_target
        parts.append(make_part(query, text, target, query.years, d.segment, doc_name=d.name))
    return parts


def _report_part(
    query: Query, year: int, whole_target: bool, segments: list[str] | None = None
) -> Query:
    """The part asking of the report of ``year``: the question without the other reports'
    years ("国务院05年和13年的政府工作报告…" → "国务院05年的政府工作报告…"); of the place
    its own segment names, when the question names several ("上海2023年政府工作报告里…,
    跟海南2025年报告里…": 海南's 2025 report)."""
    written = re.compile(_written_year(year))
    own = [find_regions(s) for s in segments or [] if written.search(s)]
    places = tuple(r for r in (own[0] if len(own) == 1 else ()) if r in query.regions)
    if len(query.regions) < 2 or not places:
        return _report_text_part(query, query.norm, year, whole_target)
    # (the other reports' places are no words of this one's)
    text = query.norm
    for other in query.regions:
        if other not in places:
            text = text.replace(mention(text, other), " ", 1)
    return replace(_report_text_part(query, text, year, whole_target), regions=places)


def _written_year(year: int) -> str:
    """A year as a question writes it, whole or short ("2023年", "23年"), as a pattern."""
    return rf"(?<!\d)(?:{year}|{str(year)[2:]})年"


def _report_text_part(query: Query, text: str, year: int, whole_target: bool) -> Query:
    for other in query.doc_years:
        if other == year:
            continue
        mention = _written_year(other) + "度?"  # ("2018年度和2019年度的申报通知")
        before = re.compile(rf"(?:以及|[和与及、]){mention}")
        text = before.sub("", text, count=1) if before.search(text) else text
        text = re.sub(rf"{mention}(?:以及|[和与及、])?", "", text, count=1)
    sub = parse_query(text)
    target = asks_target(text) or whole_target
    # A report's targets are of the year it is delivered in (it plans its own year).
    return make_part(query, text, target, sub.years or ((year,) if target else ()), text)


def own_part(query: Query, part: Query) -> Query | None:
    """A part asked with its own words only (None when it has no words of its own beyond
    those it was asked with): for a part that borrowed the other parts' words and so
    found nothing ("…净增高企多少家?国家级孵化器新增了几家": two sentences)."""
    if not part.segment or not names_metric(content(part.segment)):
        return None
    text = f"{scope(query, part.segment, part.years)}{part.segment}{part.shared_ask}"
    if text == part.text:
        return None
    return make_part(query, text, part.wants_target, part.years, part.segment, part.shared_ask)


def _asked_of(query: Query, seg: str, ask: str, whole_target: bool) -> Query:
    target = asks_target(seg + ask) or whole_target
    years = find_years(seg) or query.years
    return make_part(query, f"{scope(query, seg, query.years)}{seg}{ask}", target, years, seg, ask)
