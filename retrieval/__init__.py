"""Retrieval stage: query understanding, hybrid search, fusion, metadata-aware scoring."""

from retrieval.intent import Intent
from retrieval.model import Filters, Hit
from retrieval.query import Query, parse_query
from retrieval.search import Retriever, RetrieverConfig

__all__ = ["Filters", "Hit", "Intent", "Query", "Retriever", "RetrieverConfig", "parse_query"]
