"""Fixtures of the answer tests: candidates made from made-up text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from answer.clauses import clauses_of
from answer.extract import Candidate
from corpus.document import parse_text
from corpus.model import Passage


def candidates_of(text: str) -> list[Candidate]:
    """One candidate per clause of a made-up document (every score and fit neutral, each
    with a number), in text order."""
    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")
    return [
        Candidate(c, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, True, 1)
        for c in clauses_of(doc.text, 0)
    ]


@pytest.fixture
def clause_candidates() -> Callable[[str], list[Candidate]]:
    return candidates_of
