"""corpus.count_lines: points a count announces, each a short sentence alone on its line."""

from __future__ import annotations

from corpus.count_lines import counted_lines
from corpus.document import parse_text
from corpus.enumerations import enumerations

TEXT = (
    "甲市政府工作报告\n"
    "七、加强政府建设\n"
    "这是新形势的要求。要全面贯彻会议精神,着力抓好三个方面。\n"
    "加快甲乙职能转变。\n"
    "甲乙机构改革取得很大进展,但还存在不少问题,必须进一步解放思想。\n"
    "切实加强甲乙建设。\n"
    "深入开展甲乙斗争,加强甲乙建设。\n"
    "坚决反对甲乙浪费。\n"
    "当前各领域都存在浪费现象。\n"
    "二要努力节省开支。\n"
)


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "docs/r.txt")
    return [[doc.text[i.start : i.end] for i in e.items] for e in counted_lines(doc)]


def test_the_lines_after_a_count_closing_its_paragraph_are_its_points() -> None:
    assert _items(TEXT) == [["加快甲乙职能转变", "切实加强甲乙建设", "坚决反对甲乙浪费"]]
    doc = parse_text(TEXT, "docs/r.txt")
    assert any(e.count == 3 and e.kind == "lead" for e in enumerations(doc))


def test_no_points_unless_the_first_line_after_the_count_is_one() -> None:
    late = TEXT.replace(
        "三个方面。\n", "三个方面。\n这是一个很长的段落,说明了各方面工作的背景和意义。\n"
    )
    assert _items(late) == []


def test_numbered_lines_are_left_to_the_ordinal_lists() -> None:
    numbered = TEXT.replace("加快甲乙", "(一)加快甲乙").replace("切实", "(二)切实")
    assert _items(numbered.replace("坚决", "(三)坚决")) == []
    assert _items(TEXT.replace("三个方面", "四个方面")) == []  # fewer lines than the count
