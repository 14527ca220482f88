"""Figures in a sentence and the words around them.

A figure is a number with a unit ("637家", "120.64亿元", "4.55%", "3个百分点"),
a rank ("居全省第3位", "全市前3") or a bare value after 为/达 ("创新指数为273.6").
Dates, years, ages, document numbers, ordinals and list numbering carry no
unit and so are never figures; figures inside quotes and book titles are names.
The functions here read one normalised sentence (see :mod:`corpus.normalize`);
:mod:`corpus.figure_when` reads when and where a figure is; :mod:`corpus.facts` turns
the answers into the rows of a document's facts table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.numerals import cn_number

_HAN = "\u4e00-\u9fff"
# (a text layer spacing every digit, "7 4 7 7 2 亿元", "2 2 .4 万件", writes one number)
SPACED_DIGITS = r"\d(?: \d)+(?: ?\. ?\d+)?(?![\d.])"
_NUM = rf"(?:{SPACED_DIGITS}|\d+(?:,\d{{3}}(?!\d))*(?:\.\d+)?)"
COUNTERS = "家个项件名人所座台套条批场户次期支张辆艘架部篇处宗例株棵头只枚盏栋间份款种位块门类"
_MEASURES = "个百分点 百分点 个点 平方公里 平方千米 平方米 立方米 千瓦时 人次 家次 户次 场次 架次 "
_MEASURES += "微克/立方米 批次 台次 人年 美元 欧元 港元 公里 千米 公顷 千瓦 % ‰ 倍 元 亩 吨 米 方"
_UNITS = sorted([*_MEASURES.split(), *COUNTERS], key=len, reverse=True)
# Computing power by its Latin symbol, lower-cased as normalised text is ("算力规模突破20万P",
# "3500PFlops"): a unit of its own, not a word going on.
COMPUTING_UNITS = r"[pet]flops|pf|p(?![a-z])"
# PDF text layers often set a number apart from its unit ("不少于 3 项", "50 万元"):
# one space between them is read through (the quote keeps it); a digit set apart from the
# digits before it ("2 0 9 0 元", "1 1 ％") is no number of its own.
_GAP = r"(?:[ \u3000\xa0](?=[^\s\d]))?"
_FIGURE = re.compile(
    rf"(?<![\da-z.\-第])(?<![\d第][ \u3000])"  # "第 1 部分": an ordinal set apart
    rf"(?P<num>{_NUM}(?:(?:-|~|至|到){_NUM})?)(?P<approx>余|多)?"
    rf"{_GAP}(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千)?(?P<approx_mult>余|多)?"
    rf"(?P<unit>{'|'.join(map(re.escape, _UNITS))}|{COMPUTING_UNITS})?"
    r"(?P<per>/(?:月|年|[千万百]?人|吨|平方米|亩|户|天|日|千瓦时|立方米|公斤|千克|斤|克|升|小时|次))?"
)
_EITHER = re.compile(r"\((?:户|人|家)\)次")
# A unit followed by one of these starts another word: "3个月", "5方面", "2部门".
_BAD_AFTER = dict(
    x.split(":")
    for x in "方:面案向式法阵 个:月工小季 部:门署委分 人:口员才民大工 家:庭 条:例件款 场:景所地 "
    "期:间货限刊 名:单称 种:业植子 处:理置 次:级序 所:示有属得以谓".split()
)
# What is counted right after an amount: "(超10亿元)农业龙头企业3家"; the amount is its size.
_SIZE_OF_COUNTED = re.compile(
    rf"[{_HAN}]{{0,8}}(?:企业|项目|园区|集群|基地|工厂|平台|产业链)\d+(?:\.\d+)?[{COUNTERS}]"
)
_OVER = re.compile(r"(?:超过?|过|逾)$")
_RANK = re.compile(r"(第|前)(\d{1,3}|[一二三四五六七八九十]{1,3})(位|名|强)?|首位")
_RANK_VERBS = "位列|位居|名列|排名|排位|居|列|排|位于|升至|进入|冲进|跻身|保持"
_RANK_SCOPES = "全国|全省|全市|全区|全县|全球|世界|全州"
_RANK_CUE = re.compile(rf"(?:{_RANK_VERBS})[^,;:。、第前]{{0,10}}$")
_RANK_SCOPE = re.compile(rf"(?:{_RANK_SCOPES})$")
_RANK_VERB = re.compile(rf"^(?:{_RANK_VERBS})")
_RANK_WHERE = re.compile(rf"^(?:{_RANK_SCOPES}|国内|省内)")
# A ranking's own name ("数字城市百强", "先进制造业百强市", "…排行榜"), not the peers ranked
# among ("珠三角", "地级市", "万亿城市"), whose rank is of the figure before it.
_RANKING = re.compile(r"百强|\d+强|强[市县区]|榜|排行|指数|评价|评估|名单")
_BARE = re.compile(r"(?<=[为达至是破过])(\d+\.\d+|\d{1,3})(?=[,;。、)]|$)")
_BOUNDARY = ",;:。!?"
_CLAUSE_END = re.compile(f"[{_BOUNDARY}]")
_QUOTED = re.compile(r"[“「『《][^“”「」『』《》\n]{0,30}[”」』》]|\"[^\"\n]{0,30}\"")
_TITLE = re.compile(r"《[^》\n]{0,40}》")
_FROM = re.compile(r"[由从][^,;。由从到至跃]{0,24}$")
_CHANGE_TO = re.compile(
    r"[到至]|[^,;。]{0,24}?(?:(?:提高|增加|上升|下降|降低|减少|增长|扩大|缩小|提升|升|降|增)[到至]|跃)"
)

_DELTA = "同比增长|比上年增长|年均增长|增长|增幅|增速|增加(?!值)|上涨|提高|提升|上升|下降|降低|减少"
_DELTA += "|回落|缩小|收窄|扩大"
_LINK = "[和及与并且还也再又将要均各共、]"  # one-character links: "并网" keeps its 并
_LEAD_WORDS = (
    "其中 特别是 全年 当年 今年以来 今年 去年 明年 累计 共计 合计 总计 新增 全区 全市 全省 全国 "
    "全县 我区 我市 我省 我国 我县 本区 本市 一年来 目前 同比 年均 完成 实现 拥有 力争 争取 确保 "
    "预计 计划 努力 已经 分别 以及 同时 此外 另外 截至 截止 年内 期间 上半年 下半年 前三季度 左右 "
    "、 与 且 共(?![享建同性识赢治富担]) 并(?![网购联]) 还(?![款贷原])"
)
_LEAD = re.compile(
    rf"^(?:{'|'.join(_LEAD_WORDS.split())}|目标(?:是|为)?|(?:比|较)(?:上年|去年)(?:同期)?|"
    r"到?(?:19|20)\d{2}年(?:底|末|度)?(?:前|以来)?|\d{1,2}(?:-|至)\d{1,2}月份?|\d{1,2}月(?:底|末)?|"
    rf"[一二三四]季度|及?以上|\([^()]*\)|{_LINK}(?=新增|累计|完成|实现|全年|其中|达到|突破|、))+"
)
_TRAIL_WORDS = (
    "分别 均 各 已 达到 达 为 是 超过 超 突破 接近 近 逾 不少于 不低于 不超过 高于 低于 优于 双双 "
    "完成 实现 增至 至 到 共 有 保持 稳定在 控制在 在 了 的 要 总量 总数 总额 总规模 占比 同比 "
    "比上年 较上年 稳 跃 新增 累计"
)
_TRAIL = re.compile(rf"(?:{'|'.join(_TRAIL_WORDS.split())}|(?<!签)约|{_DELTA})+$")
_BARE_WORDS = re.compile(
    rf"^(?:{_LINK}|数量|比重|规模|金额|数|额|绝对值|上年|同期|两项|三项|合计|总|其|该)*$"
)
_LEVEL_ONLY = re.compile(r"^(?:国家|省|市|区|县)级?$")
_AFTER_CUT = re.compile(
    # (a digit naming a technology with its letter stays: "10个左右5G工厂")
    rf"(?!\d[a-zA-Z])[^{_HAN}a-zA-Z&\"'、]|的|形成|纳入|发放|获得|实现|达到|成为|全覆盖|覆盖|享受|惠及|带动|同比|占|分别|"
    r"签订|签署|开展|进行|召开|参加|参与"
)
_STRIP_CHARS = re.compile(r"[\"'《》<>「」\s]")
_LIST_DIGITS = re.compile(r"\d(?![\d\-~至]*[年月])")

_QUALIFIERS = (
    ("新增", re.compile(r"新增|新认定|新引进|净增|新培育|新建|新入选|新获批|新设立|新开工")),
    ("累计", re.compile(r"累计")),
    ("总量", re.compile(r"总量|总数|总额|总计|合计|共计|总规模")),
)
_DELTA_NEAR = (
    ("增长", re.compile(r"(?:增长|增幅|增速|增加(?!值)|上涨|翻)[了达为]?$")),
    ("提高", re.compile(r"(?:提高|提升|上升|扩大)了?$")),
    ("下降", re.compile(r"(?:下降|降低|减少|回落|缩小|收窄)了?$")),
)
_SHARE = re.compile(r"占|比重|比例")


@dataclass(frozen=True)
class Figure:
    """A figure in a sentence (offsets relative to it).

    ``lead`` is where its expression begins (a rank's cue "居全省", else the
    value); the metric is looked for before it.
    """

    lead: int
    start: int
    end: int
    value: str
    unit: str
    rank: bool = False


def is_counter(unit: str) -> bool:
    """Whether a unit counts things ("家", "万人次"), so the noun after it is what it counts."""
    return bool(unit) and unit[-1] in COUNTERS


def mask_quoted(s: str, original: str | None = None) -> str:
    """``s`` with quoted names and book titles blanked (same length).

    Quotes are paired on ``original``, where opening and closing marks differ.
    """
    spans = [m.span() for m in _QUOTED.finditer(original if original is not None else s)]
    chars = list(s)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars) if spans else s


# People a bare multiplier counts ("9.3万贫困人口", "12万农村劳动力", "3万群众").
_PEOPLE_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,3}?(?:人口|群众|劳动力|居民|农民工|农民|职工|学生|人才)"
)


def _unit_figure(s: str, m: re.Match[str]) -> Figure | None:
    unit, mult = m.group("unit") or "", m.group("mult") or ""
    nxt = s[m.end() : m.end() + 1]
    if unit and nxt and nxt in _BAD_AFTER.get(unit[-1], ""):
        unit = ""
    end = m.end() if unit or not m.group("unit") else m.start("unit")
    after = s[end : end + 4]
    # (not a base per head: "每10万人口高等教育平均在校生")
    people = (
        not unit and mult and _PEOPLE_AFTER.match(s, end) and s[m.start() - 1 : m.start()] != "每"
    )
    if people:  # "9.3万贫困人口稳定脱贫": a bare 万 before the people it counts
        unit = "人"
    elif not unit and not (mult and re.match(rf"$|[^{_HAN}a-z\d]|以上|左右", after)):
        return None  # no unit; a bare 万/亿 counts before punctuation ("突破30万,")
    if re.match(rf"及?以[上下][{_HAN}]", after) or (
        unit and not is_counter(unit) and re.match("的?企业|的?项目|级", after)
    ):
        return None  # a threshold: "10亿元以上项目", "超10亿元企业", "10万吨级"
    sized = _SIZE_OF_COUNTED.match(s, end) and _OVER.search(s, 0, m.start())
    if unit and not is_counter(unit) and sized:
        return None  # the size class of what is counted next: "营收超10亿元农业龙头企业3家"
    value = re.sub(r"[~至到]", "-", m.group("num").replace(",", "").replace(" ", ""))
    if unit == "类" and value in ("1", "2", "3") and re.match("(?:创新)?药|新药|医疗器械", after):
        return None  # a class, not a count: "1类创新药", "三类医疗器械"
    if unit and m.group("per"):
        end, unit = m.end(), unit + m.group("per")
    either = _EITHER.match(s, end) if unit in ("户", "人", "家") else None
    if either:  # "75万户(人)次": the unit with its alternative
        end, unit = either.end(), unit + either.group(0)
    return Figure(m.start(), m.start(), end, value, mult + unit)


def _rank_figure(s: str, m: re.Match[str]) -> Figure | None:
    if m.group(0) == "首位":
        value, unit = "第1", "位"
    elif not m.group(3) and re.match(rf"[{_HAN}a-z\d%]", s[m.end() : m.end() + 1]):
        return None  # "第一方阵", "第19届", "前三季度"
    else:
        value, unit = f"{m.group(1)}{cn_number(m.group(2))}", m.group(3) or "位"
    before = s[max(0, m.start() - 12) : m.start()]
    cue = _RANK_CUE.search(before) or _RANK_SCOPE.search(before)
    if cue:
        return Figure(m.start() - len(before) + cue.start(), m.start(), m.end(), value, unit, True)
    if m.group(1) == "第" and m.group(3) in ("位", "名"):
        return Figure(m.start(), m.start(), m.end(), value, unit, True)
    return None


def find_figures(s: str, masked: str | None = None) -> list[Figure]:
    """Figures of a normalised sentence, in order and not overlapping.

    Args:
        s: the normalised sentence.
        masked: ``s`` with quoted names blanked (:func:`mask_quoted`).
    """
    t = masked if masked is not None else mask_quoted(s)
    found = [f for m in _FIGURE.finditer(t) if (f := _unit_figure(t, m))]
    found += [f for m in _RANK.finditer(t) if (f := _rank_figure(t, m))]
    for m in _BARE.finditer(t):
        if not 1900 <= float(m.group(1)) <= 2100:
            found.append(Figure(m.start(), m.start(), m.end(), m.group(1), ""))
    out: list[Figure] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if (not out or f.lead >= out[-1].end) and not (_undated_base(t, f) or _is_size(t, out, f)):
            out.append(f)
    return out


def _undated_base(s: str, fig: Figure) -> bool:
    return is_base(s, fig) and base_year(s, fig) is None


def _is_size(s: str, before: list[Figure], fig: Figure) -> bool:
    """Whether a figure right after a count is the size class of what is counted ("引进2个
    50亿元以上项目"); a total stays ("项目161个21.3亿元", "4条210公里高速公路")."""
    last = before[-1] if before else None
    return bool(
        last
        and last.end == fig.start
        and is_counter(last.unit)
        and not is_counter(fig.unit)
        and re.match("及?以[上下]", s[fig.end : fig.end + 3])
    )


def is_base(s: str, fig: Figure) -> bool:
    """Whether a figure is the old value of a change ("由46.9%提高到48.2%")."""
    return bool(_FROM.search(s, max(0, fig.lead - 24), fig.lead) and _CHANGE_TO.match(s, fig.end))


# "由1990年的14.39‰下降到1995年的10.55‰": a change's old value dated by its own year
_DATED_BASE = re.compile(r"[由从]((?:19|20)\d{2})年(?:底|末)?的$")


def dated_base(s: str, pos: int) -> int | None:
    """The year written right before ``pos`` as a change's start ("由1990年的"), else None."""
    m = _DATED_BASE.search(s, max(0, pos - 9), pos)
    return int(m.group(1)) if m else None


def base_year(s: str, fig: Figure) -> int | None:
    """The year a change's old value is dated by, right before it ("由1990年的14.39‰"):
    that year's own figure, a fact like any other; None for an undated base or no base."""
    year = dated_base(s, fig.lead)
    return year if year is not None and is_base(s, fig) else None


def clause_start(s: str, pos: int, floor: int = 0, marks: str = _BOUNDARY) -> int:
    """Start of the clause holding ``pos``: after the nearest mark, or ``floor``.

    An unmatched "(" before ``pos`` is a boundary too; a closed "(…)" is not.
    """
    depth = 0
    for i in range(pos - 1, floor - 1, -1):
        ch = s[i]
        if ch == ")":
            depth += 1
        elif ch == "(" and depth:
            depth -= 1
        elif (ch == "(" or ch in marks) and not depth:
            return i + 1
    return floor


def item_start(s: str, pos: int, floor: int = 0) -> int:
    """Start of the list item naming a figure at ``pos`` (after a "、").

    Items before it that hold no figure name it too: "新增领军人才、青年人才23人".
    """
    i = clause_start(s, pos, floor, _BOUNDARY + "、")
    return i if _LIST_DIGITS.search(s, floor, i) else floor


def blank_titles(s: str) -> str:
    """``s`` with book titles (《…》) blanked (same length)."""
    return _TITLE.sub(lambda m: " " * len(m.group(0)), s) if "《" in s else s


def clause_end(s: str, pos: int) -> int:
    """End of the clause holding ``pos`` (the next boundary mark, or the end)."""
    m = _CLAUSE_END.search(s, pos)
    return m.start() if m else len(s)


def clean_metric(text: str) -> str:
    """Metric words of the text before a number: connectives, time words and verbs dropped."""
    text = re.sub(r"(?:由|从)[^,;]*\d.*$", "", _STRIP_CHARS.sub("", text))  # "比重由46.9%提高到"
    for _ in range(3):
        text = _TRAIL.sub("", _LEAD.sub("", text))
    return "" if _BARE_WORDS.match(text) else text


def noun_after(s: str, end: int) -> str:
    """The counted noun after a counter ("新增8家科技小巨人企业," → "科技小巨人企业")."""
    # (a unit's note after it, "20000场(次)志愿驻点服务", "7万套(间)": no noun)
    tail = re.sub(r"^(?:\([\u4e00-\u9fff]{1,2}\))?(?:及?以上|左右)?", "", s[end : end + 30])
    if tail.startswith("、"):
        return ""  # "637家、省科技型中小企业1734家": the next item
    cut = _AFTER_CUT.search(tail)
    noun = tail[: cut.start()] if cut else tail
    if cut and tail[cut.start()].isdigit():
        noun = noun.split("、")[0]  # "12家雏鹰企业、风险池企业142万元": the next item has a figure
    return clean_metric(re.sub(r"[赴到在为向对与和及获被将把]$", "", noun))


def ranked_words(s: str, fig: Figure) -> str:
    """The ranking a rank's own expression names between its cue and its place ("我市位列
    全国数字城市百强第63位": 数字城市百强); "" for a cue and a scope or peers alone ("居全省
    第3位", "居珠三角第4位": the rank is of the words before it)."""
    if not fig.rank:
        return ""
    inner = _RANK_WHERE.sub("", _RANK_VERB.sub("", s[fig.lead : fig.start]))
    return clean_metric(inner) if _RANKING.search(inner) else ""


def metric_of(s: str, fig: Figure, item: str, prev: str) -> str:
    """Metric of a figure: its own words (for a rank whose words before name nothing, the
    list it ranks in), else the counted noun after it, else ``prev``."""
    own = clean_metric(item) or ranked_words(s, fig)
    if prev and own.startswith(prev) and not clean_metric(own[len(prev) :]):
        own = ""  # the words are the noun of the figure before: "71处“疏绿透美”和433公里…"
    if own.startswith("占") and prev:
        return prev + own  # "R&D经费投入" + "占GDP比重"
    if _LEVEL_ONLY.match(own) and prev:
        return own + re.sub(r"^(?:国家|省|市|区|县)?级?(?:及?以上)?", "", prev)  # "其中国家级9家"
    after = "" if fig.rank or not fig.unit else noun_after(s, fig.end)
    if len(after) > 1 and (
        is_counter(fig.unit) or len(own) <= 2 or own.endswith("等") or "、" in own
    ):
        return own + after if 0 < len(own) <= 2 else after
    return own or prev


def qualifier_of(fig: Figure, item: str, clause: str) -> str:
    """Qualifier from the words before a figure (its list item and its clause)."""
    if fig.rank:
        return "排名"
    near = re.sub(r"(?:保持|达到|达|为|分别|均|约|近|超过|超|逾|同比)+$", "", item)
    for name, pattern in _DELTA_NEAR:
        if pattern.search(near):
            return name
    if fig.unit == "%" and _SHARE.search(item):
        return "占比"
    return next((name for name, pattern in _QUALIFIERS if pattern.search(clause)), "")
