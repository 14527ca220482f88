"""corpus.breadcrumb: a web page's navigation trail is no part of the document it holds."""

from __future__ import annotations

from corpus.breadcrumb import without_breadcrumb
from corpus.document import parse_text


def test_a_trail_one_piece_a_line_is_blanked_with_its_repeated_channel() -> None:
    lines = ["您的位置:", "首页", ">", "甲省要闻", "甲省要闻", "2037年政府工作报告", "各位代表:"]
    assert without_breadcrumb(lines) == ["", "", "", "", "", "2037年政府工作报告", "各位代表:"]


def test_a_trail_on_one_line_is_blanked() -> None:
    lines = ["当前位置:首页 > 政务信息 > 甲省要闻", "2037年甲省政府工作报告"]
    assert without_breadcrumb(lines) == ["", "2037年甲省政府工作报告"]


def test_a_text_without_a_trail_is_unchanged() -> None:
    lines = ["甲市2037年政府工作报告", "首页", "各位代表:"]
    assert without_breadcrumb(lines) == lines


def test_a_saved_page_is_titled_by_its_document_not_the_sites_section() -> None:
    text = (
        "当前位置：\n首页\n>\n政务信息\n>\n甲省要闻\n2037年甲省政府工作报告\n发表时间：\n"
        "2037-02-09\n政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
    )
    assert parse_text(text, "d.txt").title == "2037年甲省政府工作报告"
