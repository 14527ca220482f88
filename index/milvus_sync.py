"""Bringing a folder index's Milvus collection to a new version, touching only what changed.

A re-index compares each document of the new version with the version the
collection holds (:func:`signatures`: everything its rows are made of) and plans
(:func:`plan`) either

* an **update** of the same collection: the rows of documents that changed or went
  away are retired (``dead`` = the new version, rewritten by upsert) and the rows of
  new and changed documents inserted (``born`` = the new version); every other row
  is left as it is; or
* a **full write** into a new collection (no collection yet, one of an earlier
  layout, another dense index, dimension or BM25 parameters, or an average passage
  length that moved more than ``MilvusConfig.rebase_drift`` from the one the rows
  were weighted with).

Readers see rows by version (:func:`index.milvus_schema.visible`): until the folder
index switches, readers of the current version see exactly it, whatever of the
update is done. A build killed half-way is undone by the next one
(:func:`recover`), and one that fails is undone at once.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from corpus.model import Document, Passage
from index import milvus_schema
from index.bm25 import BM25Params
from index.milvus_schema import ALIVE, LAYOUT, MilvusConfig, RowIds

Progress = Callable[[str, int, int], None]
_DOCS_PER_QUERY = 200


@dataclass(frozen=True)
class VersionData:
    """What one version of the folder index puts in Milvus, passage by passage."""

    documents: list[Document]
    passages: list[Passage]
    tokens: list[list[str]]
    vectors: np.ndarray
    keys: list[str]  # hash of each passage's BM25 text (its tokens follow from it)
    dense_keys: list[str]  # hash of each passage's embedded text (its vector follows)
    params: BM25Params
    tokenizer: str

    @property
    def avgdl(self) -> float:
        return float(sum(map(len, self.tokens)) / len(self.tokens)) if self.tokens else 0.0

    def by_document(self) -> dict[str, list[int]]:
        """Each document's passage rows, in order (a row's ``part`` is its place here)."""
        rows: dict[str, list[int]] = {d.doc_id: [] for d in self.documents}
        for i, p in enumerate(self.passages):
            rows[p.doc_id].append(i)
        return rows

    def signatures(self) -> dict[str, str]:
        """Each document's fingerprint of everything its collection rows hold but the
        version-wide weighting (equal: its rows need not be written again)."""
        out: dict[str, str] = {}
        docs = {d.doc_id: d for d in self.documents}
        for doc_id, rows in self.by_document().items():
            d = docs[doc_id]
            head = [doc_id, d.region, list(d.years), d.issued, d.source_format]
            body = [
                [p.start, p.end, p.section_year, p.section_kind, p.section_half, k, dk]
                for p, k, dk in ((self.passages[i], self.keys[i], self.dense_keys[i]) for i in rows)
            ]
            text = json.dumps([head, body], ensure_ascii=False)
            out[doc_id] = hashlib.sha1(text.encode()).hexdigest()
        return out


@dataclass(frozen=True)
class Plan:
    """What a build does to Milvus: a full write (``full``, and why) or an update that
    retires the rows of ``retire`` and writes those of ``write`` (document ids)."""

    full: bool
    why: str = ""
    write: tuple[str, ...] = ()
    retire: tuple[str, ...] = ()


def plan(
    entry: dict[str, Any],
    previous: dict[str, str] | None,
    new: VersionData,
    config: MilvusConfig,
) -> Plan:
    """How to bring the collection ``entry`` names (the manifest's record; ``previous``:
    the signatures of the version it holds) to ``new``."""
    why = _full_because(entry, previous, new, config)
    if why or previous is None:
        return Plan(True, why)
    now = new.signatures()
    write = tuple(d for d, sig in now.items() if previous.get(d) != sig)
    retire = tuple(d for d, sig in previous.items() if now.get(d) != sig)
    return Plan(False, write=write, retire=retire)


def _full_because(
    entry: dict[str, Any], previous: dict[str, str] | None, new: VersionData, config: MilvusConfig
) -> str:
    if not entry.get("collection"):
        return "no collection yet"
    if previous is None:
        return "no previous version to compare with"
    ref = float(entry.get("avgdl") or 0.0)
    checks = (
        (entry.get("layout") != LAYOUT, "a collection of an earlier layout"),
        (entry.get("dense_index") != config.dense_index.value, "another dense index"),
        (entry.get("dim") != int(new.vectors.shape[1]), "another vector size"),
        (entry.get("bm25") != [new.params.k1, new.params.b], "other BM25 parameters"),
        (entry.get("tokenizer") != new.tokenizer, "another tokenizer"),
        (not ref or abs(new.avgdl / ref - 1) > config.rebase_drift, "passage lengths moved"),
    )
    return next((why for failed, why in checks if failed), "")


def entry_for(
    name: str,
    prefix: str,
    version: int,
    next_pk: int,
    avgdl: float,
    new: VersionData,
    config: MilvusConfig,
) -> dict[str, Any]:
    """The manifest's record of collection ``name`` holding ``new`` as ``version``."""
    return {
        "collection": name,
        "prefix": prefix,
        "seq": version,
        "layout": LAYOUT,
        "n_rows": len(new.passages),
        "next_pk": next_pk,
        "avgdl": avgdl,
        "bm25": [new.params.k1, new.params.b],
        "tokenizer": new.tokenizer,
        "dim": int(new.vectors.shape[1]),
        "dense_index": config.dense_index.value,
    }


def insert(
    client: Any,
    name: str,
    new: VersionData,
    doc_ids: Iterable[str],
    *,
    first_pk: int,
    version: int,
    avgdl: float,
    config: MilvusConfig,
    progress: Progress | None = None,
) -> int:
    """Insert the rows of ``doc_ids`` (of ``new``) born at ``version``; the next free pk."""
    docs = {d.doc_id: d for d in new.documents}
    rows = new.by_document()
    todo = [(i, part) for d in doc_ids for part, i in enumerate(rows[d])]
    pk = first_pk
    for lo in range(0, len(todo), config.batch):
        batch = []
        for i, part in todo[lo : lo + config.batch]:
            p = new.passages[i]
            weights = milvus_schema.term_weights(new.tokens[i], avgdl, new.params)
            ids = RowIds(pk, part, version)
            batch.append(milvus_schema.row_of(ids, p, docs[p.doc_id], weights, new.vectors[i]))
            pk += 1
        client.insert(name, batch, timeout=config.timeout)
        if progress:
            progress("milvus", min(lo + config.batch, len(todo)), len(todo))
    return pk


def retire(
    client: Any, name: str, doc_ids: Iterable[str], version: int, config: MilvusConfig
) -> None:
    """Mark the rows of ``doc_ids`` that version ``version - 1`` holds as gone from
    ``version`` on (readers of the earlier version still see them)."""
    ids = list(doc_ids)
    for lo in range(0, len(ids), _DOCS_PER_QUERY):
        docs = ", ".join(json.dumps(d, ensure_ascii=False) for d in ids[lo : lo + _DOCS_PER_QUERY])
        where = f"doc_id in [{docs}] and {milvus_schema.visible(version - 1)}"
        _rewrite(client, name, where, version, config)


def recover(client: Any, name: str, version: int, config: MilvusConfig) -> None:
    """Make the collection hold what versions up to ``version`` (the current one) hold
    and nothing a later build began: rows born later are deleted, rows retired by a
    later build live again, and rows no version from ``version`` on holds are purged."""
    client.delete(name, filter=f"born > {int(version)}", timeout=config.timeout)
    where = f"dead > {int(version)} and dead < {ALIVE}"
    _rewrite(client, name, where, ALIVE, config)
    purge(client, name, version, config)


def purge(client: Any, name: str, version: int, config: MilvusConfig) -> None:
    """Delete the rows no reader of ``version`` or later sees (retired by it or before)."""
    client.delete(name, filter=f"dead <= {int(version)}", timeout=config.timeout)


def _rewrite(client: Any, name: str, where: str, dead: int, config: MilvusConfig) -> None:
    """Set ``dead`` of the rows ``where`` keeps (an upsert of each whole row)."""
    for batch in _rows(client, name, where, config):
        client.upsert(name, [{**r, "dead": dead} for r in batch], timeout=config.timeout)


def _rows(
    client: Any, name: str, where: str, config: MilvusConfig
) -> Iterator[list[dict[str, Any]]]:
    """Every row ``where`` keeps, whole, in batches (a query alone stops at 16,384 rows).
    They are all read before any is rewritten, so the rewrite cannot move the cursor."""
    found: list[list[dict[str, Any]]] = []
    with _quiet_iterator():
        it = client.query_iterator(
            name,
            batch_size=config.batch,
            filter=where,
            output_fields=["*"],
            timeout=config.timeout,
        )
        try:
            while batch := it.next():
                found.append(batch)
        finally:
            it.close()
    yield from found


@contextmanager
def _quiet_iterator() -> Iterator[None]:
    """Milvus Lite has no iterator session time; pymilvus warns on every query_iterator
    that it uses the client's clock instead (right here: this process wrote last)."""
    log = logging.getLogger("pymilvus.client.iterator.query_iterator")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def count_visible(client: Any, name: str, version: int, expected: int) -> int:
    """How many rows version ``version`` holds, where ``expected`` are due.

    Counted first as every row but those the version does not see (few: the rows the
    last build retired, or a killed build's): Milvus Lite counts a filtered
    ``count(*)`` by reading each row it keeps whole, vectors and all (12 s for the
    51.7k rows of samples + corpus-extra, a busy machine; this way 0.3 s), and counts
    all rows without reading any. When that count is not ``expected`` (another collection's
    rows, or a build writing between the two counts), the rows are counted again
    directly, and that count is the answer.
    """
    shown = milvus_schema.visible(version)
    quick = _count(client, name, "") - _count(client, name, f"not ({shown})")
    return quick if quick == expected else _count(client, name, shown)


def _count(client: Any, name: str, where: str) -> int:
    found = client.query(name, filter=where, output_fields=["count(*)"])
    return int(found[0]["count(*)"])
