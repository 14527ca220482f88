"""Which of the scored lists answers: the outer list holding the best under one of its
items, the list under (or of) the item the question names, a fuller twin naming the same
items in full, and never a series that holds the item asked about as a sibling
(:func:`answer.lists.best_list` picks with these)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from answer.list_except import excepted
from answer.list_items import (
    bare,
    in_order,
    item_texts,
    last_heading,
    lead,
    named_items,
    names_an_item,
    names_subject,
)
from answer.list_nouns import asked_noun
from answer.policy import CONFIG
from answer.signals import canon
from corpus.enum_model import LEAD_VERBS
from corpus.enumerations import NUMBER_PREFIX, Enumeration
from corpus.model import Document
from corpus.normalize import normalize
from corpus.structure import is_standalone
from retrieval.query import Query

WEIGHTS = CONFIG.lists


@dataclass(frozen=True)
class ScoredList:
    enumeration: Enumeration
    doc: Document
    score: float


def names_own_heading(qnorm: str, section: str) -> bool:
    """Whether the question writes the list's own heading, its numbering left out, and its
    opening verb too ("开放创新生态深化打造行动" for "(六)实施开放创新生态深化打造行动")."""
    last = normalize(section.rsplit(" > ", 1)[-1])
    words = NUMBER_PREFIX.sub("", last).rstrip(_HEADING_END)
    # …or one clause of a heading of two ("(二)坚持创新驱动,加快建设科技强省": "“加快建设
    # 科技强省”这部分"), and a run-in heading's full stop left out ("(二)工作目标。")
    clauses = [c for c in re.split(r"[,;]", words) if c != words]
    return any(
        (len(w) >= least and w in qnorm) or (len(u) >= 4 and u in qnorm)
        for w, least in [(words, 3), *((c, 4) for c in clauses)]
        for u in (_unverbed(w),)
    )


_HEADING_END = "。.;:!"


def _unverbed(words: str) -> str:
    """A heading's words after the verb it opens with ("" when it opens with none)."""
    verb = LEAD_VERBS.match(words)
    return words[verb.end() :] if verb else ""


def tie_key(score: float, en: Enumeration) -> tuple[float, int, bool]:
    return round(score, 6), -len(en.section), en.kind == "headings"


def siblings_only(q: Query, s: ScoredList) -> bool:
    """Whether a list is a series in a sentence holding the item the question asks about
    (:func:`~answer.list_items.names_subject`), the question setting none aside."""
    en = s.enumeration
    return (
        en.kind == "inline"
        and not excepted(q.norm)
        and names_subject(q.norm, item_texts(s.doc, en))
    )


def under_named_item(q: Query, best: ScoredList, scored: list[ScoredList]) -> ScoredList | None:
    """The list standing under the one item of ``best`` the question names ("十方面民生实事
    里,医疗卫生方面要办哪几件": the points under "1.医疗卫生方面", not the ten 方面), the best
    scoring of them; None when the question names no item or nothing stands under it."""
    en = best.enumeration
    named = named_items(q.norm, item_texts(best.doc, en))
    if len(named) != 1:
        return None
    k = named[0]
    start = en.items[k].start
    stop = en.items[k + 1].start if k + 1 < len(en.items) else en.end
    under = [
        s
        for s in scored
        if s.doc is best.doc
        and s.enumeration.items != en.items  # (not the same list read twice)
        and start <= s.enumeration.start < stop
    ]
    return max(under, key=lambda s: tie_key(s.score, s.enumeration), default=None)


def under_named_heading(q: Query, best: ScoredList, scored: list[ScoredList]) -> ScoredList | None:
    """The sub-headings of the heading the question names, when ``best`` is a series run
    into a sentence under it ("“辅助决策类”包括哪些应用": 应用十二…应用十五 of 四、辅助决策类, not
    the points run into 应用十五's paragraph); None otherwise, or when the question names one
    of those sub-headings (what stands under it is asked)."""
    en = best.enumeration
    if en.kind != "inline" or not names_own_heading(q.norm, en.section):
        return None
    subs = [
        s
        for s in scored
        if s.doc is best.doc
        and s.enumeration.kind == "headings"
        and s.enumeration.section == en.section
        and not names_an_item(q.norm, item_texts(s.doc, s.enumeration))
    ]
    return max(subs, key=lambda s: tie_key(s.score, s.enumeration), default=None)


def of_named_item(q: Query, best: ScoredList, scored: list[ScoredList]) -> ScoredList | None:
    """The list whose own subject is the one item of ``best`` the question names, when none
    stands under it ("“通用规范标准”主要分成哪几块": not "包括基础标准、通用规范标准、…" but
    "通用规范标准侧重于…,主要包括功能安全与预期功能安全、…等部分"): its sentence before its
    first item, or its own heading, names the item, and none of its items does."""
    texts = item_texts(best.doc, best.enumeration)
    named = named_items(q.norm, texts)
    if len(named) != 1:
        return None
    name = canon(bare(texts[named[0]]))
    of_it = [
        s
        for s in scored
        if s.doc is best.doc
        and not any(name in canon(t) for t in item_texts(s.doc, s.enumeration))
        and name in canon(f"{lead(s.doc.norm, s.enumeration)} {last_heading(s.enumeration)}")
    ]
    return max(of_it, key=lambda s: tie_key(s.score, s.enumeration), default=None)


def fuller_twin(best: ScoredList, lists: tuple[Enumeration, ...]) -> ScoredList | None:
    """The items of another list of the document naming in full, in order, the items a
    sentence names short ("实施技术创新、产品升级…四大工程" and the headings "(一)技术创新工程"
    … "(四)…"; "…智能调度、乘客出行信息服务、…监管三大应用平台" and three of seven points
    "(三)建设…智能调度平台。" …): each holding the short one's and longer."""
    if best.enumeration.kind != "inline":
        return None
    short = item_texts(best.doc, best.enumeration)
    if any(len(a) < 3 for a in short):
        return None  # a short word is written inside too many things
    for other in lists:
        if other.items == best.enumeration.items:
            continue
        picked = in_order(short, [bare(i) for i in item_texts(best.doc, other)])
        if picked is not None:
            fuller = replace(other, items=tuple(other.items[k] for k in picked))
            return ScoredList(fuller, best.doc, best.score)
    return None


def _nested(inner: Enumeration, outer: Enumeration) -> bool:
    """Whether ``inner`` lies under one item of ``outer`` (after its first item, before its
    end, or in a section below one of its headings)."""
    if inner is outer or len(outer.items) < 2 or outer.kind not in ("headings", "ordinal"):
        return False
    below = bool(inner.section) and inner.section.startswith(f"{outer.section} > ".lstrip(" >"))
    return outer.items[0].start < inner.start < outer.end or (
        outer.kind == "headings" and below and inner.section != outer.section
    )


def _asks_under(q: Query, inner: Enumeration, outer: ScoredList) -> bool:
    """Whether the question names the item of ``outer`` that ``inner`` stands under: its
    heading, or (run into the text) one of the outer list's items."""
    if inner.section != outer.enumeration.section and names_own_heading(q.norm, inner.section):
        return True
    return names_an_item(q.norm, item_texts(outer.doc, outer.enumeration), unled=True)


def _heading_named_above(q: Query, inner: Enumeration, outer: Enumeration) -> bool:
    """Whether the question names the outer list's own heading while the inner list stands
    under a deeper heading it does not name."""
    return inner.section != outer.section and names_own_heading(q.norm, outer.section)


def outer_list(q: Query, best: ScoredList, scored: list[ScoredList]) -> ScoredList | None:
    """The outermost list holding ``best`` under one of its items, scored nearly as well or
    named by its own heading ("重点任务分成哪几大块": 三、重点任务's parts, not the points of
    one of them), unless the question names the item ``best`` stands under ("(一)…行动有哪些
    举措")."""
    inner = best.enumeration
    floor = best.score - WEIGHTS.nest_margin
    outers = [
        s
        for s in scored
        if s.doc.doc_id == best.doc.doc_id
        and (
            s.score >= floor
            or _heading_named_above(q, inner, s.enumeration)
            or _each_the_asked(q, s)
        )
        and (_nested(inner, s.enumeration) or _run_on_last(s.doc.norm, inner, s.enumeration))
        and not _asks_under(q, inner, s)
    ]
    return min(outers, key=lambda s: (s.enumeration.start, -s.enumeration.end), default=None)


_WH_COUNT = "哪[些几一二三四五六七八九十两]*[个项类大条种]?"


def _each_the_asked(q: Query, outer: ScoredList) -> bool:
    """Whether every item of ``outer`` is one of the things the question lists ("哪几个标准
    子体系": (一)基础通用标准子体系 … (四)决策与应用标准子体系): a list under one of them
    lists that one's parts, however well its heading reads."""
    noun = asked_noun(q.norm)
    # the thing is asked after the wh-word ("哪几个标准子体系"), not before ("“创新提质”行动
    # 有哪几条" asks the points of that one)
    if len(noun) < 2 or not re.search(rf"{_WH_COUNT}\"?{re.escape(noun)}", q.norm):
        return False
    items = item_texts(outer.doc, outer.enumeration)
    return all(canon(noun) in canon(i) for i in items)


def _opens_line(norm: str, at: int) -> bool:
    """Whether a point at ``at`` opens its line, after its number at most ("第七,…", "一是")."""
    return len(norm[norm.rfind("\n", 0, at) + 1 : at].strip(" \t\u3000")) <= _NUMBER_CHARS


_NUMBER_CHARS = 4  # characters of a point's number before its words ("第七,", "(十)")


def _titles_line(norm: str, at: int) -> bool:
    """Whether the point at ``at`` is its line's title, no sentence ("第七,提升政府治理能力,加快
    建设人民满意政府"): its paragraphs follow on the lines below."""
    end = norm.find("\n", at)
    return is_standalone(norm[at : end if end >= 0 else len(norm)])


def _run_on_last(norm: str, inner: Enumeration, outer: Enumeration) -> bool:
    """Whether ``inner`` runs on under ``outer``'s last point: in its paragraph ("(十)现代
    金融产业智能提升工程。鼓励…。创新…。": the sentences under the tenth of ten points), or,
    when each point opens a line of its own and the last is its line's title ("第七,提升政府
    治理能力…" then its paragraphs), in the lines after it up to the end of their section."""
    if inner is outer or len(outer.items) < 2 or outer.kind != "ordinal":
        return False
    last = outer.items[-1].start
    if last >= inner.start:
        return False
    lines = all(_opens_line(norm, i.start) for i in outer.items) and _titles_line(norm, last)
    same = inner.section == outer.section or inner.section.startswith(f"{outer.section} > ")
    return "\n" not in norm[last : inner.start] or (lines and bool(outer.section) and same)
