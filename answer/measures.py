"""What kind of quantity a figure is, and which kind a question asks for: additions in a
period, a level reached, a change, a share or a rank (:mod:`answer.frame` tells them apart
when matching a question's frame against the facts table)."""

from __future__ import annotations

import re
from enum import StrEnum

from corpus.facts import Fact


class Measure(StrEnum):
    """What kind of quantity a figure is."""

    FLOW = "flow"  # 新增 / 新认定 / 新引进: additions within the period
    STOCK = "stock"  # 总数 / 总量 / 累计 / 拥有: a level reached
    CHANGE = "change"  # 增长 / 增速 / 提高 / 下降
    SHARE = "share"  # 占比 / 比重
    RANK = "rank"
    ANY = ""  # the words do not say


# Measures that can never answer for one another: a year's additions are not a total,
# a growth rate is neither.
EXCLUSIVE = {
    frozenset({Measure.FLOW, Measure.STOCK}),
    frozenset({Measure.CHANGE, Measure.STOCK}),
    frozenset({Measure.CHANGE, Measure.FLOW}),
    frozenset({Measure.CHANGE, Measure.SHARE}),  # 增长8% is no 占比, 比重达到80% no growth
}

_FLOW_WORDS = re.compile(r"新增|新认定|新引进|新培育|净增|新获批|新入库|新建|新落地|新设立|新招引")
_STOCK_WORDS = re.compile(
    r"总数|总量|累计|一共|共有|总共|共计|拥有|现有|保有|存量|总计|合计"
    # the level at a year's end ("到2023年底…有多少家", "截至年末")
    r"|(?:到|截至|截止到?)(?:(?:19|20)?\d{2}年)?(?:年底|底|年末|末)"
)
_CHANGE_WORDS = re.compile(
    r"增速|增幅|增长率|(?:增长|提高|下降|降低)了?的?(?:预期|计划|预计|年度)?(?:多少|几|目标|幅度)"
)
_SHARE_WORDS = re.compile(r"占比|比重|占.{0,12}(?:比|的)")
_FACT_MEASURE = {
    "新增": Measure.FLOW,
    "累计": Measure.STOCK,
    "总量": Measure.STOCK,
    "增长": Measure.CHANGE,
    "提高": Measure.CHANGE,
    "下降": Measure.CHANGE,
    "占比": Measure.SHARE,
    "排名": Measure.RANK,
}
# A metric that begins with a verb of adding ("认定国家高新技术企业50家") counts additions;
# a bare count after 达/拥有 ("高新技术企业达198家") is a level.
# (新 as a verb's mark only: "新能源汽车保有量", "新型研发机构" are things, not additions)
_ADDING = (
    r"(?:新(?:增|认定|引进|培育|建|设|开|入|获|签|登记|注册|落|招|上|投产|纳入|创建|转化|授)"
    r"|认定|引进|培育|招引|入库|落地|签约|孵化|创建|获批)"
)
_FLOW_METRIC = re.compile(rf"^{_ADDING}")
# "过去五年一共创建了多少家": the additions of a time summed, no stock
_SUMMED_FLOW = re.compile(rf"(?:一共|总共|共){_ADDING}")
_STOCK_BEFORE = re.compile(r"(?:达到|达|总数|总量|拥有|共有|累计|保有|突破|超过)[^,;。、]{0,3}$")


def question_measure(norm: str) -> Measure:
    """The kind of quantity a question asks for."""
    if _CHANGE_WORDS.search(norm):
        return Measure.CHANGE
    if _FLOW_WORDS.search(norm) or _SUMMED_FLOW.search(norm):
        return Measure.FLOW
    if _STOCK_WORDS.search(norm):
        return Measure.STOCK
    if _SHARE_WORDS.search(norm):
        return Measure.SHARE
    return Measure.ANY


def fact_measure(fact: Fact, before: str) -> Measure:
    """The kind of quantity a fact is; ``before`` is its clause up to the value."""
    named = _FACT_MEASURE.get(fact.qualifier)
    if named is not None:
        return named
    if _FLOW_METRIC.match(fact.metric):
        return Measure.FLOW
    if _STOCK_BEFORE.search(before):
        return Measure.STOCK
    return Measure.ANY
