"""Synthetic indexes of a chosen size, made of copies of a real index's documents.

The seed is an index built from real documents (samples + corpus-extra): its
documents, passages, BM25 tokens, embeddings, figures and lists. Copy ``c`` of a
document gets the id ``c<c>/<doc_id>`` (copy 0 keeps its own) and its passages the
ids that follow from it; its vectors are the seed's, moved by a little Gaussian
noise and normalised again (cosine to the seed's vector about 0.995), so that no
two passages of the synthetic index have the same vector. The last document is cut
to make the count exact. Nothing is embedded: a run stays within minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from corpus.enumerations import Enumeration
from corpus.model import Document, Fact
from index.write import Built


@dataclass(frozen=True)
class SynthConfig:
    """How copies differ from the seed.

    Attributes:
        noise: standard deviation of the whole noise vector's length, relative to
            the unit vector it moves.
        seed: the random generator's seed (the same size gives the same index).
    """

    noise: float = 0.1
    seed: int = 13


def seed_from(index_dir: Path) -> Built:
    """The documents, tokens, vectors, figures and lists of a built index."""
    from index import store

    index = store.load(index_dir, tokens=True)
    return Built(
        documents=list(index.documents.values()),
        tokens=list(index.tokens or []),
        keys=list(index.keys),
        dense_keys=list(index.dense_keys),
        vectors=np.asarray(index.vectors, dtype=np.float32),
        facts=list(index.facts),
        lists=dict(index.lists),
        abbreviations=dict(index.abbreviations),
        model_id=index.model_id,
        tokenizer=index.tokenizer,
    )


def copy_id(doc_id: str, copy: int) -> str:
    """The id of a document's ``copy``-th copy (copy 0 is the document itself)."""
    return doc_id if copy == 0 else f"c{copy}/{doc_id}"


def _copied(doc: Document, copy: int, keep: int) -> Document:
    new_id = copy_id(doc.doc_id, copy)
    passages = tuple(
        replace(p, pid=f"{new_id}#{i}", doc_id=new_id) for i, p in enumerate(doc.passages[:keep])
    )
    return replace(doc, doc_id=new_id, passages=passages)


def _plan(seed: Built, n: int) -> Iterator[tuple[int, int, int, int]]:
    """(copy, document number, first seed row, passages kept) until ``n`` passages."""
    starts = np.cumsum([0] + [len(d.passages) for d in seed.documents])
    total = int(starts[-1])
    if total == 0:
        raise ValueError("the seed index holds no passage")
    left, copy = n, 0
    while left > 0:
        for i, doc in enumerate(seed.documents):
            if left <= 0:
                return
            keep = min(len(doc.passages), left)
            if keep:
                yield copy, i, int(starts[i]), keep
                left -= keep
        copy += 1


def _moved(vectors: np.ndarray, rng: np.random.Generator, noise: float) -> np.ndarray:
    """Unit vectors near ``vectors`` (each moved by noise of length about ``noise``)."""
    dim = vectors.shape[1]
    out = vectors + rng.standard_normal(vectors.shape, dtype=np.float32) * (noise / dim**0.5)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def synthetic(seed: Built, n: int, config: SynthConfig | None = None) -> Built:
    """A corpus of exactly ``n`` passages made of copies of the seed's documents."""
    cfg = config or SynthConfig()
    rng = np.random.default_rng(cfg.seed)
    facts_of: dict[str, list[Fact]] = {}
    for f in seed.facts:
        facts_of.setdefault(f.doc_id, []).append(f)
    docs: list[Document] = []
    rows: list[np.ndarray] = []
    vectors = np.empty((n, seed.vectors.shape[1]), dtype=np.float32)
    facts: list[Fact] = []
    lists: dict[str, tuple[Enumeration, ...]] = {}
    at = 0
    for copy, i, first, keep in _plan(seed, n):
        doc = seed.documents[i]
        new = _copied(doc, copy, keep)
        docs.append(new)
        block = seed.vectors[first : first + keep]
        vectors[at : at + keep] = block if copy == 0 else _moved(block, rng, cfg.noise)
        at += keep
        rows.append(np.arange(first, first + keep))
        facts.extend(replace(f, doc_id=new.doc_id) for f in facts_of.get(doc.doc_id, ()))
        if doc.doc_id in seed.lists:
            lists[new.doc_id] = seed.lists[doc.doc_id]
    taken = np.concatenate(rows).tolist()
    return Built(
        documents=docs,
        tokens=[seed.tokens[r] for r in taken],
        keys=[seed.keys[r] for r in taken],
        dense_keys=[seed.dense_keys[r] for r in taken],
        vectors=vectors,
        facts=facts,
        lists=lists,
        abbreviations=seed.abbreviations,
        model_id=seed.model_id,
        tokenizer=seed.tokenizer,
    )
