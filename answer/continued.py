"""Passages a retrieved passage runs on into, within its paragraph.

A passage ends on a whole sentence, which may only open what its paragraph goes on to say
("到2020年,建立起较为完善的智能制造标准体系。" then "制修订500项以上智能制造标准,…" in the
next passage): the figure asked stands after the passage retrieval ranked, in words that
repeat too little of the question to be found on their own.
"""

from __future__ import annotations

from answer.extract import added_hit
from answer.policy import CONFIG, AnswerConfig
from retrieval.model import Hit
from retrieval.search import Retriever


def continued_hits(
    hits: list[Hit], retriever: Retriever, seen: set[str], cfg: AnswerConfig = CONFIG
) -> list[Hit]:
    """The passages that follow the best :attr:`AnswerConfig.continued_hits` hits without a
    break (starting where they end: the same paragraph), not among ``seen``, ranked after
    every retrieved one."""
    out: list[Hit] = []
    for hit in hits[: cfg.continued_hits]:
        p = hit.passage
        after = retriever.passages_covering(p.doc_id, [p.end])
        nxt = next((x for x in after if x.start == p.end and x.pid not in seen), None)
        if nxt is not None:
            seen.add(nxt.pid)
            out.append(added_hit(nxt, len(out) + 1))
    return out
