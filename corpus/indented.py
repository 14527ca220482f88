"""Paragraphs a page copied from the web runs together on one line, each opened by an
indentation of full-width spaces: "…请予审议。  \u2003\u2003一、2021年工作回顾  \u2003\u2003过去
一年,…".
Read as it is, the document has no paragraphs: no heading stands on a line of its own and
no point opens one. Each indentation inside such a line starts a paragraph again: the space
before it (or, without one, its first full-width space) becomes a line break, so the text
keeps its length and every quote is still cut from it.
"""

from __future__ import annotations

import re

MIN_LINE = 1000  # a line this long may hold run-together paragraphs
MIN_INDENTS = 3  # …when it holds this many indentations inside it
# an indentation inside a line: two full-width (or em) spaces after text, maybe after spaces
_INDENT = re.compile(r"(?<=\S)[ \t]*(?=[\u3000\u2003]{2})")


def broken_at_indents(text: str) -> str:
    """``text`` with each long line's inner indentations starting a line (same length)."""
    if "\u3000\u3000" not in text and "\u2003\u2003" not in text:
        return text
    return "\n".join(_broken(line) for line in text.split("\n"))


def _broken(line: str) -> str:
    if len(line) < MIN_LINE:
        return line
    found = list(_INDENT.finditer(line))
    if len(found) < MIN_INDENTS:
        return line
    chars = list(line)
    for m in found:
        chars[m.start()] = "\n"  # the space before the indentation, or its first character
    return "".join(chars)
