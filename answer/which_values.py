"""Whether a candidate states the figures a which-document question asks (answer.which_doc):
each whole, in one sentence (or the clauses a semicolon joins it to), in the unit and bound
the question writes, by its metric."""

from __future__ import annotations

import re

from answer.clause_subject import paragraph_topic, points_lead
from answer.extract import Candidate, quotes_all
from answer.frame import FactsBetween
from answer.named_words import holds_quoted
from answer.policy import CONFIG
from answer.quantities import (
    BOUND_WORDS,
    MULTIPLIER,
    UNIT_SYMBOLS,
    cn_percents,
    numbers_in,
    states_in_numerals,
    states_value,
    unit_of,
)
from answer.scope_fit import other_scope
from answer.signals import Signals, canon, coverage
from answer.topic import topic_of
from corpus.normalize import normalize
from retrieval.query import Query

_NUMERAL = re.compile(r"[一二三四五六七八九十百千两零\d]+")


def _quoted_above(sig: Signals, c: Candidate) -> bool:
    """Whether the point a sentence belongs to names every name the question quotes in the
    lines just above it, in its section ("4.典型场景:汽轮机…黑灯产线" / "痛点:…" / "改造目标:
    …实现24小时无人值守"): the figures are that point's."""
    # (a quoted numeral is a period or a count, "“十五”期间", no point's name: "十五五" holds it)
    names = tuple(n for n in sig.quoted if not _NUMERAL.fullmatch(n))
    if not names:
        return False
    doc, start = c.doc, c.clause.sent_start
    section = doc.section_at(start)
    top = max(section.start if section else 0, start - CONFIG.which_doc.point_above)
    return holds_quoted(canon(doc.norm[top : c.clause.sent_end]), names)


def states_values(
    q: Query, sig: Signals, c: Candidate, facts_between: FactsBetween, loose: bool = False
) -> bool:
    """A document states the figures asked: each whole, in one sentence, by its metric.

    "新增雏鹰企业10家是哪份文件定的": 10 must stand as a number ("110家" does not
    count), and the figure's own metric in the facts table ("雏鹰企业", not
    "产值超10亿元企业") must name the question's words.
    """
    sent = c.clause.sent_norm
    if not all(states_value(sent, n) for n in sig.numbers):
        # "…最高30万元补助;对通过…复审的企业每家补助10万元。": figures of one sentence whose
        # clauses a semicolon sets apart
        sent = semicolon_run(c.doc.norm, c.clause.sent_start, c.clause.sent_end)
    if _measured_figures(q.norm, sig.numbers) and not all(
        states_value(sent, n) for n in sig.numbers
    ):
        # "算力总规模达到12EFLOPS。存储总量达到10EB": one goal's figures, a full stop apart
        sent = next(
            (
                pair
                for pair in sentence_pairs(c.doc.norm, c.clause.sent_start, c.clause.sent_end)
                if all(states_value(pair, n) for n in sig.numbers)
            ),
            sent,
        )
    # A year the sentence itself writes ("从2017年的7642家增加到…") is part of the quote.
    quoted_years = all(f"{y}年" in sent for y in q.years)
    if c.region < 0 or (c.year < 0 and not (q.years and quoted_years)):
        return False
    if not all(states_value(sent, n) for n in sig.numbers):
        return False
    if not states_units(q.norm, sent) or not states_bounds(q.norm, sent):
        return False  # "高企目标定8500家" is not "…超8500亿元", nor 10%左右 "…10%以上"
    if sig.unit == "rank" and other_scope(q.norm, sent):
        return False  # "居全国…第1" is not "位居广西…第一"
    t = CONFIG.which_doc
    if c.context_cov < t.value_cov:
        return False
    # (``loose``, asked only when no document states the figures so: most of its words)
    quoted = t.phrase_sentence if loose else t.value_sentence
    if coverage(sig, f"{canon(sent)} {topic_of(c.doc)}") >= quoted:
        # The question quotes the sentence (its words and its figures), or the sentence
        # with what its document is about (its title, or an untitled one's first sentence),
        # which says whose rule or goal the figure is ("哪份文件要求智能网联汽车生产企业…
        # 留存网络日志不少于6个月"); coverage only grows with the text read.
        return True
    if quotes_all(sig, c) or _quoted_above(sig, c):
        return True  # the figures beside the name the question quotes ("90天…“南A中心”")
    if all(_distinctive(n) for n in sig.numbers):
        return True  # "854.2万多条留言": a figure this precise, with most words around it
    # Several figures ("强度2.79%、高于全国0.25个百分点") each name part of the question.
    floor = t.value_item / len(sig.numbers)
    # (what the run of sentences it stands in is about: "提质推进天开园建设。…引育科技型
    # 企业累计达到1500家")
    # (…or the sentence its run-in numbered points follow: "扎实办好“十件民生实事”。(1)…")
    start = c.clause.sent_start
    run = canon(f"{paragraph_topic(c.doc.norm, start)} {points_lead(c.doc.norm, start)}")
    for f in facts_between(c.doc.doc_id, c.clause.sent_start, c.clause.sent_end):
        if f.value in sig.numbers:
            # The question may name the document ("临安那份工作总结里…"), by its title or,
            # untitled, by what its first sentence says it is about.
            named = f"{canon(normalize(f.qualifier + f.canonical))} {topic_of(c.doc)} {run}"
            if coverage(sig, named) >= floor:
                return True
    # …or the 、-item stating the figure names it, as the question words it ("配有传感设备
    # 的综合管廊达到600公里": the facts table's metric, 综合管廊, holds too few of its words;
    # "缩短为7个工作日": a figure the facts table does not hold).
    # (…with what the run it stands in is about: "扎实办好“十件民生实事”。…(7)…选派1200名以上
    # 科技特派员" for "选派1200名科技特派员是哪份报告里的民生实事")
    pieces = [p for p in c.clause.norm.split("、") if any(states_value(p, n) for n in sig.numbers)]
    return any(coverage(sig, f"{canon(p)} {run}") >= floor for p in pieces)


def semicolon_run(norm: str, start: int, end: int) -> str:
    """The sentence at ``start``..``end`` with those a semicolon joins it to, up to the full
    stops (or line ends) around them."""
    joined = norm[end - 1 : end] == ";" or norm[max(0, start - 4) : start].rstrip().endswith(";")
    if not joined:
        return norm[start:end]
    first = max(norm.rfind(ch, 0, start) for ch in "。!?\n") + 1
    stops = [i for i in (norm.find(ch, end - 1) for ch in "。!?\n") if i >= 0]
    return norm[first : min(stops) + 1 if stops else len(norm)].strip()


def _measured_figures(qnorm: str, numbers: tuple[str, ...]) -> bool:
    """Whether the question asks several figures, each written in digits with its unit
    ("12EFLOPS、…10EB"; not a rank, "第3", nor a plan period, "十五")."""
    measured = {m.group(1) for m in numbers_in(qnorm) if unit_of(m) and m.group(1)[:1].isdigit()}
    return len(numbers) > 1 and all(n in measured for n in numbers)


def sentence_pairs(norm: str, start: int, end: int) -> tuple[str, ...]:
    """The sentence at ``start``..``end`` with the one after it and with the one before it,
    in its line."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    after = _STOP.search(norm, end, line_end)
    before = [m.end() for m in _STOP.finditer(norm, line_start, max(line_start, start - 1))]
    return (
        norm[start : after.end() if after else line_end],
        norm[before[-1] if before else line_start : end],
    )


_STOP = re.compile(r"[。!?]")


def states_units(qnorm: str, sent: str) -> bool:
    """Whether the sentence states each figure the question writes with a unit ("8500家")
    in that unit (a multiplier, 多/余 or a space between allowed); a percentage the question
    spells out ("百分之八到九") as a percentage, in either script."""
    for value in cn_percents(qnorm)[0]:
        written = re.search(rf"(?<![\d.]){re.escape(value)}\s*%", sent)
        if not written and not states_in_numerals(sent, value, "%"):
            return False
    for m in numbers_in(qnorm):
        unit = unit_of(m)
        if not unit or not m.group(1)[:1].isdigit():
            continue
        if states_in_numerals(sent, m.group(1), unit):
            continue  # "百分之六" for 6%
        # "854.2万多条": 多/余 may stand before or after the multiplier.
        mult = MULTIPLIER.match(unit)
        head, rest = (mult.group(0), unit[mult.end() :]) if mult else ("", unit)
        figure, unit = re.escape(m.group(1)), rf"{head}\s*(?:多|余)?\s*{re.escape(rest)}"
        stated = rf"(?<![\d.]){figure}\s*(?:多|余)?\s*(?:万亿|亿|万|千)?\s*{unit}"
        # (…or by its Latin symbol: "240h" for 240小时)
        symbol = UNIT_SYMBOLS.get(rest) if not head else None
        if symbol:
            stated += rf"|(?<![\d.]){figure}\s*{symbol}(?![a-z])"
        if not re.search(stated, sent):
            return False
    return True


def states_bounds(qnorm: str, sent: str) -> bool:
    """Whether the sentence states each figure the question bounds ("10%左右") without
    another bound: "增长10%以上" does not state "10%左右" (one stated bare may)."""
    for m in re.finditer(rf"(\d+(?:\.\d+)?%?)({BOUND_WORDS})", qnorm):
        written = re.findall(rf"(?<![\d.]){re.escape(m.group(1))}(?![\d.])({BOUND_WORDS})?", sent)
        if written and all(b and b != m.group(2) for b in written):
            return False
    return True


def _distinctive(number: str) -> bool:
    """A figure precise enough to tell documents apart by itself (854.2, 3.55, 5905): a
    decimal of three digits or more, or a whole number of four digits or more that is not
    round and reads as no year; round figures (2000, 10) are stated of many things."""
    digits = sum(ch.isdigit() for ch in number)
    if "." in number:
        return digits >= 3
    return digits >= 4 and not number.endswith("0") and not _YEARLIKE.fullmatch(number)


_YEARLIKE = re.compile(r"(?:19|20)\d{2}")


# A question asking for the one document that says it, not for all that do.
