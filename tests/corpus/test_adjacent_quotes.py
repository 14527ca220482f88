"""corpus.adjacent_quotes on made-up reports: quoted names side by side are a series."""

from __future__ import annotations

from corpus.adjacent_quotes import adjacent_quotes
from corpus.document import parse_text
from corpus.enumerations import enumerations


def _lists(text: str) -> list[tuple[str, list[str]]]:
    doc = parse_text(text, "d.txt")
    return [(en.head, [doc.text[i.start : i.end] for i in en.items]) for en in adjacent_quotes(doc)]


def test_names_quoted_side_by_side_are_a_series_named_by_their_clause() -> None:
    text = "甲报告\n一、工作\n“5”是指“向甲图强”“向乙图强”“向丙图强”,第二个“4”是指丁。\n"
    ((head, items),) = _lists(text)
    assert items == ["向甲图强", "向乙图强", "向丙图强"]
    assert '"5"是指' in head
    doc = parse_text(text, "d.txt")
    assert any([doc.text[i.start : i.end] for i in en.items] == items for en in enumerations(doc))


def test_pairs_quoted_sentences_and_series_closed_by_their_kind_are_left() -> None:
    assert _lists("甲报告\n一、工作\n推行“甲长制”“乙长制”,成效明显。\n") == []  # a pair
    long = "甲报告\n一、工作\n提出“要把甲建设成为全国一流的示范区”“乙”“丙”。\n"
    assert _lists(long) == []  # a quoted sentence breaks the run
    # …closed by 等 and their kind: corpus.phrase_lists.quoted_run reads them, once
    closed = "甲报告\n一、工作\n推广“云甲”“云乙”“云丙”等模式。\n"
    assert _lists(closed) == []
    doc = parse_text(closed, "d.txt")
    assert len([en for en in enumerations(doc) if en.kind == "inline"]) == 1
