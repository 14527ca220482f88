"""The facts table of an index without the rest: no vectors, no BM25, no model.

``policyqa indicators`` needs only ``facts.jsonl`` and each document's title
and text (to quote). :func:`load_facts_view` reads just those two files
(after the same manifest and format check as :func:`index.store.load`), so it
takes a fraction of a full load; :func:`facts_view` gives the same view of an
index already loaded (the web UI's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.errors import IndexFormatError
from corpus.facts import Fact, fact_from_json
from index.files import parse_jsonl
from index.store import Index, read_checked


@dataclass(frozen=True)
class DocInfo:
    """What a table row needs of its document: title and original text."""

    doc_id: str
    title: str
    region: str
    text: str


@dataclass(frozen=True)
class FactsView:
    """Every figure of an index with the documents they quote."""

    documents: dict[str, DocInfo]
    facts: tuple[Fact, ...]


def facts_view(index: Index) -> FactsView:
    """The view of a loaded index (its facts are read on first use)."""
    docs = {
        d.doc_id: DocInfo(d.doc_id, d.title, d.region, d.text) for d in index.documents.values()
    }
    return FactsView(docs, index.facts)


def load_facts_view(folder: Path) -> FactsView:
    """Read an index folder's documents and facts only.

    Raises:
        IndexNotFoundError, IndexFormatError: as :func:`index.store.read_manifest`,
            or a documents/facts file that is unreadable.
    """
    _, raw = read_checked(folder, ("documents.jsonl", "facts.jsonl"))
    docs: dict[str, DocInfo] = {}
    try:
        for d in parse_jsonl(raw["documents.jsonl"]):
            docs[d["doc_id"]] = DocInfo(
                d["doc_id"], d.get("title", ""), d.get("region", ""), d["text"]
            )
        facts = [fact_from_json(r) for r in parse_jsonl(raw["facts.jsonl"])]
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise IndexFormatError(
            f"index at {folder} is corrupt ({exc}); rebuild it with `policyqa index`"
        ) from exc
    return FactsView(docs, tuple(facts))
