"""index.build: incremental builds, add/remove, skipped files, legacy encodings."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from corpus.errors import IndexNotFoundError, ModelMismatchError
from index import store
from index.build import add_documents, build_index, remove_documents
from index.embed import FakeEmbedder

pytestmark = pytest.mark.usefixtures("isolated_cache")

FIXTURE_IDS = {"binjiang_plan.txt", "shangcheng_trad.txt", "xihu_2023.txt"}


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def encode(self, texts, *, progress=False):  # type: ignore[no-untyped-def]
        self.count += len(texts)
        return super().encode(texts, progress=progress)


def _n_passages(index: store.Index, doc_id: str) -> int:
    return len(index.doc_rows.get(doc_id, []))


def test_first_build(fixture_corpus: Path, tmp_path: Path) -> None:
    emb = CountingEmbedder()
    report = build_index([fixture_corpus], tmp_path / "idx", emb)
    index = store.load(tmp_path / "idx")
    assert set(index.documents) == FIXTURE_IDS
    assert report.n_documents == 3
    assert report.n_passages == len(index.passages) > 0
    # Identical passage texts are embedded once.
    assert report.embedded == len(set(index.dense_keys)) == emb.count
    assert report.embedded + report.reused == report.n_passages
    assert report.skipped == ()
    assert report.index_dir == str(tmp_path / "idx")
    assert report.seconds >= 0
    # The manifest beside the corpus was applied.
    assert index.documents["xihu_2023.txt"].title == "西湖区科技局2023年工作总结和2024年工作计划"


def test_rebuild_embeds_nothing(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    emb = CountingEmbedder()
    report = build_index([fixture_corpus], tmp_path / "idx", emb)
    assert report.embedded == 0 == emb.count
    assert report.reused == report.n_passages > 0


def test_rebuild_samples_embeds_nothing(
    samples_dir: Path, sample_index_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "idx"
    shutil.copytree(sample_index_dir, folder)
    before = store.load(folder)
    report = build_index([samples_dir], folder, FakeEmbedder())
    assert report.embedded == 0
    assert report.reused == report.n_passages == len(before.passages)
    after = store.load(folder)
    assert after.passages == before.passages
    assert (after.vectors == before.vectors).all()


def test_changed_file_embeds_only_its_passages(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    path = fixture_corpus / "binjiang_plan.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("新增高新技术企业150家", "新增高新技术企业160家"),
        encoding="utf-8",
    )
    emb = CountingEmbedder()
    report = build_index([fixture_corpus], tmp_path / "idx", emb)
    index = store.load(tmp_path / "idx")
    assert report.embedded == emb.count == 1  # the one passage that changed
    assert report.reused == report.n_passages - 1
    assert any("160家" in p.text for p in index.passages)
    assert not any("150家" in p.text for p in index.passages)


def test_changed_title_retokenises_but_does_not_reembed(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    before = store.load(tmp_path / "idx")
    path = fixture_corpus / "shangcheng_trad.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("科技工作回顧", "科技創新工作回顧"),
        encoding="utf-8",
    )
    emb = CountingEmbedder()
    report = build_index([fixture_corpus], tmp_path / "idx", emb)
    after = store.load(tmp_path / "idx")
    # The title is in the BM25 text of every passage of the document but not in the
    # embedded text: only the passage of the title line itself is embedded again.
    assert report.embedded == emb.count == 1
    changed = {
        p.doc_id
        for p, k0, k1 in zip(before.passages, before.keys, after.keys, strict=True)
        if k0 != k1
    }
    assert changed == {"shangcheng_trad.txt"}
    assert after.documents["shangcheng_trad.txt"].title == "上城區2022年科技創新工作回顧"


def test_embedding_cache_is_shared_between_indexes(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx1", FakeEmbedder())
    emb = CountingEmbedder()
    report = build_index([fixture_corpus], tmp_path / "idx2", emb)
    assert report.embedded == emb.count == 0
    assert report.reused == report.n_passages
    one, two = store.load(tmp_path / "idx1"), store.load(tmp_path / "idx2")
    assert (one.vectors == two.vectors).all()


def test_fresh_cache_embeds_again(
    fixture_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_index([fixture_corpus], tmp_path / "idx1", FakeEmbedder())
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(tmp_path / "other-cache"))
    report = build_index([fixture_corpus], tmp_path / "idx2", FakeEmbedder())
    assert report.embedded == len(set(store.load(tmp_path / "idx2").dense_keys)) > 0


def test_removed_file_is_dropped(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    (fixture_corpus / "xihu_2023.txt").unlink()
    report = build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    index = store.load(tmp_path / "idx")
    assert set(index.documents) == FIXTURE_IDS - {"xihu_2023.txt"}
    assert all(p.doc_id != "xihu_2023.txt" for p in index.passages)
    assert report.embedded == 0
    assert report.n_documents == 2


def test_add_documents(fixture_corpus: Path, tmp_path: Path, samples_dir: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    new = samples_dir / "002_f02437565036b0c9.txt"
    emb = CountingEmbedder()
    report = add_documents([new], tmp_path / "idx", emb)
    index = store.load(tmp_path / "idx")
    assert set(index.documents) == FIXTURE_IDS | {new.name}
    assert report.embedded == emb.count == _n_passages(index, new.name)
    # The sidecar beside an added file applies to it too.
    assert index.documents[new.name].title.startswith("温州市瓯海区科技局")
    # Adding the same file again replaces it and embeds nothing.
    again = add_documents([new], tmp_path / "idx", FakeEmbedder())
    assert again.embedded == 0
    assert len(store.load(tmp_path / "idx").documents) == 4


def test_add_documents_needs_an_index(fixture_corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError):
        add_documents([fixture_corpus], tmp_path / "none", FakeEmbedder())


def test_remove_documents(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    emb = CountingEmbedder()
    report = remove_documents(["binjiang_plan.txt"], tmp_path / "idx", emb)
    index = store.load(tmp_path / "idx")
    assert set(index.documents) == FIXTURE_IDS - {"binjiang_plan.txt"}
    assert report.embedded == emb.count == 0
    assert index.bm25.n_passages == len(index.passages) == report.n_passages


def test_remove_unknown_document(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    with pytest.raises(IndexNotFoundError) as exc:
        remove_documents(["xihu_2023.txt", "nope.txt"], tmp_path / "idx", FakeEmbedder())
    assert "nope.txt" in str(exc.value)
    assert "xihu_2023.txt" in store.load(tmp_path / "idx").documents  # nothing removed


def test_other_model_cannot_update(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())

    class Other(FakeEmbedder):
        model_id = "other-model"

    with pytest.raises(ModelMismatchError):
        add_documents([fixture_corpus], tmp_path / "idx", Other())
    # A full build with another model re-embeds everything.
    report = build_index([fixture_corpus], tmp_path / "idx", Other())
    assert report.embedded == len(set(store.load(tmp_path / "idx").dense_keys))
    assert store.load(tmp_path / "idx").model_id == "other-model"


def test_unreadable_files_are_skipped(fixture_corpus: Path, tmp_path: Path) -> None:
    (fixture_corpus / "binary.txt").write_bytes(bytes(range(256)) * 8 + b"\x00\x01")
    (fixture_corpus / "empty.txt").write_bytes(b"")
    (fixture_corpus / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    (fixture_corpus / "table.xlsx").write_bytes(b"PK\x03\x04")
    report = build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(skipped) == {"binary.txt", "empty.txt", "blank.txt", "table.xlsx"}
    assert all(reason for reason in skipped.values())
    assert "xlsx" in skipped["table.xlsx"]
    assert set(store.load(tmp_path / "idx").documents) == FIXTURE_IDS
    assert report.n_documents == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_permission_is_skipped(fixture_corpus: Path, tmp_path: Path) -> None:
    path = fixture_corpus / "secret.txt"
    path.write_text("一、内容\n正文。\n", encoding="utf-8")
    path.chmod(0)
    try:
        report = build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    finally:
        path.chmod(0o644)
    assert [Path(s.path).name for s in report.skipped] == ["secret.txt"]


def test_bad_manifest_is_reported_and_documents_still_indexed(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    (fixture_corpus / "manifest.tsv").unlink()
    (fixture_corpus / "manifest.jsonl").write_text("{broken\n", encoding="utf-8")
    report = build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    assert [Path(s.path).name for s in report.skipped] == ["manifest.jsonl"]
    assert set(store.load(tmp_path / "idx").documents) == FIXTURE_IDS


def test_duplicate_doc_ids_are_skipped(fixture_corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(fixture_corpus / "xihu_2023.txt", other / "xihu_2023.txt")
    report = build_index(
        [fixture_corpus / "xihu_2023.txt", other / "xihu_2023.txt"],
        tmp_path / "idx",
        FakeEmbedder(),
    )
    assert report.n_documents == 1
    assert len(report.skipped) == 1 and "duplicate" in report.skipped[0].reason


def test_nested_folders_give_relative_ids(fixture_corpus: Path, tmp_path: Path) -> None:
    (fixture_corpus / "docs").mkdir()
    shutil.move(fixture_corpus / "binjiang_plan.txt", fixture_corpus / "docs" / "binjiang_plan.txt")
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    index = store.load(tmp_path / "idx")
    assert "docs/binjiang_plan.txt" in index.documents
    assert all(p.pid.startswith(p.doc_id + "#") for p in index.passages)


LEGACY_TEXT = (
    "{region}2023年科技工作總結\n"
    "一、2023年工作總結\n"
    "2023年,{region}堅持創新驅動發展戰略,全年新增國家高新技術企業98家,"
    "技術合同成交額達到45億元,研發投入強度達到3.2%。\n"
    "二、2024年工作計劃\n"
    "力爭2024年新增國家高新技術企業110家,新增科技型中小企業300家。\n"
)


@pytest.mark.parametrize(
    ("encoding", "text", "region"),
    [
        ("gb18030", LEGACY_TEXT.format(region="西湖区").replace("總結", "总结"), "西湖区"),
        (
            "gbk",
            "杭州市拱墅区科技局2023年工作总结\n一、主要成效\n全年新增高新技术企业120家,研发投入持续增长。\n",
            "拱墅区",
        ),
        ("big5", LEGACY_TEXT.format(region="上城區"), "上城区"),
    ],
)
def test_legacy_encodings_index_fine(tmp_path: Path, encoding: str, text: str, region: str) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "legacy.txt").write_bytes(text.encode(encoding))
    report = build_index([folder], tmp_path / "idx", FakeEmbedder())
    assert report.skipped == ()
    doc = store.load(tmp_path / "idx").documents["legacy.txt"]
    assert doc.text == text
    assert doc.encoding == ("gb18030" if encoding == "gbk" else encoding)
    assert doc.region == region
    assert doc.passages and all(p.text == doc.text[p.start : p.end] for p in doc.passages)


def test_progress_is_reported(fixture_corpus: Path, tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    build_index(
        [fixture_corpus], tmp_path / "idx", FakeEmbedder(), progress=lambda *a: calls.append(a)
    )
    stages = {c[0] for c in calls}
    assert {"read", "embed"} <= stages
    reads = [c for c in calls if c[0] == "read"]
    assert reads[-1][1] == reads[-1][2] == 3


def test_bigram_tokenizer_build(fixture_corpus: Path, tmp_path: Path) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder(), tokenizer="bigram")
    index = store.load(tmp_path / "idx", tokens=True)
    assert index.manifest["params"]["tokenizer"] == "bigram"
    assert all(
        len(t) <= 2 or not ("\u4e00" <= t[0] <= "\u9fff") for toks in index.tokens for t in toks
    )
    # Switching the tokenizer re-tokenises (the cached tokens were for bigrams).
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    index2 = store.load(tmp_path / "idx", tokens=True)
    assert index2.manifest["params"]["tokenizer"] == "jieba_search"
    assert index2.tokens != index.tokens


def test_unknown_tokenizer_fails_before_writing(fixture_corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="tokenizer"):
        build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder(), tokenizer="nope")
    assert not (tmp_path / "idx").exists()


def test_empty_folder_builds_empty_index(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    report = build_index([tmp_path / "docs"], tmp_path / "idx", FakeEmbedder())
    assert report.n_documents == report.n_passages == 0
    index = store.load(tmp_path / "idx")
    assert index.documents == {} and index.passages == []
