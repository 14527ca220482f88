"""index.substrings: which documents hold a phrase, from the trigram index of their norm,
always the documents a scan of every norm finds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index import docstore, layout, store, substrings
from index.docstore import DocStore, DocStoreConfig

pytestmark = pytest.mark.usefixtures("isolated_cache")

# Made-up matching forms: CJK, ASCII of both cases, digits, marks and spaces.
NORMS = (
    "全市新增科技型中小企业120家,研发投入增长8.5%。",
    "推进人工智能产业园建设,引进AI企业30家 年底前完成。",
    'Smart City 建设方案:新增5G基站1200个;"数字"政府。',
    "加强人才引进,设立青年创新基金。ai 与 AI 不同。",
)


def _store(norms: tuple[str, ...], grams: bool) -> sqlite3.Connection:
    """A documents table of ``norms`` (ids d0, d1, …) and, with ``grams``, its index."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE documents (n INTEGER PRIMARY KEY, doc_id TEXT, first INTEGER,"
        " stop INTEGER, data TEXT, norm TEXT)"
    )
    db.executemany(
        "INSERT INTO documents VALUES (?, ?, 0, 0, '{}', ?)",
        [(i, f"d{i}", norm) for i, norm in enumerate(norms)],
    )
    if grams:
        substrings.write(db)
    return db


def _rows(db: sqlite3.Connection) -> substrings.Rows:
    def rows(sql: str, args: tuple[Any, ...]) -> list[Any]:
        return db.execute(sql, args).fetchall()

    return rows


def _scan(norms: tuple[str, ...], phrases: list[str]) -> set[str]:
    return {f"d{i}" for i, n in enumerate(norms) if any(p in n for p in phrases)}


@pytest.fixture(scope="module")
def indexed() -> Iterator[sqlite3.Connection]:
    db = _store(NORMS, grams=True)
    yield db
    db.close()


def test_this_sqlite_has_the_trigram_index() -> None:
    assert substrings.available()


@pytest.mark.parametrize(
    "phrases",
    [
        ["人工智能产业园"],
        ["AI企业"],
        ["ai企业"],  # the index folds case; the check after it does not
        ["ai 与"],
        ['"数字"政府'],
        ["120家", "青年创新"],
        ["8.5%"],
        ["新增"],
        ["智能"],  # shorter than a trigram: scanned
        ["不在任何文件里"],
        ["企业3"],
    ],
)
def test_the_index_finds_what_a_scan_of_every_norm_finds(
    indexed: sqlite3.Connection, phrases: list[str]
) -> None:
    rows = _rows(indexed)
    assert substrings.present(rows)
    found = substrings.naming(rows, phrases, indexed=True)
    assert found == _scan(NORMS, phrases)
    assert found == substrings.naming(rows, phrases, indexed=False)


def test_a_store_without_the_index_is_scanned() -> None:
    db = _store(NORMS, grams=False)
    rows = _rows(db)
    assert not substrings.present(rows)
    assert substrings.naming(rows, ["AI企业"], indexed=False) == {"d1"}


def test_a_phrase_is_looked_up_by_each_of_its_trigrams_once() -> None:
    assert substrings.grams_query("abcab") == '"abc" AND "bca" AND "cab"'
    assert substrings.grams_query('a"bc') == '"a""b" AND """bc"'


_TEXT = st.text(alphabet='新增企业家AaBb12 ."%', max_size=40)


@settings(max_examples=60, deadline=None)
@given(norms=st.lists(_TEXT, min_size=1, max_size=6), phrase=_TEXT)
def test_looked_up_or_scanned_the_same_documents_come_out(norms: list[str], phrase: str) -> None:
    found = tuple(norms)
    db = _store(found, grams=True)
    try:
        rows = _rows(db)
        if not phrase:
            return
        assert substrings.naming(rows, [phrase], indexed=True) == _scan(found, [phrase])
    finally:
        db.close()


def test_a_built_store_holds_the_index_and_answers_as_an_older_one_does(
    built: Path, tmp_path: Path
) -> None:
    path = layout.resolve(built).data / docstore.NAME
    lazy = DocStoreConfig(eager_passages=0)
    new = DocStore(path, lazy)
    assert new._grams
    older = tmp_path / "older.sqlite"  # the same store as written before the index
    db = sqlite3.connect(older)
    with db:
        db.execute(f"ATTACH DATABASE '{path}' AS new")
        for table in ("documents", "passages", "tokens"):
            sql = db.execute(
                "SELECT sql FROM new.sqlite_master WHERE name = ?", (table,)
            ).fetchone()[0]
            db.execute(sql)
            db.execute(f"INSERT INTO {table} SELECT * FROM new.{table}")
    db.execute("DETACH DATABASE new")
    db.close()
    old = DocStore(older, lazy)
    assert not old._grams
    first = new.document(next(iter(new.ranges)))
    assert first is not None
    for phrase in (first.norm[5:12], first.norm[:2], "不在任何文件里的一句话"):
        assert new.naming([phrase]) == old.naming([phrase]) == store.load(built).naming([phrase])
