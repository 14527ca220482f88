"""Matching form of text: simplified script, half width, lower case.

The matching form always has exactly the length of the original, character
for character, so an offset found in normalised text is also an offset in the
original. That is what lets every quote stay verbatim original text (a quote
from a traditional-script document stays traditional) while all matching is
done on simplified text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_FULLWIDTH_START = 0xFF01
_FULLWIDTH_END = 0xFF5E
_FULLWIDTH_OFFSET = 0xFEE0

# Punctuation variants that the width fold does not reach but mean the same.
_EXTRA = {
    "\u3000": " ",
    "\u00a0": " ",
    "\u2014": "-",
    "\u2013": "-",
    "\u2212": "-",
    "\u301c": "~",
    "\u3008": "<",
    "\u3009": ">",
    "\u3014": "(",  # 〔 as in 杭科领办〔2024〕1号
    "\u3015": ")",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
}


@lru_cache(maxsize=1)
def _t2s() -> Any:
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    # Kangxi radicals and CJK compatibility ideographs that PDF text layers use
    # for ordinary characters (⾼ U+2FBC for 高): their NFKC form, when one character.
    compat = unicodedata.normalize("NFKC", ch)
    if len(compat) == 1 and compat != ch and not compat.isspace():
        ch = compat
    code = ord(ch)
    if _FULLWIDTH_START <= code <= _FULLWIDTH_END:
        ch = chr(code - _FULLWIDTH_OFFSET)
    ch = _EXTRA.get(ch, ch)
    if ch.isascii():
        return ch.lower()
    if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
        simp = _t2s().convert(ch)
        # Keep the length invariant: a conversion to several characters is skipped.
        if len(simp) == 1:
            return simp
    return ch


_RANGES = (
    (0x41, 0x5B),
    (0x2E80, 0x2FE0),  # CJK radicals supplement, Kangxi radicals
    (0x3400, 0xA000),
    (0xF900, 0xFB00),  # CJK compatibility ideographs
    (0xFF01, 0xFF5F),
    (0x2F800, 0x2FA20),  # CJK compatibility ideographs supplement
)


def _in_ranges(code: int) -> bool:
    return any(lo <= code < hi for lo, hi in _RANGES)


class _Fold(dict[int, str]):
    """The str.translate table of the fold, each character folded when first seen.

    Building it whole up front ran 繁→简 over some 30,000 characters (0.3 s of every
    command's start); only the characters a text holds are needed.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _EXTRA:
            folded = _EXTRA[ch]
        elif _in_ranges(code):
            folded = _fold_char(ch)
        else:  # any width of space (U+2003 em space indenting a paragraph) is a space
            folded = " " if unicodedata.category(ch) == "Zs" else ch
        self[code] = folded
        return folded


_TABLE = _Fold()


def normalize(text: str) -> str:
    """Return the matching form of ``text`` (same length as ``text``).

    Args:
        text: any text.

    Returns:
        Text with Kangxi radicals and CJK compatibility ideographs in their
        NFKC form (⾼ → 高), every space character as " ", traditional
        characters converted to simplified, full-width ASCII and punctuation
        folded to half width, Latin lower-cased, and years in Chinese digits
        in Arabic ("一九五七年" → "1957年").
    """
    folded = text.translate(_TABLE)
    return _CN_YEAR.sub(_year_digits, folded) if "年" in folded else folded


# A year written in Chinese digits ("一九五七年", "二〇〇一年"), one digit a character: its
# Arabic form has the same length.
# (a Latin O typed for 〇, "二O一二年", is a zero there too)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys("零○Oo", "0")
_CN_YEAR = re.compile(
    r"(?:一九|二[〇零○Oo])[〇零○Oo一二三四五六七八九]{2}"
    r"(?=年|[-—~至到]{1,2}(?:一九|二[〇零○Oo])[〇零○Oo一二三四五六七八九]{2}年)"
)


def _year_digits(m: re.Match[str]) -> str:
    return "".join(_CN_DIGIT[c] for c in m.group(0))


def script_of(text: str, sample: int = 4000) -> str:
    """Guess the script of a text: "繁" (traditional) or "简" (simplified).

    Counts characters that change under 繁→简 conversion in a sample; a
    simplified text has almost none.
    """
    chunk = [c for c in text[:sample] if "\u4e00" <= c <= "\u9fff"]
    if not chunk:
        return "简"
    changed = sum(1 for c in chunk if _fold_char(c) != c)
    return "繁" if changed / len(chunk) > 0.05 else "简"


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Normalise and drop all whitespace (for answer comparison)."""
    return _SPACES.sub("", normalize(text))


def bigrams(text: str) -> set[str]:
    """The two-character pieces of a text (how near-equal Chinese phrases are compared)."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def canonical_number_text(text: str) -> str:
    """Matching form with thousands separators removed (``1,234`` -> ``1234``)."""
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", squash(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def first_surrogate(text: str) -> int:
    """Index of the first surrogate code point in ``text`` (-1: none), i.e. of a byte
    that was not UTF-8 (Python keeps those of argv, stdin and file names as
    surrogate escapes) or of a lone surrogate (``"\\ud800"`` in JSON): not text."""
    m = _SURROGATE.search(text)
    return m.start() if m else -1


def shown(text: str) -> str:
    """``text`` printable whatever it holds: an undecodable byte (a surrogate escape, as
    Python decodes argv and stdin) becomes ``\\xff``, a lone surrogate ``\\ud800``, a
    control character (a terminal escape sequence, say) ``\\x1b``."""
    out = []
    for ch in text:
        cp = ord(ch)
        if 0xDC80 <= cp <= 0xDCFF:
            out.append(f"\\x{cp - 0xDC00:02x}")
        elif cp < 0x20 or 0x7F <= cp < 0xA0:
            out.append(f"\\x{cp:02x}")
        elif 0xD800 <= cp <= 0xDFFF:
            out.append(f"\\u{cp:04x}")
        else:
            out.append(ch)
    return "".join(out)
