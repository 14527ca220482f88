"""The same term written otherwise: a total without its 总 ("总收入": 收入), a round amount
in digits ("千亿": 1000亿), a noun the asker shortened to its last character ("在校生":
在校学生). :mod:`answer.signals` gives each question term its forms."""

from __future__ import annotations

import re
from functools import lru_cache

from answer.cjk_pattern import CJK, CJK_RANGE, CjkPattern, cjk_pattern
from answer.question_words import FUNCTION_CHARS
from corpus.numerals import cn_number
from index.text import canonicalize, synonym_groups

# A round amount said in words ("破千亿", "百亿级") is written in digits too ("1000亿元").
_MAGNITUDES = {"千亿": "1000亿", "百亿": "100亿", "十亿": "10亿", "千万": "1000万", "百万": "100万"}
_MAGNITUDE = re.compile(rf"(?<![\d一二两三四五六七八九十百千万亿])({'|'.join(_MAGNITUDES)})")


def untotalled(term: str) -> tuple[str, ...]:
    """A total named without its 总 ("总收入": 收入, as "旅游收入" writes "旅游总收入"),
    a related word; none for a word 总 is part of (总部, 总书记: two characters)."""
    return (term[1:],) if term.startswith("总") and len(term) >= 3 else ()


def digit_forms(term: str) -> tuple[str, ...]:
    """A term holding a round amount in words, with the amount in digits ("千亿" → "1000亿");
    a grade in words, in digits ("三级" → "3级": "达到3级(稳健级)以上")."""
    written = _MAGNITUDE.sub(lambda m: _MAGNITUDES[m.group(1)], term)
    written = _GRADE.sub(lambda m: f"{cn_number(m.group(1)) or m.group(1)}{m.group(2)}", written)
    return (written,) if written != term else ()


# A grade or rank numbered in words ("三级", "五星", "二档"): written in digits as often.
_GRADE = re.compile(r"(?<![\d一二两三四五六七八九十])([一二两三四五六七八九十]{1,3})([级星档])")


_CJK = CJK_RANGE


@lru_cache(maxsize=4096)
def amount_stems(term: str) -> tuple[str, ...]:
    """The words an amount term ("技术合同成交额") and its synonyms' (技术合同交易额) stand on
    without their 额: what a sentence names before an amount it gives no name ("技术合同
    交易完成769项、31.6亿元"); none for a term not ending on 额."""
    if len(term) < 4 or not term.endswith("额"):
        return ()
    names = [term, *(v for c, vs in synonym_groups() if term in (c, *vs) for v in (c, *vs))]
    stems = {re.sub(r"[金总]?额$", "", n) for n in names if n.endswith("额")}
    # …as the text they are matched in writes them: its words canonical ("技术交易" is
    # 技术合同 there: "完成技术交易16.8亿元")
    stems |= {canonicalize(x) for x in stems}
    return tuple(sorted(x for x in stems if len(x) >= 3))


@lru_cache(maxsize=4096)  # (a pattern of many forms: built once a term)
def spelled_out(term: str, pieces: tuple[str, ...] = ()) -> CjkPattern | None:
    """The term written more fully, as one pattern (None for no such form).

    Its last word written whole: people shorten a head noun to its last character
    ("在校生" for 在校学生, "新能源车" for 新能源汽车, "出口额" for 出口总额), so one more
    character before the last one writes the same thing (terms of three or more Chinese
    characters: a two-character word has no head to shorten). And a word of one or two
    characters between two of its sub-words (``pieces``): a report names a metric with a
    word the asker leaves out ("技术合同交易登记额" for 技术合同登记额, "研发经费投入强度" for
    研发投入强度); a side of at least two characters each. A three-character term's first
    character may modify the rest through 的 ("新的进展" for 新进展); a measure is written as a
    figure in its unit ("31.71万亩" for 面积)."""
    if not re.fullmatch(f"{_CJK}+", term):
        return None
    stems = amount_stems(term)
    if not _spelled(term, pieces, stems, CJK):  # no form for this term
        return None
    return cjk_pattern(lambda cjk: _spelled(term, pieces, stems, cjk), term + "".join(stems))


def _spelled(term: str, pieces: tuple[str, ...], stems: tuple[str, ...], cjk: str) -> str:
    """:func:`spelled_out`'s forms as one pattern's source, ``cjk`` a Chinese character."""
    forms = [re.escape(term[:-1]) + cjk + re.escape(term[-1])] if len(term) >= 3 else []
    if len(term) == 3:
        # a one-character modifier and its noun joined by 的 ("新的进展" for 新进展)
        forms.append(re.escape(term[0]) + "的" + re.escape(term[1:]))
    if term in _MEASURE_UNITS:
        # a measure named by its figure's unit ("营造林面积" ← "营造林31.71万亩")
        forms.append(rf"\d[\d.]*(?:万|亿)?(?:{_MEASURE_UNITS[term]})")
    for measure, units in _MEASURE_UNITS.items():
        if term.endswith(measure) and len(term) > len(measure):
            # …what it measures, then its figure in that unit ("钢产量" ← "钢二百十七万吨")
            forms.append(re.escape(term[: -len(measure)]) + rf"{_AMOUNT}(?:{units})")
    for k in _cuts(term, pieces):
        forms.append(re.escape(term[:k]) + f"{cjk}{{1,2}}" + re.escape(term[k:]))
        # "签订技术合同1748项,成交金额74.4亿元" for 技术合同成交额: the thing counted, then
        # its amount
        forms.append(re.escape(term[:k]) + _COUNT_BETWEEN + _head_form(term[k:], cjk))
    if _INITIALS_MIN <= len(term) <= _INITIALS_MAX:
        # "教科文卫" for 教育、科学、文化、卫生: a series its items' first characters shorten
        items = [re.escape(ch) + f"{cjk}{{0,3}}" for ch in term[:-1]]
        forms.append("、".join(items) + "(?:、|和|及|与)" + re.escape(term[-1]))
    # "技术合同交易完成769项、31.6亿元" for 技术合同成交额: the words, then an amount of money
    if stems:
        forms.append(f"(?:{'|'.join(map(re.escape, stems))}){_to_amount(cjk)}")
    return "|".join(forms)


_INITIALS_MIN, _INITIALS_MAX = 3, 5  # characters of a term that may shorten a series
_AMOUNT = r"[\d.一二两三四五六七八九十百千万亿零〇]+"  # a figure, in digits or in words

# Measures a figure's unit names ("面积" is what 万亩 measures, "金额" what 亿元 does: "技术
# 合同交易完成769项、31.6亿元"; "产量" what 万吨 does: "生产煤炭6470万吨")
_MEASURE_UNITS = {
    "面积": "亩|公顷|平方米|平方公里",
    "长度": "公里|千米|米",
    "里程": "公里|千米",
    "金额": "元|美元",
    "产量": "吨|斤|担|千瓦时|立方米",
    "人数": "人|名",
}


def _cuts(term: str, pieces: tuple[str, ...]) -> list[int]:
    """Where a term splits after one of its sub-words, each side two characters or more."""
    cuts = {at + len(p) for p in pieces if (at := term.find(p)) >= 0}
    return [k for k in sorted(cuts) if 2 <= k <= len(term) - 2]


# A count and its counter ("1748项", "769项、"): between a compound's sides ("技术合同1748项,
# 成交金额"), or before an amount term's figure…
_COUNT = r"\d+(?:\.\d+)?[万亿]?[项个家件份笔宗次批]"
_COUNT_BETWEEN = rf"{_COUNT},?"


def _to_amount(cjk: str) -> str:
    """…with a verb before it ("技术合同交易完成769项、31.6亿元")."""
    return rf"{cjk}{{0,4}}(?:{_COUNT},?、?)?\d+(?:\.\d+)?[万亿]?元"


def _head_form(head: str, cjk: str) -> str:
    """A head noun as written, or with one more character before its last ("成交金额")."""
    if len(head) < 2:
        return re.escape(head)
    return re.escape(head[:-1]) + f"{cjk}?" + re.escape(head[-1])


def yearly_forms(term: str) -> tuple[str, ...]:
    """A yearly amount written with 年度 ("年收入": 年度收入, "年产值": 年度产值)."""
    if len(term) >= 3 and term[0] == "年" and term[1] not in _NOT_YEARLY:
        return (f"年度{term[1:]}",)
    return ()


_NOT_YEARLY = "度均底末初内份中"  # 年度, 年均, 年底…: no yearly amount

# The first of a kind, counted ("第一部", "第一个") or not ("首部", "首个"): the same words.
_FIRST = re.compile(
    r"第一(?=[部个家批座条项次届台款只例支所])|首(?=[部个家批座条项次届台款只例支所])"
)


def first_forms(term: str) -> tuple[str, ...]:
    """A term naming the first of something counted, written the other way ("第一部条例":
    首部条例; "首家": 第一家)."""
    written = _FIRST.sub(lambda m: "首" if m.group(0) == "第一" else "第一", term)
    return (written,) if written != term else ()


# A product named by one character, alone before its figure's movement or amount ("74年比
# 64年钢和原煤分别增长了多少": 钢; "煤产量多少").
_MOVED_OR_MADE = r"(?:增长|增加|下降|减少|产量|总产|生产|出口|进口|消费)"


def product_alone(tok: str, text: str) -> bool:
    """Whether a one-character token stands alone (no Chinese character before it) right
    before a figure's movement or amount in the question's words."""
    if not re.fullmatch(r"[\u4e00-\u9fff]", tok) or tok in FUNCTION_CHARS:
        return False
    return re.search(rf"(?<![\u4e00-\u9fff]){tok}{_MOVED_OR_MADE}", text) is not None


def town_and_country(word: str) -> tuple[str, str] | None:
    """What "城乡X" writes: 城镇X and 农村X ("城乡居民人均可支配收入分别增长4%、6%"); None for
    a word not opening on 城乡 or with nothing after it."""
    if word.startswith("城乡") and len(word) > 2:
        return f"城镇{word[2:]}", f"农村{word[2:]}"
    return None


def shared_head_written(term: str, pieces: tuple[str, ...], text: str) -> bool:
    """Whether a text writes the term as one of a series sharing its head noun
    ("高技术制造业、装备制造业增加值" writes 高技术制造业增加值): its first side, then
    others set off by 、 or a join, then its head (the side after a cut at a sub-word)."""
    for k in _cuts(term, pieces):
        if term[:k] in text:
            series = re.escape(term[:k]) + rf"(?:[、和及与]{_CJK}{{1,12}}?)+" + re.escape(term[k:])
            if re.search(series, text):
                return True
    return False
