"""index.store_rows and the heads view: the passages holding an offset, asked of SQLite,
are those a walk of the parsed document finds; a head is its document without passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.model import Passage
from index import docstore, store
from index.docstore import DocStoreConfig

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def lazy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loads read documents lazily, whatever the store's size."""
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(eager_passages=0))


def _walked(passages: tuple[Passage, ...], offsets: tuple[int, ...]) -> list[Passage]:
    return [p for p in passages if any(p.start <= at < p.end for at in offsets)]


@pytest.mark.usefixtures("lazy")
def test_the_passages_holding_offsets_are_read_alone_and_are_the_documents_own(
    built: Path,
) -> None:
    index = store.load(built)
    whole = store.load(built)
    docs = index.documents._store  # type: ignore[attr-defined]
    for doc_id in list(index.documents)[:4]:
        doc = whole.documents[doc_id]
        ends = [p.end for p in doc.passages]
        for offsets in ((0,), (ends[0] - 1, ends[0]), (len(doc.text),), (), (ends[-1] // 2, 3)):
            found = index.passages_covering(doc_id, offsets)
            assert found == _walked(doc.passages, offsets)
        assert doc_id not in docs._cache  # read row by row, never parsed whole
        assert whole.passages_covering(doc_id, (0,)) == _walked(doc.passages, (0,))
    assert index.passages_covering("没有这份文件", (0,)) == []


@pytest.mark.usefixtures("lazy")
def test_a_head_is_its_document_without_passages(built: Path) -> None:
    index = store.load(built)
    heads = index.heads
    first = next(iter(index.documents))
    head = heads[first]
    assert head.passages == () and first in heads and "没有这份文件" not in heads
    assert len(heads) == len(index.documents) and list(heads) == list(index.documents)
    whole = index.documents[first]
    assert head.text == whole.text and head.norm == whole.norm and head.title == whole.title
    with pytest.raises(KeyError):
        heads["没有这份文件"]
