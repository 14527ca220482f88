"""Parsing and tokenising on worker processes give what the serial build gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import store
from index.build import build_index
from index.derive import passage_text, tokens_for
from index.embed import FakeEmbedder, text_key
from index.pool import PoolConfig, ordered_map, worker_count
from index.reading import read_prepared
from index.write import BuildConfig

pytestmark = pytest.mark.usefixtures("isolated_cache")

SERIAL = PoolConfig(workers=1)
TWO = PoolConfig(workers=2, min_documents=1, min_texts=1, text_chunk=7)


@pytest.fixture
def mixed(fixture_corpus: Path, samples_dir: Path, tmp_path: Path) -> list[Path]:
    """The samples, the fixture corpus with unreadable files among its documents, and a
    second copy of one document (a duplicate id)."""
    (fixture_corpus / "binary.txt").write_bytes(bytes(range(256)) * 8 + b"\x00\x01")
    (fixture_corpus / "empty.txt").write_bytes(b"")
    (fixture_corpus / "table.xlsx").write_bytes(b"PK\x03\x04")
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(fixture_corpus / "xihu_2023.txt", other / "xihu_2023.txt")
    return [samples_dir, fixture_corpus, other / "xihu_2023.txt"]


def test_parallel_parse_equals_serial(mixed: list[Path]) -> None:
    serial = read_prepared(mixed, pool=SERIAL)
    parallel = read_prepared(mixed, pool=TWO)
    assert [d.doc_id for d in parallel.documents] == [d.doc_id for d in serial.documents]
    assert parallel.documents == serial.documents
    assert parallel.derived == serial.derived
    assert parallel.skipped == serial.skipped
    assert len(serial.documents) == 8 and any(d.passages for d in serial.documents)


def test_bad_files_in_the_pool_are_reported_and_the_rest_indexed(
    mixed: list[Path], tmp_path: Path
) -> None:
    report = build_index(mixed, tmp_path / "idx", FakeEmbedder(), config=BuildConfig(pool=TWO))
    skipped = {Path(s.path).name: s for s in report.skipped}
    assert set(skipped) == {"binary.txt", "empty.txt", "table.xlsx", "xihu_2023.txt"}
    assert skipped["empty.txt"].kind and skipped["table.xlsx"].kind
    assert "duplicate" in skipped["xihu_2023.txt"].reason
    assert len(store.load(tmp_path / "idx").documents) == report.n_documents == 8


def test_parallel_build_equals_serial_build(mixed: list[Path], tmp_path: Path) -> None:
    build_index(mixed, tmp_path / "a", FakeEmbedder(), config=BuildConfig(pool=SERIAL))
    build_index(mixed, tmp_path / "b", FakeEmbedder(), config=BuildConfig(pool=TWO))
    a, b = store.load(tmp_path / "a", tokens=True), store.load(tmp_path / "b", tokens=True)
    assert list(a.documents) == list(b.documents)
    assert list(a.passages) == list(b.passages)
    assert a.tokens == b.tokens
    assert a.facts == b.facts and a.lists == b.lists


def test_tokens_known_are_reused_and_the_rest_tokenised(samples_dir: Path) -> None:
    docs = read_prepared([samples_dir], pool=SERIAL).documents
    texts = [passage_text(p) for d in docs for p in d.passages]
    keys = [text_key(t) for t in texts]
    serial = tokens_for(texts, keys, {}, "jieba_search", pool=SERIAL)
    known = {keys[0]: ["已知"]}
    parallel = tokens_for(texts, keys, known, "jieba_search", pool=TWO)
    assert parallel[0] == ["已知"]
    assert parallel[1:] == serial[1:] and all(serial)


def _boom(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x * x


def test_ordered_map_keeps_order_and_raises() -> None:
    seen: list[int] = []
    assert ordered_map(_boom, [5, 1, 4, 2], 2, each=seen.append) == [25, 1, 16, 4]
    assert seen == [1, 2, 3, 4]
    with pytest.raises(ValueError, match="three"):
        ordered_map(_boom, [1, 2, 3, 4], 2)


@given(
    items=st.integers(0, 10_000),
    minimum=st.integers(0, 50),
    workers=st.integers(0, 8),
)
def test_worker_count_bounds(items: int, minimum: int, workers: int) -> None:
    n = worker_count(PoolConfig(workers=workers), items, minimum)
    assert 1 <= n <= max(1, items)
    if items < max(minimum, 2):
        assert n == 1
    elif workers:
        assert n == min(workers, items)
