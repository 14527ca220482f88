"""Points a section or a sentence states by how each of its pieces opens.

* section leads: every paragraph of a section's own text opens with a short sentence
  naming its point, whatever words it opens with ("二、基本原则" then "市场主导,政府引导。
  充分发挥…" "立足当前,着眼长远。准确把握…" …; "第二章 基本原则" then "第四条 加强政策引领。
  紧紧围绕…" "第五条 实行分级管理。设立…"): those sentences are the section's points, the
  way plans write their principles, and the section's heading names them;
* announced leads: a sentence announcing points ("…体现了以下重要指导方针。") and the short
  sentences standing alone on their lines after it, each followed by its body ("坚持把结构
  调整作为主线。" then "我国经济…"), the first perhaps run on after the announcement;
* shared-noun points: a sentence of three or more points set apart by semicolons, each
  opening with a short clause that names one thing of a kind the others name too ("支持新材料
  产业延链强链,…;促进智能装备产业提档升级,…;引导新医药产业跨越发展,…"): those clauses,
  named by the paragraph's opening sentence ("做优做强新兴产业。").

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import Enumeration, Item, shared_words
from corpus.model import Document, Section

MIN_POINTS = 3  # fewer paragraphs or points are no list yet
LEAD_MAX = 24  # a sentence naming a point is short; a longer one is body text
HALF_MAX = 12  # each half of a lead written as two ("市场主导,政府引导。", "需求导向、应用驱动。")
CLAUSE_MAX = 16  # a clause opening a point
SHARED = 2  # characters of the word every point's clause names ("产业")

# A paragraph's opening sentence naming its point, after its article number if any
# ("第四条 加强政策引领。"), and more text after it on the line.
_LEAD = re.compile(
    r"[ \t\u3000]*(?:第[一二三四五六七八九十百零\d]{1,4}条[ \t\u3000]*)?"
    rf"([^\n。;:!?,、\d]{{2,{HALF_MAX}}}(?:[,、][^\n。;:!?,、\d]{{2,{HALF_MAX}}})?)。(?=[^\n]*\S)"
)
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_NUMBERED = re.compile(r"[—─-]|[一二三四五六七八九十]+是|\(")


def section_lead_lists(doc: Document) -> list[Enumeration]:
    """Sections whose every paragraph (at least :data:`MIN_POINTS`) of their own text opens
    with a short sentence: those sentences, headed by the section's path."""
    out = []
    for section in doc.sections or ():
        if not section.heading:
            continue
        items = _leads(doc, section)
        if len(items) >= MIN_POINTS:
            out.append(_lead_list(section.path_str, section.path_str, items))
    return out


def _lead_list(path: str, head: str, items: tuple[Item, ...]) -> Enumeration:
    """A list of leads (paragraphs' or points' opening words) from its first to its last."""
    return Enumeration("lead", path, items[0].sent_start, items[-1].sent_end, head, 0, items)


def _lead_of(norm: str, para: re.Match[str]) -> Item | None:
    """The short sentence a paragraph opens with, naming its point; None when it opens
    otherwise (numbered or dashed points are other kinds' lists)."""
    lead = _LEAD.match(norm, para.start(), para.end())
    if lead is None or len(lead.group(1)) > LEAD_MAX or _NUMBERED.match(lead.group(1)):
        return None
    return Item(lead.start(1), lead.end(1), lead.start(1), lead.end())


def _leads(doc: Document, section: Section) -> tuple[Item, ...]:
    """The lead of every paragraph of a section's own text, or () when one has none."""
    norm = doc.norm
    line_end = norm.find("\n", section.start)
    if line_end < 0 or line_end >= section.end:
        return ()
    inner = [s.start for s in doc.sections if section.start < s.start < section.end]
    stop = min(inner, default=section.end)
    leads = [_lead_of(norm, para) for para in _PARAGRAPH.finditer(norm, line_end + 1, stop)]
    if len(leads) > MIN_POINTS and leads[0] is None:
        # a paragraph introducing the points ("(三)…" then "坚持创新驱动,深化…" then
        # "加快建设高质量教育体系。…" "提升科技创新体系效能。…" …)
        leads = leads[1:]
    if any(item is None for item in leads):
        return ()
    return tuple(item for item in leads if item is not None)


# A paragraph opening with its point's number, its lead run into it ("(二)因地制宜发展…。推动…")
_NUMBERED_PARAGRAPH = re.compile(r"[ \t\u3000]*\([一二三四五六七八九十]{1,3}\)[^\n]*")
_POINT_FIRST = re.compile(r"[ \t\u3000]*[^。\n]{2,60}。")
_POINT_MARK = re.compile(
    r"[ \t\u3000]*(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]|[一二三四五六七八九十]+是)"
)


def point_lead_lists(doc: Document) -> list[Enumeration]:
    """The paragraphs under a numbered point run into its own paragraph ("(二)因地制宜发展新质
    生产力,…。推动…" then "培育壮大新兴产业、未来产业。…" "推动传统产业改造提升。…"), when
    every one of them (at least :data:`MIN_POINTS`) up to the next numbered paragraph or
    heading opens with a short sentence: those sentences, named by the point's first one."""
    norm, out = doc.norm, []
    heads = {s.start for s in doc.sections or ()}
    for point in _NUMBERED_PARAGRAPH.finditer(norm):
        if any(point.start() <= h <= point.start() + 3 for h in heads):
            continue  # a heading's own paragraphs are read by section_lead_lists
        items: list[Item] = []
        for para in _PARAGRAPH.finditer(norm, point.end() + 1):
            if para.start() in heads or _POINT_MARK.match(para.group(0)):
                break
            item = _lead_of(norm, para)
            if item is None:
                items = []
                break
            items.append(item)
        if len(items) >= MIN_POINTS:
            first = _POINT_FIRST.match(norm, point.start())
            path = doc.path_at(point.start())
            head = " ".join(x for x in (path, first.group(0) if first else "") if x)
            out.append(_lead_list(path, head, tuple(items)))
    return out


_SENTENCE = re.compile(r"[^。\n]+。?")
_CLAUSE = re.compile(rf"[ \t\u3000]*([^,;:。!?\n\d]{{4,{CLAUSE_MAX}}}),")
_FIRST = re.compile(rf"[^。\n]{{2,{LEAD_MAX}}}。")


def shared_noun_points(doc: Document) -> list[Enumeration]:
    """Sentences of :data:`MIN_POINTS` or more semicolon points whose opening clauses all
    name a word of :data:`SHARED` characters, past their first two (their verbs differ):
    those clauses, headed by the section, the paragraph's opening sentence when short, and the
    sentence's words before the first point."""
    norm, out = doc.norm, []
    for sent in _SENTENCE.finditer(norm):
        if sent.group(0).count(";") < MIN_POINTS - 1:
            continue  # the common case, at once
        clauses = []
        for piece in re.finditer(r"[^;]+", sent.group(0)):
            clause = _CLAUSE.match(norm, sent.start() + piece.start(), sent.start() + piece.end())
            clauses.append(clause)
        leads = [c.group(1) for c in clauses if c is not None]
        if (
            len(clauses) < MIN_POINTS
            or len(leads) < len(clauses)
            or len(set(leads)) < len(leads)
            or not _share_a_word(leads)
        ):
            continue  # (the same words again are no several points: "我们的改革")
        items = tuple(
            Item(c.start(1), c.end(1), sent.start(), sent.end()) for c in clauses if c is not None
        )
        out.append(named_points(doc, sent.start(), items))
    return out


def _share_a_word(leads: list[str]) -> bool:
    """Whether every lead holds one word of :data:`SHARED` characters after its first two."""
    shared = shared_words(leads, 2, SHARED)
    return any(re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in shared)


def named_points(doc: Document, start: int, items: tuple[Item, ...]) -> Enumeration:
    """The points of a sentence, named by its section and its paragraph's opening sentence."""
    norm = doc.norm
    para = norm.rfind("\n", 0, start) + 1
    first = _FIRST.match(norm, para)
    opening = first.group(0) if first is not None and first.end() <= start else ""
    path = doc.path_at(start)
    head = " ".join(x for x in (path, opening) if x)
    return _lead_list(path, head, items)


# A sentence announcing the points after it ("…体现了以下重要指导方针。", "要把握好以下几点:")
# (not a bound, "10万元以下", nor a short name given, "以下简称")
_ANNOUNCING = re.compile(
    r"[^。\n:]*(?<![\d万亿千百元人个家项%岁天月年次倍吨米亩])(?:以下(?!简称)|下列|如下)[^。\n:,]{0,12}[。:]"
)
# A short sentence standing alone on its line: a point's lead, its body on the lines after
_ALONE = re.compile(rf"[ \t\u3000]*([^\n。;:!?,、\d]{{2,{LEAD_MAX}}})。[ \t\u3000]*$", re.M)
_RUN_ON = re.compile(rf"[ \t\u3000]*([^\n。;:!?,、\d]{{2,{LEAD_MAX}}})。")
MAX_BODY = 3  # lines of a point's body between two leads; more end the points


def announced_leads(doc: Document) -> list[Enumeration]:
    """Points announced by a sentence ("…以下重要指导方针。"), each a short sentence alone on
    its line after it (the first may run on right after the announcement), up to a heading or
    more than :data:`MAX_BODY` lines without one: those sentences, named by the announcement."""
    norm, out = doc.norm, []
    heads = {s.start for s in doc.sections or ()}
    for said in _ANNOUNCING.finditer(norm):
        items: list[Item] = []
        bodied = True  # (a lead run on with its body after it on its line has its body)
        first = _RUN_ON.match(norm, said.end())
        if first is not None and not norm.startswith("\n", said.end()):
            items.append(Item(first.start(1), first.end(1), first.start(1), first.end()))
            bodied = bool(norm[first.end() : norm.find("\n", first.end())].strip())
        line_end = norm.find("\n", said.end())
        items += _alone_after(norm, line_end + 1, heads, bodied)
        if len(items) >= MIN_POINTS and line_end > 0:
            path = doc.path_at(said.start())
            head = " ".join(x for x in (path, said.group(0).strip()) if x)
            out.append(_lead_list(path, head, tuple(items)))
    return out


def _alone_after(norm: str, at: int, heads: set[int], bodied: bool) -> list[Item]:
    """The leads standing alone on their lines from ``at`` on (see :func:`announced_leads`),
    each followed by its body: the line right after a lead is its body, however short;
    ``bodied``: whether the lead before ``at`` has its body already."""
    items: list[Item] = []
    body = 0 if bodied else -1  # lines of body since the last lead (-1: none yet, one due)
    for para in _PARAGRAPH.finditer(norm, at):
        if any(para.start() <= h <= para.start() + 3 for h in heads):
            break
        lead = _ALONE.fullmatch(norm, para.start(), para.end())
        if lead is None or _NUMBERED.match(lead.group(1)) or body < 0:
            body = max(body, 0) + 1
            if body > MAX_BODY:
                break
            continue
        items.append(Item(lead.start(1), lead.end(1), lead.start(1), lead.end(1) + 1))
        body = -1
    return items
