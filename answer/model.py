"""Dataclasses of the answer stage: what `policyqa ask --json` prints."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


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
    issuer: str = ""


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

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)
