"""answer.phrase_fit: a phrase of the question written apart by a figure's metric."""

from __future__ import annotations

from answer.phrase_fit import split_pair, written_pairs


def test_pairs_are_neighbouring_words_the_question_writes_together() -> None:
    pairs = written_pairs(["中央", "预算内", "投资", "安排"], "今年中央预算内投资安排多少")
    assert pairs == (("中央", "预算内"), ("预算内", "投资"), ("投资", "安排"))
    assert written_pairs(["研发", "投入"], "研发经费投入多少") == ()


def test_a_word_inside_the_phrase_splits_it() -> None:
    pairs = (("预算内", "投资"),)
    assert split_pair(pairs, "中央预算内水利投资")
    assert not split_pair(pairs, "中央预算内投资")


def test_a_link_or_a_single_character_does_not_split() -> None:
    assert not split_pair((("科技", "人才"),), "科技和人才")
    assert not split_pair((("研发", "投入"),), "研发总投入")
    assert not split_pair((("预算内", "投资"),), "预算内资金")  # the second word absent


def test_a_long_gap_is_another_sentence_part_not_a_word() -> None:
    assert not split_pair((("预算内", "投资"),), "预算内资金支持社会投资")
