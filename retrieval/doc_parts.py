"""Parts told apart by the document each is asked of ("…315工作计划和市政府工作报告里
分别写的多少": one figure from each document the question names).

A segment that names a document and asks nothing of a metric of its own is the part's
scope, not its subject: the metric comes from the question's other segments, the
document from this one, as a name (:mod:`retrieval.naming`) that retrieval and the
answer stage fit against titles and openings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.doc_kinds import DOCUMENT_KINDS
from retrieval.naming import names_enough
from retrieval.query import Query

# A document's name at the start of a segment, then where in it (里, 中), then the rest.
_NAMED = re.compile(rf"^(.{{2,20}}?(?:{DOCUMENT_KINDS}))(?:里面|当中|里|中|上)?(.*)$")


@dataclass(frozen=True)
class DocumentSegment:
    """A segment naming a document: the segment, the name as written, what follows it."""

    segment: str
    name: str
    rest: str


def document_segment(segment: str) -> DocumentSegment | None:
    """The document a segment names when that is all it says besides an ask ("市政府工作
    报告里分别写的多少"), else None. A name must tell a document apart by words of its own
    (:func:`retrieval.naming.names_enough`): "2024年计划" names none."""
    m = _NAMED.match(segment)
    if m is None or not names_enough(m.group(1)) or _PROGRAMME_PART.match(m.group(2)):
        return None
    if m.group(1).endswith(("计划", "规划")) and _PLANNED.match(segment, m.end(1)):
        return None  # "在校学生数计划分别达到多少": planned to reach, no document
    return DocumentSegment(segment, m.group(1), m.group(2))


# A programme's projects or funds, no document ("2002年全市实施的科技计划项目": 计划项目)
_PROGRAMME_PART = re.compile(r"项目|资金|经费")


# A figure planned ("…计划分别达到多少", "…计划新增多少"): 计划 read as a verb's adverb
_PLANNED = re.compile(r"(?:分别|各)?(?:要|将|拟)?(?:达到|增加|增长|提高|完成|新增|新建|安排)")


# What joins two documents' names in one segment ("济南的…行动计划和山东省…行动计划,…").
_JOINED = re.compile(r"^(?:以及|和|与|及|跟|、)")


def _named_in(segment: str) -> list[DocumentSegment]:
    """The documents a segment names: one, or two joined ("A计划和B计划"), each then with
    nothing of its own after it."""
    first = document_segment(segment)
    if first is None:
        return []
    joined = _JOINED.match(first.rest)
    second = document_segment(first.rest[joined.end() :]) if joined else None
    if second is None:
        return [first]
    return [
        DocumentSegment(segment, first.name, ""),
        DocumentSegment(segment, second.name, second.rest),
    ]


def documents_asked(segments: list[str]) -> list[DocumentSegment]:
    """The documents the segments name, when two or more different documents are named and
    at least one other segment is left to say what is asked; else []."""
    named = [d for s in segments for d in _named_in(s)]
    if len(named) < 2 or len({d.name for d in named}) < len(named):
        return []
    return [] if {d.segment for d in named} == set(segments) else named


def told_apart_by_document(parts: list[Query]) -> bool:
    """Whether the parts of a question are told apart by the document each names (two or
    more parts, each naming its own, none the same)."""
    names = [p.doc_name for p in parts]
    return len(parts) >= 2 and all(names) and len(set(names)) == len(parts)
