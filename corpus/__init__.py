"""Corpus stage: read files, normalise text, parse structure and metadata, cut passages."""

from corpus.document import parse_text
from corpus.errors import PolicyQAError
from corpus.model import Document, Passage, Section
from corpus.normalize import normalize

__all__ = ["Document", "Passage", "PolicyQAError", "Section", "normalize", "parse_text"]
