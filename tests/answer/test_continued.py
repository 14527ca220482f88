"""answer.continued: the passage a retrieved one runs on into, within its paragraph.

Every text here is made up; none comes from a gold set."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, cast

from answer.continued import continued_hits
from corpus.model import Passage
from retrieval.model import Hit

TEXT = "到2040年,建立起较为完善的甲标准体系。制修订80项以上甲标准。\n乙工作要点。新建丙平台3个。"


def _passage(n: int, start: int, end: int) -> Passage:
    return Passage(f"t.txt#{n}", "t.txt", TEXT[start:end], start, end, "", None, "")


FIRST = _passage(0, 0, TEXT.index("制修订"))
SECOND = _passage(1, TEXT.index("制修订"), TEXT.index("\n"))
THIRD = _passage(2, TEXT.index("\n") + 1, len(TEXT))


class _Retriever:
    def passages_covering(self, doc_id: str, offsets: Collection[int]) -> list[Passage]:
        return [p for p in (FIRST, SECOND, THIRD) if any(p.start <= o < p.end for o in offsets)]


def _continued(*hits: Passage, seen: set[str] | None = None) -> list[str]:
    found = continued_hits(
        [Hit(p, 1.0, i) for i, p in enumerate(hits, 1)],
        cast(Any, _Retriever()),
        set(seen or ()),
    )
    return [h.passage.pid for h in found]


def test_a_passage_runs_on_into_the_next_of_its_paragraph() -> None:
    assert _continued(FIRST) == ["t.txt#1"]


def test_a_paragraph_break_ends_it() -> None:
    assert _continued(SECOND) == []  # the next passage starts after the line break


def test_a_passage_already_found_is_not_added_again() -> None:
    assert _continued(FIRST, seen={"t.txt#1"}) == []
