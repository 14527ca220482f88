"""Patterns written over Chinese characters that compile in microseconds.

CPython compiles a class like ``[一-鿿]`` by setting each of its 20,992 code points in a
Python loop, ~0.75 ms a class; a term's generated pattern (:func:`answer.term_forms.
spelled_out`) holds several and is built for every new term a question asks: 5–6 % of a
question's time. "A word character that is no digit, underscore or ASCII letter"
(:data:`CJK`) is built of categories and compiles at once, and it matches exactly the
Chinese characters of a text whose other word characters (〇, Ⅱ, kana, Greek, full-width
letters…) are masked first. :class:`CjkPattern` masks and searches: a match is found where,
and only where, the pattern written with ``[一-鿿]`` finds one (masked characters match
neither class, and no digit is masked).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

CJK = r"[^\W\d_a-zA-Z]"  # in masked text: one Chinese character
CJK_RANGE = "[\u4e00-\u9fff]"  # the same in any text (slow to compile)
_OTHER_WORD = re.compile(r"[^\W\d_a-zA-Z\u4e00-\u9fff]")  # word characters masked
_MASK = "\x00"  # no word character, no digit


def masked(text: str) -> str:
    """The text with its word characters that are neither Chinese, ASCII nor digits
    masked (one character for one: offsets are kept)."""
    return _OTHER_WORD.sub(_MASK, text) if _OTHER_WORD.search(text) else text


@dataclass(frozen=True)
class CjkPattern:
    """A compiled pattern and whether it is written with :data:`CJK` (texts are masked
    before it searches them)."""

    pattern: re.Pattern[str]
    masks: bool = True

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(masked(text) if self.masks else text)


def cjk_pattern(write: Callable[[str], str], words: str) -> CjkPattern:
    """The pattern ``write(cls)`` gives for ``cls`` a Chinese character's class.

    Args:
        write: the pattern's source, given the class to write for a Chinese character.
        words: every character the pattern names literally; when one of them would be
            masked (a literal 〇), the pattern is written with ``[一-鿿]`` and texts are
            searched as they are.
    """
    if _OTHER_WORD.search(words):
        return CjkPattern(re.compile(write(CJK_RANGE)), masks=False)
    return CjkPattern(re.compile(write(CJK)))
