"""The indicator table (指标库, issue #11): every figure of the library as a checkable row.

Rows come from the index's facts table (``facts.jsonl``); each carries a
verbatim quote with its offsets, ``quote == document.text[start:end]``, where
``start:end`` is the fact's **clause** (the shortest span that states the
figure with its metric, e.g. "全年新增国家高新技术企业637家"), not the whole
sentence: a table cell should be checkable at a glance, and the sentence is
one click away in the document.

A query names a metric the way a question does: its years, places and asking
words are set aside (:func:`retrieval.query.metric_words`), a qualifier word
("新增", "累计" …) becomes a qualifier filter, and what is left is folded
through the synonym table (:func:`index.text.canonicalize`), so 高企 /
国家高新技术企业 / 国高企 meet, and 研发投入 / R&D经费 meet.

Conflicts: rows with the same (region, year, period, kind, canonical metric,
qualifier) whose values differ between documents (:func:`find_conflicts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.model import Fact
from corpus.normalize import bigrams, normalize
from corpus.places import canonical_region, region_aliases
from index.facts_view import FactsView
from index.text import canonicalize
from retrieval.query import parse_query
from retrieval.segment_words import metric_words

KINDS = ("actual", "target")


@dataclass(frozen=True)
class IndicatorRow:
    """One figure of one document, with its verbatim source (``quote == text[start:end]``)."""

    doc_id: str
    title: str
    section: str
    region: str
    year: int | None
    period: str
    kind: str
    metric: str
    qualifier: str
    value: str
    unit: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class IndicatorFilter:
    """What to list; every field is optional ("" / None: no restriction).

    Attributes:
        query: free text naming a metric, as in a question ("余杭历年新增高企"); a
            place, year or target word in it applies when the matching field is unset.
        metric: a metric ("高企", "研发强度"), matched through the synonym table.
        region: a place, full or short name ("余杭" = "余杭区"); parents do not match.
        year: the year the figure is of.
        kind: "actual" or "target".
        doc: a document id.
    """

    query: str = ""
    metric: str = ""
    region: str = ""
    year: int | None = None
    kind: str = ""
    doc: str = ""


@dataclass(frozen=True)
class IndicatorConfig:
    """Every threshold and word list of the indicator search.

    Attributes:
        min_cover: share of the query metric's character bigrams a row's canonical
            metric must hold when the query is not a substring of it (1.0: all,
            in any order; "企业高新" still finds "高新技术企业" only at lower values).
        qualifiers: (pattern, qualifier) pairs: a query word that asks for a
            qualifier of the facts table rather than naming the metric.
        generic: words of a table request that name no metric (历年, 各区, 指标 …).
        display_limit: rows the readable table shows unless --limit says otherwise.
        page_rows: rows the web page's table shows (downloads hold every row).
        chart_lines: places the web page's chart draws a line for, most rows first.
        metric_choices: metrics the web page offers in its metric list, most stated first.
    """

    min_cover: float = 1.0
    qualifiers: tuple[tuple[str, str], ...] = (
        (r"新增|净增|新认定", "新增"),
        (r"累计", "累计"),
        (r"增长|增速|增幅", "增长"),
        (r"排名|排第几|排多少|位次", "排名"),
        (r"总量|总数", "总量"),
    )
    generic: str = (
        r"历年|历次|每年|各年|逐年|各(?:区|县|市|省|地)|有哪些|哪些|指标|情况|数据|趋势|变化"
    )
    display_limit: int = 50
    page_rows: int = 300
    chart_lines: int = 8
    metric_choices: int = 150


@dataclass(frozen=True)
class ConflictGroup:
    """Rows of different documents that state one indicator with different values.

    ``rows`` holds every row of the group, also a value stated twice (both sources).
    """

    region: str
    year: int | None
    period: str
    kind: str
    metric: str  # canonical
    qualifier: str
    values: tuple[str, ...]  # distinct value+unit, in row order
    rows: tuple[IndicatorRow, ...] = field(default=())


@lru_cache(maxsize=65536)
def canonical_metric(metric: str) -> str:
    """A metric as written, folded through the synonym table ("R&D经费投入" → "研发经费")."""
    return canonicalize(normalize(metric))


@lru_cache(maxsize=4096)
def same_place(wanted: str, region: str) -> bool:
    """Whether a region filter names a row's region: itself or one of its own names
    (余杭 = 余杭区), not a parent (杭州 does not select 余杭区)."""
    wanted = normalize(wanted.strip())
    if not wanted or wanted == region:
        return bool(wanted)
    return wanted in region_aliases(region) and canonical_region(wanted) == canonical_region(region)


@dataclass(frozen=True)
class _Wanted:
    metric: str  # canonical, "" for any
    qualifier: str
    region: str
    year: int | None
    kind: str
    doc: str


def _understand(f: IndicatorFilter, config: IndicatorConfig) -> _Wanted:
    """The filter with its query text read as a question's metric, place, year and kind."""
    region, year, kind, words = f.region, f.year, f.kind, f.metric
    if f.query.strip():
        q = parse_query(f.query)
        region = region or (q.regions[0] if q.regions else "")
        year = year if year is not None else (q.years[0] if len(q.years) == 1 else None)
        kind = kind or ("target" if q.wants_target else "")
        words = f"{words} {metric_words(q.norm)}"
    words = re.sub(config.generic, "", normalize(words))
    qualifier = ""
    for pattern, name in config.qualifiers:
        rest = re.sub(pattern, "", words)
        if rest != words and rest.strip():
            qualifier, words = name, rest
            break
    metric = canonical_metric("".join(words.split()))
    return _Wanted(metric, qualifier, region, year, kind, f.doc)


def needles(f: IndicatorFilter, config: IndicatorConfig | None = None) -> tuple[str, ...]:
    """Strings every fact a filter selects holds in its stored record (for
    :func:`index.facts_view.load_facts_view`, which then parses only those facts).

    A metric matches when it is part of the fact's canonical metric or, at
    ``min_cover`` 1.0, when each of its two-character pieces is; either way each
    piece is in the record. A document filter names the record's ``doc_id``.
    """
    config = config or IndicatorConfig()
    w = _understand(f, config)
    out = []
    if w.metric and config.min_cover >= 1.0:
        out += sorted(bigrams(w.metric)) or [w.metric]
    if w.doc:
        out.append(w.doc)
    return tuple(out)


class IndicatorTable:
    """Searches the facts of an index as indicator rows.

    Args:
        view: the facts and documents (:mod:`index.facts_view`).
        config: thresholds and word lists.
    """

    def __init__(self, view: FactsView, config: IndicatorConfig | None = None) -> None:
        self.view = view
        self.config = config or IndicatorConfig()
        # Facts by canonical metric, in library order: a metric query reads only its own.
        self._by_canon: dict[str, list[int]] = {}
        # Each metric's canonical form as the index stored it (folding 28k metrics anew
        # took a third of a cold `policyqa indicators --conflicts`).
        self._canon: dict[str, str] = {}
        for i, f in enumerate(view.facts):
            canon = f.canonical or canonical_metric(f.metric)
            self._canon[f.metric] = canon
            self._by_canon.setdefault(canon, []).append(i)
        self._grams: dict[str, set[str]] | None = None  # each metric's bigrams, made on first use

    def canonical(self, metric: str) -> str:
        """A metric's canonical form: the stored one of a metric of the table, else folded."""
        return self._canon.get(metric) or canonical_metric(metric)

    def _candidates(self, metric: str) -> list[tuple[str, int]]:
        """(canonical metric, fact number) of the facts whose metric the wanted one matches."""
        if not metric:
            return [(c, i) for c, rows in self._by_canon.items() for i in rows]
        if self._grams is None:
            self._grams = {c: bigrams(c) for c in self._by_canon}
        grams, floor = bigrams(metric), self.config.min_cover
        out = []
        for c, rows in self._by_canon.items():
            ok = metric in c
            if not ok and grams and c:
                ok = len(grams & self._grams[c]) / len(grams) >= floor
            if ok:
                out += [(c, i) for i in rows]
        return out

    def _keeps(self, w: _Wanted, f: Fact) -> bool:
        return (
            (not w.doc or f.doc_id == w.doc)
            and (w.year is None or f.year == w.year)
            and (not w.kind or f.kind == w.kind)
            and (not w.qualifier or f.qualifier == w.qualifier)
            and (not w.region or same_place(w.region, f.region))
        )

    def search(self, f: IndicatorFilter) -> list[IndicatorRow]:
        """The rows a filter selects, sorted by (canonical metric, region, year, doc, offset).

        Raises:
            QueryError: the query text is too long or not valid text.
        """
        w = _understand(f, self.config)
        found = []
        for canon, i in self._candidates(w.metric):
            fact = self.view.facts[i]
            if self._keeps(w, fact):
                doc = self.view.documents.get(fact.doc_id)
                if doc is not None:
                    found.append((canon, fact, doc.title, doc.text))
        found.sort(
            key=lambda x: (
                x[0],
                x[1].region,
                x[1].year is None,
                x[1].year or 0,
                x[1].doc_id,
                x[1].start,
            )
        )
        return [_row(fact, title, text) for _, fact, title, text in found]


def _row(f: Fact, title: str, text: str) -> IndicatorRow:
    return IndicatorRow(
        doc_id=f.doc_id,
        title=title,
        section=f.section,
        region=f.region,
        year=f.year,
        period=f.period,
        kind=f.kind,
        metric=f.metric,
        qualifier=f.qualifier,
        value=f.value,
        unit=f.unit,
        quote=text[f.start : f.end],
        start=f.start,
        end=f.end,
    )


# region, year, period, kind, canonical metric, qualifier: one cell of the table.
Indicator = tuple[str, int | None, str, str, str, str]


def indicator_of(r: IndicatorRow, canonical: Callable[[str], str] = canonical_metric) -> Indicator:
    """The indicator a row states a value of; rows of one indicator are compared."""
    return (r.region, r.year, r.period, r.kind, canonical(r.metric), r.qualifier)


def find_conflicts(
    rows: Iterable[IndicatorRow], canonical: Callable[[str], str] = canonical_metric
) -> list[ConflictGroup]:
    """Groups of rows that state one indicator with different values in different documents.

    The indicator is (region, year, period, kind, canonical metric, qualifier);
    a value is its number with its unit ("637家"). A group is a conflict when two
    of its rows from different documents differ in value; every row of such a
    group is kept (a value stated by two documents shows both sources). Rows
    without a region, year or metric name no indicator and are never grouped.
    Groups come in the order of their first row. ``canonical`` folds a metric
    (:meth:`IndicatorTable.canonical` looks up the stored forms).
    """
    groups: dict[Indicator, list[IndicatorRow]] = {}
    for r in rows:
        key = indicator_of(r, canonical)
        if r.year is None or not r.region or not key[4]:
            continue
        groups.setdefault(key, []).append(r)
    out = []
    for (region, year, period, kind, canon, qualifier), members in groups.items():
        # Each document's values; documents that all state the same values agree
        # (also several values in one document, with no other saying otherwise).
        stated: dict[str, set[str]] = {}
        for r in members:
            stated.setdefault(r.doc_id, set()).add(r.value + r.unit)
        if len({frozenset(v) for v in stated.values()}) < 2:
            continue
        values = tuple(dict.fromkeys(r.value + r.unit for r in members))
        out.append(
            ConflictGroup(region, year, period, kind, canon, qualifier, values, tuple(members))
        )
    return out
