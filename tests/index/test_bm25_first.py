"""BM25 first: an index searchable before its passages are embedded, completed after."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from answer.pipeline import QA
from corpus.errors import IndexFormatError
from index import layout, store
from index.backend import Backend, BackendConfig
from index.build import add_documents, build_index, push_to_milvus, remove_documents
from index.embed import FakeEmbedder
from index.manifest import DENSE_KEY, DenseState
from index.pool import PoolConfig
from index.write import SEARCHABLE, BuildConfig
from retrieval.model import Mode

pytestmark = pytest.mark.usefixtures("isolated_cache")

FIRST = BuildConfig(bm25_first_min=1, pool=PoolConfig(workers=1))
QUESTION = "西湖区2023年新增国家高新技术企业多少家"
FIXTURE_IDS = {"binjiang_plan.txt", "shangcheng_trad.txt", "xihu_2023.txt"}


class Killed(RuntimeError):
    """Stands for the build's process being killed while it embeds."""


class KilledEmbedder(FakeEmbedder):
    """The fake embedder, 'killed' at its first encode."""

    def encode(self, texts, *, progress=False):  # type: ignore[no-untyped-def]
        raise Killed("killed while embedding")


def _pending(corpus: Path, folder: Path) -> None:
    """A build of ``corpus`` into ``folder`` killed between its two saves."""
    stages: list[str] = []
    with pytest.raises(Killed):
        build_index(
            [corpus],
            folder,
            KilledEmbedder(),
            config=FIRST,
            progress=lambda stage, *_: stages.append(stage),
        )
    assert SEARCHABLE in stages


def _record(answer) -> dict:  # type: ignore[no-untyped-def]
    out = answer.to_dict()
    out.pop("latency_ms")
    out.pop("retrieval")
    return out


def test_killed_embedding_leaves_a_bm25_index(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    _pending(fixture_corpus, folder)
    index = store.load(folder, tokens=True)
    assert index.dense_pending
    assert index.manifest[DENSE_KEY] == DenseState.PENDING
    assert len(index.documents) == 3 and len(index.passages) > 0
    assert len(index.vectors) == 0
    data = layout.resolve(folder).data
    assert not (data / "vectors.npy").exists()
    assert index.facts and index.lists is not None and index.tokens


def test_pending_index_answers_by_bm25_and_says_so(fixture_corpus: Path, tmp_path: Path) -> None:
    _pending(fixture_corpus, tmp_path / "pending")
    build_index([fixture_corpus], tmp_path / "whole", FakeEmbedder())
    pending = QA(tmp_path / "pending", embedder=FakeEmbedder())
    whole = QA(tmp_path / "whole", embedder=FakeEmbedder())
    for mode in Mode:
        answer = pending.ask(QUESTION, mode=mode)
        assert answer.retrieval is Mode.BM25
        assert "212家" in answer.answer
        assert _record(answer) == _record(whole.ask(QUESTION, mode="bm25"))
        hits = pending.search(QUESTION, 5, mode=mode)
        assert hits and all(h.dense is None and h.bm25 is not None for h in hits)
    assert json.loads(pending.ask(QUESTION).to_json())["retrieval"] == "bm25"
    assert whole.ask(QUESTION).retrieval is Mode.HYBRID
    assert whole.ask(QUESTION, mode="dense").retrieval is Mode.DENSE


def test_next_build_completes_it_and_dense_joins(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    _pending(fixture_corpus, folder)
    report = build_index([fixture_corpus], folder, FakeEmbedder(), config=FIRST)
    assert report.searchable_seconds is not None and report.embedded > 0
    index = store.load(folder)
    assert not index.dense_pending and DENSE_KEY not in index.manifest
    one_step = tmp_path / "one"
    build_index([fixture_corpus], one_step, FakeEmbedder(), config=BuildConfig(bm25_first=False))
    other = store.load(one_step)
    assert list(index.passages) == list(other.passages)
    assert np.array_equal(index.vectors, other.vectors)
    qa = QA(folder, embedder=FakeEmbedder())
    answer = qa.ask(QUESTION)
    assert answer.retrieval is Mode.HYBRID
    assert any(h.dense is not None for h in qa.search(QUESTION, 5))
    again = build_index([fixture_corpus], folder, FakeEmbedder(), config=FIRST)
    assert again.embedded == 0 and again.searchable_seconds is None


def test_pending_version_then_complete_one(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    build_index([fixture_corpus], folder, FakeEmbedder(), config=FIRST)
    versions = sorted(p.name for p in folder.iterdir() if p.name.startswith("v"))
    assert versions == ["v000001", "v000002"]
    first = json.loads((folder / "v000001" / "manifest.json").read_text(encoding="utf-8"))
    second = json.loads((folder / "v000002" / "manifest.json").read_text(encoding="utf-8"))
    assert first[DENSE_KEY] == "pending" and "vectors.npy" not in first["files"]
    assert DENSE_KEY not in second and "vectors.npy" in second["files"]
    same = {k: v for k, v in first["files"].items()}
    assert {k: second["files"][k] for k in same} == same  # the same files, hard linked


def test_small_update_saves_once(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    report = build_index([fixture_corpus], folder, FakeEmbedder())  # fewer than 512 to embed
    assert report.searchable_seconds is None
    assert [p.name for p in folder.iterdir() if p.name.startswith("v")] == ["v000001"]


def test_add_to_a_pending_index(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    (tmp_path / "more").mkdir()
    extra = tmp_path / "more" / "gongshu_note.txt"
    extra.write_text(
        "拱墅区科技局2023年工作简报\n一、工作成效\n全年新增科技型企业88家。\n", encoding="utf-8"
    )
    _pending(fixture_corpus, folder)
    add_documents([extra], folder, FakeEmbedder(), config=FIRST)
    index = store.load(folder)
    assert not index.dense_pending and len(index.vectors) == len(index.passages)
    assert set(index.documents) == {*FIXTURE_IDS, "gongshu_note.txt"}


def test_remove_from_a_pending_index(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    _pending(fixture_corpus, folder)
    remove_documents(["xihu_2023.txt"], folder, FakeEmbedder())
    index = store.load(folder)
    assert set(index.documents) == FIXTURE_IDS - {"xihu_2023.txt"}
    assert not index.dense_pending and len(index.vectors) == len(index.passages)


def test_pending_index_is_not_moved_to_milvus(fixture_corpus: Path, tmp_path: Path) -> None:
    _pending(fixture_corpus, tmp_path / "idx")
    config = BackendConfig(Backend.MILVUS, str(tmp_path / "milvus.db"))
    with pytest.raises(IndexFormatError, match="not all embedded"):
        push_to_milvus(tmp_path / "idx", config)


def test_unknown_dense_state_is_refused(fixture_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "idx"
    _pending(fixture_corpus, folder)
    manifest_path = layout.resolve(folder).data / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest_path.write_text(json.dumps({**manifest, DENSE_KEY: "halfway"}), encoding="utf-8")
    with pytest.raises(IndexFormatError, match="halfway"):
        store.load(folder)


def test_complete_manifest_without_vectors_is_incomplete(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "idx"
    _pending(fixture_corpus, folder)
    manifest_path = layout.resolve(folder).data / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.pop(DENSE_KEY)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexFormatError, match=r"incomplete \(missing vectors.npy\)"):
        store.load(folder)


def test_mode_for(sample_index, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from retrieval.search import Retriever

    retriever = Retriever(sample_index, fake_embedder)
    assert [retriever.mode_for(m) for m in ("hybrid", "bm25", "dense")] == list(Mode)
    with pytest.raises(ValueError, match="unknown retrieval mode"):
        retriever.mode_for("sparse")
    pending = replace(sample_index, manifest={**sample_index.manifest, DENSE_KEY: "pending"})
    assert {Retriever(pending, fake_embedder).mode_for(m) for m in Mode} == {Mode.BM25}


@pytest.mark.parametrize("step", ["link_or_copy", "write_dense", "_write_pointer"])
def test_completion_stopped_at_each_step_leaves_the_pending_index(
    fixture_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    """The second save (the vectors) stopped at its steps: the pending version still loads
    and answers; the next build completes the index and clears what was left."""
    from index import files

    folder = tmp_path / "idx"

    where = layout if step == "_write_pointer" else files
    real, calls = getattr(where, step), []

    def killed(*args: object, **kwargs: object) -> object:
        calls.append(step)
        if step == "_write_pointer" and len(calls) == 1:  # the pending version's own pointer
            return real(*args, **kwargs)
        raise Killed(step)

    monkeypatch.setattr(where, step, killed)
    with pytest.raises(Killed):
        build_index([fixture_corpus], folder, FakeEmbedder(), config=FIRST)
    monkeypatch.undo()
    index = store.load(folder)
    assert index.dense_pending and set(index.documents) == FIXTURE_IDS
    assert QA(folder, embedder=FakeEmbedder()).ask(QUESTION).retrieval is Mode.BM25
    report = build_index([fixture_corpus], folder, FakeEmbedder(), config=FIRST)
    assert report.embedded == 0  # every vector came from the cache
    assert not store.load(folder).dense_pending
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]
