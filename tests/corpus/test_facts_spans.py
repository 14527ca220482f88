"""Spans of years a figure is about (corpus.facts_spans)."""

from __future__ import annotations

import pytest

from corpus.facts_spans import review_opening, span_of
from corpus.normalize import normalize


@pytest.mark.parametrize(
    ("text", "ref", "span"),
    [
        ("一、过去五年工作回顾", 2023, "2018-2022"),
        ("五年来,", 2026, "2021-2025"),
        ("一、“十四五”时期工作回顾", 2026, "十四五"),
        ("回顾2019-2023年", 2024, "2019-2023"),
        ("一、过去一年工作回顾", 2024, ""),  # one year is no span
        ("一、2023年工作回顾", 2024, ""),
    ],
)
def test_span_of(text: str, ref: int, span: str) -> None:
    assert span_of(text, ref) == span


def test_review_opening() -> None:
    norm = "标题\n过去五年,我们新增就业300万人。\n一年来,新增企业8家。\n今后五年,力争…"
    assert review_opening(norm, norm.index("300"), 2021) == (None, "2016-2020")
    assert review_opening(norm, norm.index("8家"), 2021) == (2020, "")
    assert review_opening(norm, norm.index("力争"), 2021) is None


def test_review_opening_inside_a_paragraph() -> None:
    norm = "标题\n取得历史性突破。这五年,农业根基持续夯实。粮食产量增长近15%。8年来,发展更好。\n"
    assert review_opening(norm, norm.index("15%"), 2026, inner=True) == (None, "2021-2025")
    assert review_opening(norm, norm.index("15%"), 2026) is None  # the paragraph's start only
    assert review_opening(norm, norm.index("取得"), 2026, inner=True) is None
    eight = "标题\n全市生产总值首破万亿。8年来,我们坚持创新。全市生产总值增长5.6%。\n"
    assert review_opening(eight, eight.index("5.6"), 2024, inner=True) is None  # talk, no plan
    # A later sentence opening on one year ends the five years' review.
    year = "标题\n这五年,示范企业增加300家。刚刚过去的2025年,全市新认定示范企业69家。\n"
    assert review_opening(year, year.index("300"), 2026, inner=True) == (None, "2021-2025")
    assert review_opening(year, year.index("69"), 2026, inner=True) is None


def test_a_review_of_five_years_carries_on_until_a_paragraph_opens_on_one_year() -> None:
    text = normalize(
        "一、“十四五”时期和2035年工作回顾\n过去的五年极不寻常。我们稳中求进。\n"
        "综合实力稳步提升。生产总值6.66万亿元。\n民生福祉不断增进。城镇新增就业603.7万人。\n"
        "刚刚过去的2035年很不平凡。\n(一)千方百计稳就业。城镇新增就业121.7万人。\n"
    )
    since = 0
    five = review_opening(text, text.index("603.7"), 2036, inner=True, since=since)
    assert five is not None and five[0] is None and five[1]  # the span, no one year
    assert review_opening(text, text.index("121.7"), 2036, inner=True, since=since) is None
    # not carried where the caller does not ask for inner reviews (a plan part)
    assert review_opening(text, text.index("603.7"), 2036, since=since) is None


def test_a_paragraph_opening_as_the_review_of_a_named_year_reviews_it() -> None:
    text = normalize("一、治理整顿\n刚刚过去的2038年,是继续向前发展的一年。粮食增产2.2%。\n")
    assert review_opening(text, text.index("2.2"), 2039) == (2038, "")


def test_a_paragraph_may_open_on_its_address_before_the_year_it_reviews() -> None:
    text = normalize(
        "一、“十四五”时期和2035年工作回顾\n这五年,我们稳中求进。\n生产总值6.66万亿元。\n"
        "各位代表！刚刚过去的2035年很不平凡。\n(一)产业发展提质增效。高技术制造业增加值增长17.6%。\n"
    )
    assert review_opening(text, text.index("6.66"), 2036, inner=True, since=0) == (
        None,
        "2031-2035",
    )
    assert review_opening(text, text.index("17.6"), 2036, inner=True, since=0) is None
    opened = normalize(
        "一、治理整顿\n各位代表!刚刚过去的2038年,是继续向前发展的一年。粮食增产2.2%。\n"
    )
    assert review_opening(opened, opened.index("2.2"), 2039) == (2038, "")


@pytest.mark.parametrize(
    ("before", "span"),
    [
        ("5年提升", "2021-2025"),
        ("五年累计退耕还林", "2021-2025"),
        ("三年新增", "2023-2025"),
        ("今后五年新增", ""),
        ("连续5年提高", ""),
        ("第5年新增", ""),
        ("实施三年行动计划", ""),
        ("全年新增", ""),
    ],
)
def test_clause_span(before: str, span: str) -> None:
    from corpus.facts_spans import clause_span

    assert clause_span(before, 2026) == span


def test_a_review_of_five_years_opened_in_a_paragraphs_second_sentence_carries_on() -> None:
    text = normalize(
        "一、2035年及“十五五”时期工作回顾\n2035年是很不平凡的一年。新增企业12家。\n"
        "各位代表!2035年是“十五五”收官之年。五年来,我们砥砺前行。\n"
        "——基础设施实现新跃升。通用机场增加7个、达到19个。\n"
    )
    assert review_opening(text, text.index("7个"), 2036, inner=True) == (None, "2031-2035")
    # the paragraph on the one year before it is the section's (no review of several years)
    assert review_opening(text, text.index("12家"), 2036, inner=True) is None


def test_five_years_named_deep_inside_a_paragraph_on_a_theme_stay_in_it() -> None:
    text = normalize(
        "2035年工作回顾\n2035年是开局之年。\n"
        "高标推进绿色发展,环境治理提级加压。某湖湿地修复成为示范,各项指标稳中向好,"
        "群众满意度不断提升。五年来,我们守护一江碧水。\n"
        "大力实施全域统筹,城乡品质提档升级。新建公园8个。\n"
    )
    assert review_opening(text, text.index("8个"), 2036, inner=True) is None


def test_what_is_spent_over_a_span_counts_over_it() -> None:
    from corpus.facts_spans import counts_over_span

    assert counts_over_span("统筹", "") and counts_over_span("累计投入", "")
    assert not counts_over_span("一般公共预算收入达到", "")


def test_a_yearly_average_after_a_change_between_two_years_is_over_them() -> None:
    from corpus.facts_spans import averaged_span

    before = "人均收入由2031年的5160元增加到2036年的7703元,"
    assert averaged_span(before, "平均每年实际增长") == "2032-2036"
    assert averaged_span(before, "年均增长") == "2032-2036"
    assert averaged_span(before, "2036年增长") == ""  # the clause names its own year
    assert averaged_span(before, "增长") == ""  # no average
    assert averaged_span("人均收入增加到7703元,", "年均增长") == ""  # no change between years
