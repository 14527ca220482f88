"""index.store: plain files, no pickle, checked on load, replaced atomically."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from corpus.errors import IndexFormatError, IndexNotFoundError, ModelMismatchError
from index import checksum, layout, store
from index.build import build_index
from index.embed import FakeEmbedder

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def data(built: Path) -> Path:
    """The folder of the index's current version (where its files are)."""
    return layout.resolve(built).data


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_round_trip(fixture_corpus: Path, tmp_path: Path) -> None:
    from index.reading import read_documents
    from index.write import write_index

    docs, skipped = read_documents([fixture_corpus])
    assert not skipped
    folder = tmp_path / "idx"
    write_index(docs, folder, FakeEmbedder())
    index = store.load(folder, model_id=FakeEmbedder.model_id)
    assert index.model_id == FakeEmbedder.model_id
    assert index.manifest["format_version"] == store.FORMAT_VERSION
    assert index.manifest["n_documents"] == len(docs) == len(index.documents)
    for doc in docs:
        loaded = index.documents[doc.doc_id]
        assert loaded == doc  # every field, sections and passages included
    passages = [p for d in docs for p in d.passages]
    assert index.passages == passages
    assert index.vectors.shape == (len(passages), FakeEmbedder().dim)
    assert index.vectors.dtype == np.float32
    assert index.tokens is None  # answering does not need them
    with_tokens = store.load(folder, tokens=True).tokens
    assert with_tokens is not None and len(with_tokens) == len(index.keys) == len(passages)
    assert index.bm25.n_passages == len(passages)
    assert {k: list(v) for k, v in index.doc_rows.items()} == {
        d.doc_id: [i for i, p in enumerate(passages) if p.doc_id == d.doc_id] for d in docs
    }


def test_loaded_bm25_scores_like_a_fresh_one(built: Path) -> None:
    from index.bm25 import BM25

    index = store.load(built, tokens=True)
    fresh = BM25.build(index.tokens)
    query = ["高新技术企业", "新增", "2024"]
    assert np.allclose(index.bm25.get_scores(query), fresh.get_scores(query))


def test_arrays_load_without_pickle(data: Path) -> None:
    for path in data.glob("*.npy"):
        arr = np.load(path, allow_pickle=False)
        assert arr.dtype != object
    db = sqlite3.connect(data / "store.sqlite")
    for table in ("documents", "passages", "tokens"):
        for (row,) in db.execute(f"SELECT data FROM {table}"):
            json.loads(row)
    tokens = " ".join(r for (r,) in db.execute("SELECT data FROM tokens"))
    db.close()
    assert "高新技术企业" in tokens  # ensure_ascii=False


def test_no_folder(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError) as exc:
        store.load(tmp_path / "nothing")
    assert "policyqa index" in str(exc.value)


@pytest.mark.parametrize("missing", ["manifest.json", "store.sqlite", "vectors.npy", "facts.jsonl"])
def test_missing_file(built: Path, data: Path, missing: str) -> None:
    (data / missing).unlink()
    with pytest.raises(IndexFormatError) as exc:
        store.load(built)
    assert missing in str(exc.value)


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "idx").mkdir()
    with pytest.raises(IndexFormatError):
        store.load(tmp_path / "idx")


def test_missing_bm25_file(built: Path, data: Path) -> None:
    (data / "bm25_data.npy").unlink()
    with pytest.raises(IndexFormatError):
        store.load(built)


@pytest.mark.parametrize("version", [0, 1, 99, None, "2"])
def test_wrong_format_version(built: Path, data: Path, version: object) -> None:
    path = data / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format_version"] = version
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexFormatError) as exc:
        store.load(built)
    assert "format version" in str(exc.value)


def test_corrupt_manifest(built: Path, data: Path) -> None:
    (data / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexFormatError):
        store.load(built)


def test_corrupt_passages(built: Path, data: Path) -> None:
    (data / "store.sqlite").write_text('{"pid": 1}\n', encoding="utf-8")
    with pytest.raises(IndexFormatError):
        store.load(built)


def test_inconsistent_vectors(built: Path, data: Path) -> None:
    vectors = np.load(data / "vectors.npy")
    np.save(data / "vectors.npy", vectors[:-1], allow_pickle=False)
    with pytest.raises(IndexFormatError):
        store.load(built)


def test_pickled_array_is_refused(built: Path, data: Path) -> None:
    np.save(data / "vectors.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(IndexFormatError):
        store.load(built)


def test_model_mismatch(built: Path) -> None:
    with pytest.raises(ModelMismatchError) as exc:
        store.load(built, model_id="moka-ai/m3e-small")
    assert FakeEmbedder.model_id in str(exc.value)
    assert store.load(built, model_id=FakeEmbedder.model_id).model_id == FakeEmbedder.model_id
    assert store.load(built).model_id == FakeEmbedder.model_id  # no model given: no check


def test_failed_save_keeps_previous_index(
    built: Path, fixture_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(built)
    n_before = len(store.load(built).passages)
    (fixture_corpus / "extra.txt").write_text(
        "一、新增内容\n新增一段正文,用来改变索引。\n", encoding="utf-8"
    )
    real_save = np.save
    calls = {"n": 0}

    def failing_save(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if ".tmp-" in str(getattr(file, "name", file)):  # the index's own arrays
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError("disk full")
        return real_save(file, *args, **kwargs)

    monkeypatch.setattr(np, "save", failing_save)
    with pytest.raises(OSError, match="disk full"):
        build_index([fixture_corpus], built, FakeEmbedder())
    monkeypatch.undo()
    assert calls["n"] == 3
    assert _snapshot(built) == before
    assert len(store.load(built).passages) == n_before
    # Nothing left beside the index but its writer lock.
    leftovers = [p.name for p in built.parent.iterdir() if p.name.startswith(".")]
    assert leftovers in ([], [f".{built.name}.lock"])


def test_recovers_index_left_between_renames(built: Path, make_flat) -> None:  # type: ignore[no-untyped-def]
    """A format 3 build killed after moving the old index aside (before the new one is in place)."""
    make_flat(built)
    before = _snapshot(built)
    old = built.parent / f".{built.name}.old-12345"
    built.rename(old)
    index = store.load(built)
    assert built.is_dir() and not old.exists()
    assert _snapshot(built) == before
    assert index.passages
    # A copy a killed format 3 build left beside a complete index goes with the next build.
    (built.parent / f".{built.name}.old-999").mkdir()
    with store.writer_lock(built):
        pass
    assert not (built.parent / f".{built.name}.old-999").exists()


def test_rebuild_replaces_folder(built: Path, fixture_corpus: Path) -> None:
    shutil.rmtree(fixture_corpus)
    fixture_corpus.mkdir()
    (fixture_corpus / "only.txt").write_text("一、唯一\n唯一的文件正文。\n", encoding="utf-8")
    build_index([fixture_corpus], built, FakeEmbedder())
    assert set(store.load(built).documents) == {"only.txt"}
    leftovers = [p.name for p in built.parent.iterdir() if p.name.startswith(".")]
    assert leftovers in ([], [f".{built.name}.lock"])  # the writer lock stays
    # The new version and the previous one are kept, nothing else.
    assert sorted(p.name for p in built.iterdir()) == ["current.json", "v000001", "v000002"]
    build_index([fixture_corpus], built, FakeEmbedder())
    assert sorted(p.name for p in built.iterdir()) == ["current.json", "v000002", "v000003"]
    assert layout.resolve(built).version == "v000003"


def test_default_index_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POLICYQA_INDEX_DIR", str(tmp_path / "x"))
    assert store.default_index_dir() == tmp_path / "x"
    monkeypatch.delenv("POLICYQA_INDEX_DIR")
    assert store.default_index_dir() == Path(".policyqa-index")


def test_json_lines_split_at_newlines_only() -> None:
    """U+2028 and U+0085 are written raw (ensure_ascii=False) and are no line breaks."""
    from index import files

    rows = [{"text": "一\u2028二\x85三\r四"}, {"text": "五"}]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    assert files.parse_jsonl(text.encode("utf-8")) == rows


def test_json_lines_files_read_back_line_separators(tmp_path: Path) -> None:
    from index import files

    path = tmp_path / "facts.jsonl"
    files.write_jsonl(path, [{"metric": "高企\u2028数\x85"}, {"metric": "研发"}])
    assert files.read_jsonl(path) == [{"metric": "高企\u2028数\x85"}, {"metric": "研发"}]


def test_a_file_is_no_index(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(IndexNotFoundError):
        store.load(tmp_path / "notes.txt")


def test_change_stamp_moves_when_a_save_publishes_and_is_minus_one_without_index(
    built: Path, fixture_corpus: Path, tmp_path: Path
) -> None:
    before = store.change_stamp(built)
    assert before > 0
    os.utime(built / layout.POINTER, ns=(1, 1))  # a save's new pointer has a new mtime
    build_index([fixture_corpus], built, FakeEmbedder())
    assert store.change_stamp(built) not in (before, 1, -1)
    assert store.change_stamp(tmp_path / "nothing") == -1


def test_abbreviations_and_folded_metrics_survive_a_save(tmp_path: Path) -> None:
    from index.reading import read_documents
    from index.write import write_index

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "某区2023年工作总结\n一、2023年工作总结\n"
        "培育科技型中小企业(以下简称“科小企业”)500家,全年R&D经费投入120亿元。\n",
        encoding="utf-8",
    )
    docs, _ = read_documents([corpus])
    folder = tmp_path / "idx"
    write_index(docs, folder, FakeEmbedder())
    index = store.load(folder)
    assert index.abbreviations.get("科小企业") == "科技型中小企业"
    (fact,) = [f for f in index.facts if f.value == "120"]
    assert fact.canonical == fact.canonical.lower() and "r&d" not in fact.canonical.lower()


def test_pages_are_saved_and_a_format_4_index_loads_without_them(
    tmp_path: Path, json_lines
) -> None:  # type: ignore[no-untyped-def]
    from corpus.document import parse_text
    from index.write import write_index

    text = "一、回顾\n今年完成投资十亿元。\n二、计划\n明年力争投资十二亿元。"
    doc = parse_text(text, "p.pdf", source_format="pdf", pages=(0, text.index("二、")))
    folder = tmp_path / "idx"
    write_index([doc], folder, FakeEmbedder())
    loaded = store.load(folder).documents["p.pdf"]
    assert loaded == doc and [p.page for p in loaded.passages] == [1, 2]
    # What a format 4 policyqa wrote: no pages anywhere.
    json_lines(folder, 4)
    data = layout.resolve(folder).data
    for name in ("documents.jsonl", "passages.jsonl"):
        rows = [json.loads(x) for x in (data / name).read_text(encoding="utf-8").splitlines()]
        for row in rows:
            for key in ("pages", "unread_pages", "page"):
                row.pop(key, None)
        (data / name).write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = 4
    manifest["files"] = {k: v for k, v in checksum.record(data).items() if k != "manifest.json"}
    (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    old = store.load(folder).documents["p.pdf"]
    assert old.pages == () and {p.page for p in old.passages} == {None}
    assert old.page_at(5) is None


def test_a_newer_format_is_refused_with_a_clear_error(built: Path) -> None:
    data = layout.resolve(built).data
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = store.FORMAT_VERSION + 1
    (data / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexFormatError, match=r"this policyqa reads 3, 4, 5, 6; rebuild"):
        store.load(built)
