"""Which documents a question's name for a document fits, found without reading each
document's head per question.

:func:`retrieval.naming.names_document` asks whether a document's title, issuer and
opening hold :data:`~retrieval.naming.NAMED_FIT` of the name's pieces. Asked of every
document, that canonicalises ~10,000 heads per question at 1M passages (0.3–1 s). This
index reads them once a process: every piece (two characters of the canonical head) maps to
the documents holding it, so a name's share is counted for all documents at once, with the
same pieces and the same threshold (the answers are those of the document-by-document test;
a name that fits no document is tried without its issuer on the documents whose issuer is not
known, :func:`retrieval.naming.unissued_pieces`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.naming import (
    NAMED_FIT,
    grounded_on,
    head_pieces,
    name_pieces_asked,
    other_kind,
    titled_but_issuer,
    unissued_pieces,
)


@dataclass(frozen=True)
class DocName:
    """What names a document, read without the document: its id, title, issuer, the first
    :data:`retrieval.naming.OPENING` characters of its matching form, and its region."""

    doc_id: str
    title: str
    issuer: str
    opening: str
    region: str


class NameIndex:
    """Documents by the pieces of their title, issuer and opening.

    Args:
        heads: every document's name fields, in index order.
    """

    def __init__(self, heads: Sequence[DocName]) -> None:
        self.ids = tuple(h.doc_id for h in heads)
        self._heads = tuple(heads)
        self._unissued = np.array([not h.issuer for h in heads], dtype=bool)
        vocab: dict[str, int] = {}
        pieces: list[np.ndarray] = []
        docs: list[np.ndarray] = []
        for i, h in enumerate(heads):
            read = head_pieces(f"{h.title} {h.issuer}", h.opening)
            held = [vocab.setdefault(p, len(vocab)) for p in read]
            pieces.append(np.asarray(held, dtype=np.int32))
            docs.append(np.full(len(held), i, dtype=np.int32))
        flat = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
        order = np.argsort(flat, kind="stable")
        self._docs = (np.concatenate(docs) if docs else flat)[order]
        self._bounds = np.searchsorted(flat[order], np.arange(len(vocab) + 1))
        self._vocab = vocab

    def fitting(self, name: str, *, best_only: bool = False) -> tuple[str, ...]:
        """The documents ``name`` names (:func:`retrieval.naming.names_document`), in
        index order; ``best_only``: those of them it fits best ("智能船舶标准体系建设指南"
        fits every 标准体系建设指南 by most of its pieces, the 智能船舶 one by all)."""
        shares = self._shares(name)
        fit = shares >= NAMED_FIT
        unissued = unissued_pieces(name)
        if not fit.any() and unissued:
            # no document fits the name with its issuer: one whose issuer is not known may
            # fit the rest ("民政部等部门推进智慧社区建设的意见" of an untitled, unsigned text)
            shares = np.where(self._unissued, self._held(unissued), 0.0)
            fit = shares >= NAMED_FIT
        elif unissued:
            # …and one titled all the rest is named too ("商务部…技术指南(试行)": the unsigned
            # guide, beside the notice issuing it)
            rest = self._unissued & (self._held(unissued) >= 1.0)
            rest &= self._titled(name, rest)
            shares = np.where(rest, 1.0, shares)
            fit |= rest
        if best_only and fit.any():
            fit &= shares >= shares.max()
        found = [int(i) for i in np.flatnonzero(fit) if not self._grounded_only(name, int(i))]
        # of a 指导意见 and the 实施意见 carrying it out (whose opening cites it), the former
        own = [
            i
            for i in found
            if not other_kind(name, self._heads[i].title, self.ids[i], self._heads[i].opening)
        ]
        return tuple(self.ids[i] for i in (own or found))

    def _titled(self, name: str, among: np.ndarray) -> np.ndarray:
        """Whether each document ``among`` is titled the name but its issuer
        (:func:`retrieval.naming.titled_but_issuer`)."""
        titled = np.zeros(len(self.ids), dtype=bool)
        for i in np.flatnonzero(among):
            titled[i] = titled_but_issuer(name, self._heads[i].title)
        return titled

    def _grounded_only(self, name: str, i: int) -> bool:
        """Whether document ``i`` fits the name only by a title its opening says it carries
        out (:func:`retrieval.naming.grounded_on`)."""
        h = self._heads[i]
        rest = grounded_on(name, h.opening)
        if not rest:
            return False
        head = head_pieces(f"{h.title} {h.issuer}", rest)
        return all(len(p & head) < NAMED_FIT * len(p) for p in name_pieces_asked(name))

    def _shares(self, name: str) -> np.ndarray:
        """Each document's share of the name's pieces its title, issuer and opening hold."""
        best = np.zeros(len(self.ids))
        for pieces in name_pieces_asked(name):
            best = np.maximum(best, self._held(pieces))
        return best

    def _held(self, pieces: frozenset[str]) -> np.ndarray:
        """Each document's share of ``pieces`` its title, issuer and opening hold."""
        held = np.zeros(len(self.ids))
        for p in pieces:
            at = self._vocab.get(p)
            if at is not None:
                held[self._docs[self._bounds[at] : self._bounds[at + 1]]] += 1
        return held / len(pieces)
