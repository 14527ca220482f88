"""A which-document phrase of several clauses, stated by one document in several sentences.

"哪一年的国务院政府工作报告提出要促进科技成果尤其是信息技术成果的商品化,逐步使企业成为技术
开发的主体?" joins two things one report says apart: "促进科技成果尤其是信息技术成果的商品化,
完善…。" and, later, "加强企业和科研院所…的联合,逐步使企业成为技术开发的主体。" No single
sentence holds the whole phrase; the report holds each of its clauses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from answer.extract import Candidate
from answer.policy import CONFIG, WhichDocThresholds
from answer.quantities import states_value
from answer.signals import Signals, canon, coverage
from retrieval.years import find_years

# Where a question's phrase falls into clauses (、 too: "A技术打破了垄断、B芯片实现量产" for
# "A技术打破垄断;B芯片实现量产").
_CLAUSE_MARK = re.compile(r"[,;、]")


def phrase_pieces(sig: Signals, qnorm: str) -> list[tuple[str, Signals]]:
    """Each clause of the question holding words of its own, with its words (a clause holding
    none of them left out); [] when fewer than two clauses hold words of their own."""
    parts = []
    for piece in _CLAUSE_MARK.split(qnorm):
        words = canon(piece)
        own = tuple(t for t in sig.terms if t.text in words)
        if own:
            parts.append((piece, sig.keeping(lambda t, own=own: t in own)))  # type: ignore[misc]
    return parts if len(parts) >= 2 else []


def stated_apart(
    sig: Signals,
    qnorm: str,
    cands: Sequence[Candidate],
    t: WhichDocThresholds = CONFIG.which_doc,
) -> dict[str, Candidate]:
    """The documents stating each clause of the question's phrase in a sentence of their own,
    by the candidate stating its first clause; none when the phrase is one clause."""
    pieces = phrase_pieces(sig, qnorm)
    if not pieces:
        return {}
    # The years asked belong to the clause naming them ("…第一步要在1980年以前建成…"): a
    # clause naming none is stated by a sentence of any year ("农业连续十三年夺得丰收,1974年…").
    dated = [bool(find_years(piece)) for piece, _ in pieces]
    # …and so do the figures asked ("派了七千多人出国留学,其中…不到百分之三点五": 7000 the
    # first's, 3.5 the second's), each stated in the sentence stating its clause
    figures = [tuple(n for n in sig.numbers if states_value(piece, n)) for piece, _ in pieces]
    if set(sig.numbers) - {n for own in figures for n in own}:
        return {}  # a figure no clause of the question holds
    by_doc: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.region >= 0:
            by_doc.setdefault(c.doc.doc_id, []).append(c)
    found: dict[str, Candidate] = {}
    for doc_id, held in by_doc.items():
        stating = [
            _stating(
                part,
                [
                    c
                    for c in held
                    if (c.year >= 0 or (any(dated) and not own))
                    and all(states_value(c.clause.sent_norm, n) for n in numbers)
                ],
                t,
            )
            for (_, part), own, numbers in zip(pieces, dated, figures, strict=True)
        ]
        if all(s is not None for s in stating):
            found[doc_id] = stating[0]  # type: ignore[assignment]
    return found


def _stating(part: Signals, held: list[Candidate], t: WhichDocThresholds) -> Candidate | None:
    """The first of a document's candidates whose clause holds most of one clause's words,
    its rarest among them."""
    top = max(w.weight for w in part.terms)
    for c in held:
        # a clause of the question may take a sentence several clauses ("按两步来设想:第一步,
        # 用十五年时间,即在1980年以前,建成…工业体系" for "两步设想中第一步要在1980年以前建成…")
        for text in (canon(c.clause.norm), canon(c.clause.sent_norm)):
            rarest = all(w.credit(text) > 0 for w in part.terms if w.weight >= top)
            if rarest and coverage(part, text) >= t.part_clause:
                return c
    return None
