"""answer.spans.respective_figure on made-up "A、B分别…X、Y" sentences."""

from __future__ import annotations

from collections.abc import Callable

from answer.extract import Candidate
from answer.signals import Signals, Term
from answer.spans import respective_figure, respective_items


def _sig(*terms: str) -> Signals:
    return Signals(tuple(Term(t, 1.0) for t in terms), (), "count")


def test_the_item_asked_gets_its_own_figure() -> None:
    norm = "孵化器、众创空间、加速器分别达到12家、30家、4家"
    found = respective_figure(_sig("众创空间"), norm)
    assert found is not None and norm[found[0] : found[1]] == "30家"


def test_no_pairing_when_items_and_figures_differ_in_number() -> None:
    assert respective_figure(_sig("众创空间"), "孵化器、众创空间分别达到12家") is None


def test_no_pairing_when_the_question_names_no_item() -> None:
    assert respective_figure(_sig("研究院"), "孵化器、众创空间分别达到12家、30家") is None


def test_no_pairing_without_fenbie() -> None:
    assert respective_figure(_sig("众创空间"), "孵化器12家、众创空间30家") is None


def test_a_parts_own_words_pick_its_item() -> None:
    norm = "国家、省级创新平台分别新增7家、23家"
    both = _sig("国家级", "省级", "创新平台")  # a part's terms hold the other part's words
    first = respective_figure(both, norm, focus="国家级")
    second = respective_figure(both, norm, focus="省级创新平台新增")
    assert first is not None and norm[first[0] : first[1]] == "7家"
    assert second is not None and norm[second[0] : second[1]] == "23家"


def test_a_parenthesis_before_the_items_lists_none() -> None:
    norm = "各省(区、市)推荐的示范场景和示范工厂分别不超过30个和10个"
    found = respective_figure(_sig("示范工厂"), norm)
    assert found is not None and norm[found[0] : found[1]] == "10个"


def test_figures_from_and_to_give_each_item_the_figure_it_reached() -> None:
    norm = "认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家"
    sig = Signals((Term("外资研发中心", 1.0),), (), "count")
    span = respective_figure(sig, norm)
    assert span is not None and norm[slice(*span)] == "636家"


def test_the_items_are_those_of_the_clause_before_fenbie() -> None:
    norm = (
        "主要预期目标是:地区生产总值增长6%左右,其中,一产、二产、三产增加值分别增长4%、7.5%、6.2%。"
    )
    pairs = respective_items(norm)
    assert pairs is not None
    assert [(item, m.group(0)) for item, m in pairs] == [
        ("一产", "4%"),
        ("二产", "7.5%"),
        ("三产", "6.2%"),
    ]


def test_the_words_after_the_last_item_are_every_items() -> None:
    # "三产增加值": 增加值 is said of every item, so it does not draw a question naming it
    norm = "一产、二产、三产增加值分别增长4%、7.5%、6.2%"
    found = respective_figure(_sig("二产", "增加值"), norm, focus="二产增加值增速")
    assert found is not None and norm[found[0] : found[1]] == "7.5%"


def test_items_of_like_length_keep_their_words() -> None:
    pairs = respective_items("孵化器、众创空间分别达到12家、30家")
    assert pairs is not None and [item for item, _ in pairs] == ["孵化器", "众创空间"]


def test_each_fenbie_pairs_its_own_clause_up_to_the_figures_end() -> None:
    from answer.spans import respective_sets

    norm = "地区生产总值增长6.2%,甲、乙、丙分别增长7.5%、7.0%、8.3%,丁收入分别增长5.6%。"
    found = respective_sets(norm)
    assert [[(item, m.group(0)) for item, m in pairs] for pairs in found] == [
        [("甲", "7.5%"), ("乙", "7.0%"), ("丙", "8.3%")]
    ]
    # the figures end with their clause: a later figure is another's
    later = "城镇、农村居民人均可支配收入分别达到74400元和47455元,城乡收入倍差缩小至1.57。"
    assert [m.group(0) for _, m in respective_sets(later)[0]] == ["74400元", "47455元"]


def test_town_and_country_residents_written_as_one() -> None:
    from answer.spans import respective_items

    pairs = respective_items("城乡居民人均可支配收入分别增长4.2%、6%")
    assert pairs is not None
    assert [(item, m.group(0)) for item, m in pairs] == [
        ("城镇居民人均可支配收入", "4.2%"),
        ("农村居民人均可支配收入", "6%"),
    ]


def test_the_citys_item_of_town_and_country_is_the_towns() -> None:
    from answer.spans import item_shared

    assert item_shared("城市低保", "城镇低保标准") > item_shared("城市低保", "农村低保标准")
    assert item_shared("城市更新城镇", "城镇低保标准") == 1  # 城镇 asked as written


def _whole_question_spans(
    question: str, text: str, candidates: Callable[[str], list[Candidate]]
) -> list[str] | None:
    """The parts' spans a 分别 sentence of ``text`` gives the whole question (None: none)."""
    from answer.together import respective_results
    from retrieval.parts import split_parts
    from retrieval.query import parse_query

    found = respective_results(split_parts(parse_query(question)), candidates(text))
    return None if found is None else [r.span for r in found]


def test_a_fenbie_sentence_answers_the_parts_only_when_it_speaks_of_what_each_asks(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    question = "甲规划里，中级法院建成二级业务专网、基层法院建成三级业务专网的比例分别是多少？"
    other = "规划\n主要业务覆盖率,中级法院和基层法院分别达到95%和70%以上。\n"
    assert _whole_question_spans(question, other, clause_candidates) is None  # 覆盖率 is no 专网
    own = "规划\n中级法院和基层法院分别建成二级业务专网和三级业务专网99%和97%。\n"
    assert _whole_question_spans(question, own, clause_candidates) == ["99%", "97%"]


def test_the_words_naming_the_document_are_not_what_a_fenbie_sentence_must_hold(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    question = "2016年政府工作报告提出“十三五”期间单位产值用水量、能耗分别要下降多少？"
    text = "报告\n今后五年,单位产值用水量、能耗分别下降23%、15%。\n"
    assert _whole_question_spans(question, text, clause_candidates) == ["23%", "15%"]


def test_items_and_figures_joined_by_he_pair_in_order() -> None:
    from answer.spans import joined_sets

    norm = "城镇新增就业1221万人,城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4%和11.4%。"
    (pairs,) = joined_sets(norm)
    assert [(item[:4], m.group(0)) for item, m in pairs] == [
        ("城镇居民", "8.4%"),
        ("农村居民", "11.4%"),
    ]
    # a 分别 sentence is respective_sets'; figures apart ("12家,…30家") join nothing
    assert joined_sets("孵化器和众创空间分别达到12家和30家") == []
    assert joined_sets("孵化器达到12家,众创空间达到30家") == []


def test_items_of_the_clause_before_pair_when_the_fenbie_clause_names_none() -> None:
    from answer.spans import respective_sets

    norm = "对新引进的应届博士、硕士,连续3年每年分别给予5000元、3000元的生活补贴"
    (pairs,) = respective_sets(norm)
    assert [(item[-2:], m.group(0)) for item, m in pairs] == [
        ("博士", "5000元"),
        ("硕士", "3000元"),
    ]
    # (not across a full stop: the sentence before lists other things)
    assert respective_sets("甲、乙建成。每年分别给予5000元、3000元") == []


def test_a_topic_set_off_before_the_items_tells_none_of_them_apart(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    # "甲园区,对新引进的博士和硕士各补贴多少": 甲园区 is every part's; the items tell them apart
    question = "甲市甲园区，对企业新引进的应届博士和硕士每年各补贴多少生活费？"
    text = (
        "甲市甲园区政策\n"
        "对园区企业新引进的应届博士、硕士,连续3年每年分别给予5000元、3000元的生活补贴。\n"
    )
    assert _whole_question_spans(question, text, clause_candidates) == ["5000元", "3000元"]


def test_a_later_respectively_naming_no_items_pairs_those_of_the_one_before() -> None:
    from answer.spans import respective_sets
    from corpus.normalize import normalize

    norm = normalize(
        "甲收入、乙收入、丙收入三项增速分别为5.7%、4.5%和7.6%,均排第一,总量分别为33893元、"
        "42291元和21460元"
    )
    first, second = respective_sets(norm)
    assert [i for i, _ in second] == [i for i, _ in first] == ["甲收入", "乙收入", "丙收入"]
    assert [m.group(0) for _, m in second] == ["33893元", "42291元", "21460元"]
