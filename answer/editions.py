"""Which edition, batch or session a figure is of ("第十一届…", "第三批…").

A question naming the eleventh contest is not answered by the twelfth's figures, however
alike the sentences: a document (or its sentence) naming another edition of the same
counter, and not the one asked, speaks of another event.
"""

from __future__ import annotations

import re

from corpus.numerals import cn_number

_EDITION = re.compile(r"第([一二三四五六七八九十百零〇\d]{1,5})(届|批|次|期|轮)")


def editions(norm: str) -> set[tuple[int, str]]:
    """The (number, counter) of every edition a text names ("第十二届" → (12, "届"))."""
    out = set()
    for m in _EDITION.finditer(norm):
        n = cn_number(m.group(1))
        if n:
            out.add((n, m.group(2)))
    return out


def other_edition(question_norm: str, text: str) -> bool:
    """Whether ``text`` (a sentence with what its document is about) names another
    edition of a counter the question names by number, and not the one asked."""
    asked = editions(question_norm)
    if not asked:
        return False
    stated = editions(text)
    for n, counter in asked:
        others = {m for m, c in stated if c == counter}
        if others and n not in others:
            return True
    return False
