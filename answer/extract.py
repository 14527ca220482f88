"""Choose the clause that answers (the short answer inside it: answer.spans)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from answer.asked_thing import counts_other, names_thing, per_head_only
from answer.clause_context import (
    asks_a_thing,
    local_cov,
    read_before,
    sentence_fit,
)
from answer.clause_subject import (
    SOURCE_ASIDE,
    from_value,
    passes_mark,
)
from answer.clause_time import clause_year
from answer.clauses import Clause, clauses_of, heading_clauses
from answer.editions import other_edition
from answer.kinds import (
    PART_OF,
    directed_only,
    opposite_asked,
    other_counter,
    other_items,
    other_kind,
    other_purpose,
    other_rate,
    other_share_base,
    other_share_of,
    sums_several,
)
from answer.named_words import (
    counted_quotes,
    holds_quoted,
    nicknamed_as,
    titled_as,
    without_name_words,
)
from answer.policy import CONFIG, ClauseWeights, Span, policy
from answer.quantities import (
    ASKS_CHANGE,
    figures_for,
    is_change,
    scale_after,
    states_value,
    unit_matches,
)
from answer.scope_fit import another_places, level_fit, other_scope
from answer.signals import Signals, canon, coverage, has_target_cue
from answer.topic import topic_of
from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.figure_when import reached_already
from corpus.model import Document, Passage
from corpus.normalize import normalize
from retrieval.intent import Intent
from retrieval.metadata import delivered
from retrieval.model import Hit
from retrieval.naming import described_in, name_period, names_document
from retrieval.query import Query
from retrieval.years import find_years

MAX_SPAN = 40


@dataclass(frozen=True)
class Candidate:
    """A scored clause of a retrieved passage."""

    clause: Clause
    passage: Passage
    doc: Document
    score: float
    clause_cov: float
    context_cov: float
    local_cov: float
    sentence_canon: str
    region: int
    year: int
    has_number: bool
    hit_rank: int
    miss: bool = False  # every figure of the asked unit contradicts the question (answer.frame)
    fact_span: tuple[int, int] | None = None  # the asked figure's words, among several
    fact_kind: str = ""  # "actual" / "target": the kind of the figure that answers (answer.frame)
    fact_year: int | None = None  # …and its year, when the facts table knows one


ADDED_RANK = 40  # passages found besides retrieval rank after every retrieved one


def added_hit(passage: Passage, n: int) -> Hit:
    """The ``n``-th passage (from 1) found besides retrieval (a value, a name or a doing
    written word for word), as a hit ranked after the retrieved ones."""
    return Hit(passage, 0.0, ADDED_RANK + n)


def quotes_all(sig: Signals, c: Candidate) -> bool:
    """Whether a candidate's clause holds every name the question quotes (some quoted)."""
    return bool(sig.quoted) and holds_quoted(canon(c.clause.norm), sig.quoted)


def _quantity_score(
    query: Query, sig: Signals, has_number: bool, unit_ok: bool, w: ClauseWeights
) -> float:
    """A figure question's preference for a clause stating a quantity of the expected unit."""
    if has_number:
        return w.unit_hit if unit_ok else w.other_number
    if sig.wants_quantity:
        return w.no_number_quantity
    return w.no_number_target if query.intent == Intent.TARGET else w.no_number


def _kind_score(query: Query, kind: str, c: Clause, w: ClauseWeights) -> float:
    """Targets from plan sections, results from review sections."""
    if kind not in ("plan", "actual"):
        return 0.0
    if not query.wants_target:
        return w.actual_for_result if kind == "actual" else w.plan_for_result
    target_clause = has_target_cue(c.norm) or has_target_cue(c.sent_norm[: c.start - c.sent_start])
    score = w.plan_for_target if kind == "plan" else w.actual_for_target
    return score + (w.target_clause if target_clause else 0.0)


def score_clauses(
    query: Query,
    sig: Signals,
    hits: list[Hit],
    docs: Mapping[str, Document],
    weights: ClauseWeights = CONFIG.clause,
) -> list[Candidate]:
    """Score every clause of the retrieved passages for the question.

    The score adds: the weighted share of question terms in the clause and in
    its sentence with the section heading; a quantity with the expected unit
    (for number and target questions); agreement of year, region and
    actual-vs-target with the question; and the passage's retrieval rank.
    """
    # A target is usually a figure even when asked "目标是什么": prefer one, require none.
    pol = policy(query.intent)
    w = weights
    out: list[Candidate] = []
    named_by_doc: dict[str, bool] = {}  # (a description is looked for in a document once)
    for hit in hits:
        p = hit.passage
        doc = docs[p.doc_id]
        if p.doc_id not in named_by_doc:
            named_by_doc[p.doc_id] = names_document(query.doc_name, doc) or described_in(
                query.doc_name, doc
            )
        named = named_by_doc[p.doc_id]
        this_year = doc.issued if delivered(doc.norm) else None  # a report's "今年"
        # In the document the question names ("电力装备数字化转型方案到2027年…"), the words
        # of that name say which document, whether or not its title writes them (its
        # body may): the clause is judged by the question's other words.
        dsig = without_name_words(sig, query.doc_name, query.norm) if named else sig
        asks_thing = asks_a_thing(dsig)
        heading = canon(normalize(p.section))
        topic = topic_of(doc)  # what the document is about: context of every clause of it
        # …and who issued it ("工信部、公安部、交通运输部那版规范里…")
        issuer = canon(normalize(doc.issuer).replace(" ", ""))
        # (a figure may stand in the heading over the passage: "二、产融对接类(13家)"; a
        # list's headings are read as lists, answer.lists)
        opening = heading_clauses(doc.text, p.start, p.section) if pol.figure else []
        clauses = opening + clauses_of(p.text, p.start)
        # "突破1000亿元,达1112亿元": the clauses passing a round mark, read once
        marks = [passes_mark(clauses, j) for j in range(len(clauses))]
        sentences = sorted({(c.sent_start, c.sent_norm) for c in clauses})
        context_cov: dict[str, float] = {}
        sentence_fits: dict[int, tuple[int, int]] = {}
        for i, c in enumerate(clauses):
            c_canon = canon(c.norm)
            ccov = coverage(dsig, c_canon)
            lcov = local_cov(dsig, asks_thing, clauses, i, ccov, w)
            s_canon = canon(" ".join([*read_before(doc, sentences, c), c.sent_norm]))
            if i and marks[i - 1]:
                # "达1112亿元" after "…突破1000亿元": the same figure, exact
                ccov, lcov = max(ccov, out[-1].clause_cov), max(lcov, out[-1].local_cov)
            if s_canon not in context_cov:  # (the clauses of one sentence share it)
                context_cov[s_canon] = coverage(dsig, f"{s_canon} {heading} {topic} {issuer}")
            scov = context_cov[s_canon]
            nums = figures_for(sig.unit, c.norm)
            unit_ok = any(unit_matches(sig.unit, m) for m in nums)
            score = w.clause_cov * ccov + w.local_cov * lcov + w.context_cov * scov
            if pol.figure:
                score += _quantity_score(query, sig, bool(nums), unit_ok, w)
            if sig.numbers:
                stated = all(states_value(c.norm, n) for n in sig.numbers)
                score += w.stated_numbers if stated else -w.stated_numbers
            if c.sent_start not in sentence_fits:  # (the clauses of one sentence share it)
                sentence_fits[c.sent_start] = sentence_fit(
                    query, p, doc, sentences, c, named, f"{heading} {topic}"
                )
            region, year = sentence_fits[c.sent_start]
            if region > 0 and another_places(query.regions, c.norm, c.sent_norm):
                region = -1  # (the sentence's other place's figure: "四川省…,上海市…")
            year = clause_year(query, year, c.norm, this_year)
            if year < 0 and named and _names_its_year(query, doc):
                year = 0  # "2021年…申报指南里…": the year names the guide, not the figure
            score += w.year * year
            score += w.region_match * region if region > 0 else w.region_mismatch * region
            if pol.kind_aware:
                score += _kind_score(query, p.section_kind, c, w)
            score += w.level * level_fit(query.norm, c.norm)
            if marks[i]:
                score += w.round_mark
            # An enumeration ("A、B、C等", "A和B") is what a list question wants.
            seps = min(w.enumeration_cap, c.norm.count("、") + c.norm.count("和"))
            score += pol.enumeration_bonus * seps
            score += w.rank / hit.rank
            out.append(
                Candidate(
                    clause=c,
                    passage=p,
                    doc=doc,
                    score=score,
                    clause_cov=ccov,
                    context_cov=scov,
                    local_cov=lcov,
                    sentence_canon=s_canon,
                    region=region,
                    year=year,
                    has_number=bool(nums and unit_ok),
                    hit_rank=hit.rank,
                )
            )
    out.sort(key=lambda c: -c.score)
    return out


def _names_its_document(query: Query, quoted: str, doc: Document) -> bool:
    """Whether a name the question quotes is part of the document's name it gives ("山东
    “十强产业”场景创新行动计划里…") and the document writes it: it says which document, not
    what the clause is about."""
    return f'"{quoted}"' in query.doc_name and quoted in doc.norm


def _plans_other_year(query: Query, cand: Candidate) -> bool:
    """Whether a candidate is a target a report's plan part sets for the part's own year while
    another year is asked and its sentence names none ("2009年安排了多少" is not answered by
    a 2010 report's "中央财政拟投入433亿元用于促进就业", planned for 2010)."""
    year = cand.passage.section_year
    return (
        bool(query.years)
        and delivered(cand.doc.norm)  # (a policy's "plan" is no year's part)
        and cand.passage.section_kind == "plan"
        and cand.fact_kind == "target"
        and cand.year == 0
        and year is not None
        and year not in query.years
    )


def _looks_back(query: Query, cand: Candidate) -> bool:
    """Whether a clause in a report's plan part names a year asked that is before the
    report's own ("一九五八年全国灌溉面积比一九五七年增加了四亿八千万亩" in the 1959
    report): a look back at what was done, which no plan sets."""
    named = _clause_years(cand.clause.norm) & set(query.years)
    issued = cand.doc.issued
    return bool(named) and issued is not None and delivered(cand.doc.norm) and max(named) < issued


def _deed_done(query: Query, cand: Candidate) -> bool:
    """Whether a clause says its figure is reached ("十年中建成了一千一百个", in a plan part
    of an old report), naming no year but the asked ones."""
    return reached_already(cand.clause.norm) and _clause_years(cand.clause.norm) <= set(query.years)


def _so_far(cand: Candidate) -> bool:
    """Whether a clause's sentence reports, before it, what was done so far ("今年以来,面对
    …疫情,…累计治愈出院确诊病例139例", in a report's plan part): results, not targets."""
    before = cand.clause.sent_norm[: cand.clause.start - cand.clause.sent_start]
    return _SO_FAR.search(before) is not None


_SO_FAR = re.compile(r"(?:今年|年初|本年)以来|截至目前|截至\d{1,2}月")


_CLAUSE_YEARS = re.compile(r"(?<![比较])((?:19|20)\d{2})年")


def _clause_years(norm: str) -> set[int]:
    """The years a clause names for itself (not a base it is compared with: "比2020年")."""
    return {int(y) for y in _CLAUSE_YEARS.findall(norm)}


def _names_its_year(query: Query, doc: Document) -> bool:
    """Whether every year the question asks is one its document name writes ("2021年人工智能
    医疗器械方向的揭榜挂帅申报指南") and the named document is of: the year tells the document
    apart, the figure inside it may be of another ("到2023年…不少于3种")."""
    named_years = set(find_years(query.doc_name))
    own = {*doc.years, *([doc.issued] if doc.issued else [])}
    return bool(query.years) and set(query.years) <= named_years & own


_PLEDGE = re.compile(r"(?:并|同时|全年|今年)?(?:力争|确保|争取|预计|目标是?)")
# (not what was arranged or budgeted: "今年中央财政科技投入安排了多少" is the year's plan)
_ASKS_DONE = re.compile(r"实际|[\u4e00-\u9fff](?<!安排)(?<!预算)了(?:多少|几)")
# "2021年…报告把制造业企业加计扣除比例提到了多少": what the document did, as it writes it
# (its plan is what is asked), not a result.
_DOCUMENT_DID = re.compile(rf"(?:{DOCUMENT_KINDS})(?:里|中)?(?:把|将)")
# "推动全省数据中心在用标准机架数达到35万个": what a plan pushes a figure to.
_PUSHED_TO = re.compile(
    r"(?:推动|推进|促进|引导)[^,;。]{0,30}?(?:达到|超过|突破|提高到|提升至|提升到)"
)


# A bar a figure has stayed above for years in a row ("连续9年稳定在1300亿斤以上").
_STREAK = re.compile(
    r"连续(?:\d{1,2}|[两二三四五六七八九十]{1,3})年(?:稳定|保持|稳|站稳|超过|达到)"
)


def _asks_done(norm: str) -> bool:
    """Whether a question asks what was done ("实际…", "新增了多少"), not what a document it
    names did ("…报告把…提到了多少")."""
    return bool(_ASKS_DONE.search(norm)) and not _DOCUMENT_DID.search(norm)


def fits(query: Query, sig: Signals, cand: Candidate, min_cov: float | None = None) -> bool:
    """Whether a candidate really answers.

    Right region and year; the numbers and quoted names of the question in
    its sentence; the question's terms in its sentence and section; and,
    for a question asking a quantity, one in the clause together with part
    of the metric.
    """
    if cand.region < 0 or cand.year < 0 or cand.miss:
        return False
    # "到2030年要…多少": a document writing no year at all sets none for it (the period
    # after its name, "…行动方案(2021—2023)里", is the document's own)
    undated = query.wants_target and cand.year == 0 and not cand.doc.years
    if undated and query.years and find_years(name_period(query.doc_name, query.norm)[1]):
        return False
    context = cand.clause.sent_norm
    upto_figure = context[: cand.clause.end - cand.clause.sent_start]  # (its sentence so far)
    # A figure the question gives as known may be rounded ("补了959万" for 959.1万元).
    if sig.numbers and not all(
        states_value(context, n, rounded=True, scale=scale_after(query.norm, n))
        for n in sig.numbers
    ):
        return False
    if sig.quoted:
        # A quoted period or programme ("十四五") may be named by the heading or title.
        # …or by its paragraph's opening ("7.实施“145”行动。锚定…").
        para = cand.doc.norm[
            cand.doc.norm.rfind("\n", 0, cand.clause.sent_start) + 1 : cand.clause.sent_start
        ]
        # …or by what the document is about (an untitled policy's "简称“111计划”").
        where = canon(
            f"{context} {para} {normalize(cand.passage.section)} {normalize(cand.doc.title)}"
            f" {topic_of(cand.doc)}"
        )
        unheld = tuple(
            n
            for n in sig.quoted
            if not holds_quoted(where, (n,)) and not _names_its_document(query, n, cand.doc)
        )
        if unheld and not all(
            titled_as(query.norm, n, cand.doc) or nicknamed_as(query.norm, n, cand.doc)
            for n in unheld
        ):
            return False
        # …what a figure counts, by the clause stating it or one before it in its sentence
        counted = counted_quotes(query.norm, sig.quoted) if policy(query.intent).figure else ()
        if counted and not holds_quoted(canon(upto_figure), counted):
            return False
    least = policy(query.intent).min_cov if min_cov is None else min_cov
    if policy(query.intent).span == Span.NAME and quotes_all(sig, cand):
        # a name question's clause writing the thing it quotes ("“大豆榨油操作法”是谁创造的":
        # "李川江的“大豆榨油操作法”"): its other words may describe it from around the clause
        least = min(least, CONFIG.entity.quoted_cov)
    if cand.context_cov < least:
        return False
    kind = cand.passage.section_kind
    if query.wants_target and kind == "actual" and not has_target_cue(context, strict=True):
        return False
    # A report's part of no known kind: a figure read as a result, with no word of a target
    # in its sentence ("全年…实现利润4657亿元,增长8.1%"), sets no target (a policy's may:
    # "部署15个重点研究任务").
    unset = query.wants_target and not kind and cand.fact_kind == "actual"
    if unset and delivered(cand.doc.norm) and not has_target_cue(context, strict=True):
        return False
    # "实际…", "新增了多少": what was done, which no plan states (a review inside a plan
    # part does: "“十四五”时期…年均增长4.8%" read as an actual figure by the facts table).
    done = cand.fact_kind == "actual" and (
        not query.years or cand.fact_year is None or cand.fact_year in query.years
    )
    done = done or _looks_back(query, cand) or _deed_done(query, cand) or _so_far(cand)
    if not query.wants_target and kind == "plan" and not done and _asks_done(query.norm):
        return False
    if not query.wants_target and _plans_other_year(query, cand):
        return False
    # Outside a review, a clause pledging a figure ("力争…达20%以上") is a target: a plan
    # part's "力争认定国家高新技术企业50家" says nothing of how many were recognised.
    if not query.wants_target and kind != "actual" and _PLEDGE.match(cand.clause.norm):
        return False
    # "…实际到了多少": a figure a plan pushes something to reach is no result
    if not kind and _asks_done(query.norm) and _PUSHED_TO.match(cand.clause.norm):
        return False
    if policy(query.intent).figure and from_value(cand.clause, cand.clause.sent_norm):
        # "由1982年的三十一万人,增加到1987年的五十五万人": where it started, unless the
        # year it started in is the one asked
        named = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", cand.clause.norm)}
        if not named & set(query.years):
            return False
    if policy(query.intent).figure and SOURCE_ASIDE.match(cand.clause.norm):
        return False  # "据十二个省的不完全统计": where a figure comes from, not the figure
    if query.years and _STREAK.search(cand.clause.norm) and "连续" not in query.norm:
        return False  # "连续9年稳定在1300亿斤以上" is a bar kept for years, no year's figure
    if per_head_only(query.norm, sig, cand.clause.norm):
        return False  # "人均生产总值…" does not say what 生产总值 is
    if sig.unit == "rank" and other_scope(query.norm, cand.clause.norm):
        return False  # "在全省排第几" is not answered by "冲进全市前3"
    if policy(query.intent).figure and level_fit(query.norm, upto_figure) < 0:
        return False  # "省、市级…,分别给予200万元、50万元" gives nothing at the 国家级 asked
    if policy(query.intent).figure and other_share_of(sig, cand.clause.norm):
        return False  # "环保投入相当于…生产总值的比例" is no 研发投入强度
    if other_share_base(query.norm, cand.clause.norm):
        return False
    if opposite_asked(query.norm, cand.clause.norm):
        return False  # "进口362亿美元" says nothing of exports
    if policy(query.intent).figure and directed_only(query.norm, cand.clause.norm):
        return False  # "输出到津冀…成交额996亿元" is part of the 成交额 asked
    if other_edition(query.norm, f"{context} {topic_of(cand.doc)}"):
        return False  # "第十一届…" is not answered by the twelfth's figures
    if sig.wants_quantity and policy(query.intent).figure:
        # "地区生产总值是多少": an amount, which a clause stating only changes does not give.
        nums = figures_for(sig.unit, cand.clause.norm)
        if nums and all(is_change(m) for m in nums) and not ASKS_CHANGE.search(query.norm):
            return False
        if not (cand.has_number and cand.local_cov >= CONFIG.min_local_cov):
            return False
        if not names_thing(sig, cand.clause, cand.doc.norm):
            return False  # "进出口总额…" names the 总额 of "国民收入总额", not its thing
        if counts_other(sig, cand.clause.norm):
            return False  # "组织推广优秀科技成果78项" counts no 重点项目
    # Last, as they read the sentence's words: "企业研发机构74家" is no count of 新型研发机构.
    whole = cand.sentence_canon if PART_OF.match(cand.clause.sent_norm) else ""
    return not (
        policy(query.intent).figure
        and (
            other_kind(sig, cand.clause.norm, whole)
            or other_rate(query.norm, cand.clause.norm)
            # a figure given for what its sentence names ("获批的…技术创新中心…,于获批次年
            # 给予国家级500万元"): another kind there, and the asked one nowhere in it
            or other_kind(sig, cand.clause.sent_norm, whole)
            or sums_several(query.norm, cand.clause.norm)
            or other_items(sig, cand.clause.norm, query.canon)
            or other_purpose(query.norm, cand.clause.sent_norm)
            or other_counter(query.norm, cand.clause.norm)
        )
    )
