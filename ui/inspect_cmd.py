"""``policyqa inspect``: how one document is parsed."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed document as JSON.")
def inspect(path: Path, as_json: bool) -> None:
    """Show how a document is parsed: metadata, sections, passages, pages and tables.

    A sidecar manifest.tsv/.csv/.jsonl beside the file is applied. A scanned PDF or
    an image is read by OCR (pip install 'policyqa[ocr]').

    \b
    Example:
      policyqa inspect corpus/samples/000_6eaca3ed01c4c811.txt --json
      policyqa inspect plan.docx        # its tables, one row a passage
    """
    from corpus.inspect import inspect_file

    record = inspect_file(path)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    keys = ("doc_id", "title", "issuer", "doc_number", "date", "region", "years", "script")
    for key in (*keys, *(("pages", "unread_pages") if record["pages"] else ())):
        click.echo(f"{key:>10}: {record[key]}")
    click.echo("  sections:")
    for s in record["sections"]:
        click.echo(f"    {s['path'] or '(preamble)'}  [{s['year'] or '-'} {s['kind'] or '-'}]")
    click.echo(f"  passages: {len(record['passages'])}")
    for t in record["tables"]:
        click.echo(f"  table: {' | '.join(t['columns'])} ({len(t['rows'])} rows)")
