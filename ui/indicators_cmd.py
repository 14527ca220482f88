"""``policyqa indicators``: the indicator table (指标库) on the command line.

The command is thin: :mod:`retrieval.indicators` selects the rows; here they are
printed as a readable table, JSON lines, CSV (UTF-8 with BOM, for Excel) or
XLSX (needs the optional ``openpyxl``). Heavy imports stay inside functions.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import click

from ui.backend_opts import backend_of, backend_options

# Column heads of the readable table and the XLSX sheet (CSV and JSON use the keys).
HEADS = {
    "doc_id": "文件",
    "title": "标题",
    "section": "章节",
    "region": "地区",
    "year": "年份",
    "period": "时段",
    "kind": "类型",
    "metric": "指标",
    "qualifier": "限定",
    "value": "数值",
    "unit": "单位",
    "quote": "原文",
    "start": "起",
    "end": "止",
}
KIND_NAMES = {"actual": "实际", "target": "目标"}
_QUOTE_CHARS = 36


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` display columns, an ellipsis marking the cut."""
    if _width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        used += _width(ch)
        if used > width - 1:
            break
        out += ch
    return out + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def table_lines(rows: list[Any]) -> list[str]:
    """Rows as aligned lines: 指标 限定 数值 地区 年份 时段 类型 来源, then the quote."""
    heads = ["指标", "限定", "数值", "地区", "年份", "时段", "类型", "来源"]
    cells = [
        [
            _cut(r.metric or "-", 24),
            r.qualifier or "-",
            f"{r.value}{r.unit}",
            r.region or "-",
            str(r.year) if r.year is not None else "-",
            r.period or "-",
            KIND_NAMES.get(r.kind, r.kind),
            f"{r.doc_id}:{r.start}-{r.end}",
        ]
        for r in rows
    ]
    widths = [max([_width(h)] + [_width(c[i]) for c in cells]) for i, h in enumerate(heads)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)).rstrip()]
    for r, c in zip(rows, cells, strict=True):
        lines.append("  ".join(_pad(x, w) for x, w in zip(c, widths, strict=True)).rstrip())
        lines.append(f"    「{_cut(' '.join(r.quote.split()), _QUOTE_CHARS * 2)}」《{r.title}》")
    return lines


def write_csv(path: Path, rows: list[Any], groups: list[int] | None = None) -> None:
    """CSV with a UTF-8 BOM (Excel reads the Chinese right); header = the row keys,
    preceded by ``conflict`` (the group number, empty for 0) when ``groups`` is given."""
    import csv

    from corpus.errors import OutputError
    from retrieval.indicators import IndicatorRow

    keys = [f.name for f in fields(IndicatorRow)]
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow((["conflict"] if groups is not None else []) + keys)
            for i, r in enumerate(rows):
                data = asdict(r)
                lead = [groups[i] or ""] if groups is not None else []
                out.writerow(lead + ["" if data[k] is None else data[k] for k in keys])
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_xlsx(path: Path, rows: list[Any], groups: list[int] | None = None) -> None:
    """An .xlsx sheet with Chinese column heads (needs openpyxl)."""
    from corpus.errors import OptionalDependencyError, OutputError
    from retrieval.indicators import IndicatorRow

    try:
        from openpyxl import Workbook
    except ImportError:
        raise OptionalDependencyError(
            "writing .xlsx needs the openpyxl package: pip install 'policyqa[xlsx]' "
            "(or pip install openpyxl); --csv FILE needs nothing and opens in Excel too"
        ) from None
    keys = [f.name for f in fields(IndicatorRow)]
    book = Workbook()
    sheet = book.active
    sheet.title = "指标"
    sheet.append((["冲突组"] if groups is not None else []) + [HEADS[k] for k in keys])
    for i, r in enumerate(rows):
        data = asdict(r)
        sheet.append(([groups[i] or ""] if groups is not None else []) + [data[k] for k in keys])
    try:
        book.save(path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


@click.command()
@click.argument("query", required=False, default="")
@click.option("--metric", default="", help="Metric, matched through the synonym table (高企).")
@click.option("--region", default="", help="Region, full or short name (余杭 = 余杭区).")
@click.option("--year", type=int, default=None, help="The year the figure is of.")
@click.option(
    "--kind",
    type=click.Choice(["actual", "target"]),
    default=None,
    help="actual (实际完成) or target (目标、计划).",
)
@click.option("--doc", default="", help="Only this document id.")
@click.option("--conflicts", is_flag=True, help="Only indicators that documents state differently.")
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
@click.option(
    "--csv",
    "csv_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a CSV file (UTF-8 with BOM, opens in Excel).",
)
@click.option(
    "--xlsx",
    "xlsx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write an Excel file (needs: pip install openpyxl).",
)
@click.option("--index-dir", help="Index folder (default $POLICYQA_INDEX_DIR or .policyqa-index).")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=None,
    help="At most N rows (0: all; the table shows 50 unless told).",
)
@backend_options
def indicators(
    query: str,
    metric: str,
    region: str,
    year: int | None,
    kind: str | None,
    doc: str,
    conflicts: bool,
    as_json: bool,
    csv_out: Path | None,
    xlsx_out: Path | None,
    index_dir: str | None,
    limit: int | None,
    backend: str | None,
    milvus_uri: str | None,
) -> None:
    """List the figures of the documents as a table (指标库), each with its verbatim source.

    QUERY names a metric as a question would ("高企", "余杭历年新增高企"); synonyms
    meet (高企 = 国家高新技术企业 = 国高企; 研发投入 = R&D经费). A place, year
    or 目标 in QUERY filters like --region/--year/--kind. Rows are sorted by
    metric, region, year, document; every quote is original[start:end].

    --conflicts keeps only indicators (same region, year, period, kind, metric,
    qualifier) whose value differs between documents, with every source.
    With --json a conflict is one record per line: the indicator, its
    "values" and its "rows".

    The facts table stays in the index folder with either backend, so
    --backend/--milvus-uri (checked, like every command's) change nothing here.

    \b
    Example:
      policyqa indicators 高企
      policyqa indicators 余杭历年新增高企
      policyqa indicators --metric 研发强度 --year 2024 --kind target
      policyqa indicators 高企 --region 余杭 --json
      policyqa indicators --conflicts --csv conflicts.csv
      policyqa indicators 研发投入 --xlsx 研发投入.xlsx
    """
    if sum(map(bool, (as_json, csv_out, xlsx_out))) > 1:
        raise click.UsageError("choose one of --json, --csv, --xlsx")
    backend_of(backend, milvus_uri)  # a wrong setting is an error here too
    from index.facts_view import load_facts_view
    from index.manifest import default_index_dir
    from retrieval.indicators import IndicatorFilter, IndicatorTable, find_conflicts, needles

    folder = Path(index_dir) if index_dir else default_index_dir()
    wanted = IndicatorFilter(query, metric, region, year, kind or "", doc)
    table = IndicatorTable(load_facts_view(folder, needles(wanted)))
    rows = table.search(wanted)
    groups: list[int] | None = None
    found = find_conflicts(rows, table.canonical) if conflicts else []
    if conflicts:
        rows = [r for g in found for r in g.rows]
        groups = [n for n, g in enumerate(found, 1) for _ in g.rows]
    shown = rows if not limit else rows[:limit]
    if as_json:
        _print_json(shown, found[:limit] if limit else found, conflicts)
    elif csv_out or xlsx_out:
        write = write_csv if csv_out else write_xlsx
        path = csv_out or xlsx_out
        assert path is not None
        write(path, shown, groups[: len(shown)] if groups is not None else None)
        click.echo(f"已写出 {len(shown)} 行 wrote {len(shown)} rows to {path}", err=True)
    else:
        _print_table(rows, found, limit if limit is not None else table.config.display_limit)


def _print_json(rows: list[Any], found: list[Any], conflicts: bool) -> None:
    if not conflicts:
        for r in rows:
            click.echo(json.dumps(asdict(r), ensure_ascii=False))
        return
    for g in found:
        click.echo(json.dumps(asdict(g), ensure_ascii=False))


def _print_table(rows: list[Any], found: list[Any], limit: int) -> None:
    if not rows:
        click.echo("没有找到符合条件的指标。 No indicator matches.")
        return
    shown = rows[:limit] if limit else rows
    if not found:
        for line in table_lines(shown):
            click.echo(line)
    else:
        left = len(shown)
        for n, g in enumerate(found, 1):
            if left <= 0:
                break
            year = g.year if g.year is not None else "-"
            kind = KIND_NAMES.get(g.kind, g.kind)
            head = f"{g.region} {year} {g.period} {kind} {g.qualifier}{g.metric}".split()
            click.echo(f"冲突 {n}：{' '.join(head)}：{' / '.join(g.values)}")
            for line in table_lines(list(g.rows[:left]))[1:]:
                click.echo(f"  {line}")
            left -= len(g.rows)
    what = f"{len(found)} 组冲突，" if found else ""
    more = f"，显示前 {len(shown)} 行（--limit 0 显示全部）" if len(shown) < len(rows) else ""
    click.echo(f"共 {what}{len(rows)} 行{more}")
