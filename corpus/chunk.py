"""Sentence-aligned passages, bounded in size, never crossing a section."""

from __future__ import annotations

import re

_SENT_END = re.compile(r"[。!?;!?;]+|\n")
# Closing marks that stay with the sentence they end ("…实施。”").
_CLOSERS = "”’)）」』"
_CLAUSE_END = re.compile(r"[,，、:：]")


def split_sentences(
    norm: str, start: int, end: int, text: str | None = None
) -> list[tuple[int, int]]:
    """Sentence spans of ``norm[start:end]`` with surrounding whitespace dropped.

    Args:
        norm: normalised document text (same offsets as the original).
        start: first offset to consider.
        end: one past the last offset.
        text: the original text; its quote marks tell a closing quote (kept
            with the sentence) from an opening one (normalisation folds both
            to ``"``). Without it, quotes after a full stop start the next
            sentence.

    Returns:
        (start, end) offsets, in order, non-empty and non-overlapping.
    """
    marks = text if text is not None else norm
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(norm, start, end):
        stop = m.end()
        if m.group(0) == "\n" and _title_wrapped(norm, m.start(), end):
            continue
        if m.group(0) != "\n":
            while stop < end and marks[stop] in _CLOSERS:
                stop += 1
        if stop <= pos:
            continue
        _append(norm, spans, pos, stop)
        pos = stop
    _append(norm, spans, pos, end)
    return spans


def _title_wrapped(norm: str, at: int, end: int) -> bool:
    """Whether the line break at ``at`` only wraps a title in 《》 onto lines of its own
    ("发表了题为《\n我呼吁\n》的文章", as pages converted from the web write it): the line
    ends on its opening mark, or the next opens on its closing one."""
    before = norm[max(0, at - _WRAP_REACH) : at].rstrip(" \t\u3000")
    after = norm[at + 1 : min(end, at + 1 + _WRAP_REACH)].lstrip(" \t\u3000")
    return before.endswith("《") or after.startswith("》")


_WRAP_REACH = 8  # spaces looked past around a line break for a title's mark


def _append(norm: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and norm[s].isspace():
        s += 1
    while e > s and norm[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def _split_long(norm: str, s: int, e: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at clause boundaries (or hard, if none)."""
    out: list[tuple[int, int]] = []
    while e - s > max_chars:
        cut = -1
        for m in _CLAUSE_END.finditer(norm, s + max_chars // 2, s + max_chars):
            cut = m.end()
        if cut <= s:
            cut = s + max_chars
        out.append((s, cut))
        s = cut
    out.append((s, e))
    trimmed: list[tuple[int, int]] = []
    for ps, pe in out:
        _append(norm, trimmed, ps, pe)
    return trimmed


def pack(
    norm: str,
    start: int,
    end: int,
    target: int = 160,
    max_chars: int = 320,
    text: str | None = None,
) -> list[tuple[int, int]]:
    """Group whole sentences of one section body into passages.

    Sentences are added to a passage while it stays under ``target``
    characters; a paragraph break starts a new passage once the current one
    has half the target, and a single sentence longer than ``max_chars`` is
    cut at clause boundaries.

    Returns:
        (start, end) offsets of passages; each is a run of whole sentences.
    """
    passages: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for s, e in split_sentences(norm, start, end, text):
        for ps, pe in _split_long(norm, s, e, max_chars):
            new_para = cur is not None and "\n" in norm[cur[1] : ps]
            if cur is None:
                cur = (ps, pe)
            # A paragraph break ends a passage unless it is still short (one-line
            # paragraphs of reports whose layout was lost are merged).
            elif (new_para and cur[1] - cur[0] >= target // 2) or pe - cur[0] > target:
                passages.append(cur)
                cur = (ps, pe)
            else:
                cur = (cur[0], pe)
    if cur is not None:
        passages.append(cur)
    return passages
