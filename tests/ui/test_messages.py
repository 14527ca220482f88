"""ui.messages: every policyqa error and warning becomes one Chinese line."""

from __future__ import annotations

import inspect
import re

import pytest

from corpus import errors
from ui.messages import describe, error_line, skipped_reason, split_message, warning_line, why

# Kinds said in a whole Chinese sentence of their own:
WHOLE = (
    errors.EmptyQuestionError,
    errors.QuestionTooLongError,
    errors.FilterError,
    errors.MetadataError,
)
KINDS = [
    c
    for _, c in inspect.getmembers(errors, inspect.isclass)
    if issubclass(c, errors.PolicyQAError | errors.PolicyQAWarning) and c not in WHOLE
]


def _make(kind: type) -> BaseException:
    if issubclass(kind, errors.DocumentError):
        return kind("a.txt", "line 1\nline 2")
    return kind("line 1\nline 2")


@pytest.mark.parametrize("kind", KINDS, ids=lambda c: c.__name__)
def test_every_kind_has_a_chinese_lead_and_one_line(kind: type) -> None:
    text = describe(_make(kind))
    lead, _, detail = text.partition("：")
    assert lead != "出错了" and any("\u4e00" <= ch <= "\u9fff" for ch in lead)
    assert "\n" not in text and detail.endswith("line 1 line 2")


def test_the_most_specific_lead_wins() -> None:
    assert describe(errors.InvalidTextError("x")).startswith("问题不是有效的文字")
    assert describe(errors.QueryError("x")).startswith("问题无法处理")
    assert error_line(errors.PortInUseError("x")).startswith("错误 error: 端口已被占用")
    assert warning_line(errors.CacheWarning("x")).startswith("警告 warning: 嵌入缓存")


def test_question_problems_are_whole_chinese_sentences() -> None:
    empty = describe(errors.EmptyQuestionError("the question is empty"))
    assert empty.startswith("问题是空的") and "empty" not in empty
    long = errors.QuestionTooLongError("the question is 600 characters long", 600, 500)
    assert describe(long) == "问题太长（600 字），请精简到 500 字以内再问。"
    assert split_message(long) == (describe(long), "")
    assert split_message(errors.QueryError("odd")) == ("问题无法处理", "odd")


def test_skipped_reasons_and_evaluation_reasons_in_chinese() -> None:
    assert skipped_reason("EmptyDocumentError") == "文档没有文字"
    assert skipped_reason("UnsupportedFormatError") == "不支持的文件类型"
    assert skipped_reason("") == skipped_reason("NoSuchError") == "文档无法读取"
    assert why("answer lacks '12'") == "答案缺少 '12'"
    assert why("refused an answerable question") == "有答案却拒答了"
    assert why("something new") == "something new"


def test_filters_that_keep_nothing_are_said_plainly() -> None:
    unknown = describe(errors.FilterError("x", unknown_docs=("a.txt", "b.txt")))
    assert "文档库中没有文件编号 a.txt、b.txt" in unknown and "policyqa docs" in unknown
    assert "没有文档谈到 1999 年" in describe(errors.FilterError("x", years=(1999,)))
    assert "没有地区为“火星”的文档" in describe(errors.FilterError("x", regions=("火星",)))
    assert "合在一起没有匹配" in describe(errors.FilterError("x"))


def test_a_bad_correction_is_said_field_by_field() -> None:
    said = describe(errors.MetadataError("date", "2024-13", "x"))
    assert said == "未保存更正：日期“2024-13”的写法不对：请写成 2024、2024-03 或 2024-03-12。"
    assert "请用中文写区县或城市的名称" in describe(errors.MetadataError("region", "Mars", "x"))


def test_gradio_words_read_aloud_while_waiting_are_chinese() -> None:
    # Gradio has this only in English (its live region says "In queue: 1 of 2")
    from ui.messages import GRADIO_ZH

    said = GRADIO_ZH["status.queue_position"]
    assert "{position}" in said and "{size}" in said
    assert not re.search(r"[A-Za-z]{3,}", said.replace("{position}", "").replace("{size}", ""))
