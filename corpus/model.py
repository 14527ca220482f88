"""Frozen dataclasses passed between the corpus stage and the rest."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass(frozen=True)
class Section:
    """A heading and the span of text it governs.

    Attributes:
        path: headings from the root down to this one, e.g.
            ("一、2023年工作总结", "(二)坚持主体创新,激发澎湃创新活力").
        heading: this section's own heading line ("" for the preamble).
        level: depth in the tree (0 = preamble / whole document).
        start: offset of the heading (or body) in the original text.
        end: offset one past the section's last character (children included).
        year: the year the section speaks of, when known.
        kind: "actual" (review/summary), "plan" (targets, plans), "problem",
            or "" when unknown.
        half: "H1" / "H2" when the section is about one half of the year.
    """

    path: tuple[str, ...]
    heading: str
    level: int
    start: int
    end: int
    year: int | None = None
    kind: str = ""
    half: str = ""

    @property
    def path_str(self) -> str:
        return " > ".join(self.path)


@dataclass(frozen=True)
class Cell:
    """A value of a table row: ``text[start:end]`` (the value, with the row's unit)."""

    start: int
    end: int
    column: str


@dataclass(frozen=True)
class TableRow:
    """One data row of a table, one line of the text: "指标：列 值，列 值".

    Attributes:
        start, end: the row's line in the text.
        header: the row's own header (its label columns, e.g. "研发投入强度").
        cells: its values, each with its column header.
    """

    start: int
    end: int
    header: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table kept as a table: its column headers and data rows (offsets into the text)."""

    start: int
    end: int
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Passage:
    """A quotable run of whole sentences inside one section.

    Attributes:
        pid: stable id "<doc_id>#<n>".
        doc_id: path of the document relative to the indexed folder.
        text: verbatim original text, ``document.text[start:end]``.
        start: offset in the original text.
        end: offset one past the end.
        section: section path as "一、… > (二)…" ("" when there is none).
        section_year: year the section speaks of, if known.
        section_kind: "actual", "plan", "problem" or "".
        context: title, region and section path, used for indexing only; it
            is never quoted.
        page: the page (1-based) the passage starts on, for PDFs and scans;
            None for documents without pages.
    """

    pid: str
    doc_id: str
    text: str
    start: int
    end: int
    section: str = ""
    section_year: int | None = None
    section_kind: str = ""
    section_half: str = ""
    context: str = ""
    page: int | None = None


@dataclass(frozen=True)
class Document:
    """A parsed document with its metadata, sections and passages.

    Attributes:
        doc_id: path relative to the indexed folder (file name for a file).
        text: the original text as decoded (line endings normalised to \\n).
        norm: the matching form of ``text``: simplified script, half width,
            lower case. Always the same length as ``text`` so offsets agree.
        issued: the year the document was issued (its date's; for an undated
            work report, the year after the one it reviews), when known.
        pages: offset in ``text`` where each page starts, for PDFs and scans
            (page n at ``pages[n-1]``); () for documents without pages.
        unread_pages: pages (1-based) that gave no text (OCR found none or is
            not installed).
        tables: the tables of the document (docx), each row a line of ``text``.
        folder: the folder it was indexed from, where its sidecar manifest is
            (absolute; "" when unknown, e.g. a file uploaded through the web page).
    """

    doc_id: str
    text: str
    norm: str
    title: str = ""
    issuer: str = ""
    doc_number: str = ""
    date: str = ""
    region: str = ""
    years: tuple[int, ...] = ()
    issued: int | None = None
    script: str = "简"
    source_format: str = "txt"
    encoding: str = "utf-8"
    sections: tuple[Section, ...] = ()
    passages: tuple[Passage, ...] = field(default=())
    pages: tuple[int, ...] = ()
    unread_pages: tuple[int, ...] = ()
    tables: tuple[Table, ...] = ()
    folder: str = ""

    def page_at(self, offset: int) -> int | None:
        """The page (1-based) holding an offset of the text; None without pages."""
        return page_of(self.pages, offset)

    def row_at(self, offset: int) -> TableRow | None:
        """The table row whose line holds an offset of the text (None outside tables)."""
        for t in self.tables:
            if t.start <= offset < t.end:
                return next((r for r in t.rows if r.start <= offset < r.end), None)
        return None

    def section_at(self, offset: int) -> Section | None:
        """The deepest section holding an offset of the text (None before any heading)."""
        best: Section | None = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best

    def path_at(self, offset: int) -> str:
        """The section path ("一、… > (二)…") holding an offset ("" before any heading)."""
        section = self.section_at(offset)
        return section.path_str if section else ""


@dataclass(frozen=True)
class Fact:
    """One quantitative statement; every offset indexes ``doc.text``."""

    doc_id: str
    section: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    value_start: int
    value_end: int
    region: str
    scope: str
    year: int | None
    period: str
    kind: str
    metric: str
    qualifier: str
    value: str
    unit: str
    canonical: str = ""


def fact_to_json(fact: Fact) -> dict[str, Any]:
    """A fact as a plain JSON-ready dict."""
    return asdict(fact)


def fact_from_json(data: dict[str, Any]) -> Fact:
    """The fact a :func:`fact_to_json` dict describes (unknown keys ignored)."""
    try:
        return Fact(**data)  # the usual case, without copying the dict
    except TypeError:
        return Fact(**{k: v for k, v in data.items() if k in _FACT_FIELDS})


_FACT_FIELDS = frozenset(f.name for f in fields(Fact))


def page_of(pages: tuple[int, ...], offset: int) -> int | None:
    """The page (1-based) holding ``offset`` of a text whose pages start at ``pages``."""
    return max(1, bisect_right(pages, offset)) if pages else None
