"""Probes from issue #12 (item 4): writers of one index in several processes lose nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from index import store
from index.build import build_index
from index.embed import FakeEmbedder

ROOT = Path(__file__).resolve().parents[2]
ADD = (
    "import sys; from pathlib import Path; from index.build import add_documents;"
    "from index.embed import FakeEmbedder;"
    "add_documents([Path(sys.argv[1])], Path(sys.argv[2]), FakeEmbedder())"
)


def _doc(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"一、2024年工作总结\n{body}\n", encoding="utf-8")
    return path


def test_two_processes_adding_at_once_keep_both_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _doc(corpus, "base.txt", "全年新增高新技术企业10家。")
    index_dir = tmp_path / "idx"
    build_index([corpus], index_dir, FakeEmbedder())
    new = tmp_path / "new"
    new.mkdir()
    paths = [_doc(new, f"d{i}.txt", f"全年新增科技型中小企业{i}0家。") for i in range(4)]
    env = {"POLICYQA_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", ADD, str(p), str(index_dir)], env=env, cwd=ROOT)
        for p in paths
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    assert set(store.load(index_dir).documents) == {
        "base.txt",
        "d0.txt",
        "d1.txt",
        "d2.txt",
        "d3.txt",
    }


def test_a_killed_builds_temporary_folder_is_cleaned_up(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _doc(corpus, "base.txt", "全年新增高新技术企业10家。")
    index_dir = tmp_path / "idx"
    stale = tmp_path / ".idx.tmp-killed"
    stale.mkdir()
    (stale / "passages.jsonl").write_text("{}", encoding="utf-8")
    mine = tmp_path / "notes"  # not ours: never touched
    mine.mkdir()
    build_index([corpus], index_dir, FakeEmbedder())
    assert not stale.exists()
    assert mine.is_dir() and set(store.load(index_dir).documents) == {"base.txt"}
    # A save killed inside the index folder (format 4) leaves .tmp-* there: removed too.
    inner = index_dir / ".tmp-killed"
    inner.mkdir()
    (inner / "vectors.npy").write_bytes(b"half")
    build_index([corpus], index_dir, FakeEmbedder())
    assert not inner.exists()
