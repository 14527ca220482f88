"""What a question asks of a document itself rather than of its sentences: its 文号, its
issuer.

"…工作计划的发文字号是多少" is answered by the 文号 the best sentence names (a policy
citing another one's number), else by the document's own number line near its start,
taken from the document the question describes by its title. "《…指南》是哪个部门印发的"
is answered by the issuer's line of the document that sends it.
"""

from __future__ import annotations

import re

from answer.extract import Candidate
from answer.policy import CONFIG, EntityConfig
from answer.results import Result, citation_of, line_result
from answer.signals import Signals, canon, coverage
from corpus.metadata import DOC_NUMBER
from corpus.model import Document
from corpus.normalize import normalize
from retrieval.query import DOC_NUMBER_ASK


def asks_doc_number(qnorm: str) -> bool:
    """Whether the question asks for a document number (文号)."""
    return bool(DOC_NUMBER_ASK.search(qnorm))


def number_in_sentence(cand: Candidate) -> tuple[int, int] | None:
    """A 文号 the candidate's sentence names, as offsets in its document."""
    c = cand.clause
    m = DOC_NUMBER.search(c.sent_norm)
    return (c.sent_start + m.start(), c.sent_start + m.end()) if m else None


def doc_number_result(doc: Document, cfg: EntityConfig = CONFIG.entity) -> Result | None:
    """The document's own 文号 line, near its start."""
    m = DOC_NUMBER.search(doc.norm, 0, cfg.byline_chars)
    return None if m is None else line_result(doc, m.start(), m.end())


def described_document(
    sig: Signals, cands: list[Candidate], cfg: EntityConfig = CONFIG.entity
) -> Document | None:
    """The document a question describes: the first candidate's whose title holds most of
    the question's words, or whose place the question names (its year fitting)."""
    for c in cands:
        if coverage(sig, canon(normalize(c.doc.title))) >= cfg.title_cov:
            return c.doc
        if c.region > 0 and c.year >= 0:
            return c.doc
    return None


def doc_number_answer(
    sig: Signals, best: Candidate | None, cands: list[Candidate]
) -> Result | None:
    """A 文号 the best sentence names, else the number line of the document the
    question names by its title (else of the best sentence's document)."""
    if best is not None:
        span = number_in_sentence(best)
        if span is not None:
            return Result(True, best.doc.text[span[0] : span[1]], citation_of(best, span), None)
    doc = described_document(sig, cands) or (best.doc if best else None)
    return doc_number_result(doc) if doc is not None else None


_ASKS_ISSUER = re.compile(
    r"(?:哪个|哪家|哪些|什么)(?:部门|单位|机关|机构|部委)(?:联合)?(?:印发|发布|出台|制定|下发|发)"
    r"|谁(?:印发|发布|出台|下发|发)|(?:印发|发布|出台|发文)(?:部门|单位|机关)"
)


def asks_issuer(qnorm: str) -> bool:
    """Whether the question asks who issued a document ("…是哪个部门印发的")."""
    return bool(_ASKS_ISSUER.search(qnorm))


def issuer_result(doc: Document, cfg: EntityConfig = CONFIG.entity) -> Result | None:
    """The document's issuer, on its own line near its start or at its signature."""
    if not doc.issuer:
        return None
    issuer = normalize(doc.issuer)
    at = doc.norm.find(issuer)
    if at < 0:
        return None
    return line_result(doc, at, at + len(issuer))
