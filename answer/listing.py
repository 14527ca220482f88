"""A list question's answer: a whole enumeration item by item, or else the clause
that enumerates (cut at its separators)."""

from __future__ import annotations

import re
from collections.abc import Callable

from answer.clauses import clauses_of
from answer.extract import MAX_SPAN, Candidate, fits
from answer.list_except import excepted, kept_items
from answer.list_items import item_texts, names_subject
from answer.lists import best_list
from answer.policy import CONFIG
from answer.results import Result, citation_of, quote_of
from answer.signals import Signals
from corpus.enumerations import Enumeration
from corpus.model import Document
from retrieval.naming import OPENING, name_fit, names_document, other_kind, titles_document
from retrieval.query import Query


def enumeration_result(
    q: Query,
    sig: Signals,
    cands: list[Candidate],
    lists_of: Callable[[str], tuple[Enumeration, ...]],
) -> Result | None:
    """A list question answered by a whole enumeration of a document, item by item."""
    docs: dict[str, Document] = {}
    near: dict[str, list[tuple[int, int]]] = {}
    for c in cands:
        if c.region < 0 or c.year < 0:
            continue
        if c.doc.doc_id not in docs and len(docs) < CONFIG.lists.docs:
            docs[c.doc.doc_id] = c.doc
        if len(near.get(c.doc.doc_id, [])) < 3:
            near.setdefault(c.doc.doc_id, []).append((c.clause.start, c.clause.end))
    # A question naming its document ("…的那个指导意见,提了哪几条基本原则") asks for that
    # document's list, however well another's heading reads (when one of those it names
    # lists it at all: a name may fit several documents, none of them the one meant).
    named = [d for d in docs.values() if names_document(q.doc_name, d)]
    # …of a 指导意见 and the 实施意见 carrying it out, the one named
    named = [d for d in named if not _other_kind(q.doc_name, d)] or named
    # …the one it fits best ("国家智能制造标准体系建设指南" over the 建材行业…指南 of that year;
    # an untitled "智慧旅游是…" opening for "促进智慧旅游发展的指导意见" over the titled 智慧城市
    # one, which lacks 旅游)
    fit = {d.doc_id: name_fit(q.doc_name, d) for d in named}
    best_fit = max(fit.values(), default=0.0)
    named = [d for d in named if fit[d.doc_id] == best_fit]
    # …then the one it is the title of (another may only open by citing it)
    named = [d for d in named if titles_document(q.doc_name, d)] or named
    found = (best_list(q, sig, named, near, lists_of) if named else None) or best_list(
        q, sig, list(docs.values()), near, lists_of
    )
    if found is None:
        return None
    doc, en = found.doc, found.enumeration
    cites = []
    starts = [i.start for i in en.items[1:]] + [len(doc.norm)]
    # (without the items the question sets aside: "除了总体要求和组织保障,…")
    kept = kept_items(excepted(q.norm), item_texts(doc, en))
    for n, (item, next_start) in enumerate(zip(en.items, starts, strict=True)):
        if n not in kept:
            continue
        section = doc.section_at(item.sent_start)
        path = section.path_str if section else en.section
        sent = (item.sent_start, item.sent_end)
        span = _whole_item(doc.norm, item.start, item.end, sent, next_start)
        cites.append(quote_of(doc, path, item.sent_start, item.sent_end, span))
    parts = tuple(doc.text[c.span_start : c.span_end] for c in cites)
    return Result(True, "；".join(parts), cites[0], None, tuple(cites[1:]), items=parts)


def _other_kind(name: str, doc: Document) -> bool:
    return other_kind(name, doc.title, doc.doc_id, doc.norm[:OPENING])


# "通过担保业务奖补、贷款风险补偿、贷款贴息等方式": three or more items before 等.
_SERIES = re.compile(r"(?:[^、,;。:\s]{2,24}、){2,}[^、,;。:\s]{2,24}?(?=等)")


def unlisted_subject(q: Query, sig: Signals, best: Candidate, cands: list[Candidate]) -> Candidate:
    """Of the fitting clauses, the best one whose pieces do not list what the question asks
    about as one of them ("医疗影像设备要攻关哪些关键件": "聚焦盾构机、…、医疗影像设备、…等
    关键件" lists its siblings); ``best`` when every one does, or the question sets it aside."""
    if excepted(q.norm) or not _lists_subject(q, best):
        return best
    return next(
        (c for c in cands if c is not best and fits(q, sig, c) and not _lists_subject(q, c)),
        best,
    )


def _lists_subject(q: Query, cand: Candidate) -> bool:
    """Whether one of the clause's pieces (:func:`_pieces`) is what the question asks about
    (:func:`~answer.list_items.names_subject`)."""
    norm = cand.doc.norm
    pieces = [norm[a:b] for a, b in _pieces(norm, cand.clause.start, cand.clause.end)]
    return len(pieces) >= 3 and names_subject(q.norm, pieces)


def list_result(best: Candidate) -> Result:
    """A list question's answer when no enumeration fits: the enumerating clause. A long
    one is cut at its separators into items, each its own part with its own citation (the
    same sentence, the item as its span), so no item is dropped."""
    s, e = best.clause.start, best.clause.end
    points = _points_after(best)
    if points:
        cites = [citation_of(best, span) for span in points]
    elif e - s <= MAX_SPAN:
        return Result(True, best.doc.text[s:e], citation_of(best, (s, e)), None)
    else:
        cites = [citation_of(best, span) for span in _pieces(best.doc.norm, s, e)]
    parts = tuple(best.doc.text[c.span_start : c.span_end] for c in cites)
    return Result(True, "；".join(parts), cites[0], None, tuple(cites[1:]), items=parts)


def _points_after(best: Candidate) -> list[tuple[int, int]]:
    """ "大力发展新兴科学技术,建设原子能电站,发射多种应用卫星,加强激光…的研究,…。": a clause
    naming no items of its own that opens its sentence, followed by at least
    ``CONFIG.lists.points`` clauses: the points it heads, each clause one (none otherwise)."""
    c = best.clause
    if re.search(r"[、和及]", c.norm):
        return []
    clauses = clauses_of(best.doc.text[c.sent_start : c.sent_end], c.sent_start)
    after = [x for x in clauses if x.start >= c.end]
    if not clauses or clauses[0].start != c.start or len(after) < CONFIG.lists.points:
        return []
    return [(x.start, min(x.end, x.start + MAX_SPAN)) for x in after]


# What may stand before an item at the start of its sentence: its number, nothing else.
_MARK_ONLY = re.compile(
    r"\s*(?:[一二三四五六七八九十]+是|\(?[一二三四五六七八九十\d]+\)|[一二三四五六七八九十\d]+[、.])?\s*"
)


def _whole_item(
    norm: str, start: int, end: int, sent: tuple[int, int], next_start: int
) -> tuple[int, int]:
    """An item's lead phrase, or its whole sentence when the item opens it, it is short and
    holds no other item: "一是千方百计稳住实体经济,转型质效全面提升。" is one item of two
    halves, not its first clause; items inside a sentence keep their own words."""
    if not _MARK_ONLY.fullmatch(norm, sent[0], start):
        return start, end
    stop = min(sent[1], next_start)
    while stop > end and norm[stop - 1] in "。;,、!? \n":
        stop -= 1
    whole = stop - start <= MAX_SPAN and "\n" not in norm[end:stop]
    return (start, stop) if whole and stop > end else (start, end)


def _pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the items of an enumerating clause, each ≤ MAX_SPAN: its 、-pieces, the
    last cut at the 等 closing the series and split at the 和/及 joining the last two items
    ("组建国家开发银行、中国进出口银行和中国农业发展银行"); a 和 before the first 、 joins the
    words of one item or its verbs ("大型油气田和煤层气开发、…", "全面启动和组织实施…"). A
    clause without 、 is split at its 和/及."""
    cuts = [m.span() for m in _SERIES_MARK.finditer(norm, start, end)]
    if not cuts:
        return _spans(norm, start, end, [m.span() for m in _JOIN.finditer(norm, start, end)])
    last = cuts[-1][1]
    closing = _CLOSING.search(norm, last, end)
    stop = closing.start() if closing else end
    joined = [m.span() for m in _LAST_JOIN.finditer(norm, last, stop) if m.start() >= last + 2]
    return _spans(norm, start, stop, cuts + joined[-1:])


_SERIES_MARK = re.compile("、")
_JOIN = re.compile("[和及]")
_LAST_JOIN = re.compile("以及|[和及]")
# The 等 closing a series ("…载人航天与探月工程等16个重大专项"), not one inside a word (高等教育).
_CLOSING = re.compile(r"(?<![高平同对相均优中初上下次特一二三])等(?!级|于|同)")


def _spans(norm: str, start: int, end: int, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``norm[start:end]`` between ``marks`` (offsets in ``norm``), trimmed."""
    out, pos = [], start
    for mark_start, mark_end in [*sorted(marks), (end, end)]:
        a, b = pos, min(mark_start, end)
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, min(b, a + MAX_SPAN)))
        pos = mark_end
    return out or [(start, min(end, start + MAX_SPAN))]
