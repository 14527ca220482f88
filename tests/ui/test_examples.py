"""The example questions of the page and the example gold file are answered right today,
with the real model over the samples (slow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui.chat_tab import EXAMPLES
from ui.eval_tab import EXAMPLE

pytestmark = pytest.mark.slow

# What each example must answer, and from which document.
EXPECTED = {
    "余杭2023年新增高企多少": (["637"], "000_6eaca3ed01c4c811.txt"),
    "临安2022年研发投入强度目标": (["3.45%"], "001_f9ee6873cacabd59.txt"),
    "哪份文件提出新增科技中小企业3000家": ([], "003_319bd9830f448044.txt"),
    "瓯海下半年高新技术产业增加值要达到多少": (["84亿元"], "002_f02437565036b0c9.txt"),
    "余杭2021年和2023年新增高企各多少": (["507", "637"], "004_57978b5f9cc16516.txt"),
    "杭州2024年新增高新技术企业目标多少家": (["2000家"], "003_319bd9830f448044.txt"),
}


def test_every_example_is_checked_here() -> None:
    assert set(EXAMPLES) == set(EXPECTED)


@pytest.mark.parametrize("question", EXAMPLES)
def test_an_example_question_is_answered_right(real_qa: Any, question: str) -> None:
    answer = real_qa.ask(question)
    figures, doc = EXPECTED[question]
    assert answer.found, question
    assert all(f in answer.answer for f in figures), answer.answer
    cited = [c.doc_id for c in answer.citations]
    assert doc in cited
    if answer.intent == "which_doc":
        assert cited == [doc]  # that document and no other


def test_the_example_gold_file_passes_entirely(real_qa: Any) -> None:
    from evals.run import run_eval

    results = run_eval(Path(EXAMPLE), real_qa)
    assert results["n"] == 4 and results["answer_accuracy"] == 1.0
