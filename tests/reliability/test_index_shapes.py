"""Probes from issue #12 (item 9): index files of valid JSON but the wrong shape.

Each gave an AttributeError / IndexError / AssertionError traceback; now a load says
which file is malformed (IndexFormatError, exit code 2 on the command line). Every
probe runs on a format 4 index whose checksums were made to match the changed file
(so the shape check, not the checksum, must catch it) and on a format 3 index.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corpus.errors import IndexFormatError
from index import checksum, layout, store
from index.build import build_index
from index.embed import FakeEmbedder

pytestmark = pytest.mark.usefixtures("isolated_cache")
Write = Callable[[str, Any], None]


@pytest.fixture(params=["format5", "format3"])
def index_dir(request: pytest.FixtureRequest, fixture_corpus: Path, tmp_path: Path) -> Path:
    """A JSON lines index (format 5, or flat format 3): the files these probes change.
    Format 6 keeps those rows in store.sqlite (probes in tests/index/test_docstore.py)."""
    folder = tmp_path / "idx"
    build_index([fixture_corpus], folder, FakeEmbedder())
    if request.param == "format3":
        request.getfixturevalue("make_flat")(folder)
    else:
        request.getfixturevalue("json_lines")(folder)
    return folder


@pytest.fixture
def write(index_dir: Path) -> Write:
    """Replace one file of the index (text, JSON or an array), its checksum made to match."""
    data = layout.resolve(index_dir).data

    def put(name: str, content: Any) -> None:
        if isinstance(content, np.ndarray):
            np.save(data / name, content, allow_pickle=False)
        else:
            text = content if isinstance(content, str) else json.dumps(content)
            (data / name).write_text(text, encoding="utf-8")
        manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
        if "files" in manifest:
            files = checksum.record(data)
            del files["manifest.json"]
            manifest["files"] = files
            (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    return put


def _malformed(index_dir: Path, name: str, **load: bool) -> str:
    with pytest.raises(IndexFormatError) as exc:
        index = store.load(index_dir, **load)
        assert index.facts is not None and index.lists is not None  # read lazily
    message = str(exc.value)
    assert name in message and "malformed" in message, message  # not "damaged": the shape
    return message


def _lines(index_dir: Path, name: str) -> list[Any]:
    text = (layout.resolve(index_dir).data / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _jsonl(rows: list[Any]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def test_a_number_as_a_passage_line(index_dir: Path, write: Write) -> None:
    write("passages.jsonl", _jsonl([1, *_lines(index_dir, "passages.jsonl")[1:]]))
    assert "line 1: JSON number where a Passage object should be" in _malformed(
        index_dir, "passages.jsonl"
    )


def test_a_passage_offset_of_the_wrong_type(index_dir: Path, write: Write) -> None:
    rows = _lines(index_dir, "passages.jsonl")
    rows[2]["start"] = "12"
    write("passages.jsonl", _jsonl(rows))
    assert "line 3: Passage.start is JSON string" in _malformed(index_dir, "passages.jsonl")


def test_a_passage_outside_its_document(index_dir: Path, write: Write) -> None:
    """A truncated document text (the issue's empty quote) on an index without checksums."""
    rows = _lines(index_dir, "documents.jsonl")
    rows[0]["text"] = rows[0]["text"][:20]
    write("documents.jsonl", _jsonl(rows))
    assert "lies outside" in _malformed(index_dir, "passages.jsonl")


def test_a_list_as_the_manifest(index_dir: Path) -> None:
    (layout.resolve(index_dir).data / "manifest.json").write_text("[1, 2]", encoding="utf-8")
    assert "JSON array, not an object" in _malformed(index_dir, "manifest.json")
    with pytest.raises(IndexFormatError):
        store.read_manifest(index_dir)


def test_a_list_as_the_vocabulary(index_dir: Path, write: Write) -> None:
    write("vocab.json", [1, 2])
    _malformed(index_dir, "vocab.json")


def test_vocabulary_ids_out_of_range(index_dir: Path, write: Write) -> None:
    vocab = json.loads((layout.resolve(index_dir).data / "vocab.json").read_text("utf-8"))
    vocab[next(iter(vocab))] = len(vocab) + 5
    write("vocab.json", vocab)
    assert "outside the matrix" in _malformed(index_dir, "vocab.json")


def test_a_string_as_a_vocabulary_id(index_dir: Path, write: Write) -> None:
    write("vocab.json", {"高新技术企业": "3"})
    _malformed(index_dir, "vocab.json")


def test_vectors_of_another_dimension(index_dir: Path, write: Write) -> None:
    n = len(_lines(index_dir, "passages.jsonl"))
    write("vectors.npy", np.ones((n, 7), dtype=np.float32))
    assert "dimension 7" in _malformed(index_dir, "vectors.npy")


def test_vectors_of_one_dimension(index_dir: Path, write: Write) -> None:
    write("vectors.npy", np.ones(5, dtype=np.float32))
    _malformed(index_dir, "vectors.npy")


def test_bm25_column_pointers_inconsistent(index_dir: Path, write: Write) -> None:
    indptr = np.load(layout.resolve(index_dir).data / "bm25_indptr.npy")
    write("bm25_indptr.npy", indptr[::-1].copy())
    _malformed(index_dir, "bm25_indptr.npy")


def test_bm25_row_indices_out_of_range(index_dir: Path, write: Write) -> None:
    indices = np.load(layout.resolve(index_dir).data / "bm25_indices.npy")
    write("bm25_indices.npy", indices + 10_000)
    _malformed(index_dir, "bm25_indices.npy")


def test_bm25_shape_of_another_size(index_dir: Path, write: Write) -> None:
    write("bm25_shape.npy", np.asarray([1, 2, 3], dtype=np.int64))
    _malformed(index_dir, "bm25_shape.npy")


def test_a_number_as_a_token_list(index_dir: Path, write: Write) -> None:
    write("tokens.jsonl", _jsonl([1, *_lines(index_dir, "tokens.jsonl")[1:]]))
    assert store.load(index_dir).passages  # answering does not read the tokens
    _malformed(index_dir, "tokens.jsonl", tokens=True)


def test_a_section_that_is_a_number(index_dir: Path, write: Write) -> None:
    rows = _lines(index_dir, "documents.jsonl")
    rows[1]["sections"] = [1]
    write("documents.jsonl", _jsonl(rows))
    assert "line 2: Document.sections" in _malformed(index_dir, "documents.jsonl")


def test_a_number_as_a_fact(index_dir: Path, write: Write) -> None:
    write("facts.jsonl", _jsonl([1, *_lines(index_dir, "facts.jsonl")]))
    _malformed(index_dir, "facts.jsonl")


def test_an_enumeration_without_items(index_dir: Path, write: Write) -> None:
    rows = _lines(index_dir, "lists.jsonl")
    del rows[0]["items"]
    write("lists.jsonl", _jsonl(rows))
    assert "Enumeration.items is missing" in _malformed(index_dir, "lists.jsonl")


@pytest.mark.parametrize("pointer", ["[1, 2]", '{"version": "../elsewhere"}', "{"])
def test_a_pointer_that_policyqa_did_not_write(tmp_path: Path, pointer: str) -> None:
    folder = tmp_path / "idx"
    folder.mkdir()
    (folder / layout.POINTER).write_text(pointer, encoding="utf-8")
    with pytest.raises(IndexFormatError, match="pointer"):
        store.load(folder)


def test_an_unknown_key_in_a_list_item(index_dir: Path, write: Write) -> None:
    rows = _lines(index_dir, "lists.jsonl")
    rows[0]["items"][0]["colour"] = "red"
    write("lists.jsonl", _jsonl(rows))
    assert "colour" in _malformed(index_dir, "lists.jsonl")


def test_json_nested_too_deep_for_the_parser(index_dir: Path, write: Write) -> None:
    write("passages.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(IndexFormatError, match=r"corrupt .*recursion"):
        store.load(index_dir)


def test_a_document_count_that_is_not_a_number(index_dir: Path, write: Write) -> None:
    path = layout.resolve(index_dir).data / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["n_documents"] = [1, 2]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert "'n_documents' is JSON array, not number" in _malformed(index_dir, "manifest.json")
