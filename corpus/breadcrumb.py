"""A web page's navigation trail above a document copied from it: no part of the document.

"当前位置:" / "首页" / ">" / "政务信息" / ">" / "宁夏要闻", then the page's title: a report
saved from a government site opens with the trail of the site's sections, one piece a line
(or all on one line), the last of them often repeated as the channel's heading. Its
pieces are the site's, not the document's: none of them is its title.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|现在位置|所在位置)\s*[::]?\s*(.*)$")
_SEPARATOR = re.compile(r"^\s*[>›»]+\s*$")
_HEAD = 4  # lines the trail may start within


def without_breadcrumb(lines: list[str]) -> list[str]:
    """``lines`` with a navigation trail at the head blanked (same number of lines)."""
    start = next((i for i, ln in enumerate(lines[:_HEAD]) if _LABEL.match(ln)), None)
    if start is None:
        return lines
    end, last = _trail_end(lines, start)
    # (the channel's heading repeated under the trail: "云南要闻" / "云南要闻")
    while end < len(lines) and last and lines[end].strip() == last:
        end += 1
    return [*lines[:start], *([""] * (end - start)), *lines[end:]]


def _trail_end(lines: list[str], start: int) -> tuple[int, str]:
    """Where the trail opening at ``start`` ends (one past its last line) and its last piece."""
    inline = _LABEL.match(lines[start])
    rest = inline.group(1).strip() if inline else ""
    if rest:  # "当前位置:首页 > 政务信息 > 宁夏要闻": the trail on one line
        return start + 1, re.split(r"\s*[>›»]\s*", rest)[-1]
    at, last = start + 1, ""
    if at < len(lines):  # its first piece ("首页")
        last, at = lines[at].strip(), at + 1
    while at + 1 < len(lines) and _SEPARATOR.match(lines[at]):
        last, at = lines[at + 1].strip(), at + 2
    return at, last
