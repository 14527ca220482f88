"""Small Chinese numerals, read once for every module that counts ("三张清单", "第十二条")."""

from __future__ import annotations

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}


def cn_number(text: str) -> int:
    """Value of a small Chinese or Arabic numeral ("三" → 3, "十二" → 12, "二十四" → 24, "6" → 6).

    Returns 0 for anything else (including "").
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return 0
    if "十" not in text:
        return _DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)
