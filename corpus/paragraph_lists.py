"""Lists that reports write as paragraphs, without numbering.

Parallel lead sentences: every paragraph of a section opens with a short sentence
of the same make ("坚持创新驱动。…" "坚持市场主导。…" "坚持融合发展。…"), the way
plans state their principles and tasks; or paragraphs in a row right after a numbered
one each open with a short sentence ("(四)着力提升科技创新水平,…" then "激发创新活力。…"
"打造创新平台。…" "培育创新主体。…"): the unnumbered points under that run-in heading,
whose sentence the list keeps as its head. A count naming its noun and a colon
("重点实施六大工程:实施创新工程。…实施降本增效工程。…") is followed by that many short
sentences ending with the noun, each opening its stretch of text. Found by the shape of
the text, whatever its topic (see :mod:`corpus.enumerations` for the numbered kinds).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from corpus.counted_subjects import subjects
from corpus.enum_model import (
    DASH_MARK,
    MAX_LEAD,
    MIN_ITEMS,
    Enumeration,
    Item,
    sentence_start,
)
from corpus.model import Document
from corpus.numerals import cn_number

LEAD_SENTENCE_MAX = 24  # a lead sentence names its point; longer ones are body text
MIN_PARALLEL = 3  # fewer paragraphs of one make are not yet a list
INNER_LEAD_MAX = 16  # a point stated inside a paragraph is shorter than one opening it
INNER_INTRO = 80  # characters before the first point read as what names them
_PARAGRAPH = re.compile(r"[^\n]+")
# A short sentence opening a paragraph and followed by more text on its line.
_LEAD_SENTENCE = re.compile(
    rf"(?m)^[ \t\u3000]*(?:[—─-]{{2,}})?[ \t\u3000]*"
    rf"([^\n。;:!?,、]{{2,{LEAD_SENTENCE_MAX}}})。(?=[^\n])"
)
_DASHED = re.compile(r"[ \t\u3000]*[—─-]{2,}")
_FIRST_SENTENCE = re.compile(r"[^。;!?\n]*")
NUMBERED = re.compile(r"[一二三四五六七八九十\d]+[、.是]|\(|第[一二三四五六七八九十\d]")


def lead_sentence_lists(doc: Document) -> list[Enumeration]:
    """Sections whose paragraphs open with parallel short sentences (same first two
    characters, at least :data:`MIN_PARALLEL`): those sentences, in order."""
    groups: dict[tuple[str, str], list[re.Match[str]]] = defaultdict(list)
    for m in _LEAD_SENTENCE.finditer(doc.norm):
        lead = m.group(1)
        if NUMBERED.match(lead):
            continue  # numbered points are corpus.enumerations' ordinal lists
        groups[(doc.path_at(m.start(1)), lead[:2])].append(m)
    out = []
    for (path, _), found in groups.items():
        if len(found) < MIN_PARALLEL:
            continue
        items = tuple(Item(m.start(1), m.end(1), m.start(1), m.end()) for m in found)
        out.append(
            Enumeration("lead", path, items[0].sent_start, items[-1].sent_end, path, 0, items)
        )
    runs = {en.items[0].start: en for en in _short_lead_runs(doc)}
    # Parallel leads right under a numbered line ("2.基本原则。" then "坚持…。" paragraphs)
    # are named by that line too; leads of one make going on past that line's points
    # ("加强…。" under (二) and again under (九)) are another list, and its points stay one.
    under = {en.items[0].start for en in out if _within(en, runs.get(en.items[0].start))}
    out = [replace(en, head=runs[en.items[0].start].head) if en.items[0].start in under else en
           for en in out]  # fmt: skip
    return out + [en for start, en in runs.items() if start not in under]


def _within(leads: Enumeration, run: Enumeration | None) -> bool:
    """Whether parallel leads stand among the points of a run under a numbered line."""
    return run is not None and leads.items[-1].start <= run.items[-1].start


# A short sentence inside a paragraph, after another ("…发展步伐。坚持高质量发展。稳住…")
# or after the colon announcing them ("必须立足五个“基点”:必须恪守根本遵循。…").
_INNER_LEAD = re.compile(rf"(?<=[。!?:])([^。;:!?,\n]{{2,{INNER_LEAD_MAX}}})。")


def inner_lead_lists(doc: Document) -> list[Enumeration]:
    """Short sentences of the same make inside one paragraph, each followed by what it
    means ("…必须…。坚持高质量发展。稳住一产…。坚持稳中求进、以进促稳。以结构调整之进…"):
    at least :data:`MIN_PARALLEL` of them opening alike, headed by the paragraph's first
    sentence."""
    out = []
    for para in _PARAGRAPH.finditer(doc.norm):
        groups: dict[str, list[re.Match[str]]] = defaultdict(list)
        for m in _INNER_LEAD.finditer(doc.norm, para.start(), para.end()):
            groups[m.group(1).strip()[:2]].append(m)
        for found in groups.values():
            if len(found) < MIN_PARALLEL:
                continue
            path = doc.path_at(para.start())
            items = tuple(_trimmed(m) for m in found)
            # What the paragraph says before its first point ("做好今年工作,必须…。").
            intro = doc.norm[max(para.start(), items[0].start - INNER_INTRO) : items[0].start]
            head = f"{path} {intro.strip()}".strip()
            out.append(
                Enumeration("lead", path, items[0].sent_start, items[-1].sent_end, head, 0, items)
            )
    return out


# A short clause opening a sentence or a point after ";" and going on after a comma
# ("…提升运营质量效益。探索船舶租赁,推动…;探索设施共享,实行…;探索船电分离,由…").
_CLAUSE_LEAD = re.compile(rf"(?<=[。;])[ \t\u3000]*([^。;:!?,、\n]{{4,{INNER_LEAD_MAX}}})(?=,)")


def clause_lead_lists(doc: Document) -> list[Enumeration]:
    """Sentences or points inside one paragraph opening with a short clause of the same
    verb, each going on after a comma ("探索船舶租赁,…;探索设施共享,…;探索船电分离,…"):
    at least :data:`MIN_PARALLEL` of them in the paragraph, headed by the paragraph's opening
    sentence and its words right before the first."""
    out = []
    for para in _PARAGRAPH.finditer(doc.norm):
        groups: dict[str, list[re.Match[str]]] = defaultdict(list)
        for m in _CLAUSE_LEAD.finditer(doc.norm, para.start(), para.end()):
            groups[m.group(1)[:2]].append(m)
        for found in groups.values():
            if len(found) < MIN_PARALLEL or NUMBERED.match(found[0].group(1)):
                continue
            path = doc.path_at(para.start())
            items = tuple(
                Item(m.start(1), m.end(1), m.start(1), _point_end(doc.norm, m.end(1), para.end()))
                for m in found
            )
            # what the paragraph opens with ("(十三)推动…商业模式创新。"), and says right
            # before its first point
            begin = max(para.start(), items[0].start - INNER_INTRO)
            opening = _FIRST_SENTENCE.match(doc.norm, para.start())
            first = opening.group(0).strip() if opening and opening.end() <= begin else ""
            intro = doc.norm[begin : items[0].start]
            head = " ".join(x for x in (path, first, intro.strip()) if x)
            out.append(
                Enumeration("lead", path, items[0].sent_start, items[-1].sent_end, head, 0, items)
            )
    return out


def _point_end(norm: str, at: int, stop: int) -> int:
    """Where the sentence or point going on from ``at`` ends (its ; or 。, kept)."""
    ends = [e for e in (norm.find(";", at, stop), norm.find("。", at, stop)) if e >= 0]
    return min(ends) + 1 if ends else stop


# "我们的主要体会是:" then "--必须坚持…。" paragraphs, explained between: a dash opens each.
_DASH_LEAD = re.compile(
    rf"[ \t\u3000]*{DASH_MARK}[ \t\u3000]*([^\n。;:!?]{{2,{LEAD_SENTENCE_MAX}}})[。;]?"
)
_DASH_GAP = 3  # paragraphs without a dash in a row end the points
# What the points follow: a line ending on a colon, or a numbered heading line of a few words
# ("(二)基本原则。" then "——坚持企业主体,政府引导。…").
_DASH_INTRO = re.compile(
    r":[ \t\u3000]*\n"
    r"|(?m:^[ \t\u3000]*(?P<heading>"
    r"(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)[^\n。:;,]{2,16}?)"
    r"。?[ \t\u3000]*\n)"
)
_DATED = re.compile(r"(?:19|20)\d{2}年\d{1,2}月")


# …or a line that is one short sentence ("必须紧紧抓住经济建设这个中心。"), when the lines
# after the colon all open alike.
_LINE_LEAD = re.compile(rf"[ \t\u3000]*([^\n。;:!?,]{{2,{LEAD_SENTENCE_MAX}}})。[ \t\u3000]*$")


def dash_points(doc: Document) -> list[Enumeration]:
    """Paragraphs after an intro ending with a colon, each opening with a dash and a short
    sentence, or each a line of one short sentence opening alike ("必须…。"), with
    explanations between them (at least :data:`MIN_PARALLEL`); or dash-led ones under a
    numbered heading line ("(二)基本原则。")."""
    norm, out = doc.norm, []
    for intro in _DASH_INTRO.finditer(norm):
        section = doc.section_at(intro.start())
        stop = section.end if section else len(norm)
        heading = intro.group("heading")
        items = _points_after(norm, intro.end(), stop, dashed_only=bool(heading))
        if len(items) >= MIN_PARALLEL:
            path = doc.path_at(intro.start())
            said = heading or norm[sentence_start(norm, intro.start()) : intro.start()]
            head = f"{path} {said}".strip()
            out.append(
                Enumeration("lead", path, items[0].start, items[-1].sent_end, head, 0, tuple(items))
            )
    return out


def _points_after(norm: str, start: int, stop: int, dashed_only: bool = False) -> list[Item]:
    """The dash-led (or alike one-sentence, unless ``dashed_only``) paragraphs from
    ``start`` on, up to :data:`_DASH_GAP` other paragraphs in a row."""
    dashed: list[Item] = []
    lines: list[Item] = []
    gap = 0
    for para in _PARAGRAPH.finditer(norm, start, stop):
        m = _DASH_LEAD.match(norm, para.start(), para.end())
        if m is not None and _DATED.match(m.group(1)):
            break  # "——1991年3月26日在…会议上": a delivery line, no point
        line = None if m or dashed_only else _LINE_LEAD.fullmatch(norm, para.start(), para.end())
        found = m or line
        if dashed_only and found is None and _DASH_INTRO.match(norm, para.start(), para.end() + 1):
            break  # the next numbered heading ("(三)主要目标。") ends its points
        if found is None:
            gap += 1
            if gap >= _DASH_GAP or not (dashed or lines):
                break
            continue
        gap = 0
        item = Item(found.start(1), found.end(1), para.start(), min(found.end(), para.end()))
        (dashed if m else lines).append(item)
    if dashed or dashed_only:
        return dashed
    # Of the one-sentence lines, those opening alike (a short body line may stand between).
    alike: dict[str, list[Item]] = defaultdict(list)
    for item in lines:
        alike[norm[item.start : item.start + 2]].append(item)
    return max(alike.values(), key=len, default=[])


def _trimmed(m: re.Match[str]) -> Item:
    """The item of a short sentence, without the spaces before it."""
    start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
    return Item(start, m.end(1), start, m.end())


# A box's title line heads the paragraphs under it as a numbered line does ("专栏1:重点突破的
# 技术领域" then "声学传感器。研发…" "压力传感器。…").
_BOX_TITLE = re.compile(r"专栏[一二三四五六七八九十\d]{1,3}")


def _short_lead_runs(doc: Document) -> list[Enumeration]:
    """Paragraphs in a row (at least :data:`MIN_PARALLEL`) right after a numbered paragraph
    or heading ("(四)着力提升科技创新水平,…"; after one paragraph introducing them when
    that is a heading or a short sentence alone on its line, "(三)主要目标。"), each
    opening with a lead sentence: the unnumbered points under it, which are its
    sub-headings in all but layout (kind ``headings``). The head is the section path,
    that numbered sentence and the paragraph introducing them ("…打响城建、交通、水利、能源、
    信息“五大战役”…": it names them)."""
    # (where the numbered one begins, the paragraph introducing the leads, the leads)
    runs: list[tuple[int, str, list[re.Match[str]]]] = []
    may_intro = False  # the numbered line stands alone: one paragraph may introduce its points
    for line in re.finditer(r"(?m)^[^\n]*\S[^\n]*$", doc.norm):
        m = _LEAD_SENTENCE.match(doc.norm, line.start())
        lead = m.group(1).strip() if m is not None and m.start() < line.end() else ""
        text = line.group(0).strip()
        if NUMBERED.match(text) or _BOX_TITLE.match(text):
            runs.append((line.start(), "", []))
            # (a heading on a line of its own, "三、以强基提质为方向,持续推进农业现代化",
            # or a short sentence alone, "(三)主要目标。")
            alone = not re.search("[。;!?]", text[:-1])
            may_intro = alone and len(text) <= LEAD_SENTENCE_MAX + 6
        elif m is not None and lead and runs:
            runs[-1][2].append(m)
            may_intro = False
        elif may_intro and runs and not runs[-1][2]:
            may_intro = False  # "(三)主要目标。" / "到2020年,建成…。" / "公共服务便捷化。…"
            runs[-1] = (runs[-1][0], text, [])
        else:
            runs.append((-1, "", []))  # body text ends a run; what follows heads nothing
    out = []
    for before, introduced, found in runs:
        if before < 0 or len(found) < MIN_PARALLEL:
            continue
        if introduced and any(_DASHED.match(doc.norm, m.start()) for m in found):
            continue  # "——经济发展稳中有进。…" after a paragraph: bullets (dash_points), no heads
        path = doc.path_at(found[0].start(1))
        intro = _FIRST_SENTENCE.match(doc.norm, before)
        head = f"{path} {intro.group(0).strip() if intro else ''} {introduced}".strip()
        items = tuple(Item(m.start(1), m.end(1), m.start(1), m.end()) for m in found)
        out.append(
            Enumeration("headings", path, items[0].sent_start, items[-1].sent_end, head, 0, items)
        )
    return out


# "重点实施六大工程:", "开展三项行动:": a count, its noun, a colon; its points are short
# sentences ending with the noun ("实施创新工程。").
_COUNT_NAME = r"([两二三四五六七八九十]|\d)(?:大|项|个|条|类|种|方面)([\u4e00-\u9fff]{1,4})\"?"
_COUNT_INTRO = re.compile(_COUNT_NAME + ":")
_SENTENCE = re.compile(rf"[^。;:!?,\n]{{2,{LEAD_SENTENCE_MAX}}}。")
# "着力实施“五大行动”,以…。": a count named at the end of a clause; its points open the
# sentences after it with a clause ending with the noun ("实施零碳供暖行动,推进…。").
_COUNT_NAMED = re.compile(r"(?<![一二三四五六七八九十百千两\d])" + _COUNT_NAME + r"(?=[,。;])")
_LEAD_CLAUSE = re.compile(rf"[^。;:!?,\n]{{2,{LEAD_SENTENCE_MAX}}}[,。]")
COUNTED_WINDOW = 6000  # characters after the intro searched for its points
# How a count's points are read after it: (document, first offset, name, count) → items
_Reader = Callable[[Document, int, str, int], list[Item]]


def counted_lead_sentences(doc: Document) -> list[Enumeration]:
    """Points named by a count: after a colon, that many short sentences ending with the
    counted noun, the first right after the colon; after a count closing a clause, that
    many sentences opening with a subject ending with the noun in its paragraph, or with a
    clause ending with it, the first in the next sentence. Exactly that many in the intro's
    section."""
    norm, out = doc.norm, []
    sentences, clauses = partial(_points, point=_SENTENCE), partial(_points, point=_LEAD_CLAUSE)
    found: list[tuple[re.Match[str], int, _Reader]] = [
        (m, m.end(), r) for m in _COUNT_INTRO.finditer(norm) for r in (sentences, clauses)
    ]
    for m in _COUNT_NAMED.finditer(norm):
        end = norm.find("。", m.end())
        if end > 0:
            found += [(m, end + 1, subjects), (m, end + 1, clauses)]
    done: set[int] = set()
    for m, first, read in found:
        count = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
        if m.start() in done:
            continue  # the sentences after a colon read as points: not their clauses too
        items = read(doc, first, m.group(2), count)
        if count < MIN_ITEMS or len(items) != count:
            continue
        intro = sentence_start(norm, m.start())
        path = doc.path_at(m.start())
        head = f"{path} {norm[intro : m.end()]}".strip().rstrip(":")
        end = items[-1].sent_end
        out.append(Enumeration("inline", path, intro, end, head, count, tuple(items)))
        done.add(m.start())
    return out


def _points(doc: Document, first: int, name: str, count: int, point: re.Pattern[str]) -> list[Item]:
    """Up to ``count`` sentence openings from ``first`` on whose lead ends with the counted
    noun (the last two characters of ``name``: "实施创新工程" for 六大工程) or starts with the
    whole name ("更加突出积极进取" for 五个更加突出), the first at ``first`` itself."""
    noun = name[-2:]
    norm = doc.norm
    section = doc.section_at(first)
    stop = min(len(norm), first + COUNTED_WINDOW, section.end if section else len(norm))
    items: list[Item] = []
    for s in point.finditer(norm, first, stop):
        opens = s.start() == first or norm[s.start() - 1] in "。\n"
        lead = s.group(0)[:-1].strip()
        if opens and (lead.endswith(noun) or (len(name) >= 3 and lead.startswith(name))):
            a = s.start() + len(s.group(0)) - len(s.group(0).lstrip())
            items.append(Item(a, s.end() - 1, a, s.end()))
        if not items or len(items) == count:
            break  # the first point stands right at the start
    return items


# A numbered point run into its paragraph as a short sentence ("1.医疗卫生方面。"), then
# more sentences on the line.
_RUN_IN_POINT = re.compile(
    r"(?m)^[ \t\u3000]*("
    r"(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)"
    rf"[^\n。;:!?,]{{2,{INNER_LEAD_MAX}}})。([^\n]+)"
)
_RUN_ON = re.compile(r"[^。;!?]+[。;!?]?")  # a sentence of the rest of the line


def run_in_sentences(doc: Document) -> list[Enumeration]:
    """A numbered point run into its paragraph as a short sentence, followed by short
    sentences only ("1.医疗卫生方面。为全省重点人群免费开展结直肠癌筛查。为全省60岁以上…"):
    those sentences, each an item headed by the point (:data:`MAX_LEAD` at most each)."""
    norm = doc.norm
    out = []
    for m in _RUN_IN_POINT.finditer(norm):
        items: list[Item] = []
        for s in _RUN_ON.finditer(norm, m.start(2), m.end(2)):
            text = s.group(0).rstrip("。;!?")
            if not text.strip():
                continue
            if len(text) > MAX_LEAD:
                items = []
                break
            items.append(Item(s.start(), s.start() + len(text), s.start(), s.end()))
        if len(items) < MIN_ITEMS:
            continue
        # the section its sentences stand in: the point's own when it heads one
        path = doc.path_at(items[0].start)
        head = f"{path} {m.group(1)}"
        out.append(
            Enumeration(
                "lead", path, items[0].sent_start, items[-1].sent_end, head, 0, tuple(items)
            )
        )
    return out
