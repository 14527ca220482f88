"""Dataclasses of the retrieval stage."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from corpus.model import Passage


class Mode(StrEnum):
    """How passages are retrieved: BM25 and dense fused, or one of them alone. An index
    whose dense part is pending (being embedded) is searched by BM25 whatever is asked;
    the answer record says which mode answered (``Answer.retrieval``)."""

    HYBRID = "hybrid"
    BM25 = "bm25"
    DENSE = "dense"


@dataclass(frozen=True)
class Filters:
    """Restrictions applied before ranking (all optional).

    Attributes:
        regions: keep passages of documents whose region contains one of these.
        years: keep passages whose section year or document years include one.
        doc_ids: keep only these documents.
    """

    regions: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    doc_ids: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.regions or self.years or self.doc_ids)


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its scores.

    Attributes:
        passage: the passage.
        score: fused score used for ranking (higher is better).
        rank: 1-based rank.
        bm25: raw BM25 score, if the passage was scored by BM25.
        dense: cosine similarity, if scored by the dense index.
        meta: metadata agreement bonus applied (region, year, kind).
    """

    passage: Passage
    score: float
    rank: int
    bm25: float | None = None
    dense: float | None = None
    meta: float = 0.0
