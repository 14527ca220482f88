"""One part per year, plan period or place a question's segments name ("余杭2023年新增高企
实际数和2024年目标各是多少", "临安…和瓯海…目标", "十二五和十三五时期…"): each asked with its
own segment and the words the others share (:mod:`retrieval.parts` splits the question)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.plan_periods import PLAN_NAME
from retrieval.doc_years import find_doc_years
from retrieval.mentions import leading_years, mention, year_mention
from retrieval.naming import name_period
from retrieval.part_make import (
    RELATIVE_WORDS,
    REPORT_TAIL,
    TITLED,
    figure_years,
    make_part,
    metric_words,
    own_ask,
    scope,
)
from retrieval.query import Query, find_regions
from retrieval.segment_words import ASKED_AT, ASKS, MOVED, PERIOD, borrowed, content, names_metric
from retrieval.segments import names_document_segment
from retrieval.series import EACH
from retrieval.target_cues import asks_actual, asks_target
from retrieval.years import YEAR_SPAN_SEP, find_years

_GROWTH_ASKED = re.compile(r"目标|多少|几")  # where a growth borrowed is read with the ask
# A level asked ("达到多少家", "总数多少"), not how many were added.
_LEVEL = re.compile(r"达到|增至|(?:增加|提高|提升)到|突破|总数|总量|累计")
_HOW_MUCH = re.compile(r"多少|几")


@dataclass(frozen=True)
class _Keyed:
    """A question split by what its segments name: each (segment, marker) pair, the ask
    written once for all, and whether a target is every part's."""

    query: Query
    segments: list[str]
    keyed: list[tuple[str, str]]
    ask: str
    shared_target: bool
    whole_target: bool


def keyed_parts(
    query: Query, segments: list[str], named_by: list[str], whole_target: bool
) -> list[Query]:
    """One part per year, plan period or place the segments name, in the question's
    order; [] when they name fewer than two. ``named_by`` are the segments naming the
    document asked of (their target cue is no figure's)."""
    keyed = _keys(query, segments)
    if len(keyed) < 2:
        return []
    # "2024年新增科小的目标,杭州和余杭分别定了多少": a cue in a segment of no part is all's.
    keyed_segments = [k for k, _ in keyed]
    shared_target = any(
        asks_target(x) for x in segments if x not in keyed_segments and x not in named_by
    )
    # "吉林省和云南省的…各增长了多少": the ask written once, in the last part, is every
    # part's (a part's text of the shared words alone asks nothing)
    ask = next((m.group(0) for k in keyed_segments if (m := ASKS.search(k))), "")
    split = _Keyed(query, segments, keyed, ask, shared_target, whole_target)
    return [_keyed_part(split, seg, marker) for seg, marker in keyed]


def _keys(query: Query, segments: list[str]) -> list[tuple[str, str]]:
    """(segment, marker) per year the segments write, else per plan period, else per
    place."""
    # Years the segments write ("十四五期间" names five, written in none: not one part each;
    # nor the span after the document's name, "…三年行动计划(2018-2020)里": the document's).
    period, beside = name_period(query.doc_name, query.norm)
    spanned = set(find_years(period)) - set(find_years(find_doc_years(beside)[1]))
    written = [y for y in query.years if _segment_of(segments, str(y)) and y not in spanned]
    # "十二五和十三五时期…"; not the plan a document's name writes ("《山东省“十三五”…规划》
    # 里"), nor one a figure is compared with ("比“十一五”末提高了多少")
    unnamed = query.norm.replace(query.doc_name, " ") if query.doc_name else query.norm
    unnamed = TITLED.sub(lambda t: " " * len(t.group(0)), unnamed)  # (same offsets)
    plans = [
        m.group(1)
        for m in PLAN_NAME.finditer(unnamed)
        if not re.search(r"[比较]\"?$", unnamed[: m.start()])
    ]
    plans = list(dict.fromkeys(plans))
    # (two years written as one span, "1971到1978年四川和上海…", are one time: the places
    # asked over it are the parts)
    if len(written) >= 2 and not (len(query.regions) >= 2 and _one_span(query.norm, written)):
        # (a year is looked for past the span after the document's name: "…行动计划(2024-
        # 2025年)要求营收2024年、2025年分别…": 2025 is the second segment's)
        unspanned = [x.replace(period, "") for x in segments] if period else segments
        return [
            (seg, year_mention(seg, y)) for y in written for seg in [_segment_of(unspanned, str(y))]
        ]
    if len(plans) >= 2 and all(_segment_of(segments, p) for p in plans):
        return [(_segment_of(segments, p), p) for p in plans]
    keyed: list[tuple[str, str]] = []
    if len(query.regions) >= 2:
        for seg in segments:
            names = find_regions(seg)
            if names:
                keyed.append((seg, mention(seg, names[0])))
    return keyed


def _one_span(norm: str, years: list[int]) -> bool:
    """Whether the question's two years are written as the two ends of one span
    ("1971到1978年", "2019-2023年")."""
    if len(years) != 2:
        return False
    first, last = (rf"(?:{y}|{str(y)[2:]})年?" for y in years)
    return re.search(rf"(?<!\d){first}{YEAR_SPAN_SEP}{last}", norm) is not None


def _segment_of(segments: list[str], marker: str) -> str:
    """The segment a marker is written in, "" when none. A year may be written short
    ("21年" for 2021); a segment naming a report of that year ("驻马店08年报告里") is not
    where a figure of the year is asked, when another is."""
    short = f"{marker[2:]}年" if marker.isdigit() and len(marker) == 4 else marker
    holding = [s for s in segments if marker in s or short in s]
    figured = [s for s in holding if not marker.isdigit() or int(marker) in figure_years(s)]
    return (figured or holding or [""])[0]


def _keyed_part(split: _Keyed, seg: str, marker: str) -> Query:
    query, keyed = split.query, split.keyed
    others = [o for o, _ in keyed if o is not seg]
    # "瓯海今年上半年和余杭23年各几家": another place's time is its own too (first,
    # before its place alone is dropped)
    places = len(query.regions) >= 2
    drop = [t for o in others if places for t in (_place_time(o),) if t]
    drop += [m for s2, m in keyed if s2 is not seg]
    # A bare place ("杭州和瓯海2024年…") shares the rest of the question.
    mentions = [mention(seg, r) for r in find_regions(seg)]
    bare = not re.sub("|".join(map(re.escape, [*mentions, marker])), "", seg).strip()
    if not bare:
        for o in others:
            drop += [str(y) for y in find_years(o) if str(y) not in seg]
    # Another part's place is dropped only when the parts are places; one place
    # asked about two years is every part's ("青岛…23年…,24年目标…").
    for o in others if places else ():
        drop += [mention(o, r) for r in find_regions(o) if r not in find_regions(seg)]
    own_years = not bare and any(find_years(o) for o in others)
    # "2021年余杭和临安…": a year written before every place is everyone's.
    years = figure_years(seg) or (leading_years(query) if own_years else query.years)
    # "2025年是多少?2026年目标多少": the cue belongs to the segment of its own time;
    # "…2025年和2026年的目标": a segment asking nothing shares the next one's ask.
    target = (
        asks_target(seg)
        or split.shared_target
        or (
            split.whole_target
            and (not content(seg) or not ASKS.search(seg))
            and not asks_actual(seg)
            and not own_ask(seg, [k for k, _ in keyed])
        )
    )
    text = _text_for(split, seg, drop)
    return make_part(query, text if ASKS.search(text) else text + split.ask, target, years, seg)


def _named_words(query: Query, seg: str) -> str:
    """A segment's metric words: the document's name is none ("建材…标准体系指南要求23年
    和25年分别制定多少项"), nor its kind pointing back at it (:func:`metric_words`)."""
    if not query.doc_name or query.doc_name not in seg:
        return metric_words(seg)
    rest = metric_words(seg.replace(query.doc_name, " "))
    return rest if len(rest) >= 2 else ""  # "要求23年" leaves 求: it names nothing


def _text_for(split: _Keyed, seg: str, drop: list[str]) -> str:
    """A keyed part's text: its segment with the words the others share, or the whole
    question without the other parts' markers (``drop``)."""
    query, segments = split.query, split.segments
    keyed_segments = {k for k, _ in split.keyed}
    others = [o for o in segments if o not in keyed_segments and o is not seg]
    shared = "".join(content(o) for o in others)
    # A part naming its metric, or whose metric stands apart ("临安省科小,2021年…"),
    # is asked with the shared words; one saying only a verb, as the whole question.
    seg = REPORT_TAIL.sub("", seg) or seg
    # (the document's name, "《…标准体系建设指南(2023版)》里", is no metric the parts share)
    # (nor a segment naming the document, "06年国务院政府工作报告,": 国务院 is its issuer)
    unnamed = "".join(content(o) for o in others if not names_document_segment(o))
    unnamed = unnamed.replace(query.doc_name, " ") if query.doc_name else unnamed
    unnamed = TITLED.sub(" ", unnamed)
    if not names_metric(_named_words(query, seg)) and not names_metric(
        REPORT_TAIL.sub("", unnamed)
    ):
        # "…城镇固投07年实际增长多少,08年目标定的增长多少": the other part's metric,
        # where the part would name it (before what it asks)
        # (in the question's order: the set above has none)
        lent = "".join(_lent(k) for k, _ in split.keyed)
        at = ASKED_AT.search(seg)
        # A growth is read with what is asked of it ("24年地区生产总值增长目标"); a part
        # writing nothing but its time and the level it asks is asked of the other's thing,
        # not of its doing (新认定, a flow): "…新认定的国家科技型中小企业有多少家?2024年的
        # 目标是达到多少家" → "2024年的国家科技型中小企业目标是达到多少家".
        growth = bool(content(seg)) and bool(MOVED.search(lent))
        level = bool(lent) and not content(seg) and bool(_LEVEL.search(seg))
        if at and (growth or level):
            seg = f"{seg[: at.start()]}{lent}{seg[at.start() :]}"
        else:
            shared = f"{shared} {lent}"
    elif not MOVED.search(seg) and any(MOVED.search(k) for k, _ in split.keyed if k is not seg):
        seg = _growth_asked(query, seg)
    if _named_words(query, seg) and (shared or names_metric(_named_words(query, seg))):
        return _own_text(split, seg, shared)
    text = query.norm
    for d in drop:  # another part's year or place, with its 年 and conjunction
        # (…the one before it when it closes the series: "宜春和宿州…" leaves "宜春…")
        one = re.escape(d) + r"(?:年(?!\d))?"
        text = re.sub(rf"{one}(?:以及|[和与及、,])|(?:以及|[和与及、])?{one}", "", text)
    return text


def _lent(segment: str) -> str:
    """What a part's segment lends a part naming no metric: its nouns (:func:`borrowed`),
    and what it asks of each after 分别 / 各 whole, its verb too ("到2017年和到2020年分别
    要制定(制修订)多少项…标准": 制定 as much as the standards)."""
    each = _EACH_THEN.search(segment)
    if each is None:
        return borrowed(content(segment))
    return borrowed(content(segment[: each.start()])) + each.group(1)


# 分别 / 各 with a verb and what is counted after it, asked of every part
_EACH_THEN = re.compile(
    rf"(?:{EACH.pattern})(?:要|将|需|计划)?([\u4e00-\u9fff()]{{2,}}?(?:多少|几)[\u4e00-\u9fff]*)"
)


def _growth_asked(query: Query, seg: str) -> str:
    """ "2023年实际增长多少,2024年定的目标是多少": the target of that growth; a part
    naming its metric and asking nothing ("…成交额2018年和2023年分别增长了多少") its
    growth too."""
    at = _GROWTH_ASKED.search(seg)
    if at:
        return f"{seg[: at.start()]}增长{seg[at.start() :]}"
    if names_metric(_named_words(query, seg)):
        return f"{seg}增长"
    return seg


def _own_text(split: _Keyed, seg: str, shared: str) -> str:
    """A part naming its own words, asked with what the others share."""
    at = _HOW_MUCH.search(seg)
    if at and MOVED.search(shared) and not MOVED.search(seg):
        # "全社会研发投入增长目标,济宁和随州各定了多少": the growth shared is what
        # the part asks ("随州各定了全社会研发投入增长多少"), read before 多少
        seg, shared = f"{seg[: at.start()]}{shared}{seg[at.start() :]}", ""
    if names_metric(_named_words(split.query, seg)) and not ASKS.search(f"{seg}{shared}"):
        seg = f"{seg}{split.ask}"  # the ask shared, read with the metric the part names
    return f"{scope(split.query, seg, ())}{seg} {shared}".strip()


_RELATIVE_TIME = re.compile(RELATIVE_WORDS)


def _place_time(segment: str) -> str:
    """A part's place and time before what it asks ("瓯海今年上半年", "余杭23年" of
    "余杭23年各几家"), when they are all it writes of its own (no metric); else ""."""
    asked = ASKS.search(segment)
    phrase = segment[: asked.start()] if asked else segment
    phrase = re.sub(r"(?:各|分别|又|的|是)+$", "", phrase)
    timed = find_years(phrase) or PERIOD.search(phrase) or _RELATIVE_TIME.search(phrase)
    return phrase if timed and find_regions(phrase) and not content(phrase) else ""
