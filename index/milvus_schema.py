"""The Milvus collection of a folder index: its fields, its indexes, its rows.

One collection serves the successive versions of a folder index; each row is one
passage of one document as some versions hold it (multi-version rows):

* ``pk``: the row's own id (allocated by the writer, never reused while it lives).
* ``doc_id``, ``part`` (the passage's place among its document's passages),
  ``start``, ``end``: a hit maps back to the reader's version's passage row
  (the document's first row + ``part``), its document and its sections, which
  stay in the folder index for both backends.
* ``born``, ``dead``: the first version that holds the row and the first that no
  longer does (``ALIVE`` while the current one does). A reader of version ``v``
  sees exactly ``born <= v and dead > v`` (:func:`visible`), so a writer may add
  the next version's rows and retire the current ones' before the folder index
  switches over, and readers never see a half-written version.
* ``bm25``: a sparse vector, keyed by :func:`term_id`, of the passage's BM25
  term-frequency parts (:func:`index.bm25.saturation` at the collection's fixed
  average length); the query vector carries the reader's idf, so only the rows of
  a changed document depend on a re-index.
* ``dense``: the passage's normalised embedding, searched by inner product (cosine).
* Scalar fields the filters and the metadata need, with inverted indexes on the
  ones filters use (document id, region, section year, kind, half, issue year,
  ``born``, ``dead``); also the document's years and source format. "No year" is
  stored as ``NO_YEAR``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from corpus.errors import BackendError
from corpus.model import Document, Passage
from index.backend import DenseIndexKind
from index.bm25 import BM25Params, saturation

NO_YEAR = -1
ALIVE = 2**62  # ``dead`` of a row the newest version holds
LAYOUT = 2  # the manifest's record of a collection of this schema (1: one per version)
_TERM_IDS = 2**32 - 1  # Milvus sparse vector indices lie in [0, 2**32 - 1)


@dataclass(frozen=True)
class MilvusConfig:
    """Settings of the collections policyqa writes and searches.

    Attributes:
        batch: rows per insert call.
        dense_index: the dense vector index (FLAT = exact, the default).
        hnsw_m, hnsw_ef_construction: HNSW graph parameters.
        hnsw_ef: HNSW search breadth; raised to the number of candidates asked.
        max_doc_id, max_region: longest document id and region, in UTF-8 bytes.
        max_years: most years one document may list.
        timeout: seconds any one Milvus call may take.
        rebase_drift: how far (relative) the library's average passage length may move
            from the one a collection's BM25 weights were written with before a
            re-index writes a new collection rather than updating it.
    """

    batch: int = 1000
    dense_index: DenseIndexKind = DenseIndexKind.FLAT
    hnsw_m: int = 16
    hnsw_ef_construction: int = 200
    hnsw_ef: int = 256
    max_doc_id: int = 4096
    max_region: int = 512
    max_years: int = 256
    timeout: float = 600.0
    rebase_drift: float = 0.1


# Milvus Lite indexes no ARRAY field: doc_years is filtered unindexed (only for
# passages whose section has no year).
SCALAR_INDEXED = ("doc_id", "region", "section_year", "kind", "half", "issued", "born", "dead")


def create_collection(client: Any, name: str, dim: int, config: MilvusConfig) -> None:
    """Create an empty collection ``name`` with policyqa's schema and indexes."""
    from pymilvus import DataType

    s = client.create_schema(auto_id=False, enable_dynamic_field=False)
    s.add_field("pk", DataType.INT64, is_primary=True)
    s.add_field("doc_id", DataType.VARCHAR, max_length=config.max_doc_id)
    s.add_field("part", DataType.INT64)
    s.add_field("born", DataType.INT64)
    s.add_field("dead", DataType.INT64)
    s.add_field("start", DataType.INT64)
    s.add_field("end", DataType.INT64)
    s.add_field("region", DataType.VARCHAR, max_length=config.max_region)
    s.add_field("section_year", DataType.INT64)
    s.add_field(
        "doc_years", DataType.ARRAY, element_type=DataType.INT64, max_capacity=config.max_years
    )
    s.add_field("issued", DataType.INT64)
    s.add_field("kind", DataType.VARCHAR, max_length=32)
    s.add_field("half", DataType.VARCHAR, max_length=8)
    s.add_field("doc_format", DataType.VARCHAR, max_length=32)
    s.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
    s.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
    params = client.prepare_index_params()
    params.add_index("bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="IP")
    params.add_index("dense", **dense_index_params(config))
    for field_name in SCALAR_INDEXED:
        params.add_index(field_name, index_type="INVERTED")
    client.create_collection(name, schema=s, timeout=config.timeout)
    # Indexes of an empty collection: declared now, built by Milvus as rows arrive
    # (sync=False: pymilvus would otherwise poll each one with a 0.5 s sleep).
    client.create_index(name, params, timeout=config.timeout, sync=False)


def dense_index_params(config: MilvusConfig) -> dict[str, Any]:
    if config.dense_index is DenseIndexKind.HNSW:
        hnsw = {"M": config.hnsw_m, "efConstruction": config.hnsw_ef_construction}
        return {"index_type": "HNSW", "metric_type": "IP", "params": hnsw}
    return {"index_type": "FLAT", "metric_type": "IP"}


def visible(version: int) -> str:
    """The filter expression of the rows version ``version`` holds."""
    return f"born <= {int(version)} and dead > {int(version)}"


@lru_cache(maxsize=1 << 20)
def term_id(token: str) -> int:
    """A token's key in the sparse vectors: the same on every machine and in every
    version (the folder index's vocabulary columns are renumbered by each build).
    Two tokens may share a key (about V²/2³³ pairs for V tokens); the reader scores
    Milvus's candidates again exactly, so a shared key can only bring in a candidate."""
    digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") % _TERM_IDS


def term_weights(tokens: Sequence[str], avgdl: float, params: BM25Params) -> dict[int, float]:
    """A passage's sparse vector: each token's BM25 term-frequency part at ``avgdl``."""
    counts = Counter(tokens)
    tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
    parts = saturation(tf, np.full(len(tf), float(len(tokens))), avgdl, params)
    out: dict[int, float] = {}
    for token, w in zip(counts, parts, strict=True):
        key = term_id(token)
        out[key] = out.get(key, 0.0) + float(w)
    return out


def query_weights(counts: dict[str, int], idf: dict[str, float]) -> dict[int, float]:
    """The question's sparse vector: each known token's count × its idf (positive only:
    Milvus takes no negative weight; the reader's exact rescoring restores the rest)."""
    out: dict[int, float] = {}
    for token, count in counts.items():
        w = count * idf.get(token, 0.0)
        if w > 0:
            key = term_id(token)
            out[key] = out.get(key, 0.0) + w
    return out


def _year(value: int | None) -> int:
    return NO_YEAR if value is None else int(value)


@dataclass(frozen=True)
class RowIds:
    """Who a row is: its own id, its place in its document, and the version it starts."""

    pk: int
    part: int
    born: int


def row_of(
    ids: RowIds, p: Passage, doc: Document, weights: dict[int, float], vector: np.ndarray
) -> dict[str, Any]:
    """The collection row of passage ``p`` (the ``ids.part``-th of ``doc``)."""
    return {
        "pk": ids.pk,
        "doc_id": p.doc_id,
        "part": ids.part,
        "start": p.start,
        "end": p.end,
        "born": ids.born,
        "dead": ALIVE,
        "region": doc.region,
        "section_year": _year(p.section_year),
        "doc_years": [int(y) for y in doc.years],
        "issued": _year(doc.issued),
        "kind": p.section_kind,
        "half": p.section_half,
        "doc_format": doc.source_format,
        "bm25": weights,
        "dense": vector,
    }


def check_fits(doc: Document, config: MilvusConfig) -> None:
    """Refuse, before anything is written, a document the schema cannot hold.

    Raises:
        BackendError: names the document and the field.
    """
    limits = (
        ("document id", len(doc.doc_id.encode()), config.max_doc_id),
        ("region", len(doc.region.encode()), config.max_region),
        ("years", len(doc.years), config.max_years),
    )
    for what, size, most in limits:
        if size > most:
            raise BackendError(
                f"document {doc.doc_id!r}: its {what} ({size}) is longer than a Milvus "
                f"collection holds ({most}); nothing was changed"
            )
