"""corpus.word_cuts: words begun before a span and ending inside it; jieba's cache folder."""

from __future__ import annotations

import pytest

from corpus.word_cuts import cut_into


@pytest.mark.parametrize(
    ("text", "name"),
    [("坚持重大理论创新", "大理"), ("在地级以上城市中", "上城"), ("全力维护稳定安全", "定安")],
)
def test_a_word_ending_inside_a_name_cuts_into_it(text: str, name: str) -> None:
    start = text.index(name)
    assert cut_into(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [("在余杭区新增高企", "余杭"), ("浙江杭州市", "杭州"), ("在中共上海市委领导下", "上海")],
)
def test_a_name_standing_as_words_is_not_cut(text: str, name: str) -> None:
    start = text.index(name)
    assert not cut_into(text, start, start + len(name))


def test_the_plain_dictionary_cuts_as_a_fresh_jieba_does() -> None:
    import jieba

    from corpus.word_cuts import _plain_tokenizer

    fresh = jieba.Tokenizer()
    for text in ["坚持重大理论创新", "在地级以上城市中居第46", "杭州市余杭区新增高新技术企业"]:
        assert _plain_tokenizer().lcut(text, HMM=False) == fresh.lcut(text, HMM=False)
