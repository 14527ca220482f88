"""ui.messages: every policyqa error and warning becomes one Chinese line."""

from __future__ import annotations

import inspect

import pytest

from corpus import errors
from ui.messages import describe, error_line, warning_line

KINDS = [
    c
    for _, c in inspect.getmembers(errors, inspect.isclass)
    if issubclass(c, errors.PolicyQAError | errors.PolicyQAWarning)
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
