"""corpus.numerals: Chinese numerals, small and large."""

from __future__ import annotations

import pytest

from corpus.numerals import cn_number, cn_scaled, cn_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三千七百", 3700),
        ("二亿七千八百零九万三千一百", 278_093_100),
        ("八十五点八八", 85.88),
        ("一百零五", 105),
        ("十五", 15),
        ("一九五七", None),  # digits read one by one: a year, no count
        ("甲", None),
    ],
)
def test_cn_value(text: str, value: float | None) -> None:
    assert cn_value(text) == value


def test_cn_scaled_gives_the_value_before_each_multiplier() -> None:
    assert 3700 in cn_scaled("三千七百亿")
    assert 55 in cn_scaled("五十五万")
    assert cn_scaled("一九五七") == ()
    assert 500 in cn_scaled("百分之五百")


def test_cn_number_small() -> None:
    assert cn_number("三") == 3 and cn_number("二十四") == 24 and cn_number("6") == 6
