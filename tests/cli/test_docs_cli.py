"""`policyqa docs` and the filters of `policyqa ask`: listed, shown, and said plainly when
they keep nothing (CliRunner, the fake model; the sample index is read only)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from ui.cli import main

YUHANG = "000_6eaca3ed01c4c811.txt"


def run(args: list[str]) -> Result:
    env = {"POLICYQA_MODEL": "fake", "POLICYQA_INDEX_DIR": None}
    return CliRunner(env=env).invoke(main, args, catch_exceptions=False)


def test_docs_lists_ids_titles_regions_and_years(sample_index_dir: Path) -> None:
    result = run(["docs", "--index-dir", str(sample_index_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index(YUHANG)
    title = "《杭州市余杭区科学技术局2023年工作总结和2024年工作思路》"
    assert lines[at + 1].strip().startswith(title)
    assert lines[at + 2].strip() == "地区 余杭区 · 年份 2023、2024"
    assert lines[-1] == "共 5 份文档。"


def test_docs_json_is_one_record_per_document(sample_index_dir: Path) -> None:
    result = run(["docs", "--index-dir", str(sample_index_dir), "--json"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5 and records[0]["doc_id"] == YUHANG
    assert records[0]["region"] == "余杭区" and records[0]["years"] == [2023, 2024]
    assert set(records[0]) >= {"title", "issuer", "date", "chars", "sections"}


def test_docs_without_an_index_is_a_clear_error(tmp_path: Path) -> None:
    result = run(["docs", "--index-dir", str(tmp_path / "none")])
    assert result.exit_code == 2 and "找不到索引" in result.stderr


def test_ask_shows_the_filters_it_used(sample_index_dir: Path) -> None:
    args = ["ask", "余杭2023年新增高企多少", "--index-dir", str(sample_index_dir)]
    result = run([*args, "--region", "余杭区", "--doc", YUHANG])
    assert result.exit_code == 0
    assert "已按筛选条件查找：地区 余杭区 · 文件 《杭州市余杭区科学技术局" in result.stderr


def test_an_unknown_doc_or_an_empty_year_is_said_plainly(sample_index_dir: Path) -> None:
    args = ["ask", "余杭2023年新增高企多少", "--index-dir", str(sample_index_dir)]
    unknown = run([*args, "--doc", "no-such.txt"])
    assert unknown.exit_code == 2 and "文档库中没有文件编号 no-such.txt" in unknown.stderr
    assert "policyqa docs" in unknown.stderr and "未找到" not in unknown.output
    empty = run([*args, "--year", "1990"])
    assert empty.exit_code == 2 and "没有文档谈到 1990 年" in empty.stderr
