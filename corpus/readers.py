"""Read policy documents (txt, md, html, docx, pdf, scans) into plain, verbatim text.

Every reader returns a :class:`RawText`. The text is kept as close to the
source as possible because passages quote it verbatim; the only changes are
line-ending normalisation, removal of BOMs/NULs, and the per-format markup
stripping described on each reader. PDFs and images are read page by page
(:mod:`corpus.scans`): wrapped lines joined into paragraphs, page furniture
dropped, scanned pages read by OCR; their text is what quotes are verbatim to.
"""

from __future__ import annotations

import io
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from corpus.encoding import decode_bytes
from corpus.errors import (
    DocumentError,
    EmptyDocumentError,
    NotARegularFileError,
    UnsupportedFormatError,
)
from corpus.formats import SUPPORTED_SUFFIXES, Format, format_of
from corpus.indented import broken_at_indents
from corpus.model import Table
from corpus.ocr import INSTALL_HINT, ocr_available
from corpus.scans import Progress, Scanned, image_pages, pdf_pages
from corpus.tables import Grid, TableText, layout_table, placed, plain_lines
from corpus.unwrap import join_invisible_lines, unwrap

__all__ = ["SUPPORTED_SUFFIXES", "RawText", "decode_bytes", "read_file"]


@dataclass(frozen=True)
class RawText:
    """The decoded text of one document plus what its container tells us.

    Attributes:
        text: decoded text; line endings are "\\n", no BOM, no NUL.
        format: the :class:`~corpus.formats.Format` read.
        encoding: detected text encoding ("utf-8", "gb18030", "big5", ...);
            "" for docx, pdf and images, whose text is not stored as raw bytes.
        title: HTML <title>, docx core title or PDF /Title, when present and not
            generic (:func:`generic_title`: "about:blank", a file name, …).
        date: docx/pdf creation date as "YYYY-MM-DD", when present.
        pages: where each page starts in ``text`` (PDFs and images; () otherwise).
        unread_pages: pages (1-based) that gave no text (OCR found none, or is
            not installed).
        tables: tables laid out as tables (docx), placed in ``text``.
    """

    text: str
    format: str
    encoding: str
    title: str = ""
    date: str = ""
    pages: tuple[int, ...] = ()
    unread_pages: tuple[int, ...] = ()
    tables: tuple[Table, ...] = ()


def _normalise(text: str) -> str:
    """Unify line endings and drop BOM/NUL; nothing else, to keep text verbatim."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text.replace("\x00", "").replace("\ufeff", "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_MD_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _markdown_to_text(text: str) -> str:
    """Drop heading '#'s and '**' so headings reach the heading parser as plain lines."""
    lines, in_fence = [], False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            if _MD_HEADING.match(line):
                line = _MD_CLOSING.sub("", _MD_HEADING.sub("", line, count=1))
            line = line.replace("**", "")
        lines.append(line)
    return "\n".join(lines)


_HTML_DROP = ("head", "script", "style", "nav", "header", "footer", "noscript", "template")
_HTML_BLOCK = re.compile(  # elements that start a new line; all others run inline
    r"h[1-6]|p|div|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|pre|hr|section|article"
    r"|aside|main|blockquote|address|fieldset|figure|figcaption|form"
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; \xa0 and U+3000 are content
# A source line break between two CJK characters renders as nothing (CSS Text
# segment-break rule); turning it into a space would put noise into quotes.
_HTML_CJK_BREAK = re.compile(r"(?<=[\u2e80-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u2e80-\u9fff])")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def _html_to_text(source: str) -> tuple[str, str]:
    """Return (text, title) of an HTML page as a reader would see it."""
    from bs4 import BeautifulSoup, NavigableString, Tag
    from bs4.element import PreformattedString

    soup = BeautifulSoup(source, "html.parser")
    title = ""
    for tag_name in ("title", "h1"):  # an empty <title> is common; fall back to <h1>
        found = soup.find(tag_name)
        title = _one_line(found.get_text()) if found else ""
        if title:
            break
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    parts: list[str] = []
    last_verbatim = False

    def emit(piece: str, verbatim: bool = False) -> None:
        # Browser-like spacing: no space at a line start, none doubled across
        # inline elements, none before a break; <pre> content stays verbatim.
        nonlocal last_verbatim
        if piece == "\n" and parts and not last_verbatim:
            parts[-1] = parts[-1].rstrip(" ")
        elif not verbatim and (not parts or parts[-1][-1:] in ("", " ", "\n")):
            piece = piece.lstrip(" ")
        if piece:
            parts.append(piece)
            last_verbatim = verbatim

    # Explicit stack rather than recursion: saved pages can nest deeper than
    # Python's recursion limit. Items: (node, inside <pre>) or a pending "\n".
    stack: list[Any] = [(soup, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            emit(item)
            continue
        node, pre = item
        if isinstance(node, PreformattedString):  # comments, doctype, CDATA
            continue
        if isinstance(node, NavigableString):
            plain = _HTML_SPACE.sub(" ", _HTML_CJK_BREAK.sub("", node)) if not pre else node
            emit(str(plain), verbatim=pre)
            continue
        if not isinstance(node, Tag):
            continue
        if node.name == "br":
            emit("\n")
            continue
        if node.name in {"td", "th"} and node.find_previous_sibling(["td", "th"]):
            emit(" | ")  # same cell separator as the docx reader
        if _HTML_BLOCK.fullmatch(node.name):
            emit("\n")
            stack.append("\n")
        pre = pre or node.name in {"pre", "textarea"}
        stack.extend((child, pre) for child in reversed(node.contents))
    text = re.sub(r"\n{3,}", "\n\n", "".join(parts)).strip("\n")
    return text, title


def _date(value: object) -> str:
    return value.date().isoformat() if isinstance(value, datetime) else ""


def _docx_grid(table: Any) -> Grid:
    """A docx table's cell texts by grid column; a cell merged across columns appears once
    (then None), one merged down rows repeats (python-docx gives the top cell)."""
    grid: Grid = []
    for row in table.rows:
        cells: list[str | None] = []
        last = None
        for cell in row.cells:
            same = cell._tc is last
            last = cell._tc
            cells.append(None if same else " ".join(_normalise(cell.text).split("\n")))
        grid.append(cells)
    return grid


def _docx_blocks(doc: Any, parent: Any) -> Iterator[str | TableText]:
    """Yield body lines in document order: paragraphs, and tables in place (laid out
    as tables when they have a header row, else one " | " line per row)."""
    from docx.oxml.ns import qn
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    for element in parent.iterchildren():
        if element.tag == qn("w:p"):
            yield _normalise(Paragraph(element, doc).text)
        elif element.tag == qn("w:tbl"):
            grid = _docx_grid(DocxTable(element, doc))
            laid = layout_table(grid)
            yield from [laid] if laid is not None else plain_lines(grid)
        elif element.tag == qn("w:sdt"):  # content controls wrap ordinary paragraphs
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_blocks(doc, content)


def _docx_text(doc: Any) -> tuple[str, tuple[Table, ...]]:
    """The body's text, one line per paragraph or table row, and its tables placed in it."""
    lines: list[str] = []
    tables: list[Table] = []
    pos = 0
    for block in _docx_blocks(doc, doc.element.body):
        if isinstance(block, TableText):
            tables.append(placed(block, pos))
            lines.extend(block.lines)
            pos += sum(len(x) + 1 for x in block.lines)
        else:
            lines.append(block)
            pos += len(block) + 1
    return "\n".join(lines), tuple(tables)


def _read_docx(data: bytes, path: str) -> RawText:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
        text, tables = _docx_text(doc)
        props = doc.core_properties
        title, created = props.title or "", props.created
    except Exception as exc:  # python-docx raises many types (zip, XML, KeyError)
        raise DocumentError(path, f"not a readable .docx file: {exc}") from exc
    fmt = Format.DOCX.value
    return RawText(text, fmt, "", _one_line(title), _date(created), tables=tables)


def _read_pdf(data: bytes, path: str, progress: Progress | None) -> RawText:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "PDF is encrypted with a password; decrypt it first")
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many types on malformed/encrypted files
        raise DocumentError(path, f"not a readable PDF: {exc}") from exc
    title = date = ""
    try:  # metadata is optional and often malformed; never fail the document for it
        meta = reader.metadata
        if meta is not None:
            title, date = _one_line(meta.title or ""), _date(meta.creation_date)
    except Exception:
        pass
    try:
        scanned = pdf_pages(data, lambda i: _pypdf_layer(reader, i), progress)
    except Exception as exc:  # pdfium raises on pages pypdf could parse
        raise DocumentError(path, f"not a readable PDF: {exc}") from exc
    if not scanned.paged.text.strip():
        how = "OCR found no text on its pages" if ocr_available() else INSTALL_HINT
        raise EmptyDocumentError(path, f"PDF has no text layer (scanned?); {how}")
    return _paged(scanned, Format.PDF, title, date)


def _pypdf_layer(reader: Any, i: int) -> str:
    """Page i's text as pypdf takes it (where pdfium finds no characters), "" if it fails."""
    try:
        return _normalise(reader.pages[i].extract_text() or "")
    except Exception:  # a page pypdf cannot take apart has no text for it
        return ""


def _paged(scanned: Scanned, fmt: Format, title: str = "", date: str = "") -> RawText:
    paged = scanned.paged
    return RawText(
        paged.text, fmt.value, "", title, date, paged.pages, scanned.unread, paged.tables
    )


_EMPTY = {Format.IMAGE: "OCR found no text in the image"}
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def _check_regular(path: Path) -> None:
    """Refuse anything but a regular file *before opening it*: reading a named pipe
    blocks until someone writes to it, and a device may never end."""
    try:
        mode = path.stat().st_mode  # follows symlinks; never opens
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS if test(mode)), "not a regular file")
        raise NotARegularFileError(str(path), f"{kind}, not a regular file: skipped unopened")


def read_file(path: Path, progress: Progress | None = None) -> RawText:
    """Read one document into text, choosing the reader by file suffix.

    Args:
        path: a file of a suffix in :data:`corpus.formats.SUFFIXES`.
        progress: called as ``progress("ocr", done, total)`` per page read by OCR.

    Returns:
        The document's text and metadata.

    Raises:
        UnsupportedFormatError: the suffix is not in SUPPORTED_SUFFIXES.
        NotARegularFileError: a named pipe, device or socket (never opened).
        DocumentError: the file cannot be read or parsed (missing, permission,
            corrupt, encrypted).
        EncodingError: a text file is binary or in an unknown encoding.
        EmptyDocumentError: there is no text (a blank scan, a scanned PDF without OCR).
    """
    path = Path(path)
    name = str(path)
    fmt = format_of(path.suffix)
    if fmt is None:
        raise UnsupportedFormatError(
            name,
            f"unsupported file type {path.suffix or '(no suffix)'!r}; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    _check_regular(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, f"cannot read file: {exc.strerror or exc}") from exc
    if fmt == Format.DOCX:
        raw = _read_docx(data, name)
    elif fmt == Format.PDF:
        raw = _read_pdf(data, name, progress)
    elif fmt == Format.IMAGE:
        raw = _paged(image_pages(data, name, progress), fmt)
    elif fmt == Format.HTML:
        declared = _META_CHARSET.search(data[:4096])
        hint = declared.group(1).decode("ascii") if declared else ""
        source, encoding = decode_bytes(data, name, hint=hint)
        text, title = _html_to_text(_normalise(source))
        raw = RawText(text, fmt.value, encoding, title)
    else:
        text, encoding = decode_bytes(data, name)
        text = _normalise(text)
        # A PDF's text saved with its page's line breaks: joined as the PDF reader joins them.
        text = join_invisible_lines(text)
        text = _markdown_to_text(text) if fmt == Format.MD else unwrap(text)
        # …and a page's paragraphs run together on one line, each indented: apart again
        text = broken_at_indents(text)
        raw = RawText(text, fmt.value, encoding)
    if not raw.text.strip():
        raise EmptyDocumentError(name, _EMPTY.get(fmt, "document contains no text"))
    if raw.title and generic_title(raw.title, raw.text):
        raw = replace(raw, title="")  # the title is then taken from the text
    return raw


_GENERIC_TITLE = re.compile(
    r"(?:about:|https?://|file://|microsoft (?:word|excel|powerpoint) - )"
    r"|.*\.(?:pdf|docx?|wps|html?|txt|md|xlsx?|pptx?)$"
    r"|(?:untitled|document|title|print|无标题|新建.*文档|文档\d*)$",
    re.IGNORECASE,
)


def generic_title(title: str, text: str) -> bool:
    """Whether a title from a file's metadata names nothing: empty, a browser's
    "about:blank" or a web address, a file name, a word processor's placeholder,
    or (for a Chinese text) one without a single Chinese character."""
    title = title.strip()
    if not title or _GENERIC_TITLE.match(title):
        return True
    return _has_han(text[:2000]) and not _has_han(title)


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
