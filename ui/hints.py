"""Hints about how a question was typed: English words, a place name one character off.

Both are shown above the answer, which is still looked for as asked:

* :func:`latin_words` — English words in a question (acronyms such as GDP,
  R&D and single letters do not count): the documents are Chinese, so the
  page suggests asking in Chinese.
* :func:`place_suggestion` — a two- to four-character run of the question one
  character away from the name of a region of the library ("余航" for 余杭),
  where a place name stands (ending in or before 区/市/县/省, or opening the
  question before a year), when the question names no place at all and the
  documents never write that run (so it is a slip, not a word such as 全省):
  the question with the known name put in, for "您是不是要问：…". Region names come from the
  documents of the index (their regions and those regions' other names), not
  from a list kept here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from corpus.normalize import normalize
from corpus.places import find_places, region_aliases

_LATIN = re.compile(r"[A-Za-z]{2,}")
_ACRONYM = 5  # all-capital words this long or shorter are names (GDP, PCT), not English
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SUFFIX = "区市县省"
_OPENING = re.compile(r"(?:请问|我想问|想问一下|想问)?")
_YEAR_NEXT = re.compile(r"(?:19|20)?\d{2}年|(?:19|20)\d{2}|今年|去年|明年|前年|上半年|下半年")


@dataclass(frozen=True)
class HintConfig:
    """Thresholds of the hints.

    Attributes:
        latin_min: letters an English word needs to count.
        name_lengths: lengths of region names tried for a near miss.
    """

    latin_min: int = 3
    name_lengths: tuple[int, ...] = (2, 3, 4)


CONFIG = HintConfig()


def latin_words(question: str, config: HintConfig = CONFIG) -> list[str]:
    """The English words of a question (empty: none worth a hint)."""
    return [
        w
        for w in _LATIN.findall(question)
        if len(w) >= config.latin_min and not (w.isupper() and len(w) <= _ACRONYM)
    ]


def known_names(regions: Iterable[str]) -> set[str]:
    """The names of the library's regions: full, short, and their parents'."""
    return {name for r in regions if r for name in region_aliases(r)}


def _one_off(window: str, name: str) -> bool:
    return sum(a != b for a, b in zip(window, name, strict=True)) == 1


def _stands_for_a_place(norm: str, start: int, end: int) -> bool:
    """Whether a run stands where a place name does: it ends in 区/市/县/省 or comes
    before one, or it opens the question (after 请问 …) and a year follows it."""
    if norm[end - 1] in _SUFFIX or norm[end : end + 1] in tuple(_SUFFIX):
        return True
    opening = _OPENING.match(norm)
    return start == (opening.end() if opening else 0) and bool(_YEAR_NEXT.match(norm, end))


def place_suggestion(
    question: str,
    regions: Iterable[str],
    in_documents: Callable[[str], bool] = lambda _: False,
    config: HintConfig = CONFIG,
) -> str | None:
    """The question with a near-miss place name replaced by a region of the library,
    or None (a known or other real place is named, or nothing is one character off).

    ``in_documents(run)`` says whether the documents contain a run of characters: one
    they contain is a word ("全省", "新增"), not a slip of the keyboard."""
    norm = normalize(question)
    names = sorted(
        (n for n in known_names(regions) if len(n) in config.name_lengths),
        key=lambda n: (-len(n), n),
    )
    if not names or any(n in norm for n in names) or find_places(norm):
        return None
    for name in names:
        size = len(name)
        for start in range(len(norm) - size + 1):
            window = norm[start : start + size]
            if not _HAN.fullmatch(window) or not _one_off(window, name):
                continue
            if _stands_for_a_place(norm, start, start + size) and not in_documents(window):
                return question[:start] + name + question[start + size :]
    return None
