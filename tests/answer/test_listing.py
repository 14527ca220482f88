"""answer.listing: a series closed by 等, and whole item sentences (made-up text)."""

from __future__ import annotations

from answer.listing import series
from corpus.normalize import normalize


def _items(text: str) -> list[str]:
    norm = normalize(text)
    return [norm[s:e] for s, e in series(norm, 0, len(norm))]


def test_a_series_closed_by_deng_starts_after_the_word_introducing_it() -> None:
    text = "鼓励有条件的甲、乙通过担保奖补、风险补偿、贷款贴息等方式,提供支持。"
    assert _items(text) == ["担保奖补", "风险补偿", "贷款贴息"]
    assert _items("聚焦生命健康、新材料、数字经济等领域先发优势。") == [
        "生命健康",
        "新材料",
        "数字经济",
    ]


def test_no_series_without_deng_or_with_two_items() -> None:
    assert _items("建设甲园区、乙园区和丙园区。") == []
    assert _items("支持甲、乙等单位。") == []
