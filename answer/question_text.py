"""The words of a question with what is no word taken out: its places, its figures (kept
apart as the values an answer must state), its years, dates, plan periods, counts, asking
phrases and glosses (:func:`answer.signals.signals` reads its terms from what is left)."""

from __future__ import annotations

import re

from answer.quantities import BOUND_WORDS, cn_counts, cn_percents
from answer.question_words import QUESTION_PHRASES, RELATIVE_YEAR
from corpus.figure_when import FLOOR_WORDS
from corpus.places import find_places, region_aliases
from corpus.plan_periods import PLAN_NAME
from index.text import canonicalize
from retrieval.intent import Intent
from retrieval.query import Query
from retrieval.years import YEAR_SPAN_SEP

# What follows a figure, not a year: a counter, a multiplier or a unit ("2000家", "2000万元").
_COUNTED = re.compile(
    r"\s*(?:多|余)?(?:[个家项条名人件次所座台套批场户元吨%亿万千]|公里|平方米|[A-Za-z])"
)
_TECH_NAME = re.compile(r"\d[gkd](?![a-z])")
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z0-9\"”])\([^()]{1,30}\)")


# A person by title before the report they gave: "周总理政府工作报告", "李市长那份报告".
_SPEAKER = re.compile(
    r"[\u4e00-\u9fff]{1,3}(?:总理|省长|市长|区长|县长|州长|主席)(?=[^,;。?!]{0,12}报告)"
)


def without_places(query: Query) -> tuple[str, set[str]]:
    """The question's canonical text with the places it asks of blanked, and their names."""
    text = query.canon
    places = {a for r in query.regions for a in region_aliases(r)}
    for name in sorted(places, key=len, reverse=True):
        text = text.replace(name, " ")
    # A place written by a name the gazetteer keeps no short form of ("来宾" for 来宾市).
    for start, end, place in find_places(query.norm):
        if place.name in query.regions:
            text = text.replace(query.norm[start:end], " ")
    return text, places


def question_numbers(query: Query, text: str) -> tuple[tuple[str, ...], str]:
    """The values the question writes (an answer must state them) and ``text`` without the
    ones spelled in words."""
    # A figure inside the name of a document the question names ("“智能机器人”等7个重点专项
    # …申报指南") says which document, not a value the answer must state.
    named = canonicalize(query.doc_name) if query.doc_name else ""
    spelled, text = cn_percents(text)  # "保持在百分之八到九": 8 and 9, no words
    if query.intent is Intent.WHICH_DOC:
        # "…建交的国家已经增加到五十个": the value a document must state, no words
        counted, text = cn_counts(text)
        spelled += counted
    valued = text.replace(named, " ") if named else text
    numbers = spelled + tuple(
        m.group(1)
        for m in re.finditer(
            # (not a clock's hour or minutes, "8:00至…16:00", nor a version, "(v1.0)", nor a
            # name written with letters, "x86资源")
            r"(?<![\d.a-z])(?<!\d-)(?<!\d:)(\d+(?:\.\d+)?)(?!\d)(?!:\d{2})"
            r"(?!\s*(?:月|日|周岁|岁|版))(?!-\d+月)"
            # "79到83年": a span's first year, written bare
            rf"(?!{YEAR_SPAN_SEP}\d{{2}}年)"
            # "24年" is a year; "3年以上", "5年内" a length of time
            r"(?!\s*年(?!以上|以下|以内|内|及以上|左右))"
            # "315计划", "“145”行动", "115引智计划": a programme's name, not a figure
            r"(?![\"”]?(?:计划|工程|行动|体系|战略|专项|引智|引进国外智力|人才|大会|科技创新|产业|工作))",
            valued,
        )
        # "2024" alone is a year; "2000家" is a figure; "5g", "4k", "3d" name a technology
        if (not re.fullmatch(r"(19|20)\d{2}", m.group(1)) or _COUNTED.match(valued, m.end()))
        and not _TECH_NAME.match(valued, m.start(1))
    )
    return numbers, text


_BOUND = re.compile(
    rf"(?<=\s)(?:元|%)?(?:{BOUND_WORDS})"  # (right after a figure gone)
    # (…or right before it, a rule's wording too: "不得少于5人")
    rf"|(?:{FLOOR_WORDS}|超过|不(?:得|应|能)(?:少于|低于|超过|高于))(?=\s)"
)


def without_non_words(query: Query, text: str) -> str:
    """``text`` without what no sentence writes as the question does: a report's speaker, a
    base year's 比, years, dates, plan periods, counts, asking phrases, a gloss (for a
    which-document question) and relative years."""
    # The speaker of a report the question names ("75年周总理政府工作报告说…") says which
    # document, no word its sentence writes; nor the 比 of a base year ("产量比64年").
    text = _SPEAKER.sub(" ", text)
    text = re.sub(r"[比较](?=(?:19|20)?\d{2}\s*年)", " ", text)
    # Years go whole, short ones too ("临安21年进…" leaves no "年进"), with the point of
    # the year ("25年底要达到…" leaves no "底要").
    text = re.sub(
        # a day with what it bounds ("12月20日前"): no "日前" word left
        r"\d{1,2}月\d{1,2}[日号][前后起]?|"
        r"(?:19|20)\d{2}\s*年?[度底末初]?|(?<!\d)(?:\d{2}"
        + YEAR_SPAN_SEP
        + r")?\d{2}年[度底末初]?|\d+-\d+月|"
        + PLAN_NAME.pattern
        + r"[末初]?"
        # a figure with its multiplier, "多/余" and counter ("854.2万多条"): no word
        # (not a name of letters and digits: "5g基站" keeps 5g, "c2m反向定制" c2m)
        r"|(?<![\da-z])(?!\d+[a-z])"
        r"\d+(?:\.\d+)?\s*(?:万亿|亿|万|千)?(?:多|余)?"
        # (a measure, too: "240小时", "100公里", whichever way the sentence writes it)
        r"(?:[个家项条名人件次所座台套批场户]|万|个?小时|公里|千米)?",
        " ",
        text,
    )
    if query.intent is Intent.WHICH_DOC:
        # a figure's bound ("2300亿元以上"), which answer.which_values.states_bounds reads: a
        # document writing "超过2300亿元" states it (a figure asked of keeps the words of
        # its description: "人均300元以上的大队")
        text = _BOUND.sub(" ", text)
    text = QUESTION_PHRASES.sub(" ", text)
    # A gloss in brackets ("盘兴高铁(盘州至兴义铁路)") says again what the words before it
    # name: a document writing either one states it, so a which-document question does
    # not require its words (elsewhere they help find the passage: "第一大行动(重大科创平台
    # 提能造峰)" is that action's heading).
    if query.intent is Intent.WHICH_DOC:
        text = _GLOSS.sub(" ", text)
    # A relative year (去年 reads 上年 in canonical form) is the frame's (Query.years, the
    # section's year), no word a sentence repeats; after 比/较 it is what a change is
    # measured against ("比去年同期提高了几个点").
    text = RELATIVE_YEAR.sub(" ", text)
    return text
