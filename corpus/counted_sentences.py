"""Points a quoted count names, one sentence each, in the paragraph it titles.

"(一)“四聚”。济南高新区整合汇聚创新资源,…。历下区依托人工智能平台及服务机构,…。市中区依托
…。济南新旧动能转换起步区依托国家级新区优势,…。": a paragraph's run-in title is a quoted
count and what it counts ("四聚", "两翼", "三区"), and the paragraph then holds exactly as many
sentences: each sentence is one point, named by its first clause (its subject and what it
does first). A paragraph of more or fewer sentences than its count lists nothing here.

The count may also be named inside a sentence, its points then opening as many later sentences
of its paragraph, each on a short verb and the point's quoted name ("大力实施“五转”工程。鼓励
支持“创生个”,…。放开…。引导扶持“个转企”,…。全力推进“小升规”,…" up to the count named again):
the items are the names in their quotes, and the count's own sentence names none of them (a
count closing a sentence of counts, "坚持“三个结合”,…,落实“三个确保”", is followed by the
others' points).

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.chunk import split_sentences
from corpus.enum_model import LINE, Enumeration, Item, lead
from corpus.model import Document
from corpus.numerals import cn_number

# A paragraph opening on its (numbered) run-in title, a quoted count: "(一)"四聚"。"
_TITLE = re.compile(
    r"[ \t\u3000]*(?:\(?[一二三四五六七八九十\d]{1,2}[)、.][ \t\u3000]*)?"
    r"\"([两二三四五六七八九十])[\u4e00-\u9fff]{1,3}\"[。.:]"
)
MIN_POINTS = 2
# A quoted count inside a sentence ("大力实施“五转”工程。"): three or more
_COUNT = re.compile(r"\"([三四五六七八九十])[\u4e00-\u9fff]{1,3}\"")
# A sentence opening on a short verb and a quoted name that closes its first clause
# ("鼓励支持“创生个”,…")
_QUOTED_POINT = re.compile(r"[\u4e00-\u9fff]{0,6}\"([^\"\n,;。]{2,12})\"(?=[,;:。])")


def counted_sentences(doc: Document) -> list[Enumeration]:
    """The paragraphs titled by a quoted count that hold as many sentences after it."""
    out = []
    for line in LINE.finditer(doc.norm):
        title = _TITLE.match(doc.norm, *line.span())
        if title is not None:
            found = _points(doc, title, line.end())
            out += [found] if found is not None else []
    return out


def counted_quotes(doc: Document) -> list[Enumeration]:
    """The quoted counts inside a sentence whose points open as many later sentences of
    their paragraph, each on its quoted name."""
    out = []
    for m in _COUNT.finditer(doc.norm):
        found = _quoted_points(doc, m)
        out += [found] if found is not None else []
    return out


def _quoted_points(doc: Document, count: re.Match[str]) -> Enumeration | None:
    """The points after a quoted count: the sentences of its paragraph opening on a quoted
    name, from the next sentence on (which must) up to the count named again; as many as
    counted, or None."""
    norm = doc.norm
    own_end = norm.find("。", count.end())
    para_end = LINE.search(norm, count.end())
    if own_end < 0 or para_end is None or own_end > para_end.end():
        return None
    own = norm[max(norm.rfind(c, 0, count.start()) for c in "。\n") + 1 : own_end]
    items: list[Item] = []
    for s, e in split_sentences(norm, own_end + 1, para_end.end(), doc.text):
        if count.group(0) in norm[s:e]:
            break
        point = _QUOTED_POINT.match(norm, s)
        if point is None and not items:
            return None  # (the first point opens the next sentence)
        if point is not None:
            items.append(Item(point.start(1) - 1, point.end(1) + 1, s, e))  # (quoted)
    names = [norm[i.start + 1 : i.end - 1] for i in items]
    if len(items) != cn_number(count.group(1)) or any(n in own for n in names):
        return None
    path = doc.path_at(count.start())
    head = f"{path} {own}".strip()
    return Enumeration(
        "inline", path, items[0].sent_start, items[-1].sent_end, head, len(items), tuple(items)
    )


def _points(doc: Document, title: re.Match[str], end: int) -> Enumeration | None:
    """The enumeration of the sentences after a count title up to ``end``, when there are
    as many as it counts."""
    count = cn_number(title.group(1))
    spans = [(s, e) for s, e in split_sentences(doc.norm, title.end(), end, doc.text) if e > s]
    if count < MIN_POINTS or len(spans) != count:
        return None
    leads = [lead(doc.norm, s, e) for s, e in spans]  # each sentence's first clause
    if any(b - a < 2 for a, b in leads):
        return None
    items = [Item(a, b, s, e) for (a, b), (s, e) in zip(leads, spans, strict=True)]
    path = doc.path_at(title.start())
    head = f"{path} {doc.norm[title.start() : title.end()]}".strip()
    return Enumeration("lead", path, spans[0][0], spans[-1][1], head, count, tuple(items))
