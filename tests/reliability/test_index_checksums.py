"""Probes from issue #12 (item 6): changed bytes in an index are caught on load, never used.

The manifest records the size and sha256 of every file of an index version; a load
checks what it reads at once, facts.jsonl and lists.jsonl when they are first read.
A format 3 index (no checksums) is still read, with the shape checks only.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from corpus.errors import IndexFormatError
from index import layout, store
from index.build import build_index
from index.embed import FakeEmbedder

pytestmark = pytest.mark.usefixtures("isolated_cache")


def _data(folder: Path) -> Path:
    return layout.resolve(folder).data


def _damaged(folder: Path, name: str, **load: bool) -> str:
    with pytest.raises(IndexFormatError) as exc:
        store.load(folder, **load)
    message = str(exc.value)
    assert name in message and "damaged" in message and "policyqa index" in message
    return message


def test_the_manifest_records_every_file(built: Path) -> None:
    data = _data(built)
    files = store.read_manifest(built)["files"]
    assert set(files) == {p.name for p in data.iterdir()} - {"manifest.json"}
    assert all(len(f["sha256"]) == 64 for f in files.values())
    assert files["vectors.npy"]["bytes"] == (data / "vectors.npy").stat().st_size


def test_random_bytes_of_the_same_size_in_vectors_are_caught(built: Path) -> None:
    path = _data(built) / "vectors.npy"
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size - 64)  # inside the float data: the array would still load
        fh.write(os.urandom(64))
    assert path.stat().st_size == size
    _damaged(built, "vectors.npy")


def test_a_truncated_documents_file_is_caught(built: Path, json_lines) -> None:  # type: ignore[no-untyped-def]
    json_lines(built)
    path = _data(built) / "documents.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))  # whole lines: still valid JSONL
    _damaged(built, "documents.jsonl")


def test_changed_bytes_in_the_store_are_caught(built: Path) -> None:
    path = _data(built) / "store.sqlite"
    data = bytearray(path.read_bytes())
    at = data.index("年".encode())
    data[at : at + 3] = "月".encode()  # the same size, still a database
    path.write_bytes(bytes(data))
    _damaged(built, "store.sqlite")


def test_a_truncated_store_is_caught(built: Path) -> None:
    path = _data(built) / "store.sqlite"
    path.write_bytes(path.read_bytes()[:-4096])
    _damaged(built, "store.sqlite")


def test_a_truncated_document_text_is_caught(built: Path, json_lines) -> None:  # type: ignore[no-untyped-def]
    """The issue's probe: a shortened text that answered "答：" with an empty quote."""
    json_lines(built)
    path = _data(built) / "documents.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[0]["text"] = rows[0]["text"][:20]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    _damaged(built, "documents.jsonl")


def test_damaged_facts_are_caught_when_first_read(built: Path) -> None:
    path = _data(built) / "facts.jsonl"
    path.write_bytes(path.read_bytes().replace(b'"value": "', b'"value": "9', 1))
    index = store.load(built)  # facts.jsonl is read lazily
    with pytest.raises(IndexFormatError, match=r"facts\.jsonl.*damaged"):
        assert index.facts
    assert index.lists  # the undamaged lists still read


def test_damaged_facts_are_caught_when_one_documents_figures_are_read(built: Path) -> None:
    path = _data(built) / "facts.jsonl"
    path.write_bytes(path.read_bytes().replace(b'"value": "', b'"value": "9', 1))
    index = store.load(built)
    with pytest.raises(IndexFormatError, match=r"facts\.jsonl.*damaged"):
        index.facts_of(next(iter(index.documents)))


def test_a_lazy_file_past_the_hash_bound_is_checked_by_its_size(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the arrays and store of a large index: hashing hundreds of MB per process would
    cost a question seconds; a file of another size is still caught."""
    monkeypatch.setattr(store, "LoadConfig", lambda: SimpleNamespace(hash_max_bytes=1))
    path = _data(built) / "facts.jsonl"
    data = path.read_bytes()
    path.write_bytes(data.replace(b'"value": "', b'"value": "9', 1)[:-1])  # the same size
    assert store.load(built).facts  # read, not hashed
    path.write_bytes(data[:-1])
    with pytest.raises(IndexFormatError, match=r"facts\.jsonl.*damaged"):
        assert store.load(built).facts


def test_damaged_tokens_are_caught_when_reindexing_reads_them(built: Path, json_lines) -> None:  # type: ignore[no-untyped-def]
    json_lines(built)
    path = _data(built) / "tokens.jsonl"
    path.write_bytes(path.read_bytes().replace(b'"', b"'", 2))
    assert store.load(built).passages  # answering does not read the tokens
    _damaged(built, "tokens.jsonl", tokens=True)


def test_a_damaged_index_is_rebuilt_by_indexing_again(built: Path, fixture_corpus: Path) -> None:
    path = _data(built) / "vectors.npy"
    path.write_bytes(path.read_bytes()[:-4] + b"\x00\x00\xc0\x7f")  # a NaN
    _damaged(built, "vectors.npy")
    build_index([fixture_corpus], built, FakeEmbedder())
    assert len(store.load(built).documents) == 3


def test_the_command_line_says_which_file_is_damaged(built: Path) -> None:
    from ui.cli import main

    path = _data(built) / "store.sqlite"
    path.write_bytes(path.read_bytes().replace("年".encode(), "月".encode(), 1))
    env = {"POLICYQA_MODEL": "fake", "POLICYQA_INDEX_DIR": str(built)}
    result = CliRunner(env=env).invoke(main, ["ask", "西湖区2023年新增高企多少"])
    assert result.exit_code == 2
    assert "store.sqlite" in result.stderr and "damaged" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_format_3_index_loads_without_checksums(built: Path, make_flat) -> None:  # type: ignore[no-untyped-def]
    before = store.load(built)
    make_flat(built)
    after = store.load(built)
    assert after.manifest["format_version"] == 3 and "files" not in after.manifest
    assert after.documents == before.documents and len(after.facts) == len(before.facts)


def test_a_format_4_manifest_without_a_checksum_is_refused(built: Path) -> None:
    path = _data(built) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["files"]["vectors.npy"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexFormatError, match=r"no checksum of vectors\.npy"):
        store.load(built)


def test_the_indicator_view_checks_the_files_it_reads(
    sample_index_dir: Path, tmp_path: Path
) -> None:
    from index.facts_view import load_facts_view

    folder = tmp_path / "idx"
    shutil.copytree(sample_index_dir, folder)
    facts = layout.resolve(folder).data / "facts.jsonl"
    facts.write_bytes(facts.read_bytes().replace(b'"637"', b'"638"', 1))
    with pytest.raises(IndexFormatError, match=r"facts\.jsonl"):
        load_facts_view(folder)
