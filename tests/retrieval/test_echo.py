"""retrieval.echo: a segment ending in 呢 asks the ask of the one before it (made-up text)."""

from __future__ import annotations

from retrieval.echo import echoed_ask, echoed_segments
from retrieval.parts import split_parts
from retrieval.query import parse_query


def test_a_segment_ending_in_ne_asks_the_same_of_its_own_subject() -> None:
    assert echoed_ask("示范企业研发投入呢", "甲省2025年技术合同成交额增长了多少") == "增长了多少"
    assert echoed_ask("示范企业研发投入多少", "技术合同成交额增长了多少") == ""
    parts = split_parts(parse_query("甲省2025年技术合同成交额增长了多少?示范企业研发投入呢?"))
    assert parts[1].segment == "示范企业研发投入增长了多少"
    assert parts[1].years == (2025,)
    target = split_parts(parse_query("甲省25年示范企业数量增长目标多少?成果转化数量呢?"))
    assert target[1].segment == "成果转化数量增长目标多少"
    assert target[1].wants_target and target[1].years == (2025,)


def test_only_segments_ending_in_ne_are_rewritten() -> None:
    segments = ["甲省技术合同成交额增长了多少", "示范企业研发投入呢", "示范企业有多少家"]
    assert echoed_segments(segments) == [
        "甲省技术合同成交额增长了多少",
        "示范企业研发投入增长了多少",
        "示范企业有多少家",
    ]
