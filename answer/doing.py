"""Where a document writes the doing a question asks the doer of.

"…补贴,具体由谁来组织申报": the document is found by what it is about, but the line that
answers ("(一)申报。…济南高新区工信主管部门组织申报,…") shares few of the question's
words and may rank below the passages retrieved. When no candidate of the best document
writes the doing, the passages of that document that do are scored too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from answer.entity_readings import agent_span, asked_doing
from answer.extract import Candidate, added_hit, score_clauses
from answer.signals import Signals
from corpus.model import Document
from retrieval.model import Hit
from retrieval.query import Query
from retrieval.search import Retriever

MOST = 5  # passages of the document writing the doing, first in its text


def doing_hits(q: Query, doc: Document, retriever: Retriever, seen: set[str]) -> list[Hit]:
    """Passages of ``doc`` writing the longest opening of the doing asked ("组织申报",
    else "组织"), not among ``seen``."""
    doing = asked_doing(q.norm)
    for size in range(len(doing), 1, -1):
        at = [m.start() for m in re.finditer(re.escape(doing[:size]), doc.norm)]
        if at:
            found = retriever.passages_covering(doc.doc_id, at)
            fresh = [p for p in found if p.pid not in seen][:MOST]
            return [added_hit(p, i) for i, p in enumerate(fresh, 1)]
    return []


def with_doing(
    q: Query,
    sig: Signals,
    cands: list[Candidate],
    retriever: Retriever,
    docs: Mapping[str, Document],
) -> list[Candidate]:
    """The candidates, with those of the best document's passages writing the doing asked
    when none of its candidates does (re-scored together)."""
    if not cands or not asked_doing(q.norm):
        return cands
    doc = cands[0].doc
    if any(c.doc is doc and agent_span(q.norm, c.clause.sent_norm) for c in cands):
        return cands
    hits: dict[str, Hit] = {}
    for c in cands:
        hits.setdefault(c.passage.pid, Hit(c.passage, 0.0, c.hit_rank))
    extra = doing_hits(q, doc, retriever, set(hits))
    if not extra:
        return cands
    return score_clauses(q, sig, [*hits.values(), *extra], docs)
