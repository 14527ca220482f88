"""Points named by how their sentences open alike: "引领新质生产力发展方面,围绕…。构建现代化基础
设施体系方面,围绕…。促进城乡融合发展方面,…" or "装备制造产业链,重点招引…。储能电池产业
链,重点招引…": three or more sentences in a row, each opening with a short phrase ending on
the same two characters and set off by a comma. The items are those phrases; the list is named
by its section and the sentence before the run (which often counts them: "…提出6方面109项
重大工程。").

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.chunk import split_sentences
from corpus.enum_model import Enumeration, Item
from corpus.model import Document

MIN_LEADS = 3  # fewer sentences opening alike are no list yet
MAX_GAP = 2  # sentences opening otherwise a point may run on for
_Lead = tuple[int, int, int, int]  # the lead's start and end, its sentence's start and end
_LEAD = re.compile(r"[ \t\u3000\"]*([\u4e00-\u9fff\"+、]{2,16}?)(?=,)")
_SHARED_END = 2  # characters every lead ends with alike ("方面", "产业链" → "业链")
# Ends that open sentences of every kind ("同时,", "其中,", "为此,"): no point named.
_NOT_A_POINT = re.compile(r"(?:同时|其中|为此|此外|另外|对此|总之|目前|当前|近年来|今年|去年)$")
# A numbered point ("一是奋力推进产业振兴,"): its numbers make the list (ordinal lists), all
# of it, not the run of those whose leads happen to end alike. (A lead holds no bracket or
# digit: "(二)…" opens none.)
_NUMBERED = re.compile(r"(?:其|第)?[一二三四五六七八九十]{1,3}[是要]")


def alike_leads(doc: Document) -> list[Enumeration]:
    """Runs of :data:`MIN_LEADS` or more sentences of one section opening alike."""
    out: list[Enumeration] = []
    seen: set[int] = set()
    for section in doc.sections or ():
        spans = split_sentences(doc.norm, section.start, section.end, doc.text)
        for run in _runs(doc.norm, spans):
            if len(run) >= MIN_LEADS and run[0][2] not in seen:  # (a section within another)
                seen.add(run[0][2])
                out.append(listed_run(doc, run, spans))
    return out


def _runs(norm: str, spans: list[tuple[int, int]]) -> list[list[_Lead]]:
    """The runs of sentences opening alike among ``spans``. A point may go on for up to
    :data:`MAX_GAP` sentences that open otherwise ("…方面,抓好产能接续…。新建智能化煤矿
    60座,…。新能源…方面,…"), inside its paragraph (a paragraph opening otherwise is the
    next part's: "加快培育发展未来产业。…"); when no alike lead follows them, the scan goes
    on from the first of them, which may open the next run ("围绕…方向,…。能源化工产业,…。
    轻工纺织产业,…")."""
    leads = [_lead(norm, s, e) for s, e in spans]
    runs: list[list[_Lead]] = []
    i = 0
    while i < len(spans):
        run: list[_Lead] = []
        gap: list[int] = []  # the sentences since the run's last lead
        j = i
        while j < len(spans):
            item = leads[j]
            if item and _continues(norm, run, item):
                run, gap = [*run, item], []
            elif run and len(gap) < MAX_GAP and not _opens_paragraph(norm, spans[j][0]):
                gap.append(j)
            else:
                break
            j += 1
        if run:
            runs.append(run)
        i = gap[0] if gap and j < len(spans) else max(j, i + 1)
    return runs


def _opens_paragraph(norm: str, start: int) -> bool:
    """Whether the sentence at ``start`` opens a paragraph (only blanks since a line break)."""
    line = norm.rfind("\n", 0, start)
    return line >= 0 and not norm[line + 1 : start].strip(" \t\u3000")


def _lead(norm: str, s: int, e: int) -> _Lead | None:
    """The short phrase a sentence opens with before its comma, unless it opens any kind."""
    m = _LEAD.match(norm, s, e) if s < e else None
    if m is None or _NOT_A_POINT.search(m.group(1)) or _NUMBERED.match(m.group(1)):
        return None
    return (m.start(1), m.end(1), s, e)


def _continues(norm: str, run: list[_Lead], item: _Lead) -> bool:
    """Whether a lead ends like the run's (or starts a run)."""
    if not run:
        return True
    first = run[0]
    return norm[first[1] - _SHARED_END : first[1]] == norm[item[1] - _SHARED_END : item[1]]


def listed_run(doc: Document, run: list[_Lead], spans: list[tuple[int, int]]) -> Enumeration:
    """The enumeration of a run of leads (each its start and end, its sentence's start and
    end), named by its section and the sentence before it."""
    items = tuple(Item(a, b, s, e) for a, b, s, e in run)
    before = [(s, e) for s, e in spans if e <= run[0][2]][-1:]
    intro = " ".join(doc.norm[s:e] for s, e in before)
    path = doc.path_at(run[0][2])
    head = f"{path} {intro}".strip()
    return Enumeration("lead", path, run[0][2], run[-1][3], head, 0, items)
