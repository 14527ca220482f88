"""corpus.quoted_frames on made-up paragraphs: quoted names framed by the same words."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.quoted_frames import quoted_frames


def _lists(text: str) -> list[tuple[list[str], str]]:
    doc = parse_text(f"甲意见\n{text}\n", "d.txt")
    return [([doc.text[i.start : i.end] for i in en.items], en.head) for en in quoted_frames(doc)]


def test_names_framed_alike_one_to_a_clause_are_a_list() -> None:
    ((items, head),) = _lists(
        "加强顶层设计。优化布局,形成“甲网”体系;降低成本,形成“乙纽”体系;打造供应链,形成“丙链”体系。"
    )
    assert items == ["甲网", "乙纽", "丙链"]
    assert "加强顶层设计" in head and "形成" in head and "体系" in head


def test_two_names_or_one_name_again_or_names_side_by_side_are_none() -> None:
    assert _lists("优化布局,形成“甲网”体系;降低成本,形成“乙纽”体系。") == []
    assert _lists("推进“十强”产业;发展“十强”产业;壮大“十强”产业。") == []
    assert _lists("形成“甲网”体系和“乙纽”体系和“丙链”体系。") == []


def test_names_of_other_frames_or_paragraphs_are_apart() -> None:
    text = "一是形成“甲网”体系;二是建设“乙纽”平台;三是打造“丙链”品牌。\n形成“丁盾”体系。"
    assert _lists(text) == []
