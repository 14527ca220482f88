"""Text files cut into lines of one width joined back into paragraphs.

A PDF's text saved as ``.txt`` often keeps the page's line breaks: every line
about as long as the next, most ending in the middle of a sentence
("…运用互联网、大数据、区块链" / "等技术，赋能互助养老…"). Read as it is, each
line is a sentence of its own, so a figure loses its metric and a phrase its
second half. The PDF reader joins a page's wrapped lines by their geometry
(:func:`corpus.layout.opens`); a text file has no geometry, so its wrapped lines
are told by their length and ends: in a file where most lines end without a
closing mark and lines are short, a line as long as the file's usual line that
ends without a closing mark runs on into the next, unless the next is indented
or opens with a heading's number (一、 / (一) / 1. / 第X章).

Only the line breaks are dropped (two Latin words keep a space between them), and a
page number standing inside a sentence, as the PDF reader drops a page's number:
the document's text is the joined text, as for a PDF, and every quote is cut
from it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.layout import join
from corpus.normalize import normalize
from corpus.pages import is_page_number
from corpus.structure import glued_heading, heading_level

# A line that ends its sentence or clause list (a closing quote or bracket may follow).
_DONE = re.compile(r"[。！？；：!?;:…]['\"”’)）」』]*$")


@dataclass(frozen=True)
class WrapConfig:
    """When a text file counts as hard-wrapped, and which of its lines run on.

    Attributes:
        min_lines: files with fewer non-empty lines are left as they are.
        open_share: at least this share of the non-empty lines end without a
            closing mark (a file of paragraphs ends nearly all of them with one).
        max_width: the usual line (the 75th percentile of lengths) is at most
            this long: longer lines are paragraphs, not a page's lines.
        full: a line at least this share of the usual line is full, so wrapped.
        uniform: at least this share of the lines left open are within two
            characters of the usual line.
        min_width: the most common length of the open lines, tried when the 75th
            percentile is no page width, is at least this long; open lines shorter
            than this are a figure's labels or a table's cells, not a page's lines.
        min_full: a page width told among the long open lines only (a file whose
            diagrams and tables leave many short lines open) needs at least this
            many full lines.
    """

    min_lines: int = 12
    open_share: float = 0.4
    max_width: int = 60
    full: float = 0.8
    uniform: float = 0.5
    min_width: int = 20  # a most common length below this is a table's or a list's
    min_full: int = 24


WRAP = WrapConfig()


def wrap_width(text: str, config: WrapConfig = WRAP) -> int:
    """The usual line length of a hard-wrapped text, or 0 when the text is not one."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < config.min_lines:
        return 0
    opens = [len(line) for line in lines if not _DONE.search(line)]
    if len(opens) < config.open_share * len(lines):
        return 0
    width = sorted(len(line) for line in lines)[(3 * len(lines)) // 4]
    if _uniform(opens, width, config):
        return width
    # Figures and Latin words make a line of one width hold more characters ("建成 500 个
    # 以上…" beside lines of 27): the most common length of the open lines, then.
    common = Counter(opens).most_common(1)[0][0]
    if common >= config.min_width and _uniform(opens, common, config):
        return common
    # A standard's diagrams leave hundreds of short labels open ("A基础共性", "设备层"):
    # the page's width is then told among the long open lines alone.
    long = [n for n in opens if n >= config.min_width]
    for guess in (width, *(n for n, _ in Counter(long).most_common(1))):
        if _uniform(long, guess, config) and _full(long, guess) >= config.min_full:
            return guess
    return 0


def _uniform(opens: list[int], width: int, config: WrapConfig) -> bool:
    """A page's lines are of one width: most lines left open are full (a title or a
    heading without a closing mark is of any length)."""
    if width > config.max_width:
        return False
    return _full(opens, width) >= config.uniform * len(opens)


def _full(opens: list[int], width: int) -> int:
    """How many of the open lines are full: within two characters of ``width``."""
    return sum(1 for n in opens if abs(n - width) <= 2)


def runs_on(line: str, following: str, width: int, config: WrapConfig = WRAP) -> bool:
    """Whether ``line`` (of a hard-wrapped text whose usual line is ``width`` long) is
    continued by ``following``."""
    body = line.strip()
    if not body or not following.strip() or _DONE.search(body):
        return False
    if len(body) < config.full * width:
        return False  # a short line ends its paragraph (or is a title or a page number)
    if following[:1].isspace() or is_page_number(following):
        return False  # an indented line opens a paragraph; a page number is no text
    if glued_heading(normalize(body)):
        return False  # "…新格局。(四)产业生态优化工程": a heading ends the line, its body follows
    return heading_level(normalize(following.strip())) == 0


# A line holding nothing but zero-width characters, set inside a sentence by a PDF's export
# ("国内生产总值达到74.4\n\u200b\n万亿元"): no break of the text at all.
_INVISIBLE_LINE = re.compile(r"(?<=[^\s。！？；：!?;:…])\n[\u200b\u200c\u200d\u2060]+\n(?=\S)")


def join_invisible_lines(text: str) -> str:
    """``text`` with the lines holding only zero-width characters inside its sentences taken
    out, the words they broke joined."""
    return _INVISIBLE_LINE.sub("", text) if "\u200b" in text or "\u2060" in text else text


def _page_number_inside(lines: list[str], i: int, step: int, width: int, config: WrapConfig) -> int:
    """How many lines to skip past line ``i``: one when the next line is a page number
    standing inside a sentence that the line after it goes on ("…数字化研发设计" / "1" /
    "工具普及率达到90%…": no text, dropped as the PDF reader drops a page's number),
    else none."""
    at = i + step
    if at + 1 >= len(lines) or not is_page_number(lines[at]):
        return 0
    return 1 if runs_on(lines[i], lines[at + 1], width, config) else 0


def unwrap(text: str, config: WrapConfig = WRAP) -> str:
    """``text`` with the line breaks inside its wrapped sentences removed (the text
    itself when it is not hard-wrapped). A file double-spaced as a whole (a blank line
    after every line) is read through its blank lines."""
    width = wrap_width(text, config)
    if not width:
        return text
    lines = text.split("\n")
    blank = sum(1 for line in lines if not line.strip())
    spaced = blank >= config.full * (len(lines) - blank)
    out: list[str] = []
    joining = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if joining:
            out[-1] = join(out[-1], line.lstrip())
        else:
            out.append(line)
        step = 2 if spaced and i + 2 < len(lines) and not lines[i + 1].strip() else 1
        step += _page_number_inside(lines, i, step, width, config)
        following = lines[i + step] if i + step < len(lines) else ""
        joining = runs_on(line, following, width, config)
        i += step if joining else 1
    return "\n".join(out)
