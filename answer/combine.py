"""A question's answer from the results of its parts."""

from __future__ import annotations

from answer.model import Answer
from answer.results import Result, dated_label, refusal
from answer.span_table import span_text
from answer.table import differ_note
from retrieval.query import Query


def combined(q: Query, results: list[Result], labels: list[str]) -> Answer:
    """The answer of a question from its parts' results (one for a single question), each
    figure with its label; a refusal when no part was found."""
    found = [r for r in results if r.found]
    if not found:
        return refusal(q, tuple(r.related for r in results if r.related)[:3])
    parts = tuple(p for r in found for p in (r.items or (r.span,)))
    cites = tuple(c for r in found for c in (r.citation, *r.extra) if c) + tuple(
        c for r in found for c in r.conflicts
    )
    message = ""
    if len(found) < len(results):
        message = "部分问题在文档中未找到答案。"
    elif any(r.conflicts for r in found):
        message = differ_note([(span_text(c), c) for r in found for c in r.conflicts])
    kept = [label for r, label in zip(results, labels, strict=True) if r.found]
    if any(r.items for r in found) or not any(kept):
        kept = []  # a part answered by a list names its items; no label per figure
    kept = [dated_label(lab, r.citation) for r, lab in zip(found, kept, strict=False)]
    spans = (
        [f"{lab}：{r.span}" if lab else r.span for r, lab in zip(found, kept, strict=True)]
        if kept
        else [r.span for r in found]
    )
    return Answer(
        q.text,
        True,
        "；".join(spans),
        cites,
        message=message,
        parts=parts,
        intent=q.intent,
        labels=tuple(kept),
    )
