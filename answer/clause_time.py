"""When a clause speaks of: the year and the half-year of its sentence, paragraph, section
and document, against the question's (answer.extract scores clauses with them)."""

from __future__ import annotations

import re

from corpus.enum_model import DASH_MARK
from corpus.metadata import CITED_TITLE, YEAR_WRITTEN
from corpus.model import Document, Passage
from corpus.plan_periods import PLAN_NAME
from retrieval.metadata import doc_year_fit
from retrieval.query import Query
from retrieval.years import plan_period_years

# What a base is so many times of ("的3.75倍", spelled out too: "的十三点七倍").
_TIMES_OF = r"的[\d.一二三四五六七八九十两百点]+倍"
# A plan period as the base of a comparison ("为“十一五”时期的4倍", "比十二五末提高"):
# not the time the sentence speaks of.
_PLAN_AS_BASE = re.compile(
    rf"(?:比|较)\"?{PLAN_NAME.pattern}"
    rf"|{PLAN_NAME.pattern}\"?(?:时期|期间|末)?{_TIMES_OF}"
)


def year_signal(
    query: Query, passage: Passage, doc: Document, sent_norm: str, sent_start: int = -1
) -> int:
    """+1 the sentence speaks of a year the question asks (named in it, its paragraph's
    opening, its section or its document), -1 of another, 0 when it cannot tell."""
    issued = doc_year_fit(query, doc)
    if issued < 0:
        return -1  # "24年政府工作报告": another year's report does not say
    if not query.years:
        return issued
    # "是2015年的3.75倍", "比2015年提高": a year named as a base of comparison is not the subject;
    # nor is one inside a document's title ("制订《…行动计划(2021-2025年)》,将160家…").
    # …nor one the sentence builds on ("在2021年工作基础上,继续…扩大至14个城市"), nor a day.
    sent_norm = _DAY.sub("", _BUILT_ON.sub("", CITED_TITLE.sub("", sent_norm)))
    # "获评2020年度省科技进步奖" in a 2021 summary: the year names the honour, not the time
    # the sentence speaks of (unless it is the year asked).
    honours = {int(m.group(1)) for m in _HONOUR_YEAR.finditer(sent_norm)}
    if honours & set(query.years):
        return 1
    sent_norm = _HONOUR_YEAR.sub("", sent_norm)
    named = set(plan_period_years(_PLAN_AS_BASE.sub("", sent_norm))) | {
        int(y) for y in _NAMED_YEAR.findall(sent_norm)
    }
    if not named and sent_start >= 0 and doc.norm:
        # "到2027年,…。一是…超过75%": the paragraph's year, said outright, beats its section's
        section = doc.section_at(sent_start)
        named = paragraph_year(doc.norm, sent_start, section.start if section else 0)
        if named:
            return 1 if named & set(query.years) else -1
    if named & set(query.years):
        return 1
    if _DEADLINE.match(sent_norm):
        return -1  # "到2018年,累计制修订150项…": that deadline's figure, not the one asked
    if _FISCAL_YEAR.search(sent_norm):
        return -1  # "2020年度全区602家企业享受…": the figures are of the year it names
    if passage.section_year in query.years:
        # A sentence in a 2023 section that names 2024 is about 2024.
        return (
            -1 if named and passage.section_kind != "plan" and max(named) > max(query.years) else 1
        )
    if passage.section_year is not None and passage.section_year in query.doc_years:
        return -1 if named else 0  # a part of the report named by its year: see retrieval
    if passage.section_year is not None:
        return -1
    if named:
        return -1
    doc_years = set(doc.years)
    if doc_years and not doc_years & set(query.years):
        return -1
    return 0


# A year a sentence names as its time: not a base ("比2015年", "是2015年的3倍").
_NOT_BASE = r"(?<![比较是与同])"
_NAMED_YEAR = re.compile(rf"{_NOT_BASE}{YEAR_WRITTEN}(?!{_TIMES_OF})")
# …and a clause as its own (not a batch's or an assessment's: "2020年度绩效考核").
_CLAUSE_YEAR = re.compile(rf"{_NOT_BASE}{YEAR_WRITTEN}(?!度|{_TIMES_OF})")
# (a base it is compared with is no time of its own: "…;在校学生达到一百三十万人,比1980年增长…")
_ANY_YEAR = re.compile(rf"{_NOT_BASE}(?:{YEAR_WRITTEN}|今年|去年|明年)")


def clause_year(query: Query, year: int, clause_norm: str, this_year: int | None = None) -> int:
    """A clause's year signal from its sentence's (``year``): -1 when the clause names a
    year of its own and none asked ("…,1979年有1622个,1980年增加到5569个"), whatever the
    sentence's others; "今年" names ``this_year``, the year its report is delivered in
    ("今年…降到千分之十左右,…1985年要降到千分之五左右" asked of 1985)."""
    own = {int(y) for y in _CLAUSE_YEAR.findall(clause_norm)}
    if this_year is not None and _THIS_YEAR.search(clause_norm):
        own.add(this_year)
    if year > 0 and own and query.years and not own & set(query.years):
        return -1
    return year


_THIS_YEAR = re.compile(r"今年|本年(?!度)")


def timed_text(sentences: list[tuple[int, str]], start: int, sent_norm: str) -> str:
    """The text a sentence's year is read from: the sentence, or, when it names no year, the
    sentences right before it that each end on ";" and it continues ("…预期目标是:A;B;C;")."""
    if _ANY_YEAR.search(sent_norm):
        return sent_norm
    chain: list[str] = []
    for _, norm in reversed([x for x in sentences if x[0] < start][-_RUN_ON:]):
        if not norm.endswith(";"):
            break
        chain.insert(0, norm)
    return " ".join([*chain, sent_norm])


_RUN_ON = 8  # at most this many ";" sentences before one carry their year to it
# A sentence opening on its own deadline ("到2018年,…", "至2025年底,…").
_DEADLINE = re.compile(rf"[^,。;]{{0,8}}?[到至]\s?{YEAR_WRITTEN}(?:底|末)?\s?[,:]")
# A year written as a fiscal or statistical year ("2020年度全区602家企业享受…"): the year its
# figures are of; not a year whose reviews or awards are carried out now ("开展2020年度
# 绩效考核", "2020年度孵化平台认定…兑现").
_FISCAL_YEAR = re.compile(
    r"(?<![比较是与同])(?:19|20)\d{2}年度"
    r"(?![^,;。]{0,12}?(?:考核|认定|评价|评审|评估|奖励|申报|兑现|绩效|检查|验收|认证|报告|计划))"
)
_BUILT_ON = re.compile(r"在(?:19|20)\d{2}年[^,;。]{0,8}?(?:的)?基础上")
# A day ("研究期限应填写2025年1月1日-2028年12月31日", "于2023年6月30日前报送"): a term or a
# deadline, not the year a figure is of; unless the figure is counted up to it (截至…日).
_DAY = re.compile(r"(?<!截至)(?<!截止)(?<!到)(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
# A year naming an honour, a list or a batch ("2020年度省科技进步奖", "2020年全国科技活动周
# 优秀单位", "2020年杭州市“521”计划建议人选"): what it is called, not when the sentence is.
_HONOUR_YEAR = re.compile(
    rf"{YEAR_WRITTEN}度?(?=[^,;。、]{{0,14}}?(?:奖(?!励|补)|优秀单位|先进单位|突出单位|称号|名单|榜单|人选))"
)
# "到2027年,…。…建成15个…": a sentence opening on a year speaks of it up to the next one
# that does, in its paragraph.
_OPENING_YEAR = re.compile(
    # "第一阶段到2025年,…": a plan's stage opening on the year it reaches
    r"(?:^|(?<=[。;\n]))[ \t\u3000]*(?:第[一二三四五]阶段|近期|中期|远期)?(?:到|至|截至|截止)?"
    rf"{YEAR_WRITTEN}(?:底|末)?,"
)


def paragraph_year(norm: str, at: int, floor: int = 0) -> set[int]:
    """The year the last sentence opening on one ("到2027年,") names, before offset ``at``
    in its paragraph, from ``floor`` on (its section's heading: a text set on one line
    runs every section into one paragraph); empty when none."""
    start = max(norm.rfind("\n", 0, at) + 1, floor)
    found = list(_OPENING_YEAR.finditer(norm, start, at))
    if found:
        return {int(found[-1].group(1))}
    return _lead_year(norm, start, floor) if _POINT.match(norm, start) else set()


def _lead_year(norm: str, start: int, floor: int) -> set[int]:
    """The year a run of bulleted paragraphs ("--人工智能产业进入全球价值链高端…"), or of
    paragraphs each opening on a title ("数字化普及率显著提升。…"), is of: the one their
    lead paragraph opens on as its deadline ("第二步,到2025年…")."""
    while start > floor:
        lead = max(norm.rfind("\n", 0, start - 1) + 1, floor)
        if not _POINT.match(norm, lead):
            m = _LEAD_DEADLINE.match(norm, lead)
            return {int(m.group(1))} if m else set()
        start = lead
    return set()


# A paragraph set off by a dash or a dot ("--", "——", "·")…
_BULLET = re.compile(rf"[ \t\u3000]*(?:{DASH_MARK}|[·•●▪])")
# …or opening on a title of its own ("数字化普及率显著提升。轻工重点企业…"): a point of the
# paragraph before
_POINT = re.compile(rf"{_BULLET.pattern}|[ \t\u3000]*[\u4e00-\u9fff\"]{{4,12}}[。!]")
# …and the deadline its lead opens on ("第二步,到2025年…", "到2030年,")
_LEAD_DEADLINE = re.compile(
    rf"[ \t\u3000]*(?:第[一二三四五六七八九十]+(?:步|阶段)[,:]?)?(?:到|至){YEAR_WRITTEN}"
)


def half_signal(query: Query, passage: Passage, sent_norm: str) -> int:
    """+1/-1 when the question asks about one half of a year and the passage does / does not."""
    if not query.half:
        return 0
    if passage.section_half == query.half:
        return 1
    words = ("上半年", "1-5月", "1-6月") if query.half == "H1" else ("下半年",)
    return 1 if any(w in sent_norm for w in words) else -1
