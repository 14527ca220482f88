"""The web UI's API, called with gradio_client against a running server.

Each endpoint the page uses is also an API endpoint, so these tests drive
the same code as the browser: ask, ask_json, library, upload, remove,
add_samples and evaluate.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

YUHANG = "000_6eaca3ed01c4c811.txt"
LINAN = "001_f9ee6873cacabd59.txt"
SECTION = "一、2023年工作总结 > (二)坚持主体创新,激发澎湃创新活力"

# A document whose title, section and text carry markup that must show as text.
HOSTILE_NAME = "binjiang_2025.txt"
HOSTILE_TXT = (
    "滨江区<b>科学技术局</b>2025年工作计划\n"
    "一、2025年工作目标<i>x</i>\n"
    "2025年,滨江区计划新增独角兽企业47家,建设量子计算实验室3个。\n"
    "2025年,滨江区新建众创空间<script>alert(1)</script>19家。\n"
)
HOSTILE_FOUND = "滨江2025年计划新增独角兽企业多少家"  # found: 47家
HOSTILE_QUESTION = "滨江2025年新建众创空间多少家"  # refused; the <script> sentence is related


@pytest.fixture(scope="module")
def client(server: str) -> Client:
    return Client(server, verbose=False)


def ask(client: Client, question: str, regions: Any = (), years: Any = (), docs: Any = ()) -> Any:
    return client.predict(question, list(regions), list(years), list(docs), api_name="/ask")


def ask_json(client: Client, question: str, **filters: Any) -> dict[str, Any]:
    result = client.predict(
        question, *(filters.get(k) for k in ("regions", "years", "docs")), api_name="/ask_json"
    )
    assert isinstance(result, dict)
    return result


def library_ids(client: Client) -> list[str]:
    table = client.predict(api_name="/library")
    return [row[-1] for row in table["data"]]


def test_endpoints_are_named(client: Client) -> None:
    names = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/ask", "/ask_json", "/library", "/upload", "/remove", "/evaluate"} <= names


def test_ask_returns_chat_messages_with_marked_answer_and_citation(client: Client) -> None:
    user, bot = ask(client, "余杭2023年新增高企多少")
    assert user == {"role": "user", "content": "余杭2023年新增高企多少"}
    html = bot["content"]
    assert bot["role"] == "assistant"
    assert "<mark" in html and "637" in html
    assert "《杭州市余杭区科学技术局2023年工作总结和2024年工作思路》" in html
    assert "(二)坚持主体创新,激发澎湃创新活力" in html  # the section path ("&gt;" between parts)
    assert '<details class="pq-source">' in html and 'class="pq-context"' in html
    assert "pq-refusal" not in html


def test_ask_json_returns_the_answer_record(client: Client) -> None:
    answer = ask_json(client, "余杭2023年新增高企多少")
    assert answer["found"] is True
    assert "637" in answer["answer"]
    cite = answer["citations"][0]
    assert cite["doc_id"] == YUHANG
    assert cite["section"] == SECTION
    assert cite["span_start"] >= cite["start"] and cite["span_end"] <= cite["end"]


def test_answers_and_cards_lead_with_the_title(client: Client) -> None:
    cite = ask_json(client, "余杭2023年新增高企多少")["citations"][0]
    assert cite["issuer"] == "杭州市余杭区科学技术局" and cite["date"] == "2024-01"
    html = ask(client, "哪份文件提出2024年新增高新技术企业2000家")[1]["content"]
    listed = html.split('class="pq-doclist"')[1].split("</ol>")[0]
    assert listed.count("<li>") >= 1 and "《杭州市落实省“315”科技创新体系建设工程" in listed
    assert '<b class="pq-title" title="文件编号：003_319bd9830f448044.txt">' in listed


def test_refusal_is_styled_and_shows_related_evidence(client: Client) -> None:
    answer = ask_json(client, "火星上有多少高企")
    assert answer["found"] is False
    _, bot = ask(client, "火星上有多少高企")
    html = bot["content"]
    assert 'class="pq-refusal"' in html and "文档中未找到" in html
    assert answer["related"]
    assert "相关内容（不是答案）" in html and "pq-related" in html


def test_filters_restrict_retrieval(client: Client) -> None:
    unfiltered = ask_json(client, "余杭2023年新增高企多少")
    assert unfiltered["citations"][0]["doc_id"] == YUHANG
    for filters in ({"regions": ["临安区"]}, {"docs": [LINAN]}, {"years": ["2022"]}):
        answer = ask_json(client, "余杭2023年新增高企多少", **filters)
        cited = {c["doc_id"] for c in answer["citations"] + answer["related"]}
        assert YUHANG not in cited, filters
    same = ask_json(client, "余杭2023年新增高企多少", regions=["余杭区"], years=["2023"])
    assert same["found"] and same["citations"][0]["doc_id"] == YUHANG
    # The chat endpoint takes the same filters.
    _, bot = ask(client, "余杭2023年新增高企多少", docs=[LINAN])
    assert "637" not in bot["content"]


def test_the_answer_shows_its_filters_and_empty_ones_are_said_plainly(client: Client) -> None:
    html = ask(client, "余杭2023年新增高企多少", regions=["余杭区"], years=["2023"])[1]["content"]
    shown = html.split('class="pq-filters"')[1].split("</div>")[0]
    assert "已按筛选条件查找：地区 余杭区 · 年份 2023" in shown
    assert "pq-filters" not in ask(client, "余杭2023年新增高企多少")[1]["content"]
    with pytest.raises(AppError, match="没有文档谈到 1990 年"):
        ask(client, "余杭2023年新增高企多少", years=["1990"])
    with pytest.raises(AppError, match=r"文档库中没有文件编号 nope\.txt"):
        ask_json(client, "余杭2023年新增高企多少", docs=["nope.txt"])


def test_empty_question_is_a_page_error(client: Client) -> None:
    with pytest.raises(AppError):
        ask(client, "   ")


def test_library_lists_documents(client: Client) -> None:
    table = client.predict(api_name="/library")
    assert table["headers"] == ["标题", "发文机关", "地区", "日期", "年份", "段落数", "文件编号"]
    rows = {row[-1]: row for row in table["data"]}
    assert YUHANG in rows
    title, issuer, region, date, years, passages, _ = rows[YUHANG]
    assert region == "余杭区" and "2023" in years and int(passages) > 0
    assert "余杭区科学技术局" in title and issuer == "杭州市余杭区科学技术局"
    assert date == "2024-01"


def test_a_correction_is_saved_and_survives_reindexing(
    client: Client, ui_corpus: Path, ui_index: Path, fake_embedder: Any
) -> None:
    from index.build import build_index

    fields = ("余杭区科技局2023年工作总结（更正）", "", "余杭", "2024-01-15", "2023,2024")
    report, table, *boxes = client.predict(YUHANG, *fields, api_name="/correct")
    assert "已更正" in report and "manifest.tsv" in report
    assert boxes[0]["value"] == fields[0] and boxes[2]["value"] == "余杭区"
    rows = {row[-1]: row for row in table["data"]}
    assert rows[YUHANG][0] == fields[0] and rows[YUHANG][3] == "2024-01-15"
    manifest = (ui_corpus / "manifest.tsv").read_text(encoding="utf-8")
    assert f"{YUHANG}\t{fields[0]}\t" in manifest and "\tperiod" in manifest.splitlines()[0]
    build_index([ui_corpus], ui_index, fake_embedder)  # policyqa index of the folder again
    rows = {row[-1]: row for row in client.predict(api_name="/library")["data"]}
    assert rows[YUHANG][0] == fields[0]
    cite = ask_json(client, "余杭2023年新增高企多少")["citations"][0]
    assert cite["title"] == fields[0] and cite["date"] == "2024-01-15"
    report, *_ = client.predict(YUHANG, "", "", "", "", "", api_name="/correct")
    assert "未保存更正：标题不能为空" in report  # said in the report, no toast


def _upload(client: Client, *paths: Path) -> tuple[str, dict[str, Any]]:
    report, table = client.predict([handle_file(str(p)) for p in paths], api_name="/upload")
    return report, table


def test_upload_then_ask_then_remove(client: Client, tmp_path: Path) -> None:
    good = tmp_path / "gongshu_2025.txt"
    good.write_text(
        "拱墅区科学技术局2025年工作计划\n一、2025年工作目标\n"
        "2025年,拱墅区计划新增科技企业孵化器13家,引进海外高层次人才58名。\n",
        encoding="utf-8",
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"this is not a pdf")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    report, table = _upload(client, good, broken, empty)
    # Each unreadable file gets its own error; the readable one is kept.
    assert "gongshu_2025.txt" in report
    assert "broken.pdf" in report and "empty.txt" in report and "2 份文件未能读取" in report
    ids = [row[-1] for row in table["data"]]
    assert "gongshu_2025.txt" in ids and "broken.pdf" not in ids and YUHANG in ids

    answer = ask_json(client, "拱墅2025年计划新增科技企业孵化器多少家")
    assert answer["found"] and "13" in answer["answer"]
    assert answer["citations"][0]["doc_id"] == "gongshu_2025.txt"

    report, table, _ = client.predict("gongshu_2025.txt", True, api_name="/remove")
    assert "已删除" in report
    assert "gongshu_2025.txt" not in [row[-1] for row in table["data"]]
    assert "gongshu_2025.txt" not in library_ids(client)
    after = ask_json(client, "拱墅2025年计划新增科技企业孵化器多少家")
    assert all(c["doc_id"] != "gongshu_2025.txt" for c in after["citations"] + after["related"])


def test_remove_unknown_document_says_so_and_removes_nothing(client: Client) -> None:
    before = library_ids(client)
    report, table, confirm = client.predict("no-such-doc.txt", True, api_name="/remove")
    assert "文档库中没有 no-such-doc.txt" in report and confirm is False
    assert [row[-1] for row in table["data"]] == before


def test_document_markup_is_escaped(client: Client, tmp_path: Path) -> None:
    hostile = tmp_path / HOSTILE_NAME
    hostile.write_text(HOSTILE_TXT, encoding="utf-8")
    _upload(client, hostile)
    try:
        _, bot = ask(client, HOSTILE_QUESTION)
        html = bot["content"]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script" not in html
        _, bot = ask(client, HOSTILE_FOUND)
        html = bot["content"]
        assert "47" in html
        assert "&lt;b&gt;科学技术局&lt;/b&gt;" in html  # title
        assert "&lt;i&gt;x&lt;/i&gt;" in html  # section path
        assert "<b>科学技术局" not in html and "<i>x" not in html
        user, _ = ask(client, "<img src=x onerror=alert(1)>滨江独角兽企业多少家")
        assert user["content"].startswith("&lt;img src=x")
    finally:
        client.predict(HOSTILE_NAME, True, api_name="/remove")


GOLD = [
    {
        "id": "u1",
        "question": "余杭2023年新增高企多少",
        "type": "number",
        "answers": ["637"],
        "doc": YUHANG,
        "section": SECTION,
        "evidence": ["全年新增国家高新技术企业637家、省科技型中小企业1734家,均列全省第一"],
        "note": "",
    },
    {
        "id": "u2",
        "question": "临安2022年研发投入强度目标",
        "type": "target",
        "answers": ["99.9%"],
        "doc": LINAN,
        "section": "三、2022年工作计划 > (二)重要指标",
        "evidence": ["2022年,全区R&D经费投入强度达3.45%"],
        "note": "wrong on purpose",
    },
    {
        "id": "u3",
        "question": "火星上有多少高企",
        "type": "unanswerable",
        "answers": [],
        "doc": None,
        "section": None,
        "evidence": [],
        "note": "",
    },
]


def _evaluate(client: Client, gold: Path) -> tuple[Any, ...]:
    """The outputs of /evaluate; a download's file is ``output["value"]`` (a server path,
    which the test can read as it runs on the same machine)."""
    return tuple(client.predict(None, handle_file(str(gold)), api_name="/evaluate"))


def test_evaluate_uploaded_gold(client: Client, tmp_path: Path) -> None:
    gold = tmp_path / "tiny.jsonl"
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in GOLD), "utf-8")
    metrics, chart, table, csv_file, xlsx_file, note = _evaluate(client, gold)
    assert table["label"] == "显示 1 题，共 3 题（未通过 1 题）"  # the failing ones shown
    failures = str(table["value"]["data"])
    table = {row[0]: row[1] for row in metrics["data"]}
    assert table["题数"] == "3"
    assert table["答案准确率"] == "66.7%"
    assert 'class="pq-chart"' in chart
    for kind in ("数值", "目标值", "应拒答"):
        assert kind in chart
    assert "width:0.0%" in chart and "width:100.0%" in chart
    # Only the wrong one fails, with expected against got.
    assert "u2" in failures and "99.9%" in failures and "3.45%" in failures
    assert "u1" not in failures and "u3" not in failures
    # The results download: one row per question with pass/fail and why.
    with open(csv_file["value"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:6] == ["编号", "题型", "问题", "期望答案", "实际回答", "结果"]
    assert [(r[0], r[5]) for r in rows[1:]] == [("u1", "通过"), ("u2", "未通过"), ("u3", "通过")]
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(xlsx_file["value"]).active
    assert [c.value for c in sheet[3]][:6] == [r for r in rows[2][:6]] and note == ""


def test_evaluate_invalid_gold_is_a_page_error(client: Client, tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "x1", "question": "q"}\nnot json\n', "utf-8")
    with pytest.raises(AppError, match=r"bad\.jsonl"):
        _evaluate(client, gold)


def test_without_an_index_the_page_says_so_and_can_build_one(
    start_server: Callable[[Path], str], tmp_path: Path
) -> None:
    from ui.web import Library

    assert "还没有可用的索引" in Library(tmp_path / "missing").status()
    client = Client(start_server(tmp_path / "none"), verbose=False)
    assert not [row for row in client.predict(api_name="/library")["data"] if any(row)]
    with pytest.raises(AppError, match="还没有可用的索引"):
        ask(client, "余杭2023年新增高企多少")
    report, table = client.predict(api_name="/add_samples")
    assert "已加入示例文档" in report and len(table["data"]) == 5
    answer = ask_json(client, "余杭2023年新增高企多少")
    assert answer["found"] and "637" in answer["answer"]


def test_no_analytics_and_no_web_fonts() -> None:
    import os

    from ui.web import gold_files, theme

    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert theme()._stylesheets == []  # no Google Fonts stylesheet
    assert all(Path(path).is_file() for _, path in gold_files())
