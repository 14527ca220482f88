"""answer.listing: list answers (made-up text)."""

from __future__ import annotations

from answer.listing import _whole_item


def test_a_short_item_sentence_is_the_whole_item() -> None:
    norm = "一是稳住实体经济,转型质效全面提升。二是很长" + "的" * 50 + "。"
    first = _whole_item(norm, 2, 8, norm.index("。") + 1)
    assert norm[slice(*first)] == "稳住实体经济,转型质效全面提升"
    second = norm.index("二是") + 2
    assert _whole_item(norm, second, second + 2, len(norm)) == (second, second + 2)
