"""answer.from_year: two years' figures a sentence gives as a change from one to the other."""

from __future__ import annotations

from answer.from_year import years_from_to
from answer.model import Citation
from answer.results import Result
from retrieval.query import parse_query

SENT = "因此,我们在一九五八年增产钢铁,使钢产量由一九五七年的五百三十五万吨增长到一千一百零八万吨。"


def _result(quote: str, span: str) -> Result:
    at = quote.index(span)
    cited = Citation("d", "", "", quote, 100, 100 + len(quote), 100 + at, 100 + at + len(span))
    return Result(True, span, cited, None)


def _parts(question: str):  # type: ignore[no-untyped-def]
    from retrieval.parts import split_parts

    return split_parts(parse_query(question))


def test_the_figure_after_you_is_its_years_and_after_dao_the_sentences_years() -> None:
    parts = _parts("钢产量1957年和1958年分别是多少")
    found = _result(SENT, "使钢产量由一九五七年的五百三十五万吨增长到一千一百零八万吨")
    missed = Result(False, "", None, None)
    split = years_from_to(parts, [found, missed])
    assert split is not None
    assert [r.span for r in split] == ["五百三十五万吨", "一千一百零八万吨"]
    for r in split:
        c = r.citation
        assert c is not None and SENT[c.span_start - 100 : c.span_end - 100] == r.span


def test_no_split_when_the_sentence_does_not_speak_of_the_other_year() -> None:
    parts = _parts("钢产量1957年和1959年分别是多少")
    found = _result(SENT, "五百三十五万吨")
    assert years_from_to(parts, [found, Result(False, "", None, None)]) is None
    one = _parts("1958年钢产量和煤产量分别是多少")
    assert years_from_to(one, [found, found]) is None  # not one year each


def test_a_change_written_across_a_comma_to_a_named_year() -> None:
    sent = (
        "全国粮食总产量,即从一九五五年的三千四百九十六亿斤,增加到了一九五九年的五千四百零一亿斤。"
    )
    parts = _parts("全国粮食总产量1955年和1959年分别是多少")
    found = _result(sent, "三千四百九十六亿斤")
    split = years_from_to(parts, [found, Result(False, "", None, None)])
    assert split is not None and [r.span for r in split] == [
        "三千四百九十六亿斤",
        "五千四百零一亿斤",
    ]


def test_the_figure_a_sentence_compares_with_answers_that_years_part() -> None:
    from answer.from_year import base_figures

    sent = (
        "一九五九年基本建设投资,拟定为二百七十亿元,比一九五八年的二百一十四亿元增长百分之二十六。"
    )
    parts = _parts("基本建设投资1958年实际和1959年拟定各是多少")
    answered = _result(sent, "拟定为二百七十亿元")
    filled = base_figures(parts, [Result(False, "", None, None), answered])
    assert filled is not None and [r.span for r in filled] == [
        "二百一十四亿元",
        "拟定为二百七十亿元",
    ]
    c = filled[0].citation
    assert c is not None and sent[c.span_start - 100 : c.span_end - 100] == "二百一十四亿元"
    assert base_figures(parts, [answered, answered]) is None  # both answered: left alone


def test_a_year_compared_with_another_changes_the_figure_from_its_to_the_first_years() -> None:
    sent = "1986年同1978年相比,国民生产总值由3480亿元增加到9380亿元,增长102%;"
    parts = _parts("1986年和1978年的国民生产总值分别是多少")
    found = _result(sent, "国民生产总值由3480亿元增加到9380亿元")
    split = years_from_to(parts, [found, found])
    assert split is not None
    assert [r.span for r in split] == ["9380亿元", "3480亿元"]  # 1986's reached, 1978's from
    assert years_from_to(_parts("1986年和1980年的国民生产总值分别是多少"), [found, found]) is None


def test_a_change_from_last_year_gives_the_earlier_of_two_running_years_its_first_figure() -> None:
    sent = "今年政府对农业的投资比重由去年的百分之十点七提高到百分之十四。"
    found = _result(sent, "由去年的百分之十点七提高到百分之十四")
    split = years_from_to(_parts("农业投资比重1978年是多少、1979年提高到多少"), [found, found])
    assert split is not None and [r.span for r in split] == ["百分之十点七", "百分之十四"]
    apart = _parts("农业投资比重1975年是多少、1979年提高到多少")
    assert years_from_to(apart, [found, found]) is None  # not a year apart: not 去年's


def test_the_year_reached_may_be_the_one_the_sections_heading_names() -> None:
    parts = _parts("成套设备由国内制造的比重,1957年和1958年各是多少")
    quote = "由国内制造的部分,将由一九五七年的百分之四十二左右,提高到百分之六十左右。"
    at = quote.index("百分之四十二")
    headed = Citation("d", "", "(三)一九五八年国民经济计划的安排", quote, 0, len(quote), at, at + 6)
    split = years_from_to(
        parts, [Result(True, "百分之四十二", headed, None), Result(False, "", None, None)]
    )
    assert split is not None
    assert [r.span for r in split] == ["百分之四十二左右", "百分之六十左右"]  # with their bound
    unheaded = Citation("d", "", "", quote, 0, len(quote), at, at + 6)
    missed = Result(False, "", None, None)
    assert years_from_to(parts, [Result(True, "百分之四十二", unheaded, None), missed]) is None


def test_a_span_of_years_before_a_change_gives_its_first_year_the_figure_after_you() -> None:
    sent = "2003年到2023年,全市地区生产总值由103.97亿元增加到1117.56亿元,规模扩大了9.8倍;"
    found = _result(sent, "全市地区生产总值由103.97亿元增加到1117.56亿元")
    split = years_from_to(_parts("甲市地区生产总值2003年和2023年分别是多少"), [found, found])
    assert split is not None and [r.span for r in split] == ["103.97亿元", "1117.56亿元"]
    other = _parts("甲市地区生产总值2003年和2013年分别是多少")
    assert years_from_to(other, [found, found]) is None  # the span's years only


def test_a_change_asked_from_one_figure_to_another_is_read_from_either_parts_clause() -> None:
    from answer.twice import from_to

    sent = "十二五期间,人均生产总值由14112元提高到26024元以上。"
    strayed = _result("全年生猪存栏在50万头以上。", "存栏在50万头以上")
    found = _result(sent, "人均生产总值由14112元提高到26024元以上")
    q = parse_query("十二五期间人均GDP从多少提到了多少？").norm
    for first, second in ((strayed, found), (found, found)):
        split = from_to(q, first, second)
        assert split is not None and [r.span for r in split] == ["14112元", "26024元以上"]
    assert from_to(q, strayed, strayed) is None  # no clause gives a change
    assert from_to(parse_query("人均GDP和财政收入各是多少").norm, found, found) is None
