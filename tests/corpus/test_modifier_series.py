"""corpus.modifier_series on made-up sentences: short words of one make before 的 and a noun."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.modifier_series import modifier_series


def _lists(text: str) -> list[tuple[list[str], str]]:
    doc = parse_text(f"甲倡议\n{text}\n", "d.txt")
    return [([doc.text[i.start : i.end] for i in en.items], en.head) for en in modifier_series(doc)]


def test_words_opening_alike_before_a_noun_are_what_it_is_to_be_like() -> None:
    ((items, head),) = _lists(
        "各方应确保人工智能安全,打造可审核、可监督、可追溯、可信赖的人工智能技术。"
    )
    assert items == ["可审核", "可监督", "可追溯", "可信赖"]  # (its verb is no part of the first)
    assert head.endswith("的人工智能技术") and "打造" in head


def test_words_as_long_count_too() -> None:
    ((items, _),) = _lists("着力构建优质高效、充满活力、竞争力强的现代产业体系。")
    assert items == ["优质高效", "充满活力", "竞争力强"]


def test_two_words_or_words_of_no_one_make_are_no_series() -> None:
    assert _lists("打造可审核、可监督的技术。") == []
    assert _lists("推进交通、能源基础设施、水利的建设。") == []
    assert _lists("全年增长5%、6%、7%的目标。") == []


def test_phrases_opening_alike_that_close_a_clause_are_a_series() -> None:
    from corpus.modifier_series import opening_alike_series

    doc = parse_text(
        "甲意见\n智慧法院支持全业务网上办理、全流程依法公开、全方位智能服务,实现公正。\n", "d.txt"
    )
    (found,) = opening_alike_series(doc)
    items = [doc.text[i.start : i.end] for i in found.items]
    assert items == ["全业务网上办理", "全流程依法公开", "全方位智能服务"]
    assert "支持" in found.head
    unlike = parse_text("甲意见\n支持网上办理、依法公开、智能服务,实现公正。\n", "d.txt")
    assert opening_alike_series(unlike) == []


def test_bodies_named_by_their_place_or_a_gloss_in_brackets_are_no_such_series() -> None:
    from corpus.modifier_series import opening_alike_series

    units = parse_text("甲方案\n(责任单位:市经信局、市科技局、市财政局、市监管局)\n", "d.txt")
    assert opening_alike_series(units) == []
    gloss = parse_text("甲方案\n开展试点(全业务办理、全流程公开、全方位服务)。\n", "d.txt")
    assert opening_alike_series(gloss) == []


def test_phrases_after_a_verb_sharing_a_word_are_a_series_named_by_its_closing_noun() -> None:
    from corpus.modifier_series import shared_word_series

    text = (
        "甲报告\n实施初创科技企业育苗、小微高新技术企业跃升、骨干高新技术企业瞪羚、"
        "领军企业引领计划。\n"
    )
    doc = parse_text(text, "d.txt")
    (found,) = shared_word_series(doc)
    items = [doc.text[i.start : i.end] for i in found.items]
    assert items[0] == "初创科技企业育苗" and len(items) == 4  # (its verb is no part of it)
    assert found.head.endswith("计划")
    # no verb before them, or no word they share: none
    assert (
        shared_word_series(
            parse_text("甲报告\n初创企业育苗、小微企业跃升、领军企业引领。\n", "d.txt")
        )
        == []
    )
    other = "甲报告\n实施初创科技育苗、小微高新跃升、骨干瞪羚培育计划。\n"
    assert shared_word_series(parse_text(other, "d.txt")) == []
