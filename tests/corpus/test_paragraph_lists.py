"""Lists written as paragraphs: parallel lead sentences and counted semicolon points."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.enumerations import Enumeration, counted_points, enumerations
from corpus.model import Document
from corpus.paragraph_lists import counted_lead_sentences, lead_sentence_lists

PRINCIPLES = (
    "甲省示范工程规划\n一、总体思路\n（一）基本原则\n"
    "坚持需求牵引。把企业需要作为出发点,\n带动上下游协同。\n"
    "坚持开放合作。吸引各方力量参与建设。\n"
    "坚持安全可控。守住底线,防范风险。\n"
    "（二）主要目标\n到2025年,建成示范工厂50个。\n"
)


def _doc(text: str) -> Document:
    return parse_text(text, "d.txt")


def _items(doc: Document, en: Enumeration) -> list[str]:
    return [doc.text[i.start : i.end] for i in en.items]


def _names(doc: Document, found: list) -> list[list[str]]:
    return [_items(doc, en) for en in found]


def test_parallel_lead_sentences_of_a_section_are_a_list() -> None:
    doc = _doc(PRINCIPLES)
    found = lead_sentence_lists(doc)
    assert _names(doc, found) == [["坚持需求牵引", "坚持开放合作", "坚持安全可控"]]
    assert found[0].section.endswith("基本原则") and found[0].kind == "lead"
    assert any(en.kind == "lead" for en in enumerations(doc))


def test_two_lead_sentences_or_unlike_ones_are_no_list() -> None:
    two = "乙市工作要点\n一、任务\n坚持需求牵引。带动协同。\n坚持开放合作。吸引参与。\n"
    assert lead_sentence_lists(_doc(two)) == []
    unlike = (
        "乙市工作要点\n一、任务\n今年要做好以下工作,\n都要抓实。\n加强需求牵引。带动协同。\n"
        "推动开放合作。吸引参与。\n完善安全体系。守住底线。\n"
    )
    assert lead_sentence_lists(_doc(unlike)) == []  # body text before them heads nothing


def test_unlike_lead_sentences_right_under_a_numbered_paragraph_are_its_points() -> None:
    text = (
        "丁市政府工作报告\n二、今年工作安排\n（四）着力提升创新水平，增强发展动能。创新是关键。\n"
        "激发创新活力。落实支持措施。\n打造创新平台。发展实验室经济。\n"
        "培育创新主体。新培育企业100家。\n（五）着力优化消费供给。消费是基础。\n"
        "促进消费升级。办好展会。\n"
    )
    doc = _doc(text)
    found = lead_sentence_lists(doc)
    assert _names(doc, found) == [["激发创新活力", "打造创新平台", "培育创新主体"]]
    assert found[0].kind == "headings"  # the run-in heading's sub-headings in all but layout
    assert "着力提升创新水平" in found[0].head and found[0].section == "二、今年工作安排"


def test_points_after_a_numbered_heading_line_and_one_paragraph_introducing_them() -> None:
    text = (
        "关于促进某事的意见\n一、总体要求\n（三）主要目标。\n"
        "到2020年,建成一批特色鲜明的示范城市,取得显著成效。\n"
        "公共服务便捷化。服务基本覆盖。\n城市管理精细化。管理体系完善。\n"
        "生活环境宜居化。生活水平提高。\n"
    )
    doc = _doc(text)
    found = [en for en in lead_sentence_lists(doc) if en.kind == "headings"]
    assert _names(doc, found) == [["公共服务便捷化", "城市管理精细化", "生活环境宜居化"]]
    # a numbered paragraph with a body of its own introduces nothing more: body text ends it
    run_on = text.replace("（三）主要目标。\n", "（三）主要目标。力争取得实效,加快建设。\n")
    assert [en for en in lead_sentence_lists(_doc(run_on)) if en.kind == "headings"] == []


def test_a_line_that_is_only_a_short_sentence_is_no_lead() -> None:
    text = "丙区工作总结\n一、回顾\n坚持需求牵引。\n坚持开放合作。\n坚持安全可控。\n"
    assert lead_sentence_lists(_doc(text)) == []  # no paragraph follows: captions, not points


def test_points_after_a_count_are_read_when_their_number_matches() -> None:
    text = (
        "丁市政府工作报告\n一、回顾\n——争创一流,获得三项荣誉。获评示范城市,全省首个;"
        "荣获先进集体称号,连续三年;入选试点名单,成为样板。\n"
    )
    doc = _doc(text)
    found = counted_points(doc)
    assert _names(doc, found) == [["获评示范城市", "荣获先进集体称号", "入选试点名单"]]
    assert found[0].count == 3 and "获得三项荣誉" in found[0].head


def test_points_that_do_not_match_the_count_are_no_list() -> None:
    text = "戊市政府工作报告\n一、回顾\n获得三项荣誉。获评示范城市,全省首个;荣获先进集体称号。\n"
    assert counted_points(_doc(text)) == []


def test_lead_sentences_after_a_dash_and_up_to_the_limit() -> None:
    text = (
        "甲部门实施方案\n一、基本原则\n"
        "——坚持传统服务与智能创新相结合。保留传统方式。\n"
        "——坚持普遍适用与分类推进相结合。分类施策。\n"
        "─────坚持解决突出问题与形成长效机制相结合。标本兼治。\n"
    )
    doc = _doc(text)
    (found,) = lead_sentence_lists(doc)
    assert _names(doc, [found])[0][2] == "坚持解决突出问题与形成长效机制相结合"


COUNTED = (
    "乙市工作安排\n二、今年工作\n(一)帮扶企业。重点实施三大工程:实施创新工程。力争入库示范企业"
    "100家,新增平台10个。实施降本工程。降低用能成本,节约成本1亿元。\n实施品牌工程。培育品牌20个。"
    "(二)扩大开放。\n"
)


def test_a_count_and_a_colon_name_that_many_short_sentences_ending_with_its_noun() -> None:
    from corpus.paragraph_lists import counted_lead_sentences

    doc = _doc(COUNTED)
    found = counted_lead_sentences(doc)
    assert _names(doc, found) == [["实施创新工程", "实施降本工程", "实施品牌工程"]]
    assert found[0].count == 3 and "三大工程" in found[0].head


def test_no_list_when_the_points_do_not_match_the_count() -> None:
    from corpus.paragraph_lists import counted_lead_sentences

    four = COUNTED.replace("三大工程", "四大工程")
    assert counted_lead_sentences(_doc(four)) == []
    late = COUNTED.replace("三大工程:实施创新工程。", "三大工程:着力提升创新水平。实施创新工程。")
    assert counted_lead_sentences(_doc(late)) == []  # the first point follows the colon


def test_points_opening_sentences_after_a_count_closing_a_clause() -> None:
    doc = parse_text(
        "二、2031年重点工作\n着力实施“三大行动”,以绿色低碳创造高品质生活。实施零碳供暖行动,推进核能供热。"
        "实施零碳示范行动,打造零碳园区。实施低碳出行行动,发展绿色公交。\n",
        "t.txt",
    )
    (en,) = counted_lead_sentences(doc)
    assert en.count == 3 and "三大行动" in en.head
    assert _items(doc, en) == [
        "实施零碳供暖行动",
        "实施零碳示范行动",
        "实施低碳出行行动",
    ]


def test_a_count_inside_a_larger_numeral_names_no_points() -> None:
    doc = parse_text("一、计划\n地方建设的三十二个项目。二个项目,甲。燃料项目,乙。\n", "t.txt")
    assert counted_lead_sentences(doc) == []


def test_parallel_leads_under_a_numbered_line_are_named_by_it() -> None:
    doc = parse_text(
        "一、总体要求\n1.指导思想。\n以甲为指导。\n2.基本原则。\n坚持党的领导。发挥核心作用。\n"
        "坚持以人为本。满足美好生活向往。\n坚持改革引领。强化改革思维。\n3.主要目标。\n到2035年…\n",
        "t.txt",
    )
    (en,) = [en for en in lead_sentence_lists(doc) if en.kind == "lead"]
    assert "基本原则" in en.head
    assert _items(doc, en) == [
        "坚持党的领导",
        "坚持以人为本",
        "坚持改革引领",
    ]


def test_short_sentences_of_one_make_inside_a_paragraph_are_its_points() -> None:
    from corpus.paragraph_lists import inner_lead_lists

    doc = parse_text(
        "二、总体要求\n做好今年工作,必须坚定赶超步伐。坚持高质量发展。稳住一产、挺住二产。"
        "坚持稳中求进、以进促稳。以结构调整之进促稳。坚持守正创新、先立后破。打破思维定势。\n",
        "t.txt",
    )
    (en,) = inner_lead_lists(doc)
    assert _items(doc, en) == [
        "坚持高质量发展",
        "坚持稳中求进、以进促稳",
        "坚持守正创新、先立后破",
    ]
    assert "必须坚定赶超步伐" in en.head
    # two of a make are not yet a list
    two = parse_text("一、要求\n甲乙。坚持发展。稳住。坚持改革。\n", "t.txt")
    assert inner_lead_lists(two) == []


def test_points_after_a_quoted_count_and_colon_may_open_with_the_counted_name() -> None:
    doc = parse_text(
        "二、2031年主要目标任务\n重点做到“三个更加突出”:更加突出积极进取,正确处理稳和进的关系。"
        "更加突出改革创新,坚持以改革思维谋划工作。更加突出安全发展,守住底线。\n",
        "t.txt",
    )
    (en,) = counted_lead_sentences(doc)
    assert _items(doc, en) == [
        "更加突出积极进取",
        "更加突出改革创新",
        "更加突出安全发展",
    ]


def test_paragraphs_opening_with_a_dash_after_a_colon_are_its_points() -> None:
    from corpus.paragraph_lists import dash_points

    doc = parse_text(
        "一、过去一年工作回顾\n我们的主要体会是:\n--必须坚持科学发展。\n发展是硬道理。\n"
        "--必须坚持宏观调控。\n调控要适度。\n--必须坚持改革开放。\n改革是动力。\n"
        "——2031年3月5日在第十届人民代表大会上\n",
        "t.txt",
    )
    (en,) = dash_points(doc)
    assert _items(doc, en) == [
        "必须坚持科学发展",
        "必须坚持宏观调控",
        "必须坚持改革开放",
    ]
    assert "主要体会" in en.head


def test_one_sentence_lines_opening_alike_after_a_colon_are_its_points() -> None:
    from corpus.paragraph_lists import dash_points

    doc = parse_text(
        "一、回顾\n今后在工作中要继续注意把握好以下几点:\n必须紧抓中心。\n社会主义的根本任务。\n"
        "必须深化改革。\n改革是动力。\n必须保持稳定。\n稳定是前提。\n",
        "t.txt",
    )
    (en,) = dash_points(doc)
    assert _items(doc, en) == [
        "必须紧抓中心",
        "必须深化改革",
        "必须保持稳定",
    ]
    unlike = parse_text("一、回顾\n如下:\n甲乙丙。\n说明。\n丁戊己。\n说明。\n庚辛壬。\n", "t.txt")
    assert dash_points(unlike) == []  # lines that open unlike are no points
    # …and they are among the document's enumerations (what the index stores)
    from corpus.enumerations import enumerations

    assert any(_items(doc, e) == _items(doc, en) for e in enumerations(doc))


def test_points_opening_with_one_verb_and_going_on_after_a_comma_are_a_list() -> None:
    from corpus.paragraph_lists import clause_lead_lists

    doc = parse_text(
        "五、产业生态\n（十三）推动商业模式创新。打造新模式,降低成本。探索船舶租赁,推动集中制造;"
        "探索设施共享,实行共担共用;探索船电分离,由第三方提供服务;探索智能运维,提升能力。\n",
        "t.txt",
    )
    (en,) = clause_lead_lists(doc)
    assert _items(doc, en) == ["探索船舶租赁", "探索设施共享", "探索船电分离", "探索智能运维"]
    assert "打造新模式" in en.head
    # each point runs to its own ";" (or 。)
    assert doc.norm[en.items[0].sent_end - 1] == ";"
    # two points of a verb are not yet a list; nor are numbered ones
    two = parse_text("一、要求\n开头。探索甲乙丙丁,推动;探索戊己庚辛,实行。\n", "t.txt")
    assert clause_lead_lists(two) == []
    # a long paragraph's opening (its run-in heading) heads the list too
    long = parse_text(
        "五、产业生态\n（十三）推动商业模式创新。"
        + "支持企业深度参与产业发展," * 8
        + "提升效益。探索船舶租赁,推动制造;探索设施共享,实行共用;探索船电分离,由第三方提供。\n",
        "t.txt",
    )
    (en,) = clause_lead_lists(long)
    assert "推动商业模式创新" in en.head


def test_sentences_after_a_numbered_point_run_into_its_paragraph() -> None:
    from corpus.paragraph_lists import run_in_sentences

    doc = _doc(
        "二、重点工作\n(十一)保障和改善民生\n"
        "1.医疗卫生方面。为重点人群免费开展癌症筛查。为老年人免费接种流感疫苗。\n"
        "2.就业方面。推进“30分钟职业技能培训圈”建设,实现技能培训基地、站点在全省县城和中心镇全覆盖,"
        "新增城镇就业100万人以上。\n"
    )
    found = run_in_sentences(doc)
    assert [_items(doc, en) for en in found] == [
        ["为重点人群免费开展癌症筛查", "为老年人免费接种流感疫苗"]
    ]
    assert found[0].head.endswith("1.医疗卫生方面")


def test_dash_led_points_under_a_numbered_heading_line() -> None:
    from corpus.paragraph_lists import dash_points

    doc = _doc(
        "一、总体要求\n(一)指导思想。\n以某某为指导。\n(二)基本原则。\n"
        "——坚持企业主体,政府引导。充分发挥市场作用。\n——坚持立足当前,谋划长远。立足现状。\n"
        "——坚持自主创新,开放合作。加强研究。\n——坚持典型示范,分类推进。加强统筹。\n"
        "(三)主要目标。\n——到2021年,建成示范矿。\n"
    )
    found = dash_points(doc)
    # the points are the heading's, up to the next numbered heading; none for the part
    # above, whose first paragraph is no point
    assert _names(doc, found) == [
        [
            "坚持企业主体,政府引导",
            "坚持立足当前,谋划长远",
            "坚持自主创新,开放合作",
            "坚持典型示范,分类推进",
        ]
    ]
    assert found[0].head.endswith("(二)基本原则")


def test_leads_of_one_make_going_on_past_a_run_are_apart_from_its_points() -> None:
    # (二)'s points open unlike; "加强…" opens one of them and points under (三) too
    text = (
        "戊市政府工作报告\n三、今年工作任务\n（二）深入实施科教兴国战略，强化基础支撑。统筹推进。\n"
        "加强高质量教育体系建设。落实立德树人。\n加快推动高水平科技自立自强。强化基础研究。\n"
        "全方位培养用好人才。实施人才政策。\n（三）着力扩大国内需求。把扩内需放在首位。\n"
        "加强重点领域安全能力建设。守住底线。\n加强粮食稳产保供。稳定面积。\n"
    )
    doc = _doc(text)
    found = lead_sentence_lists(doc)
    runs = [en for en in found if en.kind == "headings"]
    assert _names(doc, runs) == [
        ["加强高质量教育体系建设", "加快推动高水平科技自立自强", "全方位培养用好人才"]
    ]
    assert "深入实施科教兴国战略" in runs[0].head
    alike = [en for en in found if en.kind == "lead"]
    assert _names(doc, alike) == [
        ["加强高质量教育体系建设", "加强重点领域安全能力建设", "加强粮食稳产保供"]
    ]
    assert "科教兴国" not in alike[0].head  # not named by the run's line


def test_short_sentences_after_the_colon_announcing_them_are_points() -> None:
    from corpus.paragraph_lists import inner_lead_lists

    text = (
        "庚市政府工作报告\n二、今年工作安排\n实际工作中,必须立足三个“基点”:必须恪守根本遵循。"
        "深刻领悟。必须聚焦首要任务。坚持发展。必须紧扣主题主线。推进现代化。\n"
    )
    doc = _doc(text)
    (en,) = inner_lead_lists(doc)
    assert _items(doc, en) == ["必须恪守根本遵循", "必须聚焦首要任务", "必须紧扣主题主线"]
    assert "三个" in en.head


def test_paragraphs_under_a_boxs_title_line_are_its_points() -> None:
    doc = _doc(
        "甲计划\n四、重点任务\n3.推进封装测试。持续攻关互连技术。\n\n专栏1:重点突破的技术领域\n\n"
        "    甲学传感器。研发先进芯片技术,提升抗干扰能力。\n\n    乙力传感器。支持研发芯片。\n\n"
        "丙体传感器。强化协同合作。\n\n（二）补齐短板\n"
    )
    found = [(en.head, _items(doc, en)) for en in lead_sentence_lists(doc)]
    assert any(
        items == ["甲学传感器", "乙力传感器", "丙体传感器"] and "专栏1" in head
        for head, items in found
    )


def test_points_after_a_heading_line_and_one_paragraph_introducing_them() -> None:
    # made-up: a numbered heading with no full stop, one paragraph of intro, then the points
    text = (
        "己市2037年政府工作报告\n二、2037年重点任务\n三、以强基提质为方向，持续推进现代渔业\n"
        "坚持以建设更高水平渔业强市为引领，不断提升渔业现代化水平。\n"
        "优化养殖体系。推进标准化池塘改造。\n完善加工体系。建设冷链物流中心。\n"
        "健全销售体系。发展电商直播。\n"
    )
    doc = _doc(text)
    found = [en for en in lead_sentence_lists(doc) if en.kind == "headings"]
    assert _names(doc, found) == [["优化养殖体系", "完善加工体系", "健全销售体系"]]
    # a heading line holding a sentence of its own introduces nothing: its body is the text
    run_on = text.replace("现代渔业\n", "现代渔业。今年要抓好三件事。\n")
    assert [en for en in lead_sentence_lists(_doc(run_on)) if en.kind == "headings"] == []
