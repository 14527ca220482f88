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


def test_parallel_build_equals_serial_build(mixed: list[Path], tmp_path: Path) -> None:
    serial = build_index(mixed, tmp_path / "a", FakeEmbedder(), config=BuildConfig(pool=SERIAL))
    parallel = build_index(mixed, tmp_path / "b", FakeEmbedder(), config=BuildConfig(pool=TWO))
    a, b = store.load(tmp_path / "a", tokens=True), store.load(tmp_path / "b", tokens=True)
    assert list(a.documents) == list(b.documents) and len(b.documents) == 8
    assert list(a.documents.values()) == list(b.documents.values())
    assert list(a.passages) == list(b.passages)
    assert a.tokens == b.tokens
    assert a.facts == b.facts and a.lists == b.lists
    assert parallel.skipped == serial.skipped
    skipped = {Path(s.path).name: s for s in parallel.skipped}
    assert set(skipped) == {"binary.txt", "empty.txt", "table.xlsx", "xihu_2023.txt"}
    assert skipped["empty.txt"].kind and skipped["table.xlsx"].kind
    assert "duplicate" in skipped["xihu_2023.txt"].reason


def test_known_tokens_are_reused_and_the_rest_tokenised(samples_dir: Path) -> None:
    docs = read_prepared([samples_dir], pool=SERIAL).documents
    texts = [passage_text(p) for d in docs for p in d.passages]
    keys = [text_key(t) for t in texts]
    fresh = tokens_for(texts, keys, {}, "jieba_search", pool=SERIAL)
    again = tokens_for(texts, keys, {keys[0]: ["已知"]}, "jieba_search", pool=SERIAL)
    assert again[0] == ["已知"]
    assert again[1:] == fresh[1:] and all(fresh)


def test_ordered_map_keeps_order_and_raises() -> None:
    seen: list[int] = []
    assert ordered_map(int, ["5", "1", "4", "2"], 2, each=seen.append) == [5, 1, 4, 2]
    assert seen == [1, 2, 3, 4]
    with pytest.raises(ValueError, match="three"):
        ordered_map(int, ["1", "2", "three", "4"], 2)


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
