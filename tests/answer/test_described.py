"""answer.named_doc.described_rest: a question opening by describing its document."""

from __future__ import annotations

from answer.named_doc import described_rest
from answer.signals import canon
from corpus.normalize import normalize
from retrieval.query import parse_query

_TOPIC = canon(normalize("为发挥信息技术的带动作用,现组织开展智能体育典型案例征集工作。"))


def _topic() -> str:
    return _TOPIC


def test_a_first_segment_pointing_at_a_document_describes_it() -> None:
    q = parse_query("甲部和乙局搞的智能体育典型案例征集,联合体申报的话联合单位最多几家?")
    rest = described_rest(q, _topic)
    assert rest is not None and rest.norm.startswith("联合体申报")


def test_no_description_without_a_pointer_or_with_an_ask() -> None:
    # the segment names the metric, no document
    assert described_rest(parse_query("智能体育典型案例征集数量,今年是多少?"), _topic) is None
    # the first segment asks itself
    assert (
        described_rest(parse_query("智能体育典型案例征集那个通知哪天发的,联系人是谁"), _topic)
        is None
    )


def test_a_document_about_something_else_is_not_described() -> None:
    q = parse_query("甲部搞的船舶智能制造行动计划,短板装备有几种?")
    assert described_rest(q, _topic) is None


def test_that_time_of_a_call_points_at_its_document() -> None:
    q = parse_query("甲部和乙局22年那次智能体育典型案例征集,一个省最多能推荐几个?")
    rest = described_rest(q, _topic)
    assert rest is not None and rest.norm.startswith("一个省")
