"""Dataclasses of the answer stage: what `policyqa ask --json` prints."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from retrieval.model import Mode

if TYPE_CHECKING:
    from retrieval.indicators import IndicatorRow


@dataclass(frozen=True)
class Citation:
    """Where an answer comes from.

    Attributes:
        doc_id: document id (path relative to the indexed folder).
        title: document title.
        section: section path "一、… > (二)…" ("" if none).
        quote: verbatim text of the ORIGINAL document, ``text[start:end]``.
        start: offset of the quote in the original text.
        end: offset one past the quote's end.
        span_start: offset of the short answer inside the original text
            (``-1`` when the citation is only related evidence).
        span_end: offset one past the short answer.
        date: document date, when known.
        region: document region, when known.
        page: the page (1-based) the short answer stands on (the quote's first
            page when there is no short answer), for PDFs and scans; None for
            documents without pages.
        issuer: who issued the document, when known.
    """

    doc_id: str
    title: str
    section: str
    quote: str
    start: int
    end: int
    span_start: int = -1
    span_end: int = -1
    date: str = ""
    region: str = ""
    page: int | None = None
    issuer: str = ""


@dataclass(frozen=True)
class TableRow:
    """One row of a table answer (a trend or table question): a figure and its source.

    Attributes:
        label: what tells the row from the others ("2023年实际", "余杭区").
        row: the figure as the indicator table has it (the record of
            ``policyqa indicators --json``: region, year, kind, metric, value, unit …).
        citation: its clause, verbatim (``quote == text[start:end]``, the clause the span).
        same: other documents stating the same value.
        other: other documents stating another value for the same indicator (the
            answer says "另一文件记为…"); ``other_values`` holds their values, in order.
    """

    label: str
    row: IndicatorRow
    citation: Citation
    same: tuple[Citation, ...] = ()
    other: tuple[Citation, ...] = ()
    other_values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """The result of one question.

    Attributes:
        question: the question as asked.
        found: False when the documents do not contain the answer.
        answer: the extractive short answer ("" when not found); parts of a
            compare/list answer are joined with "；".
        citations: sources of the answer, best first.
        latency_ms: wall time to answer.
        message: one human sentence (e.g. "文档中未找到…" on refusal).
        parts: the short answer of each part, one per citation for compare,
            list and which-document questions.
        related: nearest evidence when refused; explicitly not an answer.
        intent: what the question asks ("number", "target", "which_doc", …).
        labels: whose each part is ("余杭", "2023年"), one per part of a
            comparison ("" where the parts differ only by metric); the answer
            reads "余杭：…；临安：…".
        rows: a table answer's rows (intent "table"), in time or place order.
        retrieval: the retrieval mode that answered ("hybrid", "bm25", "dense"): "bm25"
            whatever was asked while the index's passages are being embedded (its
            dense part pending); None only for an answer not made by ``QA.ask``.
    """

    question: str
    found: bool
    answer: str
    citations: tuple[Citation, ...] = ()
    latency_ms: float = 0.0
    message: str = ""
    parts: tuple[str, ...] = ()
    related: tuple[Citation, ...] = ()
    intent: str = ""
    labels: tuple[str, ...] = ()
    rows: tuple[TableRow, ...] = ()
    retrieval: Mode | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
