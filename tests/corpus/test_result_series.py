"""corpus.result_series on made-up reports: results a clause announces as won are a list."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.result_series import result_series


def _items(text: str) -> list[list[str]]:
    doc = parse_text(text, "d.txt")
    return [[doc.text[i.start : i.end] for i in en.items] for en in result_series(doc)]


def test_results_won_each_with_what_became_of_it_are_the_items() -> None:
    text = (
        "甲省计划报告\n一、执行情况\n重点攻关取得一批重要成果,甲型卫星和乙型火箭发射成功、"
        "丙号试验堆建成并投入运行、丁线重载列车试验成功,标志着技术水平提高。\n"
    )
    assert _items(text) == [
        ["甲型卫星和乙型火箭发射成功", "丙号试验堆建成并投入运行", "丁线重载列车试验成功"]
    ]
    doc = parse_text(text, "d.txt")
    assert "重点攻关取得一批重要成果" in result_series(doc)[0].head


def test_a_series_of_words_or_of_figures_after_progress_is_no_list() -> None:
    # fields named one by one, and figures, say nothing of what became of each
    fields = "甲报告\n一、回顾\n攻关取得新突破,载人航天、深海探测、超级计算等领域成果涌现。\n"
    figures = "甲报告\n一、回顾\n项目攻坚实现新突破,新签约项目16个、新开工10个、新竣工8个。\n"
    assert _items(fields) == [] and _items(figures) == []
