"""Provisions (corpus.provisions): standards a policy sets, on made-up sentences."""

from __future__ import annotations

import pytest

from corpus import figures as fx
from corpus.normalize import normalize
from corpus.provisions import is_provision
from tests.corpus.test_facts_sections import DATED, fact, facts


def provisions(text: str) -> list[tuple[str, bool]]:
    """Each figure of a one-sentence text with whether it is a provision."""
    s = normalize(text)
    t = fx.mask_quoted(s, text)
    return [
        (f.value + f.unit, is_provision(t, f.start, f.end, fx.clause_start(t, f.lead)))
        for f in fx.find_figures(s, t)
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("对新认定的示范企业，给予最高80万元奖励。", [("80万元", True)]),
        (
            "对新认定的甲类、乙类中心，分别一次性奖励60万元、30万元。",
            [("60万元", True), ("30万元", True)],
        ),
        ("对获得省级荣誉的个人，给予每人500万元奖励。", [("500万元", True)]),
        ("对入库企业每家补助15万元。", [("15万元", True)]),
        ("按不超过项目总投入的40%予以资助，最高资助150万元。", [("40%", True), ("150万元", True)]),
        ("给予实际采购费用20%的补贴。", [("20%", True)]),
        ("年纳税额达到300万元以上、保持稳定增长的，给予五年房租补贴。", [("300万元", True)]),
        (
            "企业年营业收入首次达到3000万元、6000万元的，分别给予最高40万元、90万元扶持。",
            [("3000万元", True), ("6000万元", True), ("40万元", True), ("90万元", True)],
        ),
        ("样本应经过3人或以上复核。", [("3人", True)]),
        ("项目负责人限申报1个项目。", [("1个", True)]),
        ("合作单位数量不得超过3个。", [("3个", True)]),
    ],
)
def test_standards_bars_and_rules_are_provisions(text: str, want: list[tuple[str, bool]]) -> None:
    assert provisions(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "发放各类就业补贴8.2亿元，惠及企业3100家。",  # paid, no standard named
        "兑现一次性扩岗补助等资金1.6亿元。",  # paid
        "城乡居民医保补助标准分别提高到150元、620元。",  # a standard raised: reported
        "全市行政机关负责人出庭应诉率保持100%。",  # 应诉 is no rule
        "单日航班最高1200架次。",  # a peak, no grant
        "在川高校承担了全省近70%的基础研究项目，获国家科学技术奖励12项。",
        "培育供应链企业20家。",
    ],
)
def test_reported_grants_and_look_alikes_are_not(text: str) -> None:
    assert not any(p for _, p in provisions(text))


def test_a_provision_is_counted_with_the_targets() -> None:
    found = facts(
        "某市促进产业发展的若干措施\n" + DATED + "一、支持企业做大做强\n"
        "对新认定的示范企业，给予最高80万元奖励。\n"
        "二、2022年工作回顾\n"
        "全年发放各类奖补资金2.4亿元。\n"
    )
    assert fact(found, "80").kind == "target"
    assert fact(found, "2.4").kind == "actual"
