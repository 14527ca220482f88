"""`policyqa indicators`: table, JSON lines, CSV (BOM), XLSX, conflicts, errors."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index import checksum, layout
from ui.cli import main

KEYS = (
    "doc_id title section region year period kind metric qualifier value unit quote start end"
).split()


def run(args: list[str]) -> Result:
    return CliRunner(env={"POLICYQA_INDEX_DIR": None}).invoke(main, args)


@pytest.fixture(scope="module")
def idx(sample_index_dir: Path) -> list[str]:
    return ["--index-dir", str(sample_index_dir)]


def test_json_lines(idx: list[str], sample_index) -> None:  # type: ignore[no-untyped-def]
    result = run(["indicators", "高企", "--region", "余杭", "--json", *idx])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r) == KEYS for r in rows)
    assert {"637", "500", "507"} <= {r["value"] for r in rows}
    for r in rows:
        assert r["quote"] == sample_index.documents[r["doc_id"]].text[r["start"] : r["end"]]
    assert "国家高新技术企业" in result.stdout  # ensure_ascii=False


def test_table_has_chinese_heads_and_limit(idx: list[str]) -> None:
    result = run(["indicators", "--limit", "3", *idx])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["指标", "限定", "数值", "地区"]
    assert len(lines) == 1 + 3 * 2 + 1 and "显示前 3 行" in lines[-1]


def test_nothing_found(idx: list[str]) -> None:
    result = run(["indicators", "不存在的指标名称", *idx])
    assert result.exit_code == 0 and "没有找到" in result.stdout


def test_csv_with_bom(idx: list[str], tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    result = run(["indicators", "研发投入", "--csv", str(out), *idx])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == KEYS
    assert any(r["metric"] == "R&D经费投入" and r["value"] == "120.64" for r in rows)


def test_xlsx_without_openpyxl_is_a_clear_error(
    idx: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import fails
    result = run(["indicators", "高企", "--xlsx", str(tmp_path / "x.xlsx"), *idx])
    assert result.exit_code == 2
    assert "缺少可选组件" in result.stderr and "pip install" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_xlsx(idx: list[str], tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "x.xlsx"
    assert run(["indicators", "高企", "--xlsx", str(out), *idx]).exit_code == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.cell(1, 1).value == "文件" and sheet.max_row > 1


def test_unwritable_csv(idx: list[str], tmp_path: Path) -> None:
    result = run(["indicators", "高企", "--csv", str(tmp_path / "no" / "x.csv"), *idx])
    assert result.exit_code == 2 and "无法写出结果文件" in result.stderr


def test_missing_index(tmp_path: Path) -> None:
    result = run(["indicators", "高企", "--index-dir", str(tmp_path / "none")])
    assert result.exit_code == 2 and "找不到索引" in result.stderr


def test_one_output_only(idx: list[str], tmp_path: Path) -> None:
    result = run(["indicators", "--json", "--csv", str(tmp_path / "x.csv"), *idx])
    assert result.exit_code == 2 and "choose one of" in result.output


@pytest.fixture
def conflicting(sample_index_dir: Path, tmp_path: Path) -> list[str]:
    """A copy of the sample index where another document states 余杭's 2024 target
    of new 高企 (500) as 600, and a third repeats 500 (made-up facts)."""
    folder = tmp_path / "idx"
    shutil.copytree(sample_index_dir, folder)
    data = layout.resolve(folder).data
    facts = data / "facts.jsonl"
    lines = facts.read_text(encoding="utf-8").splitlines()
    (target,) = [json.loads(x) for x in lines if '"value": "500"' in x and "高新技术企业" in x]
    extra = [
        {**target, "doc_id": "002_f02437565036b0c9.txt", "value": "600"},
        {**target, "doc_id": "003_319bd9830f448044.txt"},
    ]
    facts.write_text("\n".join(lines + [json.dumps(x) for x in extra]) + "\n", encoding="utf-8")
    # The edit is deliberate: record the new checksums, as a save would.
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = {k: v for k, v in checksum.record(data).items() if k != "manifest.json"}
    (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return ["--index-dir", str(folder)]


def test_conflicts(conflicting: list[str], idx: list[str], tmp_path: Path) -> None:
    result = run(["indicators", "--conflicts", "--json", *conflicting])
    assert result.exit_code == 0, result.output
    (group,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert group["values"] == ["500家", "600家"] and group["region"] == "余杭区"
    assert len(group["rows"]) == 3 and list(group["rows"][0]) == KEYS
    table = run(["indicators", "--conflicts", *conflicting]).stdout
    assert "冲突 1：余杭区 2024 目标 新增高新技术企业：500家 / 600家" in table
    out = tmp_path / "c.csv"
    assert run(["indicators", "--conflicts", "--csv", str(out), *conflicting]).exit_code == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("conflict,doc_id,") and len(lines) == 4
    # the samples themselves state no indicator differently
    assert run(["indicators", "--conflicts", "--json", *idx]).stdout == ""


def test_help_has_examples() -> None:
    result = run(["indicators", "--help"])
    assert result.exit_code == 0 and "policyqa indicators 高企" in result.stdout


def test_does_not_load_the_model(idx: list[str]) -> None:
    before = set(sys.modules)
    assert run(["indicators", "高企", "--json", *idx]).exit_code == 0
    loaded = set(sys.modules) - before
    assert not {"torch", "sentence_transformers", "faiss"} & loaded


def test_a_fresh_process_imports_no_heavy_library(sample_index_dir: Path) -> None:
    """`policyqa indicators` reads two files: its start-up imports none of numpy, scipy,
    jieba, the BM25 or the model code (their import was most of its time)."""
    heavy = ("numpy", "scipy", "jieba", "torch", "faiss", "gradio", "index.bm25", "index.build")
    code = (
        "import sys\nfrom ui.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})), file=sys.stderr)"
    )
    args = ["indicators", "高企", "--json", "--index-dir", str(sample_index_dir)]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert "637" in done.stdout
