"""Year, period, scope, region and target of a figure (corpus.figure_when)."""

from __future__ import annotations

import pytest

from corpus import figure_when as fw
from corpus import figures as fx
from corpus.model import Section
from corpus.normalize import normalize


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("我区创新指数为273.6,稳居全省第二", "全区"),
        ("全市规上工业增加值增长6%", "全市"),
        ("全国居民人均可支配收入", "全国"),
        ("研发投入居全省第3位", ""),
        ("占全省比重达12%", ""),
        ("新增全国重点实验室7家", ""),
        ("全县粮食产量", "全区"),
        ("武汉具有全国影响力的科技创新中心加快建设", ""),  # a quality, no scope
        ("打造全省领先的示范园区", ""),
    ],
)
def test_scope_of(text: str, scope: str) -> None:
    assert fw.scope_of(text) == scope


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2022年,全区R&D经费投入强度达3.45%", 2022),
        ("到2025年,研发投入强度达到3%", 2025),
        ("增加值比2020年增长12%", None),
        ("总量是2015年的3倍", None),
        ("2021年以来新增企业50家", None),
        ("自2022年8月以来累计办理12万件", None),
        ("2022年8月以来累计办理12万件", None),
        ("新增企业50家,其中2023年认定20家", 2023),
    ],
)
def test_named_year(text: str, year: int | None) -> None:
    s = normalize(text)
    assert fw.named_year(s, len(s) - 1) == year


def test_named_year_relative_to_issue_year() -> None:
    s = "去年地区生产总值增长5.2%"
    assert fw.named_year(s, s.index("5.2"), ref=2024) == 2023
    assert fw.named_year(s, s.index("5.2")) is None
    assert fw.named_year("比去年增长5%", 5, ref=2024) is None


def test_period_of() -> None:
    assert fw.period_of("2024年1-5月完成投资增速55.6%") == "1-5月"
    assert fw.period_of('"十四五"期间新增企业') == "十四五"
    assert fw.period_of("新增企业8家", "全年新增企业8家") == "全年"
    assert fw.period_of("新增企业8家", half="H1") == "上半年"
    assert fw.period_of("新增企业8家") == ""


def test_is_target() -> None:
    plan = Section(("二、2024年工作思路",), "二、2024年工作思路", 1, 0, 9, 2024, "plan")
    actual = Section(("一、2023年工作总结",), "一、2023年工作总结", 1, 0, 9, 2023, "actual")
    assert fw.is_target("新增企业", plan, None, 2024)
    assert not fw.is_target("2023年新增企业", plan, 2023, 2024)  # a baseline in a plan
    assert fw.is_target("力争新增企业", actual, None, 2024)
    assert not fw.is_target("全年预计拨付资金", actual, None, 2024)
    assert fw.is_target("预计全年增长", None, None, 2024)
    assert not fw.is_target("争取国家资金", actual, None, 2024)
    assert fw.is_target("到2025年,研发投入", None, 2025, 2024)
    assert not fw.is_target("到2023年底,累计建成", None, 2023, 2024)
    # a plan to 2040 staging a deadline: undated, or written before it, a target
    staged = Section(("二、主要目标",), "二、主要目标", 1, 0, 9, 2040, "plan")
    assert fw.is_target("到2037年底,试点项目", staged, 2037, None)
    assert fw.is_target("到2037年底,试点项目", staged, 2037, 2036)
    assert not fw.is_target("到2037年底,累计建成", staged, 2037, 2038)  # reached already
    assert not fw.is_target("2037年建成", staged, 2037, None)  # no deadline: a figure reached
    # what a plan part says is done already ("国家已设立400亿元…基金,要整合…")
    assert not fw.is_target("为产业创新助力。国家已设立", plan, None, 2024)
    assert fw.is_target("已纳入规划的项目要完成", plan, None, 2024)
    assert fw.is_target("国家已设立基金,再新增", plan, None, 2024)  # another clause
    # an undated text's deadline is a target; "到…年底" may be where a count stood
    assert fw.is_target("到2037年,初步建成", None, 2037, None)
    assert not fw.is_target("到2037年底,累计建成", None, 2037, None)
    # 争创 strives for what is not yet won; a review says it was won ("成功争创…")
    assert fw.is_target("争创省级示范县", None, None, 2024)
    assert not fw.is_target("成功争创省级示范县", actual, None, 2024)


def test_region_of() -> None:
    aliases = ("余杭区", "余杭", "杭州市", "杭州", "浙江省", "浙江")
    assert fw.region_of("杭州市重大科技攻关项目7项", "余杭区", aliases) == "余杭区"
    assert fw.region_of("温州市生产总值增长6%", "余杭区", aliases) == "温州市"
    assert fw.region_of("之江、西湖等7家省实验室", "余杭区", aliases) == "余杭区"


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        ("全面推进2021年老旧小区改造320户", "320", None),  # the batch of 2021, not when
        ("申报2022年市级重点项目8个", "8", None),
        ("完成12家孵化器2021年度考核", "12", None),  # after the figure: a year's appraisal
        ("完成12家孵化器考核,2021年启动", "12", None),  # another clause
        ("新增企业8家、2021年认定企业3家", "8", None),  # a year of the next item
        ("新增企业8家(2021年)", "8", 2021),
        ("产值从2019年的50亿元增加到2023年的80亿元", "80", 2023),  # the end of a change
        ("2023年全市新增企业8家", "8", 2023),
    ],
)
def test_named_year_batches_and_ends(text: str, figure: str, year: int | None) -> None:
    s = normalize(text)
    pos = s.index(figure)
    assert fw.named_year(s, pos, fx.clause_end(s, pos)) == year


def test_named_year_relative_words_asked_for() -> None:
    s = "去年5月,新建方舱医院12家"
    assert fw.named_year(s, s.index("12"), ref=2024, relative="去") == 2023
    s = "今年新增床位800张"
    assert fw.named_year(s, s.index("800"), ref=2024, relative="去") is None
    assert fw.named_year(s, s.index("800"), ref=2024) == 2024


def test_is_target_in_a_review_and_floors() -> None:
    actual = Section(("一、2023年工作回顾",), "一、2023年工作回顾", 1, 0, 9, 2023, "actual")
    # a target word naming a thing sets no target
    assert not fw.is_target("计划新开工的两条铁路未能开工,投资减少", actual, None, 2024)
    assert not fw.is_target("计划新开工的两条铁路未能开工,投资减少", None, None, 2024)
    assert fw.is_target("力争新开工铁路2条、公路", actual, None, 2024)
    # 稳预期 is a slogan; 预期增长 a target
    assert not fw.is_target("稳就业、稳预期,地区生产总值增长", None, None, 2024)
    assert fw.is_target("主要预期目标是:地区生产总值增长", None, None, 2024)
    # "到2022年" in a review is where a change ended
    assert not fw.is_target("投资从2018年的10亿元增加到2022年的", actual, 2022, 2020)
    # a floor or a cap, outside a review
    assert fw.is_target("每年组织培训不少于", None, None, None)
    assert fw.is_target("考核指标:突破不少于 ", None, None, None)  # set apart by a space
    assert not fw.is_target("每年组织培训不少于", actual, None, None)
    assert fw.is_target("本年预算安排教育支出", None, None, None)


@pytest.mark.parametrize(
    ("prefix", "done"),
    [
        ("国家已设立", True),
        ("主要工业产品的品种大约增加了", True),
        ("十年中建成了", True),
        ("已经建成,力争再建", False),  # a target word after: what is still to come
        ("为了加快建设,新建", False),  # 为了 says what for, no deed done
        ("今年要新建", False),
        ("《纲要草案》具体部署了", False),  # what the plan itself does
    ],
)
def test_reached_already(prefix: str, done: bool) -> None:
    assert fw.reached_already(normalize(prefix)) is done


def test_a_deed_done_in_a_plan_part_is_no_target() -> None:
    plan = Section(("二、今后的任务",), "二、今后的任务", 1, 0, 9, 2037, "plan")
    assert not fw.is_target("四年来主要产品品种增加了", plan, None, 2037)
    assert fw.is_target("主要产品品种要增加", plan, None, 2037)
