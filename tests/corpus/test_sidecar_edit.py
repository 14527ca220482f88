"""corpus.sidecar: metadata corrections checked and written into a folder's manifest,
keeping everything else in it (made-up documents)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.errors import MetadataError, SidecarError
from corpus.sidecar import clean_correction, load_sidecar, save_fields

TSV = (
    "filename\ttitle\tregion\tdate\tperiod\n"
    "a.txt\t甲文件\t西湖区\t2024-01\t2023年总结\n"
    "sub/b.txt\t乙文件\t\t\t\n"
)


def test_corrections_are_checked_and_put_in_the_manifests_form() -> None:
    fields = {"title": " 丙 文件 ", "region": "余杭", "date": "2024-3", "years": "2023、2024 2023"}
    assert clean_correction(fields) == {
        "title": "丙 文件",
        "region": "余杭区",
        "date": "2024-3",
        "years": "2023,2024",
    }
    assert clean_correction({"issuer": "", "other": "x"}) == {}
    assert clean_correction({"region": "某新区"}) == {"region": "某新区"}  # unknown: as written


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", " "), ("region", "Mars"), ("date", "2024-13"), ("date", "去年"),
     ("years", "2023,明年"), ("years", "23")],
)  # fmt: skip
def test_bad_corrections_are_refused(field: str, value: str) -> None:
    with pytest.raises(MetadataError) as caught:
        clean_correction({field: value})
    assert caught.value.field == field


def test_a_tsv_keeps_every_other_row_column_and_value(tmp_path: Path) -> None:
    (tmp_path / "manifest.tsv").write_text(TSV, encoding="utf-8")
    path, row = save_fields(tmp_path, "a.txt", {"title": "甲文件（更正）", "issuer": "甲局"})
    assert path == tmp_path / "manifest.tsv"
    assert row == {
        "title": "甲文件（更正）",
        "region": "西湖区",
        "date": "2024-01",
        "issuer": "甲局",
    }
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "filename\ttitle\tregion\tdate\tperiod\tissuer"
    assert lines[1] == "a.txt\t甲文件（更正）\t西湖区\t2024-01\t2023年总结\t甲局"
    assert lines[2] == "sub/b.txt\t乙文件\t\t\t\t"
    assert load_sidecar(tmp_path)["a.txt"]["title"] == "甲文件（更正）"
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file is gone


def test_a_document_without_a_row_gets_one_and_a_file_name_key_is_found(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_bytes("\ufefffilename,title\nb.txt,乙\n".encode())
    save_fields(tmp_path, "sub/b.txt", {"region": "临安区"})  # keyed by its file name
    save_fields(tmp_path, "c.txt", {"title": "丙"})
    data = (tmp_path / "manifest.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark is kept
    assert load_sidecar(tmp_path) == {
        "b.txt": {"title": "乙", "region": "临安区"},
        "c.txt": {"title": "丙"},
    }


def test_a_folder_without_a_manifest_gets_one(tmp_path: Path) -> None:
    path, row = save_fields(tmp_path, "a.txt", {"date": "2024-05"})
    assert path.name == "manifest.tsv" and row == {"date": "2024-05"}
    assert load_sidecar(tmp_path) == {"a.txt": {"date": "2024-05"}}


def test_a_jsonl_manifest_changes_only_the_documents_line(tmp_path: Path) -> None:
    lines = ['{"file": "a.txt", "title": "甲", "extra": 1}', "", '{"file": "b.txt"}']
    (tmp_path / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    save_fields(tmp_path, "b.txt", {"title": "乙"})
    out = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert out[:2] == lines[:2] and json.loads(out[2]) == {"file": "b.txt", "title": "乙"}


def test_a_ragged_manifest_is_not_rewritten(tmp_path: Path) -> None:
    text = "filename\ttitle\na.txt\t甲\tstray\n"
    (tmp_path / "manifest.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(SidecarError, match="line 2 has more fields"):
        save_fields(tmp_path, "a.txt", {"title": "乙"})
    assert (tmp_path / "manifest.tsv").read_text(encoding="utf-8") == text
