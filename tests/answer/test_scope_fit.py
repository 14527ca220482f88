"""answer.scope_fit: the level a clause counts at against the level asked (made-up text)."""

from __future__ import annotations

from answer.scope_fit import level_fit, levels_in
from corpus.normalize import normalize


def test_levels_sharing_one_suffix_and_the_country_written_bare_are_read() -> None:
    assert levels_in(normalize("获准建设的省、市级制造业创新中心")) == {"省级", "市级"}
    assert levels_in(normalize("新增国家5G工厂3个")) == {"国家级"}
    assert levels_in(normalize("国家级、省级平台各2家")) == {"国家级", "省级"}
    assert levels_in(normalize("新增规上工业企业105家")) == set()


def test_a_clause_at_other_levels_only_does_not_fit_the_level_asked() -> None:
    asked = normalize("甲园区企业获批国家级制造业创新中心奖励多少钱")
    assert level_fit(asked, normalize("对获准建设的省、市级制造业创新中心,分别给予200万元")) == -1
    assert level_fit(asked, normalize("新增国家5G工厂3个")) == 1
    assert level_fit(asked, normalize("新增5G工厂3个")) == 0
    assert level_fit(normalize("新增多少家5G工厂"), normalize("新增省级5G工厂3个")) == 0
