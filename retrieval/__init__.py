"""Retrieval stage: query understanding, hybrid search over a backend, fusion, metadata-aware
scoring."""

from typing import TYPE_CHECKING

from corpus.lazy import exports

if TYPE_CHECKING:
    from retrieval.backend import InProcessSearch, SearchBackend, open_backend
    from retrieval.intent import Intent
    from retrieval.model import Filters, Hit
    from retrieval.query import Query, parse_query
    from retrieval.search import Retriever, RetrieverConfig

__all__ = [
    "Filters",
    "Hit",
    "InProcessSearch",
    "Intent",
    "Query",
    "Retriever",
    "RetrieverConfig",
    "SearchBackend",
    "open_backend",
    "parse_query",
]
# Imported on first use: the indicator table needs query parsing, not the search.
__getattr__ = exports(
    __name__,
    {
        "Filters": "retrieval.model",
        "Hit": "retrieval.model",
        "InProcessSearch": "retrieval.backend",
        "Intent": "retrieval.intent",
        "Query": "retrieval.query",
        "parse_query": "retrieval.query",
        "Retriever": "retrieval.search",
        "RetrieverConfig": "retrieval.search",
        "SearchBackend": "retrieval.backend",
        "open_backend": "retrieval.backend",
    },
)
