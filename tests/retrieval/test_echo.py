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


def test_a_topic_before_the_asking_segments_is_each_ones() -> None:
    from retrieval.echo import with_topic

    asks = lambda s: "多少" in s or "几" in s  # noqa: E731
    segments = ["甲市示范人才", "去年新入选多少", "今年力争新增多少"]
    norm = "甲市示范人才,去年新入选多少、今年力争新增多少?"
    read = with_topic(segments, asks, norm)
    assert read == ["甲市示范人才去年新入选多少", "甲市示范人才今年力争新增多少"]
    one = ["甲市示范人才", "去年新入选多少"]
    assert with_topic(one, asks, norm) == one  # one ask: the segments stay as they are
    # joined by 和, the first is a part; a condition of its own sentence's ask, no topic
    joined = ["甲市新培育示范企业", "示范小巨人目标多少家", "示范机构几家"]
    joined_norm = "甲市新培育示范企业和示范小巨人目标多少家,示范机构几家"
    assert with_topic(joined, asks, joined_norm) == joined
    two = ["每认定一家示范企业", "奖励多少", "新认定示范机构给多少"]
    assert with_topic(two, asks, "每认定一家示范企业,奖励多少?新认定示范机构给多少?") == two
    parts = split_parts(parse_query("甲市示范人才,去年新入选多少、今年力争新增多少?"))
    assert len(parts) == 2 and all("示范人才" in p.segment for p in parts)
    assert [p.wants_target for p in parts] == [False, True]


def test_a_year_naming_the_report_is_no_year_of_the_parts_figure() -> None:
    from retrieval.part_labels import part_labels

    q = parse_query("甲省示范攻关,2025年报告里计划实施多少项,2026年报告里说实际实施了多少项?")
    parts = split_parts(q)
    assert [p.years for p in parts] == [(), ()]
    assert [p.doc_years for p in parts] == [(2025,), (2026,)]
    assert part_labels(q, parts) == ["2025年计划", "2026年实际"]


def test_reports_named_by_year_are_a_part_each_labelled_by_their_years() -> None:
    from retrieval.part_labels import part_labels

    # years only a plan period names (十二五) are no figures' years apart
    q = parse_query("甲市GDP年均增速目标,07年报告定的今后五年和11年报告定的“十二五”,分别是多少?")
    parts = split_parts(q)
    assert [p.doc_years for p in parts] == [(2007,), (2011,)]
    assert part_labels(q, parts) == ["2007年", "2011年"]  # the reports', not 十二五's years
