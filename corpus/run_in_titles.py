"""Points named by short sentences of their own that end alike, each followed by its body:
"扶优扶强一批。制定完善扶持政策,…。推动上市一批。抓住…机遇,…。转型升级一批。…". Three or
more such sentences of one paragraph, each a single short clause ending on the same two
characters, are the items (without their full stop); the list is named by its section and the
sentence before the first.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from corpus.alike_leads import listed_run
from corpus.chunk import split_sentences
from corpus.enum_model import LINE, Enumeration
from corpus.model import Document

MIN_TITLES = 3  # fewer sentences ending alike are no list yet
_SHARED_END = 2  # characters every title ends with alike ("一批")
# A sentence that is one short clause: a point's name ("推动上市一批。").
_TITLE = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff\"]{4,12})[。!]")


def run_in_titles(doc: Document) -> list[Enumeration]:
    """Runs of :data:`MIN_TITLES` or more short sentences of one paragraph ending alike."""
    out = []
    for line in LINE.finditer(doc.norm):
        if line.group(0).count("。") > MIN_TITLES:
            out += _paragraph_titles(doc, *line.span())
    return out


def _paragraph_titles(doc: Document, start: int, end: int) -> list[Enumeration]:
    """The runs of titles ending alike in the paragraph at ``start``..``end``."""
    norm = doc.norm
    spans = split_sentences(norm, start, end, doc.text)
    by_end: dict[str, list[tuple[int, int, int, int]]] = {}
    for s, e in spans:
        m = _TITLE.fullmatch(norm, s, e)
        if m is not None:
            by_end.setdefault(m.group(1)[-_SHARED_END:], []).append((*m.span(1), s, e))
    return [
        listed_run(doc, titles, spans)
        for titles in by_end.values()
        if len(titles) >= MIN_TITLES and _each_with_body(titles)
    ]


def _each_with_body(titles: list[tuple[int, int, int, int]]) -> bool:
    """Whether body text stands between every two titles (not a run of slogans)."""
    return all(b[2] > a[3] + 1 for a, b in pairwise(titles))
