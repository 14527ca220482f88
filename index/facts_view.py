"""The facts table of an index without the rest: no vectors, no BM25, no model.

``policyqa indicators`` needs only ``facts.jsonl`` and the title and text of
the documents its rows quote. :func:`load_facts_view` reads just those two
files (after the same manifest and checksum checks as :func:`index.store.load`)
and parses only what a query can select: a fact's line is parsed when it holds
every *needle* (strings its row must contain, such as the two-character pieces
of the metric asked for), a document's line when one of the kept facts quotes
it. :func:`facts_view` gives the same view of an index already loaded (the web
UI's, the answerer's).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.errors import IndexFormatError
from corpus.model import Document, Fact, fact_from_json
from index.doc_lines import as_written as as_written  # re-exported
from index.doc_lines import lines_holding
from index.layout import Where
from index.manifest import manifest_at, read_files, retrying
from index.store_rows import document_rows

if TYPE_CHECKING:
    from index.store import Index

# The id at the head of a documents.jsonl line (files.doc_to_json writes it first);
# a line that does not start so is parsed whole.
_DOC_ID = re.compile(rb'\{"doc_id": "((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class DocInfo:
    """What a table row needs of its document: title, region, date and original text."""

    doc_id: str
    title: str
    region: str
    date: str
    text: str


@dataclass(frozen=True)
class FactsView:
    """Figures of an index with the documents they quote."""

    documents: dict[str, DocInfo]
    facts: tuple[Fact, ...]


def facts_view(index: Index, needles: tuple[str, ...] = ()) -> FactsView:
    """The view of a loaded index (its facts are read on first use; of its documents only
    what a row shows: no passage is parsed). With ``needles`` (as for
    :func:`load_facts_view`) only the facts holding them and the documents they quote are
    read, unless the index has parsed its whole facts table already."""
    if not needles:
        return FactsView({d.doc_id: _info(d) for d in index.document_heads()}, index.facts)
    facts = index.facts_holding(needles)
    by_id = index.heads
    quoted = [by_id[d] for d in dict.fromkeys(f.doc_id for f in facts) if d in by_id]
    return FactsView({d.doc_id: _info(d) for d in quoted}, facts)


def _info(doc: Document) -> DocInfo:
    return DocInfo(doc.doc_id, doc.title, doc.region, doc.date, doc.text)


def _document(row: dict[str, Any]) -> DocInfo:
    return DocInfo(
        row["doc_id"],
        row.get("title", ""),
        row.get("region", ""),
        row.get("date", ""),
        row["text"],
    )


def _documents(data: bytes, wanted: set[str] | None) -> dict[str, DocInfo]:
    """The documents of ``wanted`` (all when None); other lines are not parsed."""
    docs: dict[str, DocInfo] = {}
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        head = _DOC_ID.match(data, start, end) if wanted is not None else None
        skip = head is not None and json.loads(b'"' + head.group(1) + b'"') not in (wanted or ())
        if not skip and data[start:end].strip():
            doc = _document(json.loads(data[start:end]))
            if wanted is None or doc.doc_id in wanted:
                docs[doc.doc_id] = doc
        start = end + 1
    return docs


def load_facts_view(folder: Path, needles: tuple[str, ...] = ()) -> FactsView:
    """Read an index folder's facts, and the documents they quote, only.

    Args:
        folder: the index folder.
        needles: keep only the facts whose stored line holds every one of these
            strings; a superset of what a query selects, tested before parsing.
            Empty: every fact.

    Raises:
        IndexNotFoundError, IndexFormatError: as :func:`index.store.read_manifest`,
            or a documents/facts file that is unreadable.
    """
    return retrying(folder, lambda where: _view_at(where, needles))


def _view_at(where: Where, needles: tuple[str, ...]) -> FactsView:
    """The view of one version: documents from documents.jsonl, or store.sqlite (format 6)."""
    manifest = manifest_at(where)
    stored = manifest["format_version"] >= 6
    names = ("facts.jsonl",) if stored else ("documents.jsonl", "facts.jsonl")
    raw = read_files(where, manifest, names)
    data = raw["facts.jsonl"]
    folder = where.data
    ascii_only = data.isascii()
    wanted = tuple(as_written(n, ascii_only) for n in needles)
    try:
        facts = tuple(fact_from_json(json.loads(line)) for line in lines_holding(data, wanted))
        quoted = {f.doc_id for f in facts} if needles else None
        docs = (
            {d.doc_id: d for d in map(_document, document_rows(where.data, quoted))}
            if stored
            else _documents(raw["documents.jsonl"], quoted)
        )
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise IndexFormatError(
            f"index at {folder} is corrupt ({exc}); rebuild it with `policyqa index`"
        ) from exc
    return FactsView(docs, facts)
