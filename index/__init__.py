"""Index stage: BM25 over jieba tokens and dense embeddings, stored as plain files."""

from index.bm25 import BM25
from index.build import add_documents, build_index, remove_documents
from index.embed import FakeEmbedder, get_embedder
from index.store import Index, default_index_dir, load

__all__ = [
    "BM25",
    "FakeEmbedder",
    "Index",
    "add_documents",
    "build_index",
    "default_index_dir",
    "get_embedder",
    "load",
    "remove_documents",
]
