"""BM25 and dense candidates from the Milvus collection of an index version.

The folder index (documents, sections, passages, facts, the BM25 vocabulary) is
loaded as for the in-process backend, without its vectors; the collection its
manifest names holds the passages' rows, each marked with the versions that hold
it (:mod:`index.milvus_schema`): every search keeps the rows of the loaded
version only, so a re-index under way (or killed) changes nothing it sees. The
filters become a Milvus expression over the collection's scalar fields and run
inside Milvus, before ranking, exactly as the in-process subset: a region filter
is resolved against the regions the documents have (either holds the other), a
year filter keeps a passage by its section's year, else by its document's years
(the documents of those years, listed by id).

BM25 in Milvus is the inner product of the passage's stored term-frequency parts
(weighted at the collection's fixed average passage length) with the query's term
counts times this version's idf; Milvus returns ``MilvusSearchConfig.bm25_overfetch``
times the candidates asked, and they are scored again exactly as
:meth:`index.bm25.BM25.get_scores` scores (:meth:`index.bm25.BM25.scores_of`),
so scores are the in-process ones. The two candidate lists are fused here, by the same
fusion as in process, not by Milvus's RRF or weighted rankers: those rank
differently from the min-max fusion policyqa is tuned with.

With an HNSW dense index, a filter that keeps few rows can make the graph search
return fewer than the candidates asked; the rows the filter keeps are then
scored exactly here, when there are at most ``MilvusSearchConfig.exact_rows``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from corpus.errors import BackendError, IndexFormatError
from corpus.model import Document
from index import milvus_schema, milvus_store, milvus_sync
from index.backend import BackendConfig, DenseIndexKind
from index.bm25 import BM25Params
from index.milvus_schema import LAYOUT, NO_YEAR, MilvusConfig
from index.store import Index
from retrieval.filters import region_matches, wanted_regions
from retrieval.model import Filters


@dataclass(frozen=True)
class Condition:
    """A Milvus filter expression ("" keeps every row); ``never``: nothing can match."""

    text: str = ""
    never: bool = False


NEVER = Condition(never=True)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quoted(value: str) -> str:
    """A string literal of Milvus's expression language (servers and Milvus Lite alike;
    Lite takes no template parameters)."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'


def _strings(values: Iterable[str]) -> str:
    return "[" + ", ".join(quoted(v) for v in values) + "]"


@dataclass(frozen=True)
class Catalog:
    """What the filters are resolved against: the documents' regions, and the documents
    of each year (for passages whose section has no year)."""

    regions: tuple[str, ...]
    by_year: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, documents: Iterable[Document]) -> Catalog:
        regions: set[str] = set()
        by_year: dict[int, list[str]] = {}
        for d in documents:
            regions.update([d.region] if d.region else [])
            for y in set(d.years):
                by_year.setdefault(y, []).append(d.doc_id)
        return cls(tuple(sorted(regions)), {y: tuple(ids) for y, ids in by_year.items()})


def condition(filters: Filters | None, catalog: Catalog) -> Condition:
    """The Milvus expression of ``filters``.

    A year filter keeps a passage by its section's year, else by its document's
    years; the documents of the years asked are listed by id, as Milvus Lite takes
    thousands of times longer over an array field (8 s at 51.7k passages).
    """
    if filters is None or filters.is_empty():
        return Condition()
    parts: list[str] = []
    if filters.doc_ids:
        parts.append(f"doc_id in {_strings(filters.doc_ids)}")
    if filters.regions:
        wanted = wanted_regions(filters)
        fitting = [r for r in catalog.regions if region_matches(wanted, r)]
        if not fitting:
            return NEVER
        parts.append(f"region in {_strings(fitting)}")
    if filters.years:
        years = "[" + ", ".join(str(int(y)) for y in sorted(set(filters.years))) + "]"
        docs = sorted({d for y in filters.years for d in catalog.by_year.get(y, ())})
        by_doc = f" or (section_year == {NO_YEAR} and doc_id in {_strings(docs)})" if docs else ""
        parts.append(f"(section_year in {years}{by_doc})")
    return Condition(" and ".join(parts))


@dataclass(frozen=True)
class MilvusSearchConfig:
    """Query-time settings of the Milvus backend.

    Attributes:
        exact_rows: most rows a filter may keep for the exact rescue of an HNSW
            search that came back short.
        bm25_overfetch: BM25 candidates asked of Milvus per candidate wanted, before
            the exact rescoring (Milvus weights at the collection's average length).
    """

    exact_rows: int = 16384
    bm25_overfetch: int = 2


class MilvusSearch:
    """The Milvus backend over one loaded index version.

    Raises:
        BackendError: the index names no collection, or Milvus lacks it, or its
            row count is not the index's.
        OptionalDependencyError: pymilvus is not installed.
    """

    def __init__(
        self,
        index: Index,
        backend: BackendConfig,
        config: MilvusConfig | None = None,
        search: MilvusSearchConfig | None = None,
    ) -> None:
        self.index = index
        self.config = config or MilvusConfig()
        self.search_config = search or MilvusSearchConfig()
        entry = milvus_store.entry_of(index.manifest)
        self.name = str(entry.get("collection", ""))
        if not self.name:
            raise BackendError(
                f"the index at {index.folder} has no Milvus collection (it was built in "
                "process); write one with `policyqa index --from-index --backend milvus "
                "--milvus-uri URI`"
            )
        try:
            self.dense_index = DenseIndexKind(entry.get("dense_index", "FLAT"))
        except ValueError:
            raise IndexFormatError(
                f"the manifest of the index at {index.folder} names an unknown Milvus dense "
                f"index {entry.get('dense_index')!r}; rebuild it with `policyqa index`"
            ) from None
        if entry.get("layout") != LAYOUT:
            raise BackendError(
                f"the Milvus collection of the index at {index.folder} was written by an "
                "earlier policyqa; write it again with `policyqa index --from-index "
                "--backend milvus --milvus-uri URI`"
            )
        self.version = int(entry["seq"])
        self.client = milvus_store.connect(backend, self.config)
        self._open(backend)
        self.catalog = Catalog.of(index.documents.values())
        params = index.manifest.get("params", {})
        bm25 = BM25Params(**{k: float(params[k]) for k in ("k1", "b", "epsilon") if k in params})
        idf = index.bm25.idf(bm25)
        self.idf = {t: float(idf[col]) for t, col in index.bm25.vocab.items()}

    def _open(self, backend: BackendConfig) -> None:
        from pymilvus.exceptions import MilvusException

        try:
            if not self.client.has_collection(self.name):
                raise BackendError(
                    f"Milvus at {backend.milvus_uri} has no collection {self.name} named by "
                    f"the index at {self.index.folder} (another Milvus, or dropped); write it "
                    "with `policyqa index --from-index --backend milvus --milvus-uri URI`"
                )
            self.client.load_collection(self.name, timeout=self.config.timeout)
            stored = milvus_sync.count_visible(
                self.client, self.name, self.version, len(self.index.passages)
            )
        except MilvusException as exc:
            raise milvus_store.failure(f"open collection {self.name}", exc) from exc
        if stored != len(self.index.passages):
            raise BackendError(
                f"collection {self.name} holds {stored} rows of version {self.version} but "
                f"the index at "
                f"{self.index.folder} has {len(self.index.passages)} passages; rebuild with "
                "`policyqa index --from-index --backend milvus --milvus-uri URI`"
            )

    def _where(self, cond: Condition) -> str:
        """``cond`` over the rows of the loaded version only."""
        mine = milvus_schema.visible(self.version)
        return f"({cond.text}) and {mine}" if cond.text else mine

    def _row(self, hit: dict[str, Any]) -> int:
        """The loaded version's passage row of a collection row."""
        rows = self.index.doc_rows.get(str(hit["doc_id"]), [])
        part = int(hit["part"])
        if not 0 <= part < len(rows):
            raise BackendError(
                f"collection {self.name} holds passage {part} of {hit['doc_id']!r}, which "
                f"version {self.version} of the index at {self.index.folder} does not; "
                "write it again with `policyqa index --from-index --backend milvus`"
            )
        return rows[part]

    def _search(
        self, field: str, query: Any, cond: Condition, n: int, params: dict[str, Any]
    ) -> list[tuple[int, float]]:
        from pymilvus.exceptions import MilvusException

        try:
            found = self.client.search(
                self.name,
                data=[query],
                anns_field=field,
                filter=self._where(cond),
                limit=n,
                output_fields=["doc_id", "part"],
                search_params=params,
                timeout=self.config.timeout,
            )
        except MilvusException as exc:
            raise milvus_store.failure(f"search {self.name}", exc) from exc
        return [(self._row(hit["entity"]), float(hit["distance"])) for hit in found[0]]

    def bm25(self, tokens: Sequence[str], filters: Filters | None, n: int) -> dict[int, float]:
        counts = Counter(t for t in tokens if t in self.idf)
        cond = condition(filters, self.catalog)
        query = milvus_schema.query_weights(counts, self.idf)
        if not query or cond.never or n <= 0:
            return {}
        ask = n * self.search_config.bm25_overfetch
        rows = [row for row, _ in self._search("bm25", query, cond, ask, {"metric_type": "IP"})]
        exact = self.index.bm25.scores_of(tokens, rows)
        top = np.argsort(-exact, kind="stable")[:n]
        return {rows[i]: float(exact[i]) for i in top if exact[i] > 0}

    def dense(self, vector: np.ndarray, filters: Filters | None, n: int) -> dict[int, float]:
        cond = condition(filters, self.catalog)
        if cond.never or n <= 0:
            return {}
        query = np.asarray(vector, dtype=np.float32).tolist()
        params: dict[str, Any] = {"metric_type": "IP"}
        if self.dense_index is DenseIndexKind.HNSW:
            params["params"] = {"ef": max(self.config.hnsw_ef, n)}
        hits = self._search("dense", query, cond, n, params)
        if len(hits) < n and cond.text and self.dense_index is DenseIndexKind.HNSW:
            hits = self._exact(query, cond, n) or hits
        return dict(hits)

    def _exact(self, query: list[float], cond: Condition, n: int) -> list[tuple[int, float]]:
        """Every row the filter keeps, scored here (empty when there are too many)."""
        from pymilvus.exceptions import MilvusException

        try:
            rows = self.client.query(
                self.name,
                filter=self._where(cond),
                output_fields=["doc_id", "part", "dense"],
                limit=self.search_config.exact_rows + 1,
                timeout=self.config.timeout,
            )
        except MilvusException as exc:
            raise milvus_store.failure(f"query {self.name}", exc) from exc
        if not rows or len(rows) > self.search_config.exact_rows:
            return []
        ids = np.asarray([self._row(r) for r in rows], dtype=np.int64)
        scores = np.asarray([r["dense"] for r in rows], dtype=np.float32) @ np.asarray(query)
        top = np.argsort(-scores, kind="stable")[:n]
        return [(int(ids[i]), float(scores[i])) for i in top]
