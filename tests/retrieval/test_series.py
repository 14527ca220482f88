"""retrieval.series: a series of short items whose last carries what is asked of each."""

from __future__ import annotations

from retrieval.part_labels import part_labels
from retrieval.parts import split_parts
from retrieval.query import parse_query
from retrieval.segment_words import own_words


def _parts(question: str) -> tuple[list[str], list[str]]:
    q = parse_query(question)
    parts = split_parts(q)
    return [p.norm for p in parts], part_labels(q, parts)


def test_the_last_items_words_are_asked_of_every_item() -> None:
    norms, labels = _parts("丽水24年二产、三产增加值增速目标各定的多少?")
    assert labels == ["二产", "三产"]
    assert "二产增加值增速目标" in norms[0] and "三产增加值增速目标" in norms[1]


def test_a_place_with_its_levels_character_is_no_item() -> None:
    q = parse_query("黔东南州24年城镇和农村居民收入增长目标分别是多少?")
    parts = split_parts(q)
    assert part_labels(q, parts) == ["城镇", "农村"]
    assert all(p.years == (2024,) and p.wants_target for p in parts)
    assert "城镇居民收入增长目标" in parts[0].norm


def test_two_whole_metrics_are_no_series() -> None:
    # a dictionary term (高企) names a metric whole; the last segment's tail names none
    norms, _ = _parts("高企和科技型中小企业各新增多少")
    assert not any("高企中小企业" in n for n in norms)


def test_an_item_repeated_before_its_longer_metric_is_no_series() -> None:
    norms, _ = _parts("研发投入和研发投入强度各多少")
    assert not any(n.startswith("研发投入强度") and "研发投入研发" in n for n in norms)
    assert len(norms) == 2 and norms[0] != norms[1]


def test_a_level_character_is_the_places_only_when_its_full_name_ends_so() -> None:
    assert own_words("黔东南州24年城镇") == "城镇"
    assert own_words("余杭市级以上孵化载体新增数") == "市级以上孵化载体新增数"  # 余杭区


def test_a_topic_then_items_asked_of_each_asks_the_topic_of_each_item() -> None:
    q = parse_query("甲方案,依申请政务服务事项网上可办率,省级和市县级年底前各要求多少?")
    parts = split_parts(q)
    assert part_labels(q, parts) == ["省级", "市县级"]
    assert all("网上可办率" in p.norm for p in parts)


def test_a_topic_set_off_before_items_asked_of_each_is_no_part_of_its_own() -> None:
    q = parse_query("甲市甲园区，对企业新引进的应届博士和硕士每年各补贴多少生活费？")
    parts = split_parts(q)
    assert len(parts) == 2
    assert "博士" in parts[0].segment and "硕士" in parts[1].segment
    assert all("甲园区" in p.norm for p in parts)  # asked with each


def test_a_name_going_on_past_zhi_is_one_item() -> None:
    norms, labels = _parts("甲计划里，中国甲谷和虚拟现实之都每年各要促进多少项首用首试？")
    assert labels == ["中国甲谷", "虚拟现实之都"]
    assert "之都" not in norms[0]


def test_what_follows_the_noun_every_item_ends_on_is_asked_of_each() -> None:
    norms, labels = _parts("某基金2023年度,培育项目和重点支持项目每项资助强度各是多少?")
    assert labels == ["培育项目", "重点支持项目"]
    assert len(norms) == 2
    assert "培育项目每项资助强度" in norms[0]
    assert "重点支持项目每项资助强度" in norms[1]


def test_items_ending_on_different_nouns_keep_their_own_words() -> None:
    norms, _ = _parts("某市2023年,新增高企和科技型中小企业研发投入各是多少?")
    assert not any("高企研发投入" in n for n in norms)


def test_an_item_described_before_its_noun_is_that_noun_in_the_series() -> None:
    # "上年营收50亿以上的企业和高校…": the first item is a 企业, as short as 高校
    norms, _ = _parts(
        "甲区三个创新中心的服务券，上年营收50亿以上的企业和高校每年补贴上限分别是多少？"
    )
    assert len(norms) == 2
    assert "企业每年补贴上限" in norms[0] and "高校每年补贴上限" in norms[1]


def test_a_last_item_the_dictionary_joins_to_its_metric_is_its_opening_word() -> None:
    # jieba reads 农村居民 as one word: the item is 农村, as long as 城镇
    q = parse_query("黔东南州2025年城镇和农村居民人均可支配收入分别涨了多少?")
    parts = split_parts(q)
    assert part_labels(q, parts) == ["城镇", "农村"]
    assert "城镇居民人均可支配收入" in parts[0].norm
    assert "农村居民人均可支配收入" in parts[1].norm
