"""What a list question names, and how well a list names it: the count phrase ("三张清单"),
words quoted ("哪几个“聚力”", "“十大工程”"), and the words that only say which document (its
title's, the name it is called by); the noun asked for ("哪些产业链") is
:mod:`answer.list_nouns`'. :mod:`answer.lists` scores enumerations with them."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from answer.list_items import last_heading
from answer.list_nouns import IN_SENTENCE, asked_noun, asked_vague, ends_on, head_words
from answer.named_words import nicknamed_as
from answer.policy import CONFIG
from answer.signals import Signals, Term, canon
from answer.wh_frame import noun_head
from corpus.doc_kinds import kind_of
from corpus.enumerations import Enumeration
from corpus.metadata import CITED_TITLE
from corpus.model import Document
from corpus.normalize import normalize
from corpus.numerals import cn_number, cn_value
from corpus.phrase_lists import SERIES_COUNT
from retrieval.naming import described_in, names_document
from retrieval.query import Query

WEIGHTS = CONFIG.lists
_ASKED_COUNT = re.compile(
    # (not an ordinal: "第三部分" counts nothing; nor the last digits of a larger count:
    # "120个大型项目" are no 20)
    r"(?<![第\d])([两二三四五六七八九十]|\d{1,2})[\"“]?(张|大|个|项|类|种|条|支|方面|座|家|所|批|化|重|链|场|件|点|块|部|样)[\"”]?"
    r"([\u4e00-\u9fff]{0,6})"
)


def bare_count(qnorm: str) -> bool:
    """Whether the question asks a count with nothing counted after it ("都有哪十个") and
    names no count phrase of what it counts ("“六大”行动…是哪六个", "三张清单")."""
    found = list(_ASKED_COUNT.finditer(qnorm))
    asked = [m for m in found if qnorm[m.start() - 1 : m.start()] == "哪"]
    named = [m for m in found if m not in asked and m.group(3)]
    return any(not m.group(3) for m in asked) and not named


def count_fit(q: Query, en: Enumeration, items: list[str], intro: str = "") -> float:
    """1 when the question's "三张清单" is this list's count and noun; 0.5 for the count only.

    The noun is the list's when its head names it ("…“三张清单”"), every item
    does ("(一)实施…行动" … "(六)实施…行动" for "六大行动"), or the words before
    its sub-headings write the count phrase whole ("打好“十大战役”" for "十大战役").
    """
    best = 0.0
    for m in _ASKED_COUNT.finditer(q.norm):
        if cn_number(m.group(1)) != len(en.items):
            continue
        if _quoted_name(q.norm, m):
            continue
        # The head noun of "三张清单是什么", "六大行动具体是哪六个": before the asking words.
        # "哪三个方面入手的": the nouns right after the counter, not the verb that follows.
        words = re.split(r"是|有|包括|指|具体|分别|都|哪", m.group(3))[0]
        whole = noun_head(words) or words
        noun = whole[-2:]
        # Items that each name the noun ("(一)实施…行动" for "六大行动"), or the count phrase
        # next to them, make the list of them; a heading above that names the noun may head
        # some other list of as many.
        by_items = bool(whole) and bool(items) and all(whole in i for i in items)
        # An inline list's head is its section path and the words before its items; only
        # those words are its own ("…优势产业集聚区" in the path names no list of 产业).
        own_head = head_words(en)
        inline = en.kind in IN_SENTENCE
        by_head = bool(noun) and noun in (own_head if inline else en.head)
        if inline and by_head and whole not in own_head and _qualified(own_head, noun):
            by_head = False  # "…等传统产业转型升级" is no list of the 未来产业 asked
        # …or the sentence right before run-in points ("要重点把握三个方面:" then 一是…)
        before = intro if en.kind == "headings" else own_head
        by_intro = bool(noun) and f"{m.group(1)}{m.group(2)}{noun}" in before
        if not by_items and _counts_other(en, own_head, whole):
            continue  # "…4条廊道" is a list of 廊道, whatever else comes four at a time
        # (sub-headings under their own heading naming the noun: "二、首批示范应用场景" over
        # "(一)智慧农场。" … "(十)智能供应链。" for "首批十个场景")
        by_parent = en.kind == "headings" and bool(noun) and noun in last_heading(en)
        own = by_items or by_intro or (by_head and inline) or by_parent
        fit = 1.0 if own else WEIGHTS.count_by_head if by_head else 0.5
        best = max(best, fit)
    return max(best, _counter_fit(q.norm, en), _quoted_asked(q.norm, en, items))


def _quoted_asked(qnorm: str, en: Enumeration, items: list[str]) -> float:
    """1 when the question asks the members of a count name it quotes ("“四聚”是哪四个区域",
    not "加快“三化”下面分了哪几块") and the list's own head quotes it ("(一)“四聚”。", not a
    section heading above it), or the name is its items' shared frame with the count for
    what differs ("“五向图强”": 向种图强, 向海图强…), the list holding as many items as it
    counts; else 0."""
    for m in _QUOTED_COUNT.finditer(qnorm):
        after = qnorm[m.end() :]
        asked = _ASKED_AFTER.match(after) or _asked_before(qnorm, m.start() + 1, m.group(2))
        if not asked or cn_number(m.group(2)) != len(en.items):
            continue
        if m.group(0) in head_words(en) or _frames(m.group(1)[len(m.group(2)) :], items):
            return 1.0
    return 0.0


def _frames(rest: str, items: list[str]) -> bool:
    """Whether every item is ``rest`` with something put in at one same place, two or more
    characters of it kept ("向图强": "向种图强", "向海图强")."""
    if len(rest) < 2 or not items:
        return False
    return any(
        all(len(i) > len(rest) and i.startswith(rest[:k]) and i.endswith(rest[k:]) for i in items)
        for k in range(len(rest) + 1)
    )


# "系统层级分哪几层", "分几级": a counter of its own asked, no number given.
# ("关键技术标准分哪几部分": a noun of parts, which only a list counted by it writes)
_ASKED_COUNTER = re.compile(r"(?:哪|分)几个?(部分|方面|板块|大类|[\u4e00-\u9fff])")
# Counters every kind of list is counted by: they tell no list apart.
_ANY_LIST = frozenset("个项条点种类部块方大")


def _counter_fit(qnorm: str, en: Enumeration) -> float:
    """1 when the question asks a specific counter ("哪几层") and an in-sentence list is
    counted by it, as many as its items, right before them ("共五层,分别为设备层、…") or
    right after them ("A、B…F等6个方面试点示范培育行动"); or the sentence before run-in points
    counts them so ("…3方面11项重点任务。")."""
    asked = _ASKED_COUNTER.search(qnorm)
    if asked is None or asked.group(1) in _ANY_LIST:
        return 0.0
    count = rf"([两二三四五六七八九十]|\d{{1,2}})个?{asked.group(1)}"
    if en.kind not in IN_SENTENCE:
        # points the sentence before them counts by it ("…明确了A、B、C3方面11项重点任务。"
        # then 一是…二是…三是…)
        # (of the thing the question asks divided: "…3方面11项重点任务" for 重点任务分为哪几个
        # 方面, not "重点抓好以下八个方面工作" for every 哪几方面 asked)
        intro = en.head[len(en.section) :]
        said = re.search(count, intro)
        if said is None or cn_number(said.group(1)) != len(en.items):
            return 0.0
        of = _COUNTED_BY.sub("", re.split(r"[,;。:]", intro[said.end() :])[0]).lstrip("的")
        words = _REPORT_NAMED.sub(" ", qnorm)  # (a 政府工作报告 named asks of no 工作)
        return 1.0 if _named_share(of, words) >= 0.5 else 0.0
    own = head_words(en).strip()
    counted = re.search(f"{count}$", own)
    after = re.match(f"等?{count}", own) if len(asked.group(1)) > 1 else None
    if after and _named_share(own[after.end() :], qnorm) >= 0.5:
        counted = after  # …the question naming what they are 方面 of (试点示范培育)
    return 1.0 if counted and cn_number(counted.group(1)) == len(en.items) else 0.0


_COUNTED_BY = re.compile(r"[\d两二三四五六七八九十]+[项个条类大]")  # "11项" of "11项重点任务"
_REPORT_NAMED = re.compile(r"(?:政府)?工作报告|报告")


def _named_share(words: str, qnorm: str) -> float:
    """Share of the two-character pieces of ``words`` that the question writes."""
    pieces = [words[i : i + 2] for i in range(len(words) - 1)]
    return sum(p in qnorm for p in pieces) / len(pieces) if pieces else 0.0


def _qualified(own_head: str, noun: str) -> bool:
    """Whether a list's own words qualify the noun counted ("等传统产业": 传统 产业)."""
    return re.search(rf"[\u4e00-\u9fff]{{2}}{re.escape(noun)}", own_head) is not None


def _quoted_name(qnorm: str, m: re.Match[str]) -> bool:
    """Whether a count phrase is a quoted name the question describes by ("加快“三化”下面
    分了哪几块"), not what it asks ("“五大战役”是哪些", "“九大产业”集群,是哪九个")."""
    if m.start() == 0 or qnorm[m.start() - 1] not in '"“':
        return False
    close = qnorm.find('"', m.start())
    after = qnorm[close + 1 :] if close >= 0 else qnorm[m.end() :]
    return not _ASKED_AFTER.match(after) and not _asked_before(qnorm, m.start(), m.group(1))


def _asked_before(qnorm: str, at: int, count: str) -> bool:
    """Whether 哪 asks the count phrase at ``at`` ("哪五个", or its quote opened right
    after it: "要强化哪“五大布局”")."""
    return f"哪{count}" in qnorm or qnorm[max(at - 2, 0) : at] in ('哪"', "哪“")


# What asks right after a quoted count phrase ("“五大战役”是哪些", "…”具体指什么")
# (the noun counted may stand between: "“六大”行动分别是什么"; "…”下面分了哪几块" asks what
# stands under it)
_ASKED_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?,?(?:都|具体|分别|究竟|又)?(?:是|指|包括|包含|分为|分成)"
)


def _counts_other(en: Enumeration, own_head: str, noun: str) -> bool:
    """Whether a list's own words end on its count and a noun other than the one asked
    ("A、B、C、D4条廊道" when 定位 are asked; "全力打造四大千亿产业集群。" then four points,
    when 四大未来产业 are)."""
    if not noun:
        return False
    m = _OWN_COUNT.search(own_head.rstrip("。: "))
    # (the counter may be the noun: "六个方面推进…" counts 方面)
    named = m.group(2) + m.group(3) if m else ""
    return m is not None and cn_number(m.group(1)) == len(en.items) and noun not in named


_OWN_COUNT = re.compile(rf"{SERIES_COUNT}([\u4e00-\u9fff]{{2,6}})$")


# A count phrase quoted ("“十大工程”", "“三张清单”"): the name of a list of that many.
_QUOTED_COUNT = re.compile(r"\"(([两二三四五六七八九十]|\d{1,2})[^\"]{1,10})\"")


def writes_quoted(qnorm: str, own: str, n_items: int) -> bool:
    """Whether a list of ``n_items`` has its head or intro write, in quotes, a count phrase
    the question quotes and counts as many ("加快实施“十大工程”" for "“十大工程”都是哪些")."""
    return any(
        cn_number(m.group(2)) == n_items and f'"{m.group(1)}"' in own
        for m in _QUOTED_COUNT.finditer(qnorm)
    )


# What a document's own parts are called ("分成哪几大块", "有哪几部分", "讲了哪几个方面",
# "分成了哪几大类").
_PART_WORDS = re.compile(r"(?:块|部分|方面|章|篇|节|条|点|内容|类|类别)$")


def asks_own_parts(qnorm: str) -> bool:
    """Whether a list question naming only its document asks for the document's own parts:
    it asks for no thing of its own, only parts ("…有哪几部分", "…分成哪几大块") or the
    document ("…方案分了哪几个方面"); "…行动计划有哪些创新行动" asks for actions, which its
    parts ("主要目标、重点任务") are not."""
    noun = asked_noun(qnorm)
    return not noun or bool(_PART_WORDS.search(noun)) or bool(kind_of(noun))


# A whole by its count and noun ("120个大型项目"), in the question or right before the
# parts a list holds ("…一百二十个大型项目,其中有十大钢铁基地,…").
_WHOLE = (
    r"(\d{1,5}|[一二两三四五六七八九十百千零]+)(?:个|项|家|所|座|条|批|类|种)"
    r"([\u4e00-\u9fff]{2,8}?)"
)
_WHOLE_ASKED = re.compile(_WHOLE + r"(?=(?:都|具体|主要|分别)*(?:包括|包含|有哪|是哪|是什么))")
_WHOLE_BEFORE_PARTS = re.compile(_WHOLE + r",?(?:其中有|其中包括|其中|包括)$")


def whole_named(qnorm: str, head: str) -> bool:
    """Whether the question names, by its count and noun, the whole whose parts the list
    holds ("…的120个大型项目具体包括哪些": its head ends "一百二十个大型项目,其中有"): the
    list is what the whole is made of, however many its parts."""
    before = _WHOLE_BEFORE_PARTS.search(head)
    if before is None:
        return False
    count = _count_of(before.group(1))
    return any(
        _count_of(m.group(1)) == count and m.group(2)[-2:] == before.group(2)[-2:]
        for m in _WHOLE_ASKED.finditer(qnorm)
    )


def _count_of(written: str) -> float | None:
    return float(written) if written.isdigit() else cn_value(written)


def miscounted(qnorm: str, n: int) -> bool:
    """Whether a list of ``n`` items cannot be the one the question counts ("四大未来产业是哪
    些": four, not three; not fewer than ``counted_share`` of them, nor more). Only a
    count of what is asked counts ("十方面民生实事里,医疗卫生方面要办哪几件" asks no ten)."""
    asked = [c for c, _ in counts_asked(qnorm)]
    share = WEIGHTS.counted_share
    return bool(asked) and not any(math.ceil(share * c) <= n <= c for c in asked)


def counted_part(counts: Sequence[tuple[int, str]], doc: Document, en: Enumeration) -> Enumeration:
    """The items of a list the question counts when the list holds more ("六大产业基地是哪
    六个" of a part's seven paragraph leads, six of them "加快建设…基地"): those ending on the
    noun counted, when exactly as many as counted; else the list as it is. ``counts``: the
    question's (:func:`counts_asked`)."""
    for count, noun in counts:
        if len(en.items) <= count or len(noun) < 2:
            continue
        ending = canon(noun)[-2:]
        kept = tuple(i for i in en.items if ends_on(doc, i, ending))
        if len(kept) == count:
            return replace(en, items=kept)
    return en


def counts_asked(qnorm: str) -> list[tuple[int, str]]:
    """Each count the question asks of, two or more, with the noun it counts ("四大未来产业是
    哪些": 4, 未来产业); a quoted name's count or one no ask follows is none. The numbering
    of the points asked counts them too ("(第一到第六)", "(一是到八是)": 6, 8; no noun)."""
    counted = [
        (count, _ASKING.split(m.group(3))[0])
        for m in _ASKED_COUNT.finditer(qnorm)
        if not _quoted_name(qnorm, m)
        and _COUNT_ASKED.match(qnorm, m.end(2))
        and (count := cn_number(m.group(1))) >= 2
    ]
    numbered = [
        (last, "")
        for m in _NUMBERED_SPAN.finditer(qnorm)
        if cn_number(m.group(1) or m.group(2)) == 1
        and (last := cn_number(m.group(3) or m.group(4))) >= 2
    ]
    return counted + numbered


# "(第一到第六)", "(一是到八是)": the first and last of the points asked, by their numbers
# (a 第 before or a 是/条/点/项 after each: "1到3年" is a span of time)
_NUMERAL = r"[一二三四五六七八九十\d]{1,3}"
_NUMBERED_SPAN = re.compile(
    rf"(?:第({_NUMERAL})|({_NUMERAL})(?:是|条|点|项))(?:到|至|~)"
    rf"(?:第({_NUMERAL})|({_NUMERAL})(?:是|条|点|项))"
)


# What asks right after the count and its noun ("四大未来产业是哪些", "三张清单有哪些")
_ASK_WORDS = "是|有|包括|分别|具体|都|指|哪"
_ASKING = re.compile(_ASK_WORDS)
_COUNT_ASKED = re.compile(rf"[\"”]?[\u4e00-\u9fff]{{0,12}}?[\"”]?(?:{_ASK_WORDS})")


# Who issued a document, said before its name ("工信部等部门印发的《…》", "住建部发布的").
_ISSUED_BY = re.compile(
    r"([^,;。?]{2,20}?(?:联合)?(?:印发|发布|出台|下发|制定|发))的(?:那份|这份)?"
)


_STATUS_AFTER = re.compile(r"\([^()]{1,16}\)")


def without_title_words(sig: Signals, doc: Document, q: Query) -> tuple[Signals, bool]:
    """The question's words less those its document's title holds whole, or the name the
    question calls the document by (when that name is this document's), and whether
    nothing else is left.

    "瓯海科技局自己总结的存在问题有哪些": 科技局 and 总结 say which document,
    not what the list is of; "青岛支持工业互联网平台的措施分了哪几大块" names only
    the document (by its title's words or by a name): its own parts are the list.
    """
    # As written and canonical: 科技局 is canonically 科学技术局, which holds no 科技.
    # (…with whom it is addressed to, above its first heading: "刘庆峰等15位代表:")
    written = f"{normalize(doc.title)} {_addressees(doc)}"
    title = f"{written} {canon(written)}"
    named = names_document(q.doc_name, doc) or described_in(q.doc_name, doc)
    # (…or by a statement of it the question quotes: "提出“…”的那版…指南")
    named = named or any(nicknamed_as(q.norm, n, doc) for n in re.findall(r'"([^"]+)"', q.doc_name))
    # (…with its status in brackets, quoted or right after it: "《…指南(二次征求意见稿)》",
    # "…指南(2021版征求意见稿)…")
    at = q.norm.find(q.doc_name) if q.doc_name else -1
    status = _STATUS_AFTER.match(q.norm, at + len(q.doc_name)) if at >= 0 else None
    quoted = next((t[1:-1] for t in CITED_TITLE.findall(q.norm) if q.doc_name in t), q.doc_name)
    name = f"{canon(quoted)} {canon(status.group(0)) if status else ''}" if named else ""
    # …and who issued it, as the question says before its name ("工信部等部门印发的《…》")
    issued = _ISSUED_BY.search(q.norm)
    if named and issued and q.norm.find(q.doc_name, issued.end()) - issued.end() <= 1:
        name = f"{name} {canon(issued.group(1))}"

    def names_it(t: Term) -> bool:
        return t.text in title or t.text in name

    # Nothing else left: the question names only the document (when it has words at all),
    # and asks by a noun naming no kind of thing ("…那份通知,一共提了哪几方面举措").
    vague = canon(asked_vague(q.norm))
    only_named = bool(sig.terms) and all(names_it(t) or t.text == vague for t in sig.terms)
    return sig.keeping(lambda t: not names_it(t)), only_named


def _addressees(doc: Document) -> str:
    """The short lines above a document's first heading that say whom it is addressed to
    (ending on a colon: "刘庆峰等15位代表:"), normalised."""
    first = next((sec.start for sec in doc.sections if sec.heading), len(doc.norm))
    lines = (x.strip() for x in doc.norm[:first].split("\n"))
    return " ".join(x for x in lines if x.endswith(":") and len(x) <= WEIGHTS.head_line)


# What a list excludes ("有下列情况之一的企业不得申报"), and a question asking for it
# ("哪些情况的企业不能申报").
_NEGATED = re.compile(r"不得|不能|不予|不可|不准|不应|严禁|禁止|不属于|不纳入|不再")


def same_polarity(qnorm: str, lead_text: str) -> bool:
    """Whether a list's lead excludes (不得…) as the question asks what is excluded, or
    neither does."""
    return bool(_NEGATED.search(qnorm)) == bool(_NEGATED.search(lead_text))
