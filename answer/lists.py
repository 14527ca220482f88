"""List questions: the whole enumeration the question asks for, item by item.

A list question ("瓯海上半年都有哪些亮点", "三张清单是什么") is answered with one of
the document's enumerations (:mod:`corpus.enumerations`): the one whose own
heading, introducing sentence or count phrase names what is asked, in the
right region, year and half-year. Each item becomes its own part of the
answer, quoted with its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from answer.clause_context import part_of
from answer.list_except import excepted, names_excepted
from answer.list_items import (
    CLAUSE_END,
    item_texts,
    lead,
    names_an_item,
    run_in_point,
)
from answer.list_names import (
    asks_own_parts,
    bare_count,
    count_fit,
    counted_part,
    counts_asked,
    miscounted,
    same_polarity,
    whole_named,
    without_title_words,
    writes_quoted,
)
from answer.list_nouns import (
    asked_noun,
    asked_size,
    asked_vague,
    asks_their_ending,
    each_is,
    head_words,
    noun_fit,
    noun_part,
    without_noun,
)
from answer.list_pick import (
    ScoredList,
    fuller_twin,
    names_own_heading,
    of_named_item,
    outer_list,
    siblings_only,
    tie_key,
    under_named_heading,
    under_named_item,
)
from answer.list_time import section_of, time_fits
from answer.policy import CONFIG, ListWeights
from answer.signals import Signals, canon, coverage
from answer.topic import topic_of, untitled
from corpus.enumerations import Enumeration
from corpus.model import Document
from corpus.normalize import normalize
from retrieval.metadata import region_fit
from retrieval.query import Query

WEIGHTS = CONFIG.lists


# What a section of each kind lists, in the words staff ask with ("取得了哪些成效").
KIND_WORDS = {
    "actual": "取得 成效 成绩 亮点 进展 工作 做了 总结 回顾",
    "plan": "计划 思路 打算 安排 举措 任务 重点工作 工作",
    "problem": "问题 短板 不足 困难 差距 挑战 薄弱",
}
_DOC_KIND = (("actual", re.compile(r"总结|回顾")), ("plan", re.compile(r"计划|规划|要点")))


def _kind_words(doc: Document, en: Enumeration) -> str:
    """Words the list's section kind stands for (its document's kind when unknown)."""
    sec = section_of(doc, en.section)
    if sec is None:
        return ""  # the parts of a whole document are of no one kind
    kind = sec.kind
    if not kind:
        title = normalize(doc.title)
        kind = next((k for k, pat in _DOC_KIND if pat.search(title)), "")
    return KIND_WORDS.get(kind, "")


def _intro(doc: Document, en: Enumeration, w: ListWeights = WEIGHTS) -> str:
    """What a section writes between its heading and its first sub-heading ("…聚焦“十件
    大事”，打好“十大战役”。" before (一)…(十)): its sub-headings, named once as a whole."""
    if en.kind != "headings" or not en.section:
        return ""
    sec = section_of(doc, en.section)
    if sec is None or sec.start >= en.start:
        return ""
    return normalize(doc.text[max(sec.start, en.start - w.intro_chars) : en.start])


def _own_words(en: Enumeration, kind_words: str = "") -> str:
    """The owning heading (last path step), intro and count phrase: what the list is of.

    Items counted inside a sentence ("两大省级战略机遇") are named by their own
    words only: the section they stand in (its heading, its kind) is not what they list.
    """
    rest = head_words(en)
    if en.kind == "inline":
        return canon(normalize(rest))
    last = en.section.split(" > ")[-1] if en.section else ""
    # "三、大力实施…" is the report's 第三部分 ("04年报告第三部分…下面分了哪几块")
    part = _PART_NUMBER.match(last)
    named = f"第{part.group(1)}部分" if part else ""
    return canon(normalize(f"{last} {rest} {kind_words} {named}"))


_PART_NUMBER = re.compile(r"([一二三四五六七八九十]{1,3})、")


def score_list(
    q: Query,
    sig: Signals,
    doc: Document,
    en: Enumeration,
    near: bool,
    w: ListWeights = WEIGHTS,
    titled: tuple[Signals, bool] | None = None,
) -> float | None:
    """Score of an enumeration for a list question, or None when it does not fit;
    ``titled``: :func:`without_title_words` of the question and document, when a caller
    scoring many lists of one document read it once."""
    if not time_fits(q, doc, en):
        return None
    # A city's plan lists nothing of a district it does not name ("西湖区保障措施有哪些").
    if region_fit(q, doc, doc.norm[en.start : en.end], strict=True) < 0:
        return None
    sig, only_named = titled or without_title_words(sig, doc, q)
    texts = item_texts(doc, en)
    items = " ".join(texts)
    kind_words = _kind_words(doc, en)
    intro = _intro(doc, en, w)
    listed = normalize(en.head)  # (what the list's own head says, before a point is added)
    own_words, head = _own_words(en, kind_words), listed
    if en.kind == "inline":
        # "C细分行业应用标准包括原油加工、…": the subject its clause opens with is what it lists,
        # and the name of the point its paragraph runs in ("(6)建设科技创新支撑平台。支持A、…")
        point = run_in_point(doc.norm, en)
        # …and the sentence it gives part of ("…筛选出12个候选项目。其中,新建类5个,分别是:")
        point = f"{point} {part_of(doc.norm, en.items[0].sent_start)}" if en.items else point
        own_words = f"{own_words} {canon(lead(doc.norm, en, CLAUSE_END, 40))} {canon(point)}"
        head = f"{head} {point}"
    own = coverage(sig, own_words)
    path = coverage(sig, canon(normalize(en.section)))
    whole = coverage(sig, canon(f"{head} {intro} {items} {kind_words}"))
    count = count_fit(q, en, texts, intro)
    # "120个大型项目包括哪些": the parts of the whole its head counts, however many
    count = max(count, 1.0 if whole_named(q.norm, listed) else 0.0)
    if en.kind == "inline" and count >= 1.0:
        path = max(path, coverage(sig, canon(_context(doc.norm, en))))
    noun = noun_fit(q, en, texts)
    item_cov = coverage(sig, canon(items))
    if names_an_item(q.norm, texts):
        # "具体计划分哪几条", "应用赋能拓展行动包括哪几项": what stands under that item
        noun = 0.0
        if en.kind == "headings":
            item_cov = 0.0
    headed_here = names_own_heading(q.norm, en.section)
    if headed_here:
        path = 1.0  # …and that item's own sub-headings or points are the list
        # …the rest of the question says which document ("…教学改革项目,建设任务列了哪几
        # 条"): what the document is about counts with the list's words
        topic = topic_of(doc)
        if q.doc_name and untitled(doc):
            # (…as the question names it, when nothing else does: "…应用场景参考指引里,
            # “人工智能+”医用机器人列了哪些场景" of an untitled list of scenes)
            topic = f"{topic} {canon(q.doc_name)}"
        elif untitled(doc):
            # (…or by the words of the whole body, when it has no title to hold them:
            # "药品监管人工智能典型应用场景里,“辅助决策类”包括哪些应用" of a list of scenes
            # whose opening says none of 监管 or 场景)
            topic = f"{topic} {_body(doc.doc_id, doc.norm)}"
        whole = max(whole, coverage(sig, canon(f"{items} {intro} {topic}")))
        # …and so it does for the heading it names ("智能制造典型场景里供应链管理有哪几个")
        own = max(own, coverage(sig, canon(f"{own_words} {topic}")))
    # What is listed is named by the list's heading, its count, or its items themselves.
    # "三张清单": the list's own count and noun; "哪些产业链": items or heading name the noun
    named = 1.0 if count >= 1.0 or noun >= 1.0 else 0.0
    # …or by a bare count alone when it is large ("都有哪十个": ten items where ten are
    # asked is no chance; not "“六大”行动", which names what it counts)
    if count >= 0.5 and len(en.items) >= w.counted_alone and bare_count(q.norm):
        named = 1.0
    # A question naming only its document asks for the document's own parts.
    # …or of the part it writes the heading of ("2023年工作总结分成哪几大块").
    # A year asked picks the part of that year, not the whole ("扬州23年主要干了哪几方面").
    whole_or_named = (not en.section and not q.years) or names_own_heading(q.norm, en.section)
    own_parts = asks_own_parts(q.norm) or noun >= 1.0
    parts = 1.0 if only_named and en.kind == "headings" and whole_or_named and own_parts else 0.0
    named = max(named, parts)
    # …or by holding the items the question sets aside ("除了总体要求和组织保障,…哪几方面")
    named = max(named, 1.0 if names_excepted(excepted(q.norm), texts) else 0.0)
    # Clauses ending alike are a list of what the question names only, or asks by the word
    # they end on ("哪几方面的水平": "…智能化水平,…单元化水平"; the rest of the question
    # must still be written around them)
    if en.kind == "alike" and named < 1.0 and not asks_their_ending(q.norm, texts):
        return None
    # Sub-headings are named by their parent heading; run-in points may name themselves,
    # and so may sub-headings that each write what is asked ("在哪五个方面取得决定性进展":
    # "(一)现代化产业体系建设取得决定性进展。" …).
    self_named = item_cov if en.kind != "headings" else _each_writes(sig, texts)
    # What is asked for ("哪几个阶段") may be named by nothing but the items being such
    # ("启动期…评估期" under "三、进度安排") when the list's own heading writes the rest of
    # the question (not one of its items: "实施…转化“145”行动" names no 定位).
    # (…nor by a noun naming no kind of thing: "组织实施部分提出了哪几条措施")
    unasked = without_noun(without_noun(sig, asked_noun(q.norm)), asked_vague(q.norm))
    headed = coverage(unasked, own_words)
    named = max(named, 1.0 if headed >= w.min_cov else 0.0)
    if max(whole, named) < w.min_cov or max(own, named, self_named) < w.min_own:
        return None
    if miscounted(q.norm, len(en.items)):
        return None  # "四大未来产业是哪些": three run-in points are another list
    return (
        w.own * own
        + w.path * path
        + w.items * item_cov
        + w.count * count
        + w.noun * noun
        + w.parts * parts
        + (w.near if near else 0)
        + (w.heading if headed_here else 0)
        + (w.quoted if writes_quoted(q.norm, f"{head} {intro}", len(en.items)) else 0)
        + (w.polarity if same_polarity(q.norm, f"{head} {intro}") else 0)
    )


@lru_cache(maxsize=64)
def _body(doc_id: str, norm: str) -> str:
    """A document's whole text, canonical (read once a document)."""
    return canon(norm)


def _each_writes(sig: Signals, texts: list[str]) -> float:
    """The least share of the question's words any one item writes."""
    return min((coverage(sig, canon(t)) for t in texts), default=0.0)


def _context(norm: str, en: Enumeration) -> str:
    """An inline list's own clause before its first item, and its sentence after its last:
    what tells lists inside sentences with the count asked ("四项原则") apart ("双方共同确定
    “…”四项原则,为中日睦邻友好关系…": 中日), not other clauses before ("坚持“三个结合”,…实现
    “三个突破”:")."""
    if not en.items:
        return ""
    first = en.items[0].start
    clause = max(norm.rfind(mark, en.start, first) for mark in ",;:") + 1
    return f"{norm[max(clause, en.start) : first]} {norm[en.items[-1].end : en.end]}"


def best_list(
    q: Query,
    sig: Signals,
    docs: list[Document],
    near: dict[str, list[tuple[int, int]]],
    lists_of: Callable[[str], tuple[Enumeration, ...]],
) -> ScoredList | None:
    """The enumeration that best answers a list question among some documents.

    Args:
        q: the question.
        sig: its terms.
        docs: documents to look in (those of the best fitting clauses).
        near: doc id → (start, end) of retrieved clauses, which lend weight to
            the enumeration they lie in.
        lists_of: the enumerations of a document, by id (the index's lists).
    """
    sig = sig.known()
    scored: list[ScoredList] = []
    counts = counts_asked(q.norm)  # (read once: every list is measured against them)
    noun = asked_noun(q.norm)
    for doc in docs:
        spans = near.get(doc.doc_id, [])
        titled = without_title_words(sig, doc, q)  # (read once a document, not once a list)
        for listed in lists_of(doc.doc_id):
            en = counted_part(counts, doc, listed)  # ("六大…基地" of seven leads: the six 基地)
            en = noun_part(noun, doc, en)  # ("哪几种政府": the run of leads ending on it)
            inside = any(en.start <= s and e <= en.end for s, e in spans)
            score = score_list(q, sig, doc, en, inside, titled=titled)
            if score is not None:
                scored.append(ScoredList(en, doc, score))
    if not scored:
        return None
    # "要加强哪几方面建设": lists of the kind of thing asked (every item a 建设, or headed by
    # it) before lists of other things the question's words stand near
    # (not when the question names one item of a list, or a list's own heading: what
    # stands under it is asked)
    texts = [item_texts(s.doc, s.enumeration) for s in scored]
    quoted = re.findall(r"\"([^\"]{2,12})\"", q.norm)
    by_noun = bool(noun) and not any(
        names_an_item(q.norm, t)
        or names_own_heading(q.norm, s.enumeration.section)
        or any(n in item for n in quoted for item in t)  # "“创新提质”行动有哪几条"
        for s, t in zip(scored, texts, strict=True)
    )
    # (…and as many as the question counts, when it does: "哪6种…装备" is no list of four 装备)
    sizes = {n for n, _ in counts} | ({size} if (size := asked_size(q.norm)) else set())
    nouned = [
        (s, t)
        for s, t in zip(scored, texts, strict=True)
        if by_noun and _of_noun(q, s, t) and (not sizes or len(t) in sizes)
    ]
    # …and of those, lists each of whose items is such a thing ("哪几大类标准子体系": the four
    # 子体系) before the parts of one under its heading ("(三)生产系统…标准子体系" > 1. 2. 3.)
    each = [s for s, t in nouned if each_is(canon(noun), t)]
    of_noun = each or [s for s, _ in nouned]
    # Ties go to the outer list (sub-headings over the points under one of them),
    # then, in one section, to its sub-headings over points run into its text.
    best = max(of_noun or scored, key=lambda s: tie_key(s.score, s.enumeration))
    best = (
        # (a list of the kind of thing asked is held by an outer list of that kind only)
        outer_list(q, best, of_noun or scored)
        or under_named_item(q, best, scored)
        or of_named_item(q, best, scored)
        # (…unless a list of the kind asked answers: "关键技术标准分哪几部分" of "…包括A、B、C
        # 三部分" beside the sub-headings)
        or (
            None
            if _of_noun(q, best, item_texts(best.doc, best.enumeration))
            else under_named_heading(q, best, scored)
        )
        or best
    )
    # "医疗影像设备要攻关哪些关键件": a series in a sentence naming the item asked about
    # lists its siblings; with nothing found under that item, another list answers, or none
    if siblings_only(q, best):
        others = [s for s in of_noun or scored if not siblings_only(q, s)]
        if not others:
            return None
        best = max(others, key=lambda s: tie_key(s.score, s.enumeration))
    return fuller_twin(best, lists_of(best.doc.doc_id)) or best


def _of_noun(q: Query, s: ScoredList, items: list[str]) -> bool:
    """Whether a list is of the kind of thing asked: its items or heading name it, or its
    count phrase does ("六大未来产业": 生命科学, 深海空天, …)."""
    en = s.enumeration
    return noun_fit(q, en, items) >= 1 or count_fit(q, en, items, _intro(s.doc, en)) >= 1
