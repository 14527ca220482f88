"""How a question tells its parts apart: one label per part ("余杭", "2023年", "1-5月实际")."""

from __future__ import annotations

import re

from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.plan_periods import PLAN_NAME
from retrieval.doc_parts import told_apart_by_document
from retrieval.indicators import IndicatorConfig
from retrieval.mentions import TIME, mention, time_mention
from retrieval.part_make import REPORT_TAIL
from retrieval.query import Query
from retrieval.segment_words import ASKS, content
from retrieval.years import YEAR_SPAN_SEP

# How a figure changes from one value to another ("增加到", "提高到", "回落到").
CHANGE_VERB = "增加|提高|提升|增长|上升|下降|减少|降低|回落|扩大|缩小|跃升|攀升"
# A change asked from one figure to another: "从1997年的多少增加到2002年的多少", "由多少
# 提高到了多少" (from-word, its time, the verb, the time reached).
ASKS_FROM_TO = re.compile(
    r"([从由])([^,;?]{0,15}?)的?多少[^,;?]{0,2}?"
    rf"({CHANGE_VERB})?了?(?:到|至)了?"
    r"([^,;?]{0,12}?)的?多少"
)


def _one_report_each(parts: list[Query]) -> bool:
    """Whether each part asks of one report year of its own."""
    return len({p.doc_years for p in parts}) == len(parts) and all(
        len(p.doc_years) == 1 for p in parts
    )


def part_labels(query: Query, parts: list[Query]) -> list[str]:
    """How the question tells its parts apart, one label per part ("余杭", "2023年").

    The first of region, year, half-year, actual-vs-target that differs
    between the parts; a region is labelled as the question writes it, a year written
    with two digits with the full year after it ("25年" → "25年（2025年）", as a relative
    year is: :func:`answer.results.dated_label`). Parts that differ only by metric get no
    label.
    """
    labels = _labels(query, parts)
    return [_full_years(label, p) for label, p in zip(labels, parts, strict=True)]


def _full_years(label: str, part: Query) -> str:
    """A label's years written with two digits followed by the full year, the year the part
    asks or the report it names ("54年" → "54年（1954年）", "余杭23年" → "余杭23年（2023年）");
    others as written."""
    known = (*part.years, *part.doc_years)

    def full(m: re.Match[str]) -> str:
        year = next((y for y in known if y % 100 == int(m.group(1))), None)
        return f"{m.group(0)}{year_aside(year)}" if year is not None else m.group(0)

    return _TWO_DIGIT_YEAR.sub(full, label)


def year_aside(year: int) -> str:
    """The full year written after a label that names it otherwise ("（2025年）")."""
    return f"（{year}年）"


_TWO_DIGIT_YEAR = re.compile(r"(?<![\d.])(\d{2})年")


def _labels(query: Query, parts: list[Query]) -> list[str]:
    """:func:`part_labels` as the question writes them."""
    if len(parts) < 2:
        return ["" for _ in parts]
    asked = ASKS_FROM_TO.search(query.norm)
    if asked and len(parts) == 2:
        # "从1997年的多少增加到2002年的多少": the times as written, else "由" and "提高到"
        whence, whither = time_mention(asked.group(2)), time_mention(asked.group(4))
        return [whence or asked.group(1), whither or f"{asked.group(3) or ''}到"]
    if told_apart_by_document(parts) and all(p.doc_name in query.norm for p in parts):
        return [p.doc_name for p in parts]  # "315工作计划", "市政府工作报告": as written
    if len({p.regions[:1] for p in parts}) == len(parts):
        # "余杭23年…,临安21年…", "瓯海今年和临安2022年…": each place with its own time.
        places = [mention(query.norm, p.regions[0]) for p in parts]
        timed = [_with_time(query.norm, place) for place in places]
        labels = timed if all(t != p for t, p in zip(timed, places, strict=True)) else places
        return [_document_label(p.segment, lab) for p, lab in zip(parts, labels, strict=True)]
    if len(query.doc_years) >= 2 and _one_report_each(parts) and any(p.years for p in parts):
        # one part per report the question names by year ("07年报告定的今后五年和11年报告
        # 定的十二五"): the reports' years, whatever years their figures span
        return [f"{p.doc_years[0]}年" for p in parts]
    plans = [PLAN_NAME.search(p.segment) for p in parts]
    if all(plans) and len({m.group(1) for m in plans if m}) == len(parts):
        return [m.group(1) for m in plans if m]  # "十二五", "十三五": as the question names them
    if len({p.years for p in parts}) == len(parts) and all(p.years for p in parts):
        # "23年GDP实际增速和24年增速目标": each year with the kind it is asked as
        return _with_kinds(parts, [_years_label(p) for p in parts])
    times = [time_mention(p.segment) for p in parts]
    if all(times) and len(set(times)) == len(parts):  # "2023年…多少?今年打算…"
        # "2025年报告里计划…,2026年报告里说实际…": each time with the kind it is asked as.
        return _with_kinds(parts, [t for t in times if t])
    if _one_report_each(parts):
        return [f"{p.doc_years[0]}年" for p in parts]  # "05年和13年的政府工作报告"
    if len({p.half for p in parts}) == len(parts) and all(p.half for p in parts):
        # The half as the question writes it ("1-5月", "下半年"), with the kind it is asked
        # as when that differs ("1-5月实际", "下半年目标").
        halves = [_half_mention(p) for p in parts]
        if len({p.wants_target for p in parts}) == len(parts):
            return [f"{h}{_kind_label(p)}" for h, p in zip(halves, parts, strict=True)]
        return halves
    if len({p.wants_target for p in parts}) == len(parts):
        return _kind_labels(query, parts)
    # "…增速目标定的多少?力争多少": targets of one figure told apart by their words
    worded = [k.group(0) if (k := _KIND_WORD.search(p.segment)) else "" for p in parts]
    if all(worded) and len(set(worded)) == len(parts):
        return worded
    # "新增…多少家、累计总数多少家": figures of one thing told apart by how they count, as
    # the question words it
    counted = [k.group(0) if (k := _QUALIFIER.search(p.segment)) else "" for p in parts]
    if all(counted) and len(set(counted)) == len(parts):
        return counted
    return _subject_labels(parts)


def _with_kinds(parts: list[Query], labels: list[str]) -> list[str]:
    """Each label with the kind its part is asked as when the parts ask different kinds: as
    its segment words it ("预期目标", "力争"), else 实际 or 目标 ("2024年…增长了多少?2025年
    预期目标是多少": "2024年实际", "2025年预期目标"); the labels as they are otherwise."""
    if len({p.wants_target for p in parts}) == len(parts):
        return [f"{lab}{_kind_label(p)}" for lab, p in zip(labels, parts, strict=True)]
    return labels


# A span of years as a question writes it: "79到83年", "2019-2023年".
_SPAN_WRITTEN = re.compile(rf"(?<!\d)(?:\d{{2}}|\d{{4}}){YEAR_SPAN_SEP}(?:\d{{2}}|\d{{4}})年")


def _years_label(part: Query) -> str:
    """A part's years: a span its segment writes as one ("1979至1983年"), else each year,
    with the point of the year the segment writes ("23年底" → "2023年底", which says the
    year written out and as the question wrote it)."""
    written = time_mention(part.segment)
    if written and not re.search(r"\d", written):
        # "到“十三五”末达到多少": the plan's end, as the question names it (with the year
        # it writes beside it: "“十四五”末（2025年）")
        beside = len(part.years) == 1 and f"({part.years[0]}年)" in part.segment
        return f"{written}{year_aside(part.years[0])}" if beside else written
    if len(part.years) == 2 and _SPAN_WRITTEN.search(part.segment):
        return f"{part.years[0]}至{part.years[1]}年"
    if len(part.years) == 1:
        m = _YEAR_POINT.search(part.segment)
        if m and int(m.group(1)[-2:]) == part.years[0] % 100:
            return f"{part.years[0]}年{m.group(2)}"
        # "22年1-11月": the months of the year the figure is of, as written
        m = _YEAR_MONTHS.search(part.segment)
        if m and int(m.group(1)[-2:]) == part.years[0] % 100:
            return f"{part.years[0]}年{m.group(2)}"
    # (a yearly document's year as written: "2018年度")
    return "、".join(f"{y}年{'度' if f'{y}年度' in part.segment else ''}" for y in part.years[:2])


_YEAR_POINT = re.compile(r"(?<!\d)(\d{2}|(?:19|20)\d{2})年(底|末|初)")
_YEAR_MONTHS = re.compile(
    r"(?<!\d)(\d{2}|(?:19|20)\d{2})年(\d{1,2}-\d{1,2}月|前三季度|[一二三四1-4]季度|上半年|下半年)"
)


def _kind_labels(query: Query, parts: list[Query]) -> list[str]:
    """Actual against target: the kind as the question words it ("年初计划多少台,实际完成多少台"),
    else 目标/实际; after the one year every part is of ("浙江25年…": "2025年目标",
    "2025年实际")."""
    worded = [k.group(0) for p in parts if (k := _KIND_WORD.search(p.segment))]
    if len(worded) != len(parts) or len(set(worded)) != len(parts):
        worded = ["目标" if p.wants_target else "实际" for p in parts]
    years = {p.years for p in parts if p.years} or {query.years}
    one = next(iter(years)) if len(years) == 1 else ()
    return [f"{one[0]}年{k}" for k in worded] if len(one) == 1 else worded


_HALF_WRITTEN = re.compile(r"\d{1,2}-\d{1,2}月|前三季度|[一二三四1-4]季度|上半年|下半年|全年")


def _half_mention(part: Query) -> str:
    """A part's half-year as its segment writes it, else 上半年/下半年/全年."""
    m = _HALF_WRITTEN.search(part.segment)
    if m:
        return m.group(0)
    return "上半年" if part.half == "H1" else "下半年" if part.half == "H2" else "全年"


def _kind_label(part: Query) -> str:
    """Actual or target as the part's segment words it, else 目标/实际."""
    worded = _KIND_WORD.search(part.segment)
    return worded.group(0) if worded else "目标" if part.wants_target else "实际"


_KIND_WORD = re.compile(r"预期目标|计划目标|计划|目标|预期|实际|力争|争取|打算")
# How a figure counts (the facts table's qualifiers, :class:`retrieval.indicators.IndicatorConfig`)
_QUALIFIER = re.compile("|".join(p for p, _ in IndicatorConfig().qualifiers))


# Words naming a document ("杭州315计划"): a segment of a place and these asks nothing.
_DOCUMENT_WORDS = re.compile(DOCUMENT_KINDS)


def _document_label(segment: str, label: str) -> str:
    """A part's label as the question writes it when its segment names only the place and a
    document ("杭州315计划和余杭区分别定了多少家" → "杭州315计划"), else ``label``."""
    rest = segment[len(label) :] if segment.startswith(label) else ""
    if REPORT_TAIL.fullmatch(rest):
        return label  # "百色的政府工作报告": the place's own report, named by the place
    if rest and len(segment) <= 12 and _DOCUMENT_WORDS.search(rest) and not ASKS.search(rest):
        return segment
    return label


def _with_time(norm: str, place: str) -> str:
    """A place's label with the time written right after it in the question ("余杭23年",
    "瓯海今年", "杭州315计划今年": a few words of its own may come between)."""
    if not place or place not in norm:
        return place
    m = _PLACE_TIME.match(norm, norm.find(place) + len(place))
    return place + m.group(0) if m else place


# What may follow a place before its time: a few characters, no mark, no conjunction.
_PLACE_TIME = re.compile(rf"[^,，?？。;；:：、和与及跟]{{0,6}}?(?:{TIME.pattern})")


def _subject_labels(parts: list[Query]) -> list[str]:
    """Parts asked the same of different subjects ("A和B,同比各增长了多少") are labelled
    by their subjects; two figures of one subject get none (each span names its metric)."""
    subjects = [content(p.segment) if p.shared_ask else "" for p in parts]
    return subjects if all(subjects) else ["" for _ in parts]
