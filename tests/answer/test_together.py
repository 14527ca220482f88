"""Figures of one sentence shared out among the parts of a question (made-up sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from answer.results import Result, quote_of
from answer.signals import Signals, Term
from answer.together import (
    assign,
    breakdown,
    labelled_figures,
    own_score,
    read_labels,
    same_scope,
    span_of,
    strayed,
)
from corpus.model import Document
from corpus.normalize import normalize
from retrieval.parts import split_parts
from retrieval.query import parse_query


def _parts(question: str) -> list:
    return split_parts(parse_query(question))


def _assigned(question: str, sentence: str) -> list[str] | None:
    norm = normalize(sentence)
    got = assign(_parts(question), norm)
    return None if got is None else [sentence[slice(*span_of(f))] for f in got]


def test_each_figure_is_read_with_its_own_label() -> None:
    norm = normalize("新增示范企业超30家、总数超210家,其中省级12家。")
    labels = [norm[f.start : f.end] for f, _ in labelled_figures(norm)]
    assert labels == ["新增示范企业超30家", "总数超210家", "省级12家"]  # 其中 is no label


def test_two_figures_of_one_subject_each_to_its_part() -> None:
    got = _assigned(
        "甲市2023年新增示范企业多少家，总数到了多少", "新增示范企业超30家、总数超210家。"
    )
    assert got == ["新增示范企业超30家", "总数超210家"]


def test_the_order_of_the_sentence_need_not_be_the_questions() -> None:
    sentence = "认定创新型小企业401家,新增示范企业26家。"
    got = _assigned("乙市2023年新增示范企业几家，认定创新型小企业多少家", sentence)
    assert got == ["新增示范企业26家", "认定创新型小企业401家"]


def test_a_growth_goes_with_the_figure_just_before_it() -> None:
    sentence = "认定示范园区500家、增长28.2%,认定示范企业245家、增长23.3%。"
    got = _assigned("丙市2023年认定示范企业多少家，比上年增长多少", sentence)
    assert got == ["认定示范企业245家", "增长23.3%"]


def test_a_figure_naming_no_subject_continues_the_one_before() -> None:
    sentence = "新增示范企业备案11家,保有量达67家,认定创新型小企业92家。"
    got = _assigned("丁市2023年示范企业保有量多少家?认定创新型小企业多少家?", sentence)
    assert got == ["保有量达67家", "认定创新型小企业92家"]


def test_read_labels_carry_the_subject_only_into_bare_figures() -> None:
    norm = normalize("研发经费投入总量增长16%、强度达1.91%,新增示范企业30家")
    labels = read_labels(norm, labelled_figures(norm))
    assert labels == [
        "研发经费投入总量增长16%",
        "研发经费投入总量增长强度达1.91%",
        "新增示范企业30家",
    ]


def test_a_bare_change_is_no_amount_of_the_subject_before_it() -> None:
    sentence = "示范产业实现增加值187.8亿元,同比增长16.4%,增幅居全市第5位。"
    got = _assigned("戊区21年示范产业增加值多少?增幅全市排第几", sentence)
    assert got == ["示范产业实现增加值187.8亿元", "增幅居全市第5位"]


def test_a_part_asking_a_level_takes_the_figure_of_that_level() -> None:
    sentence = "认定示范企业15家以上,培育省级研究中心3个以上、市级研究中心15个。"
    got = _assigned("己市2017年计划认定多少家示范企业?市级研究中心要培育几个?", sentence)
    assert got == ["认定示范企业15家", "市级研究中心15个"]


def test_a_part_asking_only_with_a_verb_finds_its_figure() -> None:
    got = _assigned("丁市2023年示范企业增长了多少，达到多少家", "示范企业增长20%,达到162家。")
    assert got == ["示范企业增长20%", "达到162家"]


def test_no_assignment_when_a_part_names_no_figure_of_the_sentence() -> None:
    assert _assigned("甲市2023年新增示范企业多少家，总数到了多少", "新增示范企业超30家。") is None
    assert assign(_parts("甲市2023年新增示范企业多少家"), normalize("新增示范企业30家")) is None


def test_the_unit_each_part_expects_decides() -> None:
    sentence = "示范企业减免额达4.6亿元,同比增长39.1%,园区减免额达2.1亿元,同比增长25.6%。"
    got = _assigned("戊区2020年示范企业减免额和园区减免额，同比各增长了多少", sentence)
    assert got == ["同比增长39.1%", "同比增长25.6%"]


@given(st.lists(st.integers(1, 999), min_size=2, max_size=5))
def test_labels_never_overlap_and_end_at_their_figure(values: list[int]) -> None:
    norm = "、".join(f"指标{'甲乙丙丁戊'[i]}达{v}家" for i, v in enumerate(values))
    found = labelled_figures(norm)
    assert len(found) == len(values)
    ends = [0] + [f.end for f, _ in found]
    for (f, m), previous_end in zip(found, ends, strict=False):
        assert previous_end <= f.start <= f.value < f.end and norm[f.value : f.end] == m.group(0)


def test_own_score_reads_only_the_parts_own_words() -> None:
    first, second = _parts("甲市2023年新增示范企业多少家，总数到了多少")
    assert own_score(second, normalize("总数超210家")) > own_score(
        second, normalize("新增示范企业超30家")
    )
    assert own_score(first, normalize("新增示范企业超30家")) > 0


def test_a_breakdown_the_question_names_is_its_answer() -> None:
    sent = normalize("全年15项成果获省示范奖,其中一等奖6项,二等奖9项。")
    chosen = (sent.index("15"), sent.index("奖") + 1)
    found = breakdown(normalize("甲区获省示范奖的成果里一等奖有几项"), sent, chosen)
    assert found is not None and sent[slice(*span_of(found))] == "一等奖6项"
    assert breakdown(normalize("甲区获省示范奖的成果有几项"), sent, chosen) is None


def test_a_part_naming_no_period_shares_the_others() -> None:
    assert same_scope(_parts("甲区今年1-5月示范投资增速多少，全省排位怎么样"))
    assert not same_scope(_parts("甲区2022年和乙区2023年示范企业各多少家"))


def _answered_from(sentence: str) -> tuple[Result, dict[str, Document]]:
    doc = Document(doc_id="d", text=sentence, norm=normalize(sentence), title="", region="")
    return Result(True, sentence, quote_of(doc, "", 0, len(sentence), None), None), {"d": doc}


def test_a_part_answered_without_any_term_of_its_own_strayed() -> None:
    first, second = _parts("甲区示范平台现在有多少家?首批英才入选了多少人?")
    sig = Signals(tuple(Term(t, 4.0) for t in ("示范平台", "首批", "英才", "入选")), (), "")
    wrong, docs = _answered_from("12名个人入选首批英才计划。")
    assert strayed(first, sig, wrong, docs)
    assert not strayed(second, sig, wrong, docs)
    right, docs = _answered_from("示范平台突破30家。")
    assert not strayed(first, sig, right, docs)


def test_a_part_saying_no_term_of_its_own_never_strays() -> None:
    _first, second = _parts("甲区2023年新增示范企业多少家,达到多少")
    sig = Signals((Term("示范企业", 4.0), Term("新增", 2.0)), (), "")
    got, docs = _answered_from("总数达到210家。")
    assert not strayed(second, sig, got, docs)
    missing = Result(False, "", None, None)
    assert not strayed(second, sig, missing, docs)


def test_parts_answered_with_one_span_are_found_twice() -> None:
    from answer.model import Citation
    from answer.results import Result
    from answer.twice import answered_twice

    def cite(s: int, quote: str = "甲乙丙丁甲乙戊己庚") -> Citation:
        return Citation("d", "t", "", quote, 0, 9, s, s + 2, "", "", None, "")

    one, other = Result(True, "a", cite(1), None), Result(True, "b", cite(6), None)
    missed = Result(False, "", None, None)
    assert answered_twice([one, one, other]) == {0, 1}
    assert answered_twice([one, other, missed]) == set()
    # the same words stated twice in one document are one answer twice
    again = Result(True, "a", cite(4), None)  # 甲乙 at 4 as at 0; spans 乙丙 / 乙戊 differ
    assert answered_twice([Result(True, "a", cite(0), None), again]) == {0, 1}


def test_a_comparison_naming_no_place_keeps_to_the_first_answered_place() -> None:
    from answer.model import Citation
    from answer.twice import astray_places

    docs = {
        "n": Document(doc_id="n", text="x", norm="x", title="", region="全国", years=()),
        "c": Document(doc_id="c", text="x", norm="x", title="", region="甲市", years=()),
    }

    def answered(doc_id: str) -> Result:
        return Result(True, "x", Citation(doc_id, "", "", "x", 0, 1, 0, 1, "", "", None, ""), None)

    parts = _parts("98年和04年GDP分别增长了多少")
    assert astray_places(parts, [answered("n"), answered("c")], docs) == ("全国", [1])
    assert astray_places(parts, [answered("n"), answered("n")], docs) == ("全国", [])
    named = _parts("驻马店98年和04年GDP分别增长了多少")
    assert astray_places(named, [answered("n"), answered("c")], docs) == ("", [])


def test_a_comparison_naming_one_document_keeps_to_the_one_the_name_fits() -> None:
    from answer.model import Citation
    from answer.twice import astray_documents
    from corpus.document import parse_text

    docs = {
        "g": parse_text("甲示范标准体系建设指南\n一、目标\n到2031年制修订150项标准。\n", "g"),
        "h": parse_text("乙车联网标准体系建设指南\n一、目标\n全面落实。\n", "h"),
    }

    def answered(doc_id: str) -> Result:
        return Result(True, "x", Citation(doc_id, "", "", "x", 0, 1, 0, 1, "", "", None, ""), None)

    missed = Result(False, "", None, None)
    name = "甲示范标准体系建设指南"
    assert astray_documents(name, [answered("h"), answered("g")], docs) == ("g", [0])
    assert astray_documents(name, [missed, answered("g")], docs) == ("g", [0])
    assert astray_documents(name, [answered("g"), answered("g")], docs) == ("", [])
    assert astray_documents("", [answered("h"), answered("g")], docs) == ("", [])
    # a name fitting none of the documents answering keeps the answers as they are
    assert astray_documents("丙城市更新行动方案", [answered("h"), answered("g")], docs) == ("", [])


def test_a_part_asking_a_length_of_years_reads_the_years_a_sentence_counts() -> None:
    from answer.together import assign, labelled_figures

    norm = "上海港集装箱吞吐量达到5506.3万标准箱、连续16年排名世界第一"
    figures = [norm[f.start : f.end] for f, _m in labelled_figures(norm)]
    assert "连续16年" not in figures  # 年 alone writes dates
    assert "连续16年" in [norm[f.start : f.end] for f, _m in labelled_figures(norm, ["duration"])]
    q = parse_query("上海2025年港口集装箱吞吐量是多少？连续几年世界第一了？")
    got = assign(split_parts(q), norm)
    assert got is not None
    assert [norm[f.start : f.end] for f in got] == [
        "上海港集装箱吞吐量达到5506.3万标准箱",
        "连续16年",
    ]


def test_items_asked_in_turn_take_the_figures_fenbie_pairs_with_them() -> None:
    got = _assigned(
        "丽水24年二产、三产增加值增速目标各定的多少?",
        "地区生产总值增长6%左右,其中,一产、二产、三产增加值分别增长4%、7.5%、6.2%左右。",
    )
    assert got == ["7.5%", "6.2%"]


def test_figures_joined_by_he_pair_with_their_items_when_the_move_is_asked() -> None:
    from answer.together import _respective

    norm = normalize("城镇居民人均可支配收入、农民人均纯收入年均增长8%和5%左右。")
    grew = split_parts(parse_query("丁市城镇居民人均可支配收入和农民人均纯收入年均各增长多少"))
    got = _respective(grew, norm)
    assert got is not None and [norm[f.start : f.end] for f in got] == ["8%", "5%"]
    # amounts asked ("各是多少"): growth rates are none of them
    amounts = split_parts(parse_query("丁市城镇居民人均可支配收入和农民人均纯收入各是多少"))
    assert _respective(amounts, norm) is None


def test_a_change_asked_by_what_it_reached_gives_the_figure_after_zhi() -> None:
    norm = normalize("将制造业等行业现行16%的税率降至13%,将交通运输业等行业现行10%的税率降至9%。")
    parts = split_parts(parse_query("丁国增值税改革后制造业和交通运输业的税率分别降到多少"))
    got = assign(parts, norm)
    assert got is not None and [norm[f.value : f.end] for f in got] == ["13%", "9%"]
    # asked what they were: the figures they started from
    was = split_parts(parse_query("丁国制造业和交通运输业的现行税率各是多少"))
    got = assign(was, norm)
    assert got is not None and [norm[f.value : f.end] for f in got] == ["16%", "10%"]


def test_a_figure_the_question_writes_itself_is_no_parts_answer() -> None:
    from answer.together import _given

    parts = split_parts(
        parse_query("甲区服务券,上年营收50亿以上的企业和高校每年补贴上限分别是多少?")
    )
    assert _given("50 亿元", parts) and not _given("50 万元", parts)
    assert not _given("200 万元", parts)


def test_years_paired_with_figures_answer_the_part_of_each_year() -> None:
    from answer.together import _respective

    parts = _parts("甲省《某产业行动计划(2031-2032年)》提出2031年和2032年全省产业营收分别突破多少?")
    norm = normalize("全省产业营收年均增长10%以上,2031年、2032年分别突破2.2万亿元、2.4万亿元")
    got = _respective(parts, norm)
    assert got is not None
    by_year = {p.years: norm[f.start : f.end] for p, f in zip(parts, got, strict=True)}
    assert by_year == {(2031,): "2.2万亿元", (2032,): "2.4万亿元"}
