"""corpus.indented: paragraphs run together on one line, apart again at their indents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpus.indented import MIN_LINE, broken_at_indents

PARA = "过去一年，全市经济平稳运行，各项事业取得新进展。" * 25


def test_each_indentation_inside_a_long_line_starts_a_paragraph() -> None:
    indent = "  \u2003\u2003"
    text = (
        f"各位代表：{indent}一、2036年工作回顾{indent}{PARA}{indent}二、2037年安排"
        f"\u3000\u3000{PARA}"
    )
    lines = broken_at_indents(text).split("\n")
    assert [line.strip(" \u2003\u3000")[:6] for line in lines] == [
        "各位代表：",
        "一、2036",
        "过去一年，全",
        "二、2037",
        "过去一年，全",
    ]


def test_short_lines_and_lines_with_few_indentations_are_left_alone() -> None:
    short = "各位代表：  \u2003\u2003一、回顾  \u2003\u2003过去一年。  \u2003\u2003二、安排"
    assert broken_at_indents(short) == short
    few = f"{PARA}  \u2003\u2003{PARA}"
    assert len(few) >= MIN_LINE and broken_at_indents(few) == few


@given(st.text(alphabet="甲乙。， \u2003\u3000\n", max_size=3000))
def test_the_text_keeps_its_length_and_only_spaces_become_line_breaks(text: str) -> None:
    out = broken_at_indents(text)
    assert len(out) == len(text)
    assert all(
        a == b or (b == "\n" and a in " \t\u2003\u3000") for a, b in zip(text, out, strict=True)
    )
