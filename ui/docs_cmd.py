"""``policyqa docs``: the documents of an index, with ids, titles, regions and years.

Reads the index's document list only (:mod:`index.catalog`): no model is loaded.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import click


def _years(years: tuple[int, ...]) -> str:
    return "、".join(map(str, years)) or "—"


@click.command()
@click.option("--index-dir", help="Index folder (default $POLICYQA_INDEX_DIR or .policyqa-index).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON record per document.")
def docs(index_dir: str | None, as_json: bool) -> None:
    """List the indexed documents: id, title, issuer, region, date, years.

    The id is what `policyqa ask --doc` takes.

    \b
    Example:
      policyqa docs
      policyqa docs --json
      policyqa ask "2024年新增高企目标" --doc 003_319bd9830f448044.txt
    """
    from index.catalog import load_catalog
    from ui.cli import _index_dir

    entries = load_catalog(_index_dir(index_dir))
    if as_json:
        for e in entries:
            click.echo(json.dumps(asdict(e), ensure_ascii=False))
        return
    for e in entries:
        click.echo(e.doc_id)
        click.echo(f"    《{e.title}》 {e.issuer} {e.date}".rstrip())
        click.echo(f"    地区 {e.region or '—'} · 年份 {_years(e.years)}")
    click.echo(f"共 {len(entries)} 份文档。")
