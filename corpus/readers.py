"""Read policy documents (txt, md, html, docx, pdf) into plain, verbatim text.

Every reader returns a :class:`RawText`. The text is kept as close to the
source as possible because passages quote it verbatim; the only changes are
line-ending normalisation, removal of BOMs/NULs, and the per-format markup
stripping described on each reader.
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

__all__ = ["SUPPORTED_SUFFIXES", "RawText", "decode_bytes", "read_file"]


@dataclass(frozen=True)
class RawText:
    """The decoded text of one document plus what its container tells us.

    Attributes:
        text: decoded text; line endings are "\\n", no BOM, no NUL.
        format: "txt", "md", "html", "docx" or "pdf".
        encoding: detected text encoding ("utf-8", "gb18030", "big5", ...);
            "" for docx and pdf, whose text is not stored as raw bytes.
        title: HTML <title>, docx core title or PDF /Title, when present and not
            generic (:func:`generic_title`: "about:blank", a file name, …).
        date: docx/pdf creation date as "YYYY-MM-DD", when present.
    """

    text: str
    format: str
    encoding: str
    title: str = ""
    date: str = ""


SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
_ALIASES = {".text": "txt", ".markdown": "md", ".htm": "html"}  # the rest name their format


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


def _docx_blocks(doc: Any, parent: Any) -> Iterator[str]:
    """Yield body lines in document order: paragraphs, and table rows in place."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in parent.iterchildren():
        if element.tag == qn("w:p"):
            yield Paragraph(element, doc).text
        elif element.tag == qn("w:tbl"):
            for row in Table(element, doc).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # merged cells repeat per grid column
                        seen.add(id(cell._tc))
                        cells.append(" ".join(cell.text.split("\n")))
                yield " | ".join(cells)
        elif element.tag == qn("w:sdt"):  # content controls wrap ordinary paragraphs
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                yield from _docx_blocks(doc, content)


def _read_docx(data: bytes, path: str) -> RawText:
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
        text = "\n".join(_docx_blocks(doc, doc.element.body))
        props = doc.core_properties
        title, created = props.title or "", props.created
    except Exception as exc:  # python-docx raises many types (zip, XML, KeyError)
        raise DocumentError(path, f"not a readable .docx file: {exc}") from exc
    return RawText(_normalise(text), "docx", "", _one_line(title), _date(created))


def _read_pdf(data: bytes, path: str) -> RawText:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "PDF is encrypted with a password; decrypt it first")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
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
    text = _normalise(text)
    if not text.strip():
        raise EmptyDocumentError(path, "PDF has no text layer (scanned?); run OCR first")
    return RawText(text, "pdf", "", title, date)


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


def read_file(path: Path) -> RawText:
    """Read one document into text, choosing the reader by file suffix.

    Args:
        path: a .txt/.text, .md/.markdown, .html/.htm, .docx or .pdf file.

    Returns:
        The document's text and metadata.

    Raises:
        UnsupportedFormatError: the suffix is not in SUPPORTED_SUFFIXES.
        NotARegularFileError: a named pipe, device or socket (never opened).
        DocumentError: the file cannot be read or parsed (missing, permission,
            corrupt, encrypted).
        EncodingError: a text file is binary or in an unknown encoding.
        EmptyDocumentError: there is no text (including scanned PDFs).
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
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
    fmt = _ALIASES.get(suffix, suffix[1:])
    if fmt == "docx":
        raw = _read_docx(data, name)
    elif fmt == "pdf":
        raw = _read_pdf(data, name)
    elif fmt == "html":
        declared = _META_CHARSET.search(data[:4096])
        hint = declared.group(1).decode("ascii") if declared else ""
        source, encoding = decode_bytes(data, name, hint=hint)
        text, title = _html_to_text(_normalise(source))
        raw = RawText(text, fmt, encoding, title)
    else:
        text, encoding = decode_bytes(data, name)
        text = _normalise(text)
        raw = RawText(_markdown_to_text(text) if fmt == "md" else text, fmt, encoding)
    if not raw.text.strip():
        raise EmptyDocumentError(name, "document contains no text")
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
