"""corpus.unwrap: a text file cut into lines of one width read as paragraphs (made-up text)."""

from __future__ import annotations

from functools import cache

from hypothesis import given
from hypothesis import strategies as st

from corpus.pages import is_page_number
from corpus.unwrap import runs_on, unwrap, wrap_width

WRAPPED = "\n".join(
    [
        "示范行动计划",
        "一、总体要求",
        "为推动示范产业与新一代信息技术深度融合，加快",
        "培育新动能，结合本地实际，制定本计划。到2025年",
        "，建成示范工厂50个、示范矿山20个，培育龙头企",
        "业10家。",
        "二、重点任务",
        "（一）示范工厂建设行动。运用互联网、大数据、区块链",
        "等技术，赋能示范工厂，创新低龄老年人服务高龄老年",
        "人的互助模式。",
        "（二）示范矿山建设行动。推进矿山开采、运输、选矿",
        "全流程数字化，打造一批示范矿山，形成可推广经验。",
        "— 2 —",
        "三、保障措施",
    ]
)


def test_wrapped_sentences_are_joined_headings_kept() -> None:
    lines = unwrap(WRAPPED).split("\n")
    assert lines[:2] == ["示范行动计划", "一、总体要求"]  # a short title line ends its paragraph
    assert lines[2] == (
        "为推动示范产业与新一代信息技术深度融合，加快培育新动能，结合本地实际，制定本计划。"
        "到2025年，建成示范工厂50个、示范矿山20个，培育龙头企业10家。"
    )
    assert lines[3] == "二、重点任务"
    assert lines[4].startswith("（一）示范工厂建设行动。") and lines[4].endswith("人的互助模式。")
    assert lines[5].startswith("（二）") and lines[5].endswith("形成可推广经验。")
    assert lines[6:] == ["— 2 —", "三、保障措施"]  # a page number is no text to join


def test_a_page_number_inside_a_sentence_is_dropped() -> None:
    lines = WRAPPED.split("\n")
    broken = "\n".join([*lines[:8], "— 7 —", *lines[8:]])  # (二)'s sentence runs over a page
    out = unwrap(broken).split("\n")
    assert out[4] == unwrap(WRAPPED).split("\n")[4]  # joined past the page number
    assert "— 7 —" not in out and out[-2:] == ["— 2 —", "三、保障措施"]  # (one between
    # paragraphs stays)


def test_a_file_of_paragraphs_is_left_as_it_is() -> None:
    line = "推动示范产业与新一代信息技术深度融合，加快培育新动能。"
    text = "\n".join(["一、总体要求。"] + [line] * 14)
    assert wrap_width(text) == 0
    assert unwrap(text) == text


def test_a_double_spaced_wrapped_file_is_read_through_its_blank_lines() -> None:
    text = "\n\n".join(WRAPPED.split("\n"))
    assert unwrap(text) == "\n\n".join(unwrap(WRAPPED).split("\n"))


def test_an_indented_or_short_line_ends_its_paragraph() -> None:
    assert runs_on("推动示范产业与新一代信息技术深度融合，加快", "培育新动能", 22)
    assert not runs_on("推动示范产业与新一代信息技术深度融合，加快", "　　培育新动能", 22)
    assert not runs_on("推动示范产业融合", "培育新动能", 22)
    assert not runs_on("推动示范产业与新一代信息技术深度融合，加快。", "培育新动能", 22)
    assert not runs_on("推动示范产业与新一代信息技术深度融合，加快", "（一）培育新动能", 22)


@given(st.lists(st.text(alphabet="示范产业，。、加快推动12", min_size=0, max_size=30), max_size=40))
def test_only_line_breaks_are_removed(lines: list[str]) -> None:
    # …and lines that are page numbers inside a sentence ("1" between two halves of one)
    text = "\n".join(lines)
    assert _lines_kept(tuple(lines), unwrap(text).replace("\n", ""))


def _lines_kept(lines: tuple[str, ...], out: str) -> bool:
    """Whether ``out`` is ``lines`` joined, some page-number lines left out."""

    @cache
    def fits(i: int, at: int) -> bool:
        if i == len(lines):
            return at == len(out)
        line = lines[i]
        if out.startswith(line, at) and fits(i + 1, at + len(line)):
            return True
        return is_page_number(line) and fits(i + 1, at)

    return fits(0, 0)


def test_a_page_number_inside_a_sentence_is_all_that_is_dropped() -> None:
    lines = ("1",) * 11 + ("、",)
    out = unwrap("\n".join(lines)).replace("\n", "")
    assert out.count("1") >= 10 and _lines_kept(lines, out)
    assert not _lines_kept(("甲乙", "丙"), "甲丙")  # text is never dropped


def test_lines_of_one_width_holding_figures_of_more_characters_are_still_wrapped() -> None:
    # a page of 24-character lines; lines with spaced figures hold more characters
    body = [
        "为推动示范产业与新一代信息技术深度融合加快培育新",
        "动能结合本地实际制定本计划到 2025 年建成 500 个以上",
        "示范工厂培育龙头企业十家形成一批可推广的典型经验",
        "和模式推动示范产业高质量发展取得明显成效持续提升",
        "到 2030 年示范产业规模达到 3000 亿元以上培育",
        "一批具有国际竞争力的龙头企业形成较为完善的产业生",
    ] * 3 + ["态体系。"]
    text = "\n".join(["示范行动计划", *body])
    assert wrap_width(text) == 24
    assert "建成 500 个以上示范工厂" in unwrap(text)


def test_a_page_width_is_told_among_long_lines_when_diagram_labels_stay_open() -> None:
    # a standard's pages cut at 23 characters, among many short open labels of its
    # diagrams (no closing mark), which outnumber the page's lines
    paragraph = (
        "到2025年，建立较为完善的示范行业智能制造标准体系，累计制修订30项以上示范行业"
        "重点标准，基本覆盖基础共性、关键数据及模型技术、关键应用技术等标准；对于细分"
        "行业，优先制定新一代信息技术在生产、管理、服务等特有场景应用的标准，推动智能"
        "制造标准在示范行业的广泛应用，提升行业整体水平。"
    )
    page = [paragraph[i : i + 23] for i in range(0, len(paragraph), 23)]
    labels = ["A基础共性", "B关键数据", "C关键应用", "D细分行业", "设备层", "控制层", "车间层"]
    text = "\n".join(["示范行业标准体系建设指南", *(page + labels * 2) * 5])
    assert wrap_width(text) == 23
    assert f"\n{paragraph}\n" in unwrap(text)
    assert "\nA基础共性\nB关键数据\n" in unwrap(text)  # a short label ends its line


def test_a_short_table_of_open_rows_is_left_as_it_is() -> None:
    rows = ["10-15MHz -13dBm 1MHz 有效值检波", "15-20MHz -13dBm 1MHz 有效值检波"] * 4
    labels = ["频率", "测量带宽", "检波方式", "发射功率限值"] * 3
    text = "\n".join(["无线电设备技术要求", *rows, *labels])
    assert wrap_width(text) == 0


def test_a_line_of_zero_width_characters_inside_a_sentence_breaks_nothing() -> None:
    from corpus.unwrap import join_invisible_lines

    text = "国内生产总值达到74.4\n\u200b\n万亿元,增长6.7%。\n\u200b\n下一段。"
    # inside the sentence the words join; after its end the line stays
    assert join_invisible_lines(text) == "国内生产总值达到74.4万亿元,增长6.7%。\n\u200b\n下一段。"
    assert join_invisible_lines("甲\n\n乙") == "甲\n\n乙"  # a blank line is a paragraph's end


def test_a_line_ending_in_a_numbered_heading_ends_its_paragraph() -> None:
    body = "推动示范产业与新一代信息技术深度融合，加快培育新动能，支撑车间建设。（四）产业生态优化"
    after = "工程，从优质企业培育等方面着手，"
    assert not runs_on(body, f"实施产业生态优化{after}", len(body))
    assert runs_on(body[:-9] + "推进示范产业生态优化", after, len(body))
