"""Trend and table questions (``Intent.TABLE``): one row per figure, each its own citation."""

from __future__ import annotations

from answer.model import Citation
from retrieval.indicators import IndicatorRow


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
