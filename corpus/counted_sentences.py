"""Points a quoted count names, one sentence each, in the paragraph it titles.

"(一)“四聚”。济南高新区整合汇聚创新资源,…。历下区依托人工智能平台及服务机构,…。市中区依托
…。济南新旧动能转换起步区依托国家级新区优势,…。": a paragraph's run-in title is a quoted
count and what it counts ("四聚", "两翼", "三区"), and the paragraph then holds exactly as many
sentences: each sentence is one point, named by its first clause (its subject and what it
does first). A paragraph of more or fewer sentences than its count lists nothing here.

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


def counted_sentences(doc: Document) -> list[Enumeration]:
    """The paragraphs titled by a quoted count that hold as many sentences after it."""
    out = []
    for line in LINE.finditer(doc.norm):
        title = _TITLE.match(doc.norm, *line.span())
        if title is not None:
            found = _points(doc, title, line.end())
            out += [found] if found is not None else []
    return out


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
