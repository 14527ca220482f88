"""Quantities in a text: the figures a clause states (with their units, ranks and
changes), and whether a text states a given number (in Arabic or Chinese numerals)."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.figures import COMPUTING_UNITS, SPACED_DIGITS
from corpus.metadata import CITED_TITLE
from corpus.numerals import cn_scaled, cn_value

_UNIT_PATTERNS = {
    "%": r"%|‰|个百分点|个点",  # a rate per hundred or per thousand (人口自然增长率5.2‰)
    "area": r"平方米|平方公里|平方千米|公顷|万方|方|亩",
    "money": r"亿元|万元|元|亿|万美元|美元",
    "美元": r"美元",
    "length": r"公里|千米|米|km",
    # a time allowed or taken ("不超过18个月", "30个工作日内", "有效期2年": see
    # :func:`figures_for`, since 年 alone writes dates)
    "duration": r"个月|个工作日|工作日|小时|天|年",
    "days": r"个工作日|工作日|天|日",
    "months": r"个月",
    "hours": r"个?小时",
    "人": r"人|名|位",
    "人次": r"人次",
    "age": r"岁",  # a life expectancy ("提高到78.3岁"), an age
    "倍": r"倍",
    # Counters of organisations and items are used interchangeably (385家 answers 多少个).
    "count": r"家次|家|个|项|件|所|座|批|场|次|条|台|套|户|款|种",
    "rank": r"位|名",
}
# Units a text may write by their Latin symbol, lower-cased as normalised text is ("连续工作
# 时间大于240h" states 240小时).
UNIT_SYMBOLS = {
    "小时": "h",
    "公里": "km",
    "千米": "km",
    "千克": "kg",
    "公斤": "kg",
    "吨": "t",
    "千瓦": "kw",
    "兆瓦": "mw",
    "千瓦时": "kwh",
}
# Words bounding a figure ("150家以上", "1.4万亿斤左右"): part of it, and what tells two
# statements of one number apart ("10%左右" is not "10%以上").
BOUND_WORDS = "以上|左右|以内|上下|以下"
# Measures a question may ask a figure in ("多少袋", "几吨"), each its own unit: a figure
# in another measure does not answer it ("111亿元" no number of 袋).
# ("多少亿度": kilowatt-hours)
MEASURES_ASKED = (
    "袋",
    "头",
    "只",
    "吨",
    "辆",
    "株",
    "箱",
    "千瓦",
    "斤",
    "担",
    "棵",
    "艘",
    "架",
    "度",
)
# "居全省第一", "列全市第5位", "冲进全省前20": a rank, not a quantity of things.
_RANK_BEFORE = re.compile(r"(?:第|前)$")
_RANK_AFTER = re.compile(r"(?:位|名)?(?=$|[,;。、)\s]|[,;。]|和|的)")
NUMBER = re.compile(
    # "百分之十二点八", "十七万五千人", "三亿零四百七十五万吨": figures of older reports
    # "居全省首位": the first place of a ranking
    # "3,989亿斤": thousands separated; "2 0 9 0 元": a digit set apart from the digits
    # before it reads no number of its own
    # (…and a text layer spacing every digit writes one number: "2 2 .4 万件")
    rf"(?<![\d.])(?<!\d )({SPACED_DIGITS}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
    r"|(?<=[省市国区县州])首(?=位)|[百千]分之[零〇一二两三四五六七八九十百千点]+"
    # "七千千瓦", "三千万千瓦": the numeral stops where a unit starting with 千 begins
    r"|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*?(?=(?:万亿|万|亿)?千(?:瓦|克))"
    r"|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*|[一二两三四五六七八九十百千]+)"
    r"\s*(?:余|多)?"
    r"(%|‰|个百分点|个点|微克/立方米|(?:万亿|万|亿)?(?:余|多)?(?:平方米|平方公里|立方米|美元|元|方|亩|家次|家|个月|个工作日|个|项|名|人次|人|位|件|次"
    r"|所|座|倍|台|套|条|期|批|场|张|字|吨|公斤|千克|斤|公里|千瓦时|千瓦|标准箱|辆|艘|架|户|岁|款|种"
    r"|工作日|小时|天"
    rf"|gwh|mwh|kwh|gw|mw|kw|eb|pb|tb|{COMPUTING_UNITS})|亿|万)?"
    # "120万吨/年", "790元/月": the rate's period belongs to the figure, not to its unit
    r"(?:(?<=[^\d\s])/(?:年|月|日|天|人|户|小时))?"
)


_CACHED_TEXTS = 1 << 16  # clauses whose quantities are kept
_MONTH_RANGE = re.compile(r"\s*-\s*\d{1,2}月")


def numbers_in(norm_text: str) -> list[re.Match[str]]:
    """Quantities in a clause (years, dates and ordinals excluded)."""
    return list(_numbers_in(norm_text))


@lru_cache(maxsize=_CACHED_TEXTS)
def _numbers_in(norm_text: str) -> tuple[re.Match[str], ...]:
    """:func:`numbers_in`, read once a text (a clause is read by many rules, and again by
    the next question asking of it)."""
    out = []
    # "《2017智能硬件产业白皮书》指出": a number in a cited title names the title
    titles = [t.span() for t in CITED_TITLE.finditer(norm_text)] if "《" in norm_text else []
    for m in NUMBER.finditer(norm_text):
        if any(s < m.start() < e for s, e in titles):
            continue
        tail = norm_text[m.end(1) : m.end(1) + 2]
        if _MONTH_RANGE.match(norm_text, m.end(1)):
            continue  # "1-5月": a period, no quantity
        unit = unit_of(m)
        if re.match(r"\s*(年|月|日|号|周年|届|批次|五|季度|岁|周岁)", tail) and not unit:
            continue
        if m.group(1).isdigit() and len(m.group(1)) == 4 and tail.startswith("年"):
            continue
        if not unit and not re.match(r"\d", m.group(1)) and not is_rank(m):
            continue  # a bare Chinese numeral ("一是") is not a quantity
        if m.group(1) == "一" and m.group(2) == "批":
            continue  # "新增一批…": some, not a figure
        if norm_text[m.end() : m.end() + 1] == "级":
            continue  # "千亿级产业集群", "连跨3个千亿级台阶": a size class, no amount
        if norm_text[m.start() - 1 : m.start()] == "每" and not _SPAN.match(norm_text, m.end(1)):
            # "每千家企业中…数30.05家", "每万人口": the base of a rate, no amount (not a span of
            # time: "每6个月提交", how often, is one)
            continue
        if _PARTY.match(norm_text, max(0, m.start() - 1)):
            continue  # "第三方机构": a party to an agreement, no amount of 方
        if _DOC_NUMBER_YEAR.match(norm_text, m.end(1)) and m.start() > 0:
            continue  # "人社厅发(2021)71号": the year of a document's number
        out.append(m)
    return tuple(out)


# A span of time after a number ("6个月", "3年"): how often, after 每.
_SPAN = re.compile(r"\s*(?:个)?(?:月|年|天|日|周|星期|小时|分钟|季度|工作日)")

# "第三方", "甲乙双方的第一方": the party an ordinal names.
_PARTY = re.compile(r"第[一二三四五六七八九十\d]方(?![米千里公])")

# "〔2021〕71号" (normalised to brackets): a document number's year and serial, no quantity.
_DOC_NUMBER_YEAR = re.compile(r"[)\]]\d{1,4}号")


# A figure that measures a change ("增长7.5%", "提高3个百分点"), not an amount.
_CHANGE_BEFORE = re.compile(
    # "增加321元,达到784元": an amount added, not the amount (增加到 is where it stands)
    r"(?:增长|增速|增幅|下降|降低|提高|提升|回落|上升|增加|减少)"
    r"(?:了|为|达到?|超过?|不少于|不低于|不超过|至少)?$"
)
# …what a question asking a change says (a share or a rate asked, "比重是多少", is an
# amount: "比重提升0.2个百分点" does not give it).
ASKS_CHANGE = re.compile(
    r"增长|增速|增幅|下降|降低|提高|提升|回落|上升|涨|比上年|同比|幅度|百分点|倍"
    r"|降(?=多少|了|几|到?百分之)|减少|压减|缩减|缩短"  # "工时消耗要降多少"
    r"|增加|新增|净增|多了"  # what was added is asked
)


def is_change(m: re.Match[str]) -> bool:
    """Whether a quantity is a change: written right after 增长/下降/提高… in its text
    ("每年降低不少于1个百分点"), or counted in percentage points, a difference of rates."""
    if unit_of(m).endswith("百分点"):
        return True
    return bool(_CHANGE_BEFORE.search(m.string[max(0, m.start() - 6) : m.start()]))


def states_value(norm_text: str, number: str, *, rounded: bool = False, scale: str = "") -> bool:
    """Whether a text states a number as a whole ("10" is not in "110" or "10.5");
    ``rounded``: a whole number also names a figure it rounds down to (a question's
    "财政补了959万" names the "959.1万元" of the text); ``scale``: the 万 or 亿 the question
    writes after it, which the text's digits must be followed by too ("50亿" is not the
    "50 万元" of another item; :func:`scale_after`)."""
    after = r"(?:\.\d+)?(?![.\d])" if rounded and "." not in number else r"(?!\.?\d)"
    if scale:
        after = rf"{after}\s?{scale}"
    if re.search(rf"(?<![\d.]){re.escape(number)}{after}", norm_text) is not None:
        return True
    # Older reports write figures in Chinese numerals: "三千七百亿斤" states 3700 (亿斤).
    if not re.search("[一二两三四五六七八九十百千]", norm_text):
        return False
    value = float(number)
    return any(
        abs(v - value) < 1e-9 * max(1.0, value)
        for m in NUMBER.finditer(norm_text)
        for v in cn_scaled(m.group(1))
    )


# The multiplier a figure's unit opens with ("亿元" → 亿), read before its unit proper.
MULTIPLIER = re.compile(r"万亿|亿|万")


@lru_cache(maxsize=1024)  # read once per question and number, not once per candidate
def scale_after(norm_text: str, number: str) -> str:
    """The multiplier a text writes after a number ("50亿以上" → 亿), "" for none (or when
    the number is written twice with different ones)."""
    found = set()
    for m in numbers_in(norm_text):
        if m.group(1) == number:
            mult = MULTIPLIER.match(unit_of(m))
            found.add(mult.group(0) if mult else "")
    return found.pop() if len(found) == 1 else ""


# "百分之八至九": the second bound of a range of percentages, its unit written once
_CN_FIGURE = "[零〇一二两三四五六七八九十点]+"  # a figure in Chinese numerals ("五点四")
_PERCENT_RANGE_HEAD = re.compile(rf"百分之{_CN_FIGURE}[至到-]$")


def states_in_numerals(norm_text: str, figure: str, unit: str) -> bool:
    """Whether a text states a figure with its unit in Chinese numerals ("百分之六" for
    6%; "百分之八至九" states 9% too)."""
    if not re.search("[一二两三四五六七八九十百千]", norm_text):
        return False
    value = float(figure)
    for m in NUMBER.finditer(norm_text):
        if not any(abs(v - value) < 1e-9 * max(1.0, value) for v in cn_scaled(m.group(1))):
            continue
        own = unit_of(m)
        # "五百四十万元" states 540万元: the numeral holds the multiplier the unit writes
        written = f"{m.group(1)[-1]}{own}" if m.group(1)[-1] in "万亿" else own
        if own and unit in (own, written):
            return True
        if not own and unit == "%" and _PERCENT_RANGE_HEAD.search(norm_text, 0, m.start()):
            return True
    return False


# "百分之八到九", "百分之五点四": a question's percentages in Chinese numerals
_CN_PERCENT = re.compile(rf"百分之({_CN_FIGURE})(?:(?:到|至|-)(?:百分之)?({_CN_FIGURE}))?")


# "资费再降一成", "近三成": tenths, after a change or an amount's word and before a bound
# or a break (not "一成不变", "建成", "三成员")
_TENTHS = re.compile(
    r"(?<=降|减|增|升|高|长|加|近|超|约|达|占|逾|过)了?([一二两三四五六七八九])成"
    r"(?=以上|左右|多|[,;。、?!\s]|$)"
)


def cn_percents(text: str) -> tuple[tuple[str, ...], str]:
    """The percentages a text writes in Chinese numerals, as digits ("百分之八到九" → 8, 9;
    "再降一成" → 10), and the text without them."""
    found: list[str] = []
    for m in _CN_PERCENT.finditer(text):
        for cn in m.groups():
            value = cn_value(cn) if cn else None
            if value is not None:
                found.append(f"{value:g}")
    text = _CN_PERCENT.sub(" ", text)
    for m in _TENTHS.finditer(text):
        found.append(f"{10 * (cn_value(m.group(1)) or 0):g}")
    return tuple(found), _TENTHS.sub(" ", text)


def cn_counts(text: str, least: float = 10) -> tuple[tuple[str, ...], str]:
    """The counted figures a text writes in Chinese numerals of at least ``least`` ("五十个",
    "三千万千瓦"), as digits in the unit written, and the text without them (a small
    numeral, "三张清单", "两个", names what it counts rather than a value)."""
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in NUMBER.finditer(text):
        value = cn_value(m.group(1)) if not re.search(r"\d", m.group(1)) else None
        if value is None or value < least or not unit_of(m) or is_rank(m):
            continue
        found.append(f"{value:g}")
        spans.append(m.span())
    for s, e in reversed(spans):
        text = f"{text[:s]} {text[e:]}"
    return tuple(found), text


def is_rank(m: re.Match[str]) -> bool:
    """Whether a quantity is a rank ("第一", "第5位", "前20"), not a count."""
    text = m.string
    if m.group(1) == "首":
        return True
    if not _RANK_BEFORE.search(text[max(0, m.start() - 1) : m.start()]):
        return False
    return bool(_RANK_AFTER.match(text, m.end(1)))


def unit_matches(unit: str, m: re.Match[str]) -> bool:
    """Whether a quantity has the unit the question expects; a question asking no unit
    is not answered by how many aspects a report announces ("从三个方面发力")."""
    if not unit:
        return not m.string.startswith("方面", m.end())
    if unit == "ordinal":
        return m.string[max(0, m.start() - 1) : m.start()] == "第"
    if unit == "rank" or is_rank(m):
        return unit == "rank" and is_rank(m)
    if unit in MEASURES_ASKED:  # "120万头": a measure the figure's pattern leaves after it
        return own_measure(m) == unit
    own = unit_of(m)
    if unit == "%" and own == "倍" and _GREW_BY.search(m.string, 0, m.start()):
        return True  # "钢增长一点二倍": growth asked ("增长了多少") and given in times
    return unit_is(unit, own)


def unit_is(unit: str, own: str) -> bool:
    """Whether a figure's own unit (``own``: "人", "万元") is the unit a question expects
    (a plain one: not an ordinal, a rank or a measure written after the figure)."""
    pat = _UNIT_PATTERNS.get(unit, "")
    return bool(own) and bool(re.fullmatch(rf"(?:万|亿)?(?:{pat})", own))


_GREW_BY = re.compile(r"(?:增长|增加|提高)了?$")


# What :func:`numbers_in` leaves out as no quantity but a question asking a duration or an
# ordinal wants: "有效期2年", "连续3年" (a number of years, where "2023年" is a date) and
# "第53次局长办公会", "第九届" (the place in a series, where "第一" may be a rank).
_YEARS_LONG = re.compile(
    r"(?<![\d.年])(?<!\d )(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?(?:多|余)?(年)"
    r"(?!\d|底|初|末|度|中|前|后|代|级|以来)"
)
_ORDINAL = re.compile(
    r"(?<=第)(\d+|[一二三四五六七八九十百零〇]+)(次|届|批|期|轮|号|条|款|章|阶段|部分)"
)
_UNIT_FIGURES = {"duration": _YEARS_LONG, "ordinal": _ORDINAL}


def figures_for(unit: str, norm_text: str, *units: str) -> list[re.Match[str]]:
    """The quantities of a clause a question asking ``unit`` (or any of ``units`` too) may
    be answered by: :func:`numbers_in`, and for a duration or an ordinal also the numbers of
    years and the places in a series that it leaves out (in text order)."""
    found = numbers_in(norm_text)
    extras = [_UNIT_FIGURES[u] for u in dict.fromkeys((unit, *units)) if u in _UNIT_FIGURES]
    if not extras:
        return found
    taken = [m.span() for m in found]
    more = {
        m.span(): m
        for pattern in extras
        for m in pattern.finditer(norm_text)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    }
    return sorted([*found, *more.values()], key=lambda m: m.start())


def own_measure(m: re.Match[str]) -> str:
    """The measure of :data:`MEASURES_ASKED` a figure is counted in ("120万头": 头), else ""."""
    own = unit_of(m).lstrip("万亿")
    if own:
        return own if own in MEASURES_ASKED else ""
    return next((u for u in MEASURES_ASKED if m.string.startswith(u, m.end())), "")


def unit_of(m: re.Match[str]) -> str:
    """The unit of a quantity found by :data:`NUMBER` ("百分之八" is a percentage)."""
    if m.group(2):  # "14万多项": the approximation is no part of the unit
        return m.group(2).replace("多", "").replace("余", "")
    if m.group(1).startswith("千分之"):  # "降到千分之五": a rate per thousand
        return "‰"
    return "%" if m.group(1).startswith("百分之") else ""
