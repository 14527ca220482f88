"""corpus.normalize: the matching form keeps every offset of the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.normalize import canonical_number_text, normalize, script_of, squash

# Alphabets that stress the fold: traditional Han, full-width forms, emoji,
# CJK extension A/B (ext B is outside the BMP), compatibility ideographs,
# combining marks and characters whose lower case is longer (İ).
TRADITIONAL = "學區發經濟與機構開這個們體術實設計劃專產務縣業國際臺灣龍門"
FULLWIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000"
EMOJI = "😀🎉👍🏽🇨🇳👨‍👩‍👧"
CJK_EXT = "\u3400\u4db5\U00020000\U0002a6d6\U00030000\uf900\ufa2d"
ODD = "İßﬁ\u0301\u200b\u00a0\u2014\u2013\u201c\u201d\u2018\u2019\u3014\u3015\u3008\u3009〜\r\n\t"

mixed_text = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(TRADITIONAL + FULLWIDTH + EMOJI + CJK_EXT + ODD),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_normalize_is_char_by_char(text: str) -> None:
    """Each character folds independently, so slicing commutes with normalising."""
    norm = normalize(text)
    assert "".join(normalize(c) for c in text) == norm
    if text:
        mid = len(text) // 2
        assert normalize(text[:mid]) == norm[:mid]


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("學區發經濟與機構", "学区发经济与机构"),
        ("余杭區科技局", "余杭区科技局"),
        ("國家高新技術企業", "国家高新技术企业"),
        ("ＡＢＣ１２３", "abc123"),
        ("（一）", "(一)"),
        ("，；：！？", ",;:!?"),
        ("R&D", "r&d"),
        ("Ｒ＆Ｄ经费", "r&d经费"),
        ("杭科领办〔2024〕1号", "杭科领办(2024)1号"),
        ("\u3000a\u00a0b", " a b"),
        ("\u2003\u2003(一)聚力\u2002a", "  (一)聚力 a"),  # em and en spaces
        ("“315”", '"315"'),
        ("2021—2025", "2021-2025"),
    ],
)
def test_normalize_folds(original: str, expected: str) -> None:
    assert normalize(original) == expected


@pytest.mark.parametrize("text", ["😀🎉", "\U00020000\U0002a6d6", "简体中文不变", "abc 123"])
def test_normalize_leaves_other_text_alone(text: str) -> None:
    assert normalize(text) == text


def test_normalize_does_not_lowercase_non_ascii() -> None:
    # "İ".lower() is two characters; folding it would break the length invariant.
    assert normalize("İ") == "İ"


def test_script_of() -> None:
    assert script_of("余杭區2021年科技創新工作回顧,縱深推進創新余杭建設") == "繁"
    assert script_of("余杭区2023年科技创新工作总结,纵深推进创新余杭建设") == "简"
    assert script_of("abc 123") == "简"
    assert script_of("") == "简"


def test_squash_and_numbers() -> None:
    assert squash(" 637 家 \n") == "637家"
    assert squash("１，２３４　万元") == "1,234万元"
    assert canonical_number_text("投入1,234.5万元") == "投入1234.5万元"
    assert canonical_number_text("1,2345") == "1,2345"  # not a thousands separator


def test_kangxi_radicals_and_compatibility_ideographs_fold_length_preserving() -> None:
    # PDF text layers write 高 as the Kangxi radical ⾼ (U+2FBC) and 新 as ⽄-like forms.
    text = "新增\u2fbc新技术企业637家，\uf9a8"
    out = normalize(text)
    assert len(out) == len(text)
    assert out.startswith("新增高新技术企业637家,")
    assert out[-1] == unicodedata.normalize("NFKC", "\uf9a8")


def test_shown_escapes_what_is_not_printable_text() -> None:
    from corpus.normalize import first_surrogate, shown

    assert shown("余杭\udcff\udcfe") == "余杭\\xff\\xfe"  # bytes kept by surrogateescape
    assert shown("余\ud800") == "余\\ud800"  # a lone surrogate
    assert shown("\x1b[31m余\x85") == "\\x1b[31m余\\x85"  # control characters
    assert first_surrogate("余杭") == -1 and first_surrogate("余\ud800") == 1


def test_fold_table_filled_on_first_sight_is_the_whole_table() -> None:
    """The table fills itself character by character; every character folds as the
    table built whole up front did (the ranges through _fold_char, _EXTRA on top, any
    other space " ", everything else unchanged)."""
    import unicodedata

    from corpus import normalize as nm

    whole: dict[int, str] = {}
    for lo, hi in nm._RANGES:
        for code in range(lo, hi):
            whole[code] = nm._fold_char(chr(code))
    for ch, repl in nm._EXTRA.items():
        whole[ord(ch)] = repl
    probe = [*whole, *range(0x20, 0x3000), *range(0x1F300, 0x1F340), 0x20000, 0x2A6D6]
    for code in probe:
        other = " " if unicodedata.category(chr(code)) == "Zs" else chr(code)
        assert normalize(chr(code)) == whole.get(code, other), hex(code)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("一九五七年全国工业", "1957年全国工业"),
        ("二〇〇一年", "2001年"),
        ("二○○一年", "2001年"),  # a circle for zero
        ("二O一二年政府工作报告", "2012年政府工作报告"),  # a Latin O typed for zero
        ("二o一二", "二o一二"),  # no 年: no year
        ("一九七八——一九八五年规划", "1978--1985年规划"),  # a span: both years
        ("九五年", "九五年"),  # two digits say no century
        ("一九五七", "一九五七"),  # no 年: a count, not a year
        ("三十九年", "三十九年"),
    ],
)
def test_years_in_chinese_digits_read_in_arabic(text: str, folded: str) -> None:
    assert normalize(text) == folded
    assert len(normalize(text)) == len(text)
