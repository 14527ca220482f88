"""Trend and table questions (Intent.TABLE) over made-up documents: rows in time or place
order, each quoting its clause, and "另一文件记为…" when documents disagree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from answer.policy import POLICIES, Route, TableConfig
from answer.table import table_answer
from retrieval.intent import Intent
from retrieval.model import Filters
from retrieval.query import parse_query

DOCS = {
    "xihu_2022.txt": "杭州市西湖区科学技术局2022年工作总结和2023年工作思路\n"
    "一、2022年工作总结\n全年新增高新技术企业120家,新增科技型中小企业300家。\n"
    "二、2023年工作思路\n力争2023年新增高新技术企业150家。\n",
    "xihu_2023.txt": "杭州市西湖区科学技术局2023年工作总结和2024年工作计划\n"
    "一、2023年工作总结\n全年新增高新技术企业160家,研发投入强度达到3.1%。\n"
    "二、2024年工作计划\n力争2024年新增高新技术企业180家。\n",
    # Another document states 西湖's 2024 target otherwise: a conflict.
    "xihu_2024_plan.txt": "西湖区2024年科技工作要点\n一、2024年主要目标\n"
    "力争新增高新技术企业200家。\n",
    "binjiang_2024.txt": "杭州市滨江区科学技术局2024年工作计划\n一、2024年主要目标\n"
    "力争新增高新技术企业90家,研发投入强度达到6.5%。\n",
    # The same 滨江 target stated again: no conflict, a second source.
    "binjiang_2024_b.txt": "滨江区2024年科技工作要点\n一、2024年主要目标\n"
    "力争新增高新技术企业90家。\n",
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory, fake_embedder: Any) -> Any:
    from answer.pipeline import QA
    from index.build import build_index

    corpus = tmp_path_factory.mktemp("table-corpus")
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("table-index") / "index"
    build_index([corpus], folder, fake_embedder)
    return QA(folder, embedder=fake_embedder)


@pytest.mark.parametrize(
    "question, intent",
    [
        ("西湖历年新增高企", Intent.TABLE),
        ("各区2024年新增高企目标", Intent.TABLE),
        ("各区县2024年研发投入强度目标分别是多少", Intent.TABLE),
        ("西湖2024年科技指标有哪些", Intent.TABLE),
        ("西湖区历年获得哪些荣誉", Intent.LIST),  # a list, not a table of figures
        ("各区有哪些创新平台", Intent.LIST),
        ("西湖2023年新增高企多少", Intent.NUMBER),
    ],
)
def test_table_questions_are_told_apart(question: str, intent: Intent) -> None:
    assert parse_query(question).intent == intent


def test_the_policy_table_routes_table_questions() -> None:
    assert POLICIES[Intent.TABLE].route == Route.TABLE


def test_trend_of_one_place_in_year_order_each_row_quoted(qa: Any) -> None:
    a = qa.ask("西湖历年新增高企")
    assert a.found and a.intent == "table"
    assert [(r.row.year, r.row.kind, r.row.value) for r in a.rows] == [
        (2022, "actual", "120"),
        (2023, "actual", "160"),
        (2023, "target", "150"),
        (2024, "target", "180"),
    ]
    assert list(a.labels) == ["2022年实际", "2023年实际", "2023年目标", "2024年目标"]
    for r in a.rows:
        c = r.citation
        assert c.quote == qa.documents[c.doc_id].text[c.start : c.end]
        assert r.row.value in c.quote and c.quote in a.answer and r.row.quote == c.quote
    assert a.parts == tuple(r.citation.quote for r in a.rows)
    assert "2022年实际：全年新增高新技术企业120家" in a.answer


def test_another_document_with_another_value_is_said_and_cited(qa: Any) -> None:
    a = qa.ask("西湖历年新增高企")
    last = a.rows[-1]
    assert last.other_values == ("200家",) and last.same == ()
    (other,) = last.other
    assert other.doc_id == "xihu_2024_plan.txt" and other.quote == "力争新增高新技术企业200家"
    assert "力争2024年新增高新技术企业180家（另一文件记为200家）" in a.answer
    assert "另一文件记为200家（《西湖区2024年科技工作要点》）" in a.message
    assert {c.doc_id for c in a.citations} >= {"xihu_2023.txt", "xihu_2024_plan.txt"}
    record = a.to_dict()
    assert record["rows"][-1]["other"][0]["quote"] == "力争新增高新技术企业200家"


def test_across_places_in_place_order_same_value_twice_is_no_conflict(qa: Any) -> None:
    a = qa.ask("各区2024年新增高企目标")
    assert [(r.row.region, r.row.value) for r in a.rows] == [("滨江区", "90"), ("西湖区", "180")]
    assert list(a.labels) == ["滨江区", "西湖区"]
    binjiang = a.rows[0]
    assert binjiang.other == () and [c.doc_id for c in binjiang.same] == ["binjiang_2024_b.txt"]
    assert "滨江区：力争新增高新技术企业90家；" in a.answer
    assert "另一文件记为90家" not in a.answer


def test_filters_of_the_page_apply(qa: Any) -> None:
    a = qa.ask("各区2024年新增高企目标", filters=Filters(regions=("滨江",)))
    assert [r.row.region for r in a.rows] == ["滨江区"]
    a = qa.ask("西湖历年新增高企", filters=Filters(years=(2022, 2023)))
    assert [r.row.year for r in a.rows] == [2022, 2023, 2023]


def test_too_many_rows_are_cut_and_said(qa: Any) -> None:
    q = parse_query("西湖历年新增高企")
    a = table_answer(q, qa.retriever.indicators, None, TableConfig(max_rows=2))
    assert a is not None and len(a.rows) == 2 and "共4行，只列出前2行" in a.message


def test_no_row_is_answered_as_one_figure_or_refused(qa: Any) -> None:
    assert (
        table_answer(
            parse_query("西湖历年新增孵化器"), qa.retriever.indicators, None, TableConfig()
        )
        is None
    )
    a = qa.ask("西湖历年新增孵化器")
    assert not a.found and a.rows == ()


def test_cli_json_carries_the_rows(qa: Any) -> None:
    from click.testing import CliRunner

    from ui.cli import main

    args = ["ask", "西湖历年新增高企", "--json", "--index-dir", str(Path(qa.index_dir))]
    result = CliRunner(env={"POLICYQA_INDEX_DIR": None}).invoke(main, args)
    assert result.exit_code == 0, result.output
    assert '"rows": [{"label": "2022年实际"' in result.output


def test_one_figure_answer_says_what_another_document_states(qa: Any) -> None:
    a = qa.ask("西湖2024年新增高企目标多少")
    assert a.found and a.intent == "target"
    cited = {c.doc_id for c in a.citations}
    assert cited == {"xihu_2023.txt", "xihu_2024_plan.txt"}
    assert "另一文件记为" in a.message and "请核对各出处" in a.message
    other = "180家" if "200" in a.answer else "200家"
    assert other in a.message.split("另一文件记为")[1]
