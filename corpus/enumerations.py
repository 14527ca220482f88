"""Enumerations of a document: what a list question is answered with.

Three shapes recur in every kind of report, whatever the topic:

* ``ordinal``: run-in points "一是…。二是…。" (also "第一,…" and numbered run-in
  paragraphs "1、…。…" that are body text, not headings), in one section;
* ``headings``: the sub-headings of a section ("(一)…(三)", "1、…5、");
* ``inline``: items inside one sentence next to a count that names them
  ("主要指标进度表、重点任务进度表、问题销号进度表“三张清单”", "四大平台:A、B、C、D"),
  honours ("荣获…,获评A、B及C"), points after a colon or a count, separated by
  semicolons ("获得十项代表性荣誉。获评A,…;荣获B,…;…");
* ``lead``: paragraphs opening with parallel short sentences (:mod:`corpus.paragraph_lists`);
  compound count names and quoted series are ``inline`` too (:mod:`corpus.phrase_lists`),
  and so are names counted before the clauses that name them (:mod:`corpus.count_ahead`).

Each item keeps the offsets of its lead phrase (what the answer names, at
most :data:`MAX_LEAD` characters) and of the sentence it stands in (what is
quoted). Offsets are into the original text; matching is on the normalised
text, which has the same length.
"""

from __future__ import annotations

import re

from corpus.adjacent_quotes import adjacent_quotes
from corpus.aim_series import aim_series
from corpus.alike_clauses import alike_clause_lists
from corpus.alike_leads import alike_leads
from corpus.arrival_series import arrival_series
from corpus.colon_series import colon_series
from corpus.count_ahead import count_ahead_lists
from corpus.count_lines import counted_lines
from corpus.counted_parts import counted_parts
from corpus.counted_sentences import counted_quotes, counted_sentences
from corpus.counted_titles import counted_titles
from corpus.enum_model import (
    MAX_LEAD,
    MIN_ITEMS,
    Enumeration,
    Item,
    enumeration_from_json,
    lead,
    line_before,
)
from corpus.labelled_lines import labelled_lines
from corpus.model import Document, Section
from corpus.modifier_series import modifier_series, opening_alike_series, shared_word_series
from corpus.numerals import cn_number
from corpus.ordinal_lists import ORDINAL, ordinal_lists
from corpus.paragraph_lists import (
    clause_lead_lists,
    counted_lead_sentences,
    dash_points,
    inner_lead_lists,
    lead_sentence_lists,
    run_in_sentences,
)
from corpus.phrase_lists import (
    clause_series,
    count_name_lists,
    counted_series,
    kind_series,
    quoted_run,
    quoted_series,
    same_noun_series,
)
from corpus.quoted_frames import quoted_frames
from corpus.result_series import result_series
from corpus.run_in_titles import run_in_titles
from corpus.section_leads import (
    announced_leads,
    point_lead_lists,
    section_lead_lists,
    shared_noun_points,
)
from corpus.sentence_lists import inline_lists
from corpus.spelled_out import spelled_out_names
from corpus.structure import point_number
from corpus.term_lines import term_lines
from corpus.topic_sentences import topic_sentences


def heading_lists(doc: Document) -> list[Enumeration]:
    """The direct sub-headings of each section, when it has at least two."""
    out: list[Enumeration] = []
    roots: list[Section | None] = [] if any(not s.path for s in doc.sections) else [None]
    for parent in [*roots, *doc.sections]:
        depth = parent.level if parent else 0
        prefix = parent.path if parent else ()
        children = [
            s
            for s in doc.sections
            if len(s.path) == len(prefix) + 1
            and s.path[: len(prefix)] == prefix
            and s.level > depth
        ]
        if parent is None:
            children = [s for s in doc.sections if len(s.path) == 1 and s.heading]
        path = parent.path_str if parent else ""
        for n, run in enumerate(_numbered_runs(doc, children)):
            items = [item for child in run if (item := _heading_item(doc, child))]
            if len(items) < MIN_ITEMS:
                continue
            # The parts of a whole document are what its title names: that says nothing of
            # them; a run numbered anew (an annex's "一、…十、") is named by the line above it.
            head = path if n == 0 else f"{path} {line_before(doc.norm, run[0].start)}".strip()
            out.append(
                Enumeration(
                    "headings", path, items[0].sent_start, items[-1].sent_end, head, 0, tuple(items)
                )
            )
    return out


def _heading_item(doc: Document, child: Section) -> Item | None:
    line_end = doc.norm.find("\n", child.start)
    line_end = child.end if line_end < 0 else min(line_end, child.end)
    if doc.text.startswith(child.heading, child.start):  # (a title its body runs on from)
        line_end = min(line_end, child.start + len(child.heading))
    s = child.start + _number_prefix(doc.norm[child.start : line_end])
    e = min(line_end, s + MAX_LEAD)
    while e > s and doc.norm[e - 1] in " \t。;:":
        e -= 1
    return Item(s, e, child.start, line_end) if e > s else None


def _numbered_runs(doc: Document, children: list[Section]) -> list[list[Section]]:
    """Sibling headings cut where their numbering starts again ("一、…三、" of the report,
    then "一、…十、" of its annex): each run is a list of its own."""
    runs: list[list[Section]] = []
    last = 0
    for child in children:
        number = point_number(doc.norm, child.start)
        if not runs or (number == 1 and last >= 1):
            runs.append([])
        runs[-1].append(child)
        last = number
    return runs


# A heading's numbering ("三、", "(二)", "4.", "第二章"), for the words after it.
NUMBER_PREFIX = re.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]+(?:章|部分|节|篇)|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.])\s*"
)


def _number_prefix(line: str) -> int:
    m = NUMBER_PREFIX.match(line)
    return m.end() if m else 0


SHORT_INTRO = 8  # "主要表现在", "具体如下": an intro this short names nothing listed


def colon_lists(doc: Document) -> list[Enumeration]:
    """ "主要表现在:A,…;B,…;C,…。": points after a colon, separated by semicolons.

    Each point is led by its words up to the first comma; the sentence before
    the colon says what they are.
    """
    out: list[Enumeration] = []
    for m in re.finditer(r":", doc.norm):
        found = semicolon_points(doc, m.start(), m.end())
        if found is not None:
            out.append(found)
    return out


def semicolon_points(doc: Document, intro_end: int, at: int, count: int = 0) -> Enumeration | None:
    """The points of the sentence from ``at`` (to its 。 or the paragraph's end) that
    semicolons separate, each led by its words up to the first comma; the sentence
    ending at ``intro_end`` says what they are. With a ``count``, exactly that many."""
    norm = doc.norm
    para_end = norm.find("\n", at)
    para_end = len(norm) if para_end < 0 else para_end
    stop = norm.find("。", at, para_end)
    stop = para_end if stop < 0 else stop
    if norm.count(";", at, stop) < max(MIN_ITEMS, count) - 1:
        return None
    items = []
    for piece in re.finditer(r"[^;]+", norm[at:stop]):
        a, b = at + piece.start(), at + piece.end()
        la, lb = lead(norm, a, b)
        if lb > la and ORDINAL.match(norm, la) is None:
            items.append(Item(la, lb, a, b))
    if len(items) < MIN_ITEMS or (count and len(items) != count):
        return None
    sent_start = max(norm.rfind(c, 0, intro_end) for c in "。\n;") + 1
    if intro_end - sent_start <= SHORT_INTRO and norm[sent_start - 1 : sent_start] == "。":
        # "…还面临不少困难和挑战。主要表现在:": a bare intro says what with the sentence before.
        sent_start = max(norm.rfind(c, 0, sent_start - 1) for c in "。\n;") + 1
    path = doc.path_at(intro_end)
    head = f"{path} {norm[sent_start:intro_end]}"
    first, last = items[0].sent_start, items[-1].sent_end
    return Enumeration("inline", path, first, last, head, count, tuple(items))


# A count closing its sentence ("获得十项代表性荣誉。", "取得五方面成效:").
_COUNT_END = re.compile(
    r"([两二三四五六七八九十]{1,2}|\d{1,2})(?:项|个|大|条|张|件|方面|类|种|批)"
    r"[\u4e00-\u9fff]{0,8}[。:]"
)


def counted_points(doc: Document) -> list[Enumeration]:
    """A sentence ending on a count, then that many points separated by semicolons."""
    out = []
    for m in _COUNT_END.finditer(doc.norm):
        count = cn_number(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if count < MIN_ITEMS:
            continue
        found = semicolon_points(doc, m.end() - 1, m.end(), count)
        if found is not None:
            out.append(found)
    return out


def enumerations(doc: Document) -> tuple[Enumeration, ...]:
    """Every enumeration of a document, in document order."""
    found = ordinal_lists(doc) + heading_lists(doc) + inline_lists(doc) + colon_lists(doc)
    found += counted_points(doc) + lead_sentence_lists(doc) + counted_lead_sentences(doc)
    found += count_name_lists(doc) + quoted_series(doc) + same_noun_series(doc)
    found += clause_series(doc) + kind_series(doc) + colon_series(doc) + counted_series(doc)
    found += quoted_run(doc) + alike_leads(doc) + spelled_out_names(doc)
    found += inner_lead_lists(doc) + clause_lead_lists(doc) + count_ahead_lists(doc)
    found += alike_clause_lists(doc) + run_in_sentences(doc) + dash_points(doc)
    found += counted_lines(doc) + term_lines(doc)
    found += section_lead_lists(doc) + shared_noun_points(doc) + modifier_series(doc)
    found += point_lead_lists(doc) + announced_leads(doc)
    found += opening_alike_series(doc) + shared_word_series(doc) + quoted_frames(doc)
    found += run_in_titles(doc) + arrival_series(doc) + counted_sentences(doc)
    found += counted_quotes(doc) + labelled_lines(doc)
    found += aim_series(doc) + result_series(doc) + counted_titles(doc) + topic_sentences(doc)
    found += adjacent_quotes(doc) + counted_parts(doc)
    return tuple(sorted(found, key=lambda x: (x.start, x.kind)))


__all__ = [
    "MAX_LEAD",
    "MIN_ITEMS",
    "NUMBER_PREFIX",
    "Enumeration",
    "Item",
    "enumeration_from_json",
    "enumerations",
]
