"""retrieval.parts: a question asking several figures split into parts, their labels and words."""

from __future__ import annotations

import pytest

from retrieval.intent import Intent
from retrieval.part_labels import part_labels
from retrieval.parts import (
    asks_several,
    own_part,
    split_parts,
)
from retrieval.query import parse_query
from retrieval.segment_words import names_metric, own_words


def test_split_parts_year_and_target() -> None:
    q = parse_query("余杭2023年新增高企实际数和2024年目标各是多少")
    parts = split_parts(q)
    assert len(parts) == 2
    first, second = parts
    assert first.years == (2023,) and not first.wants_target and first.intent == "number"
    assert second.years == (2024,) and second.wants_target and second.intent == "target"
    for part in parts:
        assert part.regions == ("余杭区",)
        assert "高新技术企业" in part.canon  # the metric is kept in both parts


def test_split_parts_two_years() -> None:
    parts = split_parts(parse_query("余杭新增省科小数量2021年和2023年各是多少"))
    assert [p.years for p in parts] == [(2021,), (2023,)]
    assert all("科技型中小企业" in p.canon for p in parts)


def test_split_parts_two_regions() -> None:
    parts = split_parts(parse_query("临安2022年新增国高企目标和瓯海2024年新认定高企目标分别是多少"))
    assert [(p.regions, p.years) for p in parts] == [(("临安区",), (2022,)), (("瓯海区",), (2024,))]
    assert all(p.wants_target for p in parts)


def test_parts_of_two_things_counted_are_not_told_apart_by_a_things_level() -> None:
    q = parse_query("临安区2022年新增国家高企和新增浙江省科技型中小企业的目标分别是多少家")
    parts = split_parts(q)
    assert len(parts) == 2 and all(p.regions == ("临安区",) for p in parts)
    assert "科技型中小企业" in parts[1].text and "高新技术企业" in parts[0].canon


def test_every_part_asks_what_the_last_part_asks() -> None:
    parts = split_parts(parse_query("去年(2025年)吉林省和云南省的高技术制造业增加值各增长了多少?"))
    assert [p.regions for p in parts] == [("吉林省",), ("云南省",)]
    assert all("多少" in p.text and "高技术制造业增加值" in p.text for p in parts)


def test_a_growth_the_places_share_is_read_before_each_parts_ask() -> None:
    # "…增长目标,济宁和随州各定了多少": 随州's part asks the growth (a rate), not "多少" of
    # anything with the growth's words after it
    parts = split_parts(parse_query("今年全社会研发投入增长目标,济宁和随州各定了多少?"))
    assert [p.regions for p in parts] == [("济宁市",), ("随州市",)]
    assert "全社会研发投入增长多少" in parts[1].text
    assert all(p.wants_target for p in parts)


def test_a_part_naming_only_its_report_and_a_verb_borrows_the_metric() -> None:
    q = parse_query(
        "甲省2025年政府工作报告计划实施多少项重大科技攻关?2026年政府工作报告回顾时说实际实施了多少项?"
    )
    first, second = split_parts(q)
    assert "重大科技攻关" in second.text and not second.wants_target and first.wants_target


def test_split_parts_keeps_single_questions() -> None:
    q = parse_query("余杭2023年新增高企多少")
    assert split_parts(q) == [q]
    q2 = parse_query("余杭2023年新增高企各是多少")  # one segment
    assert split_parts(q2) == [q2]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("临安和余杭R&D经费投入各多少", ["临安", "余杭"]),
        ("临安区和余杭区R&D经费投入各多少", ["临安区", "余杭区"]),
        ("杭州和瓯海2024年新增高企目标分别是多少", ["杭州", "瓯海"]),
    ],
)
def test_part_labels_regions_as_written(text: str, labels: list[str]) -> None:

    q = parse_query(text)
    parts = split_parts(q)
    assert len(parts) == 2
    assert part_labels(q, parts) == labels


def test_part_labels_years() -> None:

    q = parse_query("余杭省级重大科技项目2021年立项几个，2022年计划实施几个")
    parts = split_parts(q)
    assert [p.years for p in parts] == [(2021,), (2022,)]
    labels = part_labels(q, parts)
    assert len(labels) == 2
    assert "2021" in labels[0] and "2022" in labels[1]


def test_part_labels_short_years() -> None:

    q = parse_query("21年和23年余杭新增高企各多少")
    labels = part_labels(q, split_parts(q))
    assert "2021" in labels[0] and "2023" in labels[1]


def test_part_labels_halves_and_targets() -> None:

    q = parse_query("瓯海1-5月高新投资增速和下半年要保持的增速目标各是多少？")
    # the half as written, with the kind it is asked as
    assert part_labels(q, split_parts(q)) == ["1-5月实际", "下半年目标"]
    both = parse_query("瓯海上半年和下半年新增孵化面积各多少")
    assert part_labels(both, split_parts(both)) == ["上半年", "下半年"]
    # a later sentence asking with no metric of its own goes on with the topic
    q4 = parse_query("临安数字经济投资增速，今年1-4月实际多少？下半年要保持在多少？")
    parts = split_parts(q4)
    assert len(parts) == 2 and all("数字经济投资增速" in p.text for p in parts)
    q2 = parse_query("余杭2023年新增高企目标和实际完成各是多少")
    assert part_labels(q2, split_parts(q2)) == ["2023年目标", "2023年实际"]  # the year all share
    # the kind as the question words it
    q3 = parse_query("甲市23年加装电梯,年初计划多少台,实际完成多少台")
    assert part_labels(q3, split_parts(q3)) == ["2023年计划", "2023年实际"]
    q5 = parse_query("甲市加装电梯,年初计划多少台,实际完成多少台")
    assert part_labels(q5, split_parts(q5)) == ["计划", "实际"]  # no year asked


@pytest.mark.parametrize(
    "text",
    [
        "杭州2024年R&D经费和研发强度的目标",
        "临安2020年度创新指数多少,全省排第几",
    ],
)
def test_part_labels_empty_when_only_the_metric_differs(text: str) -> None:

    q = parse_query(text)
    parts = split_parts(q)
    assert len(parts) == 2
    assert part_labels(q, parts) == ["", ""]


def test_metrics_asked_each_are_labelled_by_their_metric() -> None:
    # "A和B各多少": what is asked of each is said once, after the last; each is labelled
    # as the question writes it, a verb written before the first carried to all
    q = parse_query("余杭2023年新增高企和科小各多少")
    parts = split_parts(q)
    assert part_labels(q, parts) == ["新增高企", "新增科小"]
    assert all("新增" in p.norm and p.years == (2023,) for p in parts)
    q = parse_query("64年报告里,65年计划农业总产值和工业总产值各增长多少?")
    parts = split_parts(q)
    assert part_labels(q, parts) == ["农业总产值", "工业总产值"]
    assert all("增长多少" in p.norm and p.years == (1965,) for p in parts)


def test_part_labels_of_a_single_question() -> None:

    q = parse_query("余杭2023年新增高企多少")
    assert part_labels(q, split_parts(q)) == [""]
    assert part_labels(q, []) == []


def test_metric_parts_share_the_year() -> None:
    parts = split_parts(parse_query("杭州2024年R&D经费和研发强度的目标"))
    assert [p.years for p in parts] == [(2024,), (2024,)]


def test_a_year_leading_a_target_and_its_actual_is_both_parts() -> None:
    q = parse_query("驻马店2008年GDP增速目标定的多少,实际完成多少?")
    parts = split_parts(q)
    assert [(p.years, p.wants_target) for p in parts] == [((2008,), True), ((2008,), False)]
    # a relative year of its own keeps the year to the segment writing it
    other = split_parts(parse_query("余杭2023年新增高企多少,今年目标多少"))
    assert [p.years for p in other] == [(2023,), ()]
    # …and a plan period's years are the plan's, not the second figure's
    plan = split_parts(parse_query("六五计划要对多少个关键科技项目搞攻关?涉及多少个课题?"))
    assert len(plan) == 2 and plan[1].years == ()


@pytest.mark.xfail(
    reason="'余杭2023年新增高企实际数和目标各是多少' is not split: the segment "
    "'目标各是多少' has no content words, so one target question is asked for two figures"
)
def test_actual_and_target_of_one_metric_are_two_parts() -> None:

    q = parse_query("余杭2023年新增高企实际数和目标各是多少")
    parts = split_parts(q)
    assert [p.wants_target for p in parts] == [False, True]
    assert part_labels(q, parts) == ["实际", "目标"]


def test_a_year_before_every_place_is_shared_by_the_parts() -> None:

    parts = split_parts(parse_query("2031年余杭和临安新增科小各多少家"))
    assert [p.years for p in parts] == [(2031,), (2031,)]


def test_one_place_asked_about_two_years_stays_in_every_part() -> None:
    parts = split_parts(parse_query("苏州新型研发机构22年有多少家，23年目标多少家？"))
    assert [p.years for p in parts] == [(2022,), (2023,)]
    assert all("苏州" in p.text for p in parts)
    assert [p.wants_target for p in parts] == [False, True]


@pytest.mark.parametrize(
    "question",
    [
        "瓯海上半年技术合同登记额在全省排第几",
        "余杭2023年高企数量同比增长多少",
        "临安参与研发的企业有多少家",
    ],
)
def test_words_holding_a_conjunction_character_are_not_split(question: str) -> None:
    assert len(split_parts(parse_query(question))) == 1


def test_a_part_asking_with_a_verb_only_is_still_a_part() -> None:
    parts = split_parts(parse_query("甲市2023年示范企业增长了多少，达到多少家"))
    assert [p.segment for p in parts] == ["甲市2023年示范企业增长了多少", "达到多少家"]
    assert own_words(parts[1].segment) == "达到"


def test_a_question_mark_separates_two_asks() -> None:
    parts = split_parts(parse_query("乙区2021年示范企业通过了多少家？其中新认定的有几家"))
    assert len(parts) == 2 and parts[1].segment.startswith("其中新认定")


def test_the_whole_borrows_no_words_of_its_part() -> None:
    q = parse_query("1989年报告要求全社会投资规模比上年压缩多少？其中全民所有制单位压缩多少？")
    whole, part = split_parts(q)
    assert "全民所有制" not in whole.text  # the whole is not its part…
    assert "投资规模" in part.text  # …the part is of the whole
    # (a word holding a verb of reaching stays whole: 要求, not "求")
    assert "要求全社会" in part.text


def test_an_ask_of_each_is_asked_of_every_subject() -> None:
    parts = split_parts(parse_query("丙区2020年甲类减免额和乙类减免额，同比各增长了多少"))
    assert len(parts) == 2
    assert all(p.shared_ask == "同比增长了多少" for p in parts)
    assert "甲类减免额" in parts[0].segment and "乙类减免额" in parts[1].segment


def test_a_part_naming_only_a_verb_borrows_the_metric() -> None:
    parts = split_parts(parse_query("丁市2018年新增示范企业多少家，2019年计划新增多少家"))
    assert len(parts) == 2 and "示范企业" in parts[1].text and parts[1].wants_target


def test_a_part_asking_its_counter_only_borrows_the_metric() -> None:
    # "多少条": the counter asked is the figure's unit, no metric of its own
    parts = split_parts(parse_query("丁市机场航线去年有多少条？今年的目标又是多少条？"))
    assert len(parts) == 2 and "航线" in parts[1].text and parts[1].wants_target


def test_names_metric() -> None:
    assert names_metric("养老床位") and names_metric("专利")
    assert not names_metric("新增") and not names_metric("同比增长") and not names_metric("")
    assert not names_metric("新建")  # a verb, though the tagger reads it as a place (ns)
    assert not names_metric("金额") and not names_metric("占比")  # a measure of another's


def test_a_part_asking_only_a_measure_takes_the_thing_measured() -> None:
    parts = split_parts(parse_query("丁市2023年技术合同成交了多少项、金额多少"))
    assert len(parts) == 2 and "技术合同成交" in parts[1].text
    parts = split_parts(parse_query("丁市2023年新增高企多少家、占比多少"))
    assert len(parts) == 2 and "高企" in parts[1].text


def test_a_part_asking_how_many_are_built_borrows_the_metric() -> None:
    parts = split_parts(parse_query("丁市2023年新增了多少个5G基站？2024年计划新建多少个？"))
    assert len(parts) == 2 and "基站" in parts[1].text and parts[1].wants_target


def test_subjects_asked_the_same_are_labelled_by_subject() -> None:
    q = parse_query("丙区2020年甲类减免额和乙类税收额，同比各增长了多少")
    assert [x[-5:] for x in part_labels(q, split_parts(q))] == ["甲类减免额", "乙类税收额"]
    # two figures of one subject: told apart by how they count, as the question words it
    # (the sentence may word it otherwise: "累计…多少家" answered by "总数52家")
    two = parse_query("丁市2023年新增示范企业多少家，总数到了多少")
    assert part_labels(two, split_parts(two)) == ["新增", "总数"]


def test_a_question_asking_two_things_is_asked_in_parts() -> None:
    assert asks_several(parse_query("甲区1-5月示范投资增速多少，全省排位怎么样"))
    assert not asks_several(parse_query("甲区2023年新增示范企业多少家"))


def test_another_parts_year_goes_with_its_conjunction() -> None:
    parts = split_parts(parse_query("甲区示范中心新增数2021年和2023年分别是多少"))
    assert [p.years for p in parts] == [(2021,), (2023,)]
    assert "年和" not in parts[1].text and "2023" in parts[1].text


def test_each_is_an_asking_word() -> None:
    assert "分别" not in own_words("2030年分别要超过多少")


def test_a_part_can_be_asked_with_its_own_words_only() -> None:
    q = parse_query("甲市23年净增示范企业多少家？国家级孵化器新增了几家")
    _first, second = split_parts(q)
    alone = own_part(q, second)
    assert alone is not None and "净增" not in alone.text and "孵化器" in alone.text
    assert alone.years == second.years


def test_places_of_different_years_are_labelled_with_their_years() -> None:
    q = parse_query("甲专家入选的,余杭23年有几个人,临安21年有几个人")
    # (a year written with two digits is followed by the full year)
    assert part_labels(q, split_parts(q)) == ["余杭23年（2023年）", "临安21年（2021年）"]
    q = parse_query("余杭和临安2023年新增高企各多少")
    assert part_labels(q, split_parts(q)) == ["余杭", "临安"]


def test_a_segment_asking_its_own_figure_is_no_target_of_the_others_cue() -> None:
    q = parse_query("甲市2023年引进青年人才多少万人?今年打算引进多少?")
    parts = split_parts(q)
    assert [p.wants_target for p in parts] == [False, True]
    assert "青年人才" in parts[1].text  # a segment naming only a verb borrows the metric
    # each time with the kind it is asked as, as the question words it or else 实际/目标
    assert part_labels(q, parts) == ["2023年实际", "今年打算"]


def test_a_second_ask_of_no_time_of_its_own_shares_the_plan() -> None:
    q = parse_query("甲市2023年研发投入占GDP比重要提到多少,新增发明专利多少件")
    assert [p.wants_target for p in split_parts(q)] == [True, True]


def test_places_are_labelled_with_their_own_times_and_words_before_them() -> None:
    q = parse_query("甲指标目标:瓯海今年和临安2022年各定的多少")
    assert part_labels(q, split_parts(q)) == ["瓯海今年", "临安2022年"]
    q = parse_query("乙团队:余杭23年新增了几个,杭州行动计划今年要培育几个")
    assert part_labels(q, split_parts(q)) == ["余杭23年（2023年）", "杭州行动计划今年"]


def test_a_year_segment_asking_its_own_figure_is_no_target_of_the_next_years_cue() -> None:
    q = parse_query("甲省转化乙成果,2025年是多少项?2026年目标多少项?")
    parts = split_parts(q)
    assert [p.years for p in parts] == [(2025,), (2026,)]
    assert [p.wants_target for p in parts] == [False, True]
    q = parse_query("甲省转化乙成果2025年和2026年的目标各是多少项")
    assert [p.wants_target for p in split_parts(q)] == [True, True]


def test_a_base_year_gives_a_part_no_time_label() -> None:
    from retrieval.mentions import time_mention

    assert time_mention("是2006年的几倍") == ""
    assert time_mention("2011年民生支出是多少") == "2011年"


def test_a_plan_period_written_once_leaves_the_places_as_parts() -> None:
    q = parse_query("“十四五”期间甲指标年均增长,福建和辽宁各是多少?")
    parts = split_parts(q)
    assert [p.regions for p in parts] == [("福建省",), ("辽宁省",)]


def test_two_sentences_asking_different_kinds_are_two_questions() -> None:
    from retrieval.asks import split_asks
    from retrieval.intent import Intent

    q = parse_query("杭州24年乙创新项目要搞多少项?这条哪个部门负责")
    first, second = split_asks(q)
    assert first.intent == Intent.TARGET and second.intent == Intent.ENTITY
    assert "乙创新项目" in second.norm and "多少" not in second.norm  # the subject, lent
    assert second.regions == ("杭州市",) and second.years == (2024,)
    q = parse_query("甲区23年哪个事项列进了首批增值服务?首批一共几个")
    assert [p.intent for p in split_asks(q)] == [Intent.ENTITY, Intent.NUMBER]


def test_sentences_asking_the_same_kind_are_no_separate_questions() -> None:
    from retrieval.asks import split_asks

    assert split_asks(parse_query("甲区2023年新增高企多少?乙区呢?")) == []
    assert split_asks(parse_query("甲区哪家企业通过验收?新创建的又是哪家")) == []
    assert split_asks(parse_query("甲区2023年新增高企多少")) == []


def test_a_target_cue_in_a_segment_of_no_part_is_every_parts() -> None:
    q = parse_query("2024年新增科小的目标,杭州计划和余杭区分别定了多少家")
    parts = split_parts(q)
    assert [p.regions for p in parts] == [("杭州市",), ("余杭区",)]
    assert [p.wants_target for p in parts] == [True, True]


def test_a_place_written_with_its_document_is_labelled_so() -> None:
    q = parse_query("2024年新增科小的目标,杭州315计划和余杭区分别定了多少家")
    assert part_labels(q, split_parts(q)) == ["杭州315计划", "余杭区"]
    q = parse_query("临安高企和余杭科小各多少")  # a metric after the place is no document
    assert part_labels(q, split_parts(q)) in (["临安", "余杭"], ["", ""])


def test_a_series_asked_each_is_several_asks() -> None:
    assert asks_several(parse_query("甲市去年国家级、省级创新平台各新增了多少家"))
    assert asks_several(parse_query("甲市新增示范企业和孵化器分别是多少"))
    assert not asks_several(parse_query("甲市去年新增创新平台多少家"))


def test_a_segment_naming_the_document_is_every_parts_scope() -> None:
    q = parse_query("乙市那份24年政府工作报告里,全市示范企业有多少家、每万人发明专利多少件")
    parts = split_parts(q)
    assert [p.segment for p in parts] == ["全市示范企业有多少家", "每万人发明专利多少件"]


def test_a_year_only_the_documents_name_writes_is_no_figures_year() -> None:
    q = parse_query("数字甲省2019行动方案里,年内要培育多少家示范企业?部门网站迁入平台要超过多少个?")
    parts = split_parts(q)
    assert parts[0].segment.startswith("年内要培育")
    assert all(p.years == () for p in parts)


def test_segments_all_asking_targets_share_the_year() -> None:
    parts = split_parts(parse_query("乙省2026年技术合同成交额目标多少?研发投入强度要提到多少?"))
    assert [p.years for p in parts] == [(2026,), (2026,)]
    assert all(p.wants_target for p in parts)


def test_a_policy_named_before_the_asks_is_their_scope() -> None:
    q = parse_query("甲市人工智能政策,研发计划按到账经费补多少比例?单个项目最多补多少?")
    parts = split_parts(q)
    assert [p.segment for p in parts] == ["研发计划按到账经费补多少比例", "单个项目最多补多少"]


def test_shiji_without_a_target_is_a_word_of_the_metric() -> None:
    parts = split_parts(parse_query("96年示范成果取得了多少项?外商直接投资实际到位多少?"))
    assert [p.years for p in parts] == [(1996,), (1996,)]


@pytest.mark.parametrize("now", ["现有", "目前有", "已经有"])
def test_a_segment_asking_what_exists_is_no_target_of_the_others_cue(now: str) -> None:
    q = parse_query(f"甲省示范实验室{now}多少个,2030年要到多少家")
    assert [p.wants_target for p in split_parts(q)] == [False, True]


def test_how_big_asks_a_figure_of_its_own_segment() -> None:
    from retrieval.parts import asks_several

    q = parse_query("31年全国示范经济规模多大?占gdp比重多少?")
    assert asks_several(q) and len(split_parts(q)) == 2


def test_each_place_keeps_its_own_time() -> None:
    q = parse_query("新增示范孵化器,东城区今年上半年和西城区23年各几家")
    first, second = split_parts(q)
    assert first.regions == ("东城区",) and first.half == "H1" and "23年" not in first.text
    assert second.regions == ("西城区",) and second.half == "" and second.years == (2023,)
    assert "上半年" not in second.text


def test_a_report_year_in_one_places_segment_is_no_year_of_its_figure() -> None:
    q = parse_query("温州和台州的38年政府工作报告里,37年GDP各是多少?")
    parts = split_parts(q)
    assert [p.years for p in parts] == [(2037,), (2037,)]
    assert all(p.doc_years == (2038,) for p in parts)


def test_a_report_year_segment_is_no_part_and_a_part_naming_no_metric_borrows_the_nouns() -> None:
    q = parse_query("温州38年报告里,城镇固投37年实际增长多少,38年目标定的增长多少?")
    first, second = split_parts(q)
    assert (first.years, second.years) == ((2037,), (2038,))
    assert not first.wants_target and second.wants_target
    assert "固定资产投资" in second.norm and "实际" not in second.norm


def test_a_span_of_two_digit_years_is_asked_and_labelled_as_one() -> None:
    q = parse_query("85年国务院政府工作报告里,轻工业总产值79到83年平均每年涨多少,84年涨多少?")
    assert q.years == (1979, 1983, 1984)
    parts = split_parts(q)
    assert [p.years for p in parts] == [(1979, 1983), (1984,)]
    assert part_labels(q, parts) == ["1979至1983年", "1984年"]
    assert "平均每年" not in parts[1].norm  # the nouns only are borrowed


def test_part_labels_keep_the_point_of_the_year_the_question_writes() -> None:
    q = parse_query("基础型智慧社区，23年底和25年底分别要建成多少个？")
    labels = part_labels(q, split_parts(q))
    # the year written out, and as the question wrote it ("23年底" inside "2023年底")
    assert labels == ["2023年底", "2025年底"]


def test_a_part_naming_no_metric_borrows_the_growth_the_other_asks() -> None:
    # "24年目标定的多少" after "23年GDP增速多少": the target of GDP growth, named where the
    # part asks it
    q = parse_query("丽水23年GDP增速多少?24年目标定的多少?")
    _first, second = split_parts(q)
    assert second.years == (2024,) and second.wants_target
    assert "地区生产总值增长目标" in second.norm


def test_two_reports_by_year_asked_each_are_a_comparison() -> None:
    q = parse_query("07年、08年两份国务院政府工作报告里,当年中央财政赤字各拟安排多少?")
    assert q.intent is Intent.COMPARE
    assert [p.doc_years for p in split_parts(q)] == [(2007,), (2008,)]


def test_a_years_label_keeps_the_months_the_question_writes() -> None:
    q = parse_query("池州22年1-11月固投增速多少?23年固投增长目标定的多少?")
    # (each part says the kind it is asked as)
    assert part_labels(q, split_parts(q)) == ["2022年1-11月实际", "2023年目标"]


def test_a_target_part_is_labelled_with_the_kind_it_writes() -> None:
    q = parse_query("甲市2025年报告:2024年一般公共预算收入增长了多少?2025年预期目标是增长多少?")
    assert part_labels(q, split_parts(q)) == ["2024年实际", "2025年预期目标"]


def test_targets_of_one_figure_are_labelled_by_their_words() -> None:
    q = parse_query("临沂24年GDP增速目标定的多少?力争多少?")
    assert part_labels(q, split_parts(q)) == ["目标", "力争"]


def test_a_borrowed_metric_keeps_the_noun_like_words_after_its_nouns() -> None:
    # 承载能力 is tagged as a set phrase: still part of what is counted
    q = parse_query("丽水电网安全承载能力23年提到多少,24年争取到多少")
    _first, second = split_parts(q)
    assert "电网安全承载能力" in second.norm and second.wants_target


def test_metrics_within_a_validity_keep_their_words() -> None:
    q = parse_query("黔东南今年科小入库、有效期内高企、高新技术产业产值的目标各是多少?")
    assert part_labels(q, split_parts(q)) == ["科小入库", "有效期内高企", "高新技术产业产值"]


def test_a_documents_name_is_no_metric_of_the_part_it_stands_in() -> None:
    # "甲指南要求23年": the document's name and a verb; the part is asked what the other asks
    q = parse_query("甲行业智能制造标准体系指南要求23年和25年分别至少制定多少项标准？")
    first, second = split_parts(q)
    assert first.years == (2023,) and second.years == (2025,)
    assert "制定多少项标准" in first.norm and "25年" not in first.norm


def test_a_documents_name_stays_whole_and_a_time_allowed_is_asked() -> None:
    name = "三部委甲汽车道路测试与示范应用管理规范"
    q = parse_query(f"{name},出了事故,测试主体多久内要报、主管部门多久内报部里")
    parts = split_parts(q)
    assert len(parts) == 2  # the name's 与 splits nothing; 出了事故 is the topic of both
    assert all("出了事故" in p.norm for p in parts)
    assert "测试主体" in parts[0].norm and "主管部门" in parts[1].norm


def test_a_cited_title_standing_apart_is_no_metric_the_parts_share() -> None:
    # "《…》里,到31年和到35年分别…": the year alone borrows what the other part asks
    for asked in ("《甲地图标准体系建设指南(2030版)》里,", "2030年版《甲地图标准体系建设指南》里,"):
        q = parse_query(f"{asked}到2031年和到2035年分别要制定多少项甲地图标准?")
        first, second = split_parts(q)
        assert first.years == (2031,) and second.years == (2035,)
        assert "甲地图标准" in first.norm.split("》")[-1]  # lent the metric, not the title


def test_a_base_year_of_comparison_is_no_label_word() -> None:
    q = parse_query("75年那份政府工作报告里,74年比64年钢和原煤分别增长了多少?")
    assert part_labels(q, split_parts(q)) == ["钢", "原煤"]


def test_a_documents_period_segment_is_its_scope_not_a_part() -> None:
    q = parse_query(
        "工信部甲乙产业三年行动计划(2018-2020)里,丙系统的假阴性率和假阳性率分别要低于多少?"
    )
    parts = split_parts(q)
    assert len(parts) == 2 and all("低于多少" in p.norm for p in parts)


def test_a_target_borrows_the_growth_the_other_part_asks() -> None:
    q = parse_query("北海规上工业增加值,2023年实际增长多少,2024年定的目标是多少?")
    target = split_parts(q)[1]
    assert "增长目标" in target.norm and target.wants_target


def test_the_plan_named_again_by_its_kind_is_no_metric() -> None:
    q = parse_query(
        "甲省“十三五”科技创新规划中,2015年全省高新技术企业有多少家?规划提出到“十三五”末达到多少家?"
    )
    first, second = split_parts(q)
    assert not first.wants_target and second.wants_target
    assert "高新技术企业" in second.norm  # borrowed from the other part
    assert part_labels(q, [first, second]) == ["2015年实际", '"十三五"末目标']


def test_a_plans_end_is_labelled_with_the_year_the_question_writes_beside_it() -> None:
    q = parse_query("甲市5G基站,2023年目标和“十四五”末(2025年)目标分别是多少?")
    parts = split_parts(q)
    assert part_labels(q, parts)[1] == '"十四五"末（2025年）'


def test_a_change_asked_from_and_to_is_labelled_as_written() -> None:
    q = parse_query("甲国报告里,全国高速公路从1997年的多少增加到2002年的多少?")
    assert part_labels(q, split_parts(q)) == ["1997年", "2002年"]
    q = parse_query("甲市2020年政府工作报告讲垃圾分类,居民区分类达标率从多少提高到了多少?")
    assert part_labels(q, split_parts(q)) == ["从", "提高到"]


def test_a_set_phrase_naming_an_amount_is_a_metric_and_is_borrowed() -> None:
    from retrieval.segment_words import borrowed

    assert names_metric("粮食产量")  # tagged as a set phrase (l), not a noun
    assert borrowed("粮食产量") == "粮食产量"
    assert borrowed('中央财政用于"三农"支出').endswith("支出")  # 支出 read as a verb


def test_a_part_saying_only_a_verb_borrows_though_the_report_names_its_issuer() -> None:
    q = parse_query("37年国务院政府工作报告,中央财政用于三农的支出36年是多少、37年安排多少")
    parts = split_parts(q)
    assert len(parts) == 2 and parts[1].years == (2037,)
    assert "三农" in parts[1].norm  # 国务院 names the report, no metric of the part


def test_a_documents_kind_the_question_names_it_by_asks_no_target() -> None:
    q = parse_query("91年邹家华那份计划报告里,1990年全国粮食总产量是多少,1991年计划安排多少")
    first, second = split_parts(q)
    assert first.years == (1990,) and not first.wants_target
    assert second.years == (1991,) and second.wants_target


def test_two_sentences_each_asking_a_name_of_its_own_are_two_questions() -> None:
    from retrieval.asks import split_asks
    from retrieval.intent import Intent

    q = parse_query("甲细则是从哪天开始施行的？有效期到哪天为止？")
    first, second = split_asks(q)
    assert first.intent == second.intent == Intent.ENTITY
    assert second.norm.endswith("有效期到哪天为止") and "甲细则" in second.norm  # its subject lent


def test_a_quoted_name_listing_with_a_mark_is_one_segment() -> None:
    from retrieval.segments import segments_of

    q = parse_query(
        "“可解释、可通用的甲方法”重大研究计划指南里，培育项目拟资助多少项？每项不超过多少？"
    )
    segments = segments_of(q)
    assert segments[0].startswith('"可解释、可通用的甲方法"')
    assert len(segments) == 3


def test_segments_each_asking_a_figure_of_their_own_metric_lend_no_words() -> None:
    q = parse_query("甲省规划在大学建设上，重点支持多少所省属高校、重点建设多少个优势学科？")
    first, second = split_parts(q)
    assert "优势学科" not in first.text and "省属高校" not in second.text


def test_a_bracketed_gloss_listing_with_a_mark_is_one_segment() -> None:
    from retrieval.segments import segments_of

    q = parse_query("甲计划（可解释、可通用的乙方法）指南里，重点项目多少项？培育项目多少项？")
    assert segments_of(q)[0] == "甲计划(可解释、可通用的乙方法)指南里"


def test_a_segment_pointing_at_the_document_is_no_part() -> None:
    q = parse_query("2003年那份国务院报告讲甲收入，城镇居民收入和农村居民收入平均每年增长多少？")
    assert [p.segment for p in split_parts(q)] == [
        "城镇居民收入",
        "农村居民收入平均每年增长多少",
    ]


def test_a_segment_opening_on_qizhong_is_a_part_of_the_one_before() -> None:
    q = parse_query("六五期间取得多少项重要科研成果？其中拿到国家科技发明奖的有几项？")
    _first, second = split_parts(q)
    assert "科研成果" in second.text  # of those results


def test_a_scope_before_the_first_of_each_asked_is_every_ones() -> None:
    parts = split_parts(parse_query("丁市2019年财政赤字里中央和地方各安排了多少"))
    assert [p.text.endswith(("中央安排了多少", "地方安排了多少")) for p in parts] == [True, True]
    assert all("财政赤字里" in p.text for p in parts)


def test_a_part_naming_its_own_place_is_not_asked_of_the_other_places_report() -> None:
    parts = split_parts(
        parse_query("陕西2026年报告回顾时给的研发投入强度,和宁波2023年的研发投入强度,各是多少")
    )
    assert len(parts) == 2
    assert parts[0].doc_years == (2026,) and parts[1].doc_years == ()
    assert parts[1].years == (2023,)


def test_each_report_of_two_places_is_asked_of_its_own_place() -> None:
    # "上海2023年…报告里…,跟海南2025年报告里…": 海南's 2025 report, not 上海's
    q = parse_query(
        "上海2023年政府工作报告里说的研发投入强度,跟海南2025年报告里说的去年研发投入强度,各是多少?"
    )
    parts = split_parts(q)
    assert [(p.regions, p.doc_years) for p in parts] == [
        (("上海市",), (2023,)),
        (("海南省",), (2025,)),
    ]
    assert "海南" not in parts[0].text and "上海" not in parts[1].text
    # one place, two reports: the place is each one's
    one = split_parts(parse_query("国务院05年和13年的政府工作报告里研发投入各是多少"))
    assert [p.doc_years for p in one] == [(2005,), (2013,)]
    # yearly documents named by their years ("2018年度和2019年度的申报通知"): one each
    asked = "甲专项2018年度和2019年度的申报通知,注册时间分别要在什么日期之前"
    yearly = split_parts(parse_query(asked))
    assert [p.years for p in yearly] == [(2018,), (2019,)]
    assert "2019" not in yearly[0].text and "度的申报通知" in yearly[0].text
    assert "2018" not in yearly[1].text and "度度" not in yearly[1].text
    # …labelled with their years as written
    assert part_labels(parse_query(asked), yearly) == ["2018年度", "2019年度"]


def test_a_part_borrowing_the_others_words_keeps_them_apart_from_the_documents_name() -> None:
    q = parse_query("甲示范标准体系建设指南里，到2031年、2032年累计制修订标准的目标各是多少项？")
    first = split_parts(q)[0]
    assert "里制" not in first.norm.replace(" ", "_")  # (not glued: "指南里" + "制修订")
    assert "制修订" in first.norm and first.years == (2031,)


def test_a_segment_of_its_own_year_and_metric_keeps_its_kind_beside_a_planned_one() -> None:
    q = parse_query("某州2023年建成的5G基站和2024年计划新建的5G基站各多少个?")
    parts = split_parts(q)
    assert [(p.years, p.wants_target) for p in parts] == [((2023,), False), ((2024,), True)]


def test_a_segment_naming_only_its_year_shares_the_target_asked() -> None:
    q = parse_query("某市2023年和2024年的研发投入强度目标分别是多少?")
    assert all(p.wants_target for p in split_parts(q))


def test_a_place_whose_short_name_is_a_word_is_one_part_of_its_own() -> None:
    # 来宾 (a guest) names the city only before its year: the part of 马鞍山 drops it
    q = parse_query("马鞍山和来宾2024年各打算新增多少家高新技术企业?")
    parts = split_parts(q)
    assert [p.regions for p in parts] == [("马鞍山市",), ("来宾市",)]
    assert part_labels(q, parts) == ["马鞍山", "来宾"]
    assert "来宾" not in parts[0].norm


def test_no_part_asks_each_of_its_one_figure() -> None:
    q = parse_query("甲市和乙市2023年各有几家企业新进国家级名单?")
    parts = split_parts(q)
    assert len(parts) == 2 and not any("各" in p.norm for p in parts)


def test_a_part_leaves_no_conjunction_where_another_parts_place_was() -> None:
    q = parse_query("杭州和宁波2023年各打算新增多少家高新技术企业?")
    first = split_parts(q)[0].norm
    assert "宁波" not in first and "和" not in first
    q = parse_query("重庆和丽水今年研发投入强度目标各定的多少?")
    assert not any("和" in p.norm for p in split_parts(q))


def test_two_sentences_each_naming_its_report_and_year_are_a_part_each() -> None:
    q = parse_query(
        "1954年政府工作报告预计当年钢产量多少?1958年国民经济计划草案拟定的钢产量又是多少?"
    )
    parts = split_parts(q)
    assert [p.years for p in parts] == [(1954,), (1958,)]
    # each asked of the report its own words name: the second borrows no 1954 report
    assert parts[0].doc_years == (1954,) and parts[1].doc_years == ()
    assert all("钢产量" in p.norm for p in parts)


def test_a_sentence_asks_of_its_figure_year_and_keeps_its_own_target_cue() -> None:
    q = parse_query(
        "甲省2025年政府工作报告中,2024年选派了多少乙特派员服务企业?2025年计划选派乙特派员多少名?"
    )
    parts = split_parts(q)
    # the year the report's name writes is no year of the first figure…
    assert [p.years for p in parts] == [(2024,), (2025,)]
    # …and the second sentence's 计划 asks its own figure only: the first asks what was done
    assert [p.wants_target for p in parts] == [False, True]


def test_a_date_asked_of_each_part_is_a_name_not_a_figure() -> None:
    from retrieval.intent import Intent

    q = parse_query("甲专项,2018年度和2019年度申报对单位注册时间分别要求在什么日期前?")
    assert q.intent is Intent.COMPARE
    parts = split_parts(q)
    assert [p.years for p in parts] == [(2018,), (2019,)]
    assert all(p.intent is Intent.ENTITY for p in parts)


def test_a_verb_of_reaching_describing_what_is_counted_is_its_words() -> None:
    from retrieval.segment_words import content

    assert content("甲行动突破的重大技术") == "甲行动突破重大技术"
    assert content("高企数量要突破") == "高企数量"  # reaching a figure: no metric word
    assert content("收入超过,") == "收入,"


def test_a_part_saying_only_a_verb_borrows_the_metric_not_the_author_named() -> None:
    # "余杭区科技局:" names who wrote the document, no metric the parts share
    parts = split_parts(
        parse_query("余杭区科技局:2023年全区新增孵化物理空间多少?2024年计划新增多少?")
    )
    assert len(parts) == 2
    assert "物理空间" in parts[1].norm and parts[1].wants_target


def test_a_place_writing_a_conjunctions_character_is_one_segment() -> None:
    from retrieval.segments import segments_of

    q = parse_query("呼和浩特和咸宁到2023年底甲类企业各有多少家")
    assert segments_of(q)[0] == "呼和浩特"
    parts = split_parts(q)
    assert [p.regions for p in parts] == [("呼和浩特市",), ("咸宁市",)]


def test_a_part_asking_nothing_of_its_own_takes_the_growth_and_ask_shared() -> None:
    # "甲指标2018年和2023年分别增长了多少": the first part's growth and its ask are the last's
    q = parse_query("乙部门工作报告里,甲类合同成交额2018年和2023年分别增长了多少?")
    first, second = split_parts(q)
    assert first.years == (2018,) and second.years == (2023,)
    assert "增长多少" in first.norm  # read with its own words, before the document's name
    assert "甲类合同成交额" in first.norm and "增长" in second.norm


def test_figures_of_one_thing_counted_differently_are_labelled_by_how_they_count() -> None:
    q = parse_query("甲市2023年新增新型研发机构多少家、累计总数多少家?")
    assert part_labels(q, split_parts(q)) == ["新增", "累计"]


def test_years_written_with_two_digits_are_followed_by_the_full_year() -> None:
    q = parse_query("甲项投资,25年和26年政府工作报告各安排多少?")
    assert part_labels(q, split_parts(q)) == ["25年（2025年）", "26年（2026年）"]
    q = parse_query("跟甲国建交的国家,54年和64年报告里分别说有多少个?")
    assert part_labels(q, split_parts(q)) == ["54年（1954年）", "64年（1964年）"]


def test_places_asked_over_a_span_of_years_are_the_parts() -> None:
    # "1971到1978年" is one time: the two places asked over it are the parts
    parts = split_parts(parse_query("1981到1985年河北和江苏的粮食单产分别提到了多少？"))
    assert [p.regions for p in parts] == [("河北省",), ("江苏省",)]
    # two years asked apart stay the parts ("2019年和2023年…")
    parts = split_parts(parse_query("2019年和2023年河北的粮食单产分别是多少？"))
    assert [p.years for p in parts] == [(2019,), (2023,)]


@pytest.mark.parametrize(
    ("question", "metric"),
    [
        ("丁省2025年引进和落地了多少项科技成果?2026年计划转化多少项?", "科技成果"),
        ("丙市2023年新建和改造了多少个5G基站?2024年打算新建多少个?", "5g基站"),
        ("甲县2024年认定和培育了多少家专精特新企业?2025年目标是多少家?", "专精特新企业"),
    ],
)
def test_two_sentences_each_asking_of_its_own_year_are_a_part_each(
    question: str, metric: str
) -> None:
    # no document named: the 和 joining two doings is no join of two parts, and the
    # second sentence, naming no metric, asks of the first's
    parts = split_parts(parse_query(question))
    assert [p.years for p in parts] == [(parts[0].years[0],), (parts[0].years[0] + 1,)]
    assert [p.wants_target for p in parts] == [False, True]
    assert all(metric in p.norm for p in parts)
    assert "计划" not in parts[0].norm and "打算" not in parts[0].norm


def test_a_level_asked_of_the_others_thing_is_not_asked_of_its_doing() -> None:
    # "…新认定…有多少家?2024年的目标是达到多少家": the level of the thing, not of 新认定
    q = parse_query("承德市2023年新认定的国家科技型中小企业有多少家?2024年的目标是达到多少家?")
    first, second = split_parts(q)
    assert first.years == (2023,) and "新认定" in first.text
    assert second.years == (2024,) and "新认定" not in second.text
    assert "科技型中小企业" in second.text and second.wants_target
    # …but a target of no level is asked of the doing too ("2024年目标是多少")
    q = parse_query("承德市2023年新增高企多少家,2024年目标是多少")
    assert "新增" in split_parts(q)[1].text


def test_a_scope_the_first_metric_opens_with_is_every_metrics() -> None:
    q = parse_query("临安区2021年每千家企业中高新技术企业数和科技型中小企业数分别是多少")
    parts = split_parts(q)
    assert len(parts) == 2 and all("每千家企业中" in p.text for p in parts)
    assert "科技型中小企业数" in parts[1].text


def test_the_span_after_a_documents_name_is_no_part_of_the_years_asked() -> None:
    q = parse_query("甲省信息产业行动计划（2024-2025年）要求产业营收2024年、2025年分别突破多少？")
    parts = split_parts(q)
    assert [p.years for p in parts] == [(2024,), (2025,)]
    assert part_labels(q, parts) == ["2024年", "2025年"]
