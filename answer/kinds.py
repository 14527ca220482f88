"""Another kind of the thing asked.

A question asks "新型研发机构"; a sentence states a figure of "企业研发机构": a word of the
domain built on the same head with another modifier. Term coverage credits the shared
head, so the sentence looks like an answer; it is a near miss (shown as related
evidence), never the answer. Likewise "专精特新小巨人" for 科技小巨人企业, "技术合同登记额"
for 技术合同成交额. And one figure of several things together ("用于教育、卫生、科技、
文化的支出达855亿元") is no figure of one of them (用于科技的支出), nor is a spending
on another purpose ("用于救灾救济支出80.3亿元"), nor a count of other things: "培训2场"
answers no "覆盖了多少家企业".
"""

from __future__ import annotations

import re

from answer.clause_subject import STATING
from answer.clauses import LEADING
from answer.quantities import numbers_in, unit_of
from answer.question_words import EVENT_WORDS
from answer.signals import Signals, Term, canon
from answer.term_forms import shared_head_written, town_and_country
from index.text import tokenize_jieba

_MIN_WORD = 4  # shorter words are no compound names of a kind
_MIN_SHARED = 3  # a shared piece this long (or the term's head) names the same thing
_HEAD = 2  # characters of a compound's head noun ("企业" of 科技型中小企业)


def other_kind(sig: Signals, sent_norm: str, whole: str = "") -> str:
    """A word of the (normalised) sentence naming another kind of a term the question
    asks and the sentence does not write, or "" when there is none. ``whole``: the
    sentence with the one it is part of, when it opens with "其中" (a term named there,
    "全社会固定资产投资规模…;其中,全民所有制单位投资规模…", is no other kind's)."""
    text = canon(f"{sent_norm} {whole}")
    missing = [
        t
        for t in sig.terms
        if t.pieces and t.text not in text and not shared_head_written(t.text, t.pieces, text)
    ]
    if not missing:
        return ""
    # (an abbreviation counts as the name it stands for: "国高企" is 高新技术企业)
    words = {c for w in tokenize_jieba(sent_norm) if len(c := canon(w)) >= _MIN_WORD}
    # …and the names right before its figures, another kind when built on the term's head
    # ("新认定国家级专精特新“小巨人”企业19家" for 高新技术企业), no dictionary word though
    counted = {c for c in counted_things(sent_norm) if len(c) >= _MIN_WORD} - words
    # A word the question asks too ("占固投比重": 固定资产投资) is no other kind of another term.
    asked = [t.text for t in sig.terms]
    # …nor one of the examples of an asked term ("重点实验室、技术创新中心等省级创新平台")
    words -= _examples(text, [a for a in asked if a in text])
    for term in missing:
        for word in words:
            if any(a in word for a in asked if a != term.text):
                continue
            if _another_kind(term, word) and term.text not in (town_and_country(word) or ()):
                return word
        for word in counted:
            if term.text in canon(word) or any(a in word for a in asked if a != term.text):
                continue
            related = any(r in word for r in term.related)
            if _same_head(term, word) and not related and not _in_order(term.text, word):
                return word
    return ""


def _examples(text: str, written: list[str]) -> set[str]:
    """The words standing as examples before "等" and a term the text writes ("重点实验室、
    技术创新中心等省级创新平台": 技术创新中心 is one of the 省级创新平台, no other kind)."""
    out: set[str] = set()
    for term in written if "等" in text else ():
        listed = rf"([^,;。:]{{2,40}})等[\u4e00-\u9fff]{{0,4}}?{re.escape(term)}"
        for m in re.finditer(listed, text):
            out |= {c for w in tokenize_jieba(m.group(1)) if len(c := canon(w)) >= _MIN_WORD}
    return out


def _same_head(term: Term, word: str) -> bool:
    """Whether ``word`` is built on the term's head noun ("…企业" for 高新技术企业)."""
    return len(term.text) >= _MIN_WORD and word.endswith(term.text[-_HEAD:])


# What a figure counts is written right before it, after what was done to it: "新认定
# 国家级专精特新“小巨人”企业19家" counts 国家级专精特新小巨人企业, one name though no
# dictionary word.
_EVENT = re.compile("|".join(sorted(map(re.escape, EVENT_WORDS), key=len, reverse=True)))
_COUNTED = re.compile(r"([\u4e00-\u9fff“”\"'‘’]{2,24})(?=\d)")
# (or how a policy grants it: "…工业设计中心分别给予100万元" counts 工业设计中心)
_GRANTED = "分别|各|均|一次性|给予|奖励|补助|资助|补贴"
_STATED = re.compile(rf"(?:{STATING}|共|累计|{_GRANTED})+$")


def counted_things(text_norm: str) -> list[str]:
    """The names right before each figure of a clause, as written (a synonym table may
    shorten one to its canonical name: "小巨人企业" to 小巨人, losing the head noun), without
    what was done to them (新增, 认定: :data:`EVENT_WORDS`) or how the figure is stated
    (达到, 超)."""
    out = []
    for m in _COUNTED.finditer(text_norm):
        words = m.group(1)
        if words.endswith(("第", "前")):
            continue  # a rank ("居全市第4位") counts nothing
        done = list(_EVENT.finditer(words))
        if done:
            words = words[done[-1].end() :]
        # (and no words opening the clause: "其中省级35项" is part of the thing before)
        words = LEADING.sub("", re.sub(r"[“”\"'‘’]", "", _STATED.sub("", words)))
        words = words[words.rfind("等") + 1 :]  # "星火计划、火炬计划等项目": 项目
        if words:
            out.append(words)
    return out


PART_OF = re.compile(r"[^,;。]{0,12}?其中")  # a sentence about part of what precedes


def _another_kind(term: Term, word: str) -> bool:
    """Whether ``word`` shares the term's head (or a long piece) but is neither a part of
    it, a word related to it, nor a longer name writing all its characters in order
    ("规模以上工业企业" for 规模以上企业, "科学技术进步奖" for 科技进步)."""
    if word in term.text or any(r in word for r in term.related) or _in_order(term.text, word):
        return False
    shared = [p for p in term.pieces if p in word]
    if any(term.text.endswith(p) or len(p) >= _MIN_SHARED for p in shared):
        return True
    # The same head noun under another modifier: "高新技术企业" (国高企) is no count of
    # 科技型中小企业, though no piece of the one is a piece of the other.
    return _same_head(term, word) and len(word) >= _MIN_WORD


def _in_order(chars: str, word: str) -> bool:
    """Whether ``word`` holds every character of ``chars``, in their order."""
    rest = iter(word)
    return all(ch in rest for ch in chars)


# A run of three or more short names joined by 、 (the last perhaps by 和/及).
_SERIES = re.compile(
    r"[\u4e00-\u9fff]{1,6}(?:、[\u4e00-\u9fff]{1,6}){1,}(?:[和及][\u4e00-\u9fff]{1,6})?"
)
_EACH = re.compile(r"分别|各|均|都")
_ITEM_JOIN = re.compile(r"、|和|及")  # what sets a series' items apart
_MIN_ITEMS = 3


def sums_several(question_norm: str, clause_norm: str) -> bool:
    """Whether the clause's one figure counts several things together, one of which the
    question asks alone ("用于教育、卫生、科技的支出达855亿元" for 用于科技的支出)."""
    figures = numbers_in(clause_norm)
    if _EACH.search(clause_norm) or len(figures) != 1:
        return False
    if _examples_of_asked(question_norm, clause_norm, figures[0]):
        return False
    # The things summed stand before their figure ("…文化的支出达855亿元"); a series after
    # it says what the things counted are for ("建设100家面向甲、乙、丙的平台").
    for m in _SERIES.finditer(clause_norm, 0, figures[0].start()):
        items = [x for x in _ITEM_JOIN.split(m.group(0)) if x]
        # (not an item the question writes inside a longer name the clause writes before
        # it: "智慧城市…峰会" asks no 城市代表 of "来自智慧城市领域的领导、…、城市和企业代表")
        named = [
            x
            for x in items
            if _asked(x, question_norm)
            and not _inside_name(x, question_norm, clause_norm[: m.start() + m.group(0).find(x)])
        ]
        if len(items) >= _MIN_ITEMS and named and len(named) < len(items):
            return True
    return False


# "…企业、技术机构和高等院校等16家技术机构、行业组织和骨干企业的代表": what a figure after
# 等 counts, named after it and before the 的 of what it owns.
_COUNTED_AFTER = re.compile(r"([^的,;。]{2,20})的")


def _examples_of_asked(question_norm: str, clause_norm: str, figure: re.Match[str]) -> bool:
    """Whether a series before the figure ends in 等 (its items are examples of what is
    counted) and the thing counted, named after the figure, is what the question asks."""
    if clause_norm[max(0, figure.start() - 1) : figure.start()] != "等":
        return False
    tail = _COUNTED_AFTER.match(clause_norm, figure.end())
    counted = tail.group(1) if tail else ""
    return any(_asked(x, question_norm) for x in _ITEM_JOIN.split(counted) if len(x) >= 2)


_NAME_LEAD = 2  # characters before an item in the question that may make it a longer name


def _inside_name(item: str, question_norm: str, outside: str) -> bool:
    """Whether the question writes ``item`` whole, and every place it does is inside a
    longer word that ``outside`` (the clause before the item) writes too."""
    at = [i for i in range(len(question_norm)) if question_norm.startswith(item, i)]
    return bool(at) and all(
        i >= _NAME_LEAD and question_norm[i - _NAME_LEAD : i + len(item)] in outside for i in at
    )


def _asked(item: str, question_norm: str) -> bool:
    """Whether the question writes an item, or its end ("全年用于教育" → 教育: the words
    leading into a series are no part of its first item)."""
    return any(item[k:] in question_norm for k in range(len(item) - 1))


# What a spending asked is for: "中央财政用于科技的支出" → 科技.
_PURPOSE = re.compile(r"用于([\u4e00-\u9fff]{2,8}?)(?:的|方面)")


def other_purpose(question_norm: str, sent_norm: str) -> bool:
    """Whether the question asks a spending for a purpose ("用于科技的支出") that the
    sentence does not name."""
    m = _PURPOSE.search(question_norm)
    if m is None:
        return False
    # "科教文卫体" names 科技、教育、文化、卫生、体育 by one character each
    text = canon(sent_norm)
    return canon(m.group(1)) not in text and not set(m.group(1)) <= set(text)


# Counters that count the same things: organisations, items, events, people.
_COUNTER_KINDS = ("家户所座个", "项件个条套款种类部批", "场次期届批轮", "人名位")
# (个 counts things, not times: "培育多少个工业app" is no "下载量不少于2万次"; not "几个月",
# "几个百分点", "几个人", which ask a time, a rate or people)
_COUNTERS = "(?:[家户所座项件条套款种类部场次期届轮名位]|个(?!人|月|工作日|小时|百分点|点|季度|年))"
_ASKED_COUNTER = re.compile(f"(?:多少|几)({_COUNTERS})")
# The question closes on its counter ("…覆盖了多少家企业", "…多少家省科小?", "…多少个工业app").
_CLOSING_COUNTER = re.compile(
    f"(?:多少|几){_COUNTERS}[\u4e00-\u9fffa-z]{{0,6}}?[呢啊吗了]?[?。!]?$"
)


def other_counter(question_norm: str, clause_norm: str) -> bool:
    """Whether every count the clause states counts another kind of thing than the
    question's counter asks ("培训2场" for "覆盖了多少家企业")."""
    # Only a question closing on its counter; one of two figures ("高企有多少家、专利
    # 多少件") asks either counter, and a compare part asked with another's words
    # ("高企有多少家 每万人专利") is not judged.
    if not _CLOSING_COUNTER.search(question_norm):
        return False
    asked = _ASKED_COUNTER.findall(question_norm)
    kinds = [k for k in _COUNTER_KINDS if any(a in k for a in asked)]
    # "319家次" counts 家 (visits to firms); "3.5万户" counts 户
    counters = [u.lstrip("万亿千百")[:1] for f in numbers_in(clause_norm) if (u := unit_of(f))]
    counters = [c for c in counters if any(c in k for k in _COUNTER_KINDS)]
    return bool(counters) and not any(c in k for c in counters for k in kinds)


# The whole a share is of ("占全省认定总数的", "占杭州市总认定数的") and the level it names.
_SHARE_BASE = re.compile(r"占([^,;。\d]{1,14}?)(?:的|比重|比例|\d)")
_BASE_LEVEL = re.compile(r"全国|全球|我国|国家|省|市(?![场值民])|(?<![地社园城景辖])区|县")
_LEVEL_OF = {"全国": "国", "全球": "国", "我国": "国", "国家": "国"}


def _share_level(norm: str) -> str:
    m = _SHARE_BASE.search(norm)
    level = _BASE_LEVEL.search(m.group(1)) if m else None
    return _LEVEL_OF.get(level.group(0), level.group(0)) if level else ""


def other_share_base(question_norm: str, clause_norm: str) -> bool:
    """Whether a share is of another whole than the one asked: "占全省认定总数的比例" is
    not answered by "占杭州市总认定数的21.62%" (a province's whole, a city's)."""
    asked, stated = _share_level(question_norm), _share_level(clause_norm)
    return bool(asked and stated and asked != stated)


def other_share_of(sig: Signals, clause_norm: str) -> str:
    """The other thing a share of a whole is of, when the question's term is credited through
    that share alone ("环保投入相当于全市生产总值的比例" for 研发投入强度, whose related word is
    占地区生产总值比重): the words before the share name something without the term's first
    piece (研发); "" when there is none or nothing stands before the share."""
    text = canon(clause_norm)
    for term in sig.terms:
        if term.text in text or not term.pieces:
            continue
        for word in term.related:
            at = text.find(word)
            if not word.startswith("占") or at < 0:
                continue
            clause = max(text.rfind(mark, 0, at) for mark in ",;:、") + 1
            whose = LEADING.sub("", text[clause:at])
            if len(whose) >= 2 and term.pieces[0] not in whose:
                return whose
    return ""


# Words naming the opposite flow or population of one measure: a figure of one is no
# figure of the other ("进口362亿美元" does not say how much was exported).
OPPOSITES: tuple[tuple[str, str], ...] = (
    ("出口", "进口"),
    ("流入", "流出"),
    ("顺差", "逆差"),
    ("城镇", "农村"),
    ("城市", "农村"),  # "城市家庭带宽接入能力不低于20Mbps" says nothing of 农村家庭
    ("公办", "民办"),
    ("境内", "境外"),
    ("盈利", "亏损"),
    # what was applied for is not what was granted ("申报高新技术企业6户" for 新认定多少户)
    ("认定", "申报"),
)


# Words naming two things together, each of which a question may ask alone.
COMBINED = (("进出口", ("进口", "出口")), ("工农业", ("工业", "农业")))


def opposite_asked(question_norm: str, clause_norm: str) -> bool:
    """Whether the clause writes the opposite of a word the question asks, and not that
    word itself ("出口多少" and "进口各类产品362亿美元"), or writes it only inside a word
    of both together ("出口总额" and "进出口贸易总额将达到855亿元")."""
    for a, b in OPPOSITES:
        for asked, other in ((a, b), (b, a)):
            in_question = asked in question_norm and other not in question_norm
            if in_question and other in clause_norm and asked not in clause_norm:
                return True
    for both, ones in COMBINED:
        if both in question_norm or both not in clause_norm:
            continue
        alone = clause_norm.replace(both, " ")
        if any(w in question_norm and w not in alone for w in ones):
            return True
    return False


# Which way an amount goes ("输出到津冀", "向天津、河北输出", "吸纳"): a flow of part of it.
_DIRECTION = re.compile(r"输出|输入|吸纳|流向")


def directed_only(question_norm: str, clause_norm: str) -> bool:
    """Whether the clause gives the amount that went one way ("北京输出到津冀技术合同成交额
    996亿元"), a part of it, which the question does not ask ("全市技术合同成交额多少")."""
    return bool(_DIRECTION.search(clause_norm)) and not _DIRECTION.search(question_norm)


# A series of things each with its figure, then their kind ("淘汰钢铁2700万吨、水泥4200万吨、
# 平板玻璃3500万标准箱等落后产能"): a piece naming a thing then a figure, and the kind after 等.
_SERIES_ITEM = re.compile(r"[\u4e00-\u9fff]{2,}[\d一二三四五六七八九十]")
_KIND_AFTER = re.compile(r"等([\u4e00-\u9fff]{2,8})")


def other_items(sig: Signals, clause_norm: str, question_canon: str) -> bool:
    """Whether a clause lists several things of a kind, each with its figure, and the
    question asks the figure of another thing of that kind: a question word written right
    before the kind ("淘汰电解铝落后产能") that the clause does not write."""
    pieces = [p for p in clause_norm.split("、") if _SERIES_ITEM.search(p) and numbers_in(p)]
    kind = _KIND_AFTER.search(clause_norm)
    if len(pieces) < 2 or kind is None:
        return False
    text = canon(clause_norm)
    head = canon(kind.group(1))[:2]
    return any(
        len(t.text) >= 2 and t.credit(text) == 0.0 and f"{t.text}{head}" in question_canon
        for t in sig.terms
    )


# A rate stated with its figure ("检出率超过95%", "普及率达90%"): the rate named, the figure it has.
_RATE_STATED = re.compile(
    r"([\u4e00-\u9fff]{1,8}率)(?:要|将|应)?(?:超过|低于|高于|达到|达|为|提高到|提升至|不低于|不高于)?"
    r"(?=[\d一二三四五六七八九十百])"
)


def other_rate(question_norm: str, clause_norm: str) -> bool:
    """Whether a clause states another rate's figure than the rate asked ("假阴性率低于多少":
    not "检出率超过95%"), and does not name the asked one (rates told by their last three
    characters, as they are written short and long: "城镇化率", "常住人口城镇化率")."""
    asked = set(_RATE_NAMED.findall(question_norm))
    if not asked or any(a in clause_norm for a in asked):
        return False
    # (a rate that is a word of two characters, "反应堆功率", is named by that word)
    if any(a[-2:] in _WORD_RATES and a[-2:] in clause_norm for a in asked):
        return False
    return any(m.group(1)[-3:] not in asked for m in _RATE_STATED.finditer(clause_norm))


_RATE_NAMED = re.compile(r"[\u4e00-\u9fff]{2}率")
_WORD_RATES = frozenset("功率 税率 利率 汇率 频率".split())
