"""index.milvus_sync: a re-index updates the Milvus (Lite) collection document by document;
readers see their own version whole while it runs, and a build killed at any step is
undone by the next one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corpus.errors import BackendError
from corpus.model import Document, Passage
from index import layout, milvus_schema, milvus_store, milvus_sync, store
from index.backend import Backend, BackendConfig, DenseIndexKind
from index.bm25 import BM25Params
from index.build import add_documents, build_index, remove_documents
from index.embed import FakeEmbedder
from index.milvus_schema import ALIVE, MilvusConfig
from retrieval.backend import InProcessSearch
from retrieval.milvus_search import MilvusSearch
from retrieval.model import Filters

pytestmark = pytest.mark.usefixtures("isolated_cache")

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "002_f02437565036b0c9.txt"
WORDS = (["科技", "企业"], ["创新", "平台", "建设"], ["高新技术企业", "新增"], ["工作", "计划"])
Row = tuple[int, str, int, int, int]  # pk, doc_id, part, born, dead


@pytest.fixture
def lite(tmp_path: Path, milvus_lite: None, monkeypatch: pytest.MonkeyPatch) -> BackendConfig:
    """Milvus Lite in ``tmp_path``; passage lengths may move freely (always an update)."""
    monkeypatch.setattr(milvus_store, "MilvusConfig", partial(MilvusConfig, rebase_drift=10.0))
    return BackendConfig(Backend.MILVUS, str(tmp_path / "milvus"))


@pytest.fixture
def folder(fixture_corpus: Path, tmp_path: Path, lite: BackendConfig) -> Path:
    build_index([fixture_corpus], tmp_path / "idx", FakeEmbedder(), backend=lite)
    return tmp_path / "idx"


def _entry(folder: Path) -> dict[str, Any]:
    return milvus_store.entry_of(store.read_manifest(folder))


def _rows(backend: BackendConfig, folder: Path) -> set[Row]:
    """Every row of the index's collection, whichever versions hold it."""
    client = milvus_store.connect(backend)
    name = _entry(folder)["collection"]
    client.load_collection(name)
    found = client.query(
        name, filter="pk >= 0", output_fields=["pk", "doc_id", "part", "born", "dead"]
    )
    return {(r["pk"], r["doc_id"], r["part"], r["born"], r["dead"]) for r in found}


def _of(rows: set[Row], doc_id: str) -> set[Row]:
    return {r for r in rows if r[1] == doc_id}


def _same_answers(search: MilvusSearch) -> None:
    """The Milvus reader finds what the in-process search of its own version finds."""
    index = search.index
    here = InProcessSearch(index)
    found = 0
    for tokens in WORDS:
        want = {
            (index.passages[r].doc_id, index.passages[r].start): s
            for r, s in here.bm25(tokens, None, 20).items()
        }
        got = {
            (index.passages[r].doc_id, index.passages[r].start): s
            for r, s in search.bm25(tokens, None, 20).items()
        }
        assert got == pytest.approx(want)
        found += len(got)
    assert found > 0
    vec = FakeEmbedder().encode(["技术合同成交额"])[0]
    for doc_id in index.documents:
        got_rows = search.dense(vec, Filters(doc_ids=(doc_id,)), 1000)
        assert sorted(got_rows) == list(index.doc_rows[doc_id])


def _reader(folder: Path, backend: BackendConfig) -> MilvusSearch:
    return MilvusSearch(store.load(folder), backend)


def test_adding_a_document_writes_only_its_rows(folder: Path, lite: BackendConfig) -> None:
    before, entry = _rows(lite, folder), _entry(folder)
    add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)
    after, new = _rows(lite, folder), _entry(folder)
    assert new["collection"] == entry["collection"] and new["seq"] == entry["seq"] + 1
    assert before < after  # every earlier row as it was (same pk, versions)
    added = after - before
    n = len(store.load(folder).doc_rows[SAMPLE.name])
    assert added == _of(after, SAMPLE.name) and len(added) == n > 0
    assert {(r[3], r[4]) for r in added} == {(new["seq"], ALIVE)}
    assert {r[0] for r in added} == set(range(entry["next_pk"], new["next_pk"]))
    _same_answers(_reader(folder, lite))


def test_changing_a_document_retires_its_rows_and_leaves_the_rest(
    folder: Path, fixture_corpus: Path, lite: BackendConfig
) -> None:
    before, v = _rows(lite, folder), _entry(folder)["seq"]
    changed = fixture_corpus / "xihu_2023.txt"
    changed.write_text(changed.read_text() + "\n全年技术合同成交额再创新高。\n")
    build_index([fixture_corpus], folder, FakeEmbedder(), backend=lite)
    after = _rows(lite, folder)
    untouched = before - _of(before, "xihu_2023.txt")
    assert untouched < after
    old, new = _of(before, "xihu_2023.txt"), _of(after, "xihu_2023.txt")
    assert _retired(old, v + 1) < new  # kept for readers of version v until the next build
    assert {(r[3], r[4]) for r in new - _retired(old, v + 1)} == {(v + 1, ALIVE)}
    _same_answers(_reader(folder, lite))
    remove_documents(["binjiang_plan.txt"], folder, FakeEmbedder(), backend=lite)
    final = _rows(lite, folder)
    assert not any(r[4] == v + 1 for r in final)  # rows retired two versions ago are gone
    assert {r[4] for r in _of(final, "binjiang_plan.txt")} == {v + 2}
    assert _of(final, "shangcheng_trad.txt") == _of(before, "shangcheng_trad.txt")
    _same_answers(_reader(folder, lite))


def _retired(rows: set[Row], version: int) -> set[Row]:
    return {(pk, d, part, born, version) for pk, d, part, born, _ in rows}


def _kill_after(target: Any, attr: str) -> Callable[..., Any]:
    real = getattr(target, attr)

    def run_then_die(*args: Any, **kwargs: Any) -> Any:
        real(*args, **kwargs)
        raise SystemExit(f"killed after {attr}")

    return run_then_die


@pytest.mark.parametrize(
    ("target", "step"),
    [
        (milvus_sync, "recover"),
        (milvus_sync, "retire"),
        (milvus_sync, "insert"),
        (milvus_store, "_settle"),
    ],
)
def test_an_update_killed_at_any_step_leaves_the_current_version_whole(
    folder: Path,
    fixture_corpus: Path,
    lite: BackendConfig,
    monkeypatch: pytest.MonkeyPatch,
    target: Any,
    step: str,
) -> None:
    pointer = (folder / layout.POINTER).read_bytes()
    reader = _reader(folder, lite)  # open all along, as `policyqa serve` is
    before = _rows(lite, folder)
    (fixture_corpus / "xihu_2023.txt").unlink()  # retired by the update
    with monkeypatch.context() as mp:
        mp.setattr(target, step, _kill_after(target, step))
        mp.setattr(milvus_store, "_undo", lambda *a: None)  # a killed process cleans nothing
        with pytest.raises(SystemExit):
            add_documents([SAMPLE, fixture_corpus], folder, FakeEmbedder(), backend=lite)
    assert (folder / layout.POINTER).read_bytes() == pointer
    _same_answers(reader)  # the reader that was open sees its version whole
    _same_answers(_reader(folder, lite))  # and so does one opened now
    build_index([fixture_corpus, SAMPLE], folder, FakeEmbedder(), backend=lite)  # the next build
    after = _rows(lite, folder)
    v = _entry(folder)["seq"]
    assert before - _of(before, "xihu_2023.txt") < after  # the kept rows untouched
    assert {r[4] for r in _of(after, "xihu_2023.txt")} == {v}
    live = {r for r in after if r[3] <= v < r[4]}
    assert len(live) == len(store.load(folder).passages) and len(after) == len(live) + len(
        _of(before, "xihu_2023.txt")
    )
    _same_answers(_reader(folder, lite))


def test_an_update_killed_after_the_switch_answers_with_the_new_version(
    folder: Path, lite: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as mp:
        mp.setattr(store, "save", _kill_after(store, "save"))
        mp.setattr(milvus_store, "_undo", lambda *a: None)
        with pytest.raises(SystemExit):
            add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)
    search = _reader(folder, lite)
    assert SAMPLE.name in search.index.documents
    _same_answers(search)


def test_a_failed_save_takes_the_update_back(
    folder: Path, lite: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(lite, folder)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", disk_full)
    with pytest.raises(OSError):
        remove_documents(["xihu_2023.txt"], folder, FakeEmbedder(), backend=lite)
    assert _rows(lite, folder) == before


# -- the plan, without Milvus --------------------------------------------------------------


def _version(*docs: tuple[str, str], dim: int = 4) -> milvus_sync.VersionData:
    """A made-up version: one passage per (doc id, text)."""
    documents, passages = [], []
    for doc_id, text in docs:
        p = Passage(f"{doc_id}#0", doc_id, text, 0, len(text))
        passages.append(p)
        documents.append(Document(doc_id, text, text, region="余杭区", passages=(p,)))
    tokens = [list(t) for _, t in docs]
    return milvus_sync.VersionData(
        documents,
        passages,
        tokens,
        np.zeros((len(docs), dim), np.float32),
        [t for _, t in docs],
        [t for _, t in docs],
        BM25Params(),
        "jieba_search",
    )


def _entry_of(v: milvus_sync.VersionData, **change: Any) -> dict[str, Any]:
    entry = milvus_sync.entry_for("c", "p", 3, 10, v.avgdl, v, MilvusConfig())
    return {**entry, **change}


def test_the_plan_writes_new_and_changed_documents_and_retires_changed_and_gone() -> None:
    old = _version(("a", "今年新增企业十家"), ("b", "研发投入增长"), ("c", "人才引进计划"))
    new = _version(("a", "今年新增企业十家"), ("b", "研发投入增长两成"), ("d", "孵化器建设成效"))
    todo = milvus_sync.plan(_entry_of(old), old.signatures(), new, MilvusConfig(rebase_drift=1.0))
    assert not todo.full
    assert (sorted(todo.write), sorted(todo.retire)) == (["b", "d"], ["b", "c"])


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"layout": 1}, "earlier layout"),
        ({"dense_index": "HNSW"}, "dense index"),
        ({"dim": 8}, "vector size"),
        ({"bm25": [1.2, 0.75]}, "BM25 parameters"),
        ({"tokenizer": "jieba"}, "tokenizer"),
        ({"avgdl": 100.0}, "passage lengths"),
        ({"collection": ""}, "no collection"),
    ],
)
def test_the_plan_writes_everything_again_when_rows_would_not_match(
    change: dict[str, Any], why: str
) -> None:
    v = _version(("a", "今年新增企业十家"), ("b", "研发投入增长"))
    todo = milvus_sync.plan(_entry_of(v, **change), v.signatures(), v, MilvusConfig())
    assert todo.full and why in todo.why


def test_a_document_signature_follows_what_its_rows_hold() -> None:
    a = _version(("a", "今年新增企业十家"))
    moved = Document("a", "x", "x", region="西湖区", passages=a.documents[0].passages)
    b = milvus_sync.VersionData(
        [moved], a.passages, a.tokens, a.vectors, a.keys, a.dense_keys, a.params, a.tokenizer
    )
    assert a.signatures() == _version(("a", "今年新增企业十家")).signatures()
    assert a.signatures() != b.signatures()  # a region correction rewrites the rows


def test_a_re_index_keeps_the_collections_dense_index_unless_asked(
    fixture_corpus: Path, tmp_path: Path, lite: BackendConfig
) -> None:
    hnsw = BackendConfig(Backend.MILVUS, lite.milvus_uri, dense_index=DenseIndexKind.HNSW)
    folder = tmp_path / "idx"
    build_index([fixture_corpus], folder, FakeEmbedder(), backend=hnsw)
    first = _entry(folder)
    add_documents([SAMPLE], folder, FakeEmbedder(), backend=lite)  # no --milvus-index
    assert _entry(folder)["collection"] == first["collection"]
    assert _entry(folder)["dense_index"] == "HNSW"
    flat = BackendConfig(Backend.MILVUS, lite.milvus_uri, dense_index=DenseIndexKind.FLAT)
    remove_documents([SAMPLE.name], folder, FakeEmbedder(), backend=flat)
    assert _entry(folder)["collection"] != first["collection"]  # asked: written anew
    assert _entry(folder)["dense_index"] == "FLAT"


# -- counting a version's rows -------------------------------------------------------------


class _Counting:
    """A Milvus client that notes the filter of every query."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.filters: list[str] = []

    def query(self, name: str, **kwargs: Any) -> Any:
        self.filters.append(kwargs.get("filter", ""))
        return self.client.query(name, **kwargs)


def test_a_versions_rows_are_counted_without_a_filtered_count_of_them(
    folder: Path, fixture_corpus: Path, lite: BackendConfig
) -> None:
    v = _entry(folder)["seq"]
    changed = fixture_corpus / "xihu_2023.txt"
    changed.write_text(changed.read_text() + "\n全年技术合同成交额再创新高。\n")
    build_index([fixture_corpus], folder, FakeEmbedder(), backend=lite)  # v's rows retired
    rows, name = _rows(lite, folder), _entry(folder)["collection"]
    client = milvus_store.connect(lite)
    for version in (v, v + 1):
        due = len({r for r in rows if r[3] <= version < r[4]})
        assert 0 < due < len(rows)  # each version misses some rows of the collection
        spy = _Counting(client)
        assert milvus_sync.count_visible(spy, name, version, due) == due
        assert milvus_schema.visible(version) not in spy.filters  # not counted row by row
        spy = _Counting(client)
        assert milvus_sync.count_visible(spy, name, version, due + 1) == due
        assert spy.filters[-1] == milvus_schema.visible(version)  # a surprise is recounted


def test_a_copy_of_the_index_whose_rows_were_purged_is_refused(
    folder: Path, fixture_corpus: Path, lite: BackendConfig, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    changed = fixture_corpus / "xihu_2023.txt"
    for line in ("全年技术合同成交额再创新高。", "新增省级研发中心三家。"):
        changed.write_text(changed.read_text() + f"\n{line}\n")
        _same_answers(_reader(copy, lite))  # one version behind still answers whole
        build_index([fixture_corpus], folder, FakeEmbedder(), backend=lite)
    with pytest.raises(BackendError, match=r"holds \d+ rows of version"):
        _reader(copy, lite)  # two behind: the rows it retired were purged
