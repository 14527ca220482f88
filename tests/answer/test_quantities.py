"""answer.quantities: durations and ordinals a question may ask, on made-up clauses."""

from __future__ import annotations

from answer.quantities import figures_for, numbers_in, unit_matches


def test_a_number_of_years_is_a_duration_where_a_year_is_a_date() -> None:
    text = "智能制造示范工厂有效期为3年,自2023年起"
    assert [m.group(0) for m in numbers_in(text)] == []  # 年 alone writes dates
    found = figures_for("duration", text)
    assert [m.group(0) for m in found] == ["3年"]
    assert unit_matches("duration", found[0])
    # a year's point is no length ("23年底"), nor a decade ("80年代")
    assert figures_for("duration", "到23年底建成,80年代以来") == []
    # other units read only what numbers_in reads
    assert figures_for("count", text) == numbers_in(text)


def test_a_place_in_a_series_is_an_ordinal_not_a_count() -> None:
    text = "已经国家医疗保障局第53次局长办公会审议通过,共3次"
    found = figures_for("ordinal", text)
    assert [m.group(0) for m in found if unit_matches("ordinal", m)] == ["53次"]
    # the count "3次" is no ordinal
    assert [m.group(0) for m in found if not unit_matches("ordinal", m)] == ["3次"]
    # a Chinese ordinal ("第九届") is read too
    assert [m.group(0) for m in figures_for("ordinal", "第九届中国智慧城市大会")] == ["九届"]


def test_a_count_of_aspects_answers_no_question_asking_no_unit() -> None:
    (m,) = numbers_in("从三个方面发力推动产业发展")
    assert not unit_matches("", m)
    assert unit_matches("count", m)  # "从几个方面": a count asked
    (n,) = numbers_in("信息经济规模达到18万亿元")
    assert unit_matches("", n)


def test_a_chinese_numeral_stops_where_a_unit_starting_with_qian_begins() -> None:
    from answer.quantities import numbers_in, unit_of

    found = [(m.group(0), unit_of(m)) for m in numbers_in("功率为七千千瓦的重水型反应堆")]
    assert found == [("七千千瓦", "千瓦")]
    found = [(m.group(1), unit_of(m)) for m in numbers_in("装机容量达到三千万千瓦")]
    assert found == [("三千", "万千瓦")]
    assert [m.group(0) for m in numbers_in("钢产量一千零七十万吨")] == ["一千零七十万吨"]


def test_a_percentage_in_chinese_numerals_states_the_figure_and_unit() -> None:
    from answer.quantities import states_in_numerals

    sent = "国民经济增长速度由原定平均每年百分之六调高到百分之八至九。"
    assert states_in_numerals(sent, "6", "%") and states_in_numerals(sent, "8", "%")
    assert states_in_numerals(sent, "9", "%")  # the range's second bound
    assert not states_in_numerals(sent, "7", "%")
    assert not states_in_numerals("今年增长六个月", "6", "%")


def test_an_amount_in_chinese_numerals_states_it_with_the_multiplier_its_unit_writes() -> None:
    from answer.quantities import states_in_numerals

    sent = "甲市各单位的二十七座楼房因此多花了三百六十万元。"
    assert states_in_numerals(sent, "360", "万元") and states_in_numerals(sent, "27", "座")
    assert not states_in_numerals(sent, "360", "亿元")


def test_a_questions_percentages_in_chinese_numerals_are_its_figures() -> None:
    from answer.quantities import cn_percents

    assert cn_percents("经济增速保持在百分之八到九?") == (("8", "9"), "经济增速保持在 ?")
    assert cn_percents("每年递增百分之五点四")[0] == ("5.4",)
    assert cn_percents("增长8%")[0] == ()


def test_a_growth_in_times_answers_a_growth_asked() -> None:
    from answer.quantities import figures_for, unit_matches

    grew = figures_for("%", "钢增长一点二倍")
    assert grew and unit_matches("%", grew[0])
    multiple = figures_for("%", "是2006年的3倍")
    assert not any(unit_matches("%", m) for m in multiple)


def test_models_and_kinds_are_counted() -> None:
    clause = "备案上线大模型105款、稳居全国首位"
    counted = [m.group(0) for m in figures_for("count", clause) if unit_matches("count", m)]
    assert counted == ["105款"]
    assert [m.group(0) for m in figures_for("count", "推出3种新模式")] == ["3种"]


def test_counted_figures_in_chinese_numerals_are_values_small_ones_name_things() -> None:
    from answer.quantities import cn_counts

    assert cn_counts("同我国建交的国家已经增加到五十个") == (("50",), "同我国建交的国家已经增加到 ")
    assert cn_counts("功率为七千千瓦的反应堆")[0] == ("7000",)
    assert cn_counts("三张清单和两个平台,十四五期间")[0] == ()  # small counts and plan names


def test_a_rate_per_thousand_spelled_out_is_a_rate() -> None:
    from answer.quantities import figures_for, unit_of

    (m,) = figures_for("%", "一九八五年要降到千分之五左右")
    assert m.group(0) == "千分之五" and unit_of(m) == "‰"


def test_digits_a_text_layer_spaces_apart_are_one_number() -> None:
    from answer.quantities import numbers_in

    assert [m.group(0) for m in numbers_in("授予专利权2 2 .4 万件")] == ["2 2 .4 万件"]
    assert [m.group(0) for m in numbers_in("国内生产总值7 4 7 7 2 亿元")] == ["7 4 7 7 2 亿元"]
    assert [m.group(0) for m in numbers_in("2023年新增50家")] == ["50家"]


def test_tenths_in_words_are_percentages_only_as_an_amount() -> None:
    from answer.quantities import cn_percents

    assert cn_percents("甲市宽带资费再降一成?")[0] == ("10",)  # "降一成": 10%
    assert cn_percents("占比近三成以上")[0] == ("30",)
    assert cn_percents("甲厂一成不变")[0] == ()  # no amount
    assert cn_percents("项目建成一期")[0] == ()


def test_computing_power_is_a_quantity_with_its_unit() -> None:
    from answer.quantities import numbers_in

    assert [m.group(0) for m in numbers_in("力争算力规模突破20万p、智算规模8.7万pf")] == [
        "20万p",
        "8.7万pf",
    ]
