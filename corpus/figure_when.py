"""When, where and of what kind a figure is: its year, period, scope, region, target or not.

These read a masked sentence (see :func:`corpus.figures.mask_quoted`) around a figure
:func:`corpus.figures.find_figures` found; :mod:`corpus.facts` puts the answers in a row.
"""

from __future__ import annotations

import re

from corpus.model import Section
from corpus.places import find_places
from corpus.plan_periods import PLAN_NAME

_HAN = "\u4e00-\u9fff"
_SCOPES = re.compile(r"全国|我国|全省|我省|本省|全市|我市|本市|全区|我区|本区|全县|我县|本县")
_SCOPE_OF = {"国": "全国", "省": "全省", "市": "全市", "区": "全区", "县": "全区"}
_COMPARE_BEFORE = re.compile(r"[居列占于排比较超在跻]$|高于$|低于$")
# …nor a quality ("全国影响力", "全省知名", "全国一流", "全国领先")
_SCOPE_NOT_AFTER = re.compile(
    r"第|前|平均|首|同类|百强|重点实验室|文明|的|影响|知名|一流|领先|有名|闻名"
)
_YEAR = re.compile(r"(?<!\d)(?<!\d[-~至])((?:19|20)\d{2})年度?|([今去明])年")
_RELATIVE = {"今": 0, "去": -1, "明": 1}
_YEAR_BASE = re.compile(r"(?:比|较|与|同|是|于|从|由|自|相比|超过)$")
# A year inside what a verb acts on names a batch, not when: "推进2023年棚改480户",
# "申报2021年省领军型团队1个"; after the figure, "3家中心2020年度绩效考核".
_OBJECT_VERB = re.compile(r"(?:推进|建成|入选|申报|开展|承担|获得|获批|兑现|拨付|下达|续建)$")
_PERIODS = re.compile(
    r"\d{1,2}(?:-|~|至)\d{1,2}月|前[一二三]季度|[一二三四]季度|上半年|下半年|全年|"
    + PLAN_NAME.pattern
    + r"|过去五年|五年来|近五年|(?:19|20)\d{2}(?:-|~|至)(?:19|20)?\d{2}年"
)
_TARGET = re.compile(
    r"力争|预期(?:目标|指标|增长|达到|为|实现)|力求|努力(?:实现|达到|使)|目标(?:是|为|值|:)|"
    r"预算(?:规定|安排)|"
    r"计划(?:新增|完成|实施|建设|引进|培育|达到|实现|新建|开工)"
)
# Not in an actual section: "争取资金2.59亿元", "成功争创国家级…".
_WEAK_TARGET = re.compile(r"争取|确保|预计|争创")
_NAMING = re.compile(rf"(?:{_TARGET.pattern})[{_HAN}]{{0,2}}的")  # "计划新建的高速公路"
_BY_YEAR = re.compile(r"[到至]((?:19|20)\d{2})年")
# A clause saying its figure is reached already ("已设立", "已经建成", "品种大约增加了两万
# 四千种": a deed done), no target word after. (Not 为了/除了, what it is for or besides, nor
# what a plan itself does: "《纲要草案》具体部署了13项任务举措".)
_DOCUMENT_DOES = "".join(
    f"(?<!{v})" for v in ("部署", "提出", "明确", "安排", "确定", "制定", "设定")
)
_DONE = re.compile(
    r"(?:(?<![而得])已(?:经)?(?!于)"
    rf"|(?<=[\u4e00-\u9fff])(?<![为除罢]){_DOCUMENT_DOES}了(?!解))"
    rf"(?!.*(?:{_TARGET.pattern}|{_WEAK_TARGET.pattern}|要|将))"
)
# A floor or a cap set right before a figure, outside a review: "每年举办活动不少于2场".
FLOOR_WORDS = "不少于|不低于|不超过|不高于|至少"
_FLOOR = re.compile(rf"(?:{FLOOR_WORDS})[ \u3000\xa0]?$")


def scope_of(text: str) -> str:
    """Scope word of a masked text (全国/我国 → 全国 … 我区/全县 → 全区); comparisons skipped."""
    for m in _SCOPES.finditer(text):
        compared = _COMPARE_BEFORE.search(text, 0, m.start())
        if not (compared or _SCOPE_NOT_AFTER.match(text, m.end())):
            return _SCOPE_OF[m.group(0)[1]]
    return ""


def named_year(
    s: str, pos: int, stop: int | None = None, ref: int | None = None, relative: str = "今去明"
) -> int | None:
    """The year a masked sentence names for a figure at ``pos``.

    The last year before the figure, else the first after it up to ``stop`` (in its
    own list item: "申报A团队1个、2020年B团队3个" gives the 1 none);
    comparison bases ("比2020年", "是2015年的3倍"), "2021年以来" and the year of a
    batch ("推进2023年棚改", "2020年度考核") are skipped; "增加到2002年的1161亿元" is
    the end of a change, so counts. Of 今年/去年/明年 the ``relative`` ones count,
    from ``ref``, the year the document was issued.
    """
    before: list[int] = []
    after: list[int] = []
    item = s.find("、", pos)
    stop = len(s) if stop is None else stop
    for m in _YEAR.finditer(s, 0, stop if item < 0 else min(stop, item)):
        if m.group(2) and m.group(2) not in relative:
            continue
        year = int(m.group(1)) if m.group(1) else ref and ref + _RELATIVE[m.group(2)]
        if year and not _not_when(s, m, m.start() > pos):
            (before if m.start() < pos else after).append(year)
    return before[-1] if before else (after[0] if after else None)


def _not_when(s: str, m: re.Match[str], after: bool) -> bool:
    """Whether a year is no figure's time: a comparison's base, a start, a batch's name."""
    head, tail = s[max(0, m.start() - 6) : m.start()], s[m.end() : m.end() + 6]
    if _YEAR_BASE.search(head[-2:]) or _OBJECT_VERB.search(head):
        return True
    if tail.startswith("的"):
        return not head.endswith(("到", "至"))  # "增加到2002年的1161亿元": the end's year
    batch = after and m.group(0).endswith("度") and re.match(f"[{_HAN}]", tail)
    # "2021年以来", "2022年8月以来": a start, not when
    return bool(batch or re.match(r"(?:\d{1,2}月份?)?以来|同期", tail))


def period_of(*texts: str, half: str = "") -> str:
    """Period the first text naming one names ("1-5月", "上半年", "十四五" …), else the half's."""
    for text in texts:
        m = _PERIODS.search(text)
        if m:
            return re.sub(r"[~至]", "-", m.group(0))
    return {"H1": "上半年", "H2": "下半年"}.get(half, "")


def reached_already(prefix: str) -> bool:
    """Whether the clause a figure closes says it is reached already, a deed done with no
    target word after ("国家已设立400亿元…", "五年建成了一千一百个…"): a figure of a plan
    part that is no target."""
    return bool(_DONE.search(re.split(r"[,;:。]", prefix)[-1]))


def is_target(prefix: str, section: Section | None, year: int | None, ref: int | None) -> bool:
    """Whether a figure is a target, from its section and the sentence up to it.

    In a plan section everything is, save a figure of a named earlier year. A target
    word naming a thing ("计划新建的高速公路") sets no target; in a review only the
    strong words do ("力争…"), and "到2002年" is where a change ended.
    """
    kind, sec_year = (section.kind, section.year) if section else ("", None)
    if kind == "plan":
        if not (year and sec_year and year < sec_year):
            # "国家已设立400亿元…引导基金,要整合筹措更多资金": what is done already
            return not reached_already(prefix)
        # An earlier year in a plan part is a figure reached, unless it is a staged deadline
        # not yet passed when the text was written ("到2022年底,…200个以上" of a plan to 2025)
        by = _BY_YEAR.search(prefix)
        return bool(by and int(by.group(1)) == year and (ref is None or year >= ref))
    prefix = _NAMING.sub("", prefix)
    if kind == "actual":
        return bool(_TARGET.search(prefix))
    if _TARGET.search(prefix) or _WEAK_TARGET.search(prefix) or _FLOOR.search(prefix):
        return True
    by = _BY_YEAR.search(prefix)
    if by is None:
        return False
    if ref is None:
        # An undated text (a policy, a guide): "到2015年,初步建成…" sets a deadline;
        # "到2015年底" may be where a count stood.
        return not prefix.startswith(("底", "末"), by.end())
    return int(by.group(1)) >= ref


def region_of(clause: str, region: str, aliases: tuple[str, ...]) -> str:
    """A place the masked clause names in full, other than the region or its parents."""
    for start, end, place in find_places(clause):
        if clause[start:end] != place.name or place.name in aliases:
            continue
        if not (_COMPARE_BEFORE.search(clause, 0, start) or re.match("第|前|奖", clause[end:])):
            return place.name
    return region
