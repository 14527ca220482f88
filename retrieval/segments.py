"""A question's segments: split at its conjunctions and marks (和, 与, 、, commas…), a
document's name, a quoted name and a bracketed gloss kept whole; and the segments that name
the document asked of rather than a figure (:mod:`retrieval.parts` reads them)."""

from __future__ import annotations

import re

from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.places import find_places
from retrieval.naming import ISSUING_BODY
from retrieval.query import Query

# Conjunctions only, not the same characters inside words (合同, 同比, 参与, 涉及, 和谐).
SEGMENT_MARK = re.compile(
    r"(?<![温缓调])和(?![谐平])|(?<![参给])与(?!会)|跟|(?<![合共协相如不陪等])同(?![比时期步样类等意])"
    r"|以及|(?<![涉普危波])及(?!时)|,|;|:|、|\?"
)


# "三亚那份24年政府工作报告里,…": a segment naming the document asked in, asking nothing
# itself, is the scope of every part, not a part.
# (its period or edition after the name: "…三年行动计划(2018-2020)里")
# A document's edition, span or status in brackets after its name ("(2023版)", "(v1.0)",
# "(试行)", "(2018-2020)").
_EDITION = r"\([^()]{1,12}\)"
IN_DOCUMENT = re.compile(rf"(?:{DOCUMENT_KINDS})(?:{_EDITION})?(?:里|中|上|里面|当中)?$")
# A document pointed at inside a segment ("2003年那份国务院政府工作报告讲五年来城乡居民收入").
_POINTED_AT = re.compile(rf"(?:那份|这份|那个|这个)[^,;:?]{{0,12}}?(?:{DOCUMENT_KINDS})")


# A segment that is only the body writing the document ("余杭区科技局:…"): its author.
_AUTHOR = re.compile(rf"^[\u4e00-\u9fff]{{2,12}}?(?:{ISSUING_BODY})$")


def names_document_segment(segment: str) -> bool:
    """Whether a segment names the document asked of (ending on its kind, pointing at it
    with 那份/这份, or naming only the body writing it): which document, not a figure's
    part."""
    return bool(
        IN_DOCUMENT.search(segment) or _POINTED_AT.search(segment) or _AUTHOR.match(segment)
    )


_KEPT = "\x02"  # stands for a joining character inside a document's name while splitting
# (after its edition or status in brackets: "…供给办法(v1.0)里", "…办法(试行),")
_NAME_ENDS = re.compile(rf"(?:{_EDITION})?(?:[,;:?]|里|中|$)")


def segments_of(query: Query) -> list[str]:
    """The question's segments (split at 和, 与, commas…), a document's name kept whole
    ("…道路测试与示范应用管理规范,测试主体多久内要报、…"), and a place's ("呼和浩特")."""
    norm, name = query.norm, query.doc_name
    at = norm.find(name) if name else -1
    # (a name standing apart as one: "…管理规范,出了事故…", not "…和1991年计划的粮食产量";
    # and any quoted name or bracketed gloss: "“可解释、可通用的下一代人工智能方法”重大研究
    # 计划", "同一个计划(可解释、可通用的…方法)")
    whole = [q.group(0) for q in _QUOTED.finditer(norm) if SEGMENT_MARK.search(q.group(0))]
    # (and a place whose name writes a conjunction's character: "呼和浩特")
    whole += [p for a, b, _ in find_places(norm) if SEGMENT_MARK.search(p := norm[a:b])]
    if at >= 0 and _NAME_ENDS.match(norm, at + len(name)):
        whole.insert(0, name)
    kept = {w: SEGMENT_MARK.sub(lambda m: _KEPT * len(m.group(0)), w) for w in whole}
    for w, k in kept.items():
        norm = norm.replace(w, k)
    pieces = [p for p in SEGMENT_MARK.split(norm) if p.strip()]
    for w, k in reversed(kept.items()):
        pieces = [p.replace(k, w) for p in pieces]
    return pieces


_QUOTED = re.compile(r'"[^"]{1,30}"|\([^()]{1,30}\)')
