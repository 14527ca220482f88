"""The 红头 of an official document and its closing lines: recognised, kept apart.

An issued document opens with the issuing office's banner ("杭州市临安区科学技术局文件")
and its number ("临科发〔2024〕12号"), and closes with 抄送 / 印发 lines and a
publication note ("此件公开发布"). They are not content: each stays a passage of
its own (never glued to a sentence, never a heading), and the banner names the
issuer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpus.metadata import DOC_NUMBER

_BANNER = re.compile(r"\s*(\S{4,30}?)\s*(?:文件|文电)\s*")
_NUMBER_LINE = re.compile(
    rf"\s*(?:签发人:\s*\S{{2,4}}\s*)?{DOC_NUMBER.pattern}\s*(?:签发人:\s*\S{{2,4}})?\s*"
)
_CLOSING = re.compile(
    r"\s*(?:(?:抄送|抄报|主送|主题词|关键词):.*"
    r"|.{0,30}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*印发"
    r"|[(]?此件(?:公开发布|主动公开|不予公开|依申请公开)[)]?)\s*"
)
_HEAD_LINES = 6  # the banner and the number stand among the first lines


def _lines(norm: str) -> Iterator[tuple[int, int, int]]:
    """(index, start, end) of each line of a text."""
    pos = 0
    for i, line in enumerate(norm.split("\n")):
        yield i, pos, pos + len(line)
        pos += len(line) + 1


def banner_lines(norm: str) -> list[tuple[int, int]]:
    """Spans of the banner, number and closing lines of a normalised text."""
    out = []
    for i, s, e in _lines(norm):
        line = norm[s:e]
        head = i < _HEAD_LINES and bool(_BANNER.fullmatch(line) or _NUMBER_LINE.fullmatch(line))
        if head or _CLOSING.fullmatch(line):
            out.append((s, e))
    return out


def banner_issuer(norm: str) -> tuple[int, int] | None:
    """Where the banner names the issuing office ("…科学技术局" of "…科学技术局文件")."""
    for i, s, e in _lines(norm):
        m = _BANNER.fullmatch(norm, s, e)
        if i >= _HEAD_LINES:
            break
        if m:
            return m.start(1), m.end(1)
    return None
