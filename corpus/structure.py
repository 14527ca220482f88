"""Heading detection and the section tree of Chinese official documents.

Recognised headings, outermost first:

* ``第X章`` / ``第X部分`` and ``一、``            level 1
* ``第X节`` and ``(一)`` / ``（一）``             level 2
* ``1、`` / ``1.``                                level 3
* ``(1)`` / ``（1）``                             level 4

Above them, a report's parts often stand unnumbered on their own line
("2023年工作回顾", "2024年总体目标和重点任务"): level 0, so that the numbered
headings after one nest in it.

A numbered line counts as a heading only when it stands on its own line
(a short line without sentence-final punctuation). A numbered line followed
by its body on the same line ("1、深入推进党史学习教育。结合…") is a run-in
sub-point: it stays body text of the enclosing section, which is how staff
cite such paragraphs. Documents without any numbered heading (the traditional
sample, magazine-style interviews) use short stand-alone lines as headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.enum_model import LEAD_VERB_WORDS
from corpus.normalize import normalize
from corpus.numerals import cn_number

_CN_NUM = "一二三四五六七八九十百零〇两"

# Patterns run on the normalised line (half width, simplified).
_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^第[{_CN_NUM}\d]+(?:章|部分|篇)")),
    (1, re.compile(rf"^[{_CN_NUM}]+[、.]")),
    (2, re.compile(rf"^第[{_CN_NUM}\d]+节")),
    (2, re.compile(rf"^\([{_CN_NUM}]+\)")),
    (3, re.compile(r"^\d{1,2}(?:、|\.(?!\d))")),
    (4, re.compile(r"^\(\d{1,2}\)")),
)

# The phrases a report's parts end in (also used for headings run into paragraphs).
_PART_WORDS = (
    r"工作回顾|政府工作回顾|工作安排建议|工作安排|工作建议|工作任务|重点工作|主要工作|总体要求|主要目标"
    r"|目标任务|重点任务|自身建设|发展成就|主要预期目标"
)
_PART_PHRASE = rf"(?:{_PART_WORDS})"
# Unnumbered, a part names its time ("2023年工作回顾", "过去五年工作回顾"); a bare "主要目标"
# is a sub-heading inside a numbered part.
_PART_TIME = (
    r"(?:(?:19|20)\d{2}年|过去的?[一二三四五六七八九十]年|今后[一二三四五]年|今年"
    r"|[“\"]?十[一二三四五六]五[”\"]?)"
)
_PART = re.compile(rf"{_PART_TIME}[^。,;:!?\s]{{0,14}}?{_PART_PHRASE}")
_SENTENCE_END = re.compile(r"[。!?;:]$")
_MAX_HEADING = 60
_MAX_PLAIN_HEADING = 24


@dataclass(frozen=True)
class HeadingLine:
    """A heading found in the text (offsets into the original)."""

    start: int
    end: int
    level: int
    text: str


def heading_level(norm_line: str) -> int:
    """Return the numbered-heading level of a normalised line, or 0."""
    line = norm_line.strip()
    for level, pattern in _LEVELS:
        if pattern.match(line):
            return level
    return 0


def is_standalone(norm_line: str) -> bool:
    """Whether a (normalised) line stands alone as a title: short, no sentence's end."""
    line = norm_line.strip()
    return 0 < len(line) <= _MAX_HEADING and not _SENTENCE_END.search(line)


# A numbered point's name alone on its line, closed by a full stop ("(一)百货店要求。",
# "2.信用管理。", its two clauses "(一)加快系统创新,增强融合发展新动能。"), not a clause
# ("(九)含有法律、行政法规禁止的其他内容的。").
_NAMED_POINT = re.compile(
    r"(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}(?:、|\.(?!\d)))"
    r"[^,。;:!?]{2,40}(?:,[^,。;:!?]{2,40})?(?<!的)。"
)


def _names_point(norm_line: str, level: int, next_line: str) -> bool:
    """Whether a numbered line closed by a full stop is its point's heading: a short name
    whose body, or its own sub-points, start on the next line. The last of a list of
    items, each a line ("(八)法律、行政法规规定的其他条件。"), is followed by a point of
    its list's level or above, or by nothing."""
    if not _NAMED_POINT.fullmatch(norm_line.strip()):
        return False
    after = heading_level(next_line)
    return bool(next_line.strip()) and (after == 0 or after > level)


def _is_plain_heading(norm_line: str, next_line: str) -> bool:
    line = norm_line.strip()
    if not (2 <= len(line) <= _MAX_PLAIN_HEADING) or re.search(r"[,。;:!?、]", line[-1:]):
        return False
    if re.search(r"[,。;]", line):
        return False
    # A caption-like line heads a longer paragraph; a date or number line does not.
    if re.fullmatch(r"[\d年月日\-./ ]+", line):
        return False
    return len(next_line.strip()) > 2 * len(line)


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's span; a numbered heading glued to the end of the paragraph before it
    ("…新格局。(二)供给能力提升工程", its line break lost) is a line of its own."""
    spans = []
    pos = 0
    for raw in text.split("\n"):
        glued = glued_heading(raw)
        if glued:
            spans.append((pos, pos + glued))
        spans.append((pos + glued, pos + len(raw)))
        pos += len(raw) + 1
    return spans


def glued_heading(norm_line: str) -> int:
    """Where a numbered heading glued to the end of a paragraph's line starts ("…新格局。
    (二)供给能力提升工程"), or 0 when the line ends in none."""
    m = _GLUED_HEADING.search(norm_line)
    if m is None or not heading_level(m.group(1)) or not is_standalone(m.group(1)):
        return 0
    if "," in m.group(1) and not norm_line[m.start(1) - 1].isspace():
        return 0  # two clauses right after a full stop read on as a sentence
    return m.start(1)


# A numbered heading after a paragraph's last full stop (a space may part them, where a
# line break was lost), closing its line; parted by a space, it may be two clauses
# ("…服务型机器人。 三、推进平台提质升级,提升数据应用能力").
_GLUED_HEADING = re.compile(
    r"(?<=[。;)])\s?((?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\.(?!\d))"
    r"[^。,;:!?、\s]{2,24}(?:,[^。,;:!?、\s]{2,24})?)\s*$"
)


# A title's second line when it is broken before a joining word ("移动智能终端应用软件预置" /
# "和分发管理暂行规定"): a short line opening on 和/及/与/暨, no sentence in it.
_TITLE_GOES_ON = re.compile(r"^\s*[和及与暨][^,。;:!?]{2,24}\s*$")


def continues_title(line: str) -> bool:
    """Whether ``line``, right after a title's line, is the rest of that title."""
    return bool(_TITLE_GOES_ON.match(line))


def find_headings(text: str, norm: str | None = None) -> list[HeadingLine]:
    """Find the heading lines of a document.

    Args:
        text: the original text.
        norm: its normalised form (computed when omitted).

    Returns:
        Headings in document order, with offsets of the stripped line.
    """
    norm = normalize(text) if norm is None else norm
    spans = _lines(norm)
    # The first non-empty line is the title (or a byline), not a section.
    first = next((i for i, (s, e) in enumerate(spans) if norm[s:e].strip()), len(spans))
    # …and a line carrying the title on ("和分发管理暂行规定") is the title's too.
    after = next((i for i in range(first + 1, len(spans)) if norm[slice(*spans[i])].strip()), 0)
    if after and continues_title(norm[slice(*spans[after])]):
        first = after
    numbered, run_in, parts = _line_headings(text, norm, spans, first)
    if numbered and parts:
        numbered = sorted(numbered + parts, key=lambda h: h.start)
    if len(numbered) < 3 and _layout_lost(spans):
        # Line breaks were lost: headings run into paragraphs; keep any found
        # on their own line too.
        inline = _inline_headings(text, norm)
        known = {h.start for h in inline}
        merged = sorted(
            inline + [h for h in numbered if h.start not in known], key=lambda h: h.start
        )
        if len(merged) >= 2:
            return merged
    numbered = sorted(numbered + run_in, key=lambda h: h.start)
    if any(h.level == 1 for h in numbered) or len(numbered) >= 2:
        return numbered
    plain: list[HeadingLine] = []
    for i, (start, end) in enumerate(spans):
        nxt = ""
        for ns, ne in spans[i + 1 :]:
            if norm[ns:ne].strip():
                nxt = norm[ns:ne]
                break
        if i > first and _is_plain_heading(norm[start:end], nxt):
            s, e = _strip_span(text, start, end)
            plain.append(HeadingLine(s, e, 1, text[s:e]))
    return plain


# "…提出意见。一、2023年工作回顾 过去的一年…": a heading inside a paragraph whose
# line breaks were lost, ending at the space that replaced its line break.
_INLINE = re.compile(
    rf"(?:(?<=[。!?;])|(?<=\s)|^)([{_CN_NUM}]{{1,3}}、[^。,;:!?\s]{{2,30}})(?=\s)"
    rf"|(?:(?<=[。!?;])|(?<=\s))(\([{_CN_NUM}]{{1,3}}\)[^。,;:!?\s]{{2,30}})(?=\s)"
)


# "一、2021年工作回顾2021年是…": no space after the heading, but it ends in one
# of the phrases report headings end in.
# ("一、2003年政府工作情况2003年,…": a numbered part may end in a few more phrases.)
_RUN_IN_PHRASE = rf"(?:{_PART_WORDS}|工作情况|完成情况|主要任务|工作总结|工作的回顾)"
# …naming its time, a year or another ("一、过去五年工作的回顾2007年以来,…", "二、“十四五”
# 时期的奋斗目标和重点任务根据…"): "一、维护世界和平是我国对外政策的主要目标" is a
# sentence, not a part.
_RUN_IN_HEAD = re.compile(rf"[{_CN_NUM}]{{1,2}}、{_PART_TIME}[^。,;:!?\s]{{0,14}}?{_RUN_IN_PHRASE}")
# "一、2007年政府的工作2007年,在…": a part's heading ends where its paragraph writes its year again.
_RUN_IN_YEAR = re.compile(
    rf"(?:(?<=[。!?;\s])|^)([{_CN_NUM}]{{1,2}}、((?:19|20)\d{{2}})年[^。,;:!?\s]{{1,16}}?)(?=\2年)"
)
_INLINE_PHRASE = re.compile(
    rf"(?:(?<=[。!?;\s])|^)([{_CN_NUM}]{{1,2}}、(?:(?:19|20)\d{{2}}年)?[^。,;:!?\s]{{0,14}}?"
    rf"{_RUN_IN_PHRASE})"
)


def _line_headings(
    text: str, norm: str, spans: list[tuple[int, int]], first: int
) -> tuple[list[HeadingLine], list[HeadingLine], list[HeadingLine]]:
    """Numbered headings on their own lines, numbered parts run into their paragraph, and
    unnumbered parts ("2023年工作回顾") on their own lines."""
    numbered: list[HeadingLine] = []
    run_in: list[HeadingLine] = []
    parts: list[HeadingLine] = []
    # whether the last numbered line of each level (since one above it) was a heading
    sibling_heads: dict[int, bool] = {}
    for i, (start, end) in enumerate(spans):
        line = norm[start:end]
        if _CONTENTS_ENTRY.search(line):
            continue  # "(一)指导思想 ........ 3": a table of contents' entry, not its part
        level = heading_level(line)
        after_head = bool(level) and sibling_heads.get(level, False)
        if level:
            sibling_heads = {k: v for k, v in sibling_heads.items() if k <= level}
            # A point named and closed by a full stop is a heading only among siblings that
            # are ("(一)…要求。" after none; not "3.…其他限制。" after "2.…不得超过2个。").
            named = sibling_heads.get(level, True) and _names_point(
                line, level, _next(norm, spans, i)
            )
            # …nor one of two clauses whose body follows and whose next sibling runs into its
            # paragraph ("(一)立足…,建设…体系。" on its own line, "(二)…自立自强。一要…":
            # points of one list, the first a short paragraph; not one whose own sub-points
            # follow)
            own_points = heading_level(_next(norm, spans, i)) > level
            runs_in = "," in line and _next_sibling_runs_in(norm, spans, i, level)
            named = named and (own_points or not runs_in)
            sibling_heads[level] = is_standalone(line) or named
        if level and sibling_heads[level]:
            s, e = _strip_span(text, start, end)
            numbered.append(HeadingLine(s, e, level, text[s:e]))
        elif after_head and (title := dash_title(line)):
            # "(八)虚拟现实之都--打造“VR+AI”场景交互高地依托国家级…" after "(七)中国算谷--
            # 打造全球算力场景新高地" alone on its line: the point's title, its body run on
            s, _ = _strip_span(text, start, end)
            run_in.append(HeadingLine(s, start + title, level, text[s : start + title]))
            sibling_heads[level] = True
        elif level == 1 and (
            m := _RUN_IN_YEAR.match(stripped := line.strip()) or _RUN_IN_HEAD.match(stripped)
        ):
            # "二、2002年政府工作的总体要求和目标任务今年…": a part's heading run into its
            # first paragraph, between parts that stand on their own lines
            s, _ = _strip_span(text, start, end)
            run_in.append(HeadingLine(s, s + m.end(), 1, text[s : s + m.end()]))
        elif i > first and _PART.fullmatch(line.strip()):
            s, e = _strip_span(text, start, end)
            parts.append(HeadingLine(s, e, 0, text[s:e]))
    return numbered, run_in, parts


# A point titled by a name and what it is to be ("(七)中国算谷--打造全球算力场景新高地"), up
# to the verb that opens its body when the body runs on ("…储能基地加快突破…"): the title
# goes on past its own verb for a few characters, and holds no mark.
_DASH_TITLE = re.compile(
    r"\s*\S{2,6}?[^。,;:!?\s]{2,12}?--+[^。,;:!?\s]{4,30}?(?=" + "|".join(LEAD_VERB_WORDS) + ")"
)


def dash_title(norm_line: str) -> int:
    """Where the dash title a numbered point's line opens with ends, its body running on
    from a verb opening a paragraph (0 when the line opens with none)."""
    m = _DASH_TITLE.match(norm_line)
    return m.end() if m else 0


# A table of contents' entry: its title, a leader of dots, and (mostly) its page number.
_CONTENTS_ENTRY = re.compile(r"(?:[.…·]\s?){4,}\s*\d{0,3}\s*$")


def _next_sibling_runs_in(norm: str, spans: list[tuple[int, int]], i: int, level: int) -> bool:
    """Whether the next point of line ``i``'s list (its level, numbered one more, before a
    line above it) runs into its paragraph: no title alone, no named point."""
    after = point_number(norm, spans[i][0]) + 1
    for s, e in spans[i + 1 :]:
        line = norm[s:e].strip()
        other = heading_level(line)
        if other and other < level:
            return False
        if other == level and point_number(line) == after:
            return not is_standalone(line) and not _NAMED_POINT.fullmatch(line)
    return False


# A numbered line's ordinal: "第二…", "三、", "(二)", "4." (an indent may stand before it).
_ORDINAL = re.compile(
    r"\s*(?:第([一二三四五六七八九十\d]+)|([一二三四五六七八九十]+)[、.]|\(([一二三四五六七八九十\d]+)\)"
    r"|(\d{1,2})[、.])"
)


def point_number(text: str, at: int = 0) -> int:
    """The number of the numbered line at ``at`` of ``text`` ("(二)…" → 2, "3.…" → 3,
    "第四章" → 4; 0 for none)."""
    m = _ORDINAL.match(text, at)
    return cn_number(next((g for g in m.groups() if g), "")) if m else 0


def _next(norm: str, spans: list[tuple[int, int]], i: int) -> str:
    """The first non-empty line after line ``i`` ("" if none)."""
    return next((norm[s:e] for s, e in spans[i + 1 :] if norm[s:e].strip()), "")


def _layout_lost(spans: list[tuple[int, int]]) -> bool:
    """Whether a text's paragraphs are far longer than real ones (breaks lost)."""
    lengths = [e - s for s, e in spans if e > s]
    return bool(lengths) and max(lengths) > 1200


def _inline_headings(text: str, norm: str) -> list[HeadingLine]:
    """Headings run into long paragraphs (used when a text's line breaks were lost)."""
    found: dict[int, HeadingLine] = {}
    for m in _INLINE.finditer(norm):
        group = 1 if m.group(1) else 2
        start, end = m.start(group), m.end(group)
        found[start] = HeadingLine(start, end, 1 if group == 1 else 2, text[start:end])
    for pattern in (_RUN_IN_YEAR, _INLINE_PHRASE):  # a part run in, by its year or phrase
        for m in pattern.finditer(norm):
            start, end = m.start(1), m.end(1)
            found.setdefault(start, HeadingLine(start, end, 1, text[start:end]))
    return sorted(found.values(), key=lambda h: h.start)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class RawSection:
    """A section before metadata is attached."""

    path: tuple[str, ...]
    heading: str
    level: int
    start: int
    body_start: int
    end: int


def build_tree(text: str, headings: list[HeadingLine]) -> list[RawSection]:
    """Turn headings into sections with paths, in document order.

    The first entry is the preamble (text before the first heading, path ()).
    A section's ``end`` is where the next heading of the same or a higher
    level begins; ``body_start``..next heading is its own body text.
    """
    sections: list[RawSection] = []
    first = headings[0].start if headings else len(text)
    sections.append(RawSection((), "", 0, 0, 0, first))
    stack: list[HeadingLine] = []
    for i, h in enumerate(headings):
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
        end = len(text)
        for later in headings[i + 1 :]:
            if later.level <= h.level:
                end = later.start
                break
        sections.append(
            RawSection(tuple(x.text for x in stack), h.text, len(stack), h.start, h.end, end)
        )
    return sections


def own_body(
    sections: list[RawSection], index: int, headings: list[HeadingLine]
) -> tuple[int, int]:
    """Offsets of the text a section holds itself (up to its first child or sibling)."""
    sec = sections[index]
    nxt = next((h.start for h in headings if h.start >= sec.body_start), sec.end)
    return sec.body_start, min(nxt, sec.end)
