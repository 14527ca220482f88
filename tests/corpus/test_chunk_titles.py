"""corpus.chunk: sentences across a title wrapped onto lines of its own."""

from __future__ import annotations

from corpus.chunk import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def test_a_title_wrapped_onto_its_own_line_stays_in_its_sentence() -> None:
    # made-up: a page from the web puts the title inside 《》 on lines of its own
    text = "最近，庚代表发表了题为《\n我的建议\n》的文章，批评了这种做法。下一句。\n新的一段"
    assert _sentences(text) == [
        "最近，庚代表发表了题为《\n我的建议\n》的文章，批评了这种做法。",
        "下一句。",
        "新的一段",
    ]


def test_a_line_break_elsewhere_still_ends_a_sentence() -> None:
    assert _sentences("一、总体要求\n坚持创新《规划》引领\n》之后") == [
        "一、总体要求",
        "坚持创新《规划》引领\n》之后",
    ]
    assert _sentences("甲\n乙") == ["甲", "乙"]
