"""index.facts_view: the facts and the documents they quote, parsed only as far as asked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus.errors import IndexFormatError
from index import checksum, layout
from index.facts_view import as_written, facts_view, load_facts_view


def _rewrite(folder: Path, name: str, lines: list[str]) -> None:
    """Replace a file of the index's current version and record its checksum, as a save would."""
    data = layout.resolve(folder).data
    (data / name).write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"] = {k: v for k, v in checksum.record(data).items() if k != "manifest.json"}
    (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def copy(sample_index_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "idx"
    shutil.copytree(sample_index_dir, folder)
    return folder


def test_whole_view_is_the_loaded_index(sample_index_dir: Path, sample_index) -> None:  # type: ignore[no-untyped-def]
    view = load_facts_view(sample_index_dir)
    assert view == facts_view(sample_index)
    assert set(view.documents) == set(sample_index.documents)
    doc = view.documents["000_6eaca3ed01c4c811.txt"]
    assert doc.region == "余杭区" and doc.title.startswith("杭州市余杭区科学技术局")


def test_needles_keep_the_facts_holding_them_and_only_their_documents(
    sample_index_dir: Path,
) -> None:
    whole = load_facts_view(sample_index_dir)
    view = load_facts_view(sample_index_dir, ("技术", "企业"))
    expected = [
        f
        for f in whole.facts
        if all(n in json.dumps(f.__dict__, ensure_ascii=False) for n in ("技术", "企业"))
    ]
    assert list(view.facts) == expected and expected
    assert set(view.documents) == {f.doc_id for f in expected}
    assert all(view.documents[d] == whole.documents[d] for d in view.documents)


def test_a_needle_nothing_holds_reads_nothing(sample_index_dir: Path) -> None:
    view = load_facts_view(sample_index_dir, ("火星基地",))
    assert view.facts == () and view.documents == {}


def test_needles_in_a_file_written_with_escapes(copy: Path) -> None:
    """A facts file written with ASCII escapes (\\u9ad8…) is matched in that form."""
    data = layout.resolve(copy).data
    rows = [json.loads(x) for x in (data / "facts.jsonl").read_text("utf-8").splitlines()]
    _rewrite(copy, "facts.jsonl", [json.dumps(r) for r in rows])
    assert as_written("高企", ascii_only=True) == b"\\u9ad8\\u4f01"
    view = load_facts_view(copy, ("技术企业",))
    assert view.facts and all(
        "技术企业" in f.metric or "技术企业" in f.canonical or "技术企业" in f.section
        for f in view.facts
    )


def test_a_document_line_in_another_key_order_is_still_read(copy: Path, json_lines) -> None:  # type: ignore[no-untyped-def]
    json_lines(copy)  # a format 5 index: documents.jsonl
    data = layout.resolve(copy).data
    docs = [json.loads(x) for x in (data / "documents.jsonl").read_text("utf-8").splitlines()]
    reordered = [json.dumps(dict(reversed(d.items())), ensure_ascii=False) for d in docs]
    _rewrite(copy, "documents.jsonl", reordered)
    view = load_facts_view(copy, ("技术企业",))
    assert view.facts and {f.doc_id for f in view.facts} == set(view.documents)


def test_a_broken_fact_line_is_a_clear_error(copy: Path) -> None:
    data = layout.resolve(copy).data
    lines = (data / "facts.jsonl").read_text("utf-8").splitlines()
    _rewrite(copy, "facts.jsonl", [*lines, '{"doc_id": "x", "metric": "技术企业"'])
    with pytest.raises(IndexFormatError, match="corrupt"):
        load_facts_view(copy, ("技术企业",))
