"""Read policy documents (txt, md, html, docx, pdf) into plain, verbatim text.

Every reader returns a :class:`RawText`. The text is kept as close to the
source as possible because passages quote it verbatim; the only changes are
line-ending normalisation, removal of BOMs/NULs, and the per-format markup
stripping described on each reader.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from corpus.errors import (
    DocumentError,
    EmptyDocumentError,
    EncodingError,
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
        title: HTML <title>, docx core title or PDF /Title, when present.
        date: docx/pdf creation date as "YYYY-MM-DD", when present.
    """

    text: str
    format: str
    encoding: str
    title: str = ""
    date: str = ""


SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
_ALIASES = {".text": "txt", ".markdown": "md", ".htm": "html"}  # the rest name their format

# Frequent characters, simplified then the traditional forms that differ. A
# correct GB18030/Big5 decoding is dominated by these; a wrong one yields rare
# characters, Hangul or private-use code points instead.
_COMMON_CJK = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间"
    "由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变"
    "四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社"
    "便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北"
    "边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团"
    "集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显障施策稳促健综融贸绿碳疗扶贫振励享旅储额项筹措贯彻落"
    "巩固拓键升阶段突破革省县镇街营税费补贴亿率幅季监督审批登申依执范围适例案划纲细附印构负责牵"
    "配推善坚创态环境育医养房源投"
    "這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭"
    "體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權"
    "設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調"
    "質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯穩綜貿綠療貧勵儲額項籌貫徹鞏鍵階縣鎮營"
    "稅費補貼億監審執範圍適劃綱細構負責牽堅創態環醫養製眾為"
)
# Legacy encodings tried in order; earlier wins a tie (mainland documents dominate).
_LEGACY = ("gb18030", "big5", "cp950", "utf-16-le", "utf-16-be")
_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MIN_SCORE = 0.5  # below this no decoding looks like language: call it binary
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file marker
_BINARY = "binary file, not text"


def _plausibility(text: str) -> float:
    """Score 0..1: how much the non-ASCII part of ``text`` looks like Chinese.

    ASCII is left out because it decodes the same in every candidate and would
    drown the signal in markup-heavy pages; all-ASCII text scores 1.
    """
    total, count = 0.0, 0
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            continue
        count += 1
        if ch in _COMMON_CJK or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF:
            total += 1.0  # frequent hanzi, CJK punctuation, full-width forms
        elif 0x2010 <= cp <= 0x27BF:  # “”‘’—…, ℃, ①, Ⅲ, ■, ★ and friends
            total += 0.9
        elif 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF:
            total += 0.5  # a real but rarer hanzi: plausible, but also what wrong decodes yield
        elif unicodedata.category(ch) == "Zs":
            total += 1.0
        elif unicodedata.category(ch)[0] in "LN":
            total += 0.25
    return total / count if count else 1.0


def _check_controls(text: str, path: str) -> None:
    """Reject text whose control-character share says it was never text."""
    if not text:
        return
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if controls / len(text) > _MAX_CONTROL_SHARE:
        raise EncodingError(path, _BINARY)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_with_stray_nuls(data: bytes) -> str | None:
    """UTF-8 text with a few NUL bytes (a careless tool, a padded record) minus the NULs.

    Only when the rest is conclusive UTF-8 Chinese: UTF-16 text has its NULs inside
    code units, and without them is never long valid UTF-8 (its bytes 0x80-0xBF
    would stand without a lead byte).
    """
    if data.count(0) * 20 > len(data):  # NUL-rich: UTF-16 (or binary), decided below
        return None
    text = _strict(data.replace(b"\x00", b""), "utf-8")
    if text is None or sum(ch > "\x7f" for ch in text) < 8 or _plausibility(text) < _MIN_SCORE:
        return None
    return text


def _normalise_encoding(name: str) -> str:
    """Map a declared/detected charset name onto the codec we report."""
    name = name.strip().lower().replace("_", "-")
    if name in {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"}:
        return "gb18030"  # supersets: GB18030 decodes all of them identically
    if name in {"big5", "big5-tw", "csbig5", "x-x-big5"}:
        return "big5"
    return name


def decode_bytes(data: bytes, path: str = "<bytes>", *, hint: str = "") -> tuple[str, str]:
    """Decode raw document bytes, detecting the encoding.

    Order: BOM (UTF-8/16/32); conclusive UTF-8 with a few stray NULs (dropped);
    UTF-16 when there are NULs; strict UTF-8 when it
    is conclusive; else whichever of GB18030, Big5, UTF-16 (and short UTF-8)
    yields the most plausible Chinese text, preferring ``hint`` unless another
    candidate is clearly more plausible, and charset_normalizer on near-ties.

    Args:
        data: the file contents.
        path: file name used in error messages.
        hint: a declared charset, e.g. from an HTML <meta>; never trusted blindly.

    Returns:
        (text, encoding); GBK/GB2312 input is reported as "gb18030".

    Raises:
        EncodingError: the bytes are binary or in no recognised encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise EncodingError(path, f"has a {encoding} BOM but is not valid {encoding}")
            _check_controls(text, path)
            return text, encoding
    if not data:
        return "", "utf-8"
    candidates: tuple[str, ...] = _LEGACY
    if b"\x00" in data and (stray := _utf8_with_stray_nuls(data)) is not None:
        _check_controls(stray, path)
        return stray, "utf-8"
    if b"\x00" in data:
        # Text has NULs only as halves of UTF-16 code units (ASCII, or hanzi like
        # U+4E00). Their parity hints the byte order; plausibility decides.
        if len(data) % 2:
            raise EncodingError(path, _BINARY)
        even, odd = data[0::2].count(0), data[1::2].count(0)
        candidates = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    else:
        text = _strict(data, "utf-8")
        # Valid UTF-8 is conclusive once it has several multi-byte characters, but a
        # few GBK pairs are valid UTF-8 too ("一" = D2 BB = Cyrillic "һ"): then compete.
        if text is not None:
            if sum(ch > "\x7f" for ch in text) >= 8 or _plausibility(text) >= _MIN_SCORE:
                _check_controls(text, path)
                return text, "utf-8"
            candidates = ("utf-8", *_LEGACY)
    scored: list[tuple[float, str, str]] = []
    for encoding in candidates:
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        if encoding == "cp950" and any(e == "big5" for _, e, _ in scored):
            continue  # cp950 is only a fallback for Big5 files with Microsoft extensions
        text = _strict(data, encoding)
        if text is not None:
            scored.append((_plausibility(text), encoding, text))
    if not scored:
        raise EncodingError(path, f"{_BINARY} (not UTF-8, UTF-16, GB18030 or Big5)")
    best = max(scored, key=lambda s: s[0])  # max keeps the first (preferred) of equal scores
    near = [s for s in scored if best[0] - s[0] < 0.02]
    hinted = [s for s in scored if s[1] == _normalise_encoding(hint)]
    if hinted and hinted[0][0] > best[0] - 0.2:  # a declared charset wins unless clearly worse
        best = hinted[0]
    elif len(near) > 1:  # too close to call: let charset_normalizer break the tie
        from charset_normalizer import from_bytes  # lazy: rarely needed

        match = from_bytes(data).best()
        guess = _normalise_encoding(match.encoding) if match else ""
        best = next((s for s in near if _normalise_encoding(s[1]) == guess), best)
    if best[0] < _MIN_SCORE:  # nothing reads like Chinese; valid UTF-8 is still text
        utf8 = [s for s in scored if s[1] == "utf-8"]
        if not utf8:
            raise EncodingError(path, _BINARY)
        best = utf8[0]
    _check_controls(best[2], path)
    return best[2], best[1]


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
    return raw
