"""Index stage: BM25 over jieba tokens and dense embeddings, stored as plain files."""

from typing import TYPE_CHECKING

from corpus.lazy import exports

if TYPE_CHECKING:
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
# Imported on first use: reading a manifest or facts.jsonl needs none of them.
__getattr__ = exports(
    __name__,
    {
        "BM25": "index.bm25",
        "FakeEmbedder": "index.embed",
        "Index": "index.store",
        "add_documents": "index.build",
        "build_index": "index.build",
        "default_index_dir": "index.store",
        "get_embedder": "index.embed",
        "load": "index.store",
        "remove_documents": "index.build",
    },
)
