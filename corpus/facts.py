"""Facts table: every quantitative statement of a document as one row.

Each figure :mod:`corpus.figures` finds in a sentence becomes a :class:`corpus.model.Fact`
with its metric, qualifier, value and unit, and with the where and when of
it: section, region, scope, year, period, and whether it is an actual figure
or a target. Matching runs on ``doc.norm`` (same offsets as ``doc.text``), so
every span of a fact quotes the original text verbatim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from corpus.chunk import split_sentences
from corpus.facts_plans import as_plan_document
from corpus.facts_sections import Reading, read_sections, reference
from corpus.facts_spans import (
    averaged_span,
    clause_span,
    counts_over_span,
    review_opening,
    span_end,
)
from corpus.figure_when import is_target, named_year, period_of, region_of, scope_of
from corpus.figures import (
    Figure,
    base_year,
    blank_titles,
    clause_end,
    clause_start,
    clean_metric,
    dated_base,
    find_figures,
    item_start,
    mask_quoted,
    metric_of,
    qualifier_of,
)

# The facts table's record and its JSON live in corpus.model (read without the extractor).
from corpus.model import (  # noqa: F401 (Fact and its JSON re-exported for callers)
    Cell,
    Document,
    Fact,
    Section,
    TableRow,
    fact_from_json,
    fact_to_json,
)
from corpus.normalize import normalize
from corpus.places import NATIONAL, region_aliases
from corpus.plan_periods import PLAN_NAME, plan_end
from corpus.provisions import is_provision

_MAYBE = re.compile(r"\d|第|前|首位")
# A plan period a target is set for ("“十五五”时期", "十五五期间", "十五五末").
_PLAN_TIME = re.compile(rf"\"?{PLAN_NAME.pattern}\"?(?:时期|期间|期末|末)")
_SPAN_WORDS = ("过去五年", "五年来", "近五年")  # periods period_of names only as words
_SPREAD = ("新增", "累计")  # qualifiers a list shares: "新增A 5家、B 3家"
_SHARED = re.compile(r"[^,;、]{0,6}?(?:新增|新认定|新引进|净增|新培育|新建|新开工|累计)")


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    s: str  # normalised, Latin letters in their original case
    masked: str  # normalised, quoted names blanked
    titled: str  # normalised, book titles blanked
    section: Section | None
    span: str = ""  # the span of years its section or paragraph reviews ("2016-2020", "十三五")
    plan: str = ""  # the span its section plans for ("十四五")


class _Extractor:
    """Walks a document's sentences, carrying what the facts need of the document."""

    def __init__(self, doc: Document, canon: Callable[[str], str] | None) -> None:
        self.doc, self.canon = doc, canon
        self.issued = reference(doc).year  # None when the text gives no date
        self.ref = self.issued or max(doc.years, default=None)
        self.readings = as_plan_document(doc, read_sections(doc))
        self.sections = [r.section for r in self.readings]
        self.starts = [x.start for x in self.sections]
        self.aliases = region_aliases(doc.region) if doc.region else ()
        self.single = doc.years[0] if len(doc.years) == 1 else None

    def reading_at(self, pos: int) -> Reading | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and not self.sections[i].start <= pos < self.sections[i].end:
            i -= 1
        return self.readings[i] if i >= 0 else None

    def section_at(self, pos: int) -> Section | None:
        reading = self.reading_at(pos)
        return reading.section if reading else None

    def where(self, pos: int) -> tuple[Section | None, str, str]:
        """The section a sentence at ``pos`` speaks from, the span of years it reviews
        and the span it plans for.

        A paragraph opening as a review ("过去五年，…") in a section that is no review
        reviews, of one year or of the section's span; a sentence opening as a review of
        several years ("…。这五年，…") reviews that span from there on, in a review too
        (not in a plan); in a plan naming a span, the other paragraphs plan for it.
        """
        reading = self.reading_at(pos)
        if reading is None:
            return None, "", ""
        sec, span = reading.section, reading.span
        opening = review_opening(
            self.doc.norm, pos, self.ref, inner=sec.kind != "plan", since=sec.start
        )
        if opening is not None and sec.kind == "actual":  # a review's own year stands
            year, own = opening  # …the span its heading names first ("十一五"), if any
            if own:
                return replace(sec, year=None), span or own, ""
            # "刚刚过去的2017年,…" in a review of five years: that one year's
            return (replace(sec, year=year) if span and year else sec), "", ""
        if opening is not None:
            year, own = opening
            return replace(sec, kind="actual", year=year), (span or own) if own else "", ""
        return (sec, "", reading.plan) if sec.kind == "plan" else (sec, span, "")

    def run(self) -> tuple[Fact, ...]:
        doc, out = self.doc, []
        pending = [r for t in doc.tables for r in t.rows]  # in text order
        for a, b in split_sentences(doc.norm, 0, len(doc.norm), doc.text):
            row = doc.row_at(a) if doc.tables else None
            if row is not None:  # a table row: its facts come from its cells, once
                if row in pending:
                    pending.remove(row)
                    out += [f for c in row.cells if (f := self.cell_fact(row, c))]
                continue
            if not _MAYBE.search(doc.norm, a, b):
                continue
            s, orig = doc.norm[a:b], doc.text[a:b]
            cased = "".join(n.upper() if o.isupper() else n for o, n in zip(orig, s, strict=True))
            titled = blank_titles(s)
            sent = _Sentence(a, b, cased, mask_quoted(s, orig), titled, *self.where(a))
            found: list[Fact] = []
            for fig in find_figures(s, sent.masked):
                found.append(self.fact(sent, fig, found[-1] if found else None))
            out += respectively(found, doc.norm, self.canon)
        return tuple(out)

    def fact(self, sent: _Sentence, fig: Figure, prev: Fact | None) -> Fact:
        t, sec = sent.masked, sent.section
        c0, c1 = clause_start(t, fig.lead), clause_end(t, fig.end)
        metric, qualifier = self.words(sent, fig, prev, c0)
        year, target, span = self.when(sent, fig, c0, c1, qualifier)
        return Fact(
            doc_id=self.doc.doc_id,
            section=sec.path_str if sec else "",
            start=sent.start + c0,
            end=sent.start + c1,
            sent_start=sent.start,
            sent_end=sent.end,
            value_start=sent.start + fig.start,
            value_end=sent.start + fig.end,
            region=self.region(t[c0:c1], sec),
            scope=scope_of(t[c0:c1]) or scope_of(t[: fig.start]),
            year=year,
            period=self.period(sent, c0, c1, span),
            kind="target" if target else "actual",
            metric=metric,
            qualifier=qualifier,
            value=fig.value,
            unit=fig.unit,
            canonical=self.canon(metric) if self.canon else metric,
        )

    def cell_fact(self, row: TableRow, cell: Cell) -> Fact | None:
        """The fact of a table cell: metric from the row's header, year, period and target
        from its column's, the qualifier from the column's words else the row's; a bare
        number takes the unit its row or column header names."""
        norm, sec = self.doc.norm, self.section_at(row.start)
        head = norm[row.start : row.start + len(row.header)]
        column = normalize(cell.column)
        hint = _HEADER_UNIT.search(head) or _HEADER_UNIT.search(column)
        fig = _cell_figure(norm[cell.start : cell.end], hint.group(1) if hint else "")
        if fig is None:
            return None
        metric = clean_metric(_HEADER_UNIT.sub("", head)) or head
        year = named_year(column, 0, None, self.ref) or (sec.year if sec else None) or self.single
        target = bool(_TARGET_COLUMN.search(column)) or is_target("", sec, year, self.issued)
        return Fact(
            doc_id=self.doc.doc_id,
            section=sec.path_str if sec else "",
            start=row.start,
            end=row.end,
            sent_start=row.start,
            sent_end=row.end,
            value_start=cell.start + fig.start,
            value_end=cell.start + fig.end,
            region=region_of(head, self.doc.region, self.aliases),
            scope=scope_of(head),
            year=year,
            period=period_of(column, head, half=sec.half if sec else ""),
            kind="target" if target else "actual",
            metric=metric,
            qualifier=qualifier_of(fig, column, column) or qualifier_of(fig, head, head),
            value=fig.value,
            unit=fig.unit,
            canonical=self.canon(metric) if self.canon else metric,
        )

    @staticmethod
    def period(sent: _Sentence, c0: int, c1: int, span: str) -> str:
        """The period a sentence's words name, else ``span``; "五年来" as the span it is
        when the section or paragraph says which ("2018-2022", "十三五")."""
        sec = sent.section
        named = period_of(sent.titled[c0:c1], sent.titled[:c1], half=sec.half if sec else "")
        return (sent.span or named) if named in _SPAN_WORDS else named or span

    def region(self, clause: str, sec: Section | None) -> str:
        """The place a figure is about: one its clause names, else the document's; in a
        document of no region, the nation when the clause or its headings speak of it
        ("我国…", "一、我国数字经济发展成效显著")."""
        region = region_of(clause, self.doc.region, self.aliases)
        if region or scope_of(clause + normalize(sec.path_str if sec else "")) != NATIONAL:
            return region
        return NATIONAL

    @staticmethod
    def words(sent: _Sentence, fig: Figure, prev: Fact | None, c0: int) -> tuple[str, str]:
        """Metric and qualifier: from the figure's own words, else shared with the one before."""
        s, t = sent.s, sent.masked
        floor = max(c0, prev.value_end - sent.start if prev else 0)
        item, clause = s[item_start(t, fig.lead, floor) : fig.lead], s[floor : fig.lead]
        if prev and _TO_END.match(clause) and dated_base(s, prev.value_start - sent.start):
            return prev.metric, prev.qualifier  # "由1990年的14.39‰下降到1995年的10.55‰"
        metric = metric_of(s, fig, item, prev.metric if prev else "")
        qualifier = qualifier_of(fig, item, clause)
        if prev and not qualifier:
            joined = re.fullmatch(r"[、和及与]*", clause)  # "分别增长5%和7%"
            shared = prev.qualifier in _SPREAD and _SHARED.match(s, c0)  # "新增A 5家、B 3家"
            qualifier = prev.qualifier if joined or (floor > c0 and shared) else ""
        return metric, qualifier

    def looked_back(self, sent: _Sentence) -> int | None:
        """The year before the issue year, for a sentence of a plan part whose paragraph
        opens with a look back ("2011年是…开局之年。过去一年,我们的各项工作取得了很大成绩。
        国内生产总值增长10.3%,…城镇新增就业1168万人"): a review inside the plan; None
        elsewhere, or when a later sentence turns to this year."""
        if sent.section is None or sent.section.kind != "plan" or not self.ref:
            return None
        norm = self.doc.norm
        before = norm[norm.rfind("\n", 0, sent.start) + 1 : sent.start]
        opened = [m.end() for m in _LOOKING_BACK.finditer(before)]
        if not opened or any(
            _turns_to(m, self.ref) for m in _THIS_YEAR.finditer(before, opened[-1])
        ):
            return None
        return self.ref - 1

    def when(
        self, sent: _Sentence, fig: Figure, c0: int, c1: int, qualifier: str
    ) -> tuple[int | None, bool, str]:
        """The year a figure is about, whether it is a target, and the span of years it
        is about when it names no year: in a review of several years a figure counting
        over them ("新增…", "年均增长…") is the span's, any other its last year's; in a
        plan for a span, the span is the period.

        今年/去年 count from the issue year except in a review, where "今年"
        may mean the year reviewed; there it counts only for targets.
        """
        t, sec = sent.masked, sent.section
        dated = base_year(t, fig)
        if dated is not None:  # "由1990年的14.39‰下降到…": the old value, that year's
            return dated, False, ""
        named = named_year(t, fig.start, c1, self.ref)
        looked_back = self.looked_back(sent)
        if looked_back is not None and named is None:  # "过去一年,…。城镇新增就业1168万人"
            return looked_back, False, ""
        review = sec is not None and sec.kind == "actual"
        if review and not is_target(t[: fig.start], sec, named, self.issued):
            named = named_year(t, fig.start, c1, self.ref, relative="去")
        target = is_target(t[: fig.start], sec, named, self.issued)
        target = target or is_provision(t, fig.start, fig.end, c0)
        plan = _PLAN_TIME.search(sent.s, 0, fig.start) if target and not named else None
        if plan is not None:  # "“十五五”时期…新增人口100万": due at the plan's end
            return plan_end(plan.group(1)), target, plan.group(1)
        averaged = averaged_span(t[:c0], t[c0 : fig.start])
        if averaged:  # "由1997年…增加到2002年…,平均每年增长8.6%": over 1998-2002
            return None, target, averaged
        reviews = sec is not None and sec.kind == "actual" and not (named or target or sent.plan)
        own = clause_span(t[c0 : fig.start], self.ref) if reviews else ""
        if own:  # "…占比达到55.7%、5年提升10.6个百分点": over the clause's own years
            return None, target, own
        if named or not sent.span:
            return named or (sec.year if sec else None) or self.single, target, sent.plan
        if counts_over_span(t[c0 : fig.start], qualifier):
            return None, target, sent.span
        return span_end(sent.span), target, ""


# The way from a change's dated old value to its new one ("下降到1995年的"): the new value
# is of the old one's metric.
_TO_END = re.compile(r"[^,;。]{0,16}?[到至](?:(?:(?:19|20)\d{2}年|今年|去年|上年)(?:底|末)?的?)?")

# A sentence opening a look back at the year before ("过去一年,…", "去年,…"), and words
# turning to this year again.
# (after the field it is of, "在经济领域,过去一年里取得的最重要的成绩,就是…")
_LOOKING_BACK = re.compile(
    r"(?:^|[。!?;])[ \t\u3000]*(?:在?[\u4e00-\u9fff]{2,6}(?:领域|方面)[,:])?"
    r"(?:(?:过去一年|去年|上一年|一年来)[,:]|过去的?一年(?:里|中))"
)
_THIS_YEAR = re.compile(r"今年|明年|新的一年|((?:19|20)\d{2})年")


def _turns_to(m: re.Match[str], ref: int) -> bool:
    """Whether words after a look back turn to this year: 今年, 明年, or a year from the issue
    year on (not an earlier one the review goes back to, "把1984年末至1985年…调整过来")."""
    return m.group(1) is None or int(m.group(1)) >= ref


# A table's column of targets ("2022年目标", "预期值"), a unit in a header ("研发投入强度(%)").
_TARGET_COLUMN = re.compile(r"目标|预期|力争|计划|规划")
_HEADER_UNIT = re.compile(r"\(\s*(%|‰|[^\s()\d,]{1,4})\s*\)\s*$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?")


def _cell_figure(value: str, unit: str) -> Figure | None:
    """The figure of a table cell ("3.3%", "≥150家"; a bare "3.3" takes ``unit``)."""
    found = find_figures(value)
    if found:
        return found[0]
    m = _NUMBER.search(value)
    return Figure(m.start(), m.start(), m.end(), m.group(0), unit) if m else None


_LIST_COUNT = re.compile(r"(?:[两二三四五六七八九十]|\d{1,2})(?:项|个|类|者)$")


def respectively(found: list[Fact], norm: str, canon: Callable[[str], str] | None) -> list[Fact]:
    """Give the figures of a "分别" clause one metric each, in order.

    "民间投资、工业投资分别增长8.5%、10.5%" names them in its list; "游客1.4亿人次、
    收入1713亿元,分别增长55.1%、53.7%" by the figures before the clause.
    """
    out, i = list(found), 0
    while i < len(out):
        first = out[i]
        n = sum(1 for f in out[i:] if f.start == first.start)
        if n > 1 and "分别" in norm[first.start : first.value_start]:
            # "A、B、C三项增速分别为…": the count closing the list is no part of C
            parts = _LIST_COUNT.sub("", first.metric).split("、")
            before = [f.metric for f in out[max(0, i - n) : i]]
            if len(parts) != n or min(map(len, parts)) < 2:
                inherited = i >= n and first.metric == out[i - 1].metric
                parts = before if inherited and len(set(before)) == n else []
            for j, name in enumerate(parts):
                out[i + j] = replace(
                    out[i + j], metric=name, canonical=canon(name) if canon else name
                )
        i += n
    return out


def extract_facts(doc: Document, canon: Callable[[str], str] | None = None) -> tuple[Fact, ...]:
    """Every quantitative statement of ``doc``, in text order.

    Args:
        doc: a parsed document.
        canon: folds a metric to its canonical form (index/ passes its synonym
            canonicaliser); without it ``Fact.canonical`` is the metric itself.
    """
    return _Extractor(doc, canon).run()
