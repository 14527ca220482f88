"""What the 指标 tab shows, as plain data: table cells, chart points, a row's source.

Pure functions over the rows of :mod:`retrieval.indicators`, tested without a
browser; :mod:`ui.indicators_tab` puts them on the page. Every string from a
document goes through :func:`ui.render.esc` (or the dataframe's own escaping).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from answer.table import citation_of_row
from ui import render
from ui.indicators_cmd import KIND_NAMES

if TYPE_CHECKING:
    from corpus.model import Document
    from index.facts_view import FactsView
    from retrieval.indicators import ConflictGroup, IndicatorRow

COLUMNS = "# 冲突 指标 限定 数值 单位 地区 年份 时段 类型 原文 文件".split()
WIDTHS = ["44px", "56px", "150px", "52px", "70px", "52px", "72px", "56px", "56px", "52px"]
KIND_CHOICES = {"全部": "", "实际": "actual", "目标": "target"}
CONFLICT_STYLE = "background-color: #fee2e2"  # a row of a conflict group
_MUTED = "color:#6b7280;font-size:0.9em"
_OTHER = "margin:4px 0;padding:4px 8px;border-left:4px solid #f87171;background:#fef2f2"
_SAME = "margin:4px 0;padding:4px 8px;border-left:4px solid #86efac;background:#f0fdf4"
_QUOTE = "margin:6px 0;padding:4px 10px;border-left:4px solid #60a5fa;background:#f8fafc"


@dataclass(frozen=True)
class Found:
    """One search: its rows and the conflict group of each (0: in none)."""

    rows: tuple[IndicatorRow, ...]
    groups: tuple[int, ...]
    conflicts: tuple[ConflictGroup, ...]


def found(rows: Sequence[IndicatorRow], conflicts: list[ConflictGroup], only: bool) -> Found:
    """The rows (only those of conflict groups when ``only``) with their group numbers."""
    if only:
        rows = [r for g in conflicts for r in g.rows]
    number = {id(r): n for n, g in enumerate(conflicts, 1) for r in g.rows}
    return Found(tuple(rows), tuple(number.get(id(r), 0) for r in rows), tuple(conflicts))


def table_frame(f: Found, limit: int) -> Any:
    """The first ``limit`` rows as a styled DataFrame, conflict rows tinted red."""
    import pandas as pd

    data = [
        [
            i,
            f"⚠ {g}" if g else "",
            r.metric,
            r.qualifier,
            r.value,
            r.unit,
            r.region,
            "" if r.year is None else str(r.year),
            r.period,
            KIND_NAMES.get(r.kind, r.kind),
            r.quote,
            r.title or r.doc_id,
        ]
        for i, (r, g) in enumerate(zip(f.rows[:limit], f.groups[:limit], strict=True), 1)
    ]
    frame = pd.DataFrame(data, columns=COLUMNS)
    return frame.style.apply(
        lambda row: [CONFLICT_STYLE if row["冲突"] else "" for _ in row], axis=1
    )


def summary(f: Found, limit: int) -> str:
    """One line: how many rows, how many shown, how many conflict groups."""
    if not f.rows:
        return render.notice("没有找到符合条件的指标。", "warn")
    shown = f"，表中显示前 {limit} 行（下载可得全部）" if len(f.rows) > limit else ""
    tint = f"；{len(f.conflicts)} 组冲突（红色行：不同文件数值不同）" if f.conflicts else ""
    return render.notice(f"共 {len(f.rows)} 行{shown}{tint}。点击一行查看出处。", "info")


@dataclass(frozen=True)
class Chart:
    """What to draw: ``kind`` "line" (years on x, one line per place) or "bar"
    (places on x, for one year), or "" (nothing numeric to draw)."""

    kind: str
    title: str
    points: tuple[tuple[str, float, str], ...]  # (x, value, series)


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None  # a rank ("第1") or a word


def chart(rows: Sequence[IndicatorRow], canonical: Callable[[str], str], lines: int) -> Chart:
    """The most frequent indicator among ``rows`` (canonical metric, qualifier, unit):
    over years, one line per place (the ``lines`` places with most rows); when every
    figure is of one year, bars across places (an actual and a target bar each)."""
    series: dict[tuple[str, str, str], list[IndicatorRow]] = {}
    for r in rows:
        if r.year is not None and _number(r.value) is not None:
            series.setdefault((canonical(r.metric), r.qualifier, r.unit), []).append(r)
    if not series:
        return Chart("", "", ())
    chosen = max(series.values(), key=len)
    metric = Counter(r.metric for r in chosen).most_common(1)[0][0]
    title = f"{chosen[0].qualifier}{metric}" + (f"（{chosen[0].unit}）" if chosen[0].unit else "")
    one_year = len({r.year for r in chosen}) == 1
    if not one_year and any(r.kind == "target" for r in chosen):
        title += "；年份标“目标”的是计划值"
    places = [p for p, _ in Counter(r.region or "-" for r in chosen).most_common(lines)]
    points: dict[tuple[str, str], float] = {}
    for r in chosen:
        place = r.region or "-"
        if place not in places:
            continue
        kind = KIND_NAMES.get(r.kind, r.kind)
        # One line per place through its years; a target's year says so ("2024目标"),
        # which sorts right after the year's actual figure.
        year = f"{r.year}{kind if r.kind == 'target' else ''}"
        x, name = (place, kind) if one_year else (year, place)
        points.setdefault((x, name), _number(r.value) or 0.0)  # the first source's figure
    kind = "bar" if one_year else "line"
    return Chart(kind, title, tuple((x, v, s) for (x, s), v in sorted(points.items())))


def chart_frame(c: Chart) -> Any:
    """The chart's points as the DataFrame the plot components take."""
    import pandas as pd

    x = "地区" if c.kind == "bar" else "年份"
    return pd.DataFrame(list(c.points), columns=[x, "数值", "系列"])


def source_html(row: IndicatorRow, doc: Document | None, group: ConflictGroup | None) -> str:
    """A row's source: 《title》, section, the verbatim clause, its section around it,
    and the other documents stating the same indicator (another value in red)."""
    cite = citation_of_row(row, doc.date if doc else "")
    meta = " · ".join(
        render.esc(x)
        for x in (row.region, "" if row.year is None else f"{row.year}年", row.doc_id)
        if x
    )
    section = render.esc(row.section or "（无章节）")
    out = [
        f'<div class="pq-ind-src"><div><b>《{render.esc(row.title or row.doc_id)}》</b> '
        f'<span style="{_MUTED}">{meta}</span></div>',
        f'<div class="pq-section" style="{_MUTED}">章节：{section}</div>',
        f'<blockquote class="pq-cite" style="{_QUOTE}">“{render.esc(row.quote)}”</blockquote>',
        render.context_html(cite, doc),
    ]
    for other in group.rows if group else ():
        if other.doc_id == row.doc_id:
            continue
        differs = other.value + other.unit != row.value + row.unit
        say = f"另一文件记为 {other.value}{other.unit}" if differs else "另一文件同样记为"
        out.append(
            f'<div class="{"pq-ind-other" if differs else "pq-ind-same"}" '
            f'style="{_OTHER if differs else _SAME}">{render.esc(say)}：'
            f"“{render.esc(other.quote)}”——《{render.esc(other.title or other.doc_id)}》 "
            f'<span style="{_MUTED}">{render.esc(other.section)}</span></div>'
        )
    return "".join(out) + "</div>"


def choices(view: FactsView, most: int) -> tuple[list[str], list[str], list[str]]:
    """Dropdown choices: the ``most`` most stated metrics, the places, the years (newest first)."""
    metrics = [m for m, _ in Counter(f.metric for f in view.facts if f.metric).most_common(most)]
    regions = sorted({f.region for f in view.facts if f.region})
    years = sorted({str(f.year) for f in view.facts if f.year is not None}, reverse=True)
    return metrics, regions, years
