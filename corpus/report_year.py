"""When a government work report was delivered, read from its own words: whether a text is
a work report, the congress session it is addressed to, the year its review names, and how
its paragraphs open. A report delivered in year Y reviews Y-1 and plans Y."""

from __future__ import annotations

import re

from corpus.metadata import CITED_TITLE, SALUTATION, numbered_year
from corpus.numerals import cn_number
from corpus.plan_periods import PLAN_FIRST_YEAR, PLAN_NAME


def is_work_report(norm: str) -> bool:
    """Whether a text is a government work report (delivered early in its year); a report
    it cites by title ("落实2018年《政府工作报告》工作部署") does not make it one."""
    head = CITED_TITLE.sub(lambda m: " " * len(m.group(0)), norm[:3000])
    return bool(
        re.search(
            r"政府工作报告|向大会报告工作|向大会作(政府)?工作报告|向大会报告政府工作"
            # "我代表国务院，向第十届全国人民代表大会第一次会议报告过去五年的工作"
            r"|我代表(?:国务院|[^。\n]{1,12}政府),?向[^。\n]{0,30}(?:人民代表大会|大会)[^。\n]{0,20}报告"
            # "我受国务院的委托,向全国人民代表大会报告政府工作" (not a report on the plan:
            # "向大会提出关于1980、1981年国民经济计划安排的报告")
            r"|我受(?:国务院|[^。\n]{1,12}政府)的委托,?[^。\n]{0,10}?"
            r"向[^。\n]{0,30}(?:人民代表大会|大会)报告政府工作"
            # a copy without its opening lines: the government thanks the congress that
            # oversees it ("在市人大、市政协的监督支持下")
            r"|人大[^。\n]{0,8}政协的?(?:监督|支持)",
            head,
        )
    )


def is_address(norm: str) -> bool:
    """Whether a text is delivered to an assembly in its year (a work report, or a speech
    opening on its salutation): the years it names are the year before and its own, unlike a
    policy's, which are its targets' ahead and its background's behind."""
    return bool(SALUTATION.match(norm)) or is_work_report(norm)


# "2023年工作回顾", "一、1996年国内工作的回顾", "过去的2023年", "首先报告2001年的工作"
_REVIEW_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?:国内)?(?:的)?(?:工作)?(?:的)?回顾|过去的((?:19|20)\d{2})年"
    r"|报告((?:19|20)\d{2})年的工作"
)
# A numbered part opening on a year ("一、2010年及“十一五”工作回顾", "三、2011年发展目标和
# 重点工作"), however its words run on…
_YEAR_PART = re.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]+、\s*((?:19|20)\d{2})年")
# …and one planning the report's own year ("三、2011年的工作", "二、2024年工作安排").
_PLAN_HEADING = re.compile(
    _YEAR_PART.pattern + r"的?"
    r"(?:工作|重点工作|主要任务|工作安排|工作任务|政府工作)(?!回顾|总结|情况|的?回顾|完成)"
)
# A report's own title in its head, not one it cites ("二O一二年政府工作报告发布日期:…").
_HEAD_TITLE_YEAR = re.compile(r"(?<!《)((?:19|20)\d{2})年政府工作报告(?!》)")
_HEAD = 600  # characters of a document's head its own title stands in
# A report's own title line naming its year ("1964年国务院政府工作报告(摘要)").
_TITLE_YEAR = re.compile(r"\s*((?:19|20)\d{2})年[^\n。]{0,20}政府工作报告[^\n。]{0,8}\n")
# A sentence setting the report's own year's tasks ("1987年经济体制改革的主要任务是",
# "1987年要在这方面…", "1987年,我们要…"); not a target ahead ("到2000年要…").
_PLAN_SENTENCE = re.compile(
    r"(?<![到至在于])((?:19|20)\d{2})年(?:,?我们要|要|[\u4e00-\u9fff]{0,8}?的主要任务是)"
)
# The first session of each National People's Congress (第一届 1954 … 第十四届 2023); a
# congress sits once a year from its first session ("第十届…第一次会议" is 2003). A report
# addressed to a congress without a session ("向第五届全国人民代表大会作政府工作报告") is
# delivered to its first: a later session is always named.
_NPC_FIRST_SESSION: tuple[int, ...] = (1954, 1959, 1964, 1975, 1978, 1983, 1988, 1993, 1998)
_NPC_FIRST_SESSION += (2003, 2008, 2013, 2018, 2023)
_ADDRESSED_NPC = re.compile(
    r"向第?([一二三四五六七八九十]+)届全国人民代表大会"
    r"(?:第([一二三四五六七八九十]+)次会议|(?=作[^。\n]{0,6}报告|报告))"
)


def paired_heading_year(norm: str) -> int | None:
    """A work report's own year from its numbered parts: one part on a year, a later one on
    the next (the year reviewed, then the year planned) is the report of that next year;
    None when no two parts pair so (a part's words need not say "回顾" or "工作")."""
    years = [int(m.group(1)) for m in _YEAR_PART.finditer(norm)]
    return next((y for i, y in enumerate(years) if y - 1 in years[:i]), None)


def addressed_congress_year(norm: str) -> int | None:
    """The year of the national congress session a report is addressed to ("向第十届全国人民
    代表大会第一次会议报告" → 2003); a session named without 向 may be one long past."""
    m = _ADDRESSED_NPC.search(norm[:3000])
    if not m:
        return None
    congress = cn_number(m.group(1))
    session = cn_number(m.group(2)) if m.group(2) else 1
    if not 1 <= congress <= len(_NPC_FIRST_SESSION) or not 1 <= session <= 5:
        return None
    return _NPC_FIRST_SESSION[congress - 1] + session - 1


def issue_year(date: str, years: tuple[int, ...], norm: str) -> int | None:
    """The year a document was issued: its date's, else its own number's ("民函〔2021〕742号"
    on a line of its own), else a work report's review year + 1.

    A government work report delivered in 2024 reviews "2023年工作回顾"; many
    copies lose the congress line that dates them. Other undated documents
    have no issue year (their years may be targets far ahead).
    """
    # A web page's "发布日期:2014-09-03" is when a copy was posted: a work report's own
    # title on its head ("二O一二年政府工作报告") says its year.
    report = is_work_report(norm)
    headed = _HEAD_TITLE_YEAR.search(norm[:_HEAD]) if report else None
    if headed:
        return int(headed.group(1))
    m = re.match(r"((?:19|20)\d{2})", date)
    if m:
        return int(m.group(1))
    numbered = numbered_year(norm)
    if numbered:
        return numbered
    if report:
        titled = _TITLE_YEAR.match(norm)
        if titled:
            return int(titled.group(1))
        addressed = addressed_congress_year(norm)
        if addressed:
            return addressed
        spoken = spoken_year(norm)
        if spoken:
            return spoken
        review = _REVIEW_YEAR.search(norm[:20000])
        if review:
            return int(next(g for g in review.groups() if g)) + 1
        planned = _PLAN_HEADING.search(norm)
        if planned:
            return int(planned.group(1))
        paired = paired_heading_year(norm)
        if paired:
            return paired
        tasks = [int(m.group(1)) for m in _PLAN_SENTENCE.finditer(norm)]
        if tasks:
            return min(tasks)
        found = [*years, *filter(None, [opening_year(norm)])]
        if found:
            # "1982年预计比1981年增长5%": a figure estimated for a year is of the year the
            # report speaks in (late in it) or of the one just ended (early in the next)
            estimate = max(found + [int(m.group(1)) for m in _ESTIMATED.finditer(norm)])
            return max(estimate, (past_congress_year(norm) or 0) + 1)
    return None


# "根据一九八三年六月第六届全国人民代表大会第一次会议的决议,…一年来": a report carrying out
# what an earlier session resolved is delivered at a later one.
_PAST_NPC = re.compile(
    r"根据[^。\n]{0,12}?第?([一二三四五六七八九十]+)届全国人民代表大会"
    r"第([一二三四五六七八九十]+)次会议(?:通过)?的?决议"
)


def past_congress_year(norm: str) -> int | None:
    """The year of the national congress session whose resolution a report says it carried
    out (None when it names none): the report is delivered after it."""
    m = _PAST_NPC.search(norm[:3000])
    if not m:
        return None
    congress, session = cn_number(m.group(1)), cn_number(m.group(2))
    if not 1 <= congress <= len(_NPC_FIRST_SESSION) or not 1 <= session <= 5:
        return None
    return _NPC_FIRST_SESSION[congress - 1] + session - 1


_ESTIMATED = re.compile(r"(?<![到至])((?:19|20)\d{2})年(?:全年)?预计")


# A paragraph opening on a year: "2024年是…" after the report's first third names the
# report's own year (its plan); "2023年,在…领导下" in that first third opens the review of
# the year before it ("2023年是…" there reviews, too).
_OPENING_YEAR = re.compile(r"(?:^|\n)[ \t\u3000]*((?:19|20)\d{2})年(是|,)")


def opening_year(norm: str) -> int | None:
    """A work report's own year from how its paragraphs open, for a report without a
    dated congress line or a "2023年工作回顾" heading; None when none opens so."""
    third = len(norm) // 3
    found = [
        int(m.group(1)) + (m.group(2) == ",")
        for m in _OPENING_YEAR.finditer(norm)
        if (m.group(2) == "是") == (m.start() >= third)
    ]
    return max(found) if found else None


# How an undated report says when it speaks: since the session it last addressed ("从去年
# 三月第五届全国人民代表大会第一次会议闭幕到我们这次会议召开"), in which year of a plan
# ("今年是实行“七五”计划的头一年"), after how long in office ("本届政府从1993年3月就职,到现在
# 已经五年了").
_LAST_SESSION = re.compile(
    r"去年[^。\n]{0,6}?第?([一二三四五六七八九十]+)届全国人民代表大会第([一二三四五六七八九十]+)次会议"
)
_PLAN_YEAR = re.compile(
    rf'今年是(?:实行|实施|执行|落实)?"?(?:{PLAN_NAME.pattern})"?(?:计划|规划)?的?'
    r"(头一年|第一年|开局之年|起步之年|第([一二三四五])年|最后一年|收官之年)"
)
_IN_OFFICE = re.compile(
    r"从((?:1\s*9|2\s*0)\s*\d\s*\d)\s*年[^,。\n]{0,8}就职,?到现在已经([一二三四五六七八九十]+)年"
)


def spoken_year(norm: str) -> int | None:
    """The year an undated report speaks in, from how it counts from a known time (None when
    it does not)."""
    m = _LAST_SESSION.search(norm[:3000])
    if m:
        congress, session = cn_number(m.group(1)), cn_number(m.group(2))
        if 1 <= congress <= len(_NPC_FIRST_SESSION) and 1 <= session <= 5:
            return _NPC_FIRST_SESSION[congress - 1] + session
    m = _PLAN_YEAR.search(norm)
    if m:
        first = PLAN_FIRST_YEAR[m.group(1)]
        nth = m.group(3)
        return first + (
            4 if m.group(2) in ("最后一年", "收官之年") else cn_number(nth) - 1 if nth else 0
        )
    m = _IN_OFFICE.search(norm[:3000])
    if m:
        return int(re.sub(r"\s", "", m.group(1))) + cn_number(m.group(2))
    return None
