"""What a clause's figure is of: the clauses and sentences that name its subject.

A figure often stands bare ("同比增长58%", "占…的21.62%", "居全市第4位"): what it counts is
written before it in its sentence, back to the nearest amount, or back to the previous rank.
An example sentence ("最突出的如…") continues the sentence before it; a clause stating where a
change started ("由31.5万人,增加到55万人") states the base, not the figure; a round mark passed
("突破1000亿元,达1112亿元") is the exact figure's milestone, not the figure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from answer.clauses import Clause
from answer.policy import ClauseWeights
from answer.quantities import is_change, numbers_in, unit_of

# (a scope or a per-head word is no subject: "农民的纯收入,全国平均每人达到三百五十五元")
# (nor a time or 已 before the verb: "同我国有外交关系的国家,现在已增加到一百二十九个";
# "…发行超长期特别国债,…,今年先发行1万亿元")
_BARE = re.compile(
    r"^(?:其中|同比|比上年|较上年|分别|均|累计|全年|共|全国|全省|全市|全区|全县|平均|每人|人均"
    r"|现在|目前|至今|如今|已经|已|今年|当年|去年|明年|本年)+"
)
# How a clause states its figure right before it ("达到", "超", "增长", "约", "增加到").
STATING = "达到|达|为|是|超过|超|突破|增长|增加|提高|提升|下降|约|近"
_VERB_TAIL = re.compile(rf"(?:{STATING})+(?:到|至)?$")
# A change told from last year's figure ("将由去年的1076亿元增加到…"): when, not what.
_FROM_LAST_TAIL = re.compile(r"(?:将|要|已)?[由从](?:去年|上年|上一年|前一年)(?:底|末)?的?$")


RANK_CLAUSE = re.compile(
    r"(?:居|列|位列|名列|排名|排位|排|位居|冲进)[^,;]{0,8}(?:第|前)"
    r"|(?:全国|全省|全市|全区|全县|省内|市内)(?:第|前)\d"  # "总量全市第2"
)


# A sentence that speaks of what the one before says: an example of it, or a part of it.
OF_BEFORE = re.compile(
    r"(?:最突出的|最典型的)(?:是|如)|(?:例如|比如|譬如|如)(?![期果何此今实同下])"
    # "…应当注明测试时间等信息。其中,测试时间原则上不超过18个月": part of what it said
    r"|其中[,:]"
    # "…面向企业开展DCMM贯标服务。到2022年,力争100家企业达到3级以上": the goal of what it
    # said, its subject left out
    r"|(?:到|至)(?:(?:19|20)\d{2}年|\"?十[一二三四五六]五\"?)(?:底|末)?,(?:力争|争取|努力)"
)


_FROM_FIGURE = re.compile(r"[由从][^,;。由从]{0,24}?[\d一二两三四五六七八九十]")
_TO_AFTER = re.compile(r"[,;]?(?:增加|提高|提升|上升|下降|减少|降低|扩大|增长|发展)?(?:到|至)")


def from_value(clause: Clause, sent_norm: str) -> bool:
    """Whether a clause states only where a change started: its figure after 由/从, the
    next clause saying what it came to ("由31.5万人,增加到55万人")."""
    if not _FROM_FIGURE.search(clause.norm):
        return False
    end = clause.end - clause.sent_start
    return bool(_TO_AFTER.match(sent_norm, end))


def sentence_before(norm: str, start: int) -> str:
    """The sentence of a document ending right before ``start`` (its paragraph's)."""
    end = start
    while end > 0 and norm[end - 1] in " \u3000":
        end -= 1
    if end == 0 or norm[end - 1] != "。":
        return ""
    begin = max(norm.rfind(c, 0, end - 1) for c in "。\n") + 1
    return norm[begin:end]


def paragraph_topic(norm: str, start: int, longest: int = 14) -> str:
    """The short sentence heading the run of sentences, in its paragraph, that the one at
    ``start`` belongs to ("提质推进天开园建设。完善…。出台…,引育科技型企业累计达到1500家"):
    the nearest one before it of one clause and at most ``longest`` characters, or ""."""
    begin = norm.rfind("\n", 0, start) + 1
    for m in reversed(list(_SENTENCE.finditer(norm, begin, start))):
        if _titles(m.group(0), longest):
            return m.group(0)
    return ""


def _titles(sentence: str, longest: int) -> bool:
    """Whether a sentence is short and of one clause: a title of what follows it."""
    return len(sentence) <= longest and not _CLAUSE_MARK.search(sentence)


_SENTENCE = re.compile(r"[^。\n]+。")
_CLAUSE_MARK = re.compile(r"[,;:]")


def ordinal_point(norm: str, start: int) -> str:
    """The opening clause of the numbered point ("一是积极推行新型农村合作医疗制度。") the
    sentence at ``start`` goes on, later in its paragraph ("…中央财政安排补助资金101亿元"),
    or "" (a sentence opening a point is its own)."""
    begin = norm.rfind("\n", 0, start) + 1
    found = [m for m in _ORDINAL_POINT.finditer(norm, begin, start) if m.end() <= start]
    if not found or _ORDINAL_POINT.match(norm, start):
        return ""
    return found[-1].group(0)


# A numbered point opening a sentence: "一是…", "第二,…", its opening clause
_ORDINAL_POINT = re.compile(
    r"(?:(?<=[。\n:;])|^)[ \t\u3000]*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十],)"
    r"[^,;:。\n]{2,30}",
    re.M,
)


@lru_cache(maxsize=1 << 16)  # (a sentence is read again by the next question asking of it)
def point_of(norm: str, start: int) -> str:
    """What the sentence at ``start`` goes on about: the numbered point it continues
    (:func:`ordinal_point`), else the run-in title its paragraph opens on ("积极盘活存量资源
    资产。…实现收入593.6亿元"), or "" (a sentence opening a point is its own)."""
    if _ORDINAL_POINT.match(norm, start):
        return ""
    return ordinal_point(norm, start) or paragraph_title(norm, start)


# The first of a paragraph's run-in numbered points ("扎实办好“十件民生实事”。(1)促进…")
# (read in normalised text, whose brackets are half-width)
_FIRST_POINT = re.compile(r"\(1\)|\(一\)|①")


def points_lead(norm: str, start: int) -> str:
    """The sentence introducing the run-in numbered points of a paragraph, one of which the
    sentence at ``start`` stands in ("今年将…扎实办好“十件民生实事”。(1)…(6)强化科技人才
    支撑,选派1200名以上科技特派员…"): what its points are; "" when it stands in none."""
    begin = norm.rfind("\n", 0, start) + 1
    first = _FIRST_POINT.search(norm, begin, start)
    if first is None or first.start() == begin:
        return ""
    lead = norm.rfind("。", begin, first.start() - 1) + 1
    return norm[max(begin, lead) : first.start()].strip(" \t\u3000")


def paragraph_title(norm: str, start: int, longest: int = 14) -> str:
    """The short sentence of one clause a paragraph opens on, its run-in title, when the
    sentence at ``start`` comes after it; "" otherwise (:func:`paragraph_topic` finds the
    nearest such sentence, wherever it stands in the paragraph)."""
    m = _SENTENCE.match(norm, norm.rfind("\n", 0, start) + 1)
    if m is None or m.end() > start:
        return ""
    title = m.group(0).strip(" \t\u3000")
    return title if _titles(title, longest) else ""


def chained(before: str, sentence: str, least: int = 3, tail: int = 12) -> bool:
    """Whether ``sentence`` takes up what the sentence ``before`` ended on ("…提交项目正式
    申报书。" / "正式申报书受理时间为34天。"): it speaks of that, in that sentence's setting."""
    end = before.rstrip("。;!? ")[-tail:]
    opening = re.match(r"[\u4e00-\u9fff]+", sentence)
    words = opening.group(0) if opening else ""
    return bool(end) and any(end.endswith(words[:n]) for n in range(len(words), least - 1, -1))


# A round mark passed ("突破1000亿元", "超过5万人"), then the exact figure ("达1112亿元").
_MARK = re.compile(r"(?:突破|超过|超|逾|迈上|跨越|跨上|站上)[^\d,;。]{0,2}\d")
_EXACT = re.compile(r"^(?:并|已)?(?:达到|达|为|至|实现)[^\d,;。]{0,2}\d")


def passes_mark(clauses: list[Clause], i: int) -> bool:
    """Whether clause ``i`` passes a round mark and the next clause of its sentence gives
    the exact figure in the same unit ("合同投资额突破1000亿元,达1112亿元")."""
    if i + 1 >= len(clauses) or clauses[i + 1].sent_start != clauses[i].sent_start:
        return False
    here, after = clauses[i].norm, clauses[i + 1].norm
    if not _MARK.search(here) or not _EXACT.match(after):
        return False
    marks, exact = numbers_in(here), numbers_in(after)
    return bool(marks and exact) and unit_of(marks[-1]) == unit_of(exact[0]) != ""


def previous_clause(clauses: list[Clause], i: int) -> str:
    """The clause before clause ``i`` in the same sentence ("" at a sentence's start)."""
    prev = clauses[i - 1] if i else None
    return prev.norm if prev is not None and prev.sent_start == clauses[i].sent_start else ""


def counted_before(clauses: list[Clause], i: int, w: ClauseWeights) -> str:
    """What a bare figure counts: the clauses before it in its sentence, back to the
    nearest one stating an amount ("30项成果获…奖,数量创历史新高,同比增长58%";
    "新增8家科技小巨人企业,同比增长300%,占…的21.62%"), at most ``w.subject_clauses``."""
    out: list[str] = []
    j = i - 1
    same = clauses[i].sent_start
    while j >= 0 and clauses[j].sent_start == same and len(out) < w.subject_clauses:
        out.insert(0, clauses[j].norm)
        # "…的大队,1979年有1622个,1980年增加到5569个": a figure of another time is a
        # sibling of the series, the metric stands before it
        sibling = _TIME_LEAD.match(clauses[j].norm) or SOURCE_ASIDE.match(clauses[j].norm)
        if any(not is_change(m) for m in numbers_in(clauses[j].norm)) and not sibling:
            break
        j -= 1
    if not out and _goes_on(clauses, i):
        return " ".join(x for x in (counted_before(clauses, i - 1, w), clauses[i - 1].norm) if x)
    # "对跨行业跨领域工业互联网平台,按…的30%予以资助,最高资助2000万元": a rule's sentence
    # opening with what it is for speaks of that in every clause
    first = i  # a sentence's clauses stand together: its first is the earliest of them
    while first and clauses[first - 1].sent_start == same:
        first -= 1
    if first < i - len(out) and _OBJECT_LEAD.match(clauses[first].norm):
        out.insert(0, clauses[first].norm)
    return " ".join(out)


def _goes_on(clauses: list[Clause], i: int) -> bool:
    """Whether clause ``i`` opens a sentence after ";" with a time and a bare figure, going
    on with the figure before it ("…机架数达到35万个;2025年底前超过45万个")."""
    if not i or not clauses[i - 1].sent_norm.endswith(";"):
        return False
    return goes_on(clauses[i].norm)


def goes_on(text: str) -> bool:
    """Whether a sentence or clause opens with a time and a bare figure ("2025年底前超过45万个")."""
    return bool(_TIME_OPENING.match(text)) and not own_subject(text)


_TIME_OPENING = re.compile(
    r"(?:到|至)?(?:19|20)\d{2}\s?年(?:底|末)?前?(?:[,，]|[\u4e00-\u9fff]{0,3}\d)"
)
_OBJECT_LEAD = re.compile(r"(?:第[一二三四五六七八九十百]+条\s*)?(?:对于?|针对)(?!外|标)")


_TIME_LEAD = re.compile(r"(?:19|20)\d{2}\s?年(?:底|末)?[有为是达增减]")


def ranked(clauses: list[Clause], i: int) -> str:
    """What a rank clause ranks: the clauses before it in its sentence, back to the
    previous rank ("R&D经费投入20.05亿元,占GDP比重达3.34%,居全市第4位")."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and clauses[j].sent_start == clauses[i].sent_start:
        if RANK_CLAUSE.search(clauses[j].norm):
            break
        out.insert(0, clauses[j].norm)
        j -= 1
    return " ".join(out)


_SHARE_OF = re.compile(r"(?:并|约|分别|其中)?占")
_SPELLED = re.compile(r"[一二两三四五六七八九十百千]{2}")  # a figure in words ("三百五十五元")
# Where a figure's source is said, set off between its subject and the figure ("社办的…组织,
# 据十二个省的不完全统计,有七千六百九十个"): an aside, neither what is counted nor a figure.
SOURCE_ASIDE = re.compile(r"^据[^,;。]{0,24}(?:统计|测算|调查|普查|估计|估算)$")


@lru_cache(maxsize=1 << 16)  # (a clause is read again by the next question asking of it)
def own_subject(clause_norm: str) -> bool:
    """Whether a clause names what its figure counts (several words before the number).

    A rank ("绝对值居全省第一") ranks the figure of the clause before: never its own;
    nor does a share ("占杭州市总认定数的21.62%"): its words name the whole, not the part.
    """
    if RANK_CLAUSE.search(clause_norm) or _SHARE_OF.match(clause_norm):
        return False
    m = re.search(r"\d", clause_norm)
    # (an older report's figure is written in words: "有七千六百九十个")
    spelled = next((n for n in numbers_in(clause_norm) if _SPELLED.match(n.group(0))), None)
    at = min(x.start() for x in (m, spelled) if x is not None) if m or spelled else None
    before = clause_norm[:at] if at is not None else clause_norm
    before = _FROM_LAST_TAIL.sub("", _VERB_TAIL.sub("", _BARE.sub("", before)))
    return len(re.findall(r"[\u4e00-\u9fff]", before)) >= 5
