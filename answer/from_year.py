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
from corpus.normalize import normalize
from retrieval.part_labels import CHANGE_VERB
from retrieval.query import Query
from retrieval.years import find_years

# "由1957年的535万吨增长到…", "从1955年的3496亿斤,增加到了1959年的…": the year it started
# in, the figure, the verb of the change, the year it reached.
_FROM_YEAR = re.compile(
    rf"[从由]((?:19|20)\d{{2}})年(?:底|末)?的?([^;。]{{0,20}}?)(?:{CHANGE_VERB})?(?:到|至)了?"
    r"(?:((?:19|20)\d{2})年(?:底|末)?的?)?"
)
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
        m = _FROM_YEAR.search(quote)
        if m is None or int(m.group(1)) not in years:
            continue
        k = years.index(int(m.group(1)))
        rest = quote[: m.start()] + quote[m.end() :]
        reached = int(m.group(3)) if m.group(3) else None
        if reached != years[1 - k] and (reached or years[1 - k] not in find_years(rest)):
            continue
        start = numbers_in(m.group(2))
        end = [n for n in numbers_in(quote) if n.start() >= m.end()][:1]
        if len(start) != 1 or not end:
            continue
        at = c.start + m.start(2)
        spans = {k: (at + start[0].start(), at + start[0].end())}
        spans[1 - k] = (c.start + end[0].start(), c.start + end[0].end())
        return [_quoting(results[i], c, spans[i]) for i in range(2)]
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


def _two_years(parts: Sequence[Query]) -> list[int] | None:
    """The years of two parts asking one (different) year each, else None."""
    if len(parts) != 2 or any(len(p.years) != 1 for p in parts):
        return None
    years = [p.years[0] for p in parts]
    return years if years[0] != years[1] else None


def _quoting(r: Result, c: Citation, span: tuple[int, int]) -> Result:
    """``r`` answering (found, no near miss beside) with ``span`` of the sentence ``c`` cites."""
    return replace(respan(r, c, span), found=True, related=None)
