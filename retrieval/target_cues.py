"""Whether a question asks a planned figure (目标, 计划, 力争, 要…) or an achieved one
(实际, 已经, 目前…), and the words naming the document's own year (今年, 当年)."""

from __future__ import annotations

import re

from corpus.metadata import CITED_TITLE
from retrieval.doc_years import without_year_names

# "计划" names a programme after its own name ("鲲鹏行动计划", "瓯越英才计划", "115引智计划"):
# no plan is asked for then.
_TARGET = re.compile(
    # "科技计划项目", "计划单列市": a kind of project or city, no plan asked.
    r"目标|(?<!行动)(?<!英才)(?<!人才)(?<!引智)(?<![\d\"”])计划(?!项目|单列|资金|经费)"
    r"|打算|准备(?!金)|力争|预计|预期|拟|(?<![纲摘概需主只提纪])(?<![^比]重)要(?!求)|将要|争取|规划|任务|年初(?:安排|预算)"
    # "2009年安排多少": a year's allocation planned (not "安排了", what was allotted)
    r"|(?<=年)安排(?!了)"
    # "各定了多少", "定的多少": what was set, a target
    # (not 认定了几家, 确定, 核定: what was recognised)
    r"|(?<![认确规制决核鉴审评指限])定(?:了|的|为)?(?:多少|几)"
    # "提出三年内把…降到多少": a horizon ahead of what is proposed
    r"|提出[^,;。?]{0,4}?(?:[一二三四五六七八九十两]|\d{1,2})年内"
    # "报告提出全年新建多少家": what a document proposes; "确保入库多少家"; "想把…提到多少"
    r"|提出[^,;。?]{0,16}?(?:多少|几)|确保|想(?=把|让|要)"
)


# Words that ask what was done, not planned ("现有多少个", "目前有多少", "去年实际…").
_ACTUAL = re.compile(r"实际|已经|现有|目前|去年|上年|截至|截止|完成了|实现了")


def asks_actual(text: str) -> bool:
    """Whether a question or segment asks for an achieved figure in so many words."""
    return bool(_ACTUAL.search(text))


def asks_target(text: str) -> bool:
    """Whether a question or segment asks for a plan's figure (目标, 计划, 力争, 要…); a
    title it cites ("《山东省“十三五”科技创新规划》里") asks none, nor a report named by its
    year ("1980年计划报告里"; :func:`retrieval.doc_years.without_year_names`)."""
    text = _DRAFTED.sub(" ", CITED_TITLE.sub(" ", text))
    return bool(_TARGET.search(without_year_names(text)))


# A plan drawn up is what is done, no figure planned ("为制定国家中长期科技规划组织了多少位
# 专家": how many experts it took).
_DRAFTED = re.compile(r"(?:制定|编制|起草|研究制定|修订|编写)[^,;。?]{0,12}?(?:规划|计划)")


THIS_YEAR = re.compile(r"(?<!今年以来)(?:今年|当年|本年)(?!以来)")
