"""What a build derives from parsed documents before embedding: the texts each search
sees, every document's figures and enumerations, and the BM25 tokens of its passages."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from corpus.enumerations import Enumeration, enumerations
from corpus.facts import extract_facts
from corpus.model import Document, Fact, Passage
from corpus.normalize import normalize
from index.pool import PoolConfig, ordered_map, worker_count
from index.text import canonicalize, get_tokenizer, index_text

Progress = Callable[[str, int, int], None]


def passage_text(p: Passage) -> str:
    """What BM25 sees of a passage: its context (title, region, section) and text."""
    return index_text(f"{p.context}\n{p.text}")


def dense_text(p: Passage) -> str:
    """What the embedding model sees: section path and text.

    Title and region are left to BM25 and metadata scoring, so that better
    metadata inference does not invalidate every cached embedding.
    """
    return index_text(f"{p.section}\n{p.text}")


def fold_metric(metric: str) -> str:
    """A fact's canonical metric: normalised (R&D → r&d) before the synonym table folds it."""
    return canonicalize(normalize(metric))


@dataclass(frozen=True)
class Derived:
    """A document's figures (facts.jsonl) and enumerations (lists.jsonl)."""

    facts: tuple[Fact, ...]
    lists: tuple[Enumeration, ...]


def derive(doc: Document) -> Derived:
    """The figures and enumerations of one parsed document."""
    return Derived(tuple(extract_facts(doc, fold_metric)), enumerations(doc))


def derived_all(
    documents: Sequence[Document], given: Mapping[str, Derived] | None = None
) -> dict[str, Derived]:
    """Every document's derived data: ``given`` (computed where the document was parsed,
    by the caller that parsed it) or computed now."""
    given = given or {}
    return {d.doc_id: given.get(d.doc_id) or derive(d) for d in documents}


def _tokenize_chunk(job: tuple[str, list[str]]) -> list[list[str]]:
    tokenizer, texts = job
    tokenize = get_tokenizer(tokenizer)
    return [tokenize(t) for t in texts]


def tokens_for(
    texts: Sequence[str],
    keys: Sequence[str],
    known: Mapping[str, list[str]],
    tokenizer: str,
    progress: Progress | None = None,
    pool: PoolConfig | None = None,
) -> list[list[str]]:
    """The BM25 tokens of each text: ``known[key]`` when there, else tokenised (each
    distinct text once; on worker processes when there are many, see :mod:`index.pool`)."""
    pool = pool or PoolConfig()
    first = {k: i for i, k in enumerate(keys) if k not in known}
    todo = list(first.values())
    size = pool.text_chunk
    chunks = [
        (tokenizer, [texts[i] for i in todo[s : s + size]]) for s in range(0, len(todo), size)
    ]
    workers = worker_count(pool, len(todo), pool.min_texts)

    def each(n: int) -> None:
        if progress:
            progress("tokenize", min(n * size, len(todo)), len(todo))

    results = ordered_map(_tokenize_chunk, chunks, workers, each=each)
    made = dict(zip((keys[i] for i in todo), (t for c in results for t in c), strict=True))
    return [made[k] if k in made else known[k] for k in keys]
