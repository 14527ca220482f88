"""Small Chinese numerals, read once for every module that counts ("三张清单", "第十二条")."""

from __future__ import annotations

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
# A comma that parts clauses, not one grouping a figure's digits ("３，９８９亿斤", "1,235"):
# a pattern for a character class's alternative.
CLAUSE_COMMA = r"(?<!\d),|,(?!\d{3}(?!\d))"


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


_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_value(text: str) -> float | None:
    """Value of a Chinese numeral of any size ("三千七百" → 3700, "二亿七千八百零九万" →
    278090000, "八十五点八八" → 85.88); None when ``text`` is not one."""
    whole, _, frac = text.partition("点")
    if frac and any(c not in _DIGITS for c in frac):
        return None
    total, section, digit = 0, 0, 0
    for i, c in enumerate(whole):
        if c in _DIGITS:
            if i and whole[i - 1] in _DIGITS and whole[i - 1] not in "零〇":
                return None  # "一九五七": digits read one by one (a year), no count
            digit = _DIGITS[c]
        elif c in _UNITS:
            section += (digit or 1) * _UNITS[c]
            digit = 0
        elif c == "亿":  # everything so far counts 亿
            total, section, digit = (total + section + digit) * _BIG[c], 0, 0
        elif c == "万":  # the section since the last 亿 counts 万
            total, section, digit = total + (section + digit) * _BIG[c], 0, 0
        else:
            return None
    value: float = total + section + digit
    if frac:
        value += float("0." + "".join(str(_DIGITS[c]) for c in frac))
    return value if whole or frac else None


def cn_scaled(text: str) -> tuple[float, ...]:
    """A Chinese numeral's value and its value in 万, 亿 and 万亿: the ways a figure's
    number may be written before its multiplier ("三千七百亿" is 3700 of "3700亿斤")."""
    value = cn_value(text.removeprefix("百分之"))  # "百分之五百" states 500 (%)
    return () if value is None else tuple(value / 10**k for k in (0, 4, 8, 12))
