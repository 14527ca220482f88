"""What a :class:`Filters` keeps, and saying so when it keeps nothing.

One rule for every caller: a document is kept when its id is among
``doc_ids`` (if any are given) and its region contains one of ``regions``
or is contained in one (a document of unknown region matches no region
filter); a passage of a kept document is kept when its section speaks of
one of ``years``, or, when its section names no year, when the document's
years include one.
"""

from __future__ import annotations

from collections.abc import Mapping

from corpus.errors import FilterError
from corpus.model import Document, Passage
from corpus.normalize import normalize
from index.store import Index
from retrieval.model import Filters


def wanted_regions(f: Filters) -> tuple[str, ...]:
    """The filter's regions in matching form (normalised once per search)."""
    return tuple(r for r in (normalize(x) for x in f.regions) if r)


def region_matches(wanted: tuple[str, ...], region: str) -> bool:
    """Whether a document's region fits the wanted regions (normalised; none wanted: yes)."""
    if not wanted:
        return True
    own = normalize(region)
    return bool(own) and any(r in own or own in r for r in wanted)


def keeps_document(f: Filters, doc: Document, wanted: tuple[str, ...] | None = None) -> bool:
    """Whether the filters keep a document (``wanted``: :func:`wanted_regions`, if known)."""
    if f.doc_ids and doc.doc_id not in f.doc_ids:
        return False
    return region_matches(wanted_regions(f) if wanted is None else wanted, doc.region)


def keeps_passage(f: Filters, p: Passage, doc: Document) -> bool:
    """Whether the filters' years keep a passage of a kept document."""
    if not f.years:
        return True
    return p.section_year in f.years or (
        p.section_year is None and bool(set(doc.years) & set(f.years))
    )


def keeps(f: Filters | None, p: Passage, doc: Document) -> bool:
    """Whether the filters (if any) keep a passage."""
    return f is None or (keeps_document(f, doc) and keeps_passage(f, p, doc))


def kept_rows(f: Filters | None, index: Index) -> list[int] | None:
    """The passage rows of an index the filters keep, in row order (None: no filters)."""
    if f is None or f.is_empty():
        return None
    wanted = wanted_regions(f)
    named = set(f.doc_ids)  # thousands of ids (the documents of a year): looked up, not scanned
    rows: list[int] = []
    for doc_id, doc_rows in index.doc_rows.items():
        if named and doc_id not in named:
            continue
        if not (wanted or f.years):
            rows.extend(doc_rows)  # documents named alone: none of them read
            continue
        doc = index.documents[doc_id]
        if keeps_document(f, doc, wanted):
            rows.extend(r for r in doc_rows if keeps_passage(f, index.passages[r], doc))
    return rows


def explain_empty(f: Filters, documents: Mapping[str, Document]) -> FilterError:
    """Why filters that keep no passage keep none, said plainly.

    Returns:
        The error to raise: the document ids not in the library, the regions and the
        years no document has, or (when each part matches something) that the parts
        together match nothing.
    """
    unknown = tuple(d for d in f.doc_ids if d not in documents)
    docs = list(documents.values())
    regions = tuple(r for r in f.regions if not any(keeps_document(Filters((r,)), d) for d in docs))
    years = tuple(y for y in f.years if not any(_has_year(d, y) for d in docs))
    detail = "; ".join(
        part
        for part in (
            f"not in the library: {', '.join(unknown)}" if unknown else "",
            f"no document of region {', '.join(regions)}" if regions else "",
            f"no passage about {', '.join(map(str, years))}" if years else "",
        )
        if part
    )
    return FilterError(
        detail or "the filters together keep no passage",
        unknown_docs=unknown,
        regions=regions,
        years=years,
    )


def _has_year(doc: Document, year: int) -> bool:
    return any(keeps_passage(Filters(years=(year,)), p, doc) for p in doc.passages)
