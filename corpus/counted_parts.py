"""The parts a counted whole is made of, each counted in turn.

"国家计划新建和续建一百二十个大型项目,其中有十大钢铁基地,九大有色金属基地,八大煤炭
基地,十大油气田,三十个大电站,六条铁路新干线和五个重点港口": after a whole (its count
and noun before 其中 / 包括), three or more parts separated by commas or 、, the last after
和 / 及, each opening on its own count and measure word. The parts are the list of what the
whole holds; its sentence before them (the whole and its count) is the list's head. Found by
the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import Enumeration
from corpus.model import Document
from corpus.phrase_lists import series_of

_NUMERAL = r"(?:[一二两三四五六七八九十百千]+|\d{1,4})"
_MEASURE = r"(?:大|个|条|座|项|家|所|处|种|类|批|片|支|张|台|套)"
# One part: its count, its measure word and a short noun ("十大钢铁基地", "三十个大电站").
_PART = rf"{_NUMERAL}{_MEASURE}[\u4e00-\u9fff]{{1,12}}?"
_JOIN = r"(?:[,、]|[,、]?(?:和|及|以及))"
MIN_PARTS = 3  # two counted phrases are a pair, not a list
_PARTS = re.compile(
    rf"(?:其中有|其中包括|其中|包括)({_PART}(?:{_JOIN}{_PART}){{{MIN_PARTS - 1},}})(?=[,;。]|$)"
)
# Where one part ends and the next, opening on its count, begins.
_BETWEEN = re.compile(rf"{_JOIN}(?={_NUMERAL}{_MEASURE})")


def counted_parts(doc: Document) -> list[Enumeration]:
    """Every run of counted parts after a whole's 其中 / 包括 (see the module's doc)."""
    out = []
    norm = doc.norm
    for m in _PARTS.finditer(norm):
        spans, at = [], m.start(1)
        for cut in _BETWEEN.finditer(norm, m.start(1), m.end(1)):
            spans.append((at, cut.start()))
            at = cut.end()
        spans.append((at, m.end(1)))
        if len(spans) >= MIN_PARTS:
            out.append(series_of(doc, spans))
    return out
