"""HTML for the web UI: answers with citation cards, notices.

Every string that comes from a document, a question, an answer or a gold
file goes through :func:`esc` before it is put into HTML, so a document
containing ``<script>`` shows that text instead of running it. Styles are
inline so the HTML looks the same wherever it is shown (chatbot, HTML
component, copied out).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from urllib.parse import quote as urlquote

from answer.model import Answer, Citation
from corpus.model import Document, Section
from retrieval.intent import Intent
from retrieval.model import Filters, Mode
from ui import messages as m
from ui.plain import filters_line, reply_of, reply_text

CONTEXT_CHARS = 2400  # longer sections are cut to a window around the quote
_WINDOW = 900

_MARK = "background:#fde68a;color:inherit;padding:0 2px;border-radius:3px"
_QUOTE_HL = "background:#dbeafe;border-radius:3px"
_CARD = (
    "border:1px solid #d1d5db;border-radius:8px;padding:8px 12px;margin:8px 0;"
    "background:#ffffff;color:#111827"
)
_CARD_RELATED = (
    "border:1px dashed #9ca3af;border-radius:8px;padding:8px 12px;margin:8px 0;"
    "background:#f9fafb;color:#374151"
)
MUTED = "color:#6b7280;font-size:0.9em"
_FILTERS = (
    "display:inline-block;font-size:0.85em;color:#1e3a8a;background:#eff6ff;"
    "border-radius:6px;padding:1px 8px;margin-bottom:4px"
)
_HINT = "color:#92400e;background:#fffbeb;border-radius:6px;padding:2px 8px;margin-bottom:4px"
_DOCID = "color:#9ca3af;font-size:0.75em;font-family:ui-monospace,monospace"
_BLOCKQUOTE = "margin:6px 0;padding:4px 10px;border-left:4px solid #60a5fa;background:#f8fafc"
_CONTEXT = (
    "margin-top:6px;padding:8px;max-height:22em;overflow:auto;background:#f8fafc;"
    "border:1px solid #e5e7eb;border-radius:6px;line-height:1.7"
)
_REFUSAL = (
    "border:1px solid #f59e0b;background:#fffbeb;color:#92400e;border-radius:8px;"
    "padding:8px 12px;margin:4px 0"
)
_NOTICE = {
    "info": "border:1px solid #93c5fd;background:#eff6ff;color:#1e3a8a",
    "warn": "border:1px solid #f59e0b;background:#fffbeb;color:#92400e",
    "error": "border:1px solid #f87171;background:#fef2f2;color:#991b1b",
    "ok": "border:1px solid #86efac;background:#f0fdf4;color:#166534",
}


def esc(text: object) -> str:
    """HTML-escape any value (quotes included); newlines become ``<br>``."""
    return html.escape(str(text), quote=True).replace("\n", "<br>")


def notice(message: str, kind: str = "info") -> str:
    """A coloured one-message box (kind: info, warn, error, ok)."""
    style = _NOTICE.get(kind, _NOTICE["info"])
    return (
        f'<div class="pq-notice pq-{kind}" style="{style};border-radius:8px;padding:8px 12px">'
        f"{esc(message)}</div>"
    )


Range = tuple[int, int]
_OPEN_PREFIX = "#pq-doc:"
_ASK_PREFIX = "#pq-ask:"


def _clip(rng: Range, base: int, size: int) -> Range:
    return min(max(rng[0] - base, 0), size), min(max(rng[1] - base, 0), size)


def _with_span(text: str, base: int, span: Range | None) -> str:
    if span is None:
        return esc(text)
    s, e = _clip(span, base, len(text))
    if s >= e:
        return esc(text)
    return f'{esc(text[:s])}<mark style="{_MARK}">{esc(text[s:e])}</mark>{esc(text[e:])}'


def marked(text: str, base: int, quote: Range | None, span: Range | None) -> str:
    """Escape ``text`` (which starts at offset ``base`` of its document),
    wrapping the quote range in one light highlight and the span in ``<mark>``
    (a quote outside the text adds nothing)."""
    s, e = _clip(quote, base, len(text)) if quote is not None else (0, 0)
    if s >= e:
        return _with_span(text, base, span)
    inner = _with_span(text[s:e], base + s, span)
    return (
        f"{_with_span(text[:s], base, span)}"
        f'<span class="pq-quote" style="{_QUOTE_HL}">{inner}</span>'
        f"{_with_span(text[e:], base + e, span)}"
    )


def section_for(doc: Document, start: int, end: int) -> Section | None:
    """The deepest section whose ``[start, end)`` contains the range."""
    inside = [s for s in doc.sections if s.start <= start and end <= s.end]
    if not inside:
        return None
    return min(inside, key=lambda s: (-s.level, s.end - s.start))


def _locate(c: Citation, doc: Document | None) -> tuple[int, int] | None:
    """Where the quote is in the document now (None when it is gone)."""
    if doc is None:
        return None
    if doc.text[c.start : c.end] == c.quote:
        return c.start, c.end
    at = doc.text.find(c.quote)
    return (at, at + len(c.quote)) if at >= 0 and c.quote else None


def context_html(c: Citation, doc: Document | None) -> str:
    """The citation's section with the quote highlighted (a window if long)."""
    where = _locate(c, doc)
    if doc is None or where is None:
        return f'<div style="{MUTED}">{m.SOURCE_GONE}</div>'
    start, end = where
    shift = start - c.start
    span = (c.span_start + shift, c.span_end + shift) if c.span_start >= 0 else None
    sec = section_for(doc, start, end)
    lo, hi = (sec.start, sec.end) if sec else (0, len(doc.text))
    if hi - lo > CONTEXT_CHARS:
        lo, hi = max(lo, start - _WINDOW), min(hi, end + _WINDOW)
    head = "…" if sec and lo > sec.start else ""
    tail = "…" if hi < (sec.end if sec else len(doc.text)) else ""
    body = marked(doc.text[lo:hi], lo, (start, end), span)
    title = esc(sec.path_str) if sec and sec.path_str else m.WHOLE_TEXT
    return (
        f'<div style="{MUTED}">{m.IN_SECTION}{title}</div>'
        f'<div class="pq-context" style="{_CONTEXT}">{head}{body}{tail}</div>'
    )


def byline(issuer: str, date: str, region: str = "") -> str:
    """Who issued a document and when ("杭州市余杭区科学技术局 · 2024-01"); the region
    stands in for an unknown issuer."""
    return " · ".join(x for x in (issuer or region, date) if x)


def document_html(title: str, issuer: str, date: str, doc_id: str, region: str = "") -> str:
    """A document as people name it: 《title》, issuer and date; its id in small print
    (and as the title's tooltip)."""
    tip = esc(f"{m.DOC_ID}：{doc_id}")
    by = byline(issuer, date, region)
    by_html = f' <span class="pq-byline" style="{MUTED}">{esc(by)}</span>' if by else ""
    return (
        f'<span class="pq-doc"><b class="pq-title" title="{tip}">《{esc(title or doc_id)}》</b>'
        f'{by_html} <small class="pq-docid" title="{tip}" style="{_DOCID}">{esc(doc_id)}</small>'
        "</span>"
    )


def cited_document(c: Citation) -> str:
    return document_html(c.title, c.issuer, c.date, c.doc_id, c.region)


def open_link(
    doc_id: str, quote: Range = (-1, -1), span: Range = (-1, -1), label: str = m.OPEN_DOC
) -> str:
    """A link that opens a document in the viewer, at a quote (and its span) if given.

    The target rides in the ``href`` (the conversation's HTML sanitiser keeps it, not
    ``data-`` attributes): ``#pq-doc:<url-quoted id>:<start>:<end>:<span start>:<span end>``.
    """
    where = ":".join(str(int(x)) for x in (*quote, *span))
    href = f"{_OPEN_PREFIX}{urlquote(doc_id, safe='')}:{where}"
    return f'<a class="pq-open-doc" href="{esc(href)}">{esc(label)}</a>'


def citation_card(c: Citation, doc: Document | None, *, related: bool = False) -> str:
    """One source: the document (title first), section, the verbatim quote, and its
    context on demand."""
    span = (c.span_start, c.span_end) if c.span_start >= 0 and not related else None
    quote = marked(c.quote, c.start, None, span)
    section = esc(c.section) if c.section else m.NO_SECTION
    if c.page:
        section += f' <span class="pq-page">{m.page_label(c.page)}</span>'
    cls = "pq-card pq-related" if related else "pq-card"
    return (
        f'<div class="{cls}" style="{_CARD_RELATED if related else _CARD}">'
        f"<div>{cited_document(c)}</div>"
        f'<div class="pq-section" style="{MUTED}">{m.SECTION}{section}</div>'
        f'<blockquote class="pq-cite" style="{_BLOCKQUOTE}">“{quote}”</blockquote>'
        f'<details class="pq-source">'
        f'<summary style="cursor:pointer;{MUTED}">{m.SHOW_CONTEXT}</summary>'
        f"{context_html(c, doc)}</details>"
        f'<div class="pq-card-tools">{open_link(c.doc_id, (c.start, c.end), span or (-1, -1))}'
        "</div></div>"
    )


def _sources(citations: tuple[Citation, ...]) -> list[Citation]:
    """The first citation of each document cited, in order."""
    seen: dict[str, Citation] = {}
    for c in citations:
        seen.setdefault(c.doc_id, c)
    return list(seen.values())


def _found_html(answer: Answer) -> str:
    """The short answer; a which-document answer lists the documents by title."""
    if answer.intent == Intent.WHICH_DOC and answer.citations:
        items = "".join(f"<li>{cited_document(c)}</li>" for c in _sources(answer.citations))
        return (
            f'<div class="pq-answer" style="font-size:1.05em">{m.ANSWER_LEAD}'
            f'<ol class="pq-doclist" style="margin:4px 0 4px 1.4em">{items}</ol></div>'
        )
    parts = answer.parts or (answer.answer,)
    # Whose each part is ("余杭：…", "2023年：…") when the answer labels them.
    labels = answer.labels if len(answer.labels) == len(parts) else ("",) * len(parts)
    shown = "；".join(
        f'{esc(lab) + "：" if lab else ""}<mark style="{_MARK}">{esc(p)}</mark>'
        for lab, p in zip(labels, parts, strict=True)
    )
    sources = "；".join(cited_document(c) for c in _sources(answer.citations)[:3])
    where = f'<div class="pq-from">{m.FROM}{sources}</div>' if sources else ""
    return (
        f'<div class="pq-answer" style="font-size:1.05em">{m.ANSWER_LEAD}<b>{shown}</b></div>'
        f"{where}"
    )


def filters_html(line: str) -> str:
    """The filters an answer was found under, in words ("" when none)."""
    if not line:
        return ""
    return f'<div class="pq-filters" style="{_FILTERS}">{m.FILTERS_ACTIVE}{esc(line)}</div>'


def question_html(question: str) -> str:
    """The question as the page echoes it (page.js scrolls to the newest one)."""
    return f'<span class="pq-q">{esc(question)}</span>'


def pending_html() -> str:
    """The placeholder of an answer being found: a spinner and a word."""
    return (
        f'<div class="pq-pending" role="status"><span class="pq-spinner"></span>{m.ANSWERING}</div>'
    )


def copy_html(text: str) -> str:
    """The copy button of a reply and what it copies: plain text, kept hidden beside it."""
    return (
        f'<div class="pq-tools"><button class="pq-copy" title="{m.COPY_TIP}">{m.COPY}</button>'
        f'<pre class="pq-plain" style="display:none">{html.escape(text)}</pre></div>'
    )


def hints_html(english: bool, suggestion: str | None) -> str:
    """How the question might be asked better: in Chinese; with a known place name
    (a link that asks it, see page.js)."""
    out = []
    if english:
        out.append(f'<div class="pq-hint pq-english" style="{_HINT}">{m.ENGLISH_HINT}</div>')
    if suggestion:
        href = esc(_ASK_PREFIX + urlquote(suggestion, safe=""))
        out.append(
            f'<div class="pq-hint pq-suggest" style="{_HINT}">{m.DID_YOU_MEAN}'
            f'<a class="pq-ask" href="{href}">{esc(suggestion)}</a></div>'
        )
    return "".join(out)


def answer_html(
    answer: Answer,
    documents: Mapping[str, Document],
    filters: Filters | None = None,
    *,
    english: bool = False,
    suggestion: str | None = None,
) -> str:
    """The assistant message: hints on the question, the filters applied, the answer
    (or the refusal), its citation cards, and a copy button giving it all as plain text."""
    line = filters_line(filters, {k: d.title for k, d in documents.items()})
    out: list[str] = [hints_html(english, suggestion), filters_html(line)]
    if answer.retrieval is Mode.BM25:  # the server asks hybrid: the index is being embedded
        out.append(f'<div class="pq-bm25" style="{MUTED}">{esc(m.BM25_ONLY)}</div>')
    if answer.found:
        out.append(_found_html(answer))
        if answer.message:
            out.append(f'<div class="pq-message" style="{MUTED}">{esc(answer.message)}</div>')
        if answer.citations:
            n = len(answer.citations)
            out.append(f'<div style="{MUTED};margin-top:6px">{m.SOURCES.format(n=n)}</div>')
        out.extend(citation_card(c, documents.get(c.doc_id)) for c in answer.citations)
    else:
        msg = answer.message or m.NOT_FOUND
        out.append(f'<div class="pq-refusal" style="{_REFUSAL}">⚠ {esc(msg)}</div>')
        if answer.related:
            out.append(
                f'<div class="pq-related-label" style="{MUTED};margin-top:6px">{m.RELATED}</div>'
            )
            out.extend(
                citation_card(c, documents.get(c.doc_id), related=True) for c in answer.related
            )
    out.append(copy_html(reply_text(reply_of(answer, line))))
    return f'<div class="pq-reply">{"".join(out)}</div>'


def skipped_html(added: Iterable[str], skipped: Iterable[tuple[str, str, str]]) -> str:
    """Upload report: the files added, and each file that failed with its reason
    (name, reason in Chinese, the English detail shown as a tooltip)."""
    added = list(added)
    skipped = list(skipped)
    out = []
    if added:
        out.append(notice(m.ADDED.format(n=len(added), names="、".join(added)), "ok"))
    if skipped:
        items = "".join(
            f'<li title="{esc(detail)}"><b>{esc(name)}</b>：{esc(reason)}</li>'
            for name, reason, detail in skipped
        )
        out.append(
            f'<div class="pq-skipped" style="{_NOTICE["error"]};'
            'border-radius:8px;padding:8px 12px">'
            f"{m.UNREADABLE.format(n=len(skipped))}<ul>{items}</ul></div>"
        )
    if not out:
        out.append(notice(m.NOTHING_ADDED, "warn"))
    return "".join(out)
