"""Sidecar manifests (tsv / csv / jsonl) and the collection of files to index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.collect import collect
from corpus.errors import DocumentError
from corpus.sidecar import load_sidecar

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


# --- sidecar ---------------------------------------------------------------------


def test_sample_manifest() -> None:
    rows = load_sidecar(SAMPLES)
    assert len(rows) == 5
    row = rows["003_319bd9830f448044.txt"]
    assert row["region"] == "杭州市"
    assert row["date"] == "2024-03-12"
    assert row["issuer"] == "杭州市科技创新工作领导小组办公室"
    assert "period" not in row  # unknown columns are ignored
    assert rows["004_57978b5f9cc16516.txt"]["script"] == "繁"


def test_tsv(tmp_path: Path) -> None:
    (tmp_path / "manifest.tsv").write_text(
        "filename\ttitle\tregion\tdate\tyears\textra\n"
        "a.txt\t甲文件\t西湖区\t2024-01\t2023,2024\tx\n"
        "b.txt\t\t  滨江区  \t\t\t\n",
        encoding="utf-8",
    )
    rows = load_sidecar(tmp_path)
    assert rows == {
        "a.txt": {"title": "甲文件", "region": "西湖区", "date": "2024-01", "years": "2023,2024"},
        "b.txt": {"region": "滨江区"},
    }


def test_csv_with_bom_and_file_column(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text(
        'file,title,doc_number,issuer\nsub/a.txt,"标题,含逗号",杭科〔2024〕1号,杭州市科学技术局\n',
        encoding="utf-8-sig",
    )
    rows = load_sidecar(tmp_path)
    assert rows == {
        "sub/a.txt": {
            "title": "标题,含逗号",
            "doc_number": "杭科〔2024〕1号",
            "issuer": "杭州市科学技术局",
        }
    }


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        {"doc_id": "a.txt", "title": "甲", "years": 2024, "script": "简", "note": "ignored"},
        {"path": "b.txt", "region": "余杭区", "date": None},
        {"title": "no key: skipped"},
    ]
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n"
    (tmp_path / "manifest.jsonl").write_text(text, encoding="utf-8")
    rows = load_sidecar(tmp_path)
    assert rows == {
        "a.txt": {"title": "甲", "years": "2024", "script": "简"},
        "b.txt": {"region": "余杭区"},
    }


def test_tsv_wins_over_csv(tmp_path: Path) -> None:
    (tmp_path / "manifest.tsv").write_text("filename\ttitle\na.txt\tTSV\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("filename,title\na.txt,CSV\n", encoding="utf-8")
    assert load_sidecar(tmp_path)["a.txt"]["title"] == "TSV"


def test_no_manifest(tmp_path: Path) -> None:
    assert load_sidecar(tmp_path) == {}


def test_bad_jsonl_raises_document_error(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    path.write_text('{"doc_id": "a.txt"\n', encoding="utf-8")
    with pytest.raises(DocumentError) as exc:
        load_sidecar(tmp_path)
    assert exc.value.path == str(path)
    assert "manifest" in str(exc.value)


def test_undecodable_manifest_raises_document_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.tsv").write_bytes("filename\ttitle\na.txt\t标题\n".encode("gb18030"))
    with pytest.raises(DocumentError):
        load_sidecar(tmp_path)


# --- collect -------------------------------------------------------------------


def _tree(root: Path, files: list[str]) -> None:
    for rel in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("一、总体要求\n正文。\n", encoding="utf-8")


def test_collect_ids_relative_to_folder(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _tree(
        root,
        [
            "a.txt",
            "docs/x.txt",
            "docs/deep/y.md",
            "manifest.tsv",
            ".hidden.txt",
            ".git/config.txt",
            "docs/.cache/z.txt",
            "README.md",
            "notes.xyz",
        ],
    )
    sources = list(collect([root]))
    assert [s.doc_id for s in sources] == ["a.txt", "docs/deep/y.md", "docs/x.txt", "notes.xyz"]
    assert all(s.root == root for s in sources)
    assert {s.path for s in sources} == {
        root / "a.txt",
        root / "docs/deep/y.md",
        root / "docs/x.txt",
        root / "notes.xyz",
    }


def test_collect_nested_folder_given_directly(tmp_path: Path) -> None:
    _tree(tmp_path, ["corpus/docs/x.txt"])
    assert [s.doc_id for s in collect([tmp_path / "corpus"])] == ["docs/x.txt"]
    assert [s.doc_id for s in collect([tmp_path / "corpus" / "docs"])] == ["x.txt"]


def test_collect_file_given_directly(tmp_path: Path) -> None:
    _tree(tmp_path, ["docs/x.txt"])
    (src,) = collect([tmp_path / "docs" / "x.txt"])
    assert src.doc_id == "x.txt"
    assert src.root == tmp_path / "docs"


def test_collect_several_paths_in_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["one/b.txt", "one/a.txt", "two/c.txt"])
    ids = [s.doc_id for s in collect([tmp_path / "two", tmp_path / "one"])]
    assert ids == ["c.txt", "a.txt", "b.txt"]


def test_collect_samples() -> None:
    ids = [s.doc_id for s in collect([SAMPLES])]
    assert ids == sorted(p.name for p in SAMPLES.glob("*.txt"))
