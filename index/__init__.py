"""Index stage: BM25 over jieba tokens and dense embeddings, stored as plain files (and,
with the Milvus backend, each version's passages in a Milvus collection)."""

from typing import TYPE_CHECKING

from corpus.lazy import exports

if TYPE_CHECKING:
    from index.backend import Backend, BackendConfig, backend_config
    from index.bm25 import BM25
    from index.build import add_documents, build_index, push_to_milvus, remove_documents
    from index.embed import FakeEmbedder, get_embedder
    from index.store import Index, default_index_dir, load

__all__ = [
    "BM25",
    "Backend",
    "BackendConfig",
    "FakeEmbedder",
    "Index",
    "add_documents",
    "backend_config",
    "build_index",
    "default_index_dir",
    "get_embedder",
    "load",
    "push_to_milvus",
    "remove_documents",
]
# Imported on first use: reading a manifest or facts.jsonl needs none of them.
__getattr__ = exports(
    __name__,
    {
        "BM25": "index.bm25",
        "Backend": "index.backend",
        "BackendConfig": "index.backend",
        "FakeEmbedder": "index.embed",
        "Index": "index.store",
        "add_documents": "index.build",
        "backend_config": "index.backend",
        "build_index": "index.build",
        "default_index_dir": "index.store",
        "get_embedder": "index.embed",
        "load": "index.store",
        "push_to_milvus": "index.build",
        "remove_documents": "index.build",
    },
)
