def test_a_quoted_count_name_then_what_they_are_then_the_items() -> None:
    from corpus.document import parse_text
    from corpus.sentence_lists import inline_lists

    doc = parse_text(
        "报告\n一、总体要求\n体现了甲提出的“四个坚持”重大原则,即坚持党的领导、坚持人民至上、"
        "坚持统筹发展和安全、坚持有效市场和有为政府相结合。\n",
        "x.txt",
    )
    found = [e for e in inline_lists(doc) if e.count == 4]
    assert [[doc.text[i.start : i.end] for i in e.items] for e in found] == [
        ["坚持党的领导", "坚持人民至上", "坚持统筹发展和安全", "坚持有效市场和有为政府相结合"]
    ]


def _counted_items(text: str, count: int) -> list[list[str]]:
    from corpus.document import parse_text
    from corpus.sentence_lists import inline_lists

    doc = parse_text(f"报告\n二、重点任务\n{text}\n", "x.txt")
    found = [e for e in inline_lists(doc) if e.count == count]
    return [[doc.text[i.start : i.end] for i in e.items] for e in found]


def test_items_joined_inside_by_he_or_yu_are_whole_when_the_count_says_so() -> None:
    # four or more counted: 、 alone separates them, 和/与 inside an item joins its words
    assert _counted_items(
        "按照交通基础设施智能化、载运工具智能协同、交通运行监管与协调、"
        "综合运输安全风险防控与应急救援等4个技术方向,部署重点研究任务。",
        4,
    ) == [
        [
            "交通基础设施智能化",
            "载运工具智能协同",
            "交通运行监管与协调",
            "综合运输安全风险防控与应急救援",
        ]
    ]
    # "A和B两个…": two counted are not read off 、 alone
    assert _counted_items("落实省、市党代会和“一改两为”两个要求。", 2) == []


def test_a_preposition_leads_the_items_it_opens() -> None:
    assert _counted_items("依托南湖、朔西湖、乾隆湖等3处生态资源,打造景区。", 3) == [
        ["南湖", "朔西湖", "乾隆湖"]
    ]


def test_a_modal_before_the_leading_verb_leads_the_items_too() -> None:
    # "要实施A、B、C等…", "要在A、B、C等方面…": 要 with its verb is no part of the first item
    assert _counted_items("要在甲税收、乙投资、丙贷款等3个方面给予支持。", 3) == [
        ["甲税收", "乙投资", "丙贷款"]
    ]
    assert _counted_items("要实施甲装备、乙网络、丙电路等3项重大项目。", 3) == [
        ["甲装备", "乙网络", "丙电路"]
    ]
    assert _counted_items("要素市场、甲市场、乙市场等3类市场加快建设。", 3) == [
        ["要素市场", "甲市场", "乙市场"]
    ]


def test_a_quoted_name_inside_an_item_is_whole_and_keeps_its_quotes() -> None:
    items = _counted_items(
        "全面推开科技企业“双倍增、双提升”、规上工业企业科技创新“三清零全覆盖”、"
        "重大科技项目“揭榜挂帅”3大行动。",
        3,
    )
    assert items[-1][1:] == [
        "规上工业企业科技创新“三清零全覆盖”",
        "重大科技项目“揭榜挂帅”",
    ]
    assert items[-1][0].endswith("科技企业“双倍增、双提升”")
    # a whole series in quotes is still split inside them
    assert _counted_items("挖掘“人才申报、项目申报、平台申报”三类数据。", 3) == [
        ["人才申报", "项目申报", "平台申报"]
    ]


def test_a_subject_and_its_verb_of_listing_lead_the_first_item() -> None:
    # "D细分行业应用标准包括原油加工、…": the subject is what is listed, not the first item
    assert _counted_items(
        "D细分行业应用标准包括原油加工、基本有机化工原料、合成树脂等三个部分。", 3
    ) == [["原油加工", "基本有机化工原料", "合成树脂"]]
    assert _counted_items("关键技术标准主要包括智能装备、智能矿山、智能工厂三部分。", 3) == [
        ["智能装备", "智能矿山", "智能工厂"]
    ]
    # …after a lead verb too ("建设内容包括…")
    assert _counted_items("本工程建设内容包括甲调度、乙服务、丙监管三大应用平台。", 3) == [
        ["甲调度", "乙服务", "丙监管"]
    ]


def test_a_compound_count_name_is_explained_by_as_many_items_in_brackets() -> None:
    text = "围绕打造“一都三基地”(甲车之都、乙加工基地、丙材料基地、丁用品基地),推动产业升级。"
    assert _counted_items(text, 4) == [["甲车之都", "乙加工基地", "丙材料基地", "丁用品基地"]]
    # as many as its last count alone are no such list
    assert _counted_items("打造“一都三基地”(乙加工基地、丙材料基地),推动升级。", 4) == []


def test_where_or_how_a_plan_places_its_items_leads_the_first_one() -> None:
    from corpus.document import parse_text
    from corpus.enumerations import enumerations

    doc = parse_text(
        "规划\n二、任务\n重点在海洋科学、农业科学、材料科学等领域布局前沿研究。"
        "前瞻布局人工智能、合成生物、人形机器人等未来产业。\n",
        "x.txt",
    )
    found = [[doc.text[i.start : i.end] for i in e.items] for e in enumerations(doc)]
    assert ["海洋科学", "农业科学", "材料科学"] in found
    assert ["人工智能", "合成生物", "人形机器人"] in found


def test_a_dash_bulleting_the_line_leads_no_item() -> None:
    assert _counted_items("——扎实抓好甲增长、乙风险、丙民生三项基本任务。", 3) == [
        ["扎实抓好甲增长", "乙风险", "丙民生"]
    ]
