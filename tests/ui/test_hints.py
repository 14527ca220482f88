"""ui.hints: English words in a question, and a place name one character off a region of
the library (made-up questions)."""

from __future__ import annotations

import pytest

from ui.hints import known_names, latin_words, place_suggestion

REGIONS = {"余杭区", "瓯海区", ""}


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("How many incubators did the district build", ["How", "many", "incubators", "did",
                                                         "the", "district", "build"]),
        ("某区2025年新增high-tech企业几家", ["high", "tech"]),
        ("某区2025年GDP和R&D投入各多少", []),  # acronyms are names
        ("某区5G基站多少个", []),
    ],
)  # fmt: skip
def test_english_words_of_a_question(question: str, words: list[str]) -> None:
    assert latin_words(question) == words


def test_the_library_names_its_regions_three_ways() -> None:
    names = known_names(REGIONS)
    assert {"余杭区", "余杭", "杭州市", "杭州", "瓯海区", "瓯海", "温州"} <= names


@pytest.mark.parametrize(
    ("question", "suggested"),
    [
        ("余航2025年新建孵化器几个", "余杭2025年新建孵化器几个"),
        ("请问瓯嗨的孵化器有几个", None),  # not where a place name stands
        ("请问瓯嗨区的孵化器有几个", "请问瓯海区的孵化器有几个"),  # before 区 it does
        ("余杭2025年新建孵化器几个", None),  # a region of the library is named
        ("临平2025年新建孵化器几个", None),  # another real place is named
        ("2025年新建孵化器几个", None),
    ],
)
def test_a_near_miss_place_name_gets_a_suggestion(question: str, suggested: str | None) -> None:
    assert place_suggestion(question, REGIONS) == suggested


def test_no_regions_no_suggestion() -> None:
    assert place_suggestion("余航2025年新建孵化器几个", set()) is None


def test_a_run_the_documents_write_is_a_word_not_a_slip() -> None:
    question = "全市2025年新建孵化器几个"  # 全市 is one character off 全国
    regions = {"全国", "余杭区"}
    assert place_suggestion(question, regions) == "全国2025年新建孵化器几个"
    assert place_suggestion(question, regions, lambda run: run == "全市") is None
