"""How well a passage's document and section fit a question's region, year and kind."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from corpus.model import Document, Passage
from corpus.normalize import normalize
from corpus.places import NATIONAL, find_places, region_aliases
from corpus.report_year import is_address
from retrieval.intent import FIGURE_INTENTS
from retrieval.query import Query


@dataclass(frozen=True)
class MetaWeights:
    """Bonus (or malus, negative) added to a normalised fused score."""

    region_match: float = 0.35
    region_mismatch: float = -0.45
    year_match: float = 0.3
    year_mismatch: float = -0.35
    kind_match: float = 0.12
    kind_mismatch: float = -0.15
    named_doc: float = 0.3  # the document the question names (retrieval.naming)


_LEVEL = re.compile(r"(?:省|市|区|县|州|自治区|自治州|特别行政区)$")  # a place name's level


@lru_cache(maxsize=4096)
def _aliases(region: str) -> tuple[str, ...]:
    return region_aliases(region) if region else ()


def _names_of(regions: tuple[str, ...]) -> set[str]:
    """The names the regions asked go by: each one's full name and short name."""
    return {a for r in regions for a in _aliases(r)[:2]}


def region_fit(query: Query, doc: Document, norm_text: str, *, strict: bool = False) -> int:
    """+1 the passage is about a region asked for, -1 about another, 0 unknown/not asked.

    A document's own region decides; a mention in the text counts only when
    the document covers a wider area (a city plan naming one district) or
    has no known region, because a district's report that names another
    district ("赴余杭调研") still reports on its own district. With
    ``strict``, a wider area's document that does not name the region asked
    counts as another region: a city plan does not state a district's figure.
    """
    return region_fit_of(query, doc.region, norm_text, strict=strict)


def region_fit_of(query: Query, doc_region: str, norm_text: str, *, strict: bool = False) -> int:
    """:func:`region_fit` of a document given by its region alone."""
    if not query.regions:
        return 0
    wanted = _names_of(query.regions)
    region = normalize(doc_region)
    own = _aliases(region)
    # A place written with its level ("吉林省") is that place, not another of the same name
    # at another level ("吉林市"'s report); written short ("吉林"), either. (Unless the
    # question names the document's place too: "黄山市黄山区" is a district of its city.)
    if (
        own
        and own[0] not in query.regions
        and any(
            r in query.norm and r != own[0] and _LEVEL.sub("", r) == _LEVEL.sub("", own[0])
            for r in query.regions
        )
    ):
        return -1
    if wanted & set(own[:2]):
        return 1
    mentioned = any(w in norm_text for w in wanted if len(w) >= 2)
    # Is the document's region a parent of (or the same as) the region asked? The whole
    # country is every place's ("国务院建议成立海南省" is a national report's sentence on 海南).
    covers = region == NATIONAL or any(region in _aliases(r)[2:] for r in query.regions)
    if not doc_region or covers:
        # …or named otherwise than by its names ("论坛在京举行": 北京)
        mentioned = mentioned or any(p.name in query.regions for _, _, p in find_places(norm_text))
        return 1 if mentioned else (-1 if strict and doc_region else 0)
    return -1


# A clause's figure of its document's whole area ("全省研发投入强度3.6%左右").
_WHOLE_AREA = re.compile(r"全(?:省|市|区|县|州|盟|自治区)")


def whole_of_other(regions: tuple[str, ...], doc_region: str, clause: str) -> bool:
    """Whether a clause states its document's whole area ("全省…" in a province's document)
    while the regions asked are others: a province's report writing "全省研发投入强度3.6%"
    gives no city's figure. (A whole of another level than the document's, "全省" in a
    city's, says the document's place was misread or another's whole is quoted: no verdict.)"""
    region = normalize(doc_region)
    if not regions or not region:
        return False
    if not any(region.endswith(m.group(0)[1:]) for m in _WHOLE_AREA.finditer(clause)):
        return False
    return not _names_of(regions) & _names_of((region,))


def year_fit(query: Query, passage: Passage, doc: Document, norm_text: str) -> int:
    """+1 the passage speaks of a year asked for, -1 of another year, 0 unknown."""
    if not query.years:
        return 0
    if passage.section_year in query.years:
        return 1
    if any(f"{y}年" in norm_text for y in query.years):
        return 1
    # A part of the report the question names by its year ("64年…那份报告里,65年…") is
    # of that year: the figure's own year is read from its sentence.
    if passage.section_year is not None and passage.section_year in query.doc_years:
        return 0
    if passage.section_year is not None:
        return -1
    if doc.years and not set(doc.years) & set(query.years):
        return -1
    if set(doc.years) == set(query.years):
        return 1
    return 0


@lru_cache(maxsize=4096)
def delivered(norm: str) -> bool:
    """Whether a document's (normalised) text is a report or speech delivered to an assembly
    (:func:`corpus.report_year.is_address`)."""
    return is_address(norm)  # (a document's text is one string object: its hash is kept)


def doc_year_fit(query: Query, doc: Document) -> int:
    """+1 the document was issued in a year the question names it by ("24年政府工作报告"),
    -1 in another, 0 when not asked or unknown."""
    if not query.doc_years:
        return 0
    if doc.issued is None:
        # Undated: a report of year Y speaks of Y-1 (its review) and Y (its plan), one late
        # in its year of the year before too ("从去年9月…到现在"); one whose sections name
        # none of them is another year's. An undated policy's years are its targets' and its
        # background's ("到2022年…", "2009年以来…"): they do not tell its own.
        if not delivered(doc.norm):
            return 0
        if doc.years and not any(y - 2 <= x <= y for y in query.doc_years for x in doc.years):
            return -1
        return 0
    return 1 if doc.issued in query.doc_years else -1


def kind_fit(query: Query, passage: Passage) -> int:
    """+1 plan section for a target question (or actual for a result question), -1 the reverse."""
    kind = passage.section_kind
    if kind not in ("plan", "actual"):
        return 0
    if query.intent not in FIGURE_INTENTS:
        return 0
    if query.wants_target:
        return 1 if kind == "plan" else -1
    return 1 if kind == "actual" else -1


def meta_bonus(
    query: Query,
    passage: Passage,
    doc: Document,
    w: MetaWeights,
    named: Collection[str],
) -> float:
    """The metadata bonus of one passage for one question; ``named``: the documents the
    question's name for a document names, found for all of them at once (the name index's,
    :meth:`retrieval.search.Retriever.documents_named`)."""
    # The document's normalised text is computed once at load; slice it.
    text = doc.norm[passage.start : passage.end] if doc.norm else normalize(passage.text)
    r = region_fit(query, doc, text)
    y = year_fit(query, passage, doc, text)
    d = doc_year_fit(query, doc)
    y = -1 if d < 0 else max(y, d) if not query.years else y
    k = kind_fit(query, passage)
    bonus = 0.0
    bonus += w.region_match if r > 0 else w.region_mismatch if r < 0 else 0.0
    bonus += w.year_match if y > 0 else w.year_mismatch if y < 0 else 0.0
    bonus += w.kind_match if k > 0 else w.kind_mismatch if k < 0 else 0.0
    if doc.doc_id in named:
        bonus += w.named_doc
    return bonus
