"""A question's parts: the segments of a question asking several figures (A和B, 新增…累计…,
2023年…2024年目标…), each a :class:`~retrieval.query.Query` of its own, and the words a
segment names its metric with (their labels: :mod:`retrieval.part_labels`)."""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.plan_periods import PLAN_NAME
from retrieval.doc_parts import DocumentSegment, documents_asked
from retrieval.doc_years import find_doc_years
from retrieval.echo import echoed_segments, with_topic
from retrieval.intent import Intent
from retrieval.mentions import BASE_PLAN, leading_years, mention, time_mention, year_mention
from retrieval.naming import name_period
from retrieval.query import (
    DATE_ASKED,
    Query,
    asks_actual,
    asks_target,
    find_regions,
    parse_query,
    restates_share,
)
from retrieval.segment_words import (
    ASKED_AT,
    ASKS,
    MOVED,
    PERIOD,
    WORDS,
    borrowed,
    content,
    names_metric,
)
from retrieval.segments import (
    IN_DOCUMENT,
    names_document_segment,
    segments_of,
)
from retrieval.series import EACH, EACH_ASKED, asked_of_each
from retrieval.years import find_years, plan_period_years

# A series asked figure by figure: "A、B各新增多少", "A和B分别是多少".
_SERIES_EACH = re.compile(
    rf"[、和][^,;:?。]{{1,24}}?(?:{EACH.pattern})[^,;:?。]{{0,10}}(?:多少|几)"
)
# A place's own report named after it ("百色的政府工作报告"): which document, no metric.
REPORT_TAIL = re.compile(r"的?(?:(?:人民)?政府)?(?:工作)?报告(?:里|中|上|里面|当中)?$")


def asks_several(query: Query) -> bool:
    """Whether the question asks two or more things, each in its own segment
    ("…增速多少,全省排位怎么样"), or one figure of each of a series ("国家级、省级平台
    各新增多少家"): it is answered part by part, like a comparison."""
    if _SERIES_EACH.search(query.norm):
        return True
    if restates_share(query.norm):
        return False  # "…强度具体是多少,占GDP百分之几": one figure asked twice
    return sum(1 for s in segments_of(query) if ASKS.search(s)) >= 2


# A document's kind pointing back at the one named ("规划提出…", "方案里要求…").
_DOCUMENT_SAYS = re.compile(
    # (the year of the report pointed at too: "2026年政府工作报告回顾时说…")
    rf"^(?:(?:19|20)?\d{{2}}年的?)?(?:该|这个|这份|那份)?(?:政府工作|工作)?"
    # …or the plan of a period, its outline or draft ("“十五五”规划纲要草案提出的目标")
    rf'(?:"?(?:{PLAN_NAME.pattern})"?)?(?:(?:{DOCUMENT_KINDS}|纲要)+(?:\(?草案\)?)?)'
    r"(?:里|中)?(?:(?:回顾|总结|部署)时)?(?:提出|提到|要求|明确|规定|指出|说)?"
)
_GROWTH_ASKED = re.compile(r"目标|多少|几")  # where a growth borrowed is read with the ask
_HOW_MUCH = re.compile(r"多少|几")


def _metric_words(segment: str) -> str:
    """A segment's metric words (:func:`content`), not its document's kind pointing back at
    the one named ("规划提出到十三五末达到多少家")."""
    return content(_DOCUMENT_SAYS.sub(" ", segment))


def _part(
    query: Query,
    text: str,
    wants_target: bool,
    years: tuple[int, ...],
    segment: str,
    shared_ask: str = "",
    doc_name: str = "",
) -> Query:
    # one figure is asked of a part: no 各 right before its ask ("宿州…各有几家")
    sub = parse_query(EACH_ASKED.sub("", text))
    return Query(
        text=sub.text,
        norm=sub.norm,
        canon=sub.canon,
        regions=sub.regions or query.regions,
        years=years,
        half=sub.half,
        # (a date asked of each part is a name, not a figure: "…分别要求在什么日期前")
        intent=Intent.ENTITY
        if _DATE_ASKED.search(sub.norm)
        else Intent.TARGET
        if wants_target
        else Intent.NUMBER,
        wants_target=wants_target,
        # (a part naming a place of its own, among the places asked, names its own report:
        # "陕西2026年报告…,和宁波2023年的…" asks no 2026 report of 宁波)
        doc_years=sub.doc_years
        or (query.doc_years if not (sub.regions and len(query.regions) > 1) else ()),
        segment=segment,
        shared_ask=shared_ask,
        doc_name=doc_name or query.doc_name or sub.doc_name,  # (the question names it whole)
    )


_DATE_ASKED = re.compile(DATE_ASKED)
_KIND = re.compile(f"(?:{DOCUMENT_KINDS})")  # a kind of document named


# A title the question cites, with the edition before it ("2018年版《…》": its year gone).
_TITLED = re.compile(r"版?《[^》]*》")


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

    def segment_of(marker: str) -> str:
        # A year may be written short ("21年" for 2021); a segment naming a report of that
        # year ("驻马店08年报告里") is not where a figure of the year is asked, when another is.
        short = f"{marker[2:]}年" if marker.isdigit() and len(marker) == 4 else marker
        holding = [s for s in segments if marker in s or short in s]
        figured = [s for s in holding if not marker.isdigit() or int(marker) in _figure_years(s)]
        return (figured or holding or [""])[0]

    keyed: list[tuple[str, str]] = []  # (segment, marker) per year or per region

    def named_words(seg: str) -> str:
        # the document's name is no metric ("建材…标准体系指南要求23年和25年分别制定多少项"),
        # nor its kind pointing back at it (:func:`_metric_words`)
        if not query.doc_name or query.doc_name not in seg:
            return _metric_words(seg)
        rest = _metric_words(seg.replace(query.doc_name, " "))
        return rest if len(rest) >= 2 else ""  # "要求23年" leaves 求: it names nothing

    def text_for(seg: str, drop: list[str], ask: str = "") -> str:
        keyed_segments = {k for k, _ in keyed}
        others = [o for o in segments if o not in keyed_segments and o is not seg]
        shared = "".join(content(o) for o in others)
        # A part naming its metric, or whose metric stands apart ("临安省科小,2021年…"),
        # is asked with the shared words; one saying only a verb, as the whole question.
        seg = REPORT_TAIL.sub("", seg) or seg
        # (the document's name, "《…标准体系建设指南(2023版)》里", is no metric the parts share)
        # (nor a segment naming the document, "06年国务院政府工作报告,": 国务院 is its issuer)
        unnamed = "".join(content(o) for o in others if not names_document_segment(o))
        unnamed = unnamed.replace(query.doc_name, " ") if query.doc_name else unnamed
        unnamed = _TITLED.sub(" ", unnamed)
        if not names_metric(named_words(seg)) and not names_metric(REPORT_TAIL.sub("", unnamed)):
            # "…城镇固投07年实际增长多少,08年目标定的增长多少": the other part's metric,
            # where the part would name it (before what it asks)
            # (in the question's order: the set above has none)
            lent = "".join(borrowed(content(k)) for k, _ in keyed)
            at = ASKED_AT.search(seg)
            if content(seg) and at and MOVED.search(lent):
                # a growth is read with what is asked of it ("24年地区生产总值增长目标")
                seg = f"{seg[: at.start()]}{lent}{seg[at.start() :]}"
            else:
                shared = f"{shared} {lent}"
        elif not MOVED.search(seg) and any(MOVED.search(k) for k, _ in keyed if k is not seg):
            # "2023年实际增长多少,2024年定的目标是多少": the target of that growth; a part
            # naming its metric and asking nothing ("…成交额2018年和2023年分别增长了多少")
            # its growth too
            at = _GROWTH_ASKED.search(seg)
            if at:
                seg = f"{seg[: at.start()]}增长{seg[at.start() :]}"
            elif names_metric(named_words(seg)):
                seg = f"{seg}增长"
        if named_words(seg) and (shared or names_metric(named_words(seg))):
            at = _HOW_MUCH.search(seg)
            if at and MOVED.search(shared) and not MOVED.search(seg):
                # "全社会研发投入增长目标,济宁和随州各定了多少": the growth shared is what
                # the part asks ("随州各定了全社会研发投入增长多少"), read before 多少
                seg, shared = f"{seg[: at.start()]}{shared}{seg[at.start() :]}", ""
            if names_metric(named_words(seg)) and not ASKS.search(f"{seg}{shared}"):
                seg = f"{seg}{ask}"  # the ask shared, read with the metric the part names
            return f"{_scope(query, seg, ())}{seg} {shared}".strip()
        text = query.norm
        for d in drop:  # another part's year or place, with its 年 and conjunction
            # (…the one before it when it closes the series: "宜春和宿州…" leaves "宜春…")
            one = re.escape(d) + r"(?:年(?!\d))?"
            text = re.sub(rf"{one}(?:以及|[和与及、,])|(?:以及|[和与及、])?{one}", "", text)
        return text

    # Years the segments write ("十四五期间" names five, written in none: not one part each;
    # nor the span after the document's name, "…三年行动计划(2018-2020)里": the document's).
    period, beside = name_period(query.doc_name, query.norm)
    spanned = set(find_years(period)) - set(find_years(find_doc_years(beside)[1]))
    written = [y for y in query.years if segment_of(str(y)) and y not in spanned]
    # "十二五和十三五时期…"; not the plan a document's name writes ("《山东省“十三五”…规划》
    # 里"), nor one a figure is compared with ("比“十一五”末提高了多少")
    unnamed = query.norm.replace(query.doc_name, " ") if query.doc_name else query.norm
    unnamed = _TITLED.sub(lambda t: " " * len(t.group(0)), unnamed)  # (same offsets)
    plans = [
        m.group(1)
        for m in PLAN_NAME.finditer(unnamed)
        if not re.search(r"[比较]\"?$", unnamed[: m.start()])
    ]
    plans = list(dict.fromkeys(plans))
    if len(written) >= 2:
        keyed = [(seg, year_mention(seg, y)) for y in written for seg in [segment_of(str(y))]]
    elif len(plans) >= 2 and all(segment_of(p) for p in plans):
        keyed = [(segment_of(p), p) for p in plans]
    elif len(query.regions) >= 2:
        for seg in segments:
            names = find_regions(seg)
            if names:
                keyed.append((seg, mention(seg, names[0])))
    if len(keyed) >= 2:
        # "2024年新增科小的目标,杭州和余杭分别定了多少": a cue in a segment of no part is all's.
        keyed_segments = [k for k, _ in keyed]
        shared_target = any(
            asks_target(x) for x in segments if x not in keyed_segments and x not in named_by
        )
        # "吉林省和云南省的…各增长了多少": the ask written once, in the last part, is every
        # part's (a part's text of the shared words alone asks nothing)
        ask = next((m.group(0) for k in keyed_segments if (m := ASKS.search(k))), "")
        parts = []
        for seg, marker in keyed:
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
            years = _figure_years(seg) or (leading_years(query) if own_years else query.years)
            # "2025年是多少?2026年目标多少": the cue belongs to the segment of its own time;
            # "…2025年和2026年的目标": a segment asking nothing shares the next one's ask.
            target = (
                asks_target(seg)
                or shared_target
                or (
                    whole_target
                    and (not content(seg) or not ASKS.search(seg))
                    and not asks_actual(seg)
                    and not own_ask(seg, keyed_segments)
                )
            )
            text = text_for(seg, drop, ask)
            parts.append(
                _part(query, text if ASKS.search(text) else text + ask, target, years, seg)
            )
        return parts
    # A segment asking its own figure is a part even without a metric ("…增长了多少,达到多少家").
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
    if len(informative) < 2:
        return [query]
    if ask:
        return [_asked_of(query, seg, ask, whole_target) for seg in informative]
    parts = []
    periods = [s for s in informative if PERIOD.search(s)]
    # Actual against target ("…实际是多少,2022年目标…"): a year named in one segment
    # only is that segment's. Two figures of one subject ("2020年度创新指数多少,全省排
    # 第几"): the year and the subject are shared.
    # Every segment asking a target ("2026年…目标多少?研发投入强度要提到多少") is no
    # contrast: the year is every part's.
    # Without a target asked, 实际 is a word of the metric ("外商直接投资实际到位多少").
    contrast = any(asks_target(x) for x in informative) and not all(
        asks_target(x) and not asks_actual(x) for x in informative
    )
    year_segments = [s for s in informative if find_years(s)] if contrast else []
    # …but a year leading the question before its metric, no other segment naming a time
    # of its own ("驻马店2008年GDP增速目标定的多少,实际完成多少"), is every segment's
    # (a year written as one, not a plan period's: "六五计划要…多少个项目?涉及多少个课题")
    leading = year_segments == informative[:1] and not plan_period_years(year_segments[0])
    if leading and not periods and not _RELATIVE_YEAR.search(query.norm):
        year_segments = []
    # Every segment asking its own figure of its own metric ("重点支持多少所省属高校、重点建设
    # 多少个优势学科、支持多少个优势特色学科"): each is asked with its own words.
    # …in one sentence (a second sentence may ask of the first's subject: "临安双创平台里建了
    # 党组织的有几个?覆盖多少党员"), none a part of the one before ("其中…有几项")
    parallel = query.norm.rstrip("?").count("?") == 0 and all(
        ASKS.search(x) and names_metric(_metric_words(x)) and not x.startswith("其中")
        for x in informative
    )
    for seg in informative:
        shared = " ".join(content(x) for x in informative if x is not seg)
        scope = _scope(query, seg, () if year_segments else shared_years)
        # A part that names no metric ("2022年目标又是多少") borrows the others' words.
        borrow = not parallel and (periods or not names_metric(_metric_words(seg)) or not contrast)
        text = f"{scope}{seg} {shared}".strip() if borrow else f"{scope}{seg}"
        # "A和B的目标": the target cue at the end covers both, unless A says 实际 or asks
        # its own figure ("2023年引进多少万人?今年打算引进多少": the cue is the second's).
        target = asks_target(seg) or (
            whole_target and not periods and not asks_actual(seg) and not own_ask(seg, informative)
        )
        # "2026年报告里说实际…": a year naming the document is no year of the figure.
        years = _figure_years(seg) or (() if year_segments else shared_years)
        parts.append(_part(query, text, target, years, seg))
    return parts


# Years said relative to the document's ("今年", "去年"): a segment's own time…
_RELATIVE_WORDS = "今年|去年|明年|上年|当年"
# …and, for a year leading the question, those naming a year before or after it too
_RELATIVE_YEAR = re.compile(f"{_RELATIVE_WORDS}|次年|前年")


def _sentence_parts(query: Query, whole_target: bool) -> list[Query]:
    """ "1954年政府工作报告预计当年钢产量多少?1958年…计划草案拟定的钢产量又是多少?": two
    sentences, each naming its own year and document and asking a figure, are a part each,
    asked of the report its own words name (none borrowed from the other); [] for any
    other question."""
    sentences = [x for x in re.split(r"[?？]", query.norm) if x.strip()]
    if len(sentences) != 2 or not all(ASKS.search(x) and _KIND.search(x) for x in sentences):
        return []
    own = [find_years(x) for x in sentences]
    if (
        not all(own)
        or own[0] == own[1]
        or not all(names_metric(_metric_words(x)) for x in sentences)
    ):
        return []  # (a sentence naming no metric of its own borrows the other's: one reading)
    # A target cue one sentence writes is its own, not the other's ("2024年选派了多少…?2025年
    # 计划选派…多少名?"); the whole question's is both's only when neither writes one.
    shared_cue = whole_target and not any(asks_target(x) for x in sentences)
    parts = []
    for text, years in zip(sentences, own, strict=True):
        # (of its figure, not of the document it names: "…2025年政府工作报告中,2024年选派了…")
        years = _figure_years(text) or years
        part = _part(query, text, asks_target(text) or shared_cue, years, text)
        parts.append(replace(part, doc_years=parse_query(text).doc_years))
    return parts


def _figure_years(segment: str) -> tuple[int, ...]:
    """The years a segment writes for its figures: not one naming a document ("菏泽的24年
    政府工作报告里", "2026年报告里说实际…")."""
    # (nor a title's period, "《山东省“十三五”…规划》里", nor a base: "比“十一五”末提高")
    read = BASE_PLAN.sub(" ", _TITLED.sub(" ", segment))
    return tuple(y for y in find_years(read) if y not in parse_query(segment).doc_years)


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
        text = f"{_scope(query, d.rest, query.years)}{ask}" if names_metric(content(ask)) else ""
        text = text or f"{shared}{ask}"
        target = asks_target(text) or whole_target
        parts.append(_part(query, text, target, query.years, d.segment, doc_name=d.name))
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
        mention = _written_year(other)
        before = re.compile(rf"(?:以及|[和与及、]){mention}")
        text = before.sub("", text, count=1) if before.search(text) else text
        text = re.sub(rf"{mention}(?:以及|[和与及、])?", "", text, count=1)
    sub = parse_query(text)
    target = asks_target(text) or whole_target
    # A report's targets are of the year it is delivered in (it plans its own year).
    return _part(query, text, target, sub.years or ((year,) if target else ()), text)


def own_ask(segment: str, segments: list[str]) -> bool:
    """Whether a segment asks its own figure of its own time while another segment, of
    another time, holds the target cue ("2023年…多少?今年打算…"; not "…2023年…要提到多少,
    新增发明专利多少件", where the second asks of the same plan). A segment naming its own
    metric after its time asks its own figure too ("2023年建成的5G基站和2024年计划新建的…
    各多少个"); one naming only its time shares the cue ("转化成果2025年和2026年的目标")."""
    time = time_mention(segment)
    others = [s for s in segments if s is not segment]
    cue_elsewhere = any(asks_target(o) and time_mention(o) not in ("", time) for o in others)
    after = segment[segment.find(time) + len(time) :] if time else ""
    asks = ASKS.search(segment) or names_metric(_metric_words(after))
    return bool(time and asks) and cue_elsewhere


def own_part(query: Query, part: Query) -> Query | None:
    """A part asked with its own words only (None when it has no words of its own beyond
    those it was asked with): for a part that borrowed the other parts' words and so
    found nothing ("…净增高企多少家?国家级孵化器新增了几家": two sentences)."""
    if not part.segment or not names_metric(content(part.segment)):
        return None
    text = f"{_scope(query, part.segment, part.years)}{part.segment}{part.shared_ask}"
    if text == part.text:
        return None
    return _part(query, text, part.wants_target, part.years, part.segment, part.shared_ask)


def _asked_of(query: Query, seg: str, ask: str, whole_target: bool) -> Query:
    target = asks_target(seg + ask) or whole_target
    years = find_years(seg) or query.years
    return _part(query, f"{_scope(query, seg, query.years)}{seg}{ask}", target, years, seg, ask)


def _scope(query: Query, segment: str, years: tuple[int, ...]) -> str:
    """What a part's text leads with: the question's places and the given years that its
    own segment does not write ("余杭2023年…,达到多少家" → "余杭区2023年" for the second)."""
    places = "".join(r for r in query.regions if not find_regions(segment))
    return places + "".join(f"{y}年" for y in years if str(y) not in segment)


_RELATIVE_TIME = re.compile(_RELATIVE_WORDS)


def _place_time(segment: str) -> str:
    """A part's place and time before what it asks ("瓯海今年上半年", "余杭23年" of
    "余杭23年各几家"), when they are all it writes of its own (no metric); else ""."""
    asked = ASKS.search(segment)
    phrase = segment[: asked.start()] if asked else segment
    phrase = re.sub(r"(?:各|分别|又|的|是)+$", "", phrase)
    timed = find_years(phrase) or PERIOD.search(phrase) or _RELATIVE_TIME.search(phrase)
    return phrase if timed and find_regions(phrase) and not content(phrase) else ""
