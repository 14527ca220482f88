"""Points a count names, each a sentence of its own titled by the counted noun, in the text
after it: "…全力推进“六大行动”,着力打造…。全力推进…产业园提速行动。把产业园建设作为…。…全力推进
产业“强链”行动。…". A count and its noun ("六大行动", "三项工程", "五个专项"), then, in the rest
of its section, sentences of a few words ending on that noun with no comma in them (run-in
titles: "实施产业“强链”行动。"), the first of them within :data:`FIRST_WITHIN` sentences of the
count's: the first that many are the items, when there are that many. Numbered titles
("(三)实施…工程") are a heading list's, not this one's.
The list is named by its section and the sentence of the count.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.chunk import split_sentences
from corpus.enum_model import MAX_LEAD, Enumeration, Item, sentence_start
from corpus.model import Document
from corpus.numerals import cn_number

MIN_TITLES = 3  # fewer are a pair, no list
MIN_TITLE = 4  # characters of the shortest title sentence (its noun and a word)
FIRST_WITHIN = 2  # sentences after the count's that the first title opens within
# A count and the noun it counts ("六大行动", "“三项工程”"): the noun of two characters
_COUNT = re.compile(
    r"(?<![\u4e00-\u9fff\d])([两三四五六七八九十]|十[一二三四五六七八九]|\d{1,2})(?:大|项|个|条)\"?([\u4e00-\u9fff]{2})(?![\u4e00-\u9fff])"
)
_NO_TITLE = re.compile(r"[,;:]")  # a clause mark: a sentence going on, no title
_NUMBERED = re.compile(r"\(?[一二三四五六七八九十\d]{1,3}[)、.]")


def counted_titles(doc: Document) -> list[Enumeration]:
    """Counts followed, in their section, by as many title sentences ending on their noun."""
    norm, out = doc.norm, []
    for m in _COUNT.finditer(norm):
        count = cn_number(m.group(1))
        if count < MIN_TITLES:
            continue
        section = doc.section_at(m.start())
        end = section.end if section else len(norm)
        stop = norm.find("。", m.end())
        if stop < 0 or stop >= end:
            continue
        spans = split_sentences(norm, stop + 1, end, doc.text)
        at = [i for i, (s, e) in enumerate(spans) if _titled(norm, s, e, m.group(2))]
        if len(at) < count or at[0] >= FIRST_WITHIN:
            continue
        titles = [spans[i] for i in at[:count]]
        opening = sentence_start(norm, m.start())
        path = doc.path_at(m.start())
        head = f"{path} {norm[opening : stop + 1]}".strip()
        items = tuple(Item(s, e - 1, s, e) for s, e in titles)
        out.append(Enumeration("lead", path, titles[0][0], titles[-1][1], head, count, items))
    return out


def _titled(norm: str, s: int, e: int, noun: str) -> bool:
    """Whether a sentence is a title ending on ``noun``: a few words, no clause mark."""
    body = norm[s:e].rstrip("。")
    return (
        MIN_TITLE <= len(body) <= MAX_LEAD
        and body.endswith(noun)
        and norm[e - 1 : e] == "。"
        and not _NO_TITLE.search(body)
        and not _NUMBERED.match(body)
    )
