"""HTML for the web UI: answers with citation cards, notices, evaluation charts.

Every string that comes from a document, a question, an answer or a gold
file goes through :func:`esc` before it is put into HTML, so a document
containing ``<script>`` shows that text instead of running it. Styles are
inline so the HTML looks the same wherever it is shown (chatbot, HTML
component, copied out).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from answer.model import Answer, Citation
from corpus.model import Document, Section
from evals.run import METRIC_KEYS
from ui.messages import page_label

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
_TD = "border:1px solid #e5e7eb;padding:4px 6px;vertical-align:top"
_MUTED = "color:#6b7280;font-size:0.9em"
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

# Shares shown as percentages (MRR is a mean of reciprocal ranks, not a share).
RATE_KEYS = tuple(k for k in METRIC_KEYS if k != "mrr")
METRIC_LABELS = {
    "n": "题数 questions",
    "n_skipped": "跳过 skipped",
    "answer_accuracy": "答案准确率 answer accuracy",
    "refusal_recall": "拒答召回 refusal recall",
    "false_refusal_rate": "误拒率 false refusal rate",
    "citation_accuracy": "引用准确率 citation accuracy",
    "recall_at_1": "Recall@1",
    "recall_at_5": "Recall@5",
    "mrr": "MRR",
    "latency_p50": "延迟 p50 (ms)",
    "latency_p95": "延迟 p95 (ms)",
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
    wrapping the quote range in one light highlight and the span in ``<mark>``."""
    if quote is None:
        return _with_span(text, base, span)
    s, e = _clip(quote, base, len(text))
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
        return f'<div style="{_MUTED}">原文已不在文档库中，只能显示引文。</div>'
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
    title = esc(sec.path_str) if sec and sec.path_str else "全文"
    return (
        f'<div style="{_MUTED}">所在章节：{title}</div>'
        f'<div class="pq-context" style="{_CONTEXT}">{head}{body}{tail}</div>'
    )


def citation_card(c: Citation, doc: Document | None, *, related: bool = False) -> str:
    """One source: title, section, the verbatim quote, and its context on demand."""
    span = (c.span_start, c.span_end) if c.span_start >= 0 and not related else None
    quote = marked(c.quote, c.start, None, span)
    meta = " · ".join(esc(x) for x in (c.region, c.date, c.doc_id, page_label(c.page)) if x)
    section = esc(c.section) if c.section else "（无章节）"
    cls = "pq-card pq-related" if related else "pq-card"
    return (
        f'<div class="{cls}" style="{_CARD_RELATED if related else _CARD}">'
        f'<div><b>《{esc(c.title or c.doc_id)}》</b> <span style="{_MUTED}">{meta}</span></div>'
        f'<div class="pq-section" style="{_MUTED}">章节：{section}</div>'
        f'<blockquote class="pq-cite" style="{_BLOCKQUOTE}">“{quote}”</blockquote>'
        f'<details class="pq-source">'
        f'<summary style="cursor:pointer;{_MUTED}">查看原文上下文</summary>'
        f"{context_html(c, doc)}</details></div>"
    )


def answer_html(answer: Answer, documents: Mapping[str, Document]) -> str:
    """The assistant message: the answer (or the refusal) and its citation cards."""
    out: list[str] = []
    if answer.found:
        parts = answer.parts or (answer.answer,)
        # Whose each part is ("余杭：…", "2023年实际：…") when the answer labels them.
        labels = answer.labels if len(answer.labels) == len(parts) else ("",) * len(parts)
        shown = "；".join(
            f'{esc(lab) + "：" if lab else ""}<mark style="{_MARK}">{esc(p)}</mark>'
            for lab, p in zip(labels, parts, strict=True)
        )
        out.append(f'<div class="pq-answer" style="font-size:1.05em">答：<b>{shown}</b></div>')
        if answer.message:
            out.append(f'<div class="pq-message" style="{_MUTED}">{esc(answer.message)}</div>')
        if answer.citations:
            n = len(answer.citations)
            out.append(f'<div style="{_MUTED};margin-top:6px">出处（{n}）</div>')
        out.extend(citation_card(c, documents.get(c.doc_id)) for c in answer.citations)
    else:
        msg = answer.message or "文档中未找到答案。"
        out.append(f'<div class="pq-refusal" style="{_REFUSAL}">⚠ {esc(msg)}</div>')
        if answer.related:
            out.append(
                f'<div class="pq-related-label" style="{_MUTED};margin-top:6px">'
                "相关内容（不是答案）</div>"
            )
            out.extend(
                citation_card(c, documents.get(c.doc_id), related=True) for c in answer.related
            )
    return f'<div class="pq-reply">{"".join(out)}</div>'


def skipped_html(added: Iterable[str], skipped: Iterable[tuple[str, str]]) -> str:
    """Upload report: the files added, and each file that failed with its reason."""
    added = list(added)
    skipped = list(skipped)
    out = []
    if added:
        out.append(notice(f"已加入 {len(added)} 份文件：{'、'.join(added)}", "ok"))
    if skipped:
        items = "".join(f"<li><b>{esc(name)}</b>：{esc(reason)}</li>" for name, reason in skipped)
        out.append(
            f'<div class="pq-skipped" style="{_NOTICE["error"]};'
            'border-radius:8px;padding:8px 12px">'
            f"{len(skipped)} 份文件未能读取：<ul>{items}</ul></div>"
        )
    if not out:
        out.append(notice("没有加入任何文件。", "warn"))
    return "".join(out)


def _fmt(key: str, value: Any) -> str:
    if value is None:
        return "—"
    if key in RATE_KEYS and isinstance(value, int | float):
        return f"{value:.1%}"
    if key == "mrr" and isinstance(value, int | float):
        return f"{value:.3f}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def metric_rows(results: Mapping[str, Any]) -> list[list[str]]:
    """[label, value] rows of the overall metrics."""
    flat = dict(results)
    latency = results.get("latency_ms") or {}
    flat["latency_p50"] = latency.get("p50")
    flat["latency_p95"] = latency.get("p95")
    return [[label, _fmt(key, flat.get(key))] for key, label in METRIC_LABELS.items()]


def type_chart(per_type: Mapping[str, Mapping[str, Any]]) -> str:
    """A horizontal bar per question type: its answer accuracy."""
    rows = []
    for name, m in sorted(per_type.items()):
        acc = m.get("answer_accuracy")
        width = 0.0 if acc is None else max(0.0, min(1.0, float(acc))) * 100
        label = "—" if acc is None else f"{float(acc):.0%}"
        n = m.get("n", "")
        rows.append(
            f'<div class="pq-bar" style="display:flex;align-items:center;gap:8px;margin:4px 0">'
            f'<div style="width:9em;text-align:right">{esc(name)} '
            f'<span style="{_MUTED}">({esc(n)})</span></div>'
            '<div style="flex:1;background:#e5e7eb;border-radius:4px;height:18px">'
            f'<div style="width:{width:.1f}%;background:#3b82f6;height:18px;'
            'border-radius:4px"></div></div>'
            f'<div style="width:4em">{label}</div></div>'
        )
    if not rows:
        return notice("没有按题型的结果。", "warn")
    return (
        f'<div class="pq-chart"><div style="{_MUTED}">各题型答案准确率 accuracy per type</div>'
        f"{''.join(rows)}</div>"
    )


def _got(answer: Mapping[str, Any] | None) -> str:
    if not answer:
        return "—"
    if answer.get("error"):
        return f"错误：{answer['error']}"
    if not answer.get("found", True):
        return f"拒答：{answer.get('message') or '未找到'}"
    return str(answer.get("answer", ""))


def failures_html(questions: Iterable[Mapping[str, Any]]) -> str:
    """A table of the failing questions (records of ``evals.run.run_eval``):
    expected answers against what came back."""
    rows = []
    for q in questions:
        if q.get("pass"):
            continue
        exp = q.get("expected")
        exp_text = "（应拒答）" if exp == [] else ("、".join(exp) if exp else "—")
        rows.append(
            "<tr>"
            + "".join(
                f'<td style="{_TD}">{esc(v)}</td>'
                for v in (
                    q.get("id", ""),
                    q.get("type", ""),
                    q.get("question", ""),
                    exp_text,
                    _got(q.get("answer")),
                    q.get("why", ""),
                )
            )
            + "</tr>"
        )
    if not rows:
        return notice("全部通过，没有失败的问题。", "ok")
    head = "".join(
        f'<th style="border:1px solid #e5e7eb;padding:4px 6px;background:#f3f4f6">{h}</th>'
        for h in ("id", "题型", "问题", "期望 expected", "实际 got", "原因 why")
    )
    return (
        f'<div class="pq-failures"><div style="{_MUTED}">未通过 {len(rows)} 题</div>'
        '<table style="border-collapse:collapse;width:100%">'
        f"<tr>{head}</tr>{''.join(rows)}</table></div>"
    )
