"""Trend and table questions (``Intent.TABLE``): one row per figure, each its own citation.

"余杭历年新增高企" lists 余杭's new 高企 year by year, "各区2024年研发投入强度目标"
every place's 2024 target: the rows of the indicator table (:mod:`retrieval.indicators`,
the same rows as ``policyqa indicators``) that the question selects, one per indicator
cell (place, year, period, actual or target, canonical metric, qualifier), by place and
then by year. Each row quotes its clause verbatim. When another document states the same
cell with another value, the row says "另一文件记为…" and cites it too; a document
stating the same value is cited as well.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from answer.model import Answer, Citation, TableRow
from answer.policy import TableConfig
from retrieval.indicators import (
    Indicator,
    IndicatorFilter,
    IndicatorRow,
    IndicatorTable,
    indicator_of,
    same_place,
)
from retrieval.intent import Intent
from retrieval.model import Filters
from retrieval.query import Query


def citation_of_row(row: IndicatorRow, date: str = "") -> Citation:
    """A row's source as a citation: its clause, verbatim, the clause itself the span."""
    return Citation(
        doc_id=row.doc_id,
        title=row.title,
        section=row.section,
        quote=row.quote,
        start=row.start,
        end=row.end,
        span_start=row.start,
        span_end=row.end,
        date=date,
        region=row.region,
    )


def _allowed(row: IndicatorRow, filters: Filters | None) -> bool:
    """The page's or the command line's filters (any of several places, years, documents)."""
    if filters is None or filters.is_empty():
        return True
    return (
        (not filters.regions or any(same_place(r, row.region) for r in filters.regions))
        and (not filters.years or row.year in filters.years)
        and (not filters.doc_ids or row.doc_id in filters.doc_ids)
    )


def _cells(
    rows: list[IndicatorRow], canonical: Callable[[str], str]
) -> dict[Indicator, list[IndicatorRow]]:
    """Rows by indicator cell, one row per document (its first), cells in row order."""
    cells: dict[Indicator, list[IndicatorRow]] = {}
    for r in rows:
        found = cells.setdefault(indicator_of(r, canonical), [])
        if all(x.doc_id != r.doc_id for x in found):
            found.append(r)
    return cells


def _label(cell: Indicator, varies: list[bool]) -> str:
    """The parts of a cell that differ between the rows: "余杭区2024年下半年目标"."""
    region, year, period, kind = cell[:4]
    parts = (
        region,
        "" if year is None else f"{year}年",
        "" if period == "全年" else period,  # a whole year goes without saying
        "目标" if kind == "target" else "实际",
    )
    return "".join(p for p, v in zip(parts, varies, strict=True) if v and p)


def _row(found: list[IndicatorRow], label: str, date: Callable[[str], str]) -> TableRow:
    first, rest = found[0], found[1:]

    def cite(r: IndicatorRow) -> Citation:
        return citation_of_row(r, date(r.doc_id))

    value = first.value + first.unit
    other = [r for r in rest if r.value + r.unit != value]
    return TableRow(
        label=label,
        row=first,
        citation=cite(first),
        same=tuple(cite(r) for r in rest if r.value + r.unit == value),
        other=tuple(cite(r) for r in other),
        other_values=tuple(r.value + r.unit for r in other),
    )


def table_rows(
    q: Query, table: IndicatorTable, filters: Filters | None, config: TableConfig
) -> tuple[list[TableRow], int]:
    """The rows a table question selects, by place then year (actual before target),
    at most ``config.max_rows``; and how many there were in all."""
    rows = [r for r in table.search(IndicatorFilter(query=q.text)) if _allowed(r, filters)]
    cells = _cells([r for r in rows if r.year is not None], table.canonical)
    order = sorted(cells, key=lambda c: (c[0], c[1] or 0, c[3] == "target", c[2], c[4], c[5]))
    # A label names what differs between the rows: the place, the year, the period,
    # actual or target.
    varies = [len({c[i] for c in order}) > 1 for i in range(4)]

    def date(doc_id: str) -> str:
        doc = table.view.documents.get(doc_id)
        return doc.date if doc else ""

    kept = order[: config.max_rows]
    # Rows alike but for their metric go unlabelled: each clause names its own.
    labels = [_label(c, varies) for c in kept]
    return [_row(cells[c], x, date) for c, x in zip(kept, labels, strict=True)], len(order)


def _text(row: TableRow) -> str:
    quote = row.citation.quote
    said = f"{row.label}：{quote}" if row.label else quote
    if row.other_values:
        said += f"（另一文件记为{'、'.join(row.other_values)}）"
    return said


def table_answer(
    q: Query, table: IndicatorTable, filters: Filters | None, config: TableConfig
) -> Answer | None:
    """The answer to a trend or table question; None when no row of the table fits
    (the caller then answers it as one figure, or refuses)."""
    rows, total = table_rows(q, table, filters, config)
    if not rows:
        return None
    notes = []
    if total > len(rows):
        notes.append(f"共{total}行，只列出前{len(rows)}行；全部见“指标”页或 policyqa indicators。")
    if any(r.other for r in rows):
        notes.append(
            differ_note(
                [(v, c) for r in rows for v, c in zip(r.other_values, r.other, strict=True)],
                [r.label or r.row.metric for r in rows for _ in r.other],
            )
        )
    cites = [r.citation for r in rows] + [c for r in rows for c in (*r.other, *r.same)]
    return Answer(
        q.text,
        True,
        "；".join(_text(r) for r in rows),
        tuple(cites),
        message="".join(notes),
        parts=tuple(r.citation.quote for r in rows),
        intent=q.intent,
        labels=tuple(r.label for r in rows),
        rows=tuple(rows),
    )


def differ_note(said: list[tuple[str, Citation]], whose: list[str] | None = None) -> str:
    """What other documents say instead, each with its title:
    "不同文件给出的数值不同：2024年目标另一文件记为200家（《…》）。请核对各出处。"."""
    whose = whose or [""] * len(said)
    items = "；".join(
        f"{w}另一文件记为{v}（《{c.title or c.doc_id}》）"
        for w, (v, c) in zip(whose, said, strict=True)
    )
    return f"不同文件给出的数值不同：{items}。请核对各出处。"


def as_figure_question(q: Query) -> Query:
    """The question asked for one figure (when the table holds no row for it)."""
    return replace(q, intent=Intent.TARGET if q.wants_target else Intent.NUMBER)
