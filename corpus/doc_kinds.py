"""The words that say what kind of document a title names ("…行动计划", "…建设指南"), and
the status a title may close with on a line of its own ("(2022 版)", "(试行)")."""

from __future__ import annotations

import re

# Longest first: a kind ending another is matched whole ("实施方案" before "方案").
DOCUMENT_KINDS = (
    "行动计划|实施方案|工作方案|行动方案|方案|规划|计划|意见|办法|措施|政策|通知|纲要|条例|细则"
    "|申报指南|指南|要点|报告|总结|文件|规范|规定|规则|指引|导则|准则"
    "|汇编|白皮书|清单|目录|名单"
)

# A title's last lines when it is set over several ("石化行业智能制造标准体系" / "建设指南" /
# "(2022 版)"): a short line ending on a kind, or the edition or status in brackets.
_KIND_LINE = re.compile(rf"^\s*[\u4e00-\u9fff]{{0,10}}(?:{DOCUMENT_KINDS})\s*$")
_STATUS = (
    r"[(（]\s*(?:(?:19|20)\d{2}\s*年?\s*)?(?:版|修订版|试行|暂行|征求意见稿|送审稿|草案)\s*[)）]"
)
_STATUS_END = re.compile(rf"{_STATUS}\s*$")


def kind_line(line: str) -> bool:
    """Whether ``line``, right after a title's line that names no kind, ends that title on
    its kind ("建设指南")."""
    return bool(_KIND_LINE.match(line))


def is_status(line: str) -> bool:
    """Whether a line is (or ends on) a title's edition or status in brackets ("(试行)")."""
    return bool(_STATUS_END.search(line))


_LAST_KIND = re.compile(rf"({DOCUMENT_KINDS})\s*(?:[(（][^)）]{{0,16}}[)）]\s*)*$")


# What an 意见 is said to be ("指导意见", "若干意见", "实施意见"): its kind, no words of its own.
KIND_MODIFIERS = "指导|实施|若干"
# A name's kind at its end, with what joins it ("…发展的指导意见", "…的实施方案"): the words
# saying what kind of document, not which one.
_KIND_TAIL = re.compile(
    rf"的?(?:{KIND_MODIFIERS})?(?:{DOCUMENT_KINDS})\s*(?:[(（][^)）]{{0,16}}[)）]\s*)*$"
)


def without_kind(name: str) -> str:
    """A document's name without the kind it ends on ("促进智慧旅游发展的指导意见" →
    "促进智慧旅游发展"); the name whole when nothing else is left."""
    rest = _KIND_TAIL.sub("", name.strip())
    return rest or name


def kind_of(name: str) -> str:
    """The kind of document a name or title ends on ("…准入管理的意见": 意见, "…管理指南
    (试行)": 指南), or ""."""
    m = _LAST_KIND.search(name.strip())
    return m.group(1) if m else ""


# Words telling two documents of one kind apart ("指导意见" issued above, "实施意见" carrying
# it out below): a kind's qualifier, read with the kind.
_QUALIFIER = "指导|实施|若干|暂行"
# How a document without a title line announces its kind in its opening ("…,提出以下意见。",
# "现将有关事项通知如下:", "特制定本办法。", "制定本指导意见。").
_ANNOUNCED = re.compile(
    rf"(?:以下|如下|本)(?:({DOCUMENT_KINDS})|(?:{_QUALIFIER})({DOCUMENT_KINDS}))"
    rf"|({DOCUMENT_KINDS})如下"
)
ANNOUNCED_WITHIN = 800  # characters of the opening it is announced in


def announced_kind(opening: str) -> str:
    """The kind of document an untitled text says it is in its opening, or ""."""
    m = _ANNOUNCED.search(opening[:ANNOUNCED_WITHIN])
    return next((k for k in m.groups() if k), "") if m else ""


_QUALIFIED_END = re.compile(
    rf"({_QUALIFIER})?({DOCUMENT_KINDS})\s*(?:[(（][^)）]{{0,16}}[)）]\s*)*$"
)
_QUALIFIED_OWN = re.compile(rf"(?:以下|如下|本)({_QUALIFIER})?({DOCUMENT_KINDS})")


def qualified_kind(name: str) -> tuple[str, str]:
    """The qualifier and kind a name or title ends on ("…协同发展的指导意见": 指导, 意见),
    ("", "") for none."""
    m = _QUALIFIED_END.search(name.strip())
    return (m.group(1) or "", m.group(2)) if m else ("", "")


def announced_qualified(opening: str) -> tuple[str, str]:
    """The qualifier and kind an untitled text gives itself in its opening ("制定本实施意见":
    实施, 意见), ("", "") for none."""
    m = _QUALIFIED_OWN.search(opening[:ANNOUNCED_WITHIN])
    return (m.group(1) or "", m.group(2)) if m else ("", "")


def other_qualified(named: tuple[str, str], own: tuple[str, str]) -> bool:
    """Whether a document of its own kind ``own`` is not the one a name of kind ``named``
    names: the same kind qualified otherwise (a 实施意见 is no 指导意见)."""
    return named[1] == own[1] != "" and named[0] != own[0] != "" and named[0] != ""
