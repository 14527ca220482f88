from __future__ import annotations

from index.abbrev import expand, mine_abbreviations


def test_compressions_are_mined_generic_heads_are_not() -> None:
    texts = [
        "支持教育部网络安全和信息化领导小组办公室（以下简称“教育部网信办”）统筹推进。",
        "本规范所称国家智慧教育平台（以下简称平台）是指……",
        "培育科技型中小企业(简称“科小”)1000家。",
    ]
    found = mine_abbreviations(texts)
    assert found["教育部网信办"] == "教育部网络安全和信息化领导小组办公室"
    assert found["科小"] == "科技型中小企业"
    assert "平台" not in found  # the generic head of its full name, not a compression


def test_expand_adds_the_full_name_once() -> None:
    abbreviations = {"网信办": "网络安全和信息化领导小组办公室"}
    expanded = expand("网信办印发了什么", abbreviations)
    assert expanded == "网信办印发了什么 网络安全和信息化领导小组办公室"
    text = "网络安全和信息化领导小组办公室(网信办)"
    assert expand(text, abbreviations) == text
