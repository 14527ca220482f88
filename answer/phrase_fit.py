"""A metric the question writes as one phrase, written by a figure with a word between its
words: "中央预算内水利投资700多亿元" counts one use of the 中央预算内投资 asked
("中央预算内投资拟增加到4576亿元"), a narrower thing.
"""

from __future__ import annotations

import itertools
import re

# What may come between without naming a narrower thing: a conjunction, a particle.
_LINKS = re.compile(r"[的和与及、]")


def written_pairs(words: list[str], canon_question: str) -> tuple[tuple[str, str], ...]:
    """Neighbouring question words (of two characters or more) written together in the
    question ("预算内" + "投资" of "中央预算内投资")."""
    return tuple(
        (a, b)
        for a, b in itertools.pairwise(words)
        if len(a) >= 2 and len(b) >= 2 and f"{a}{b}" in canon_question
    )


def split_pair(pairs: tuple[tuple[str, str], ...], words: str, longest: int = 4) -> bool:
    """Whether a figure's metric ``words`` write one of the question's pairs apart, another
    word of two to ``longest`` characters between them ("预算内水利投资")."""
    for a, b in pairs:
        if f"{a}{b}" in words:
            continue
        at = words.find(a)
        end = words.find(b, at + len(a)) if at >= 0 else -1
        between = words[at + len(a) : end] if end >= 0 else ""
        if 2 <= len(between) <= longest and not _LINKS.search(between):
            return True
    return False
