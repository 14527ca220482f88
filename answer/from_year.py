"""Two years' figures one sentence gives as a change from the one to the other.

"钢产量57年和58年分别是多少" is answered by "(在一九五八年…)使钢产量由一九五七年的
五百三十五万吨增长到一千一百零八万吨": the figure after 由 is the year it names, the
figure after 到 the other year the sentence speaks of. The part asking the earlier year
finds that sentence; the later one, asked alone, may quote another year's plan. Likewise
"1959年…拟定为270亿元,比1958年的214亿元增长26%" gives 1958's figure as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from answer.model import Citation
from answer.quantities import numbers_in
from answer.results import Result, respan
from answer.spans import qualified
from corpus.normalize import normalize
from retrieval.part_labels import CHANGE_VERB
from retrieval.query import Query
from retrieval.years import find_years

# The figure a change starts from, then the verb of the change up to 到 ("…535万吨增长到").
_FROM_FIGURE = rf"([^;。]{{0,20}}?)(?:{CHANGE_VERB})?(?:到|至)了?"
# "由1957年的535万吨增长到…", "从1955年的3496亿斤,增加到了1959年的…": the year it started
# in, the figure, the year it reached.
_FROM_YEAR = re.compile(
    rf"[从由]((?:19|20)\d{{2}})年(?:底|末)?的?{_FROM_FIGURE}"
    r"(?:((?:19|20)\d{2})年(?:底|末)?的?)?"
)
# "1986年同1978年相比,国民生产总值由3480亿元增加到9380亿元": the year reached, the year
# it started in, the figure after 由.
_COMPARED = re.compile(
    r"((?:19|20)\d{2})年(?:底|末)?(?:同|与|和|跟)((?:19|20)\d{2})年(?:底|末)?相比,?"
    rf"[^;。]{{0,20}}?[从由]{_FROM_FIGURE}"
)
# "2003年到2023年,全市地区生产总值由103.97亿元增加到1117.56亿元": the span's first year,
# its last, the figure after 由 (the first year's).
_SPANNED = re.compile(
    r"((?:19|20)\d{2})年(?:底|末)?(?:到|至|-)((?:19|20)\d{2})年(?:底|末)?,?"
    rf"[^;。]{{0,20}}?[从由]{_FROM_FIGURE}"
)
# "今年…投资比重由去年的百分之十点七提高到百分之十四": last year's figure, then this year's.
_FROM_LAST = re.compile(rf"[从由](?:去年|上年)(?:底|末)?的?{_FROM_FIGURE}")
# "拟定为270亿元,比1958年的214亿元增长26%": the year a figure is compared with, its figure.
_BASE_FIGURE = re.compile(
    r"比((?:19|20)\d{2})年(?:底|末)?的([^,;。]{1,12}?)(?=增|减|提|下|多|少|高|低)"
)


def years_from_to(parts: Sequence[Query], results: Sequence[Result]) -> list[Result] | None:
    """Results for two parts asking one year each, both quoted from a part's sentence
    that changes a figure from one asked year's to the other's; None when no answer's
    sentence does (the other year must be the sentence's time or the 到 figure's)."""
    years = _two_years(parts)
    if years is None:
        return None
    for r in results:
        c = r.citation
        if not r.found or c is None:
            continue
        quote = normalize(c.quote)
        found = _changed(quote, years, normalize(c.section))
        if found is None:
            continue
        k, from_at, from_text, after = found
        start = numbers_in(from_text)
        end = [n for n in numbers_in(quote) if n.start() >= after][:1]
        if len(start) != 1 or not end:
            continue
        # (each with the word bounding it: "百分之四十二左右")
        first = qualified(quote, (from_at + start[0].start(), from_at + start[0].end()))
        spans = {k: first, 1 - k: qualified(quote, (end[0].start(), end[0].end()))}
        return [_quoting(results[i], c, _shifted(spans[i], c.start)) for i in range(2)]
    return None


def _changed(
    quote: str, years: Sequence[int], section: str = ""
) -> tuple[int, int, str, int] | None:
    """Where a (normalised) sentence changes a figure from one of the two ``years`` to the
    other: which of them the figure after 由 is of, where its text starts, the text, and
    where the figure reached is looked for; None when it does not. The year reached may be
    the one its ``section`` heading names ("(三)一九五八年…计划的安排": "将由一九五七年的
    百分之四十二左右,提高到百分之六十左右")."""
    m = _FROM_YEAR.search(quote)
    if m is not None and int(m.group(1)) in years:
        k = years.index(int(m.group(1)))
        rest = quote[: m.start()] + quote[m.end() :]
        reached = int(m.group(3)) if m.group(3) else None
        told = find_years(f"{rest} {section}")
        if reached == years[1 - k] or (not reached and years[1 - k] in told):
            return k, m.start(2), m.group(2), m.end()
    # two years the sentence names, and which of them the figure after 由 is of
    for pattern, whence in ((_COMPARED, 2), (_SPANNED, 1)):
        m = pattern.search(quote)
        if m and {int(m.group(1)), int(m.group(2))} == set(years) and years[0] != years[1]:
            return years.index(int(m.group(whence))), m.start(3), m.group(3), m.end()
    m = _FROM_LAST.search(quote)
    if m is not None and abs(years[0] - years[1]) == 1:  # two years running: 去年 the first
        return years.index(min(years)), m.start(1), m.group(1), m.end()
    return None


def base_figures(parts: Sequence[Query], results: Sequence[Result]) -> list[Result] | None:
    """Two parts asking one year each, one answered by a sentence that compares its figure
    with the other year's ("…拟定为270亿元,比1958年的214亿元增长26%"), the other not
    answered: that one quotes the figure compared with; None otherwise."""
    years = _two_years(parts)
    if years is None or sum(r.found for r in results) != 1:
        return None
    k = next(i for i, r in enumerate(results) if r.found)
    c = results[k].citation
    if c is None:
        return None
    quote = normalize(c.quote)
    for m in _BASE_FIGURE.finditer(quote):
        figure = numbers_in(m.group(2))
        if int(m.group(1)) != years[1 - k] or len(figure) != 1:
            continue
        at = c.start + m.start(2)
        span = (at + figure[0].start(), at + figure[0].end())
        out = list(results)
        out[1 - k] = _quoting(results[1 - k], c, span)
        return out
    return None


def _shifted(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] + by, span[1] + by


def _two_years(parts: Sequence[Query]) -> list[int] | None:
    """The years of two parts asking one (different) year each, else None."""
    if len(parts) != 2 or any(len(p.years) != 1 for p in parts):
        return None
    years = [p.years[0] for p in parts]
    return years if years[0] != years[1] else None


def _quoting(r: Result, c: Citation, span: tuple[int, int]) -> Result:
    """``r`` answering (found, no near miss beside) with ``span`` of the sentence ``c`` cites."""
    return replace(respan(r, c, span), found=True, related=None)
