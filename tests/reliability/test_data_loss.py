"""Probes from issue #12 (data loss): an index build never destroys what it did not create.

Each probe runs the real command line in-process with the fake model, as a careless user
would, and checks that the error is clear and that nothing was changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from index import store
from ui.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
ENV: dict[str, str | None] = {"POLICYQA_MODEL": "fake", "POLICYQA_INDEX_DIR": None}


@pytest.fixture(autouse=True)
def _embedding_cache(tmp_path: Path) -> None:
    """Keep the fake vectors out of the user's embedding cache."""
    ENV["POLICYQA_CACHE_DIR"] = str(tmp_path / "cache")


def run(args: list[str]) -> Result:
    return CliRunner(env=ENV).invoke(main, args, catch_exceptions=False)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_an_ordinary_folder_is_never_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "u"
    folder.mkdir()
    (folder / "a.txt").write_text("t", encoding="utf-8")
    result = run(["index", str(SAMPLES), "--index-dir", str(folder)])
    assert result.exit_code == 2
    assert "not a policyqa index" in result.stderr and "nothing was changed" in result.stderr
    assert _snapshot(folder) == {"a.txt": b"t"}


def test_the_corpus_folder_itself_is_never_replaced(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLES, corpus)
    before = _snapshot(corpus)
    result = run(["index", str(corpus), "--index-dir", str(corpus)])
    assert result.exit_code == 2
    assert _snapshot(corpus) == before


def test_a_file_given_as_index_dir_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me", encoding="utf-8")
    result = run(["index", str(SAMPLES), "--index-dir", str(target)])
    assert result.exit_code == 2
    assert "is a file" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def test_an_empty_or_new_folder_becomes_an_index(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(["index", str(SAMPLES), "--index-dir", str(empty)]).exit_code == 0
    assert store.read_manifest(empty)["n_documents"] == 5
    # ... and an index is replaced by the next build of it.
    assert run(["index", str(SAMPLES), "--index-dir", str(empty)]).exit_code == 0


def test_an_empty_corpus_does_not_empty_an_index(tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    assert run(["index", str(SAMPLES), "--index-dir", str(folder)]).exit_code == 0
    before = _snapshot(folder)
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    result = run(["index", str(nothing), "--index-dir", str(folder)])
    assert result.exit_code == 2
    assert "would remove all 5 documents" in result.stderr and "--allow-empty" in result.stderr
    assert _snapshot(folder) == before
    # Asked explicitly, it empties the index.
    result = run(["index", str(nothing), "--index-dir", str(folder), "--allow-empty"])
    assert result.exit_code == 0
    assert "indexed 0 documents" in result.stdout


def test_an_unreadable_sub_folder_is_listed_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from corpus.collect import collect

    (tmp_path / "ok.txt").write_text("一、总结\n全年新增高企10家。", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top: str, onerror: object = None, **kw: object):
        # As a non-root user would see it: the locked folder cannot be listed.
        err = PermissionError(13, "Permission denied", str(tmp_path / "locked"))
        onerror(err)  # type: ignore[operator]
        yield from ((t, [d for d in ds if d != "locked"], fs) for t, ds, fs in real_walk(top))

    monkeypatch.setattr(os, "walk", walk)
    errors: list[tuple[Path, str]] = []
    found = [s.doc_id for s in collect([tmp_path], on_error=lambda p, w: errors.append((p, w)))]
    assert found == ["ok.txt"]
    assert errors == [(tmp_path / "locked", "folder cannot be read: Permission denied")]
