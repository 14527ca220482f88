"""Points titled each on a line of its own by a label and its number (made-up text)."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.labelled_lines import labelled_lines

_TEXT = (
    "一、审批类\n应用一:形式审查\n甲技术可以辅助形式审查。\n应用二:辅助审评\n乙技术辅助审评。\n"
    "二、决策类\n应用三:数据查询\n丙模型提供数据查询。\n应用四:数据分析与预测\n丁模型分析数据。\n"
    "应用五:风险管理\n戊技术预警风险。\n"
)


def _lists(text: str) -> list[tuple[str, list[str]]]:
    doc = parse_text(text, "t.txt")
    return [(en.head, [doc.norm[i.start : i.end] for i in en.items]) for en in labelled_lines(doc)]


def test_lines_of_one_label_numbered_in_turn_are_points_whole_and_per_section() -> None:
    found = _lists(_TEXT)
    assert found[0] == ("应用", ["形式审查", "辅助审评", "数据查询", "数据分析与预测", "风险管理"])
    assert ("一、审批类 应用", ["形式审查", "辅助审评"]) in found
    assert ("二、决策类 应用", ["数据查询", "数据分析与预测", "风险管理"]) in found
    box = "三、任务\n专栏1 甲工程\n1.家电行业:定制平台。\n专栏2 乙工程\n1.家具行业:设计平台。\n"
    assert _lists(box) == [("三、任务 专栏", ["甲工程", "乙工程"])]


def test_captions_counts_years_and_broken_numbering_are_no_points() -> None:
    assert _lists("一、概况\n图1 甲市分布\n说明。\n图2 乙市分布\n说明。\n") == []
    assert _lists("一、目标\n到2025年建成甲平台\n说明。\n到2026年建成乙平台\n说明。\n") == []
    # numbering broken: only the lines numbered one after another are a run
    assert _lists(_TEXT.replace("应用二", "应用七")) == [
        ("二、决策类 应用", ["数据查询", "数据分析与预测", "风险管理"])
    ]


def test_a_label_its_number_and_a_title_make_a_labelled_line() -> None:
    from corpus.labelled_lines import labelled_line

    assert labelled_line("应用一:形式审查") and labelled_line("专栏1 数字化改造升级工程")
    assert not labelled_line("到2025年,建成示范区。")  # a sentence
    assert not labelled_line("图1 标准体系结构")  # a caption
