"""The same term written otherwise: a total without its 总 ("总收入": 收入), a round amount
in digits ("千亿": 1000亿), a noun the asker shortened to its last character ("在校生":
在校学生). :mod:`answer.signals` gives each question term its forms."""

from __future__ import annotations

import re

# A round amount said in words ("破千亿", "百亿级") is written in digits too ("1000亿元").
_MAGNITUDES = {"千亿": "1000亿", "百亿": "100亿", "十亿": "10亿", "千万": "1000万", "百万": "100万"}
_MAGNITUDE = re.compile(rf"(?<![\d一二两三四五六七八九十百千万亿])({'|'.join(_MAGNITUDES)})")


def untotalled(term: str) -> tuple[str, ...]:
    """A total named without its 总 ("总收入": 收入, as "旅游收入" writes "旅游总收入"),
    a related word; none for a word 总 is part of (总部, 总书记: two characters)."""
    return (term[1:],) if term.startswith("总") and len(term) >= 3 else ()


def digit_forms(term: str) -> tuple[str, ...]:
    """A term holding a round amount in words, with the amount in digits ("千亿" → "1000亿")."""
    written = _MAGNITUDE.sub(lambda m: _MAGNITUDES[m.group(1)], term)
    return (written,) if written != term else ()


_CJK = "[\u4e00-\u9fff]"


def spelled_out(term: str) -> re.Pattern[str] | None:
    """The term with its last word written whole: people shorten a head noun to its last
    character ("在校生" for 在校学生, "新能源车" for 新能源汽车, "出口额" for 出口总额), so
    one more character before the last one writes the same thing. Terms of three or more
    Chinese characters only (a two-character word has no head to shorten)."""
    if len(term) < 3 or not re.fullmatch(f"{_CJK}+", term):
        return None
    return re.compile(re.escape(term[:-1]) + _CJK + re.escape(term[-1]))
