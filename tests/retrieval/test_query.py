"""retrieval.query: regions, years, intent, and splitting compare questions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.errors import QueryError
from retrieval.intent import Intent
from retrieval.query import (
    MAX_QUERY_CHARS,
    asks_several,
    clean_question,
    find_years,
    names_metric,
    own_part,
    own_words,
    parse_query,
    part_labels,
    split_parts,
)


def test_number_question() -> None:
    q = parse_query("余杭2023年新增高企多少")
    assert q.regions == ("余杭区",)
    assert q.years == (2023,)
    assert q.intent == "number"
    assert not q.wants_target
    assert q.half == ""
    assert "高新技术企业" in q.canon  # 高企 canonicalised
    assert q.text == "余杭2023年新增高企多少"


def test_target_question() -> None:
    q = parse_query("临安2022年研发投入强度目标")
    assert q.regions == ("临安区",)
    assert q.years == (2022,)
    assert q.wants_target
    assert q.intent == "target"


@pytest.mark.parametrize(
    "text",
    [
        "哪份文件提出2024年新增国家高新技术企业500家？",
        "“科创指数贷”是在哪个文件里出现的",
        "“黄金68条”产业政策是哪份材料提到的？",
        "全球人工智能技术大会在哪些文件里提到过",
    ],
)
def test_which_doc_question(text: str) -> None:
    assert parse_query(text).intent == "which_doc"


@pytest.mark.parametrize(
    "text",
    [
        "余杭2023年新增高企实际数和2024年目标各是多少",
        "余杭新增省科小数量2021年和2023年分别是多少",
        "余杭2021年和2023年新增高企各是多少",
        "瓯海1-5月高新投资增速和下半年要保持的增速目标各是多少？",
    ],
)
def test_compare_question(text: str) -> None:
    assert parse_query(text).intent == "compare"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("瓯海下半年要加快投用哪些孵化基地", "list"),
        ("瓯海的成果转化保险保单是跟哪家保险公司签的？", "entity"),
        ("杭州市2024年每万人高价值发明专利拥有量目标", "target"),
        ("临安2021年技术交易额多少", "number"),
    ],
)
def test_other_intents(text: str, intent: str) -> None:
    assert parse_query(text).intent == intent


def test_half_year() -> None:
    assert parse_query("瓯海上半年高新投资增速多少").half == "H1"
    assert parse_query("瓯海2024年1-5月高新投资增速").half == "H1"
    assert parse_query("瓯海下半年高新技术产业增加值要达到多少？").half == "H2"


def test_regions_and_years_forms() -> None:
    q = parse_query("余杭區２０２１年新增高企多少")  # traditional, full-width digits
    assert q.regions == ("余杭区",)
    assert q.years == (2021,)
    assert parse_query("23年余杭新增高企").years == (2023,)
    assert parse_query("临安2022年新增国高企目标和瓯海2024年新认定高企目标分别是多少").regions == (
        "临安区",
        "瓯海区",
    )
    assert parse_query("新增高企多少").regions == ()
    assert parse_query("新增高企多少").years == ()


def test_find_years_order_and_dedup() -> None:
    assert find_years("2024年和2023年以及2024年度") == (2024, 2023)


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


def test_split_parts_keeps_single_questions() -> None:
    q = parse_query("余杭2023年新增高企多少")
    assert split_parts(q) == [q]
    q2 = parse_query("余杭2023年新增高企各是多少")  # one segment
    assert split_parts(q2) == [q2]


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u3000"])
def test_empty_question(text: str) -> None:
    with pytest.raises(QueryError):
        parse_query(text)


def test_none_question() -> None:
    with pytest.raises(QueryError):
        clean_question(None)  # type: ignore[arg-type]


def test_too_long_question() -> None:
    parse_query("高" * MAX_QUERY_CHARS)
    with pytest.raises(QueryError) as exc:
        parse_query("高" * (MAX_QUERY_CHARS + 1))
    assert str(MAX_QUERY_CHARS) in str(exc.value)


def test_whitespace_is_collapsed() -> None:
    assert parse_query("  余杭  2023年\n新增高企 ").text == "余杭 2023年 新增高企"


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda t: t.strip()))
def test_parse_query_total(text: str) -> None:
    q = parse_query(text)
    assert q.intent in {"which_doc", "compare", "list", "entity", "target", "number"}
    assert all(1900 <= y <= 2099 for y in q.years)
    assert len(q.norm) == len(q.text)
    for part in split_parts(q):
        assert part.intent in {"which_doc", "compare", "list", "entity", "target", "number"}


def test_count_is_not_a_year() -> None:
    assert parse_query("哪份文件提出2024年新增高新技术企业2000家").years == (2024,)
    assert find_years("新增2000家,投入2019万元,增长2020%") == ()


def test_year_not_found_inside_longer_number() -> None:
    assert find_years("余杭投资120234万元") == ()
    assert find_years("增长2024.5") == ()


def test_bare_year_is_a_year() -> None:
    assert find_years("余杭2023新增高企") == (2023,)
    assert find_years("2023年度") == (2023,)


# --- Intent members and part labels -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "余杭2023年新增高企多少",
        "临安2022年研发投入强度目标",
        "哪份文件提出2024年新增国家高新技术企业500家？",
        "余杭2021年和2023年新增高企各是多少",
        "瓯海下半年要加快投用哪些孵化基地",
        "瓯海的成果转化保险保单是跟哪家保险公司签的？",
    ],
)
def test_intent_is_an_intent_member(text: str) -> None:
    from retrieval.intent import Intent

    q = parse_query(text)
    assert isinstance(q.intent, Intent)
    assert q.intent is Intent(q.intent.value)
    for part in split_parts(q):
        assert isinstance(part.intent, Intent)


@pytest.mark.parametrize(
    "text",
    ["三张清单是什么", "是哪三张", "杭州315计划要对标的“三张清单”是哪三张", "六大行动是什么"],
)
def test_list_intent_by_count(text: str) -> None:
    from retrieval.intent import Intent

    assert parse_query(text).intent is Intent.LIST


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("临安和余杭R&D经费投入各多少", ["临安", "余杭"]),
        ("临安区和余杭区R&D经费投入各多少", ["临安区", "余杭区"]),
        ("杭州和瓯海2024年新增高企目标分别是多少", ["杭州", "瓯海"]),
    ],
)
def test_part_labels_regions_as_written(text: str, labels: list[str]) -> None:
    from retrieval.query import part_labels

    q = parse_query(text)
    parts = split_parts(q)
    assert len(parts) == 2
    assert part_labels(q, parts) == labels


def test_part_labels_years() -> None:
    from retrieval.query import part_labels

    q = parse_query("余杭省级重大科技项目2021年立项几个，2022年计划实施几个")
    parts = split_parts(q)
    assert [p.years for p in parts] == [(2021,), (2022,)]
    labels = part_labels(q, parts)
    assert len(labels) == 2
    assert "2021" in labels[0] and "2022" in labels[1]


def test_part_labels_short_years() -> None:
    from retrieval.query import part_labels

    q = parse_query("21年和23年余杭新增高企各多少")
    labels = part_labels(q, split_parts(q))
    assert "2021" in labels[0] and "2023" in labels[1]


def test_part_labels_halves_and_targets() -> None:
    from retrieval.query import part_labels

    q = parse_query("瓯海1-5月高新投资增速和下半年要保持的增速目标各是多少？")
    assert part_labels(q, split_parts(q)) == ["上半年", "下半年"]
    q2 = parse_query("余杭2023年新增高企目标和实际完成各是多少")
    assert part_labels(q2, split_parts(q2)) == ["目标", "实际"]


@pytest.mark.parametrize(
    "text",
    [
        "杭州2024年R&D经费和研发强度的目标",
        "余杭2023年新增高企和科小各多少",
        "临安2020年度创新指数多少,全省排第几",
    ],
)
def test_part_labels_empty_when_only_the_metric_differs(text: str) -> None:
    from retrieval.query import part_labels

    q = parse_query(text)
    parts = split_parts(q)
    assert len(parts) == 2
    assert part_labels(q, parts) == ["", ""]


def test_part_labels_of_a_single_question() -> None:
    from retrieval.query import part_labels

    q = parse_query("余杭2023年新增高企多少")
    assert part_labels(q, split_parts(q)) == [""]
    assert part_labels(q, []) == []


@pytest.mark.xfail(
    reason="split_parts treats the shared 目标 of 'A和B的目标' as an actual-vs-target "
    "contrast, so the year named once is given to the first metric only: "
    "the 研发强度 part of '杭州2024年R&D经费和研发强度的目标' has no year"
)
def test_metric_parts_share_the_year() -> None:
    parts = split_parts(parse_query("杭州2024年R&D经费和研发强度的目标"))
    assert [p.years for p in parts] == [(2024,), (2024,)]


@pytest.mark.xfail(
    reason="'余杭2023年新增高企实际数和目标各是多少' is not split: the segment "
    "'目标各是多少' has no content words, so one target question is asked for two figures"
)
def test_actual_and_target_of_one_metric_are_two_parts() -> None:
    from retrieval.query import part_labels

    q = parse_query("余杭2023年新增高企实际数和目标各是多少")
    parts = split_parts(q)
    assert [p.wants_target for p in parts] == [False, True]
    assert part_labels(q, parts) == ["实际", "目标"]


def test_a_year_naming_a_report_selects_documents_not_content() -> None:
    q = parse_query("某某市31年政府工作报告里新增高企多少")
    assert q.doc_years == (2031,) and q.years == ()
    q = parse_query("某某市2031年新增高企多少")
    assert q.doc_years == () and q.years == (2031,)


def test_a_year_before_every_place_is_shared_by_the_parts() -> None:
    from retrieval.query import split_parts

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


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("白鹭区2021年有几个人入选了省领航行动计划", False),  # a programme's name
        ("白鹭区入选市瓯越英才计划多少人", False),
        ("白鹭区2022年工作计划新增高企多少", True),  # a plan asked for
        ("白鹭区计划新增高企多少家", True),
    ],
)
def test_a_programme_named_plan_asks_for_no_target(question: str, target: bool) -> None:
    assert parse_query(question).wants_target is target


def test_a_part_asking_with_a_verb_only_is_still_a_part() -> None:
    parts = split_parts(parse_query("甲市2023年示范企业增长了多少，达到多少家"))
    assert [p.segment for p in parts] == ["甲市2023年示范企业增长了多少", "达到多少家"]
    assert own_words(parts[1].segment) == "达到"


def test_a_question_mark_separates_two_asks() -> None:
    parts = split_parts(parse_query("乙区2021年示范企业通过了多少家？其中新认定的有几家"))
    assert len(parts) == 2 and parts[1].segment.startswith("其中新认定")


def test_an_ask_of_each_is_asked_of_every_subject() -> None:
    parts = split_parts(parse_query("丙区2020年甲类减免额和乙类减免额，同比各增长了多少"))
    assert len(parts) == 2
    assert all(p.shared_ask == "同比增长了多少" for p in parts)
    assert "甲类减免额" in parts[0].segment and "乙类减免额" in parts[1].segment


def test_a_part_naming_only_a_verb_borrows_the_metric() -> None:
    parts = split_parts(parse_query("丁市2018年新增示范企业多少家，2019年计划新增多少家"))
    assert len(parts) == 2 and "示范企业" in parts[1].text and parts[1].wants_target


def test_names_metric() -> None:
    assert names_metric("养老床位") and names_metric("专利")
    assert not names_metric("新增") and not names_metric("同比增长") and not names_metric("")


def test_which_years_report_is_a_which_document_question() -> None:
    q = parse_query("哪年的国务院政府工作报告提到示范工程建成")
    assert q.intent == Intent.WHICH_DOC


def test_subjects_asked_the_same_are_labelled_by_subject() -> None:
    q = parse_query("丙区2020年甲类减免额和乙类税收额，同比各增长了多少")
    assert [x[-5:] for x in part_labels(q, split_parts(q))] == ["甲类减免额", "乙类税收额"]
    two = parse_query("丁市2023年新增示范企业多少家，总数到了多少")
    assert part_labels(two, split_parts(two)) == ["", ""]  # each span names its own metric


def test_a_question_asking_two_things_is_asked_in_parts() -> None:
    assert asks_several(parse_query("甲区1-5月示范投资增速多少，全省排位怎么样"))
    assert not asks_several(parse_query("甲区2023年新增示范企业多少家"))


def test_another_parts_year_goes_with_its_conjunction() -> None:
    parts = split_parts(parse_query("甲区示范中心新增数2021年和2023年分别是多少"))
    assert [p.years for p in parts] == [(2021,), (2023,)]
    assert "年和" not in parts[1].text and "2023" in parts[1].text


def test_which_n_types_is_a_list() -> None:
    assert parse_query("甲局要推动建设的“五型机关”是哪五型").intent == Intent.LIST


def test_a_year_before_the_issuer_of_a_report_names_the_report() -> None:
    q = parse_query("2020年甲市政府工作报告是哪位市长作的")
    assert q.doc_years == (2020,) and q.years == ()
    assert parse_query("2013年国务院政府工作报告说，2012年示范企业多少家").doc_years == (2013,)
    assert parse_query("2023年甲市新增示范企业多少家").doc_years == ()


def test_a_plan_project_is_no_plan_asked() -> None:
    assert not parse_query("甲市2011年实施了多少项科技计划项目").wants_target
    assert parse_query("甲区2022年计划新增示范企业几家").wants_target


def test_each_is_an_asking_word() -> None:
    assert "分别" not in own_words("2030年分别要超过多少")


def test_a_part_can_be_asked_with_its_own_words_only() -> None:
    q = parse_query("甲市23年净增示范企业多少家？国家级孵化器新增了几家")
    _first, second = split_parts(q)
    alone = own_part(q, second)
    assert alone is not None and "净增" not in alone.text and "孵化器" in alone.text
    assert alone.years == second.years


def test_a_two_digit_year_of_the_last_century() -> None:
    assert parse_query("98年国务院政府工作报告总结了哪几点体会").doc_years == (1998,)
    assert parse_query("甲市24年新增示范企业多少家").years == (2024,)


def test_a_place_with_its_own_time_keeps_only_its_own() -> None:
    q = parse_query("示范投资占比：余杭2023年和瓯海今年1-5月各多少")
    yuhang, ouhai = split_parts(q)
    assert yuhang.years == (2023,) and not yuhang.half and "1-5月" not in yuhang.text
    assert ouhai.half == "H1"
    bare = split_parts(parse_query("临安和余杭示范经费投入各多少"))
    assert all("示范经费" in p.text for p in bare)  # a bare place shares the metric
