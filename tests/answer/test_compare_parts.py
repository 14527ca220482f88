"""Comparisons answered part by part, end to end on made-up reports (fake embedder): a
series paired by 分别, two figures of one document, one figure never answering two parts."""

from __future__ import annotations

from pathlib import Path

from answer.model import Answer
from answer.pipeline import QA
from index.build import build_index
from index.embed import FakeEmbedder


def _ask(tmp_path: Path, texts: dict[str, str], question: str) -> Answer:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    build_index([docs], tmp_path / "idx", FakeEmbedder())
    return QA(tmp_path / "idx", FakeEmbedder()).ask(question)


def test_a_series_asked_each_is_read_from_the_sentence_pairing_them(tmp_path: Path) -> None:
    texts = {
        "r.txt": (
            "甲市2024年政府工作报告\n一、2023年工作回顾\n"
            "预计地区生产总值增长6.2%,规上工业增加值、固定资产投资、社会消费品零售总额、"
            "一般公共预算收入分别增长7.5%、7.0%、8.3%、15.1%,农村常住居民人均可支配收入"
            "分别增长5.6%。\n"
        )
    }
    q = "甲市2024年政府工作报告,2023年规上工业增加值、固定资产投资、社会消费品零售总额分别增长多少?"
    answer = _ask(tmp_path, texts, q)
    assert answer.found
    assert [p for p in answer.parts] == ["7.5%", "7.0%", "8.3%"]


def test_a_figure_taken_by_one_part_is_set_aside_for_the_next(tmp_path: Path) -> None:
    texts = {
        "plan.txt": (
            "甲省“十三五”科技创新规划\n一、发展基础\n全省高新技术企业达到3903家。\n"
            "二、发展目标\n到2020年,高新技术企业数量达到8000家左右。\n"
        )
    }
    q = "甲省“十三五”科技创新规划中,2015年全省高新技术企业有多少家?规划提出到“十三五”末达到多少家?"
    answer = _ask(tmp_path, texts, q)
    assert answer.found
    assert "3903家" in answer.answer and "8000家左右" in answer.answer


def test_a_change_from_and_to_takes_each_figure_of_the_clause(tmp_path: Path) -> None:
    texts = {
        "r.txt": (
            "甲市2020年政府工作报告\n一、2019年工作回顾\n"
            "全面推行垃圾分类,居民区分类达标率从15%提高到90%,湿垃圾日均分出量增长88.8%。\n"
        )
    }
    answer = _ask(
        tmp_path, texts, "甲市2020年政府工作报告讲垃圾分类,居民区分类达标率从多少提高到了多少?"
    )
    assert answer.found and list(answer.parts) == ["15%", "90%"]
    assert answer.answer == "从：15%；提高到：90%"
