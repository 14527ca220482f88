"""The 指标 tab's endpoint, called with gradio_client against a running server."""

from __future__ import annotations

from typing import Any

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

KEYS = (
    "doc_id title section region year period kind metric qualifier value unit quote start end"
).split()


@pytest.fixture(scope="module")
def client(server: str) -> Client:
    return Client(server, verbose=False)


def rows(client: Client, *args: Any) -> list[dict[str, Any]]:
    found = client.predict(*args, api_name="/indicators")
    assert isinstance(found, list)
    return found


def test_rows_have_the_cli_keys_and_quote_verbatim(client: Client, sample_index) -> None:  # type: ignore[no-untyped-def]
    found = rows(client, "高企", "", "余杭", "", "全部", False)
    assert found and all(list(r) == KEYS for r in found)
    assert {"507", "637", "500"} <= {r["value"] for r in found}
    for r in found:
        assert r["quote"] == sample_index.documents[r["doc_id"]].text[r["start"] : r["end"]]


def test_filters_year_and_kind(client: Client) -> None:
    found = rows(client, "", "高企", "余杭", "2024", "目标", False)
    assert [(r["value"], r["kind"], r["year"]) for r in found] == [("500", "target", 2024)]
    assert rows(client, "", "高企", "余杭", "2024", "目标", True) == []  # no conflict there


def test_a_bad_year_is_a_chinese_message(client: Client) -> None:
    with pytest.raises(AppError, match="问题无法处理"):
        rows(client, "", "", "", "20x4", "全部", False)
