"""What an enumeration of a document is (see :mod:`corpus.enumerations`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corpus.numerals import CLAUSE_COMMA

MAX_LEAD = 40
MIN_ITEMS = 2
LEAD_END = re.compile(rf"[。;:!?\n]|{CLAUSE_COMMA}")  # (not "12,745,390,000")
LINE = re.compile(r"[^\n]+")  # a line of text, not empty
# "中国算谷--打造全球算力场景新高地": a name, a dash, what it is to be (not "2021-2025").
NAME_DASH = re.compile(r"(?<![\d-])--+(?![\d-])")
# The dash opening a point's paragraph ("--必须坚持…。", "——坚持企业主体,政府引导。")
DASH_MARK = r"(?:--|——|—)"
# Verbs that open a list's first item and are no part of it ("着力培育A、B、C").
LEAD_VERB_WORDS = (
    "对标 围绕 聚焦 建立 建设 打造 实施 推进 包括 涵盖 形成 重点发展 培育 发展 "
    "加快 推动 构建 深化 开展 做强 做优 突出 抓好 强化 提升 完善 推出"
    # what a plan sets out to master or build ("攻克A、B…等6种短板装备")
    " 攻克 攻关 研制 建成 组建"
    # where a plan places what it builds ("前瞻布局A、B…", "布局建设A、B…等平台")
    " 布局"
    # a preposition a list of what is done follows ("按照A、B…等6个技术方向", "基于A、B和C")
    " 按照 基于 依托"
    # what is achieved, issued or grown ("主要实现A、B…等功能", "出台实施A、B…等领域…政策",
    # "培育壮大A、B…等战略性新兴产业")
    " 实现 出台 加强 做大 巩固 扩大 壮大"
    # what a rule requires to be met ("应至少满足A要求、B要求…和F要求")
    " 满足"
).split()
# How a verb leading a list may be qualified ("主要实现", "分类开展", "大力发展"), or what
# is aimed at ("力求在A、B等方面取得…").
LEAD_ADVERBS = "要|主要|重点|着力|大力|积极|分类|全面|加快|全力|持续|深入|前瞻|力求|争取|努力"
# A line's indent and the dash or dot bulleting it ("  --在A、B…等领域"), before its first
# item: it leads nothing.
_BULLET = re.compile(r"\s*[\-—–·•]+\s*")


def past_bullet(norm: str, start: int, end: int) -> int:
    """Where a list's first item starts past the bullet opening its line (``start`` if none)."""
    m = _BULLET.match(norm, start, end)
    return m.end() if m else start


# What joins a list's last item to the one before ("A、B和C", "…以及D").
ITEM_JOIN = re.compile(r"以及|及|和|与")
# a verb done ("培育了A、B…") leads as well
_VERBS = "|".join(LEAD_VERB_WORDS)
LEAD_VERBS = re.compile(
    rf"(?:[\"“]?)(?:(?:{LEAD_ADVERBS})?(?:(?:{_VERBS})了?|在)|以|将|把|即|分别是|为"
    # (two verbs joined: "巩固和扩大纺织、冶金…")
    rf"|[和并](?=(?:{_VERBS})))+"
)


@dataclass(frozen=True)
class Item:
    """One item of an enumeration.

    Attributes:
        start: offset of the lead phrase in the original text.
        end: one past its end (``end - start <= MAX_LEAD``).
        sent_start: offset of the sentence (or heading line) quoting it.
        sent_end: one past that sentence's end.
    """

    start: int
    end: int
    sent_start: int
    sent_end: int


@dataclass(frozen=True)
class Enumeration:
    """Items that a document lists together, in document order.

    Attributes:
        kind: "ordinal", "headings", "inline", "lead" or "alike" (clauses ending alike; see
            :mod:`corpus.enumerations`).
        section: path of the section that owns the list ("一、… > (二)…").
        start: offset of the first item's sentence.
        end: one past the last item's sentence.
        head: normalised words that say what is listed: the owning
            section's heading path, the count phrase ("三张清单"), the
            sentence's verbs for honours. Used for matching only.
        count: the count the text gives for the list (0 when none).
        items: the items.
    """

    kind: str
    section: str
    start: int
    end: int
    head: str
    count: int
    items: tuple[Item, ...]


def start_after(text: str, at: int, marks: str) -> int:
    """Where the stretch ending at ``at`` starts: after the last of ``marks`` before it."""
    return max(text.rfind(ch, 0, at) for ch in marks) + 1


def sentence_start(norm: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after the last 。 or line break)."""
    return start_after(norm, at, "。\n")


def sentence_end(norm: str, at: int) -> int:
    """One past the 。 that ends the sentence holding ``at`` (the text's end without one)."""
    stop = norm.find("。", at)
    return len(norm) if stop < 0 else stop + 1


def line_before(norm: str, at: int) -> str:
    """The last non-empty line before offset ``at`` (at most :data:`MAX_LEAD` characters)."""
    lines = [ln.strip() for ln in norm[max(0, at - 200) : at].splitlines() if ln.strip()]
    return lines[-1][-MAX_LEAD:] if lines else ""


def lead(norm: str, start: int, stop: int) -> tuple[int, int]:
    """The lead phrase from ``start``: up to the first clause mark or a name's dash
    ("中国算谷--打造…"), at most MAX_LEAD chars."""
    m = LEAD_END.search(norm, start, stop)
    end = min(m.start() if m else stop, start + MAX_LEAD)
    dash = NAME_DASH.search(norm, start + 2, end)
    end = dash.start() if dash else end
    while end > start and norm[end - 1] in " \t":
        end -= 1
    # A quote cut open at MAX_LEAD is dropped; a closed one ("按下“加速键”") stays.
    if norm.count('"', start, end) % 2 and norm[end - 1 : end] == '"':
        end -= 1
    return start, end


def split_at(norm: str, start: int, end: int, marks: str) -> list[tuple[int, int]]:
    """Offsets of the pieces of ``norm[start:end]`` between any of the characters of
    ``marks`` ("A、B,C" at "、,": A, B, C), empty pieces included."""
    spans, pos = [], start
    for i in range(start, end):
        if norm[i] in marks:
            spans.append((pos, i))
            pos = i + 1
    spans.append((pos, end))
    return spans


def shared_words(phrases: list[str], past: int, size: int = 2) -> set[str]:
    """The words of ``size`` characters every phrase holds after its first ``past``
    characters ("支持新材料产业…", "促进智能装备产业…": 产业): what names one kind of thing in
    phrases whose openings differ."""
    held = [{p[i : i + size] for i in range(past, len(p) - size + 1)} for p in phrases]
    return set.intersection(*held) if held else set()


def enumeration_from_json(data: dict[str, Any]) -> Enumeration:
    """An enumeration from its ``asdict`` form (as stored in an index's lists.jsonl)."""
    items = tuple(Item(**i) for i in data["items"])
    return Enumeration(**{**data, "items": items})


# The verbs by which a subject sets out what it holds ("X主要包括A、B…").
_LISTS_OUT = re.compile(r"(?:主要)?(?:包括|包含|涵盖|分为|分成)")


def after_subject(norm: str, start: int, end: int) -> int:
    """Where a list's first item starts in the piece ``norm[start:end]``: after the last
    verb by which a subject sets out what it holds ("D细分行业应用标准包括原油加工": 原油加工),
    when at least two characters follow it; else ``start``."""
    found = [m.end() for m in _LISTS_OUT.finditer(norm, start, end)]
    return found[-1] if found and end - found[-1] >= 2 else start
