"""What a list question asks for, its noun ("哪些产业链", "推进措施有哪几条"), and whether
a list is of it: its items name it, its series closes on it ("…等功能"), or its heading ends
with it. :mod:`answer.list_names` reads counts and titles; :mod:`answer.lists` scores."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from answer.question_words import FUNCTION_CHARS
from answer.signals import Signals, canon
from corpus.enumerations import NUMBER_PREFIX, Enumeration, Item
from corpus.model import Document
from corpus.normalize import normalize
from corpus.numerals import cn_number
from index.text import verbs
from retrieval.query import Query

# Lists read inside one sentence: their head is the words before their items, not a heading.
IN_SENTENCE = ("inline", "alike")


def head_words(en: Enumeration) -> str:
    """A list's own head: its head without the section path it starts with (an inline
    list's words before its items, a run-in list's intro)."""
    return en.head[len(en.section) :] if en.head.startswith(en.section) else en.head


# What a list question asks for: the noun after its asking word ("哪些产业链", "哪几类智能
# 产品") or before it ("推进措施有哪几条", "重点工作分了哪几块").
# (…maybe quoted: "哪几个“聚焦”"; or counted as the asker knows: "哪六大行动", "哪3项任务")
_NOUN_AFTER = re.compile(
    # (the count quoted, as reports name their sets: 哪“六大”行动)
    r"哪\"?(?:些|几|[两二三四五六七八九十]{1,2}|\d{1,2})大?[个条项类种大块件家所点部批]?"
    r"\"?([\u4e00-\u9fff]{2,8}?)\"?"
    r"(?=$|[?,。;!]|是|有|要|在|都|呢|吗|分别|具体|可以"
    # (…or what is done in or to them: "在哪些领域让智能化水平显著提升", "哪些企业能享受")
    r"|让|使|能|会|将|把|被|对)"
)
_NOUN_BEFORE = re.compile(
    # "培养方向建议分哪几类": a hedge (建议, 可) between the noun and how it is divided
    r"([\u4e00-\u9fff]{2,4})(?:都|主要|具体|一共|建议|可以|可)?(?:有|是|包括|分为|分了|分成|分)(?:哪些|哪几)"
)
# Nouns that name no kind of thing ("哪几方面", "哪些内容").
_VAGUE_NOUNS = frozenset("方面 部分 内容 东西 事情 事项 地方 情况 举措 措施 工作".split())


# The count asked with the asking word ("哪六大行动", "哪6种装备").
_COUNTED_ASK = re.compile(r"哪\"?([两二三四五六七八九十]{1,2}|\d{1,2})")


def asked_size(qnorm: str) -> int | None:
    """How many things the question asks for when it counts them as it asks ("哪六大行动":
    6); None when it does not ("哪几大行动", "六大行动是哪些")."""
    m = _COUNTED_ASK.search(qnorm)
    return cn_number(m.group(1)) if m else None


@lru_cache(maxsize=1024)
def asked_noun(qnorm: str) -> str:
    """The noun naming what a list question asks for ("" when it names none; read once a
    question, though every list scored for it asks)."""
    for pattern in (_NOUN_AFTER, _NOUN_BEFORE):
        m = pattern.search(qnorm)
        # "要达到的目标有哪几条": the noun after its description's 的 (not "方面的问题",
        # a vague noun's)
        noun = m.group(1).lstrip("的") if m else ""
        if "的" in noun and not noun.startswith(tuple(_VAGUE_NOUNS)):
            noun = noun.rsplit("的", 1)[-1]
        # "哪几方面建设": the kind of thing after a vague counter is asked (not "方面的问题")
        vague = next((v for v in _VAGUE_NOUNS if noun.startswith(v)), "")
        after = pattern is _NOUN_AFTER
        if after and vague and "的" not in noun and noun[len(vague) :] not in _VAGUE_NOUNS:
            noun = noun[len(vague) :]
        if (
            len(noun) >= 2
            and not noun.startswith(tuple(_VAGUE_NOUNS))
            and noun[0] not in FUNCTION_CHARS
        ):
            return noun
    return ""


# "以下重点方向", "下列七个方面": the points that follow announced by what they are
_ANNOUNCED = r"(?:以下|下列|如下)(?:[几两二三四五六七八九十\d]{1,2}[个类项条大])?"
_MODIFIER = r"[\u4e00-\u9fff]{0,4}?"  # words qualifying the noun announced ("基本")


# A verb opening a heading's name: one thing it names ("实施…行动", "打造…高地").
_ONE_THING = re.compile(r"实施|推进|推动|建设|打造|开展|加快|深化|强化|构建|培育|提升|做强")


# (…after a comma and how generally it holds: "…外部环境条件,一般包括")
_INCLUDES = r",?(?:应|均|主要|可|还|至少|一般|通常)?(?:包括|包含|涵盖)[:]?$"


def _holds(item: str, noun: str, ending: bool) -> bool:
    """Whether an item names the noun (``ending``: ends on it)."""
    return item.rstrip("。").endswith(noun) if ending else noun in item


# The noun closing a series ("…等制度"), two characters or more.
_CLOSING = re.compile(r"等([\u4e00-\u9fff]{2,})\s*$")


def each_is(noun: str, items: list[str]) -> bool:
    """Whether every item is the (canonical) noun a question lists, ending on it
    ("(一)基础通用标准子体系" … for "哪几大类标准子体系"; not points each mentioning 数据 for
    "记录哪些数据")."""
    return bool(noun) and bool(items) and all(canon(i).rstrip("。").endswith(noun) for i in items)


def noun_fit(q: Query, en: Enumeration, items: list[str]) -> float:
    """1 when every item names what the question lists ("(一)新一代信息技术产业链" for
    "哪些产业链") or the list's own heading ends with it ("三、推进措施" for "推进措施有哪几条")."""
    # "哪几个“更”", "哪几个“注重”": a word quoted alone is what every item carries
    # ("就业更充分", "注重党建赋能").
    marks = re.findall(r"\"([\u4e00-\u9fff]{1,3})\"", q.norm)
    if marks and items and all(m in i for m in marks for i in items):
        return 1.0
    if en.kind not in IN_SENTENCE and announced_as_asked(q.norm, head_words(en)):
        return 1.0
    noun = canon(asked_noun(q.norm))
    if not noun:
        return 0.0
    # (clauses ending alike, "加快甲自贸区谈判,推动乙自贸区谈判", are of what they end on)
    alike = en.kind == "alike"
    if items and all(_holds(canon(i), noun, alike) for i in items):
        return 1.0
    # "A、B、C等功能" (corpus.phrase_lists.kind_series): the noun closing the series, or
    # the bare noun the asker's names more fully, after the question's own verb
    # ("完善“揭榜挂帅”“赛马制”等制度" for 要完善哪些科研项目组织制度; not "聚焦A、B等领域"
    # for 攻坚战分哪几个技术领域)
    closing = _CLOSING.search(canon(normalize(en.head))) if en.kind == "inline" else None
    if closing and noun.endswith(closing.group(1)):
        lead = closing.string[: closing.start()]
        asked = (v for v in verbs(q.norm) if len(v) >= 2)  # (jieba, loaded by the index)
        if noun == closing.group(1) or any(verb in lead for verb in asked):
            return 1.0
    # "实施A、B、C、D计划" (corpus.modifier_series.shared_word_series): the noun closing the
    # last phrase, written once for all, after the list's own words
    tail = head_words(en).rsplit(" ", 1)[-1] if en.kind == "inline" else ""
    if len(tail) >= 2 and items and items[-1].endswith(tail) and noun.endswith(canon(tail)):
        return 1.0
    # "记录的数据应包括A、B、C等" (corpus.phrase_lists.colon_series): the noun the verb of
    # inclusion follows
    if en.kind == "inline" and re.search(
        re.escape(noun) + _INCLUDES, canon(normalize(en.head)).rstrip()
    ):
        return 1.0
    # "哪些重点工程": items that all end with its head noun (…课程普及工程, …基础建设工程).
    # (not when one of them is the noun itself: "传统产业、新兴产业、未来产业" are kinds
    # beside 未来产业, not 未来产业)
    head, written = noun[-2:], [canon(i).rstrip("。") for i in items]
    headed = bool(written) and all(e.endswith(head) for e in written)
    if len(noun) >= 4 and headed and not any(e.endswith(noun) for e in written):
        return 1.0
    # Points run in after an intro announcing them by it ("…治理整顿所要达到的目标:" then
    # (一)…, "申报主体围绕以下重点方向,开展…")
    if en.kind not in IN_SENTENCE:
        intro = canon(head_words(en))
        # (a modifier may stand between: "应遵循以下基本伦理规范" for 伦理规范)
        announced = _ANNOUNCED + _MODIFIER + re.escape(noun)
        if intro.rstrip().endswith(f"{noun}:") or re.search(announced, intro):
            return 1.0
    last = en.section.rsplit(" > ", 1)[-1] if en.section and en.kind not in IN_SENTENCE else ""
    # The heading is of that thing when it ends with it, not when it only mentions it
    # ("(一)实施重大科创平台提能造峰行动" lists actions, not 重大科创平台).
    # Nor when it names one such thing, a verb leading its name ("(一)实施科技创新攻关行动"
    # lists the measures of that one action, not actions).
    heading = canon(NUMBER_PREFIX.sub("", normalize(last))).rstrip("。")
    lead = heading[: len(heading) - len(noun)]
    verb = _ONE_THING.match(lead)
    # …with a name of its own between verb and noun ("二、培育智能产品" lists products)
    one = verb is not None and len(lead) - verb.end() >= 2
    # A heading of two things ("二、先导领域和方向") is of either.
    ends = heading.endswith(noun) or any(p.endswith(noun) for p in re.split("和|与|及", heading))
    return 1.0 if ends and not one else 0.0


# A sentence announcing the points after it, by what is done ("主要做了以下工作。")
_ANNOUNCING_VERB = re.compile(rf"([\u4e00-\u9fff]{{2,4}}){_ANNOUNCED}")


def announced_as_asked(qnorm: str, intro: str) -> bool:
    """Whether the list's intro announces its points with the words the question asks them
    with, 以下 standing where the question writes 哪 ("主要做了以下工作。" for "回顾2021年,主要
    做了哪几方面工作"): at least two characters, a verb's, right before each."""
    asked = qnorm.find("哪")
    if asked < 2:
        return False
    before = qnorm[:asked]
    return any(
        before.endswith(m.group(1)[-k:])
        for m in _ANNOUNCING_VERB.finditer(intro)
        for k in range(2, len(m.group(1)) + 1)
        if not FUNCTION_CHARS.issuperset(m.group(1)[-k:])
    )


def asks_their_ending(qnorm: str, items: list[str]) -> bool:
    """Whether the question asks for things by the word every item ends on ("要提升物流哪
    几方面的水平": "物流设施设备智能化水平,物流作业单元化水平,…"): a word of two or more
    characters closing the items' shared ending, written after the question's 哪 or 什么."""
    if len(items) < 2:
        return False
    shared = _shared_ending([t.rstrip("。;,") for t in items])
    asked = re.search(r"(?:哪|什么)([^,;?]{0,8})", qnorm)
    return asked is not None and any(shared[k:] in asked.group(1) for k in range(len(shared) - 1))


def _shared_ending(texts: list[str]) -> str:
    """The characters every text ends with."""
    ending = ""
    for chars in zip(*(t[::-1] for t in texts), strict=False):
        if len(set(chars)) > 1:
            break
        ending = chars[0] + ending
    return ending


@lru_cache(maxsize=1024)
def asked_vague(qnorm: str) -> str:
    """The noun naming no kind of thing a list question counts with, its last when there are
    two ("哪几条措施": 措施, "哪几方面举措": 举措), or "": what every list's items are."""
    m = _NOUN_AFTER.search(qnorm)
    rest, last = (m.group(1) if m else ""), ""
    while vague := next((v for v in _VAGUE_NOUNS if rest.startswith(v)), ""):
        rest, last = rest[len(vague) :], vague
    return last if not rest else ""


def without_noun(sig: Signals, noun: str) -> Signals:
    """The question's words but the noun it asks for (all of them when nothing else)."""
    asked = canon(noun)
    return sig.keeping(lambda t: t.text != asked) if asked else sig


def ends_on(doc: Document, item: Item, ending: str) -> bool:
    """Whether an item's words (canonical, its closing mark aside) end with ``ending``."""
    return canon(doc.norm[item.start : item.end]).rstrip("。").endswith(ending)


# Lists of paragraph or clause leads read across a part, which may run on into another
# point's leads ("着力构建新型城乡关系" … then "着力建设勤奋早起的政府" …).
_RUN_ON_KINDS = ("lead", "alike")
MIN_NOUN_RUN = 3


def noun_part(noun: str, doc: Document, en: Enumeration) -> Enumeration:
    """The one run of consecutive leads ending on the noun asked ("哪几种政府": the five
    "着力建设…的政府" of seven "着力…" leads), when a lead list holds it and more; else
    the list as it is."""
    if en.kind not in _RUN_ON_KINDS or len(noun) < 2:
        return en
    ends = [ends_on(doc, i, canon(noun)) for i in en.items]
    runs = re.findall(r"1+", "".join("1" if e else "0" for e in ends))
    if all(ends) or len(runs) != 1 or len(runs[0]) < MIN_NOUN_RUN:
        return en
    first = ends.index(True)
    return replace(en, items=en.items[first : first + len(runs[0])])
