"""Plain text of what the page shows: the active filters, an answer with its sources.

Used where HTML would be wrong: the copy button, the Markdown and Word exports
of a conversation (:mod:`ui.export`), the CLI. A :class:`Reply` is one turn of
the conversation in words, kept by the page for the exports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from answer.model import Answer, Citation
from retrieval.intent import Intent
from retrieval.model import Filters
from ui import messages as m


def filters_line(f: Filters | None, titles: Mapping[str, str]) -> str:
    """The active filters in words ("地区 余杭区 · 年份 2023"); "" when there are none.

    ``titles``: doc id → title, so a chosen document reads by its title.
    """
    if f is None or f.is_empty():
        return ""
    docs = [f"《{titles[d]}》" if titles.get(d) else d for d in f.doc_ids]
    parts = (
        (m.FILTER_REGION, "、".join(f.regions)),
        (m.FILTER_YEAR, "、".join(map(str, f.years))),
        (m.FILTER_DOC, "、".join(docs)),
    )
    return " · ".join(f"{label} {values}" for label, values in parts if values)


def document_name(title: str, issuer: str, date: str, doc_id: str = "") -> str:
    """A document as people name it: 《title》（issuer，date）."""
    by = "，".join(x for x in (issuer, date) if x)
    return f"《{title or doc_id}》" + (f"（{by}）" if by else "")


@dataclass(frozen=True)
class Quoted:
    """A source of an answer in words: the document, the section, the verbatim quote."""

    document: str
    section: str
    quote: str


@dataclass(frozen=True)
class Reply:
    """One turn of the conversation in words.

    Attributes:
        question: as asked.
        filters: the active filters in words ("" when none).
        found: whether an answer was found.
        answer: the short answer (the documents by name for a which-document
            question), or the refusal.
        note: the answer's remark ("共2份文件提到"), if any.
        sources: the citations (the related evidence when refused).
        problem: what went wrong instead of an answer ("" when nothing did).
    """

    question: str
    filters: str = ""
    found: bool = False
    answer: str = ""
    note: str = ""
    sources: tuple[Quoted, ...] = ()
    problem: str = ""


def _quoted(c: Citation) -> Quoted:
    return Quoted(document_name(c.title, c.issuer, c.date, c.doc_id), c.section, c.quote)


def reply_of(answer: Answer, filters: str = "") -> Reply:
    """The words of an answer."""
    if not answer.found:
        msg = answer.message or m.NOT_FOUND
        return Reply(answer.question, filters, False, msg, "", tuple(map(_quoted, answer.related)))
    text = answer.answer
    if answer.intent == Intent.WHICH_DOC and answer.citations:
        names = {c.doc_id: _quoted(c).document for c in answer.citations}
        text = "；".join(names.values())
    return Reply(
        answer.question, filters, True, text, answer.message, tuple(map(_quoted, answer.citations))
    )


def reply_text(r: Reply) -> str:
    """The reply as plain text: question, filters, answer, each quote with its
    《title》 and section (what the copy button gives)."""
    lines = [f"问：{r.question}"]
    if r.filters:
        lines.append(f"{m.FILTERS_ACTIVE}{r.filters}")
    if r.problem:
        return "\n".join([*lines, r.problem])
    lines.append(f"{m.ANSWER_LEAD}{r.answer}")
    if r.note:
        lines.append(r.note)
    if r.sources:
        lines.append(m.SOURCES_PLAIN if r.found else m.RELATED + "：")
    for n, q in enumerate(r.sources, 1):
        lines.append(f"{n}. {q.document}")
        if q.section:
            lines.append(f"   {m.SECTION}{q.section}")
        lines.append(f"   “{q.quote}”")
    return "\n".join(lines)
