"""answer.cjk_pattern: a Chinese character's class that compiles at once, matching
where [一-鿿] matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from answer.cjk_pattern import CJK, CJK_RANGE, cjk_pattern, masked
from answer.term_forms import _spelled, amount_stems

# Chinese characters, and word characters of other scripts a report may hold
_ALPHABET = "技术合同成交额研发投入强度在校学生的和、万亿元项家" + "〇Ⅱ①ａＡ１カαé_aZ09.,，。 \n"


def test_other_word_characters_are_masked_one_for_one() -> None:
    text = "二〇二三年第Ⅱ批ａ类,研发5G"
    out = masked(text)
    assert len(out) == len(text)
    assert out == "二\x00二三年第\x00批\x00类,研发5G"


def test_a_gap_of_chinese_characters_skips_other_scripts() -> None:
    pattern = cjk_pattern(lambda cjk: f"技术{cjk}{{1,2}}合同", "技术合同")
    assert pattern.masks
    assert pattern.search("技术交易合同") is not None
    assert pattern.search("技术〇合同") is None  # 〇 is a word character, not in [一-鿿]
    assert pattern.search("技术Ⅱ合同") is None
    assert pattern.search("技术1合同") is None


def test_a_pattern_naming_a_masked_character_is_written_with_the_range() -> None:
    pattern = cjk_pattern(lambda cjk: f"二〇{cjk}", "二〇")
    assert not pattern.masks
    assert pattern.search("二〇二三") is not None


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=30),
    st.sampled_from(["技术合同成交额", "研发投入强度", "在校学生", "成交额"]),
)
def test_a_terms_forms_match_exactly_where_the_range_written_ones_do(text: str, term: str) -> None:
    pieces = {"技术合同成交额": ("技术合同", "成交额"), "研发投入强度": ("研发", "投入", "强度")}
    cut = pieces.get(term, ())
    stems = amount_stems(term)
    slow = re.compile(_spelled(term, cut, stems, CJK_RANGE))
    fast = cjk_pattern(lambda cjk: _spelled(term, cut, stems, cjk), term + "".join(stems))
    want, got = slow.search(text), fast.search(text)
    assert (want and want.span()) == (got and got.span())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_the_class_in_masked_text_is_the_range(text: str) -> None:
    want = [m.span() for m in re.finditer(CJK_RANGE, text)]
    assert [m.span() for m in re.finditer(CJK, masked(text))] == want
