"""Hybrid retrieval: BM25 + dense candidates (from a backend), fused, then re-scored by
metadata fit."""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

import numpy as np

from corpus import word_cuts
from corpus.enumerations import Enumeration
from corpus.model import Fact, Passage
from index.embed import Embedder
from index.facts_view import facts_view
from index.store import Index
from index.text import get_tokenizer, index_text, warm_words
from retrieval.backend import InProcessSearch, SearchBackend
from retrieval.filters import explain_empty, kept_rows
from retrieval.fusion import get_fusion
from retrieval.indicators import IndicatorFilter, IndicatorTable, needles
from retrieval.metadata import MetaWeights, meta_bonus, region_fit_of
from retrieval.model import Filters, Hit, Mode
from retrieval.name_index import DocName, NameIndex
from retrieval.naming import OPENING
from retrieval.query import NAME_LEFT, Query, parse_query, reworded

MODES = tuple(Mode)
_QUERY_CACHE = 512


NAMED_EDITIONS = 2  # documents one name may be asked of together (two editions of a guide)


def within_named(q: Query, filters: Filters | None) -> Query:
    """The question as one document's passages are ranked when the filters keep only that
    document and the question names it: its name blanked ("科技部…试验区建设工作指引,到23年
    计划布局多少个试验区": every passage of the guide holds its name's words; the rest tells
    them apart; so do two editions of it kept together); the question itself otherwise."""
    if filters is None or not 1 <= len(filters.doc_ids) <= NAMED_EDITIONS:
        return q
    if not q.doc_name or q.doc_name not in q.norm:
        return q
    rest = q.norm.replace(q.doc_name, " ")
    if len(rest.strip()) < NAME_LEFT:
        return q
    return reworded(q, rest)


@dataclass
class RetrieverConfig:
    """Retrieval settings.

    Attributes:
        fusion: name of the fusion method ("rrf" or "minmax").
        weights: weight of BM25 and dense in the fusion.
        candidates: how many passages each system contributes.
        year_candidates: BM25 passages of the documents of the years a question names,
            added to the others: in a library of many years the right year's passage may
            rank below a hundred others of other years.
        place_candidates: BM25 passages of the documents of the places a question names
            (of its years too, when it names some): the whole country's 国内生产总值 of a
            year ranks below a hundred provinces' 地区生产总值 of it.
        meta: metadata weights; None turns metadata scoring off.
    """

    # Chosen by measurement on the dev and team gold sets (evals/REPORT.md):
    # BM25 carries the exact figures and names; min-max fusion with the dense
    # score at 0.3 gave the best recall@1 (0.94 vs 0.77 for equal-weight RRF).
    fusion: str = "minmax"
    weights: tuple[float, float] = (1.0, 0.3)
    candidates: int = 100
    year_candidates: int = 30
    place_candidates: int = 30
    meta: MetaWeights | None = field(default_factory=MetaWeights)


def _years_asked(q: Query) -> frozenset[int]:
    """The years a question names, of its figures or of the document it names."""
    return frozenset(q.years) | frozenset(q.doc_years)


class Retriever:
    """Finds the passages that answer a question.

    Args:
        index: a loaded index.
        embedder: embeds queries; must be the model the index was built with.
        config: retrieval settings.
        backend: where the BM25 and dense candidates come from (default: the
            index's own arrays, in this process).
    """

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        config: RetrieverConfig | None = None,
        backend: SearchBackend | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.config = config or RetrieverConfig()
        self.backend = backend or InProcessSearch(index)
        self._tokenize = get_tokenizer(index.tokenizer)
        get_fusion(self.config.fusion)  # fail early on a bad name
        self._qcache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._by_doc: dict[str, tuple[list[int], list[Fact]]] = {}
        self._indicators: IndicatorTable | None = None
        self._names: NameIndex | None = None
        self._heads: dict[str, DocName] | None = None
        self._of_year: dict[frozenset[int], tuple[str, ...]] = {}
        self._of_place: dict[tuple[tuple[str, ...], frozenset[int]], tuple[str, ...]] = {}

    @property
    def indicators(self) -> IndicatorTable:
        """The indicator table (指标库) of the index's facts, built on first use."""
        if self._indicators is None:
            self._indicators = IndicatorTable(facts_view(self.index))
        return self._indicators

    def indicators_for(self, wanted: IndicatorFilter) -> IndicatorTable:
        """An indicator table holding at least the rows ``wanted`` selects: the whole
        table once built, else one over only the figures that can match (a cold process
        answering one table question parses a few hundred figures, not every one)."""
        selective = needles(wanted)
        if self._indicators is not None or not selective:
            return self.indicators
        return IndicatorTable(facts_view(self.index, selective))

    def warm(self) -> None:
        """Read now what many questions would read at their start: the index's store and
        tables (:meth:`Index.warm`), the tokenizers' dictionaries whole and jieba's word
        tags (process-wide, not the index's)."""
        self.index.warm()
        warm_words()
        word_cuts.warm_words()

    def enumerations(self, doc_id: str) -> tuple[Enumeration, ...]:
        """The enumerations of a document (lists.jsonl of the index)."""
        return self.index.lists_of(doc_id)

    def facts_with_values(
        self, values: Sequence[str], rank: Callable[[str], float], top: int
    ) -> list[Fact]:
        """The ``top`` figures of the library whose value is one of ``values`` ("637",
        "3.9"), best ``rank`` of their metric (``canonical``) first; ties in the order of
        ``values``, then of the facts table (only those kept are parsed where it can)."""
        return self.index.facts_valued_best(values, rank, top)

    def facts_between(self, doc_id: str, start: int, end: int) -> list[Fact]:
        """The figures of a document whose value lies in ``[start, end)``, in text order."""
        found = self._by_doc.get(doc_id)
        if found is None:
            facts = sorted(self.index.facts_of(doc_id), key=lambda f: f.value_start)
            found = self._by_doc[doc_id] = ([f.value_start for f in facts], facts)
        starts, facts = found
        return facts[bisect_left(starts, start) : bisect_left(starts, end)]

    def naming(self, phrases: list[str]) -> list[str]:
        """Ids of the documents holding one of ``phrases`` word for word, in index order."""
        named = self.index.naming(phrases)
        return [d for d in self.index.doc_rows if d in named]

    def passages_covering(self, doc_id: str, offsets: Collection[int]) -> list[Passage]:
        """The passages of a document that hold one of ``offsets``, in text order."""
        return self.index.passages_covering(doc_id, offsets)

    def bm25_scores(self, query: Query, filters: Filters | None, n: int) -> dict[int, float]:
        return self.backend.bm25(self._tokenize(query.canon), filters, n)

    def document_names(self) -> dict[str, DocName]:
        """Every document's title, issuer, opening and region by id, read once a process
        without the documents."""
        if self._heads is None:
            rows = self.index.document_names(OPENING)
            self._heads = {r[0]: DocName(*r) for r in rows}
        return self._heads

    def documents_named(self, name: str, *, best_only: bool = False) -> tuple[str, ...]:
        """The documents whose title, issuer and opening ``name`` fits
        (:func:`retrieval.naming.names_document`), in index order
        (:class:`retrieval.name_index.NameIndex`); ``best_only``: those it fits best."""
        if self._names is None:
            self._names = NameIndex(list(self.document_names().values()))
        return self._names.fitting(name, best_only=best_only)

    def issued_in(self, years: Collection[int]) -> tuple[str, ...]:
        """The documents issued in one of ``years``, in the index's order (read without the
        documents)."""
        return tuple(d for d, y in self.index.document_issued().items() if y in years)

    def undated(self) -> tuple[str, ...]:
        """The documents whose year of issue is not known, in the index's order."""
        return tuple(d for d, y in self.index.document_issued().items() if y is None)

    def _documents_of_years(self, asked: frozenset[int]) -> tuple[str, ...]:
        """The documents whose years include one of ``asked``, in the index's order (their
        years read without the documents; the same years asked again: the same documents)."""
        if asked not in self._of_year:
            years = self.index.document_years().items()
            self._of_year[asked] = tuple(d for d, ys in years if asked.intersection(ys))
        return self._of_year[asked]

    def _of_years(self, q: Query) -> dict[int, float]:
        """The best BM25 passages of the documents whose years include one the question
        names."""
        asked = _years_asked(q)
        if self.config.year_candidates <= 0 or not asked:
            return {}
        docs = self._documents_of_years(asked)
        if not docs:
            return {}
        return self.bm25_scores(q, Filters(doc_ids=docs), self.config.year_candidates)

    def _of_places(self, q: Query) -> dict[int, float]:
        """The best BM25 passages of the documents of the places the question names (and of
        its years, when it names some), their regions read without the documents."""
        if self.config.place_candidates <= 0 or not q.regions:
            return {}
        asked = _years_asked(q)
        key = (q.regions, asked)
        if key not in self._of_place:
            of_years = set(self._documents_of_years(asked)) if asked else None
            names = self.document_names()
            # (read once a region: many documents share one)
            fit = {r: region_fit_of(q, r, "") > 0 for r in {n.region for n in names.values()}}
            self._of_place[key] = tuple(
                d
                for d, name in names.items()
                if fit[name.region] and (of_years is None or d in of_years)
            )
        docs = self._of_place[key]
        if not docs:
            return {}
        return self.bm25_scores(q, Filters(doc_ids=docs), self.config.place_candidates)

    def embed_queries(self, texts: list[str]) -> list[np.ndarray]:
        """Query vectors, from a small cache or encoded together in one batch.

        The parts of a compare question are embedded in one model call, and a
        repeated question (the UI, the evaluation's ablation) costs nothing.
        """
        keys = [index_text(t) for t in texts]
        # (read before the new ones go in: a full cache drops its oldest, which may be one
        # of these)
        found = {k: self._qcache[k] for k in keys if k in self._qcache}
        for key in found:
            self._qcache.move_to_end(key)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        if missing:
            for key, vec in zip(missing, self.embedder.encode(missing), strict=True):
                found[key] = vec
                self._qcache[key] = vec
                if len(self._qcache) > _QUERY_CACHE:
                    self._qcache.popitem(last=False)
        return [found[k] for k in keys]

    def dense_scores(self, query: Query, filters: Filters | None, n: int) -> dict[int, float]:
        return self.backend.dense(self.embed_queries([query.text])[0], filters, n)

    def mode_for(self, mode: str) -> Mode:
        """The mode that answers when ``mode`` is asked for: BM25 alone while the index's
        dense part is pending (its passages are being embedded).

        Raises:
            ValueError: unknown mode.
        """
        if mode not in MODES:
            names = [str(m) for m in MODES]
            raise ValueError(f"unknown retrieval mode {mode!r}; choose one of {names}")
        return Mode.BM25 if self.index.dense_pending else Mode(mode)

    def search(
        self,
        query: Query | str,
        k: int = 10,
        *,
        mode: str = "hybrid",
        filters: Filters | None = None,
    ) -> list[Hit]:
        """Top-k passages for a question.

        Args:
            query: a parsed :class:`Query` or the question text.
            k: number of hits.
            mode: "hybrid", "bm25" or "dense" (see :meth:`mode_for`).
            filters: optional region/year/document restrictions.

        Raises:
            ValueError: unknown mode.
            QueryError: empty or too long question.
            FilterError: the filters keep no passage.
        """
        mode = self.mode_for(mode)
        q = parse_query(query) if isinstance(query, str) else query
        n = self.config.candidates
        asked = within_named(q, filters)  # (its passages ranked by the words besides its name)
        bm = self.bm25_scores(asked, filters, n) if mode in ("hybrid", "bm25") else {}
        if bm and (filters is None or filters.is_empty()):
            bm = {**self._of_years(q), **self._of_places(q), **bm}
        de = self.dense_scores(asked, filters, n) if mode in ("hybrid", "dense") else {}
        if mode == "hybrid":
            fused = get_fusion(self.config.fusion)([bm, de], list(self.config.weights))
        else:
            fused = dict(bm or de)
        if not fused:
            if (
                filters is not None
                and not filters.is_empty()
                and not kept_rows(filters, self.index)
            ):
                raise explain_empty(filters, self.index.documents)
            return []
        top = max(fused.values()) or 1.0
        lo = min(fused.values()) if mode != "hybrid" else 0.0
        rows = list(fused)
        passages = dict(zip(rows, self.index.passages_at(rows), strict=True))
        scored = []
        named = frozenset(self.documents_named(q.doc_name)) if q.doc_name else frozenset()
        for row, s in fused.items():
            p = passages[row]
            base = (s - lo) / ((top - lo) or 1.0)
            head = self.index.document_head(p.doc_id)
            bonus = (
                meta_bonus(q, p, head, self.config.meta, named)
                if self.config.meta is not None
                else 0.0
            )
            scored.append((base + bonus, row, bonus))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [
            Hit(
                passages[row],
                round(score, 6),
                rank,
                bm.get(row),
                de.get(row),
                round(bonus, 4),
            )
            for rank, (score, row, bonus) in enumerate(scored[:k], 1)
        ]
