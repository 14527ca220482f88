"""What a thing is to be like, as a series of short words before it ("打造可审核、可监督、
可追溯、可信赖的人工智能技术", "建设更高质量、更有效率、更加公平、更可持续的…"): three or
more words of one make (as long, or opening alike) set apart by 、 and joined to the noun by
的. The items are those words; the list is named by its clause and the noun. So are phrases
opening alike that close a clause ("支持全业务网上办理、全流程依法公开、全方位智能服务,…").

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import (
    LEAD_VERBS,
    Enumeration,
    Item,
    sentence_end,
    sentence_start,
    shared_words,
    split_at,
)
from corpus.model import Document

MIN_WORDS = 3  # two words are a pair, not a list
_SERIES = re.compile(
    r"((?:[^、,;。:!?\n的\"\d]{2,6}、){2,}[^、,;。:!?\n的\"\d]{2,6})的([\u4e00-\u9fff]{2,10})"
)


def modifier_series(doc: Document) -> list[Enumeration]:
    """Series of :data:`MIN_WORDS` or more short words of one make before 的 and a noun."""
    norm, out = doc.norm, []
    for m in _SERIES.finditer(norm):
        spans = _pieces(norm, m.start(1), m.end(1))
        words = [norm[a:b] for a, b in spans]
        if len(words) < MIN_WORDS or not _one_make(words):
            continue
        out.append(_series(doc, m.start(), m.end(), spans, f"的{m.group(2)}"))
    return out


# "支持全业务网上办理、全流程依法公开、全方位智能服务,实现…": a series closing its clause.
# (the first piece read from the clause's start: what opens it before the first phrase is cut)
_CLOSING = re.compile(
    r"(?:^|(?<=[,;:。!?\n]))([^、,;。:!?\n\"\d]{2,24}、(?:[^、,;。:!?\n的\"\d()]{2,8}、)+"
    r"[^、,;。:!?\n的\"\d()]{2,8})(?=[,;。:!?\n])",
    re.M,
)


_PLACE_LEVELS = "省市区县乡镇村国"


def opening_alike_series(doc: Document) -> list[Enumeration]:
    """A clause closing on :data:`MIN_WORDS` or more phrases set apart by 、 that all open
    with the same character ("…支持全业务网上办理、全流程依法公开、全方位智能服务"), its verb
    no part of the first; named by the clause's words before it."""
    norm, out = doc.norm, []
    for m in _CLOSING.finditer(norm):
        spans = _pieces(norm, m.start(1), m.end(1))
        opening = norm[spans[1][0]]
        (a, b), rest = spans[0], spans[1:]
        first = norm.rfind(opening, a, b - 1)  # the first phrase: from its opening character
        if first < 0 or len({norm[x] for x, _ in rest}) != 1 or len(rest) < MIN_WORDS - 1:
            continue
        if opening in _PLACE_LEVELS:
            continue  # bodies named by their place ("市经信局、市科技局…")
        spans = [(first, b), *rest]
        if b - first > max(y - x for x, y in rest) + 1:
            continue  # (a longer first piece is a clause of its own)
        out.append(_series(doc, m.start(), m.end(), spans, ""))
    return out


# "实施初创科技企业育苗、小微高新技术企业跃升、骨干高新技术企业瞪羚、领军企业引领计划": a verb,
# then phrases naming one kind of thing each, the noun they are all of written once, last.
_SHARED_SERIES = re.compile(
    r"(?:^|(?<=[,;:。!?\n]))([^、,;。:!?\n\"\d]{2,24}、(?:[^、,;。:!?\n的\"\d()]{4,12}、)+"
    r"[^、,;。:!?\n的\"\d()]{4,14})(?=[,;。:!?\n])",
    re.M,
)
SHARED_WORD = 2  # characters of the word every phrase holds ("企业")


def shared_word_series(doc: Document) -> list[Enumeration]:
    """A clause of a leading verb and :data:`MIN_WORDS` or more phrases set apart by 、 that
    all hold one word past their first characters (their own words differ): the phrases,
    named by the clause's words before them and the noun closing the last (what they are
    all of: "…领军企业引领计划")."""
    norm, out = doc.norm, []
    for m in _SHARED_SERIES.finditer(norm):
        spans = _pieces(norm, m.start(1), m.end(1))
        a = spans[0][0]
        if LEAD_VERBS.match(norm, m.start(1)) is None or a == m.start(1):
            continue  # (no verb leading the first phrase)
        words = [norm[x:y] for x, y in spans]
        if len(words) < MIN_WORDS or _one_make(words) or not shared_words(words, 1, SHARED_WORD):
            continue
        out.append(_series(doc, m.start(), m.end(), spans, words[-1][-SHARED_WORD:]))
    return out


def _series(
    doc: Document, start: int, end: int, spans: list[tuple[int, int]], tail: str
) -> Enumeration:
    """The series of words at ``spans`` (matched from ``start`` to ``end``), named by its
    section, its own clause's words before the first and ``tail`` (the noun they describe)."""
    norm = doc.norm
    s, e = sentence_start(norm, start), sentence_end(norm, end)
    clause = max(norm.rfind(c, s, start) for c in ",;:") + 1
    path = doc.path_at(start)
    head = f"{path} {norm[max(clause, s) : spans[0][0]]} {tail}".strip()
    items = tuple(Item(a, b, s, e) for a, b in spans)
    return Enumeration("inline", path, s, e, head, 0, items)


def _pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words between 、, the first without the verb leading the series ("打造可审核")."""
    spans = split_at(norm, start, end, "、")
    a, b = spans[0]
    verb = LEAD_VERBS.match(norm, a, b)
    if verb is not None and b - verb.end() >= 2:
        spans[0] = (verb.end(), b)
    return spans


def _one_make(words: list[str]) -> bool:
    """Words of one make: all as long, or all opening with the same character."""
    return len({len(w) for w in words}) == 1 or len({w[0] for w in words}) == 1
