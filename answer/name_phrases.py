"""The names a which-document question asks about: the runs of the question left after how
it asks ("哪份文件…提到过"), a quoted phrase whole, a place opening a name left out."""

from __future__ import annotations

import re

from answer.question_words import QUESTION_PHRASES
from corpus.places import find_places


def name_phrases(norm_question: str) -> list[str]:
    """The runs of a question left after removing how it asks ("哪份文件…提到过")."""
    # A name the question quotes is one phrase, whatever marks it holds ("“调整、改革、整顿、
    # 提高”这个方针").
    quoted = [m.group(1) for m in _QUOTED_PHRASE.finditer(norm_question)]
    text = _QUOTED_PHRASE.sub("|", norm_question)
    text = QUESTION_PHRASES.sub("|", text)
    text = re.sub(r"哪[一几]?年的?|哪(?:些|个|份|几份)?|什么|是否|有没有|[了的过]$", "|", text)
    # "…提到了利改税": the aspect word the asking leaves before the phrase is none of it
    # …and a gloss in brackets ("盘兴高铁(盘州至兴义铁路)") is a name of its own.
    pieces = (p.lstrip("了过着") for p in re.split(r"[|,;:?!。、()\s\"“”]+|和|与|及", text))
    found = [p for p in map(_unplaced, pieces) if p and not _LIBRARY.match(p)]
    return [q for q in quoted if re.search("[、,;]", q)] + found


# A quoted phrase holding marks that would split it ("“调整、改革、整顿、提高”"); one without
# them is read with the words around it, as before.
_QUOTED_PHRASE = re.compile(r"\"([^\"]{2,30}[、,;][^\"]{1,30})\"")
# "库里", "库里都有": the library the question asks of, no name.
_LIBRARY = re.compile(r"^库[里中]")


def _unplaced(phrase: str) -> str:
    """A phrase without the place it opens with ("济南的人工智能岛" → "人工智能岛"): a
    document of that place writes the name alone."""
    places = find_places(phrase)
    if places and places[0][0] == 0 and places[0][1] < len(phrase):
        rest = phrase[places[0][1] :].removeprefix("的")
        return rest if len(rest) >= 2 else phrase
    return phrase
