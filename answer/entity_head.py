"""Head nouns of names: a name found by the head noun a question asks with ("哪所大学" →
…大学), a name's end carried past that head noun when the sentence writes it right after the
name, whether a name ends as names of the asked kind do, where a name read past its head
ends, and the one place of the asked level a place question wants."""

from __future__ import annotations

import re

from answer.extract import MAX_SPAN
from answer.wh_frame import HEAD_FORMS, HEAD_SUFFIX, HEADS, subject_nouns, wh_frame
from corpus.places import find_places
from retrieval.query import WHERE_ASKED

# Verbs that name what an office, a system or a centre does, inside its name.
_NAME_VERBS = frozenset(
    "推进 管理 注册 服务 促进 监督 协调 领导 评审 检测 认证 交易 运营 保障 审核 监测 调度"
    " 指挥 执法 申报 推广 转化 孵化 检验 评估".split()
)
# Parts of speech a name is made of (nouns, places, organisations, foreign words, numbers).
_NAME_TAGS = ("n", "j", "eng", "m", "vn")  # vn: 教育研究院, 发展中心
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_JOINING = frozenset("及和与")  # conjunctions inside a name of two things
# A short gloss in brackets inside a name, a place or a name ("咸宁(武汉)离岸科创园")
_GLOSS = re.compile(r"\([\u4e00-\u9fff]{2,8}\)")


def headed_name(head: str, sent: str) -> tuple[int, int] | None:
    """The one name in a sentence ending with ``head``, the head noun a single wh-phrase
    asks with (:func:`question_head`), when names carry that noun ("哪所大学": "落实西湖大学
    财政补助资金" → 西湖大学); of several, the one named most often; None when there is none
    or no such one."""
    ending = HEAD_SUFFIX.search(head) if head else None
    if ending is None or not HEADS[ending.group(0)]:
        return None
    noun = ending.group(0)
    from index.text import pos_tags

    found: dict[str, list[tuple[int, int]]] = {}
    at, start = 0, 0  # offset of the word, and where the name it may end began
    gloss = 0  # where a bracketed gloss inside the name ends ("咸宁(武汉)离岸科创园")
    for word, flag in pos_tags(sent):
        # Domain words of the dictionary come tagged "x", as marks do.
        # A verb naming what a body does is part of its name ("信息化推进办公室",
        # "智能体育案例注册管理系统"); another verb ends the name before it.
        # …and so is a word opening the head asked ("通用" of 通用机场: "庆云通用机场")
        inner = (word in _NAME_VERBS or sent.startswith(head, at)) and at > start
        opened = _GLOSS.match(sent, at) if word == "(" and at > start else None
        gloss = opened.end() if opened else gloss
        inner = inner or at < gloss
        # A 及 or 和 after words carrying no head of their own joins them to the name
        # ("甘薯及特色豆科作物省重点实验室"); after a name ("甲大学与乙大学") it ends it.
        joined = flag == "c" and word in _JOINING and at > start
        inner = inner or (joined and HEAD_SUFFIX.search(sent[start:at]) is None)
        if not inner and not (
            flag.startswith(_NAME_TAGS) or (flag == "x" and _WORDLIKE.search(word))
        ):
            start = at + len(word)
        elif word.endswith(HEAD_FORMS.get(noun, (noun,))) and at + len(word) - start > len(noun):
            found.setdefault(sent[start : at + len(word)], []).append((start, at + len(word)))
        at += len(word)
    # Of several, those ending on the whole head asked ("哪个研发中心": 研发中心, not
    # another 中心), then the one the sentence is about: named more often than any other.
    whole = {k: v for k, v in found.items() if len(head) > len(noun) and k.endswith(head)}
    found = whole or found
    counts = sorted((len(v) for v in found.values()), reverse=True)
    if not counts or (len(counts) > 1 and counts[0] == counts[1]):
        return None
    return max(found.values(), key=len)[0]


# The level of place a head noun asks for ("在哪个城市办的": a city); None: any place.
_PLACE_LEVELS: dict[str, tuple[str, ...] | None] = {
    "城市": ("city",),
    "省": ("province",),
    "省份": ("province",),
    "县": ("county",),
    "地方": None,
    "地区": None,
}


def asked_place(head: str, sent: str, qnorm: str = "") -> tuple[int, int] | None:
    """Where a place question's answer stands ("哪个城市" in "…博览会在浙江宁波举办" →
    宁波): the one place of the asked level the sentence names, however often, other than
    the places the question itself names (its scope); None when the head asks no place, or
    the sentence names none or several of that level."""
    if head not in _PLACE_LEVELS:
        return None
    levels = _PLACE_LEVELS[head]
    asked = {p.name for _, _, p in find_places(qnorm)}
    found = [
        (s, e, p)
        for s, e, p in find_places(sent)
        if (levels is None or p.level in levels) and p.name not in asked
    ]
    if len({p.name for _, _, p in found}) != 1:
        return None
    return found[0][0], found[0][1]


# A question asking where an event was held ("会议在哪开的", "总决赛是在哪儿办的"), not in
# which ones ("在哪些领域") nor which place of a level ("在哪个城市": :func:`asked_place`).
_WHERE_ASKED = re.compile(WHERE_ASKED)
# Where a sentence says an event was held: "在联合国日内瓦总部召开", "在广东惠州举办的…".
_VENUE = re.compile(
    r"在([^,。;:!?、\s在]{2,20}?)(?:隆重|正式|成功|顺利)?(?:召开|举办|举行|开幕|闭幕|开班|揭牌)"
)
_WHEN = re.compile(r"(?:期间|之际|前夕|以来|之后|之前|时)$")  # "在大会期间举办": a time


def venue(qnorm: str, sent: str) -> tuple[int, int] | None:
    """Where a "where was it held" question's answer stands: the one place the sentence
    says its event was held in ("…第1次会议在联合国日内瓦总部召开" → 联合国日内瓦总部);
    None when the question asks no venue or the sentence names none or several."""
    if not _WHERE_ASKED.search(qnorm):
        return None
    found = {m.group(1): m.span(1) for m in _VENUE.finditer(sent) if not _WHEN.search(m.group(1))}
    return next(iter(found.values())) if len(found) == 1 else None


def with_head(qnorm: str, sent: str, s: int, e: int) -> int:
    """A name's end, past the head noun the question asks with when the sentence writes it
    right after the name ("哪个林场" → "塞罕坝" + "林场"; "获批的全国重点实验室是哪个" →
    "光伏材料与电池" + "全国重点实验室")."""
    frame = wh_frame(qnorm)
    heads = tuple(h for h in frame.heads if h) if frame is not None else ()
    # (a wh-word of no head of its own, "…的全国重点实验室是哪个", asks the subject's kind)
    for head in heads or subject_nouns(qnorm) or ():
        if len(head) >= 2 and sent.startswith(head, e) and e + len(head) - s <= MAX_SPAN:
            return e + len(head)
    return e


MAX_HEAD = 4  # a longer "head" is more of the question read as one ("文件来加大园区")


def ends_on_head(name: str, head: str) -> bool:
    ending = HEAD_SUFFIX.search(head) if head else None
    if ending is None or not HEADS[ending.group(0)]:
        return True  # no head a name carries: every reading fits
    forms = HEAD_FORMS.get(ending.group(0))
    if forms is not None:
        return name.endswith(forms)
    return name.endswith(head[-2:]) or name.endswith(head[-1])


# What stands between two heads of two names, not of one ("甲大学与乙大学").
_JOINS_NAMES = re.compile(r"[与和及、,;。的]")


def last_head(text: str, suffix: str, at: int) -> int:
    """Where the name's head ends it: a later head when a place or a few words only stand
    between ("山东省立医院泸州医院", a branch named after its parent)."""
    nxt = text.find(suffix, at + len(suffix))
    while 0 < nxt - at - len(suffix) <= _BRANCH_GAP and not _JOINS_NAMES.search(text[at:nxt]):
        at, nxt = nxt, text.find(suffix, nxt + len(suffix))
    return at


def to_head(name: str, head: str) -> int:
    """How long a name read off the sentence is, cut after the first form of the asked head
    it holds when it runs past it ("中国信息通信研究院在…大会上" for 哪家机构 → …研究院)."""
    ending = HEAD_SUFFIX.search(head) if head else None
    if ending is None or not HEADS[ending.group(0)] or ends_on_head(name, head):
        return len(name)
    forms = HEAD_FORMS.get(ending.group(0), (ending.group(0),))
    # the first form ends it (a longer form there over its last character: 研究院, not 院)
    found = [(at, -len(f), f) for f in forms if (at := name.find(f, 2)) >= 2]
    if not found:
        return len(name)
    at, _, form = min((at + len(f), -len(f), f) for at, _, f in found)
    return _later_form(name, forms, last_head(name, form, at - len(form)) + len(form))


def _later_form(name: str, forms: tuple[str, ...], end: int) -> int:
    """Where a name cut at ``end`` ends when another form of the head follows it, a few words
    only between ("教育部资源中心", a body named after the one it belongs to)."""
    while True:
        later = [(at, -len(f)) for f in forms if (at := name.find(f, end)) >= 0]
        if not later:
            return end
        at, size = min(later)
        if at - end > _BRANCH_GAP or _JOINS_NAMES.search(name[end:at]):
            return end
        end = at - size


_BRANCH_GAP = 6  # characters a branch's own words take before its head
