"""corpus.counted_titles on made-up reports: a count, then as many title sentences ending on
its noun, are a list."""

from __future__ import annotations

from corpus.counted_titles import counted_titles
from corpus.document import parse_text


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in counted_titles(doc)]


def test_title_sentences_ending_on_the_counted_noun_are_the_items() -> None:
    text = (
        "甲市报告\n二、重点工作\n围绕打造制造强市,全力推进“三大行动”,着力打造产业之城。"
        "全力推进甲园区提速行动。把园区建设作为一号工程,加快建设。全力推进产业“强链”行动。"
        "围绕主导产业,补链延链。全力推进企业家培育行动。开展企业家培训。\n"
    )
    assert _items(text) == [
        ["全力推进甲园区提速行动", "全力推进产业“强链”行动", "全力推进企业家培育行动"]
    ]
    doc = parse_text(text, "d.txt")
    assert "三大行动" in counted_titles(doc)[0].head


def test_too_few_titles_far_titles_or_numbered_ones_are_no_list() -> None:
    # two titles for a count of three
    assert _items("甲报告\n一、工作\n推进“三大行动”。实施甲行动。加快建设。实施乙行动。\n") == []
    # the first title far from the count: the sentences between say other things
    far = (
        "甲报告\n一、工作\n推进“三大行动”。甲好。乙好。丙好。实施甲行动。实施乙行动。实施丙行动。\n"
    )
    assert _items(far) == []
    # numbered titles are a heading list's
    numbered = "甲报告\n一、工作\n推进“三大行动”。(一)实施甲行动。(二)实施乙行动。(三)实施丙行动。"
    assert _items(numbered) == []
