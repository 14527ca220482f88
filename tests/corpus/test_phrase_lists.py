"""Lists named in a phrase: compound count names and quoted series (made-up text)."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.model import Document
from corpus.phrase_lists import (
    clause_series,
    count_name_lists,
    kind_series,
    quoted_series,
    same_noun_series,
)

PARAGRAPH = (
    "甲市政府工作报告\n二、2024年工作安排\n着力建设“一港两中心”。完善通道,"
    "扩大航线,建设国际物流港。引进机构,全力建设区域金融中心。办好展会,加快建设区域会展中心。\n"
)


def _doc(text: str) -> Document:
    return parse_text(text, "d.txt")


def _names(doc: Document, found: list) -> list[list[str]]:
    return [[doc.text[i.start : i.end] for i in en.items] for en in found]


def test_a_compound_count_name_is_read_off_the_sentence_endings() -> None:
    doc = _doc(PARAGRAPH)
    found = count_name_lists(doc)
    assert _names(doc, found) == [["国际物流港", "区域金融中心", "区域会展中心"]]
    assert found[0].count == 3 and "一港两中心" in found[0].head


def test_a_count_name_without_as_many_endings_is_no_list() -> None:
    short = PARAGRAPH.replace("办好展会,加快建设区域会展中心。", "")
    assert count_name_lists(_doc(short)) == []


def test_a_quoted_series_of_short_phrases() -> None:
    doc = _doc(
        "乙省规划\n一、总体部署\n要按照“构建一个体系、把握两个属性、强化三大支撑”进行布局。\n"
    )
    found = quoted_series(doc)
    assert _names(doc, found) == [["构建一个体系", "把握两个属性", "强化三大支撑"]]
    assert "要按照" in found[0].head


def test_quotes_paired_across_sentences_or_pairs_are_no_series() -> None:
    across = "丙市报告\n一、回顾\n实施“强基”工程。在交通、水利、能源等领域“补短板”。\n"
    assert quoted_series(_doc(across)) == []
    assert quoted_series(_doc("丁区总结\n一、回顾\n做到“敢闯、敢试”。\n")) == []


def test_names_of_one_clause_ending_with_one_noun_are_a_series() -> None:
    doc = _doc(
        "甲市政府工作报告\n一、工作安排\n全力打造一个中心,着力培育甲化工产业基地、"
        "乙碳纤维产业基地、丙冰雪产业基地、丁清洁能源基地等,加快发展。\n"
    )
    found = same_noun_series(doc)
    assert _names(doc, found) == [
        ["甲化工产业基地", "乙碳纤维产业基地", "丙冰雪产业基地", "丁清洁能源基地"]
    ]
    assert found[0].count == 4 and found[0].kind == "inline"


def test_the_last_name_after_a_join_is_its_own_item() -> None:
    doc = _doc("甲报告\n一、工作\n继续实施“星火计划”、“燎原计划”和“丰收计划”,并使之结合起来。\n")
    assert _names(doc, same_noun_series(doc)) == [["“星火计划”", "“燎原计划”", "“丰收计划”"]]
    # a join inside the last name (its first half ends otherwise) splits nothing
    doc = _doc("乙报告\n一、工作\n建设甲产业基地、乙产业基地、教育和科技基地。\n")
    assert _names(doc, same_noun_series(doc)) == [["甲产业基地", "乙产业基地", "教育和科技基地"]]
    # two names and a join are no series of three
    assert same_noun_series(_doc("丙报告\n一、工作\n建设甲产业基地和乙产业基地。\n")) == []


def test_series_of_figures_or_unlike_ends_or_two_names_are_none() -> None:
    figures = "乙市总结\n新增甲基地5个、乙基地3个、丙基地2个。\n"
    unlike = "丙市计划\n建设甲产业基地、乙创新中心、丙实验室。\n"
    two = "丁市计划\n建设甲产业基地、乙产业基地。\n"
    assert all(same_noun_series(_doc(t)) == [] for t in (figures, unlike, two))


def test_phrases_of_one_make_sharing_a_character_inside_are_a_series() -> None:
    doc = parse_text(
        "二、今年目标\n努力实现就业更充分、教育更公平、出行更通畅、市容更精美、生态更优良。\n",
        "t.txt",
    )
    (en,) = same_noun_series(doc)
    assert [doc.text[i.start : i.end] for i in en.items] == [
        "就业更充分",
        "教育更公平",
        "出行更通畅",
        "市容更精美",
        "生态更优良",
    ]
    # three of a make, or phrases of different lengths, are no such series
    assert (
        same_noun_series(parse_text("一、甲\n就业更充分、教育更公平、出行更通畅。\n", "t.txt"))
        == []
    )
    assert (
        same_noun_series(
            parse_text("一、甲\n就业更充分、教育公平、出行更通、市容更精美。\n", "t.txt")
        )
        == []
    )


def test_names_one_noun_ends_over_the_clauses_of_a_sentence() -> None:
    doc = _doc("做强示范队伍,建设好甲山实验室、乙湖实验室,组建丙城实验室。\n")
    assert _names(doc, clause_series(doc)) == [["甲山实验室", "乙湖实验室", "丙城实验室"]]
    # two names, or names ending alike only by chance, are no series
    assert clause_series(_doc("建设好甲山实验室,组建丙城实验室。\n")) == []
    assert clause_series(_doc("建设好甲山实验室、乙湖中心,组建丙城实验室。\n")) == []


def test_names_closed_by_deng_and_a_noun_are_a_list_of_that_noun() -> None:
    doc = _doc(
        "甲通知\n二、推广\n推广监控技术,实现分拣行为检测、违规行为检测、烟火识别等功能,提升水平。\n"
    )
    found = kind_series(doc)
    # (the verb leading the series, 实现, is no part of its first name)
    assert _names(doc, found) == [["分拣行为检测", "违规行为检测", "烟火识别"]]
    assert found[0].head.endswith("等功能")
    # two names are a pair, not a list
    assert kind_series(_doc("甲通知\n推广甲检测、乙识别等功能。\n")) == []


def test_the_dash_bulleting_a_line_and_its_verb_are_no_part_of_its_first_name() -> None:
    doc = _doc("甲意见\n二、目标\n　　--在运输组织、公众出行、城市客运等领域,智能化水平提升。\n")
    found = kind_series(doc)
    assert _names(doc, found) == [["运输组织", "公众出行", "城市客运"]]


def test_the_subject_setting_out_a_kind_series_is_no_part_of_its_first_name() -> None:
    doc = _doc(
        "甲指南\n二、思路\n甲体系结构包括“A甲共性”、“B乙支撑”、“C丙场景”等三个部分,反映关系。\n"
    )
    found = kind_series(doc)
    assert _names(doc, found) == [["“A甲共性”", "“B乙支撑”", "“C丙场景”"]]
    assert "甲体系结构包括" in found[0].head


def test_names_closed_by_their_count_are_a_list_of_what_it_counts() -> None:
    from corpus.phrase_lists import counted_series

    doc = _doc(
        "甲报告\n一、目标\n未来五年,锚定省委确定的建设甲能源基地、乙制造基地、丙生态屏障3个方面"
        "重点方向,细化举措。实施清洁降碳、安全可靠两大专项行动。\n"
    )
    found = counted_series(doc)
    expected = [["甲能源基地", "乙制造基地", "丙生态屏障"], ["清洁降碳", "安全可靠"]]
    assert _names(doc, found) == expected
    assert found[0].head.endswith("3个方面重点方向")


def test_a_count_of_other_figures_or_of_another_number_is_no_list() -> None:
    from corpus.phrase_lists import counted_series

    # figures separated by 、 ("平台2个、产业园2个"), a count that is not the number of names
    doc = _doc("甲报告\n一、回顾\n新增公共服务平台2个、产业园2个。建设甲基地、乙基地三大基地。\n")
    assert counted_series(doc) == []
    # a quoted series is read whole elsewhere; a quoted name inside one is still a name
    text = "挖掘“人才申报、科研项目”两张清单。建设“一带一路”节点、乙基地两大平台。"
    doc = _doc(f"甲报告\n一、回顾\n{text}\n")
    assert _names(doc, counted_series(doc)) == [["“一带一路”节点", "乙基地"]]


def test_quoted_names_side_by_side_closed_by_their_kind() -> None:
    from corpus.document import parse_text
    from corpus.phrase_lists import quoted_run

    doc = parse_text(
        "方案\n二、重点任务\n支持运营商开展“提速惠企”“云光惠企”“企业上云”等专项行动,提升能力。\n"
        "打造“甲乙”“丙丁”等品牌。\n",
        "x.txt",
    )
    found = quoted_run(doc)
    assert [[doc.text[i.start : i.end] for i in en.items] for en in found] == [
        ["提速惠企", "云光惠企", "企业上云"]  # a pair is no list
    ]
    assert found[0].head.endswith("支持运营商开展 等专项行动")


def test_a_quoted_count_name_spelled_out_after_ji_lists_that_many_pieces() -> None:
    from corpus.spelled_out import spelled_out_names

    text = (
        "庚市政府工作报告\n二、今年工作安排\n“3个1000”即在建项目1000亿元、储备项目1000亿元、"
        "谋划项目1000亿元；“5个100”即生产总值比增100亿元以上，财政收入超过100亿元，"
        "新增工业企业100家、新增服务业企业100家，新增创建精品村、示范村100个；"
        "“5个10”即甲、乙、丙。\n"
    )
    doc = parse_text(text, "d.txt")
    found = spelled_out_names(doc)
    names = _names(doc, found)
    assert names == [
        ["在建项目1000亿元", "储备项目1000亿元", "谋划项目1000亿元"],
        [
            "生产总值比增100亿元以上",
            "财政收入超过100亿元",
            "新增工业企业100家",
            "新增服务业企业100家",
            "新增创建精品村、示范村100个",
        ],
    ]  # "“5个10”即甲、乙、丙": three pieces where five are counted, no list
    assert [en.count for en in found] == [3, 5] and "5个100" in found[1].head


def test_places_closed_by_deng_and_their_kind_of_place_are_a_list() -> None:
    doc = _doc(
        "甲市报告\n二、任务\n推进示范区建设,提升甲园、乙城、丙港等区域创新发展能级,支持发展。\n"
    )
    assert _names(doc, kind_series(doc)) == [["甲园", "乙城", "丙港"]]


def test_names_closed_by_deng_and_a_long_qualified_trade_are_a_list() -> None:
    # "…等战略性新兴产业和未来产业": the kind qualified by five characters; the two verbs
    # leading the series (培育壮大) are no part of its first name
    doc = _doc(
        "甲区报告\n二、任务\n培育壮大甲智能、乙经济、丙制造、丁能等战略性新兴产业和未来产业。\n"
    )
    assert _names(doc, kind_series(doc)) == [["甲智能", "乙经济", "丙制造", "丁能"]]


def test_names_closed_by_a_quoted_count_name_and_their_noun() -> None:
    from corpus.phrase_lists import counted_series

    doc = _doc(
        "甲报告\n注释\n第二个“4”是指甲材料、乙能源、丙接口、丁智能等“四新”未来产业,"
        "“3”是指戊、己。\n"
    )
    found = counted_series(doc)
    assert _names(doc, found) == [["甲材料", "乙能源", "丙接口", "丁智能"]]
    assert found[0].head.endswith('"四新"未来产业')
    # as many names as the quoted name counts, or none
    doc = _doc("甲报告\n注释\n发展甲材料、乙能源、丁智能等“四新”未来产业。\n")
    assert counted_series(doc) == []


def test_what_a_plan_aims_at_opens_its_series_and_is_no_name() -> None:
    # "力求在A、B…等方面取得…": the aim and its preposition open the clause
    doc = _doc("甲报告\n二、任务\n力求在甲技术、乙技术、丙技术和丁材料等方面取得新的进展。\n")
    assert _names(doc, kind_series(doc))[0][:2] == ["甲技术", "乙技术"]
    doc = _doc("甲报告\n二、任务\n争取在甲技术、乙技术、丙技术等领域实现突破。\n")
    assert _names(doc, kind_series(doc))[0][0] == "甲技术"


def test_quotes_pair_as_written_however_short_the_ones_before() -> None:
    # a short quotation ("“尖刀”") before the series must not shift how quotes pair
    doc = _doc(
        "甲报告\n一、回顾\n实施“尖刀”工程,推进“乙丙”行动,以“1家甲实验室、8个乙装置、42家丙实验室”"
        "为主体的丁矩阵加速形成。\n"
    )
    assert _names(doc, quoted_series(doc)) == [["1家甲实验室", "8个乙装置", "42家丙实验室"]]
    # …named by its own clause, the words after it too
    assert "为主体的丁矩阵加速形成" in quoted_series(doc)[0].head


def test_a_quoted_series_is_named_by_its_own_clause_not_its_neighbours() -> None:
    doc = _doc(
        "甲总结\n一、党建\n通过组建“甲乙”服务团队,开展“子甲、丑乙、寅丙”三大行动,"
        "推动“学习型、服务型、创新型”机关建设。\n"
    )
    heads = {tuple(_names(doc, [en])[0]): en.head for en in quoted_series(doc)}
    assert "三大行动" in heads[("子甲", "丑乙", "寅丙")]
    assert "三大行动" not in heads[("学习型", "服务型", "创新型")]


def test_a_series_led_by_a_verb_far_into_its_clause_starts_past_that_verb() -> None:
    doc = _doc(
        "甲指南\n一、测试\n测试要求是指申请准入的甲产品应至少满足模拟测试要求、场地测试要求、"
        "道路测试要求和数据存储测试要求。\n"
    )
    assert _names(doc, same_noun_series(doc)) == [
        ["模拟测试要求", "场地测试要求", "道路测试要求", "数据存储测试要求"]
    ]
    # a verb inside a name ("平台建设与运维") leads nothing: no series
    other = _doc(
        "甲指南\n一、标准\n家电行业制定智能平台建设与运维技术规范标准、能力评估标准、互通标准。\n"
    )
    assert all(not n[0].startswith("与") for n in _names(other, same_noun_series(other)))
