"""The loaded index's documents, passages and passage columns as read-only views of its
store (:class:`index.docstore.DocStore`): what :class:`index.store.Index` holds for a
format 6 index, where older formats hold dicts and lists."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import overload

from corpus.model import Document, Passage
from index import line_spans
from index.docstore import DocStore


class _ById(Mapping[str, Document]):
    """The store's documents by id, in store order; ``_read`` gives one (None: no such id)."""

    def __init__(self, store: DocStore) -> None:
        self._store = store

    def _read(self, doc_id: str) -> Document | None:
        raise NotImplementedError

    def __getitem__(self, doc_id: str) -> Document:
        doc = self._read(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ranges)

    def __len__(self) -> int:
        return len(self._store.ranges)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._store.ranges


class Documents(_ById):
    """The index's documents by id, parsed from the store when first asked for."""

    def _read(self, doc_id: str) -> Document | None:
        return self._store.document(doc_id)

    def naming(self, phrases: Sequence[str]) -> set[str]:
        """Ids of the documents whose ``norm`` holds one of ``phrases`` (none parsed)."""
        return self._store.naming(phrases)

    @property
    def line_spans(self) -> line_spans.Locate | None:
        """Where lines of facts.jsonl and lists.jsonl are (:mod:`index.line_spans`)."""
        return self._store.line_spans

    def heads(self) -> Iterator[Document]:
        """Every document without its passages (:meth:`DocStore.heads`)."""
        return self._store.heads()

    @property
    def parsed_whole(self) -> bool:
        """Whether every document is parsed (:attr:`DocStore.parsed_whole`)."""
        return self._store.parsed_whole

    def parse_whole(self) -> bool:
        """Parse every document now, when the store is small enough
        (:meth:`DocStore.parse_whole`)."""
        return self._store.parse_whole()

    def head(self, doc_id: str) -> Document:
        """The document without its passages (:meth:`DocStore.head`)."""
        return self.heads_view[doc_id]

    @property
    def heads_view(self) -> Heads:
        """The documents without their passages, by id."""
        return Heads(self._store)

    def years(self) -> dict[str, tuple[int, ...]]:
        """Every document's years, without reading the documents."""
        return self._store.years()

    def issued(self) -> dict[str, int | None]:
        """Every document's year of issue, without reading the documents."""
        return self._store.issued()

    def name_heads(self, opening: int) -> list[tuple[str, str, str, str, str]]:
        """Every document's id, title, issuer, opening and region
        (:meth:`DocStore.name_heads`)."""
        return self._store.name_heads(opening)

    def covering(self, doc_id: str, offsets: Collection[int]) -> list[int]:
        """The rows of a document's passages holding one of ``offsets``
        (:meth:`DocStore.covering`)."""
        return self._store.covering(doc_id, offsets)


class Heads(_ById):
    """The index's documents by id without their passages (:meth:`DocStore.head`): what
    judging a passage by its document needs (metadata, text, norm, sections)."""

    def _read(self, doc_id: str) -> Document | None:
        return self._store.head(doc_id)


class Passages(Sequence[Passage]):
    """The index's passages by row, read through their documents."""

    def __init__(self, store: DocStore, n: int) -> None:
        self._store = store
        self._n = n

    @overload
    def __getitem__(self, row: int) -> Passage: ...
    @overload
    def __getitem__(self, row: slice) -> Sequence[Passage]: ...
    def __getitem__(self, row: int | slice) -> Passage | Sequence[Passage]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(self._n))]
        if row < 0:
            row += self._n
        if not 0 <= row < self._n:
            raise IndexError(row)
        return self._store.passage(row)

    def __len__(self) -> int:
        return self._n

    def many(self, rows: Sequence[int]) -> list[Passage]:
        """The passages of ``rows`` (0 ≤ row < len), those not at hand read in one query."""
        if any(not 0 <= r < self._n for r in rows):
            raise IndexError(f"rows outside 0..{self._n - 1}")
        return self._store.passages_at(rows)

    def __iter__(self) -> Iterator[Passage]:
        for doc_id in self._store.ranges:
            doc = self._store.document(doc_id)
            assert doc is not None
            yield from doc.passages

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]


class Column(Sequence[str]):
    """A passage column (``key`` or ``dense_key``), read whole when first used
    (re-indexing and the Milvus push need them; answering does not)."""

    def __init__(self, store: DocStore, name: str) -> None:
        self._store = store
        self._name = name
        self._values: list[str] | None = None

    def _all(self) -> list[str]:
        if self._values is None:
            self._values = self._store.column(self._name)
        return self._values

    @overload
    def __getitem__(self, row: int) -> str: ...
    @overload
    def __getitem__(self, row: slice) -> Sequence[str]: ...
    def __getitem__(self, row: int | slice) -> str | Sequence[str]:
        return self._all()[row]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]
