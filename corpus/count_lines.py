"""Points a count announces, each a short sentence alone on its line.

"…要全面贯彻…精神,着力抓好三个方面。" closes its paragraph; the next line is
"加快政府职能转变。" alone, then a long paragraph about it, then "切实加强政风建设。"
alone, and so on: unnumbered sub-headings written as sentences. The points are the
first that many such lines of the intro's section, the first right after the intro.
"""

from __future__ import annotations

import re

from corpus.enum_model import LINE, MIN_ITEMS, Enumeration, Item, sentence_start
from corpus.model import Document
from corpus.numerals import cn_number
from corpus.paragraph_lists import LEAD_SENTENCE_MAX, NUMBERED

# A count closing its paragraph ("着力抓好三个方面。", "重点做好以下五项工作:").
_COUNT_CLOSING = re.compile(
    r"([两二三四五六七八九十]{1,2}|\d{1,2})(?:个|项|条|点|大|类|种)?(?:方面|工作|任务|重点|"
    r"措施|要求|原则|问题|事情|事|环节|关系)[\u4e00-\u9fff]{0,6}[。:][ \t\u3000]*\n"
)
# A line holding one short sentence and nothing else ("加快政府职能转变。").
_POINT_LINE = re.compile(rf"[ \t\u3000]*([^\n。;:!?,]{{2,{LEAD_SENTENCE_MAX}}})。?[ \t\u3000]*$")
_ORDINAL_MUST = re.compile(r"[一二三四五六七八九十]+要")  # "二要努力节省开支。": numbered too


def counted_lines(doc: Document) -> list[Enumeration]:
    """Every count closing a paragraph whose next line and the lines after it hold that
    many short sentences alone (body paragraphs between them), within its section."""
    norm, out = doc.norm, []
    for m in _COUNT_CLOSING.finditer(norm):
        count = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
        if count < MIN_ITEMS:
            continue
        items = _point_lines(doc, m.end(), count)
        if len(items) != count:
            continue
        intro = sentence_start(norm, m.start())
        path = doc.path_at(m.start())
        head = f"{path} {norm[intro : m.end()].strip()}".strip().rstrip(":。")
        out.append(Enumeration("lead", path, intro, items[-1].sent_end, head, count, items))
    return out


def _point_lines(doc: Document, first: int, count: int) -> tuple[Item, ...]:
    """Up to ``count`` lines of one short sentence from ``first`` on, in the section there,
    each followed by its body (the line after a point is never the next point); none
    unless the first non-empty line is one."""
    section = doc.section_at(first)
    stop = section.end if section is not None and section.end > first else len(doc.norm)
    items: list[Item] = []
    body = False  # the line after a point is its body, whatever its length
    for line in LINE.finditer(doc.norm, first, stop):
        if not line.group(0).strip():
            continue
        point = _POINT_LINE.fullmatch(line.group(0))
        if body:
            body = False
        elif point is not None:
            if NUMBERED.match(point.group(1)) or _ORDINAL_MUST.match(point.group(1)):
                return ()  # numbered points are corpus.enumerations' ordinal lists
            a = line.start() + point.start(1)
            items.append(Item(a, line.start() + point.end(1), a, line.end()))
            body = True
        elif not items:
            break  # the points start right after the count
        if len(items) == count:
            break
    return tuple(items)
