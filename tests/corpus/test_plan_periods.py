"""corpus.plan_periods: five-year plans by name, read once."""

from __future__ import annotations

import pytest

from corpus.plan_periods import PLAN_NAME, plan_end, plan_years, previous_plan


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [("八五", 1991, 1995), ("九五", 1996, 2000), ("十三五", 2016, 2020), ("十五五", 2026, 2030)],
)
def test_a_plan_covers_five_years(name: str, first: int, last: int) -> None:
    assert list(plan_years(name)) == list(range(first, last + 1))
    assert plan_end(name) == last


def test_the_plan_before() -> None:
    assert previous_plan("十四五") == "十三五"
    assert previous_plan("十二五") == "十一五"
    assert previous_plan("十一五") == ""  # 十五 is no name read (it is also fifteen)
    assert plan_end("十五") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("“十四五”时期", "十四五"),
        ("“十五五”规划", "十五五"),
        ("八五期间国民生产总值年均增长", "八五"),
        ("深入推进“八五”普法", None),  # a legal-education campaign, not a plan
        ("第二十八五金", None),  # inside a longer numeral
    ],
)
def test_a_plan_named_in_a_text(text: str, found: str | None) -> None:
    m = PLAN_NAME.search(text)
    assert (m.group(1) if m else None) == found
