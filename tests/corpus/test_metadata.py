"""Document metadata: from the sidecar manifest, and inferred from the text alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import metadata as md
from corpus import places as pl
from corpus import section_kinds as sk
from corpus.document import parse_text
from corpus.inspect import inspect_file
from corpus.normalize import normalize
from corpus.readers import read_file

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

S000 = "000_6eaca3ed01c4c811.txt"
S001 = "001_f9ee6873cacabd59.txt"
S002 = "002_f02437565036b0c9.txt"
S003 = "003_319bd9830f448044.txt"
S004 = "004_57978b5f9cc16516.txt"

REGIONS = {S000: "余杭区", S001: "临安区", S002: "瓯海区", S003: "杭州市", S004: "余杭区"}


def _parse_plain(name: str, folder: Path = SAMPLES):  # type: ignore[no-untyped-def]
    """Parse without any sidecar overrides."""
    raw = read_file(folder / name)
    return parse_text(raw.text, name)


# --- with the manifest -------------------------------------------------------


MANIFEST = {
    S000: (
        "杭州市余杭区科学技术局2023年工作总结和2024年工作思路",
        "杭州市余杭区科学技术局",
        "余杭区",
        "2024-01",
        [2023, 2024],
        "简",
    ),
    S001: (
        "杭州市临安区科技局2021年工作总结和2022年工作计划",
        "杭州市临安区科学技术局",
        "临安区",
        "2022-03-24",
        [2021, 2022],
        "简",
    ),
    S002: (
        "温州市瓯海区科技局2024年上半年工作总结和下半年工作计划",
        "温州市瓯海区科学技术局",
        "瓯海区",
        "2024-06",
        [2024],
        "简",
    ),
    S003: (
        "杭州市落实省“315”科技创新体系建设工程2024年工作计划",
        "杭州市科技创新工作领导小组办公室",
        "杭州市",
        "2024-03-12",
        [2024],
        "简",
    ),
    S004: (
        "余杭區2021年科技創新工作回顧（余杭區科技局局長周堅訪談）",
        "杭州市余杭区科学技术局",
        "余杭区",
        "2022-01",
        [2021],
        "繁",
    ),
}


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_manifest_metadata(name: str) -> None:
    record = inspect_file(SAMPLES / name)
    title, issuer, region, date, years, script = MANIFEST[name]
    got = (
        record["title"],
        record["issuer"],
        record["region"],
        record["date"],
        record["years"],
        record["script"],
    )
    assert got == (title, issuer, region, date, years, script)
    assert record["doc_id"] == name
    assert record["format"] == "txt"


def test_manifest_keeps_inferred_doc_number() -> None:
    # The manifest has no doc_number column: the inferred one stays.
    assert inspect_file(SAMPLES / S003)["doc_number"] == "杭科领办〔2024〕1号"


def test_overrides_replace_inferred_fields_and_add_years() -> None:
    raw = read_file(SAMPLES / S003)
    doc = parse_text(
        raw.text,
        S003,
        overrides={
            "region": "西湖区",
            "doc_number": "X〔2020〕9号",
            "years": "2020, 2021",
            "script": "繁",
        },
    )
    assert doc.region == "西湖区"
    assert doc.doc_number == "X〔2020〕9号"
    # Manifest years add to the years the headings state (003 plans 2024).
    assert doc.years == (2020, 2021, 2024)
    assert doc.script == "繁"


# --- without the manifest ----------------------------------------------------


@pytest.mark.parametrize("name", sorted(REGIONS))
def test_region_inferred_without_manifest(name: str) -> None:
    assert _parse_plain(name).region == REGIONS[name]


def test_doc_number_and_date_inferred() -> None:
    doc = _parse_plain(S003)
    assert doc.doc_number == "杭科领办〔2024〕1号"  # the original brackets, not the normalised ones
    assert doc.date == "2024-03-12"
    assert doc.issuer == "杭州市科技创新工作领导小组办公室"
    assert "315" in doc.title


def test_date_inferred_from_signature_line() -> None:
    doc = _parse_plain(S001)
    assert doc.date == "2022-03-24"
    assert doc.years == (2021, 2022)


def test_script_inferred() -> None:
    assert _parse_plain(S004).script == "繁"
    for name in (S000, S001, S002, S003):
        assert _parse_plain(name).script == "简"


def test_years_without_manifest() -> None:
    assert _parse_plain(S000).years == (2023, 2024)
    assert _parse_plain(S002).years == (2024,)
    assert _parse_plain(S003).years == (2024,)


def test_doc_id_stem_is_the_fallback_title() -> None:
    doc = parse_text("一、总体要求\n正文内容。", "dir/plan.txt")
    assert doc.title == "plan"


def test_fixture_metadata_inferred() -> None:
    doc = _parse_plain("binjiang_plan.txt", FIXTURES)
    assert doc.region == "滨江区"
    assert doc.doc_number == "杭滨科〔2024〕3号"
    assert doc.date == "2024-02-20"
    assert doc.issuer == "杭州市滨江区科学技术局"
    assert doc.title.startswith("杭州市滨江区科学技术局关于印发")
    trad = _parse_plain("shangcheng_trad.txt", FIXTURES)
    assert trad.region == "上城区"
    assert trad.title == "上城區2022年科技工作回顧"  # the original characters
    assert trad.script == "繁"


def test_fixture_metadata_with_manifest() -> None:
    rec = inspect_file(FIXTURES / "xihu_2023.txt")
    assert rec["title"] == "西湖区科技局2023年工作总结和2024年工作计划"
    assert rec["date"] == "2024-01"
    assert rec["years"] == [2023, 2024]
    partial = inspect_file(FIXTURES / "shangcheng_trad.txt")
    assert partial["date"] == "2023-01"  # from the manifest
    assert partial["region"] == "上城区"  # inferred: the manifest cell is empty


# --- helpers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("发布日期:2024-03-12\n正文", "2024-03-12"),
        ("成文日期 | 2023年5月6日", "2023-05-06"),
        ("正文\n2022年3月24日\n", "2022-03-24"),
        ("正文\n2021.12.01\n", "2021-12-01"),
        ("没有日期", ""),
        # the colophon at the foot: issuer, date, 印发
        ("正文\n青岛市工业和信息化局办公室   2020年9月22日印发\n", "2020-09-22"),
    ],
)
def test_infer_date(text: str, iso: str) -> None:
    assert md.infer_date(normalize(text)) == iso


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("一、2023年工作总结", "actual"),
        ("二、2024年工作思路", "plan"),
        ("二、存在问题及短板", "problem"),
        ("一、上半年亮点工作", "actual"),
        ("三、下半年重点工作", "plan"),
        ("一、主要目标", "plan"),
        ("杭州师范大学科技园", ""),
        ("二、1956年的国家预算", "plan"),
        ("关于2025年预算草案", "plan"),
        ("三、为实现1956年的国家预算而努力", ""),
        ("一、1955年国家决算", ""),
        # a task set to solve problems is no list of problems
        ("(七)高度重视解决涉及群众切身利益的问题。", ""),
        ("三、补齐民生短板", ""),
        ("四、存在的困难和不足", "problem"),
        # how a year's plan was carried out is a review of that year, not its plan
        ("一、1990年计划的执行情况", "actual"),
        ("二、2023年预算执行情况", "actual"),
    ],
)
def test_section_kind(heading: str, kind: str) -> None:
    assert sk.section_kind(heading) == kind


def test_default_year() -> None:
    assert sk.default_year("actual", "", 2022, 3) == 2021  # early report reviews last year
    assert sk.default_year("actual", "H1", 2024, 6) == 2024
    assert sk.default_year("plan", "", 2024, 3) == 2024
    assert sk.default_year("plan", "", 2023, 12) == 2024
    assert sk.default_year("problem", "", 2024, 6) is None
    assert sk.default_year("actual", "", None, None) is None


def test_region_aliases() -> None:
    names = pl.region_aliases("余杭区")
    assert names[:2] == ("余杭区", "余杭")
    assert "杭州市" in names


def test_find_places_skips_institutions() -> None:
    places = [p.name for _, _, p in pl.find_places(normalize("西湖大学与西湖区合作"))]
    assert places == ["西湖区"]


def test_find_places_skips_a_name_a_word_before_it_ends_inside() -> None:
    # 重大|理论 holds no 大理, 以上|城市 no 上城; the places written as words stay
    text = normalize("坚持重大理论创新，在地级以上城市中，大理州和上城区")
    assert [p.name for _, _, p in pl.find_places(text)] == ["大理白族自治州", "上城区"]


def test_national_document() -> None:
    assert (
        md.infer_region("", normalize("国务院关于印发某某规划的通知\n各省、自治区人民政府"))
        == "全国"
    )


def test_a_report_given_for_the_state_council_is_national() -> None:
    text = "各位代表:\n我受国务院的委托,现在向大会提出计划安排的报告。"
    text += "四川、四川省、成都市的经验值得推广。"
    assert md.infer_region("", normalize(text)) == "全国"


@pytest.mark.parametrize(
    ("speaker", "place", "expected"),
    [("市", "永州", "永州市"), ("州", "凉山州", "凉山彝族自治州"), ("区", "黄山区", "黄山区")],
)
def test_the_speakers_level_decides_over_a_province_named_more_often(
    speaker: str, place: str, expected: str
) -> None:
    text = (
        f"各位代表:\n现在,我代表{speaker}人民政府,向大会报告政府工作。\n"
        "一、2023年工作回顾\n认真落实省委、省政府决策部署,贯彻关于湖南工作的重要指示,"
        f"全省第一。全省领先。{place}经济增长6%,{place}新增企业20家。湖南省表彰。\n"
    )
    assert md.infer_region("", normalize(text)) == expected


@pytest.mark.parametrize(
    ("kind", "path", "year", "issued", "month", "expected"),
    [
        ("actual", "2024年主要工作", 2024, 2024, 1, "plan"),  # delivered early in 2024
        ("actual", "2025年重点工作取得", 2025, 2024, None, "plan"),  # a later year
        ("actual", "2024年上半年主要工作", 2024, 2024, 7, "actual"),  # a mid-year summary
        ("actual", "2024年工作回顾", 2024, 2024, 1, "actual"),  # a review word keeps it
        ("actual", "2023年主要工作", 2023, 2024, 1, "actual"),  # the year before
        ("plan", "2024年工作计划", 2024, 2024, 1, "plan"),
        ("actual", "主要工作", None, 2024, 1, "actual"),
        ("actual", "二、2024年主要工作安排", 2024, 2025, 1, "plan"),  # a plan word
        ("", "三、关于2026年工作", 2026, 2026, 2, "plan"),  # no kind words, the year ahead
        ("", "三、关于2026年工作", 2026, 2026, None, ""),  # undated: cannot tell
        ("problem", "2024年存在问题", 2024, 2024, 1, "problem"),
    ],
)
def test_settled_kind(
    kind: str, path: str, year: int | None, issued: int, month: int | None, expected: str
) -> None:
    assert sk.settled_kind(kind, path, year, issued, month) == expected


def test_a_short_name_that_is_a_common_word_names_the_place_before_a_time() -> None:
    assert [p.name for _, _, p in pl.find_places("来宾2023年研发投入")] == ["来宾市"]
    assert [p.name for _, _, p in pl.find_places("安康今年目标")] == ["安康市"]
    assert pl.find_places("各位来宾,2023年") == []
    assert pl.find_places("幸福安康的生活") == []


def test_a_province_writing_to_its_cities_is_the_province() -> None:
    body = "甲市、乙市要加快建设。" * 3 + "济南示范园区扩容,青岛示范园区扩容,济南、青岛带动。"
    text = "各市人民政府,各县(市、区)人民政府,省政府各部门:\n" + body
    assert md.infer_region("", normalize(text)) == "山东省"


def test_a_province_voice_naming_only_its_cities_is_the_province() -> None:
    text = "推动全省产业提质,全省营收增长10%,全省新增企业。支持济南、青岛建设园区,济南、青岛领跑。"
    assert md.infer_region("", normalize(text)) == "山东省"


def test_a_city_writing_to_its_districts_stays_the_city() -> None:
    text = "各区、县(市)人民政府,市级有关部门:\n杭州市工作计划。" + "全省第一。" * 3
    assert md.infer_region("", normalize(text)) == "杭州市"


def test_an_undated_report_is_of_the_year_its_paragraphs_open_on() -> None:
    from corpus.report_year import issue_year, opening_year

    review = "各位代表:\n现在,我代表市人民政府向大会报告政府工作。\n" + (
        "2023年,在省委领导下,全市经济回升向好。新增示范企业12家。\n" * 3
    )
    plan = "过去一年工作有力有效。\n" * 6 + "2024年是新中国成立75周年。今年工作要求如下。\n"
    text = review + plan
    assert opening_year(text) == 2024
    assert issue_year("", (), text) == 2024
    assert issue_year("", (2020,), text) == 2024  # a year the text names most is no report's year
    early = "2023年是全面贯彻开局之年。\n" + "今年工作要求如下。\n" * 12
    assert opening_year(early) is None  # in the first third, "2023年是…" reviews


def test_a_year_its_figures_are_estimated_for_raises_an_undated_reports_year() -> None:
    from corpus.report_year import issue_year

    text = (
        "政府工作报告\n各位代表:\n现在,我代表国务院,作关于第六个五年计划的报告,请大会审议。\n"
        "一九八○年,国务院拟订了计划。一九八一年工农业总产值增长4.5%。\n"
        "一九八二年预计比一九八一年增长5%。\n"
    )
    assert issue_year("", (1980, 1981), normalize(text)) == 1982
    # an estimate alone names no year: the report may speak early in the next one
    alone = normalize("政府工作报告\n现在,我代表政府报告工作。\n2022年预计增长3%。\n")
    assert issue_year("", (), alone) is None


def test_an_undated_heading_less_report_holds_its_year_and_the_one_reviewed() -> None:
    text = (
        "各位代表:\n现在,我代表市人民政府向大会报告政府工作,请予审议。\n"
        "2023年,在省委领导下,全市新增示范企业12家,工业比重从2020年的28%提升到35%。\n"
        "过去一年,工业振兴取得新成效,2020年以来累计投资超千亿元。\n"
        "2024年是新中国成立75周年。今年新增示范企业20家。\n"
    )
    doc = parse_text(text, "report.txt")
    assert doc.issued == 2024
    assert set(doc.years) >= {2023, 2024}


def test_a_work_report_delivered_late_still_reviews_the_year_before() -> None:
    # a new congress may sit in June; its report still reviews the whole year before
    doc = parse_text(
        "政府工作报告\n——2031年6月13日在某某市第四届人民代表大会第一次会议上\n"
        "各位代表:现在,我代表市人民政府,向大会报告工作,请予审议。\n"
        "一、过去五年工作回顾\n全市生产总值达到1000亿元。\n二、今后五年的目标任务\n力争…\n",
        "docs/x.txt",
    )
    review = next(s for s in doc.sections if "回顾" in s.path_str)
    assert doc.date == "2031-06-13"
    assert review.year == 2030 and review.kind == "actual"


def test_a_notice_sending_a_document_on_is_titled_by_what_it_sends() -> None:
    from corpus.metadata import infer_title

    lines = [
        "各省、自治区、直辖市及新疆生产建设兵团甲乙主管部门，有关行业协会:",
        "现将《中小企业示范转型指南》印发给你们,请结合实际认真贯彻执行。",
        "甲乙部办公厅",
    ]
    assert infer_title(lines) == "中小企业示范转型指南"
    # addressees are whom a notice goes to, never its title
    assert infer_title(["各市甲乙局,各有关单位:", "为推动示范发展,制定本办法。"]) == ""
    assert infer_title(["各位代表:", "现在,我代表市人民政府向大会报告工作。"]) == "各位代表:"


def test_a_reports_head_lines_that_are_no_title() -> None:
    from corpus.metadata import infer_title, is_salutation

    head = [
        "(2031年1月29日在甲市第十四届人民代表大会第四次会议上)",
        "甲市人民政府市长  乙丙",
        "各位代表:",
    ]
    assert infer_title(head) == "各位代表:"  # a salutation: the report is named from its text
    assert infer_title(["您的位置:", ">", "甲省要闻"]) == "甲省要闻"
    assert is_salutation("政府工作报告", "docs/x.txt")  # no report in particular
    assert is_salutation("政府工作报", "docs/x.txt")  # …cut short by a line break
    assert not is_salutation("甲市2031年政府工作报告", "docs/x.txt")


def test_the_year_a_text_names_most_spaced_or_not_outside_cited_titles() -> None:
    from corpus.metadata import dominant_year
    from corpus.normalize import normalize

    text = normalize(
        "为落实《示范规划纲要(2006—2020年)》和《示范2020年行动》,现发布2019 年度示范项目申报指南。"
        "2019 年,拟安排示范经费5000 万元。"
    )
    assert dominant_year(text) == 2019
    only_cited = normalize("为落实《示范规划(2016—2020年)》,现制定本办法。")
    assert dominant_year(only_cited) == 2020  # nothing else dates it


def test_a_titles_year_without_its_nian_dates_the_document() -> None:
    text = (
        "甲省数字2031行动方案\n\n为落实《甲省数字规划(2028—2032年)》,制定本方案。\n"
        "一、加快建设\n新增示范企业50家。\n"
    )
    assert parse_text(text, "p.txt").years == (2031,)
    counted = "甲省培育2000家示范企业的通知\n\n各市:\n2031年新增示范企业50家。\n"
    assert 2000 not in parse_text(counted, "n.txt").years


def test_a_place_short_form_inside_a_common_word_is_no_place() -> None:
    text = normalize("抓好甲化工60万吨复合肥项目,隆重庆祝建市,繁荣昌盛,申报指南通知")
    assert pl.find_places(text) == []
    assert [p.name for _, _, p in pl.find_places("合肥复合肥")] == ["合肥市"]


def test_a_municipality_by_its_one_character_name_only_where_one_is_in_it() -> None:
    assert [p.name for _, _, p in pl.find_places("论坛在京举行")] == ["北京市"]
    assert [p.name for _, _, p in pl.find_places("赴沪考察")] == ["上海市"]
    # elsewhere the character is a word's, or the first of a region's name
    assert "北京市" not in {p.name for _, _, p in pl.find_places("在京津冀协同发展中")}


def test_places_listed_as_examples_are_not_the_authors_place() -> None:
    # a city report naming its own place only late in the text; in its opening only a
    # list of other cities' fairs it attended
    head = (
        "各位代表:\n现在,我代表市人民政府,向大会作政府工作报告。\n一、2001年工作回顾\n"
        "组织参加了郑州、南宁、乌鲁木齐、兰州等经贸洽谈会。" + "全市经济稳步增长。" * 700
    )
    text = normalize(head + "\n想问题、办事情都要从驻马店发展的大局出发。")
    assert md.infer_region("", text) == "驻马店市"


def test_a_title_broken_before_a_joining_word_is_one_title() -> None:
    from corpus.document import parse_text

    doc = parse_text(
        "甲终端应用软件预置\n\n和分发管理暂行规定\n\n第一条 为规范甲终端应用软件预置行为,"
        "制定本规定。\n第二条 本规定自2017年7月1日起施行。\n",
        "rule.txt",
    )
    assert doc.title == "甲终端应用软件预置和分发管理暂行规定"
    assert all("分发管理" not in s.heading for s in doc.sections)
    # a next line not opening on a joining word, or a sentence, is no part of the title
    plan = parse_text("甲市人工智能产业发展规划\n\n各区县人民政府:\n现将规划印发。\n", "p.txt")
    assert plan.title == "甲市人工智能产业发展规划"
    told = parse_text("甲市人工智能产业发展规划\n\n和乙市一起,现将规划印发。\n", "q.txt")
    assert told.title == "甲市人工智能产业发展规划"


def test_a_citys_short_name_then_xian_is_the_county_of_that_name() -> None:
    (found,) = pl.find_places("岳阳县净增高企多少家")
    assert (found[0], found[1], found[2].name, found[2].parent) == (0, 3, "岳阳县", "岳阳市")
    assert [p.name for _, _, p in pl.find_places("岳阳县域经济")] == ["岳阳市"]  # 县域: a word
    assert [p.name for _, _, p in pl.find_places("安吉县")] == ["安吉县"]  # in the gazetteer
    assert pl.region_aliases("岳阳县")[:3] == ("岳阳县", "岳阳市", "岳阳")


def test_a_news_item_is_dated_by_its_dateline() -> None:
    from corpus.metadata import infer_date

    assert infer_date(normalize("2037年9月29日，甲部乙司副司长出席了丙峰会。")) == "2037-09-29"
    assert infer_date(normalize("2038年9月25－28日，丁论坛在日内瓦举行。")) == "2038-09-25"
    # a date inside the text, or not opening it on its day, dates nothing
    assert infer_date(normalize("会议于2037年9月29日召开。")) == ""
    assert infer_date(normalize("2037年，全市新增企业8家。")) == ""


def test_a_league_goes_by_its_first_character_and_meng() -> None:
    assert pl.place_lookup()["锡盟"].name == "锡林郭勒盟"
    assert "兴盟" not in pl.place_lookup()  # a three-character league is short already


def test_the_office_a_colophon_names_issued_the_document() -> None:
    lines = ["为贯彻落实…,制定本方案。", "正文", "山东省人民政府办公厅2020年12月10日印发"]
    assert md.infer_issuer(lines, None) == "山东省人民政府办公厅"
    assert md.infer_date(normalize("\n".join(lines))) == "2020-12-10"


def test_an_undated_reply_is_of_the_year_of_its_own_number() -> None:
    text = (
        "甲部对“关于示范工作的建议”的答复\n\n甲函〔2031〕742号\n\n乙代表:\n"
        "2030年底,甲部落实《示范方案》(国办发〔2030〕45号)。2030年,新增示范企业50家。\n"
        "二、下步工作安排\n指导首批158家示范企业按期完成改造。\n"
    )
    assert md.numbered_year(normalize(text)) == 2031
    assert md.dominant_year(normalize(text)) == 2030  # the years it names most
    assert parse_text(text, "r.txt").issued == 2031
    cited_only = "甲部关于示范工作的通知\n\n各单位:落实《示范方案》(国办发〔2030〕45号)。\n"
    assert md.numbered_year(normalize(cited_only)) is None  # another document's number


def test_a_title_set_over_lines_is_read_to_its_kind_and_edition() -> None:
    text = (
        "示范行业智能制造标准体系\n建设指南\n(2031 版)\n2031年11月\n"
        "一、总体要求\n到2035年,制定30项标准。\n"
    )
    assert parse_text(text, "g.txt").title == "示范行业智能制造标准体系建设指南(2031 版)"
    tried = "示范车辆准入管理指南\n(试行)\n一、总则\n本指南适用于示范车辆。\n"
    assert parse_text(tried, "t.txt").title == "示范车辆准入管理指南(试行)"
    # a title naming its kind takes no second kind; a sentence is no title to close
    assert md.infer_title(["示范行动计划", "建设指南"]) == "示范行动计划"
    assert md.infer_title(["示范工作报告。记者摄", "政府工作报告"]) == "示范工作报告。记者摄"


def test_the_signature_under_a_long_documents_foot_is_its_issuer() -> None:
    body = "".join(f"({i})加强示范工作第{i}项,推动示范产业发展。\n" for i in range(1, 60))
    text = (
        f"各省示范主管部门:\n为推进示范应用,提出如下意见。\n一、主要任务\n{body}"
        "甲国家示范局\n2031年11月8日\n"
    )
    doc = parse_text(text, "o.txt")
    assert doc.issuer == "甲国家示范局" and doc.date == "2031-11-08"


def test_a_salutation_to_a_standing_committee_is_no_title() -> None:
    from corpus.metadata import is_salutation

    assert is_salutation("各位主任、委员：", "r.txt")
    assert is_salutation("各位代表：", "r.txt")
    assert not is_salutation("甲市2024年政府工作报告", "r.txt")


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        # a goal stated as an achievement, under a plan's heading, is the plan's
        (["二、“十五五”时期主要目标任务", "(一)现代化产业体系建设取得决定性进展。"], "plan"),
        # …not under a review's, nor a heading with review words of its own
        (["一、2023年工作回顾", "(一)科技创新取得新进展"], "actual"),
        (["二、2024年工作安排", "(一)去年工作总结"], "actual"),
        (["二、2024年工作安排", "(一)加快科技创新"], "plan"),
        (["(一)加快科技创新"], ""),
    ],
)
def test_path_kind(path: list[str], kind: str) -> None:
    assert sk.path_kind(path) == kind


def test_of_bodies_signing_jointly_the_first_is_the_issuer() -> None:
    text = (
        "各省示范主管部门:\n为推进示范应用,提出如下意见。\n一、主要任务\n加强示范工作。\n\n"
        "中华人民共和国甲建设部\n中华人民共和国乙改革委员会\n丙铁路局\n2031年7月3日\n"
    )
    assert parse_text(text, "j.txt").issuer == "中华人民共和国甲建设部"


def test_a_text_opening_on_its_first_numbered_heading_has_no_title() -> None:
    from corpus.metadata import infer_title

    lines = ["一、审批类", "　　应用一：形式审查", "　　甲技术可以辅助形式审查。"]
    assert infer_title(lines) == ""
    # a title above the first heading is still the title
    assert infer_title(["甲市应用场景清单", "一、审批类", "应用一：形式审查"]) == "甲市应用场景清单"


def test_a_document_of_central_departments_naming_no_place_is_national() -> None:
    central = normalize(
        "第一条 为规范示范工程建设管理，制定本办法。第二条 交通运输部负责组织实施，"
        "国家能源局配合。第九条 本办法由交通运输部负责解释。"
    )
    assert md.infer_region("", central) == "全国"
    # a city's report naming a ministry that approved it stays the city's
    local = normalize("全市新增高新技术企业120家，获教育部批准设立杭州某学院。")
    assert md.infer_region("", local) == "杭州市"


def test_a_short_texts_places_are_remembered_and_a_callers_list_is_its_own() -> None:
    from corpus.places import _find_places, find_places

    text = normalize("杭州市和宁波市的高企")
    first = find_places(text)
    assert first == _find_places(text)
    first.clear()  # (a caller changing its list changes no other's)
    assert find_places(text) == _find_places(text) != []
