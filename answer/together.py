"""Figures of one question that a report writes in one sentence.

"甲市2023年净增高新技术企业多少家，总数到了多少" asks two figures that reports write
side by side ("净增高新技术企业超100家、总数超810家"). Each part of the question
borrows the other's words to find the sentence, so each, on its own, quotes the
figure that the borrowed words name. Here every figure of a sentence is read with
its own label (the words since the previous figure or clause mark: "总数超810家"),
and each part takes the figure whose label holds the words only that part says
(:func:`retrieval.query.own_words` of :attr:`retrieval.query.Query.segment`) and
whose unit its own words expect, one figure per part.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from answer.clause_subject import own_subject
from answer.extract import MAX_SPAN, Candidate
from answer.kinds import other_rate
from answer.policy import CONFIG
from answer.quantities import figures_for, numbers_in, unit_matches
from answer.question_words import QUESTION_PHRASES
from answer.results import Result, quote_of
from answer.scope_fit import level_fit
from answer.signals import Signals, canon, expected_unit, shared_pieces
from answer.spans import (
    TO_ASKED,
    item_shared,
    joined_sets,
    qualified,
    reached_at,
    respective_sets,
)
from answer.topic import topic_of
from corpus.model import Document
from corpus.normalize import bigrams
from corpus.plan_periods import PLAN_NAME
from retrieval.query import Query
from retrieval.segment_words import MOVED, own_words

_MARK = re.compile(r"[,;。:、]")
_LEADING = re.compile(r"(?:其中|同时|此外|另外|并|且|还|和|及)+")
_MAX_PARTS = 4
_MAX_FIGURES = 12


@dataclass(frozen=True)
class Labelled:
    """A figure of a sentence and the words that say what it counts.

    Attributes:
        start: where its label starts (offset in the sentence).
        value: where the figure itself starts.
        end: one past the figure (its unit included).
    """

    start: int
    value: int
    end: int


def labelled_figures(norm: str, units: Sequence[str] = ()) -> list[tuple[Labelled, re.Match[str]]]:
    """The figures of a (normalised) sentence, each with its label (the text since the
    previous figure or the previous clause mark, whichever is later) and its match; with
    the figures a part asking one of ``units`` also reads ("连续16年" for 连续几年)."""
    out: list[tuple[Labelled, re.Match[str]]] = []
    previous = 0
    found = figures_for(units[0], norm, *units[1:]) if units else numbers_in(norm)
    for m in found:
        marks = [x.end() for x in _MARK.finditer(norm, previous, m.start())]
        start = max([previous, *marks])
        lead = _LEADING.match(norm, start)
        out.append((Labelled(lead.end() if lead else start, m.start(), m.end()), m))
        previous = m.end()
    return out


def read_labels(norm: str, figures: Sequence[tuple[Labelled, re.Match[str]]]) -> list[str]:
    """Each figure's label as read: a label naming no subject of its own ("保有量达67家",
    "强度达1.91%") continues the subject of the label before it ("新增高新技术企业备案11家,
    保有量达67家"), so the words of that label are read with it."""
    out: list[str] = []
    subject = ""  # the words before the previous figure, as read
    for f, _m in figures:
        words = norm[f.start : f.value]
        if out and not own_subject(norm[f.start : f.end]):
            words = subject + words
        subject = words
        out.append(words + norm[f.value : f.end])
    return out


def _asked(part: Query) -> str:
    """What a part itself asks: its own segment and the ask shared by every part."""
    return part.segment + part.shared_ask


def own_score(part: Query, label: str) -> int:
    """How well a (normalised) label names what the part itself asks."""
    return shared_pieces(own_words(_asked(part)), label)


def _read_score(words: str, own: str, read: str) -> int:
    """How well a figure names a part's own ``words``: by its label as read (with the
    subject it continues), when its own label names some of them ("保有量达67家" for
    高企保有量); a bare change ("同比增长16.4%") names nothing of a part asking the amount,
    and a figure counted at another level (省级 for 市级) nothing of a part asking its level."""
    if level_fit(words, own) < 0 or shared_pieces(words, own) == 0:
        return 0
    return shared_pieces(words, read)


def assign(parts: Sequence[Query], norm: str) -> list[Labelled] | None:
    """One figure of the sentence per part, each part's own words in its figure's label
    (of the unit its own words expect, when they expect one), the best total; None when
    some part's words name no figure of the sentence."""
    paired = _respective(parts, norm)
    if paired is not None:
        return paired
    units = [expected_unit(_asked(part)) for part in parts]
    # (…none the question writes itself: "营收50亿以上的企业" asks no 50亿)
    figures = [x for x in labelled_figures(norm, units) if not _given(x[1].group(0), parts)]
    figures = figures[:_MAX_FIGURES]
    if all(TO_ASKED.search(p.norm) for p in parts):  # (not "从多少提高到了多少")
        figures = _reached(norm, figures)
    if not 2 <= len(parts) <= _MAX_PARTS or len(figures) < len(parts):
        return None
    words = [own_words(_asked(part)) for part in parts]
    labels = read_labels(norm, figures)
    scores = [
        [
            _read_score(own, norm[f.start : f.end], label)
            if unit_matches(unit, m) and not other_rate(asked, norm[f.start : f.end])
            else 0
            for (f, m), label in zip(figures, labels, strict=True)
        ]
        for own, unit, asked in zip(words, units, (p.norm for p in parts), strict=True)
    ]
    # The best total; among equals, figures nearest each other and in the question's
    # order (a report writes a figure's growth right after it: "认定…245家、增长23.3%").
    best: tuple[int, int, int, tuple[int, ...]] | None = None
    for chosen in itertools.permutations(range(len(figures)), len(parts)):
        got = [scores[i][j] for i, j in enumerate(chosen)]
        backwards = sum(1 for a, b in itertools.combinations(chosen, 2) if a > b)
        key = (sum(got), min(chosen) - max(chosen), -backwards, chosen)
        if min(got) > 0 and (best is None or key[:3] > best[:3]):
            best = key
    return None if best is None else [figures[j][0] for j in best[3]]


def _reached(
    norm: str, figures: list[tuple[Labelled, re.Match[str]]]
) -> list[tuple[Labelled, re.Match[str]]]:
    """The figures with each change read as the figure it reaches, labelled by the words
    before the one it starts from ("将制造业等行业现行16%的税率降至13%": 13%, labelled
    "将制造业等行业现行…的税率降至")."""
    out: list[tuple[Labelled, re.Match[str]]] = []
    skip = -1
    for f, m in figures:
        if f.value == skip:
            continue
        at = reached_at(norm, f.end)
        reached = next((x for x in figures if x[0].value == at), None)
        if reached is None:
            out.append((f, m))
            continue
        skip = reached[0].value
        out.append((Labelled(f.start, reached[0].value, reached[0].end), reached[1]))
    return out


_VERB_BEFORE = 6  # characters before a pairing's first figure that say how it moved


def _respective(parts: Sequence[Query], norm: str) -> list[Labelled] | None:
    """ "一产、二产、三产增加值分别增长4%、7.5%、6.2%" asked of 二产 and 三产: each part's
    figure is the one of the item its own words name (one item each, no two alike)."""
    moved = any(MOVED.search(p.norm) for p in parts)
    for pairs in respective_sets(norm) + joined_sets(norm):
        if any(_given(m.group(0), parts) for _, m in pairs):
            continue  # "营收50亿以上的企业…补贴上限": the question's own figure answers nothing
        # "…、农民人均纯收入年均增长8%和5%左右" holds no amounts asked ("各是多少")
        before = norm[max(0, pairs[0][1].start() - _VERB_BEFORE) : pairs[0][1].start()]
        if not moved and MOVED.search(before):
            continue
        got = _items_asked(parts, pairs)
        if got is not None:
            return got
    return None


_VALUE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(\S?)")


@lru_cache(maxsize=256)
def _written(norms: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The figures the parts' texts write: each value with its unit's first character."""
    return frozenset((m.group(1), m.group(2)) for n in norms for m in _VALUE.finditer(n))


def _given(figure: str, parts: Sequence[Query]) -> bool:
    """Whether the question writes a figure itself, its value and its unit's first
    character ("上年营收50亿以上的企业" writes "50 亿元", not "50 万元")."""
    m = _VALUE.match(figure.strip())
    return m is not None and (m.group(1), m.group(2)) in _written(tuple(p.norm for p in parts))


def _items_asked(
    parts: Sequence[Query], pairs: list[tuple[str, re.Match[str]]]
) -> list[Labelled] | None:
    """Each part's figure among a sentence's item-figure pairs: the one item its own words
    name best, one item each, no two alike; read by its own segment first (the words every
    part shares, "青岛…智算谷,对…博士和硕士各补贴多少", tell none apart), then with the ask
    they share."""
    chosen = _year_items(parts, pairs)  # "2024年、2025年分别突破2.2万亿元、2.4万亿元"
    if chosen is not None:
        return [Labelled(m.start(), m.start(), m.end()) for _, m in (pairs[i] for i in chosen)]
    for asked in (lambda p: p.segment, _asked):
        chosen = _best_items(parts, pairs, asked)
        if chosen is not None:
            return [Labelled(m.start(), m.start(), m.end()) for _, m in (pairs[i] for i in chosen)]
    return None


_YEAR_ITEM = re.compile(r"((?:19|20)\d{2})年?(?:底|末)?")


def _year_items(parts: Sequence[Query], pairs: list[tuple[str, re.Match[str]]]) -> list[int] | None:
    """The item of each part's year, when every item is a year and each part asks one of
    them, no two parts the same (a year's own words name it: "2024年" is no piece of
    "2024-2025年", which names both); None otherwise."""
    years = [m.group(1) if (m := _YEAR_ITEM.fullmatch(item)) else None for item, _ in pairs]
    if None in years:
        return None
    chosen = []
    for part in parts:
        own = [years.index(str(y)) for y in part.years if str(y) in years]
        if len(own) != 1:
            return None
        chosen.append(own[0])
    return chosen if len(set(chosen)) == len(chosen) else None


def _best_items(
    parts: Sequence[Query], pairs: list[tuple[str, re.Match[str]]], asked: Callable[[Query], str]
) -> list[int] | None:
    """The index of the item each part's ``asked`` words name best, or None when one names
    none, two alike, or two parts the same item."""
    chosen = []
    for part in parts:
        own = own_words(asked(part))
        scores = [item_shared(own, item) for item, _ in pairs]
        top = max(scores)
        if top <= 0 or scores.count(top) > 1:
            return None
        chosen.append(scores.index(top))
    return chosen if len(set(chosen)) == len(chosen) else None


def _speaks_of(parts: Sequence[Query], sent: str) -> bool:
    """Whether a sentence (with its context) holds most of each part's own words
    (``respective_words``)."""
    held = bigrams(canon(sent))
    for part in parts:
        # (not the words naming the document or its period: "政府工作报告提出“十三五”")
        words = PLAN_NAME.sub(" ", QUESTION_PHRASES.sub(" ", own_words(_asked(part))))
        own = bigrams(canon(words))
        if own and len(own & held) < CONFIG.respective_words * len(own):
            return False
    return True


def respective_results(parts: Sequence[Query], cands: Sequence[Candidate]) -> list[Result] | None:
    """Every part's figure from one sentence pairing items with figures ("规上工业增加值、
    固定资产投资、社会消费品零售总额分别增长7.5%、7.0%、8.3%") among the whole question's
    best candidates (in their order, of the place and time asked), when each part's own words
    name one item of it; None when no such sentence is among them."""
    seen = set()
    for c in cands:
        start, end = c.clause.sent_start, c.clause.sent_end
        if (c.doc.doc_id, start) in seen or c.region < 0 or c.year < 0:
            continue
        seen.add((c.doc.doc_id, start))
        sent = c.doc.norm[start:end]
        # (the words of what the document is about are every sentence's: "…智算谷,对…")
        got = _respective(parts, sent) if _speaks_of(parts, f"{sent} {topic_of(c.doc)}") else None
        if got is None:
            continue
        pairs = zip(got, parts, strict=True)
        spans = [qualified(c.doc.norm, span_of(f, start), p.norm) for f, p in pairs]
        section = c.passage.section
        return [
            Result(True, c.doc.text[a:b], quote_of(c.doc, section, start, end, (a, b)), None)
            for a, b in spans
        ]
    return None


def breakdown(question_norm: str, sent_norm: str, chosen: tuple[int, int]) -> Labelled | None:
    """A part of the chosen figure that the question asks for: "15项成果获奖,其中一等奖6项"
    asked "一等奖有几项". A later figure of the sentence whose label starts with 其中 and
    holds at least two pieces of the question's words that the chosen span lacks."""
    if "其中" not in sent_norm[chosen[1] :]:
        return None  # the common case, at once: no breakdown after the chosen figure
    own = bigrams(canon(own_words(question_norm)))
    had = bigrams(canon(sent_norm[chosen[0] : chosen[1]]))
    unit = expected_unit(question_norm)
    for f, m in labelled_figures(sent_norm):
        if f.value < chosen[1] or not sent_norm[: f.start].endswith("其中"):
            continue
        if (
            unit_matches(unit, m)
            and len((own - had) & bigrams(canon(sent_norm[f.start : f.end]))) >= 2
        ):
            return f
    return None


def same_scope(parts: Sequence[Query]) -> bool:
    """Whether the parts ask of one place, time and kind (actual or target), so that
    one sentence may hold all their figures; a part naming no place, year or half
    shares the others'."""

    def agree(values: list[object]) -> bool:
        return len({v for v in values if v}) <= 1

    return (
        agree([p.regions[:1] for p in parts])
        and agree([p.years for p in parts])
        and agree([p.half for p in parts])
        and len({p.wants_target for p in parts}) == 1
    )


def span_of(f: Labelled, offset: int = 0) -> tuple[int, int]:
    """A figure's short answer: its label and the figure, at most MAX_SPAN long (plus
    ``offset``: where the sentence starts)."""
    return offset + max(f.start, f.end - MAX_SPAN), offset + f.end


def one_sentence(
    parts: list[Query], results: list[Result], documents: Mapping[str, Document]
) -> list[Result] | None:
    """Every part's figure from one sentence a part was answered from, when each part's
    own words label a figure of it no worse than the part's own answer did."""
    seen = set()
    for c in (r.citation for r in results if r.found and r.citation):
        if (c.doc_id, c.start) in seen:
            continue
        seen.add((c.doc_id, c.start))
        doc = documents[c.doc_id]
        got = assign(parts, doc.norm[c.start : c.end])
        if got is None:
            continue
        spans = [
            qualified(doc.norm, span_of(f, c.start), p.norm)
            for f, p in zip(got, parts, strict=True)
        ]
        news = [doc.norm[s:e] for s, e in spans]
        if all(_no_worse(*x, documents) for x in zip(parts, results, news, strict=True)):
            return [
                old
                if _holds(old, c.doc_id, (s, e))
                else Result(
                    True, doc.text[s:e], quote_of(doc, c.section, c.start, c.end, (s, e)), None
                )
                for old, (s, e) in zip(results, spans, strict=True)
            ]
    return None


def _holds(old: Result, doc_id: str, span: tuple[int, int]) -> bool:
    """Whether a part's own answer already quotes the figure chosen for it, with more of
    its words ("连续16年排名世界第一" for the "连续16年" of 连续几年世界第一)."""
    c = old.citation
    if not old.found or c is None or c.doc_id != doc_id or c.span_start < 0:
        return False
    return c.span_start <= span[0] and span[1] <= c.span_end


def _no_worse(part: Query, old: Result, new: str, documents: Mapping[str, Document]) -> bool:
    """A figure from the shared sentence (``new``: its normalised span) names the part's
    words at least as well as the part's own answer (if it had one) did."""
    c = old.citation
    if not old.found or c is None or c.span_start < 0:
        return True
    was = documents[c.doc_id].norm[c.span_start : c.span_end]
    return new in was or own_score(part, new) >= own_score(part, was)


def strayed(part: Query, sig: Signals, result: Result, documents: Mapping[str, Document]) -> bool:
    """Whether a part was answered from a sentence holding none of the terms that only
    it says, led there by the words it borrowed from the other parts ("科技平台有多少家?
    首批英才入选多少人": both parts to the 英才 sentence). A part saying no term of its
    own (one that asks only "达到多少") never strays."""
    c = result.citation
    if not result.found or c is None or not part.segment:
        return False
    own = canon(own_words(_asked(part)))
    terms = [t.text for t in sig.terms if t.text in own]
    quote = canon(documents[c.doc_id].norm[c.start : c.end])
    return bool(terms) and not any(t in quote for t in terms)
