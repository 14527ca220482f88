"""The words of a question's segment (:mod:`retrieval.parts`): its own words without
places, years, periods and asking words (:func:`own_words`), whether they name what is
counted (:func:`names_metric`), the nouns a part naming no metric borrows (:func:`borrowed`),
and how :mod:`retrieval.series` reads a segment (:data:`WORDS`)."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.figures import COUNTERS
from corpus.places import find_places
from index.text import canonicalize, pos_tags
from retrieval.query import find_regions
from retrieval.series import ADDED_WORDS, SegmentWords
from retrieval.years import BASE_YEAR, without_years

PERIOD = re.compile(r"上半年|下半年|全年|\d+-\d+月|一季度|前三季度")


def metric_words(segment: str) -> str:
    """A normalised question (or segment) without its years, places, periods and
    asking words: what is left names the metric ("余杭2023年新增高企多少" → "新增高企")."""
    return content(segment)


_HAN = re.compile(r"[\u4e00-\u9fff]")
# Words that say against what a figure moved, not what it counts.
_COMPARED_WITH = frozenset({"同比", "环比", "年均", "上年", "去年", "同期"})
# Scopes of a rank or share ("全省排第几"), no metric.
_SCOPES = frozenset({"全省", "全市", "全区", "全县", "全国", "全球"})
# "…多少家?科小呢": a segment ending in 呢 asks the same again of its own subject.
# (a time allowed asked: "多久内要报", "多长时间")
ASKS = re.compile(r"多少|多大|多高|多久|多长时间|几[家个项名人件位所次]?(?![乎])|怎么样|如何|呢$")
_ASKING_WORDS = re.compile(
    # (the counter asked with it is the figure's unit, no metric: "今年的目标又是多少条")
    rf"各(是|为)?多少|分别(是)?多少|分别是|各是|各?几[{COUNTERS}]?|多少[{COUNTERS}元]?|实际数?"
    r"|目标|计划|又|今年|去年|目前|分别|各自|怎么样|如何|是|的|了|吗|呢|[?？。]"
    r"|时期|期间"  # "十三五时期": the plan's time, no metric
    r"|多久内?|多长时间"
)
# Verbs of reaching a figure name no metric ("24年要突破多少").
# (有 only before the asking word: "有多少"; "有效期内高企" keeps its 有; 突破 and 超过
# before words say what is counted: "突破的重大技术")
_REACHING = re.compile(
    # (not inside a word: 要求, 要素, 将来, 发达, 作为, 行为)
    r"要(?!求|素|点)|将(?!来)|(?:突破|超过)(?![\u4e00-\u9fff])|达到|(?<!发)达|力争|预计|争取"
    r"|有(?=多少|几)|定在|定为|(?<![作行认成])为"
)


def own_words(segment: str) -> str:
    """A segment without its years (and a base year it is compared with: "74年比64年钢" →
    "钢"), places, periods and asking words (its verbs kept: "达到多少家" → "达到")."""
    text = without_years(BASE_YEAR.sub("", segment))
    for name in find_regions(text):
        text = text.replace(name, "")
    for start, end, place in find_places(text):
        # a short name with the last character of its full name ("黔东南州"): the place whole
        # (not 余杭's "市级以上", 市 of no 余杭市)
        named = text[start:end]
        whole = named + place.name[-1] if place.name[-1] in "州市区县盟" else named
        text = text.replace(whole if whole in text else named, "")
    return _ASKING_WORDS.sub("", PERIOD.sub("", text)).strip()


@lru_cache(maxsize=4096)
def names_metric(words: str) -> bool:
    """Whether words name what is counted (a noun: "养老床位", "专利"), not only how it
    moved ("新增", "累计达到"): a part saying only a verb asks about the others' metric."""
    if not words:
        return False
    tagged = pos_tags(canonicalize(words))
    return any(_is_name(word, flag) and word not in _MEASURES for word, flag in tagged)


# Measures of a thing, which a part naming only one takes from the others ("技术合同成交了多少
# 项、金额多少": the 金额 of 技术合同成交; "高企多少家、占比多少"). (Not 总量: a stock set
# against the flow asked before it, "新增多少家?总量突破多少家", which it does not borrow.)
_MEASURES = frozenset({"金额", "数量", "占比", "比重", "比例", "规模", "增速", "增幅"})


def _nouns(words: str) -> str:
    """The words naming what is counted, first noun to last ("轻工业总产值平均每年涨" →
    "轻工业总产值", "丁市新增示范企业" whole), and the noun-like words run on after the
    last ("电网安全承载能力": 承载能力 tagged as a set phrase)."""
    tagged = pos_tags(canonicalize(words))
    names = [i for i, (word, flag) in enumerate(tagged) if _is_name(word, flag)]
    if not names:
        return ""
    end = names[-1] + 1
    while end < len(tagged) and (tagged[end][1] in _NOUN_LIKE or tagged[end][0] in _AMOUNTS):
        end += 1
    return "".join(w for w, _ in tagged[names[0] : end])


# Tags of words that name a thing with the nouns before them (安全 an, 承载能力 i).
_NOUN_LIKE = frozenset({"an", "vn", "i", "l"})
# Amounts the tagger reads as verbs ("中央财政用于三农的支出": 支出 v).
_AMOUNTS = frozenset("支出 投入 收入 投资 出口 进口 消费 产出 贷款 存款".split())


# How a figure moved ("gdp增速", "实际增长", "平均每年涨"): a rate, not an amount.
MOVED = re.compile(r"增速|增长|增幅|涨")


ASKED_AT = re.compile(r"目标|计划|预期|实际|力争|要|定|多少|几")


def borrowed(words: str) -> str:
    """What a part naming no metric borrows of another's words: the nouns, and that the
    figure is a growth when the other asks one ("咸宁23年gdp增速多少?24年目标定的多少":
    the 2024 target of GDP growth, not of GDP)."""
    nouns = _nouns(words)
    moved = nouns and MOVED.search(words) and not MOVED.search(nouns)
    return f"{nouns}增长" if moved else nouns


def _is_name(word: str, flag: str) -> bool:
    """A noun, or a word of the domain dictionary (jieba tags them "x": policy terms,
    places), unless it says against what a figure moved ("同比", "同比增长") or how many
    were added ("2024年计划新建多少个": jieba tags 新建, a county of Nanchang, as a place)."""
    if word.startswith(tuple(_COMPARED_WITH)) or word in _SCOPES or word in ADDED_WORDS:
        return False
    return (
        flag[:1] in ("n", "j")
        or (flag == "x" and bool(_HAN.search(word)))
        # a set phrase ending in a noun ("粮食产量" l): a thing counted
        or (flag == "l" and word[-1:] in _NOUN_ENDS)
    )


# Last characters of set phrases that name an amount ("粮食产量", "人均收入").
_NOUN_ENDS = frozenset("量额值数率入出资费")


def _names(words: str) -> bool:
    """Whether words, without asking words and verbs of reaching, name a metric."""
    return names_metric(content(words))


def content(segment: str) -> str:
    """A segment's metric words: :func:`own_words` without verbs of reaching a figure."""
    return _REACHING.sub("", own_words(segment))


# How this module reads a segment, for retrieval.series.
WORDS = SegmentWords(own=own_words, asks=lambda s: bool(ASKS.search(s)), names=_names)
