"""Section trees of the sample documents (hand-checked) and heading detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.document import parse_text
from corpus.inspect import inspect_file
from corpus.readers import read_file
from corpus.structure import build_tree, find_headings, heading_level

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"

S000 = "000_6eaca3ed01c4c811.txt"
S001 = "001_f9ee6873cacabd59.txt"
S002 = "002_f02437565036b0c9.txt"
S003 = "003_319bd9830f448044.txt"
S004 = "004_57978b5f9cc16516.txt"

# Every section path of each sample, in document order; "" is the preamble.
TREES: dict[str, list[str]] = {
    S000: [
        "",
        "一、2023年工作总结",
        "一、2023年工作总结 > (一)坚持源头创新,提升科技创新能级",
        "一、2023年工作总结 > (二)坚持主体创新,激发澎湃创新活力",
        "一、2023年工作总结 > (三)坚持服务创新,构建成果转化体系",
        "二、2024年工作思路",
        "二、2024年工作思路 > (一)放大“国之重器”集聚优势,建设全球创新策源地",
        "二、2024年工作思路 > (二)构建“沿途下蛋”创新机制,构筑成果转化首选地",
        "二、2024年工作思路 > (三)构建“全域创新”开放生态,助推重要城市新中心",
    ],
    S001: [
        "",
        "一、主要指标完成情况",
        "二、2021年重点工作落实情况",
        "二、2021年重点工作落实情况 > (一)强化政治引领,科技党建加速融合",
        "二、2021年重点工作落实情况 > (二)夯实创新链条,科技政策加速落地",
        "二、2021年重点工作落实情况 > (三)激活创新引擎,科技企业加速成长",
        "二、2021年重点工作落实情况 > (四)积聚创新动能,科技成果加速转化",
        "三、2022年工作计划",
        "三、2022年工作计划 > (一)指导思想",
        "三、2022年工作计划 > (二)重要指标",
        "三、2022年工作计划 > (三)具体计划",
        "三、2022年工作计划 > (三)具体计划 > 1、注重党建赋能,在夯基固本建强堡垒上求突破",
        "三、2022年工作计划 > (三)具体计划 > 2、注重政策引领,在提升区域创新能力上求突破",
        "三、2022年工作计划 > (三)具体计划 > 3、注重量质并举,在培育壮大创新主体上求突破",
        "三、2022年工作计划 > (三)具体计划 > 4、注重协同创新,在调高调优产业质态上求突破",
        "三、2022年工作计划 > (三)具体计划 > 5、注重科技服务,在优化完善创新环境上求突破",
    ],
    S002: ["", "一、上半年亮点工作", "二、存在问题及短板", "三、下半年重点工作"],
    S003: [
        "",
        "一、主要目标",
        "二、重点工作",
        "二、重点工作 > (一)实施重大科创平台提能造峰行动",
        "二、重点工作 > (二)实施关键核心技术攻坚突破行动",
        "二、重点工作 > (三)实施创新链产业链深度融合行动",
        "二、重点工作 > (四)实施战略人才力量集聚提质行动",
        "二、重点工作 > (五)实施全域创新能级跨越提升行动",
        "二、重点工作 > (六)实施开放创新生态深化打造行动",
        "三、保障措施",
    ],
    S004: ["", "杭州師范大學科技園", "未來科技城"],
}

# (section path, year, kind, half) of the top-level sections.
YEARS_KINDS: dict[str, list[tuple[str, int | None, str, str]]] = {
    S000: [("一、2023年工作总结", 2023, "actual", ""), ("二、2024年工作思路", 2024, "plan", "")],
    S001: [
        ("一、主要指标完成情况", 2021, "actual", ""),
        ("二、2021年重点工作落实情况", 2021, "actual", ""),
        ("三、2022年工作计划", 2022, "plan", ""),
    ],
    S002: [
        ("一、上半年亮点工作", 2024, "actual", "H1"),
        ("二、存在问题及短板", None, "problem", ""),
        ("三、下半年重点工作", 2024, "plan", "H2"),
    ],
    S003: [
        ("一、主要目标", 2024, "plan", ""),
        ("二、重点工作", 2024, "plan", ""),
        ("三、保障措施", 2024, "plan", ""),
    ],
}


def _parse(name: str, folder: Path = SAMPLES):  # type: ignore[no-untyped-def]
    raw = read_file(folder / name)
    return parse_text(raw.text, name)


@pytest.mark.parametrize("name", sorted(TREES))
def test_sample_section_tree(name: str) -> None:
    doc = _parse(name)
    assert [s.path_str for s in doc.sections] == TREES[name]


@pytest.mark.parametrize("name", sorted(TREES))
def test_sample_section_tree_via_inspect(name: str) -> None:
    """`policyqa inspect` (with the manifest applied) shows the same tree."""
    record = inspect_file(SAMPLES / name)
    assert [s["path"] for s in record["sections"]] == TREES[name]


@pytest.mark.parametrize("name", sorted(TREES))
def test_sections_nest_and_follow_document_order(name: str) -> None:
    doc = _parse(name)
    secs = doc.sections
    assert secs[0].path == () and secs[0].level == 0 and secs[0].start == 0
    for s in secs[1:]:
        assert s.level == len(s.path) >= 1
        assert s.path[-1] == s.heading
        assert doc.text[s.start : s.start + len(s.heading)] == s.heading
        assert 0 <= s.start < s.end <= len(doc.text)
    starts = [s.start for s in secs[1:]]
    assert starts == sorted(starts)
    # A child lies inside its parent.
    for s in secs[1:]:
        if len(s.path) > 1:
            parent = next(p for p in secs if p.path == s.path[:-1])
            assert parent.start < s.start and s.end <= parent.end


def test_run_in_numbered_points_stay_body_text() -> None:
    """ "1、深入推进党史学习教育。结合…" has its body on the same line: not a heading."""
    doc = _parse(S001)
    assert not any("深入推进党史学习教育" in s.path_str for s in doc.sections)
    section = "二、2021年重点工作落实情况 > (一)强化政治引领,科技党建加速融合"
    assert any(p.section == section and "深入推进党史学习教育" in p.text for p in doc.passages)


@pytest.mark.parametrize("name", sorted(YEARS_KINDS))
@pytest.mark.parametrize("manifest", [True, False], ids=["manifest", "no-manifest"])
def test_sample_section_year_and_kind(name: str, manifest: bool) -> None:
    if manifest:
        record = inspect_file(SAMPLES / name)
        got = {s["path"]: (s["year"], s["kind"], s["half"]) for s in record["sections"]}
    else:
        doc = _parse(name)
        got = {s.path_str: (s.year, s.kind, s.half) for s in doc.sections}
    for path, year, kind, half in YEARS_KINDS[name]:
        assert got[path] == (year, kind, half), path


@pytest.mark.parametrize("name", sorted(YEARS_KINDS))
def test_subsections_inherit_year_and_kind(name: str) -> None:
    doc = _parse(name)
    top = {s.path[0]: s for s in doc.sections if s.level == 1}
    for s in doc.sections:
        if s.level > 1:
            assert (s.year, s.kind) == (top[s.path[0]].year, top[s.path[0]].kind), s.path_str


def test_passages_carry_their_section_year_and_kind() -> None:
    doc = _parse(S000)
    by_path = {s.path_str: s for s in doc.sections}
    for p in doc.passages:
        sec = by_path[p.section]
        assert (p.section_year, p.section_kind, p.section_half) == (sec.year, sec.kind, sec.half)
    assert any(p.section_year == 2023 and "637" in p.text for p in doc.passages)


def test_fixture_tree_with_fullwidth_parentheses() -> None:
    doc = _parse("xihu_2023.txt", FIXTURES)
    assert [s.path_str for s in doc.sections] == [
        "",
        "一、2023年工作总结",
        "一、2023年工作总结 > (一)强化企业创新主体地位",
        "一、2023年工作总结 > （二）优化创新创业生态",
        "二、2024年工作计划",
        "二、2024年工作计划 > (一)主要目标",
        "二、2024年工作计划 > (二)重点任务",
        "二、2024年工作计划 > (二)重点任务 > 1、深化科技体制改革",
        "二、2024年工作计划 > (二)重点任务 > 2、加强人才引育",
    ]
    levels = [s.level for s in doc.sections]
    assert levels == [0, 1, 2, 2, 1, 2, 2, 3, 3]


def test_fixture_traditional_headings() -> None:
    doc = _parse("shangcheng_trad.txt", FIXTURES)
    got = [(s.path_str, s.year, s.kind) for s in doc.sections]
    assert got == [
        ("", None, ""),
        ("一、2022年工作總結", 2022, "actual"),
        ("二、2023年工作計劃", 2023, "plan"),
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("一、总体要求", 1),
        ("十二、其他", 1),
        ("第一章 总则", 1),
        ("第三部分 保障", 1),
        ("第二节 目标", 2),
        ("(一)指导思想", 2),
        ("(三)具体计划", 2),
        ("1、注重党建赋能", 3),
        ("12.打造卓越工程师队伍", 3),
        ("(1)加强领导", 4),
        ("  二、重点任务  ", 1),
        ("2023年工作总结", 0),
        ("3.5%的增长", 0),
        ("正文一句话。", 0),
        ("", 0),
    ],
)
def test_heading_level(line: str, level: int) -> None:
    from corpus.normalize import normalize

    assert heading_level(normalize(line)) == level


def test_heading_with_sentence_end_is_not_a_heading() -> None:
    text = (
        "标题\n一、总体要求\n1、深入推进党史学习教育。结合科技特色开展活动。\n2、加强领导\n正文。"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == ["一、总体要求", "2、加强领导"]


def test_a_numbered_name_closed_by_a_full_stop_on_its_own_line_is_a_heading() -> None:
    text = (
        "某某指南\n五、分业态要求\n各业态还应分别符合以下要求。\n(一)百货店要求。\n1.智能引导。\n"
        "应配置智能导购系统,为消费者提供咨询。\n2.信用管理。\n在门店内每个店铺设置信用二维码。\n"
        "(二)超市、便利店要求。\n1.智能采购。\n应具备自动订货系统。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == [
        "五、分业态要求",
        "(一)百货店要求。",
        "1.智能引导。",
        "2.信用管理。",
        "(二)超市、便利店要求。",
        "1.智能采购。",
    ]


def test_an_item_line_closed_by_a_full_stop_is_no_heading() -> None:
    # the last of a list of conditions, each a line, is followed by the next part; a
    # clause ("…的。") names no point
    text = (
        "某某办法\n一、申报条件\n(一)在境内注册的独立法人;\n(二)具有较强的研发能力;\n"
        "(三)法律、行政法规规定的其他条件。\n二、申报程序\n按要求提交材料。\n"
        "三、不予受理的情形\n(一)含有虚假内容的。\n有关部门依法处理。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == ["一、申报条件", "二、申报程序", "三、不予受理的情形"]


def test_the_last_of_points_run_in_is_no_heading_though_a_note_follows() -> None:
    text = (
        "某某指南\n二、申请要求\n1.资助期限为3年,研究期限应填写完整;\n"
        "2.国内合作研究单位数量不得超过2个。\n3.指南中关于申请数量的其他限制。\n"
        "注:此项目不计入申请项目总数。\n"
    )
    assert [h.text for h in find_headings(text)] == ["二、申请要求"]


def test_plain_headings_without_numbers() -> None:
    text = (
        "某某访谈\n"
        "引言一段比较长的文字,介绍背景情况和总体思路,足够长。\n"
        "平台建设\n"
        "一是平台建设取得明显成效,多个重大平台建成投用,创新能级持续提升。\n"
        "2024年1月\n"
        "这一行后面跟着一段较长的文字,不应该把日期当作标题。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == ["平台建设"]


def test_build_tree_ends() -> None:
    text = "前言\n一、甲\n正文。\n(一)乙\n正文。\n二、丙\n正文。"
    heads = find_headings(text)
    tree = build_tree(text, heads)
    assert [t.path for t in tree] == [(), ("一、甲",), ("一、甲", "(一)乙"), ("二、丙",)]
    assert tree[0].end == text.index("一、甲")
    assert tree[1].end == text.index("二、丙") == tree[2].end
    assert tree[3].end == len(text)


def test_unnumbered_report_parts_head_the_numbered_points_after_them() -> None:
    text = (
        "某市2024年政府工作报告\n各位代表:\n现在,我代表市人民政府,向大会报告工作。\n"
        "2023年工作回顾\n过去一年,全市新增高新技术企业120家,研发投入增长12%。\n"
        "2024年总体目标和重点任务\n今年的主要目标是:研发投入增长10%。\n"
        "一、以创新为动能,加快推进新型工业化\n力争新增高新技术企业150家。\n"
        "二、以民生为抓手,提升群众幸福指数\n新建学校5所。\n"
    )
    doc = parse_text(text, "t.txt")
    got = [(s.path_str, s.year, s.kind) for s in doc.sections]
    assert got[1:] == [
        ("2023年工作回顾", 2023, "actual"),
        ("2024年总体目标和重点任务", 2024, "plan"),
        ("2024年总体目标和重点任务 > 一、以创新为动能,加快推进新型工业化", 2024, "plan"),
        ("2024年总体目标和重点任务 > 二、以民生为抓手,提升群众幸福指数", 2024, "plan"),
    ]


def test_a_part_phrase_in_the_title_line_or_a_sentence_is_no_heading() -> None:
    text = (
        "某区2022年科技工作回顾\n一、2022年工作总结\n新增企业5家。\n"
        "我们扎实推进重点工作,全面完成主要工作。\n二、2023年工作计划\n力争新增企业8家。\n"
    )
    paths = [s.path_str for s in parse_text(text, "t.txt").sections]
    assert paths == ["", "一、2022年工作总结", "二、2023年工作计划"]


def test_a_bare_part_phrase_inside_a_numbered_part_does_not_swallow_the_next_part() -> None:
    text = (
        "某省政府工作报告\n一、2025年工作回顾\n全省生产总值增长5%。\n"
        "二、“十五五”时期的主要目标和重点任务\n主要目标\n经济保持合理增长。\n"
        "三、2026年工作安排\n力争增长5%。\n"
    )
    paths = [s.path_str for s in parse_text(text, "t.txt").sections]
    assert "三、2026年工作安排" in paths
    assert not any(p.startswith("主要目标") for p in paths)


def test_an_unnumbered_part_of_suggested_work_is_a_part() -> None:
    from corpus.document import parse_text

    doc = parse_text(
        "甲市示范报告\n2030年工作回顾\n示范企业达到100家。\n(一)坚持示范\n示范有力。\n"
        "2031年工作安排建议\n新增示范企业20家。\n",
        "d.txt",
    )
    tops = [(s.path[0], s.year, s.kind) for s in doc.sections if len(s.path) == 1]
    assert ("2031年工作安排建议", 2031, "plan") in tops


@pytest.mark.parametrize(
    ("first", "second", "heads"),
    [
        (
            "一、2003年政府工作情况2003年,",
            "二、2004年政府工作的主要任务今年是关键之年,",
            ["一、2003年政府工作情况", "二、2004年政府工作的主要任务"],
        ),
        # "过去五年", "“十四五”时期": a part's time, not only a year
        (
            "一、过去五年工作的回顾2007年以来,",
            "二、“十四五”时期的奋斗目标和重点任务根据市委全会精神,",
            ["一、过去五年工作的回顾", "二、“十四五”时期的奋斗目标和重点任务"],
        ),
    ],
)
def test_a_numbered_part_run_into_its_paragraph_ends_on_its_phrase(
    first: str, second: str, heads: list[str]
) -> None:
    # a scraped report: long lines, each part's heading run into its first paragraph
    body = "全市经济平稳增长,财政收入稳步提高," * 80
    text = f"甲市政府工作报告\n{first}{body}。\n{second}{body}。\n"
    assert [h.text for h in find_headings(text)] == heads


def test_a_part_standing_alone_on_its_line_still_needs_the_phrases_of_a_part() -> None:
    assert [h.text for h in find_headings("报告\n今后五年的主要任务\n(一)甲\n(二)乙\n")] == [
        "(一)甲",
        "(二)乙",
    ]


def test_a_numbered_part_run_into_its_paragraph_between_parts_on_their_own_lines() -> None:
    text = (
        "甲市政府工作报告\n一、2001年工作回顾\n全市经济平稳增长。\n"
        "二、2002年政府工作的总体要求和目标任务今年是关键之年,要实现“四个突破”。\n"
        "三、2002年政府主要工作\n(一)甲\n(二)乙\n"
        "四、维护和平是对外政策的主要目标,我们坚持这一方针。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert "二、2002年政府工作的总体要求" in heads
    assert not any(h.startswith("四、") for h in heads)  # a sentence naming no year


def test_a_numbered_part_run_into_its_paragraph_ends_where_its_year_is_written_again() -> None:
    body = "全市经济平稳增长,财政收入稳步提高," * 80
    text = (
        f"甲市政府工作报告\n一、2007年政府的工作2007年,{body}。\n"
        f"二、2008年政府工作的目标任务\n{body}。\n三、加强政府自身建设\n{body}。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads[0] == "一、2007年政府的工作"
    on_lines = "甲市政府工作报告\n一、2007年政府的工作2007年,全市经济平稳增长。\n二、乙\n三、丙\n"
    assert next(h.text for h in find_headings(on_lines)) == "一、2007年政府的工作"
    # another year after the heading is its paragraph's own, not its end
    other = "甲市政府工作报告\n一、2007年政府的工作2006年底,全市经济平稳增长。\n二、乙\n三、丙\n"
    assert not any(h.text.startswith("一、") for h in find_headings(other))


def test_a_numbered_heading_glued_to_the_end_of_a_paragraph_heads_its_part() -> None:
    from corpus.structure import glued_heading

    text = (
        "示范行动计划\n一、重点工程\n（一）甲工程\n推进甲工程,形成新格局。（二）乙工程\n"
        "实施乙工程,培育优质企业。\n二、保障措施\n加强统筹。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == ["一、重点工程", "（一）甲工程", "（二）乙工程", "二、保障措施"]
    line = "推进甲工程,形成新格局。(二)乙工程"
    assert line[glued_heading(line) :] == "(二)乙工程"
    # a sentence closing a line, or a clause after the stop, is no heading
    assert glued_heading("推进甲工程,形成新格局。") == 0
    assert glued_heading("推进甲工程。(二)乙工程要加快,形成合力") == 0


def test_a_glued_heading_parted_by_a_space_may_hold_two_clauses() -> None:
    from corpus.structure import glued_heading

    text = (
        "甲行动方案\n一、总体要求\n推进甲事。\n二、丰富乙服务,提升乙能力\n发展乙器械。 "
        "三、推进丙平台升级,提升丙数据能力\n（一）做强丙平台。加快建设。\n四、保障措施\n加强统筹。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == [
        "一、总体要求",
        "二、丰富乙服务,提升乙能力",
        "三、推进丙平台升级,提升丙数据能力",
        "四、保障措施",
    ]
    line = "发展乙器械。 三、推进丙平台升级,提升丙数据能力"
    assert line[glued_heading(line) :] == "三、推进丙平台升级,提升丙数据能力"
    assert glued_heading("对标先进水平的标准体系。 三、建设思路") > 0
    # right after the stop, two clauses read on as a sentence
    assert glued_heading("发展乙器械。三、推进丙平台升级,提升丙数据能力") == 0


def test_a_named_point_of_two_clauses_heads_its_part_unless_its_siblings_run_in() -> None:
    text = (
        "甲市政府工作报告\n二、2024年工作安排\n（一）坚持开放合作,深度参与乙区建设。\n"
        "推动合作。\n（二）坚持实体经济为本,加快构建产业体系。\n推动制造。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert "（一）坚持开放合作,深度参与乙区建设。" in heads
    assert "（二）坚持实体经济为本,加快构建产业体系。" in heads
    # its sibling running into its paragraph: points of one list, the first a short one
    mixed = (
        "甲区政府工作报告\n三、抓好七项重点工作\n（一）立足实体经济,建设产业体系。\n"
        "一要加快产业升级。二要培育新兴产业。\n（二）推进创新驱动,加快科技自立。一要加大投入。\n"
    )
    assert not any(h.text.startswith("（一）") for h in find_headings(mixed))


def test_a_table_of_contents_entry_is_no_heading() -> None:
    text = (
        "甲标准体系建设指南\n目 录\n一、总体要求 ........ 1\n（一）指导思想 ........ 3\n"
        "二、建设内容 ........ 4\n一、总体要求\n（一）指导思想\n推动甲。\n二、建设内容\n建设乙。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert heads == ["一、总体要求", "（一）指导思想", "二、建设内容"]


def test_a_dash_titled_point_whose_body_runs_on_is_titled_up_to_the_body_verb() -> None:
    text = (
        "甲省场景创新行动计划\n三、打造引领区\n（一）甲谷--打造全球算力场景新高地\n"
        "依托甲中心,推动验证。\n（二）乙之都--打造国内领先的储能基地加快突破储能技术,构建体系。\n"
        "（三）丙城--打造低空经济引领区\n发挥乙大学优势。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert "（二）乙之都--打造国内领先的储能基地" in heads  # its body, 加快突破…, runs on
    assert heads[-1] == "（三）丙城--打造低空经济引领区"
    # a first point has no titled sibling before it: one running on stays a paragraph
    alone = "甲省行动计划\n三、打造引领区\n（一）乙之都--打造国内领先的储能基地加快突破储能技术。\n"
    assert [h.text for h in find_headings(alone)] == ["三、打造引领区"]


def test_a_heading_glued_after_a_closing_note_heads_its_part() -> None:
    # "…(省发展改革委负责)四、实施…行动": the paragraph's closing note, its line break lost
    text = (
        "甲省行动计划\n三、实施攻关行动\n(一)攻关一批场景\n建设一批项目(省发展改革委负责)"
        "四、实施引领区建设行动\n集中打造一批省级引领区。\n(二)甲谷--打造算力高地\n依托甲中心。\n"
    )
    heads = [h.text for h in find_headings(text)]
    assert "四、实施引领区建设行动" in heads
    paths = {s.path[-1]: s.path for s in build_tree(text, find_headings(text)) if s.path}
    assert paths["(二)甲谷--打造算力高地"][0] == "四、实施引领区建设行动"
