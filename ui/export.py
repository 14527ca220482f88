"""Files to download: the conversation (Markdown, Word) and evaluation results (CSV, Excel).

The conversation is written from its :class:`ui.plain.Reply` records (the
words the page showed, citations included); evaluation results from the
records of :func:`evals.run.run_eval`, one row per question with pass/fail
and why (:func:`ui.eval_view.result_rows`). Excel needs the optional
``openpyxl`` (``pip install 'policyqa[xlsx]'``); without it
:func:`write_xlsx` raises a clear :class:`OptionalDependencyError` and CSV
(which Excel opens too) still works.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.errors import OptionalDependencyError, OutputError
from ui import messages as m
from ui.plain import Reply

Row = Sequence[Any]


def _markdown_turn(n: int, r: Reply) -> list[str]:
    out = [f"## {n}. {r.question}", ""]
    if r.filters:
        out += [f"*{m.FILTERS_ACTIVE}{r.filters}*", ""]
    if r.problem:
        return [*out, f"> {r.problem}", ""]
    out += [f"**{m.ANSWER_LEAD}{r.answer}**", ""]
    if r.note:
        out += [r.note, ""]
    if r.sources:
        out += [m.SOURCES_PLAIN if r.found else m.RELATED + "：", ""]
    for i, q in enumerate(r.sources, 1):
        section = f"（{m.SECTION}{q.section}）" if q.section else ""
        out += [f"{i}. {q.document}{section}", "", f"   > “{q.quote}”", ""]
    return out


def conversation_markdown(turns: Sequence[Reply], when: str = "") -> str:
    """The conversation as Markdown: each question, its answer and its quoted sources."""
    head = [f"# {m.EXPORT_TITLE}" + (f"（{when}）" if when else ""), ""]
    body = [line for n, r in enumerate(turns, 1) for line in _markdown_turn(n, r)]
    return "\n".join(head + body).rstrip() + "\n"


def write_conversation_docx(turns: Sequence[Reply], path: Path, when: str = "") -> None:
    """The conversation as a Word document (python-docx)."""
    import docx

    d = docx.Document()
    d.add_heading(m.EXPORT_TITLE + (f"（{when}）" if when else ""), level=1)
    for n, r in enumerate(turns, 1):
        d.add_heading(f"{n}. {r.question}", level=2)
        if r.filters:
            d.add_paragraph(f"{m.FILTERS_ACTIVE}{r.filters}").runs[0].italic = True
        if r.problem:
            d.add_paragraph(r.problem)
            continue
        d.add_paragraph().add_run(f"{m.ANSWER_LEAD}{r.answer}").bold = True
        if r.note:
            d.add_paragraph(r.note)
        if r.sources:
            d.add_paragraph(m.SOURCES_PLAIN if r.found else m.RELATED + "：")
        for i, q in enumerate(r.sources, 1):
            section = f"（{m.SECTION}{q.section}）" if q.section else ""
            d.add_paragraph(f"{i}. {q.document}{section}")
            d.add_paragraph(f"“{q.quote}”", style="Quote")
    _saved(lambda: d.save(str(path)), path)


def write_csv(path: Path, headers: Row, rows: Sequence[Row]) -> None:
    """A CSV with a UTF-8 byte order mark (Excel then reads the Chinese right)."""

    def write() -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(headers)
            out.writerows(rows)

    _saved(write, path)


def write_xlsx(path: Path, headers: Row, rows: Sequence[Row], sheet: str) -> None:
    """An Excel sheet (needs openpyxl).

    Raises:
        OptionalDependencyError: openpyxl is not installed.
    """
    try:
        from openpyxl import Workbook
    except ImportError:
        raise OptionalDependencyError(
            "writing .xlsx needs the openpyxl package: pip install 'policyqa[xlsx]' "
            "(or pip install openpyxl); the CSV file needs nothing and opens in Excel too"
        ) from None
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    ws.freeze_panes = "A2"
    _saved(lambda: book.save(path), path)


def _saved(write: Any, path: Path) -> None:
    try:
        write()
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
