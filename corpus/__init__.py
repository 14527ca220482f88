"""Corpus stage: read files, normalise text, parse structure and metadata, cut passages.

``normalize`` is not re-exported: the submodule of that name would shadow it.
"""

from typing import TYPE_CHECKING

from corpus.lazy import exports

if TYPE_CHECKING:
    from corpus.document import parse_text
    from corpus.errors import PolicyQAError
    from corpus.model import Document, Passage, Section

__all__ = ["Document", "Passage", "PolicyQAError", "Section", "parse_text"]
# Imported on first use: reading an index's facts needs no parser.
__getattr__ = exports(
    __name__,
    {
        "Document": "corpus.model",
        "Passage": "corpus.model",
        "PolicyQAError": "corpus.errors",
        "Section": "corpus.model",
        "parse_text": "corpus.document",
    },
)
