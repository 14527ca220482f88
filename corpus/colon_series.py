"""Series of names a sentence introduces: after "有:"/"包括:"/"如:" (or a bare 包括 whose
clause they fill, closed by 等 or, its last two joined by 和/及, by the sentence's end; or
a bare 是 whose sentence they fill), or after a term opening its line ("[3]都谷极:…").
Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import Enumeration
from corpus.model import Document
from corpus.phrase_lists import series_at, series_of

# "…重大工程共82个,主要的有:A、B、C等等。": the names after an introducing colon.
_COLON_SERIES = re.compile(
    r"(?:有|包括|包含|如|是|为)[:]((?:[^、,;。:!?\n]{2,20}、){2,}[^、,;。:!?\n]{2,20}?)"
    r"(?:等等|等)?(?=[,;。!?\n]|$)"
)


# "记录的数据应包括A、B、C、D等。": the names a verb of inclusion takes without a colon,
# filling its clause up to 等 ("…等方面" is a kind series).
_INCLUDED_SERIES = re.compile(
    r"(?:包括|包含|涵盖)((?:[^、,;。:!?\n]{2,20}、){2,}[^、,;。:!?\n等]{2,20}?)"
    r"(?:等等|等)(?=[,;。!?\n]|$)"
)


# "一级指标包括A、B、…、F和G。": a closed series a verb of inclusion takes, its last two names
# joined by 和/及, filling the sentence.
_CLOSED_SERIES = re.compile(
    # (not a bracket's aside, "(包括用户、团体…)", nor what holds them, "包括A、…在内的…":
    # the last name writes no 的)
    r"(?<![(])(?:包括|包含|涵盖|分为|分成)((?:[^、,;。:!?\n()]{2,20}、){1,}[^、,;。:!?\n等()的]{4,30}?)"
    r"(?=[。;]|$)"
)


# "事前提醒重点是A、B、C、D、E。": short names a copula ("是", "分别为") takes, filling
# the sentence; not an ordinal's 是 ("二是…"), an aside's ("特别是", "尤其是") nor 是否.
_COPULA_SERIES = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![但于凡只还或要就也别其先次一二三四五六七八九十])"
    r"(?:是(?!否)|(?:分别|依次)为)"
    r"((?:[^、,;。:!?\n\"\d]{2,12}、){2,}[^、,;。:!?\n等的\"\d]{2,12}?)(?:等)?(?=[。;]|$)"
)


# "[3]都谷极:世界电容器之都、区域性先进碳基复合材料“碳谷”、中国…“第三极”。": a line (a
# report's note, a glossary's entry) naming a term and, after its colon, the names it stands
# for, filling the sentence.
_DEFINED_SERIES = re.compile(
    r"(?m)^[ \t\u3000]*(?:\[\d{1,3}\])?[^\s:,;。、!?\[\]]{2,16}:"
    r"((?:[^、,;。:!?\n]{2,30}、){2,}[^、,;。:!?\n]{2,30}?)(?:等)?(?=[。;]?[ \t\u3000]*$)"
)


def colon_series(doc: Document) -> list[Enumeration]:
    """A series of names after "有:"/"包括:"/"如:" (or a bare 包括 whose clause they fill),
    named by its sentence's words before it; or after a term opening its line ("[3]都谷极:"),
    named by that term."""
    found = series_at(doc, _COLON_SERIES)
    seen = {m.start(1) for m, _ in found}  # "主要有:…" opening its line is read once
    for pattern in (_DEFINED_SERIES, _INCLUDED_SERIES, _COPULA_SERIES):
        found += [(m, spans) for m, spans in series_at(doc, pattern) if m.start(1) not in seen]
    seen |= {m.start(1) for m, _ in found}
    for m, spans in series_at(doc, _CLOSED_SERIES):
        last = _closing_pair(doc.norm, *spans[-1])
        if m.start(1) not in seen and last is not None:
            found.append((m, spans[:-1] + last))
    return [series_of(doc, spans) for _, spans in found]


def _closing_pair(norm: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The two names of a series' last piece joined by its one 和/及 ("综合保障能力指数和附加
    项"), or None when it holds none or several."""
    joins = list(_LAST_JOIN.finditer(norm, a, b))
    if len(joins) != 1:
        return None
    j = joins[0]
    if j.start() - a < _MIN_NAME or b - j.end() < _MIN_NAME:
        return None
    return [(a, j.start()), (j.end(), b)]


_LAST_JOIN = re.compile(r"以及|和|及")
_MIN_NAME = 2
