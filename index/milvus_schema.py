"""The Milvus collection of one index version: its fields, its indexes, its rows.

One row per passage, keyed by the passage's row in the folder index's version
(``passages.jsonl``), so a hit maps straight back to the passage, its document
and its sections, which stay in the folder index for both backends.

* ``bm25``: a sparse vector of the passage's own BM25 term weights (the row of
  :class:`index.bm25.BM25`'s matrix; ``idf · tf·(k1+1) / (tf + k1·(1-b+b·dl/avgdl))``),
  searched by inner product with the query's term counts. That is exactly how
  :meth:`index.bm25.BM25.get_scores` scores, so both backends rank alike on any
  Milvus deployment (Milvus's own BM25 keeps statistics per segment).
* ``dense``: the passage's normalised embedding, searched by inner product (cosine).
* Scalar fields the filters and the metadata need, with inverted indexes on the
  ones filters use (document id, region, section year, kind, half, issue year);
  also the document's years and source format. "No year" is stored as ``NO_YEAR``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from corpus.errors import BackendError
from corpus.model import Document, Passage
from index.backend import DenseIndexKind

NO_YEAR = -1


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


# Milvus Lite indexes no ARRAY field: doc_years is filtered unindexed (only for
# passages whose section has no year).
SCALAR_INDEXED = ("doc_id", "region", "section_year", "kind", "half", "issued")


def create_collection(client: Any, name: str, dim: int, config: MilvusConfig) -> None:
    """Create an empty collection ``name`` with policyqa's schema and indexes."""
    from pymilvus import DataType

    s = client.create_schema(auto_id=False, enable_dynamic_field=False)
    s.add_field("row", DataType.INT64, is_primary=True)
    s.add_field("doc_id", DataType.VARCHAR, max_length=config.max_doc_id)
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


def sparse_row(matrix: sparse.csr_matrix, row: int) -> dict[int, float]:
    """One passage's BM25 weights as Milvus takes a sparse vector: {term column: weight}."""
    lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
    return {
        int(c): float(w)
        for c, w in zip(matrix.indices[lo:hi], matrix.data[lo:hi], strict=True)
        if w != 0
    }


def _year(value: int | None) -> int:
    return NO_YEAR if value is None else int(value)


def row_of(
    row: int, p: Passage, doc: Document, weights: dict[int, float], vector: np.ndarray
) -> dict[str, Any]:
    """The collection row of the passage at ``row`` of the folder index."""
    return {
        "row": row,
        "doc_id": p.doc_id,
        "start": p.start,
        "end": p.end,
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


def rows(
    passages: list[Passage],
    documents: dict[str, Document],
    matrix: sparse.csr_matrix,
    vectors: np.ndarray,
    batch: int,
) -> Iterator[list[dict[str, Any]]]:
    """The collection's rows in batches of ``batch``, in passage order."""
    for lo in range(0, len(passages), batch):
        yield [
            row_of(i, passages[i], documents[passages[i].doc_id], sparse_row(matrix, i), vectors[i])
            for i in range(lo, min(lo + batch, len(passages)))
        ]
