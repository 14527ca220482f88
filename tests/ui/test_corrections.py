"""Metadata corrections from the library: saved to the folder's manifest, applied at once,
kept by the next `policyqa index` (fixture corpus, fake embedder; no server)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from corpus.errors import IndexNotFoundError, MetadataError
from corpus.sidecar import load_sidecar

XIHU = "xihu_2023.txt"


@pytest.fixture
def lib(built: Path, fake_embedder: Any) -> Any:
    from ui.library import Library

    return Library(built, fake_embedder)


def test_documents_remember_the_folder_they_were_indexed_from(
    fixture_corpus: Path, tmp_path: Path, fake_embedder: Any
) -> None:
    from index.reading import read_documents

    docs, _ = read_documents([fixture_corpus])
    assert {d.folder for d in docs} == {str(fixture_corpus.resolve())}
    docs, _ = read_documents([fixture_corpus], folders=False)
    assert {d.folder for d in docs} == {""}


def test_a_correction_goes_to_the_manifest_and_into_the_index_at_once(
    lib: Any, fixture_corpus: Path
) -> None:
    before = lib.documents[XIHU]
    changed, where = lib.correct(
        XIHU, {"title": "西湖区科技局工作总结（更正）", "region": "西湖", "issuer": before.issuer}
    )
    assert changed == {"title": "西湖区科技局工作总结（更正）"}  # the same issuer is no change
    assert where == str(fixture_corpus.resolve() / "manifest.tsv")
    assert load_sidecar(fixture_corpus)[XIHU]["title"] == "西湖区科技局工作总结（更正）"
    after = lib.documents[XIHU]
    assert after.title == "西湖区科技局工作总结（更正）" and after.folder == before.folder
    assert after.text == before.text and len(after.passages) == len(before.passages)
    assert all("（更正）" in p.context for p in after.passages)  # BM25 sees the new title


def test_a_correction_survives_indexing_the_folder_again(
    lib: Any, fixture_corpus: Path, built: Path, fake_embedder: Any
) -> None:
    from index.build import build_index
    from index.store import load

    lib.correct(XIHU, {"date": "2024-02-05", "years": "2022,2023,2024", "region": "滨江区"})
    report = build_index([fixture_corpus], built, fake_embedder)
    assert report.embedded == 0  # only metadata changed
    doc = load(built, model_id=fake_embedder.model_id).documents[XIHU]
    assert (doc.date, doc.region) == ("2024-02-05", "滨江区")
    assert 2022 in doc.years


def test_an_uploaded_document_is_corrected_in_the_index_only(
    lib: Any, fixture_corpus: Path, tmp_path: Path
) -> None:
    upload = tmp_path / "up" / "shangcheng_new.txt"
    upload.parent.mkdir()
    shutil.copyfile(fixture_corpus / XIHU, upload)
    manifest = (fixture_corpus / "manifest.tsv").read_text(encoding="utf-8")
    staged, _ = lib.upload([upload])
    doc_id = staged.paths[0].name
    assert lib.documents[doc_id].folder == ""
    changed, where = lib.correct(doc_id, {"title": "上城区计划"})
    assert changed == {"title": "上城区计划"} and where == ""
    assert lib.documents[doc_id].title == "上城区计划"
    assert (fixture_corpus / "manifest.tsv").read_text(encoding="utf-8") == manifest


def test_nothing_changed_writes_nothing_and_bad_values_are_refused(
    lib: Any, fixture_corpus: Path
) -> None:
    manifest = (fixture_corpus / "manifest.tsv").read_text(encoding="utf-8")
    doc = lib.documents[XIHU]
    assert lib.correct(XIHU, {"title": doc.title}) == ({}, "")
    with pytest.raises(MetadataError):
        lib.correct(XIHU, {"date": "明年"})
    with pytest.raises(IndexNotFoundError):
        lib.correct("nope.txt", {"title": "x"})
    assert (fixture_corpus / "manifest.tsv").read_text(encoding="utf-8") == manifest
