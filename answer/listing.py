"""A list question's answer: a whole enumeration item by item, or else the clause
that enumerates (cut at its separators)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from answer.extract import MAX_SPAN, Candidate, fits
from answer.lists import best_list
from answer.policy import CONFIG
from answer.results import Result, citation_of, quote_of
from answer.signals import Signals, canon, coverage
from corpus.enumerations import Enumeration
from corpus.model import Document
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
    found = best_list(q, sig, list(docs.values()), near, lists_of)
    if found is None:
        return None
    doc, en = found.doc, found.enumeration
    cites = []
    for item in en.items:
        section = doc.section_at(item.sent_start)
        path = section.path_str if section else en.section
        span = _whole_item(doc.norm, item.start, item.end, item.sent_end)
        cites.append(quote_of(doc, path, item.sent_start, item.sent_end, span))
    parts = tuple(doc.text[c.span_start : c.span_end] for c in cites)
    return Result(True, "；".join(parts), cites[0], None, tuple(cites[1:]), items=parts)


# "通过担保业务奖补、贷款风险补偿、贷款贴息等方式": three or more items before 等.
_SERIES = re.compile(r"(?:[^、,;。:\s]{2,24}、){2,}[^、,;。:\s]{2,24}?(?=等)")


# Words that introduce a series ("聚焦生命健康、…", "通过担保业务奖补、…"): its first item follows.
_INTRO = re.compile(r".*(?:通过|聚焦|围绕|包括|采取|依托|涵盖|覆盖|重点发展|培育|打造)")


def series(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the first 、-series closed by 等 in ``norm[start:end]``, from the word that
    introduces it."""
    found = list(_SERIES.finditer(norm, start, end))
    if not found:
        return []
    m = found[0]
    out: list[tuple[int, int]] = []
    pos = m.end()
    for piece in reversed(m.group(0).split("、")):
        pos -= len(piece)
        lead = _INTRO.search(piece)  # "…通过担保业务奖补": the series starts after 通过
        out.insert(0, (pos + lead.end(), pos + len(piece)) if lead else (pos, pos + len(piece)))
        if lead:
            break
        pos -= 1
    return out


# "主要盯哪几个领域", "有哪些方式": the noun a list question asks for.
_ASKED_NOUN = re.compile(r"哪(?:几|些)(?:个|类|种|项)?([\u4e00-\u9fff]{2})")


def named_series(q: Query, sig: Signals, cands: list[Candidate]) -> Result | None:
    """A series closed by 等 and the very noun the question asks for ("聚焦A、B、C等领域"
    for "哪几个领域"), in a fitting candidate's sentence."""
    asked = _ASKED_NOUN.search(q.norm)
    if asked is None:
        return None
    for c in cands[: CONFIG.lists.series_candidates]:
        norm, clause = c.doc.norm, c.clause
        items = series(norm, clause.sent_start, clause.sent_end)
        if len(items) < 3 or not norm.startswith(f"等{asked.group(1)}", items[-1][1]):
            continue
        # The noun names what is listed; the sentence itself must name what else is asked
        # ("人才招引…哪几个领域": 人才), not only the heading above it.
        rest = replace(sig, terms=tuple(t for t in sig.terms if t.text != asked.group(1)))
        if coverage(rest, canon(clause.sent_norm)) < CONFIG.lists.series_own:
            continue
        if fits(q, sig, c, min_cov=CONFIG.lists.series_cov):
            return _items_result(c, items)
    return None


def _items_result(best: Candidate, items: list[tuple[int, int]]) -> Result:
    """Each item its own part, quoted in the candidate's sentence."""
    cites = [citation_of(best, span) for span in items]
    parts = tuple(best.doc.text[s:e] for s, e in items)
    return Result(True, "；".join(parts), cites[0], None, tuple(cites[1:]), items=parts)


def list_result(best: Candidate) -> Result:
    """A list question's answer when no enumeration fits: the items of a 、-series ending
    in 等 in the best clause's sentence, else the best clause."""
    c = best.clause
    # The clause's own series; another clause's only when this one enumerates nothing.
    items = series(best.doc.norm, c.start, c.end)
    if not items and "、" not in c.norm:
        items = series(best.doc.norm, c.sent_start, c.sent_end)
    if len(items) >= 3 and all(e - s <= MAX_SPAN for s, e in items):
        return _items_result(best, items)
    # The enumerating clause. A long one is cut at its separators into items, each its
    # own part with its own citation (the same sentence, the item as its span).
    s, e = best.clause.start, best.clause.end
    if e - s <= MAX_SPAN:
        return Result(True, best.doc.text[s:e], citation_of(best, (s, e)), None)
    cites = [citation_of(best, span) for span in _pieces(best.doc.norm, s, e)]
    parts = tuple(best.doc.text[c.span_start : c.span_end] for c in cites)
    return Result(True, "；".join(parts), cites[0], None, tuple(cites[1:]), items=parts)


def _whole_item(norm: str, start: int, end: int, sent_end: int) -> tuple[int, int]:
    """An item's lead phrase, or its whole sentence when that is short: "一是千方百计稳住
    实体经济,转型质效全面提升。" is one item of two halves, not its first clause."""
    stop = sent_end
    while stop > end and norm[stop - 1] in "。;,!? \n":
        stop -= 1
    whole = stop - start <= MAX_SPAN and "\n" not in norm[end:stop]
    return (start, stop) if whole and stop > end else (start, end)


def _pieces(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the items of an enumerating clause (split at 、/和/及), each ≤ MAX_SPAN."""
    out, pos = [], start
    for m in [*re.finditer(r"[、和及]", norm[start:end]), None]:
        stop = start + m.start() if m else end
        a, b = pos, stop
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, min(b, a + MAX_SPAN)))
        pos = start + m.end() if m else end
    return out or [(start, min(end, start + MAX_SPAN))]
