"""answer.term_forms: a term written otherwise (made-up words)."""

from __future__ import annotations

from answer.signals import Term
from answer.term_forms import (
    first_forms,
    shared_head_written,
    spelled_out,
    town_and_country,
    yearly_forms,
)


def test_a_compound_named_around_its_count_is_spelled_out() -> None:
    # the thing counted, its count, then its amount with a character more in its head
    spelled = spelled_out("甲乙合同成交额", ("甲乙", "合同", "成交", "成交额"))
    assert spelled is not None
    assert spelled.search("签订各类甲乙合同1748项,成交金额74.4亿元")
    assert spelled.search("甲乙合同12个,成交额3亿元")
    assert not spelled.search("甲乙合同1748项,丙丁成交金额74.4亿元")  # another thing's amount
    assert not spelled.search("甲乙合同很多,成交金额74.4亿元")  # no count between


def test_a_yearly_amount_is_written_with_nian_du() -> None:
    assert yearly_forms("年收入") == ("年度收入",)
    assert yearly_forms("年产值") == ("年度产值",)
    assert yearly_forms("年均") == ()  # an average, no yearly amount
    assert yearly_forms("年底") == ()
    assert yearly_forms("收入") == ()


def test_town_and_country_is_what_chengxiang_writes() -> None:
    assert town_and_country("城乡居民收入") == ("城镇居民收入", "农村居民收入")
    assert town_and_country("城乡") is None
    assert town_and_country("城镇居民") is None


def test_a_term_is_written_as_one_of_a_series_sharing_its_head() -> None:
    pieces = ("甲技", "技术", "制造", "甲技术", "制造业", "增加值")
    term = "甲技术制造业增加值"
    assert shared_head_written(term, pieces, "甲技术制造业、乙备制造业增加值分别增长9.5%、10.7%")
    assert shared_head_written(term, pieces, "甲技术制造业和乙备制造业增加值增长")
    # a series of other things, or the head far away, writes no term
    assert not shared_head_written(term, pieces, "乙备制造业、丙制造业增加值分别增长")
    assert not shared_head_written(term, pieces, "甲技术制造业发展很快,农业增加值增长")


def test_an_amount_term_is_written_as_its_words_and_an_amount_of_money() -> None:
    from answer.term_forms import amount_stems

    # the term's words and its synonyms' (技术合同交易额) without 额
    assert "技术合同交易" in amount_stems("技术合同成交额")
    assert amount_stems("研发投入") == ()  # no amount term
    spelled = spelled_out("技术合同成交额", ("技术", "合同", "成交", "成交额"))
    assert spelled is not None
    assert spelled.search("技术合同交易完成769项、31.6亿元")
    assert not spelled.search("技术合同交易完成769项")  # a count is no amount


def test_an_amount_terms_words_are_matched_as_the_canonical_text_writes_them() -> None:
    from answer.term_forms import amount_stems
    from index.text import canonicalize

    # "技术交易" is canonical 技术合同: a clause's canonical text writes that
    assert "技术合同" in amount_stems("技术合同成交额")
    spelled = spelled_out("技术合同成交额", ("技术", "合同", "成交", "成交额"))
    assert spelled is not None and spelled.search(canonicalize("完成技术交易16.8亿元"))


def test_a_one_character_modifier_may_join_its_noun_with_de() -> None:
    spelled = spelled_out("新进展")
    assert spelled is not None
    assert spelled.search("在甲、乙等方面取得新的进展")
    assert not spelled.search("取得新的重大进展")  # more than 的 between
    longer = spelled_out("新进展甲")  # (only a three-character term)
    assert longer is not None and not longer.search("新的进展甲")


def test_a_measure_is_written_as_a_figure_in_its_unit() -> None:
    spelled = spelled_out("面积")
    assert spelled is not None
    assert spelled.search("完成甲乙林31.71万亩")
    assert spelled.search("建成厂房2000平方米")
    assert not spelled.search("完成甲乙林31.71万元")
    # an amount by its money, an output by its weight
    amount, output = spelled_out("金额"), spelled_out("产量")
    assert amount is not None and output is not None
    assert amount.search("技术合同交易完成769项、31.6亿元")
    assert not amount.search("技术合同交易完成769项")
    assert output.search("生产煤炭6470万吨")
    assert not output.search("生产煤炭企业12家")
    # what a compound measures, then its figure in the unit, in digits or words
    steel = spelled_out("钢产量", ("钢", "产量"))
    assert steel is not None
    assert steel.search("钢二百十七万吨,等于1949年的十三点七倍")
    assert steel.search("钢5205万吨")
    assert not steel.search("钢材五百万吨") and not steel.search("钢二百十七万元")


def test_a_term_shortening_a_series_by_its_initials_is_spelled_out() -> None:
    # "教科文卫": 教育、科学、文化、卫生
    spelled = spelled_out("教科文卫")
    assert spelled is not None
    assert spelled.search("用于发展教育、科学、文化和卫生事业的经费")
    assert not spelled.search("用于发展教育、体育和卫生事业的经费")


def test_the_first_of_a_kind_is_written_either_way() -> None:
    assert first_forms("第一部") == ("首部",)
    assert first_forms("首家") == ("第一家",)
    assert first_forms("首都") == ()  # no count
    assert first_forms("第一") == ()
    term = Term("第一部", 4.0, forms=first_forms("第一部"))
    assert term.credit("颁布全国首部省级甲乙条例") >= 1
