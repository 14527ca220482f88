"""answer.kinds: a sentence naming another kind of the thing asked (made-up sentences)."""

from __future__ import annotations

import pytest

from answer.kinds import other_items, other_kind
from answer.signals import Signals, Term
from corpus.normalize import normalize


def _sig(term: str, pieces: tuple[str, ...], related: tuple[str, ...] = ()) -> Signals:
    return Signals((Term(term, 4.0, related, pieces),), (), "count")


def test_the_same_head_with_another_modifier_is_another_kind() -> None:
    sig = _sig("新型研发机构", ("新型", "研发", "机构", "研发机构"))
    assert other_kind(sig, normalize("新增省级企业研发机构74家")) == "企业研发机构"
    assert other_kind(sig, normalize("新增省级新型研发机构5家")) == ""  # the term itself
    assert other_kind(sig, normalize("新增研发机构12家")) == ""  # the bare head: no other kind


def test_a_related_word_is_no_other_kind() -> None:
    sig = _sig("科技小巨人", ("科技", "巨人", "小巨人"), ("专精特新小巨人",))
    assert other_kind(sig, normalize("专精特新小巨人100家以上")) == ""


def test_a_longer_name_writing_the_terms_characters_in_order_is_the_same_kind() -> None:
    sig = _sig("规模以上企业", ("规模", "以上", "企业"))
    assert other_kind(sig, normalize("规模以上工业企业中开展示范活动企业比重达30%")) == ""
    award = _sig("科技进步", ("科技", "进步"))
    assert other_kind(award, normalize("3项成果获国家科学技术进步奖二等奖")) == ""


def test_one_figure_of_several_things_is_no_figure_of_one() -> None:
    from answer.kinds import sums_several

    clause = normalize("中央财政全年用于教育、卫生、示范、文化事业的支出达855亿元")
    assert sums_several(normalize("中央财政用于示范的支出是多少"), clause)
    asked_all = normalize("中央财政用于教育、卫生、示范、文化事业的支出是多少")
    assert not sums_several(asked_all, clause)  # the question asks the total
    each = normalize("教育、卫生、示范支出均增长10%")
    assert not sums_several(normalize("示范支出增长多少"), each)  # 均: each one's
    after = normalize("建设100家以上面向特定行业、特定区域、特定示范场景的平台")
    assert not sums_several(normalize("面向特定行业示范场景的平台要建多少家"), after)
    # "…等16家技术机构、行业组织和骨干企业": the series are examples of what is counted,
    # named after the figure, which the question asks
    examples = normalize("来自整车企业、检测机构和高等院校等16家技术机构和骨干企业的代表参加")
    assert not sums_several(normalize("有多少家机构和企业的代表参加"), examples)
    # an item the question writes only inside a name the clause writes before the series
    event = normalize("来自智慧城市领域的领导、专家学者、城市和企业代表约1000人参加了峰会")
    assert not sums_several(normalize("首届新型智慧城市建设国际峰会参会的有多少人"), event)
    assert sums_several(normalize("峰会来了多少城市代表"), event)
    members = normalize("组织高校、院所、企业等120家单位参加")
    assert sums_several(normalize("有多少家高校参加"), members)  # 单位 is not what is asked


def test_a_spending_on_another_purpose_does_not_answer() -> None:
    from answer.kinds import other_purpose

    q = normalize("中央财政用于示范的支出是多少")
    assert other_purpose(q, normalize("中央财政用于救灾救济支出80.3亿元"))
    assert not other_purpose(q, normalize("中央财政用于示范、教育的支出分别为774亿元、536亿元"))
    assert not other_purpose(normalize("中央财政支出多少"), normalize("支出80.3亿元"))


@pytest.mark.parametrize(
    ("question", "clause", "other"),
    [
        ("甲区申报培训覆盖了多少家企业", "举办申报培训2场", True),
        ("甲区新增多少家市场主体", "新增市场主体3.5万户", False),  # 户 counts them too
        ("甲区建成多少家平台", "建成平台5个", False),
        ("甲区立项几个项目", "立项项目12项", False),
        ("甲区新增多少家企业", "营业收入增长12%", False),  # no count stated: not judged here
        ("甲区举办了几场活动", "服务企业319家次,举办活动5场", False),  # one count fits
        ("甲区服务了多少家次企业", "服务中小微企业319家次", False),  # 家次 counts 家
        ("甲市高企有多少家、每万人专利多少件", "每万人专利拥有量7.6件", False),  # either
        ("甲市高企有多少家 每万人专利", "每万人专利拥有量7.6件", False),  # not its close
        ("甲省要培育多少个工业app", "工业app下载量不少于2万次", True),  # 个 counts no times
        ("甲省要培育多少个工业app", "培育工业app5000个", False),
        ("甲区建了多少个基站", "新建5g基站1.2万座", False),  # 座 counts them too
        ("甲区几个月内完成", "在6个月内完成验收2次", False),  # 几个月 asks a time
    ],
)
def test_a_count_of_other_things_does_not_answer(question: str, clause: str, other: bool) -> None:
    from answer.kinds import other_counter

    assert other_counter(normalize(question), normalize(clause)) is other


@pytest.mark.parametrize(
    ("question", "clause", "other"),
    [
        ("甲区新增小巨人占全省认定总数的比例", "占乙市总认定数的21.62%", True),
        ("甲区新增小巨人占乙市全市认定数的比例", "占乙市总认定数的21.62%", False),
        ("甲区高新投资占固投比重", "占固定资产投资比重18.6%", False),  # no level named
        ("甲区增加值占地区生产总值比重", "占全市生产总值的12%", False),  # 地区 is no 区
        ("甲区产品占市场份额多少", "占全省市场的12%", False),  # 市场 is no 市
    ],
)
def test_a_share_of_another_whole_does_not_answer(question: str, clause: str, other: bool) -> None:
    from answer.kinds import other_share_base

    assert other_share_base(normalize(question), normalize(clause)) is other


def test_the_same_head_noun_under_another_modifier_is_another_kind() -> None:
    sig = _sig("科技型中小企业", ("科技", "中小", "企业", "科技型", "小企业"))
    # 国高企 stands for 高新技术企业: no piece shared, the head noun (企业) is
    assert other_kind(sig, normalize("新认定国高企2876家")) == "高新技术企业"
    assert other_kind(sig, normalize("新增省科技型中小企业1520家")) == ""  # the term itself
    assert other_kind(sig, normalize("新增企业120家")) == ""  # the bare head: no other kind


def test_a_word_the_question_asks_too_is_no_other_kind() -> None:
    invest = Term("高新技术产业投资", 4.0, (), ("高新技术", "产业", "投资"))
    base = Term("固定资产投资", 4.0, (), ("固定资产", "投资"))
    sig = Signals((invest, base), (), "%")
    # "高新投资占固投比重": 固定资产投资 is asked as the base, not another kind of investment
    assert other_kind(sig, normalize("占固定资产投资比重13.7%")) == ""


def test_the_opposite_flow_does_not_answer() -> None:
    from answer.kinds import opposite_asked

    assert opposite_asked("2037年甲类产品出口了多少亿美元", "进口各类甲类产品362亿美元")
    assert not opposite_asked("2037年甲类产品出口了多少亿美元", "出口甲类产品120亿美元")
    assert not opposite_asked("甲类产品进出口总额多少", "进出口总额500亿元")
    assert opposite_asked("甲市农村居民人均可支配收入多少", "城镇居民人均可支配收入5万元")
    assert not opposite_asked("甲市城乡居民收入比多少", "城镇居民人均可支配收入5万元")
    assert opposite_asked("甲省农村家庭宽带接入能力不低于多少", "城市家庭宽带接入能力不低于50M")
    assert opposite_asked("甲市民办幼儿园有多少所", "新建公办幼儿园12所")
    # what was applied for is not what was granted, and the other way round
    assert opposite_asked("甲州新认定了多少户高新技术企业", "申报高新技术企业6户")
    assert opposite_asked("甲区申报了多少家高企", "新认定高企52家")
    assert not opposite_asked("甲区新认定了多少家高企", "推荐申报高企158家、其中新认定104家")


def test_a_series_of_other_things_with_figures_does_not_answer_a_thing_it_omits() -> None:
    clause = "今年要淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能"
    asked = Signals((Term("淘汰", 4.0), Term("电解铝", 4.0), Term("产能", 4.0)), (), "")
    assert other_items(asked, clause, "今年淘汰电解铝落后产能的任务是多少")
    listed = Signals((Term("淘汰", 4.0), Term("水泥", 4.0), Term("产能", 4.0)), (), "")
    assert not other_items(listed, clause, "今年淘汰水泥落后产能的任务是多少")
    # a figure and its growth are no series; a series without its kind names none
    assert not other_items(asked, "产能规模1852.5亿元、增长11.3%", "电解铝落后产能规模多大")
    built = "建成15个国家级智能工厂、5家数字领航企业"
    assert not other_items(asked, built, "电力装备方案要建成多少个国家级智能工厂")


def test_a_measure_asked_is_the_figures_own() -> None:
    from answer.signals import expected_unit

    assert expected_unit("甲盟23年发电量是多少亿度?") == "度"


def test_another_rate_stated_is_no_figure_of_the_rate_asked() -> None:
    from answer.kinds import other_rate

    q = "甲系统的假阴性率要低于多少"
    assert other_rate(q, "甲系统对典型疾病的检出率超过95%")
    assert not other_rate(q, "假阴性率低于1%")
    # a longer name of the asked rate is the asked rate
    assert not other_rate("城镇化率多少", "常住人口城镇化率达到65%")
    assert not other_rate("新增高企多少家", "检出率超过95%")  # no rate asked
    # a rate that is a word of two characters is named by it, whatever stands before
    assert not other_rate("重水型反应堆功率是多少", "建设的功率为七千千瓦的重水型原子反应堆")
    assert other_rate("重水型反应堆功率是多少", "设备利用率达到八成")


def test_a_power_asked_is_no_percentage() -> None:
    from answer.signals import expected_unit

    assert expected_unit("苏联帮建的反应堆功率是多少?") == ""
    assert expected_unit("城镇化率是多少?") == "%"


def test_a_name_before_a_figure_built_on_the_terms_head_is_another_kind() -> None:
    from answer.kinds import counted_things

    clause = normalize("新认定国家级专精特新“小巨人”企业19家")
    assert counted_things(clause) == ["国家级专精特新小巨人企业"]
    sig = _sig("高新技术企业", ("高新", "技术", "企业"))
    assert other_kind(sig, clause) == "国家级专精特新小巨人企业"
    # the term itself, with a level before it, and a bare verb of adding are no other kind
    assert other_kind(sig, normalize("新认定国家高新技术企业19家")) == ""
    assert other_kind(sig, normalize("高新技术企业达500家,新认定19家")) == ""
    # a name sharing the term's words but not its head is left to the dictionary words
    permit = _sig("外国人来华工作许可", ("外国人", "来华", "工作", "许可"))
    assert other_kind(permit, normalize("全年共办理外国人来华工作各类事项137项")) == ""


def test_a_rank_counts_nothing() -> None:
    from answer.kinds import counted_things

    assert counted_things(normalize("高新技术产业增加值81亿元,占比居全市第3位")) == [
        "高新技术产业增加值"
    ]
    assert counted_things(normalize("总量全市第2")) == []
    assert counted_things(normalize("星火计划,火炬计划等项目308项")) == ["项目"]


def test_a_word_asked_written_only_inside_one_of_both_is_no_figure_of_it() -> None:
    from answer.kinds import opposite_asked

    assert opposite_asked("1985年出口总额计划达到多少", "进出口贸易总额将达到八百五十五亿元")
    assert not opposite_asked("1985年出口总额计划达到多少", "出口总额将达到四百零二亿元")
    assert not opposite_asked("1985年进出口总额是多少", "进出口贸易总额将达到八百五十五亿元")
    assert opposite_asked("1965年农业总产值增长多少", "工农业总产值比1964年增长百分之十左右")


def test_the_money_for_something_asked_is_money() -> None:
    from answer.signals import expected_unit

    assert expected_unit("中央财政促进就业的钱2009年安排了多少") == "money"


def test_an_example_of_the_thing_asked_is_no_other_kind() -> None:
    sig = Signals(
        terms=(Term("信息技术", 1.0, pieces=("信息", "技术")), Term("创新平台", 1.0)),
        numbers=(),
        unit="count",
    )
    # "技术创新中心" is one of the 省级创新平台 it lists, not another kind of 信息技术
    assert other_kind(sig, normalize("重点实验室、技术创新中心等省级创新平台达到200家左右")) == ""
    assert other_kind(sig, normalize("技术创新中心达到200家左右")) == "技术创新中心"


def test_a_series_sharing_the_terms_head_writes_the_term() -> None:
    pieces = ("高技", "技术", "制造", "增加", "加值", "高技术", "制造业", "增加值")
    sig = _sig("高技术制造业增加值", pieces)
    sent = normalize("高技术制造业、装备制造业增加值分别增长9.5%、10.7%")
    assert other_kind(sig, sent) == ""
    assert other_kind(sig, normalize("装备制造业增加值增长10.7%")) == "装备制造业增加值"


def test_chengxiang_writes_the_towns_and_the_countrys() -> None:
    sig = _sig("城镇居民", ("城镇", "居民"))
    assert other_kind(sig, normalize("城乡居民人均可支配收入分别增长4%、6%")) == ""
    assert other_kind(sig, normalize("农村居民人均可支配收入增长6%")) != ""


def test_what_a_policy_grants_a_figure_to_is_what_it_counts() -> None:
    from answer.kinds import counted_things

    clause = normalize("园区内新认定的国家、省、市工业设计中心分别给予100万元、50万元奖励")
    assert counted_things(clause) == ["市工业设计中心"]
    sig = _sig("制造业创新中心", ("制造", "创新", "中心", "制造业"))
    assert other_kind(sig, clause) == "市工业设计中心"
    assert other_kind(sig, normalize("国家级制造业创新中心一次性给予500万元奖励")) == ""


def test_a_share_of_the_same_whole_for_another_thing_does_not_answer() -> None:
    from answer.kinds import other_share_of

    term = Term("研发投入强度", 4.0, ("占地区生产总值比重",), ("研发", "投入", "强度"))
    sig = Signals((term,), (), "%")
    other = normalize("环保投入相当于全市生产总值的比例保持在3%左右")
    assert other_share_of(sig, other) == "环保投入"
    # the term's own spending, or a share whose subject stands in an earlier clause
    own = normalize("全社会研发经费支出相当于全市生产总值的比例达到4.2%")
    assert other_share_of(sig, own) == ""
    assert other_share_of(sig, normalize("研发经费增长10%,占地区生产总值比重达3%")) == ""
