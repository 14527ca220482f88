"""Run-in points numbered in the text ("一是…二是…", "(一)…(二)…" paragraphs, "1.…2.…",
circled numbers, paragraphs numbered as parts after a colon): :func:`ordinal_lists`, one of
the finders :mod:`corpus.enumerations` gathers."""

from __future__ import annotations

import re

from corpus.chunk import split_sentences
from corpus.enum_model import LEAD_END, MIN_ITEMS, Enumeration, Item, lead
from corpus.model import Document, Section
from corpus.numerals import cn_number

ORDINAL = re.compile(
    # (a point may follow a comma when the points run in one sentence: "…目标:一是A,二是B")
    r"(?:^|(?<=[\n。;!?:])|(?<=,)(?=(?:其|第)?[一二三四五六七八九十]{1,3}是|[\u2460-\u2473]))"
    r"[ \t\"]*"
    # "一是…二是…", and "一要…二要…" that says what is to be done
    r"(?:(其|第)?([一二三四五六七八九十]{1,3})(是|要)|(其|第)([一二三四五六七八九十]{1,3})(,|、)"
    # "一)加强师资建设。" then "(二)…": a point whose "(" the text lost is numbered alike
    r"|(\d{1,2})[、.](?!\d)|\((\d{1,2})\)|\(?([一二三四五六七八九十]{1,3})\)"
    # "1.1 包容审慎、确保安全。…" "1.2 …": decimal numbering under a part "1."
    r"|(\d{1,2})\.(\d{1,2})(?![.\d])[ \t\u3000]*"
    # "…应用场景有:①智能矿灯,实现…;②全景工作面,…": circled numbers
    r"|([\u2460-\u2473])"
    # a box's entries, numbered in two digits on lines of their own ("01 研发设计类软件\n开发…")
    r"|(0[1-9]|[1-9]\d)[ \t\u3000]+(?=[\u4e00-\u9fff][^\n,。;:]{0,24}\n))",
    re.M,
)


# "今年价格改革的主要内容是:\n一、合理调整…;\n二、…": paragraphs numbered as parts are, each
# a sentence going on (a part's heading stands alone on its line)
_PART_POINT = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]{1,3})、", re.M)
# numbers standing alone, no 是/要 (circled: ①②)
_NUMBERED = ("arabic", "paren", "cn-paren", "cn-part", "circled")


def _numbered_points(norm: str) -> list[tuple[int, int, int, str]]:
    """Each numbered point's start, where its body starts, its number and its style."""
    out = [
        (m.start(), m.end(), cn_number(m.group(1)), "cn-part") for m in _PART_POINT.finditer(norm)
    ]
    for m in ORDINAL.finditer(norm):
        if m.group(7):
            number, style = int(m.group(7)), "arabic"
        elif m.group(8):
            number, style = int(m.group(8)), "paren"
        elif m.group(9):  # "(一)坚持…,着力…。": a run-in paragraph, not a heading line
            number, style = cn_number(m.group(9)), "cn-paren"
        elif m.group(10):
            number, style = int(m.group(11)), f"decimal {m.group(10)}"
        elif m.group(12):
            number, style = ord(m.group(12)) - 0x2460 + 1, "circled"
        elif m.group(13):  # (its title line stands alone: the entry, not a heading)
            number, style = int(m.group(13)), "padded"
        elif m.group(2):
            number, style = cn_number(m.group(2)), f"{m.group(1) or ''}{m.group(3)}"
        else:
            number, style = cn_number(m.group(5)), f"{m.group(4)}{m.group(6)}"
        out.append((m.start(), m.end(), number, style))
    return sorted(out)


def ordinal_lists(doc: Document) -> list[Enumeration]:
    """Run-in points "一是…二是…" and numbered run-in paragraphs, grouped by section."""
    norm = doc.norm
    out: list[Enumeration] = []
    # (number, item start, body start, style)
    point_groups: list[list[tuple[int, int, int, str]]] = []
    paren_groups: list[list[tuple[int, int, int, str]]] = []
    for start, end, number, style in _numbered_points(norm):
        if number <= 0:
            continue
        line_end = norm.find("\n", end)
        line_end = len(norm) if line_end < 0 else line_end
        numbered = style in _NUMBERED or style.startswith("decimal")
        if numbered and not LEAD_END.search(norm, end, line_end):
            continue  # a stand-alone numbered line is a heading, not a run-in point
        if style in ("cn-paren", "cn-part") and _heads_a_section(doc, start, line_end):
            continue  # a heading line: its section's sub-headings are a heading list
        item = (number, start, end, style)
        # (一)(二) paragraphs are numbered apart from the points inside them
        # ("(一)…1.…2.…(二)…3.…"): they group among themselves; so are points of one style
        # among points of another inside them ("一是…,共4项任务。分别是:1.…2.…" "二是…").
        groups = paren_groups if style == "cn-paren" else point_groups
        own = next((g for g in reversed(groups) if g[-1][3] == style), None)
        last = own[-1] if own else None
        if last and number == last[0] + 1 and _same_section(doc, last[1], start):
            own.append(item)  # type: ignore[union-attr]
        else:  # numbering may go on from an earlier part ("15.…20." under its sub-heading)
            groups.append([item])
    for group in sorted(point_groups + paren_groups, key=lambda g: g[0][1]):
        if group[0][3] == "cn-part" and not _points_in_part(doc, group[0][1]):
            continue
        if len(group) >= MIN_ITEMS:
            en = _ordinal_enumeration(doc, group)
            if en is not None:
                out.append(en)
    return out


def _points_in_part(doc: Document, at: int) -> bool:
    """Whether paragraphs numbered as parts are ("一、…;二、…") from ``at`` are points of a list:
    announced ("…主要内容是:") inside a part of the document, or, in one of no parts, by
    what they are ("…采取以下的综合配套措施:"); not a letter's own parts ("现将有关事项函复
    如下:"), which are the letter itself."""
    before = doc.norm[:at].rstrip()
    if not before.endswith(":"):
        return False
    section = doc.section_at(at)
    return bool(section and section.path) or not _LETTER_BODY.search(before)


# How a letter, notice or reply opens its own numbered parts ("函复如下:", "通知如下:")
_LETTER_BODY = re.compile(r"(?:函复|批复|答复|回复|复函|通知|公告|通告|决定|报告|请示|意见)如下:$")


def _heads_a_section(doc: Document, start: int, end: int) -> bool:
    return any(start <= sec.start < end for sec in doc.sections if sec.heading)


def _same_section(doc: Document, a: int, b: int) -> bool:
    sa, sb = doc.section_at(a), doc.section_at(b)
    return (sa.path if sa else ()) == (sb.path if sb else ())


def _ordinal_enumeration(
    doc: Document, group: list[tuple[int, int, int, str]]
) -> Enumeration | None:
    norm = doc.norm
    section = doc.section_at(group[0][1])
    items = []
    for _, at, body, _ in group:
        # (a number alone on its line, "一是" then "遵循市场经济规律,…": its point is the next)
        alone = _ALONE.match(norm, body)
        body = alone.end() if alone else body
        stop = norm.find("\n", body)
        stop = len(norm) if stop < 0 else stop
        sents = split_sentences(norm, body if alone else at, stop, doc.text)
        sent_end = sents[0][1] if sents else stop
        s, e = lead(norm, body, sent_end)
        if e > s:
            items.append(Item(s, e, at, sent_end))
    if len(items) < MIN_ITEMS:
        return None  # numbers with nothing after them ("一是。二是。") list nothing
    path = section.path_str if section else ""
    # The sentence before the first point often says what is listed ("存在以下问题:").
    intro = _intro(doc, group[0][1], section)
    return Enumeration(
        "ordinal", path, items[0].sent_start, items[-1].sent_end, f"{path} {intro}", 0, tuple(items)
    )


def _intro(doc: Document, at: int, section: Section | None) -> str:
    """The sentence just before ``at`` inside its section (normalised), with the one before
    it when that one announces the points ("申报主体围绕以下重点方向,开展…工作。试点周期为
    2年。" then (一)…)."""
    floor = section.start if section else 0
    sents = split_sentences(doc.norm, floor, at, doc.text)
    if not sents:
        return ""
    first = len(sents) - 1
    if first and _ANNOUNCES.search(doc.norm, sents[first - 1][0], sents[first - 1][1]):
        first -= 1
    intro = doc.norm[sents[first][0] : sents[-1][1]]
    # …and the paragraph's run-in title ("充分释放全社会创业创新潜能。着力实施…。一是…";
    # "面向经济建设,加快科技进步。…一是…"), the paragraph read past lines broken inside a
    # sentence ("…(PM\n2.5\n)浓度明显下降。一要…")
    para = paragraph_start(doc.norm, at, floor)
    title = next((x for x in sents if x[0] >= para), None)
    if title and title[0] < sents[first][0] and _RUN_IN_TITLE.fullmatch(doc.norm, *title):
        return f"{doc.norm[title[0] : title[1]]} {intro}"
    return intro


# A paragraph's opening sentence naming its point: short, one clause or two halves.
_RUN_IN_TITLE = re.compile(r"(?=[^\n。]{4,24}。)[^,;:。\n]{2,16}(?:,[^,;:。\n]{2,12})?。")
# The rest of a line left blank after a number ("一是\n")
_ALONE = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*(?=\S)")


def paragraph_start(norm: str, at: int, floor: int = 0) -> int:
    """Where the paragraph holding ``at`` opens: after the last line break that follows a
    sentence's end (or a heading's), not one breaking a sentence off (a figure's line of its
    own); no earlier than ``floor``."""
    start = norm.rfind("\n", floor, at)
    while start > floor and not _ends_sentence(norm, start):
        before = norm.rfind("\n", floor, start)
        if before < floor:
            break
        start = before
    return start + 1 if start >= 0 else floor


def _ends_sentence(norm: str, at: int) -> bool:
    """Whether the text before ``at`` (spaces aside) ends a sentence or a line."""
    i = at - 1
    while i >= 0 and norm[i] in " \t\u3000":
        i -= 1
    return i < 0 or norm[i] in "。!?:;\n"


# Words announcing the points that follow ("以下重点方向", "下列条件", "如下")
_ANNOUNCES = re.compile(r"以下(?!简称)|下列|如下")
