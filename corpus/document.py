"""Build a :class:`Document` (metadata, section tree, passages) from text."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from corpus import metadata as md
from corpus import section_kinds as sk
from corpus.banner import banner_issuer, banner_lines
from corpus.breadcrumb import without_breadcrumb
from corpus.chunk import pack
from corpus.model import Document, Passage, Section, Table, page_of
from corpus.normalize import normalize, script_of
from corpus.places import canonical_region
from corpus.plan_opening import unheaded_plan
from corpus.plan_periods import PLAN_FIRST_YEAR, PLAN_NAME
from corpus.report_year import is_work_report, issue_year, spoken_year
from corpus.structure import build_tree, find_headings, own_body


def parse_text(
    text: str,
    doc_id: str,
    *,
    source_format: str = "txt",
    encoding: str = "utf-8",
    title: str = "",
    date: str = "",
    overrides: Mapping[str, str] | None = None,
    pages: tuple[int, ...] = (),
    unread_pages: tuple[int, ...] = (),
    tables: tuple[Table, ...] = (),
) -> Document:
    """Parse decoded text into a :class:`Document`.

    Args:
        text: the original text (line endings already ``\\n``).
        doc_id: the document id.
        source_format: format the text came from.
        encoding: detected encoding.
        title: a title known from the file format (HTML/docx), if any.
        date: a date known from the file format, if any.
        overrides: sidecar fields that replace inferred metadata.
        pages: where each page starts in ``text`` (PDFs and scans).
        unread_pages: pages that gave no text.
        tables: tables laid out in ``text`` (each data row one line and one passage).

    Returns:
        The parsed document.
    """
    over = dict(overrides or {})
    norm = normalize(text)
    lines = norm.split("\n")
    orig_lines = text.split("\n")

    date_line = _date_line(lines)
    inferred_title = title or _orig_line(
        orig_lines, lines, md.infer_title(without_breadcrumb(lines))
    )
    doc_title = over.get("title") or inferred_title or Path(doc_id).stem
    # A file's creation date is often a template's (python-docx: 2013): trust it
    # only when the text itself mentions that year.
    file_date = date if date and date[:4] in norm else ""
    doc_date = over.get("date") or md.infer_date(norm) or file_date or over.get("year", "")
    region = canonical_region(over.get("region", "")) or md.infer_region(normalize(doc_title), norm)
    report = is_work_report(norm)
    # The year a document gives itself: its date's, its own number's, a work report's own
    # (its review, its openings).
    own_year = issue_year(doc_date, (), norm)
    report_year = own_year if report else None
    if not over.get("title") and md.is_salutation(doc_title, doc_id) and report:
        # "各位代表：" opens a work report that carries no title: name it from its text.
        doc_title = md.work_report_title(region, report_year)
    banner = banner_issuer(norm)
    issuer = (
        over.get("issuer")
        or (text[banner[0] : banner[1]] if banner else "")
        or _orig_line(orig_lines, lines, md.infer_issuer(lines, date_line))
    )
    doc_number = over.get("doc_number") or _orig_number(text, norm)
    doc_year, doc_month = _year_month(doc_date)
    if doc_year is None:
        # Undated: the year it gives itself, else the year the text names most.
        doc_year = own_year or md.dominant_year(norm)
    if report:
        # A government work report reviews the year before and plans its own, however late
        # its congress sits ("2020年5月10日在…人民代表大会…"): read it as delivered early.
        doc_month = 1

    # Lines that stand alone: table rows, the banner, the number and the closing lines.
    rows = sorted([(r.start, r.end) for t in tables for r in t.rows] + banner_lines(norm))
    headings = [h for h in find_headings(text, norm) if not _inside(h.start, rows)]
    plan = (
        unheaded_plan(text, norm, headings, sk.review_heading(doc_year, doc_month))
        if report
        else None
    )
    if plan:
        headings = sorted([*headings, plan], key=lambda h: h.start)
    raw = build_tree(text, headings)
    sections: list[Section] = []
    passages: list[Passage] = []
    for i, rs in enumerate(raw):
        nheads = [normalize(h) for h in rs.path]
        kind = sk.path_kind(nheads)
        half = next((x for x in (sk.half_of(h) for h in reversed(nheads)) if x), "")
        year = next((y for y in (sk.heading_year(h) for h in reversed(nheads)) if y), None)
        if year is None:
            year = sk.default_year(kind, half, doc_year, doc_month)
        kind = sk.settled_kind(kind, "".join(nheads), year, doc_year, doc_month)
        section = Section(rs.path, rs.heading, rs.level, rs.start, rs.end, year, kind, half)
        sections.append(section)
        body_s, body_e = own_body(raw, i, headings)
        context = " ".join(x for x in (doc_title, region, section.path_str) if x)
        for s, e in _passage_spans(norm, text, body_s, body_e, rows):
            passages.append(
                Passage(
                    pid=f"{doc_id}#{len(passages)}",
                    doc_id=doc_id,
                    text=text[s:e],
                    start=s,
                    end=e,
                    section=section.path_str,
                    section_year=year,
                    section_kind=kind,
                    section_half=half,
                    context=context,
                    page=page_of(pages, s),
                )
            )

    years = _years(over, sections, doc_title, doc_year, norm[:3000], report)
    return Document(
        doc_id=doc_id,
        text=text,
        norm=norm,
        title=doc_title,
        issuer=issuer,
        doc_number=doc_number,
        date=doc_date,
        region=region,
        years=years,
        # (an address that says which year it speaks in is issued then, its parts' years
        # read as before: "今年是实行“七五”计划的头一年")
        issued=issue_year(doc_date, years, norm) or spoken_year(norm),
        script=over.get("script") or script_of(text),
        source_format=source_format,
        encoding=encoding,
        sections=tuple(sections),
        passages=tuple(passages),
        pages=pages,
        unread_pages=unread_pages,
        tables=tables,
    )


def load_document(
    path: Path,
    doc_id: str,
    overrides: Mapping[str, str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Document:
    """Read a file (any supported format and encoding) and parse it.

    ``progress`` is called per page read by OCR (see :func:`corpus.readers.read_file`).

    Raises:
        DocumentError: the file cannot be read.
    """
    from corpus.readers import read_file

    raw = read_file(path, progress)
    return parse_text(
        raw.text,
        doc_id,
        source_format=raw.format,
        encoding=raw.encoding,
        title=raw.title,
        date=raw.date,
        overrides=overrides,
        pages=raw.pages,
        unread_pages=raw.unread_pages,
        tables=raw.tables,
    )


def _inside(offset: int, rows: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in rows)


def _passage_spans(
    norm: str, text: str, start: int, end: int, rows: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Passages of a section body: sentences packed as usual, each line of ``rows`` (table rows,
    banner and closing lines) one passage."""
    out: list[tuple[int, int]] = []
    pos = start
    for rs, re_ in rows:
        if re_ <= start or rs >= end:
            continue
        out += pack(norm, pos, max(pos, rs), text=text)
        out.append((max(rs, start), min(re_, end)))
        pos = re_
    out += pack(norm, pos, end, text=text) if pos < end else []
    return out


_DATE_ONLY = re.compile(r"\s*(19|20)\d{2}年\d{1,2}月\d{1,2}日\s*")
_HEAD_LINES = 40  # a notice's date under its head
_FOOT_LINES = 8  # …or under its signature at its foot ("国家林业和草原局" / "2019年11月8日")


def _date_line(lines: list[str]) -> int | None:
    """The line holding only the document's date: at its head, else at its foot."""
    foot = range(max(_HEAD_LINES, len(lines) - _FOOT_LINES), len(lines))
    for i in [*range(min(_HEAD_LINES, len(lines))), *reversed(foot)]:
        if _DATE_ONLY.fullmatch(lines[i]):
            return i
    return None


def _orig_line(orig_lines: list[str], norm_lines: list[str], norm_value: str) -> str:
    """Map a value found in normalised lines back to the original's characters."""
    if not norm_value:
        return ""
    for o, n in zip(orig_lines, norm_lines, strict=True):
        i = n.find(norm_value)
        if i >= 0:
            return o[i : i + len(norm_value)]
    # a title joined from two lines: each part from its own line
    for k, (o, n) in enumerate(zip(orig_lines, norm_lines, strict=True)):
        head = n.strip()
        if head and norm_value.startswith(head) and len(head) < len(norm_value):
            rest = _orig_line(orig_lines[k + 1 :], norm_lines[k + 1 :], norm_value[len(head) :])
            return o.strip() + rest
    return norm_value


def _orig_number(text: str, norm: str) -> str:
    number = md.infer_doc_number(norm)
    if not number:
        return ""
    i = norm.find(number)
    return text[i : i + len(number)]


def _year_month(date: str) -> tuple[int | None, int | None]:
    m = re.match(r"((?:19|20)\d{2})(?:-(\d{1,2}))?", date)
    if not m:
        return None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


# A title's year, with its 年 or right before what the document is ("数字山东2021行动方案").
_TITLE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?=\s?年|行动|工作|计划|方案|要点|版|年度)")


def _years(
    over: Mapping[str, str],
    sections: list[Section],
    title: str,
    doc_year: int | None,
    text_head: str = "",
    report: bool = False,
) -> tuple[int, ...]:
    # A manifest's years add to what the headings say (a report delivered in
    # 2024 is listed as 2024 but reviews 2023 too).
    found = {
        int(y) for y in re.findall(r"(?:19|20)\d{2}", over.get("years", "") + over.get("year", ""))
    }
    found |= {s.year for s in sections if s.year is not None}
    found |= {int(y) for y in _TITLE_YEAR.findall(normalize(title))}
    if report and doc_year is not None and not any(s.year for s in sections):
        found |= {doc_year - 1, doc_year}  # a report without dated headings reviews the year before
    if not found and doc_year is not None:
        found.add(doc_year)
    # A five-year plan covers its period and reviews the year before it.
    # (a work report names plans it reviews or opens in passing: only its title counts)
    in_head = None if found or report else PLAN_NAME.search(text_head)
    named = PLAN_NAME.search(normalize(title)) or in_head
    if named:
        first = PLAN_FIRST_YEAR[named.group(1)]
        found.update(range(first - 1, first + 5))
    return tuple(sorted(found))
