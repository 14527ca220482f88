"""Names a document gives in its own fields, not in a sentence: who issued it, where its
feedback goes, its number, its date, who delivered it, whom a reply answers.

Each is asked by its own words ("哪个部门发的", "哪个司收意见", "文号是多少", "哪天作的",
"哪位市长作的", "答复的是哪位代表") and answered from the document the question describes
(else the best candidate's), before any sentence is read for a name.
"""

from __future__ import annotations

from answer.contacts import asks_contact, asks_sent_to, sent_to_unit
from answer.docfields import (
    asks_doc_number,
    asks_issuer,
    described_document,
    doc_number_answer,
    issuer_result,
)
from answer.extract import Candidate
from answer.labelled import labelled_body
from answer.people import asks_proposer, asks_speaker, is_when
from answer.results import (
    Result,
    addressee_result,
    byline_result,
    citation_of,
    contact_result,
    date_line_result,
    line_result,
)
from answer.signals import Signals
from retrieval.query import Query


def document_field_result(
    q: Query, sig: Signals, best: Candidate | None, cands: list[Candidate]
) -> Result | None:
    """The issuer, the feedback unit, the number, or (no sentence fitting) the date line of
    the document a name question asks about; None when it asks none of them. A number
    asked and not found is a refusal."""
    if asks_issuer(q.norm):
        doc = described_document(sig, cands) or (best.doc if best else None)
        issued = issuer_result(doc) if doc is not None else None
        if issued is not None:
            return issued
    if asks_contact(q.norm):  # "…哪个司收意见"
        found = contact_result(q, described_document(sig, cands), best, cands)
        if found is not None:
            return found
    if asks_sent_to(q.norm):  # "预申报书要寄给哪个单位"
        doc = described_document(sig, cands) or (best.doc if best else None)
        unit = sent_to_unit(q.norm, doc, sig.quoted) if doc is not None else None
        if doc is not None and unit is not None:
            return line_result(doc, *unit)
    if asks_doc_number(q.norm):  # no number: no answer
        related = citation_of(cands[0], None) if cands else None
        return doc_number_answer(sig, best, cands) or Result(False, "", None, related)
    if best is None and is_when(q):
        # "…报告是哪天作的": no sentence says it; the document's own date line does.
        doc = described_document(sig, cands)
        return date_line_result(doc) if doc is not None else None
    return None


def head_line_result(q: Query, best: Candidate) -> Result | None:
    """Who delivered the best candidate's report (its by-line), whom a reply answers (its
    addressee line), or which body fills in the label line it is (:mod:`answer.labelled`),
    when asked; None otherwise."""
    if asks_speaker(q.norm):
        found = byline_result(best.doc)
        if found is not None:
            return found
    if asks_proposer(q.norm):
        return addressee_result(best.doc)  # a reply names the proposers it answers
    labelled = labelled_body(q.norm, best)  # "技术支持单位:" then the unit on the next line
    return line_result(best.doc, *labelled) if labelled is not None else None
