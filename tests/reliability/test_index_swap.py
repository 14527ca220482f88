"""Probes from issue #12 (item 4, the swap): no reader and no kill ever sees a half-done index.

A save writes a new version folder and then replaces the pointer (index.layout). Here
other processes save in a loop while this one loads, or are killed with SIGKILL at
random points; every load must give the old document set or the new one, whole.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from index import layout, store
from index.build import build_index
from index.embed import FakeEmbedder

ROOT = Path(__file__).resolve().parents[2]
# Saves the two prepared indexes (argv 2, 3) into argv 1 in turn, each under the writer
# lock as a build does, after printing "ready"; forever unless argv 4 says how often.
SAVER = """
import sys
from pathlib import Path
from index import store

target = Path(sys.argv[1])
def parts(ix):
    manifest = {k: v for k, v in ix.manifest.items() if k not in ("format_version", "files")}
    return dict(documents=list(ix.documents.values()), passages=ix.passages, tokens=ix.tokens,
                keys=ix.keys, dense_keys=ix.dense_keys, vectors=ix.vectors, bm25=ix.bm25,
                manifest=manifest, facts=list(ix.facts), lists=ix.lists)
saves = [parts(store.load(Path(p), tokens=True)) for p in sys.argv[2:4]]
print("ready", flush=True)
n, i = (int(sys.argv[4]) if len(sys.argv) > 4 else -1), 0
while i != n:
    with store.writer_lock(target):
        store.save(target, **saves[i % 2])
    i += 1
"""


def _doc(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"一、2024年工作总结\n{body}\n", encoding="utf-8")


@pytest.fixture
def two_versions(tmp_path: Path, isolated_cache: Path) -> dict[str, Any]:
    """Indexes of two document sets (old: a, b; new: b, c), and a target holding the old."""
    old, new = tmp_path / "old", tmp_path / "new"
    _doc(old, "a.txt", "全年新增高新技术企业10家,研发投入增长12%。")
    _doc(old, "b.txt", "全年新增科技型中小企业20家。")
    _doc(new, "b.txt", "全年新增科技型中小企业20家。")
    _doc(new, "c.txt", "全年引进高层次人才30名,新增孵化器2家。")
    for corpus in (old, new):
        build_index([corpus], tmp_path / f"idx-{corpus.name}", FakeEmbedder())
    target = tmp_path / "target"
    build_index([old], target, FakeEmbedder())
    return {
        "target": target,
        "sources": [str(tmp_path / "idx-old"), str(tmp_path / "idx-new")],
        "sets": ({"a.txt", "b.txt"}, {"b.txt", "c.txt"}),
        "env": {**os.environ, "PYTHONPATH": str(ROOT)},
    }


def _saver(v: dict[str, Any], *extra: str) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(v["target"]), *v["sources"], *extra],
        env=v["env"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    return proc


def _check_whole(index: store.Index, sets: tuple[set[str], set[str]]) -> int:
    """Which document set the loaded index holds (0 old, 1 new); all its parts agree."""
    docs = set(index.documents)
    assert docs in sets
    assert {p.doc_id for p in index.passages} == docs
    assert {f.doc_id for f in index.facts} <= docs  # read later, from the same version
    assert len(index.vectors) == len(index.passages) == index.bm25.n_passages
    return sets.index(docs)


# Seconds of subprocesses: run by `make test`, left out of `make test-fast`.
@pytest.mark.slow
def test_loads_during_saves_see_the_old_or_the_new_index_whole(
    two_versions: dict[str, Any],
) -> None:
    """Two processes save in turn (writer lock) while this one loads, for 4 s."""
    procs = [_saver(two_versions), _saver(two_versions)]
    seen = [0, 0]
    try:
        stop = time.monotonic() + 4
        while time.monotonic() < stop:
            seen[_check_whole(store.load(two_versions["target"]), two_versions["sets"])] += 1
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    assert seen[0] and seen[1], seen  # the saves really alternated under the loads


# Seconds of subprocesses: run by `make test`, left out of `make test-fast`.
@pytest.mark.slow
def test_a_save_killed_at_random_points_leaves_the_old_or_the_new_index(
    two_versions: dict[str, Any],
) -> None:
    """SIGKILL 20 times at a random moment of a loop of saves; the index always loads."""
    rng = random.Random(12)
    target = two_versions["target"]
    seen, states = [0, 0], set()
    for _ in range(20):
        proc = _saver(two_versions)
        time.sleep(rng.uniform(0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen[_check_whole(store.load(target), two_versions["sets"])] += 1
        states.add(tuple(sorted(p.name.split("-")[0] for p in target.iterdir())))
    print("kill states", seen, sorted(states))
    assert seen[0] and seen[1], seen
    # The next save clears what the killed ones left: temporary folders, old versions.
    proc = _saver(two_versions, "1")
    assert proc.wait(timeout=60) == 0
    names = sorted(p.name for p in target.iterdir())
    assert names[0] == layout.POINTER and len(names) == 3, (names, states)
    assert set(store.load(target).documents) == two_versions["sets"][0]


@pytest.mark.slow
def test_policyqa_index_killed_at_random_points_leaves_an_index(
    tmp_path: Path, isolated_cache: Path
) -> None:
    """The whole command, killed anywhere from start-up to exit, 20 times (~20 s)."""
    old, new = tmp_path / "old", tmp_path / "new"
    _doc(old, "a.txt", "全年新增高新技术企业10家。")
    _doc(new, "c.txt", "全年引进高层次人才30名。")
    target = tmp_path / "idx"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICYQA_MODEL": "fake"}
    cmd = [
        sys.executable,
        "-c",
        "from ui.cli import main; main()",
        "index",
        "--index-dir",
        str(target),
    ]
    started = time.monotonic()
    subprocess.run([*cmd, str(old)], env=env, cwd=ROOT, check=True, capture_output=True)
    duration = time.monotonic() - started
    rng = random.Random(4)
    for run in range(20):
        proc = subprocess.Popen(
            [*cmd, str(new if run % 2 else old)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 1.1) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert set(store.load(target).documents) in ({"a.txt"}, {"c.txt"})


def test_an_index_loaded_before_two_saves_still_reads_its_own_facts(
    two_versions: dict[str, Any],
) -> None:
    """Facts and lists are read lazily, from the version loaded, even once it is removed."""
    target = two_versions["target"]
    loaded = store.load(target)
    first = layout.resolve(target).data
    assert _saver(two_versions, "2").wait(timeout=60) == 0  # two saves: first is removed
    assert not first.exists()
    assert _check_whole(loaded, two_versions["sets"]) == 0
    assert set(loaded.lists) <= {"a.txt", "b.txt"}


def test_a_format_3_index_is_read_then_migrated_by_the_next_build(
    fixture_corpus: Path, tmp_path: Path, isolated_cache: Path, make_flat: Any
) -> None:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder())
    folder = make_flat(tmp_path / "idx")
    assert (folder / "manifest.json").is_file() and not (folder / layout.POINTER).exists()
    store.check_replaceable(folder)  # a format 3 index is an index
    before = store.load(folder).documents
    build_index([fixture_corpus], folder, FakeEmbedder())
    assert sorted(p.name for p in folder.iterdir()) == [layout.POINTER, "v000001"]
    assert store.load(folder).documents == before
    assert store.read_manifest(folder)["format_version"] == store.FORMAT_VERSION


def test_what_a_killed_first_build_leaves_is_an_index_to_replace(
    fixture_corpus: Path, tmp_path: Path, isolated_cache: Path
) -> None:
    folder = tmp_path / "idx"
    (folder / ".tmp-x1y2").mkdir(parents=True)
    (folder / ".tmp-x1y2" / "documents.jsonl").write_text("{}", encoding="utf-8")
    (folder / "v000001").mkdir()  # renamed, but killed before the pointer was written
    (folder / f".{layout.POINTER}.tmp-k3j4").write_text("{", encoding="utf-8")
    store.check_replaceable(folder)
    build_index([fixture_corpus], folder, FakeEmbedder())
    assert sorted(p.name for p in folder.iterdir()) == [layout.POINTER, "v000002"]


def test_a_version_like_folder_beside_other_files_is_not_an_index(tmp_path: Path) -> None:
    from corpus.errors import NotAnIndexError

    folder = tmp_path / "mine"
    (folder / "v000001").mkdir(parents=True)
    (folder / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(NotAnIndexError):
        store.check_replaceable(folder)


def test_adding_to_a_folder_that_is_no_index_removes_nothing(
    fixture_corpus: Path, tmp_path: Path, isolated_cache: Path
) -> None:
    from corpus.errors import PolicyQAError
    from index.build import add_documents

    folder = tmp_path / "mine"
    (folder / ".tmp-drafts").mkdir(parents=True)
    (folder / ".tmp-drafts" / "a.txt").write_text("keep", encoding="utf-8")
    (folder / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(PolicyQAError):
        add_documents([fixture_corpus], folder, FakeEmbedder())
    assert (folder / ".tmp-drafts" / "a.txt").read_text(encoding="utf-8") == "keep"


class _Killed(BaseException):
    """Stands for SIGKILL at one step of a save (nothing after it runs but `finally`)."""


@pytest.mark.parametrize(
    ("step", "loads"),
    [
        ("rename", "old"),  # the version folder is complete, not yet renamed
        ("_sync_dir", "old"),  # renamed to vNNNNNN, the pointer not yet replaced
        ("_write_pointer", "old"),  # the same, inside the pointer's replacement
        ("rmtree", "new"),  # the pointer replaced, older versions being removed
    ],
)
def test_a_save_stopped_at_each_step_of_the_swap(
    two_versions: dict[str, Any], monkeypatch: pytest.MonkeyPatch, step: str, loads: str
) -> None:
    """Each step of index.layout.publish in turn, deterministically (the random kills above
    land on them by chance)."""
    target = two_versions["target"]
    new = store.load(Path(two_versions["sources"][1]), tokens=True)
    for _ in range(2):  # two versions already, so the next save prunes one
        build_index([Path(two_versions["sources"][0]).parent / "old"], target, FakeEmbedder())

    def killed(*args: Any, **kwargs: Any) -> None:
        raise _Killed

    if step == "rename":
        monkeypatch.setattr(Path, "rename", killed)
    elif step == "rmtree":
        monkeypatch.setattr(layout.shutil, "rmtree", killed)
    else:
        monkeypatch.setattr(layout, step, killed)
    with pytest.raises(_Killed):
        store.save_loaded(target, new, {"model_id": new.model_id, "dim": new.vectors.shape[1]})
    monkeypatch.undo()
    expected = two_versions["sets"][0 if loads == "old" else 1]
    assert set(store.load(target).documents) == expected
    build_index([Path(two_versions["sources"][0]).parent / "new"], target, FakeEmbedder())
    assert set(store.load(target).documents) == two_versions["sets"][1]
    assert len([p for p in target.iterdir() if p.name.startswith("v")]) == 2
