"""Sentences that each open on the thing they are about, all things of one kind.

"培育壮大新兴产业。…。LED光电产业聚焦打造…。光伏产业加快光伏玻璃生产线…。装备制造产业加快
推进…。新材料产业围绕…。": a run of sentences of one paragraph, each opening with a short
name ending on the same word (产业) and going straight on to what is done for it, lists
those names, named by the paragraph's opening sentence and its section (as
:func:`corpus.section_leads.shared_noun_points` reads points set apart by semicolons).

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import LEAD_VERBS, Enumeration, Item
from corpus.model import Document
from corpus.section_leads import MIN_POINTS, SHARED, named_points

TOPIC_MIN = 4  # a name of the kind: at least two characters before its closing word
TOPIC_MAX = 12  # …and short: a longer opening is a clause, not a name

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^。]+。?")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fffa-z0-9]+")
# Openings that name nothing: a numbered point, what must be done, who speaks
_NOT_A_NAME = re.compile(r"[一二三四五六七八九十]+是|要|我|这|该|其|各|对")
_BOUND = re.compile(r"以[上下内来]")  # "亿元以上项目": a figure's bound, no verb
_MODALS = "要将应须可也还都"


def topic_sentences(doc: Document) -> list[Enumeration]:
    """Runs of :data:`MIN_POINTS` or more sentences of one paragraph whose openings name
    things of one kind: those names."""
    out: list[Enumeration] = []
    for para in _PARAGRAPH.finditer(doc.norm):
        run: list[Item] = []
        for m in _SENTENCE.finditer(doc.norm, para.start(), para.end()):
            at = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000"))
            end = _name_end(doc.norm[at : m.end()])
            item = Item(at, at + end, at, m.end()) if end else None
            if run and (item is None or _word(doc, item) != _word(doc, run[0])):
                _close(doc, run, out)
                run = []
            if item is not None:
                run.append(item)
        _close(doc, run, out)
    return out


def _name_end(sentence: str) -> int:
    """Where the name a sentence opens with ends: right before the verb doing something for
    it ("光伏产业加快…": 光伏产业), a run of name characters of :data:`TOPIC_MIN` to
    :data:`TOPIC_MAX`; 0 when it opens otherwise (on a verb, or a clause)."""
    opening = _NAME_CHARS.match(sentence)
    if opening is None or LEAD_VERBS.match(sentence) or _NOT_A_NAME.match(sentence):
        return 0
    last = min(TOPIC_MAX, opening.end() - 1)
    for k in range(TOPIC_MIN, last + 1):
        if LEAD_VERBS.match(sentence, k) and not _BOUND.match(sentence, k):
            # (what it must do is no part of its name: "智能家电产业要…")
            k -= len(sentence[:k]) - len(sentence[:k].rstrip(_MODALS))
            return k if k >= TOPIC_MIN else 0
    return 0


def _word(doc: Document, item: Item) -> str:
    """The word a name closes on (its kind: 产业 of 光伏产业)."""
    return doc.norm[item.end - SHARED : item.end]


def _close(doc: Document, run: list[Item], out: list[Enumeration]) -> None:
    """Keep a run long enough, of names told apart (the same name again is one thing)."""
    if len(run) >= MIN_POINTS and len({doc.norm[i.start : i.end] for i in run}) == len(run):
        out.append(named_points(doc, run[0].sent_start, tuple(run)))
