"""Figures and the words around them, rule by rule, on hand-written sentences."""

from __future__ import annotations

import pytest

from corpus import figures as fx
from corpus.normalize import normalize


def figures(text: str) -> list[tuple[str, str]]:
    s = normalize(text)
    return [(f.value, f.unit) for f in fx.find_figures(s, fx.mask_quoted(s, text))]


# --- figures -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("新增国家高新技术企业637家、省科技型中小企业1734家", [("637", "家"), ("1734", "家")]),
        ("R&D经费投入120.64亿元,增长6.9%", [("120.64", "亿元"), ("6.9", "%")]),
        ("比上年提高0.5个百分点", [("0.5", "个百分点")]),
        ("全市生产总值1.5万亿元", [("1.5", "万亿元")]),
        ("盘活76.8万平方米物理空间", [("76.8", "万平方米")]),
        ("走访服务企业400余家次", [("400", "家次")]),
        ("完成技术合同登记额超27亿元", [("27", "亿元")]),
        ("新增就业12,345人", [("12345", "人")]),
        ("人才总量突破30万,", [("30", "万")]),
        ("低保标准提高到790元/月", [("790", "元/月")]),
        ("创新指数为273.6,", [("273.6", "")]),
        ("引进20-30家企业", [("20-30", "家")]),
        ("登记科技成果14万多项", [("14", "万项")]),
        ("吸纳就业3万余人", [("3", "万人")]),
        ("开发软件构件不少于 10 个", [("10", "个")]),
        ("最高给予50 万元奖励", [("50", "万元")]),
        ("2024 年新增企业 5 家", [("5", "家")]),
        # a text layer spacing every digit writes one number, read whole
        ("收入达到2 0 9 0 元,增长1 1 %", [("2090", "元"), ("11", "%")]),
        ("授予专利权2 2 .4 万件", [("22.4", "万件")]),
        ("第 1 2 部分", []),
    ],
)
def test_find_figures_amounts_and_counts(text: str, want: list[tuple[str, str]]) -> None:
    assert figures(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("居全省第3位", [("第3", "位")]),
        ("排名全市第一", [("第1", "位")]),
        ("列第24位", [("第24", "位")]),
        ("排位冲进全市前3、全省前20", [("前3", "位"), ("前20", "位")]),
        ("增速居全国第二十四", [("第24", "位")]),
        ("综合考核获第3名", [("第3", "名")]),
        ("均居全省首位", [("第1", "位")]),
    ],
)
def test_find_figures_ranks(text: str, want: list[tuple[str, str]]) -> None:
    assert figures(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "2024年1月29日在杭州市第十四届人民代表大会上",
        "杭科领办〔2024〕1号",
        "一、总体要求",
        "1、深入推进党史学习教育",
        "(3)加快建设",
        "联系电话:0571-88888888",
        "向60岁以上老人发放",
        "成功举办第19届亚运会",
        "兑现时间从3至5个月缩短为7个工作日",
        "推出“黄金68条”产业政策",
        "《浙江省重大建设项目“十四五”规划》",
        "跻身全省第一方阵",
        "新开工10亿元以上项目",
        "2020年度、2023-2025年、2024年1-5月",
        "5G基站和PM2.5浓度",
        "从5方面推进",
        "信息技术 传感器网络 第 2 部分:术语",  # an ordinal set apart from its 第
        "由总体、设备等8部分组成",  # 部分 counts no 部
        "第3批科技特派员",
    ],
)
def test_find_figures_excludes_non_figures(text: str) -> None:
    assert figures(text) == []


def test_base_value_of_a_change_is_not_a_figure() -> None:
    assert figures("服务业比重由46.9%提高到48.2%") == [("48.2", "%")]
    assert figures("进出口总额从全国第13位升至第9位") == [("第9", "位")]


def test_a_base_dated_by_its_own_year_is_that_years_figure() -> None:
    text = "人口自然增长率由1990年的14.39‰下降到1995年的10.55‰"
    assert figures(text) == [("14.39", "‰"), ("10.55", "‰")]
    assert figures("比重由2019年底的30%提高到45%") == [("30", "%"), ("45", "%")]
    assert figures("比重由上年的30%提高到45%") == [("45", "%")]  # no year of its own


def test_cn_number_and_mask_quoted() -> None:
    assert [fx.cn_number(x) for x in ("3", "三", "十", "十二", "二十", "二十四")] == [
        3,
        3,
        10,
        12,
        20,
        24,
    ]
    original = "推出“黄金68条”政策"
    masked = fx.mask_quoted(normalize(original), original)
    assert len(masked) == len(original) and "68" not in masked and masked.endswith("政策")


def test_clause_bounds() -> None:
    s = "一年来,新增合作银行2家(总数达到11家),授信"
    assert s[fx.clause_start(s, s.index("2家")) :].startswith("新增")
    assert s[fx.clause_start(s, s.index("11家")) :].startswith("总数")  # unmatched "("
    assert s[fx.clause_start(s, s.index("授信")) :] == "授信"
    assert s[: fx.clause_end(s, s.index("2家"))].endswith("(总数达到11家)")


# --- metric, qualifier -------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "metric"),
    [
        ("全年新增国家高新技术企业", "国家高新技术企业"),
        ("2023年全区完成高新技术产业增加值", "高新技术产业增加值"),
        ("R&D经费投入增长", "R&D经费投入"),
        ("其中", ""),
        ("同比增长", ""),
        ("比上年提升", ""),
        ("服务业比重由46.9%提高到", "服务业比重"),
        ("全区规上工业企业研发费用达", "规上工业企业研发费用"),
        ("累计有效发明专利拥有量", "有效发明专利拥有量"),
    ],
)
def test_clean_metric(item: str, metric: str) -> None:
    assert fx.clean_metric(item) == metric


def test_noun_after() -> None:
    s = "新增8家科技小巨人企业,同比增长300%"
    assert fx.noun_after(s, s.index("家") + 1) == "科技小巨人企业"
    s = "推动之江、西湖等7家省实验室形成高水平科研体系"
    assert fx.noun_after(s, s.index("家") + 1) == "省实验室"
    s = "建成5家左右数字领航企业、10个左右5g工厂。"  # a technology's digit opens the noun
    assert fx.noun_after(s, s.index("10个") + 3) == "5g工厂"
    # a unit's note in brackets after the figure is no noun: what it counts comes after it
    s = "开展200场“甲乙”课堂和3000场(次)志愿驻点服务,并结合线上"
    assert fx.noun_after(s, s.index("3000场") + 5) == "志愿驻点服务"


def test_metric_of() -> None:
    fig = fx.Figure(0, 0, 0, "1", "家")
    assert fx.metric_of("", fig, "国家高新技术企业", "") == "国家高新技术企业"
    assert fx.metric_of("", fx.Figure(0, 0, 0, "58", "%"), "同比增长", "成果") == "成果"
    assert fx.metric_of("", fx.Figure(0, 0, 0, "3.3", "%"), "占GDP比重达", "R&D") == "R&D占GDP比重"
    assert fx.metric_of("", fig, "其中国家级", "市级以上孵化器") == "国家级孵化器"


@pytest.mark.parametrize(
    ("item", "unit", "qualifier"),
    [
        ("全年新增国家高新技术企业", "家", "新增"),
        ("累计办理外国人来华工作许可业务", "件", "累计"),
        ("海外高层次人才总量达到", "名", "总量"),
        ("同比增长", "%", "增长"),
        ("增幅", "%", "增长"),
        ("高新技术产业增加值", "亿元", ""),
        ("占GDP比重达", "%", "占比"),
        ("比上年提高", "个百分点", "提高"),
        ("城乡收入比下降", "%", "下降"),
        ("比重由46.9%提高到", "%", "占比"),
    ],
)
def test_qualifier_of(item: str, unit: str, qualifier: str) -> None:
    assert fx.qualifier_of(fx.Figure(0, 0, 0, "1", unit), item, item) == qualifier
    assert fx.qualifier_of(fx.Figure(0, 0, 0, "第1", "位", True), item, item) == "排名"


# --- clause boundaries -------------------------------------------------------


def test_item_start_and_blank_titles() -> None:
    s = "全年新增领军人才、青年人才23人"
    assert s[fx.item_start(s, s.index("23")) :].startswith("全年新增领军人才")
    s = "实现3大产业平台、12个镇街研发中心全覆盖"
    assert s[fx.item_start(s, s.index("12")) :].startswith("12")
    title = "《行动计划(2023-2025年)》"
    assert fx.blank_titles(f"发布{title}后") == "发布" + " " * len(title) + "后"


# --- rules from the facts-precision sample (made-up sentences) ---------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("引进3个20亿元以上、6个5亿元以上制造业项目", [("3", "个"), ("6", "个")]),  # sizes
        ("争取项目16个2.3亿元", [("16", "个"), ("2.3", "亿元")]),  # a total stays
        ("新建4条120公里高速公路", [("4", "条"), ("120", "公里")]),
        ("政策红利惠及12万户(人)次", [("12", "万户(人)次")]),
        ("收购价平均每斤高出市场价0.8元/斤,", [("0.8", "元/斤")]),
        ("平均每吨加工费120元/千克", [("120", "元/千克")]),
    ],
)
def test_figures_sizes_and_units(text: str, want: list[tuple[str, str]]) -> None:
    assert figures(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("新增营收超10亿元农业龙头企业3家", [("3", "家")]),  # the size of what is counted
        ("引进投资过5亿元产业项目12个", [("12", "个")]),
        ("完成投资超100亿元,带动就业5000人", [("100", "亿元"), ("5000", "人")]),
        ("全市首个国家1类创新药获批上市", []),  # a drug's class
        ("将256类药品纳入集采", [("256", "类")]),
        ("抽检覆盖率达9.4批次/千人", [("9.4", "批次/千人")]),
    ],
)
def test_size_classes_and_classes_are_no_figures(text: str, want: list[tuple[str, str]]) -> None:
    assert figures(text) == want


def test_a_bare_multiplier_before_the_people_it_counts_is_a_count_of_people() -> None:
    s = normalize("完成193个贫困村摘帽退出、9.3万贫困人口稳定脱贫和2000人易地扶贫搬迁。")
    assert [(f.value, f.unit) for f in fx.find_figures(s)] == [
        ("193", "个"),
        ("9.3", "万人"),
        ("2000", "人"),
    ]
    # a base per head is no count ("每10万人口…"), and a bare 万 before a thing still none
    assert [f.value for f in fx.find_figures(normalize("每10万人口在校生2700人"))] == ["2700"]
    assert fx.find_figures(normalize("建成12万平台终端")) == []


def test_computing_power_by_its_latin_symbol_is_a_figure() -> None:
    # "20万P", "3500PFlops" (lower-cased as normalised); "1pT" of a magnetic field is none
    found = fx.find_figures("力争算力规模突破20万p、建成3500pflops智算中心,分辨率达到1pt。")
    assert [(f.value, f.unit) for f in found] == [("20", "万p"), ("3500", "pflops")]
