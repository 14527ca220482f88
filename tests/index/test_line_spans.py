"""index.line_spans: the lines of a document, or of a figure's value, read where the store
says they are give the rows a scan of the file gives; a span that is no line is refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from corpus.errors import IndexFormatError
from index import docstore, layout, line_spans, store
from index.doc_lines import DocLines
from index.docstore import DocStoreConfig
from index.tables import Tables

pytestmark = pytest.mark.usefixtures("isolated_cache")


@pytest.fixture
def lazy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loads read documents lazily, whatever the store's size."""
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(eager_passages=0))


def _rank(canonical: str) -> float:
    return -len(set(canonical) & set("新增企业投入"))


@pytest.mark.usefixtures("lazy")
def test_located_rows_are_the_rows_a_scan_finds(built: Path) -> None:
    index = store.load(built)
    locate = index.documents.line_spans  # type: ignore[attr-defined]
    assert locate is not None
    located = index.tables
    scanned = Tables(index.pinned, lambda: False)  # no spans: the files are scanned
    facts = scanned.facts
    assert facts and scanned.lists
    for doc_id in {f.doc_id for f in facts} | set(scanned.lists) | {"没有这份文件"}:
        assert located.facts_of(doc_id) == scanned.facts_of(doc_id)
        assert located.lists_of(doc_id) == scanned.lists_of(doc_id)
    values = sorted({f.value for f in facts})
    for value in [*values[:5], "不是数"]:
        assert located.facts_valued(value) == scanned.facts_valued(value)
    fresh = Tables(index.pinned, lambda: False)
    for pair in (values[:2], values[-3:], [values[0], values[0]]):
        for top in (1, 3, 40):
            best = located.facts_valued_best(pair, _rank, top)
            assert best == fresh.facts_valued_best(pair, _rank, top)
            every = [f for v in pair for f in facts if f.value == v]
            assert best == sorted(every, key=lambda f: _rank(f.canonical))[:top]


def test_a_span_that_is_no_whole_line_is_refused(tmp_path: Path) -> None:
    rows = [{"doc_id": "甲", "value": "12"}, {"doc_id": "乙", "value": "7"}]
    data = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)
    first = len(json.dumps(rows[0], ensure_ascii=False).encode())

    def lines(spans: list[line_spans.Located]) -> DocLines:
        return DocLines(lambda: data, tmp_path / "facts.jsonl", lambda key, value: spans)

    assert lines([(0, first, "")]).rows_of("甲") == rows[:1]
    assert lines([(first + 1, len(data) - 1, "")]).rows_holding("value", "7") == rows[1:]
    for bad in ((1, first), (0, first - 1), (0, len(data) + 5), (first, 3)):
        with pytest.raises(ValueError, match="not whole lines"):
            lines([(*bad, "")]).rows_of("甲")


@pytest.mark.usefixtures("lazy")
def test_an_index_whose_spans_name_other_lines_is_malformed(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = store.load(built)
    locate = index.documents.line_spans  # type: ignore[attr-defined]
    facts = Tables(index.pinned, lambda: False).facts
    wrong = next(f for f in facts if f.value != facts[0].value)
    spans = locate("facts.jsonl", "value", wrong.value)

    def elsewhere(file: str, key: str, value: str) -> list[line_spans.Located]:
        return spans  # every value's lines are said to be those of another value

    tables = Tables(index.pinned, lambda: False, elsewhere)
    with pytest.raises(IndexFormatError, match="not the one indexed"):
        tables.facts_valued_best([facts[0].value], _rank, 3)


def test_consecutive_lines_are_joined_into_one_span() -> None:
    assert line_spans.merged([(0, 4), (5, 9), (20, 30), (31, 31)]) == [(0, 9), (20, 31)]
    assert line_spans.merged([]) == []


def test_a_store_written_before_the_spans_is_scanned(built: Path, tmp_path: Path) -> None:
    path = layout.resolve(built).data / docstore.NAME
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        assert line_spans.locator(lambda sql, args: db.execute(sql, args).fetchall())
    finally:
        db.close()
    empty = sqlite3.connect(tmp_path / "older.sqlite")
    try:
        assert line_spans.locator(lambda sql, args: empty.execute(sql, args).fetchall()) is None
    finally:
        empty.close()
