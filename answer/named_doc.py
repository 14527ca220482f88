"""Passages of the document a question names, found by the question's other words.

"城市公共交通智能化应用示范工程那份建设指南里,交通运输部组织制定的工程标准有几项":
every passage of that guide shares the words of its name, so retrieval ranks the passages
writing the name above the one writing "组织制定如下11项工程标准". Within the named
document the question's other words find it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace

from answer.extract import added_hit
from answer.policy import CONFIG, AnswerConfig
from answer.quantities import unit_is
from answer.results import Result
from answer.topic import topic_of, untitled
from corpus.doc_kinds import DOCUMENT_KINDS, announced_kind, kind_of, without_kind
from corpus.metadata import is_salutation
from corpus.model import Document, Passage
from corpus.normalize import bigrams, normalize
from index.text import canonicalize
from retrieval.doc_years import naming_clauses
from retrieval.metadata import region_fit, region_fit_of
from retrieval.model import Filters, Hit
from retrieval.name_index import DocName
from retrieval.naming import OPENING, described_in, grounded_on, names_document
from retrieval.query import NAME_LEFT, Query, parse_query, reworded
from retrieval.search import Retriever


def without_name(q: Query) -> Query | None:
    """The question with the document's name blanked out, or None when it names none or
    nothing else is left."""
    if not q.doc_name or q.doc_name not in q.norm:
        return None
    norm = q.norm.replace(q.doc_name, " ").strip()
    if not norm:
        return None
    return reworded(q, norm, doc_name="")


def without_naming(q: Query) -> Query:
    """The question as the passages of the document it names are ranked: without the name
    (:func:`without_name`), or without the clauses naming it by place, year and kind
    ("遵义24年政府工作报告里,今年全社会研发经费…比重要提升到多少": every passage of that
    report shares the naming words, which favour its shortest passages); the question itself
    when nothing else would be left."""
    if q.doc_name:
        return without_name(q) or q
    norm = q.norm
    for clause in naming_clauses(q.norm, ""):
        norm = norm.replace(clause, " ")
    norm = norm.strip(" ,;?")
    if norm == q.norm or len(norm) < NAME_LEFT:
        return q
    return reworded(q, norm)


def named_documents(
    q: Query, retriever: Retriever, most: int, heads: Mapping[str, Document] | None = None
) -> tuple[str, ...]:
    """The documents whose title and opening the question's name fits, or, for a question
    naming a document by its year only ("64年周总理那份政府工作报告里"), those issued that
    year in the place asked; none when more than ``most`` do (they tell no document apart).
    Read without the documents (their names and metadata alone); when none stands out so,
    the untitled ones whose body the name describes (:func:`described_documents`, read from
    ``heads``)."""
    found = _named_documents(q, retriever, most)
    if found or not q.doc_name or heads is None:
        return found
    described = described_documents(q.doc_name, retriever, heads)
    return described if len(described) <= most else ()


def _named_documents(q: Query, retriever: Retriever, most: int) -> tuple[str, ...]:
    """:func:`named_documents` from the documents' names and metadata alone."""
    if q.doc_name:
        named = retriever.documents_named(q.doc_name)
        kind = kind_of(q.doc_name)
        if len(named) > most:  # of many whose words fit, those it fits best
            names = retriever.document_names()
            named = retriever.documents_named(q.doc_name, best_only=True)
            if len(named) > most and kind:  # …or those of the kind it names
                named = tuple(d for d in named if _kind_named(names[d]) == kind) or named
            # …and of those, the ones writing most of it in one run ("智能船舶发展行动计划":
            # "现就大力发展智能船舶制定本行动计划", not "船舶总装建造智能化转型行动计划")
            subject = q.doc_name.removesuffix(kind) if kind else q.doc_name
            runs = {d: _longest_run(subject, names[d]) for d in named}
            named = tuple(d for d in named if runs[d] == max(runs.values(), default=0))
    elif q.doc_years:
        heads = retriever.document_names()

        def fit(d: str) -> int:
            return region_fit_of(q, heads[d].region, normalize(heads[d].title))

        issued = retriever.issued_in(q.doc_years)
        # Of the place asked first: issued that year, or undated ("柳州24年政府工作报告里": a
        # copy without its date); else any issued that year whose place does not differ.
        named = (
            tuple(d for d in issued if fit(d) > 0)
            or tuple(d for d in retriever.undated() if q.regions and fit(d) > 0)
            or tuple(d for d in issued if fit(d) >= 0)
        )
    else:
        return ()
    return named if len(named) <= most else ()


def described_documents(
    name: str, retriever: Retriever, heads: Mapping[str, Document], cfg: AnswerConfig = CONFIG
) -> tuple[str, ...]:
    """The documents without a title, of the kind ``name`` names, whose body describes it
    (:func:`retrieval.naming.described_in`) and whose opening does not say it carries out
    the document so named: "新一代人工智能发展规划" of the untitled plan opening "人工智能的迅速
    发展将深刻改变…制定本规划", whose words the many documents citing it hold in their
    openings. Looked for among the first documents of the best passages for the name's words
    (one document of many such passages crowds out no other)."""
    kind = kind_of(name)
    words = without_kind(name) if kind else name
    hits = retriever.search(parse_query(words), cfg.described_passages, mode="bm25")
    out: list[str] = []
    for doc_id in list(dict.fromkeys(h.passage.doc_id for h in hits))[: cfg.described_docs]:
        doc = heads[doc_id]
        # (its kind as its opening announces it, in short or whole: "制定本计划" for 行动计划)
        if not untitled(doc) or (kind and not _of_kind(document_kind(doc), kind)):
            continue
        if grounded_on(name, doc.norm[:OPENING]) or not described_in(name, doc):
            continue
        out.append(doc_id)
    return tuple(out)


# The question's first segment, when it ends at a mark ("工信部…案例征集,联合体申报的话…").
_LEAD = re.compile(r"^([^,;:?]{6,40})[,;:]")
_ASKING = re.compile(r"多少|几|哪|什么|谁|啥|是否|吗|怎么")
# How a segment points at a document: who made it, or what kind of document or call it is.
_DESCRIBES = re.compile(
    rf"那个|那份|这个|这份|那次|这次|搞的|发的|印发的|出台的|组织的|开展的|(?:{DOCUMENT_KINDS}|征集|评选)$"
)


def described_rest(q: Query, topic: Callable[[], str], cfg: AnswerConfig = CONFIG) -> Query | None:
    """ "工信部和体育总局搞的智能体育典型案例征集,联合体申报的话联合单位最多几家": a first
    segment asking nothing that points at a document (who made it, what kind it is) and
    many of whose character pairs ``topic()`` (what a document is about, canonical; read
    only for such a segment) holds describes that document; the question without it (None
    when no segment does so)."""
    m = _LEAD.match(q.norm)
    if m is None or _ASKING.search(m.group(1)) or not _DESCRIBES.search(m.group(1)):
        return None
    pairs = bigrams(canonicalize(m.group(1)))
    held = pairs & bigrams(topic())
    rest = q.norm[m.end() :].strip()
    if not rest or not pairs or len(held) < cfg.described_title * len(pairs):
        return None
    return reworded(q, rest, doc_name="")


def named_hits(
    q: Query,
    retriever: Retriever,
    seen: set[str],
    allowed: set[str] | None,
    described: tuple[str, Query] | None = None,
    heads: Mapping[str, Document] | None = None,
    cfg: AnswerConfig = CONFIG,
    unit: str = "",
) -> list[Hit]:
    """The best passages of the named document(s) for the question's other words that
    retrieval did not return, ranked after the retrieved ones; for a question naming no
    document, those of the document it opens by describing (``described``: its id and the
    question without the description, :func:`described_rest`). For a figure in ``unit``
    asked of one or two documents in which the other words find nothing, their passages
    stating one (:func:`_measured_in`)."""
    rest = without_name(q) if q.doc_name else without_naming(q)
    named = named_documents(q, retriever, cfg.named_docs, heads)
    if not named and described is not None:
        named, rest = (described[0],), described[1]
    docs = tuple(d for d in named if allowed is None or d in allowed)
    if rest is None or not docs:
        return []
    hits = retriever.search(rest, cfg.named_hits, mode="bm25", filters=Filters(doc_ids=docs))
    extra = [h.passage for h in hits if h.passage.pid not in seen]
    seen.update(p.pid for p in extra)
    if unit and not hits and len(docs) <= cfg.named_unit_docs:
        extra += _measured_in(unit, docs, retriever, seen, cfg.named_unit_hits)
    return [added_hit(p, n) for n, p in enumerate(extra, 1)]


def _measured_in(
    unit: str, docs: tuple[str, ...], retriever: Retriever, seen: set[str], most: int
) -> list[Passage]:
    """The first ``most`` passages of the documents (in text order) stating a figure in
    ``unit`` that are not ``seen`` yet (and are seen now): in a short notice the one figure
    in 人 answers "一共来了多少人" whatever verb it is written with ("…共400余人参加峰会")."""
    out: list[Passage] = []
    for doc_id in docs:
        facts = retriever.facts_between(doc_id, 0, sys.maxsize)
        starts = [f.value_start for f in facts if unit_is(unit, f.unit)]
        for p in retriever.passages_covering(doc_id, starts) if starts else ():
            if p.pid not in seen and len(out) < most:
                seen.add(p.pid)
                out.append(p)
    return out


def _longest_run(name: str, doc: DocName) -> int:
    """The most characters of ``name`` a document's title or opening writes in one run."""
    text = normalize(f"{doc.title} {doc.opening}")
    best = 0
    for i in range(len(name)):
        while i + best < len(name) and name[i : i + best + 1] in text:
            best += 1
    return best


def _kind_named(name: DocName) -> str:
    """:func:`document_kind` read from the document's name alone (its opening's words)."""
    return _kind_of(name.title, name.doc_id, lambda: normalize(name.opening))


def _of_kind(own: str, kind: str) -> bool:
    """Whether a document of kind ``own`` is of the ``kind`` a name says, in short or whole
    ("制定本计划" announces a 行动计划)."""
    return bool(own) and kind.endswith(own)


def document_kind(doc: Document) -> str:
    """The kind of a document: its title's ("…的意见"), or for one without a title line, the
    kind its opening announces ("提出以下意见")."""
    return _kind_of(doc.title, doc.doc_id, lambda: doc.norm)


def _kind_of(title: str, doc_id: str, opening: Callable[[], str]) -> str:
    """The kind a title names, or for no title (a salutation, a file name) the kind the
    (normalised) ``opening`` announces."""
    if is_salutation(title, doc_id):
        return announced_kind(opening())
    return kind_of(normalize(title))


def named_scope(
    q: Query,
    filters: Filters | None,
    retriever: Retriever,
    heads: Mapping[str, Document],
    cfg: AnswerConfig = CONFIG,
) -> Filters | None:
    """The one document a question's name describes best ("工信部车联网(智能网联汽车)产业发展
    行动计划提的保障措施"), as filters to ask within it first; None when it names none,
    the filters already choose documents, or no fitting document stands out: the most of
    the name's character pairs its title and opening hold (``cfg.named_share``), ahead of
    the next by ``cfg.named_margin``. Documents it fits equally, up to ``cfg.named_ties``
    (two editions of one guide), are asked together."""
    # (a name the question's own words write: an ask split from another inherits none)
    if not q.doc_name or q.doc_name not in q.norm or (filters is not None and filters.doc_ids):
        return None
    named = titled = retriever.documents_named(q.doc_name)
    # (…or the untitled documents its body describes, of the place asked: "余杭出台的《…若干
    # 政策措施》" is no province's)
    described = tuple(
        d
        for d in described_documents(q.doc_name, retriever, heads, cfg)
        if region_fit(q, heads[d], "") >= 0
    )
    # (…beside the titles it fits, measured like them)
    named = tuple(dict.fromkeys((*named, *described)))
    # (the kind it names is matched below; its words, "…的指导意见", a title writes and an
    # untitled document announcing its kind cannot: they tell no two documents apart)
    pairs = bigrams(canonicalize(without_kind(q.doc_name)))
    if not named or not pairs:
        return None
    # "…准入管理的那个意见": of the documents its words fit, those of the kind it names (the
    # 指南 of the same words is another document)
    kind = kind_of(q.doc_name)
    named = tuple(d for d in named if kind and _of_kind(document_kind(heads[d]), kind)) or named
    # (when those are only untitled ones its body describes, few of them and no title or
    # opening holding it, or one, those that do being of other kinds citing it, "落实…关于
    # 切实解决老年人运用智能技术困难的决策部署" in a 通知: their titles and openings are no
    # measure of it)
    few = len(named) <= cfg.named_ties if not titled else len(named) == 1
    if set(named) <= set(described) and few:
        return replace(filters or Filters(), doc_ids=tuple(sorted(named)))
    held = sorted(
        (
            (len(pairs & bigrams(canonicalize(f"{heads[d].title} {topic_of(heads[d])}"))), d)
            for d in named
        ),
        reverse=True,
    )
    # (documents it fits equally, two editions of one guide, are asked together)
    tied = [d for n, d in held if n == held[0][0]]
    after = [n for n, _ in held[len(tied) :]]
    best, second = held[0][0] / len(pairs), (after[0] / len(pairs) if after else 0.0)
    if not stands_out(best, second, len(tied), cfg):
        return None
    return replace(filters or Filters(), doc_ids=tuple(sorted(tied)))


def stands_out(best: float, second: float, ties: int, cfg: AnswerConfig = CONFIG) -> bool:
    """Whether the documents a name fits best (``ties`` of them, each holding ``best`` of
    its pairs) stand out from the next (``second``): few enough, fitting enough, and ahead
    by ``cfg.named_margin`` or more (exactly that margin counts: 1.0 - 0.8 is
    0.19999999999999996 in floating point)."""
    apart = best - second + 1e-9 >= cfg.named_margin
    return ties <= cfg.named_ties and best >= cfg.named_share and apart


def unnamed_refused(q: Query, found: Result, heads: Mapping[str, Document]) -> Result:
    """``found`` (asked among all documents after the one the question's name stands out for
    said nothing), refused when its document is not one the name fits: another document's
    figure is not the named one's ("轻工业…方案要建多少个5G工厂" is not answered by the 电力装备
    plan's 5G工厂)."""
    cited = found.citation.doc_id if found.found and found.citation else ""
    if cited and not names_document(q.doc_name, heads[cited]):
        return Result(False, "", None, found.citation)
    return found
