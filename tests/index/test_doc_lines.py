"""index.doc_lines: a JSON lines file of an index read a document at a time gives the rows
parsing it whole gives; and an index's figures and lists read so are its whole tables'."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.doc_lines import DocLines, parse_jsonl, runs
from index.store import Index

IDS = st.sampled_from(["a", "ab", 'quote"d', "back\\slash", "文件/一.txt", "x\u2028y"])
ROWS = st.lists(
    st.fixed_dictionaries({"doc_id": IDS, "value": st.sampled_from(["637", "6370", "3.9"])}),
    max_size=30,
)


def _jsonl(rows: list[Any], ascii_only: bool = False) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=ascii_only).encode("utf-8") + b"\n" for r in rows)


def _lines(data: bytes) -> DocLines:
    return DocLines(lambda: data, Path("facts.jsonl"))


@given(ROWS, st.booleans())
def test_a_documents_rows_are_those_of_the_whole_file_in_order(
    rows: list[dict[str, str]], ascii_only: bool
) -> None:
    data = _jsonl(rows, ascii_only)
    lines = _lines(data)
    assert lines.all_rows() == rows == parse_jsonl(data)
    for doc_id in {r["doc_id"] for r in rows} | {"none"}:
        assert lines.rows_of(doc_id) == [r for r in rows if r["doc_id"] == doc_id]
    for value in ("637", "3.9", "37"):
        assert [r for r in lines.rows_holding("value", value) if r["value"] == value] == [
            r for r in rows if r["value"] == value
        ]


def test_runs_group_consecutive_lines_and_a_blank_line_ends_one() -> None:
    data = (
        _jsonl([{"doc_id": "a"}, {"doc_id": "a"}, {"doc_id": "ab"}])
        + b"\n"
        + _jsonl([{"doc_id": "a"}])
    )
    found = runs(data)
    assert found is not None
    assert [data[s:e] for s, e in found["a"]] == [
        b'{"doc_id": "a"}\n{"doc_id": "a"}\n',
        b'{"doc_id": "a"}\n',
    ]
    assert [data[s:e] for s, e in found["ab"]] == [b'{"doc_id": "ab"}\n']


def test_a_file_whose_lines_start_otherwise_is_parsed_whole_with_the_same_rows() -> None:
    rows: list[Any] = [{"value": "1", "doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "a", "n": 2}]
    data = _jsonl(rows)
    assert runs(data) is None
    lines = _lines(data)
    assert lines.rows_of("a") == [rows[0], rows[2]]
    assert lines.rows_holding("value", "1") == [rows[0]]


def test_a_row_naming_no_document_comes_with_every_documents_rows() -> None:
    data = _jsonl([1, {"doc_id": "a"}])
    assert _lines(data).rows_of("a") == [1, {"doc_id": "a"}]  # to be refused by the shapes


def test_an_index_reads_the_figures_and_lists_of_one_document_as_its_whole_tables_hold_them(
    sample_index: Index,
) -> None:
    from index import store

    fresh = store.load(sample_index.folder) if sample_index.folder else sample_index
    by_doc: dict[str, list[Any]] = {}
    for f in sample_index.facts:
        by_doc.setdefault(f.doc_id, []).append(f)
    assert by_doc
    for doc_id in sample_index.documents:
        assert list(fresh.facts_of(doc_id)) == by_doc.get(doc_id, [])
        assert fresh.lists_of(doc_id) == sample_index.lists.get(doc_id, ())
    value = sample_index.facts[0].value
    assert list(fresh.facts_valued(value)) == [f for f in sample_index.facts if f.value == value]
    assert fresh.tables._facts is None and fresh.tables._lists is None  # neither read whole
    # a document's lists are parsed once: asked again, the same objects come back
    some = next(d for d in sample_index.documents if sample_index.lists.get(d))
    assert fresh.lists_of(some) is fresh.lists_of(some)
    # once the whole table is read, a value's figures are the same, grouped once
    assert fresh.facts  # (reads it whole)
    for value in {f.value for f in sample_index.facts}:
        expected = [f for f in sample_index.facts if f.value == value]
        assert list(fresh.facts_valued(value)) == expected
    assert fresh.facts_valued("no such value") == ()


def test_a_mapped_file_reads_as_its_bytes_and_gives_its_pages_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mmap

    import index.doc_lines as doc_lines

    rows = [{"doc_id": f"d{i % 7}", "value": str(i)} for i in range(3000)]
    path = tmp_path / "facts.jsonl"
    path.write_bytes(_jsonl(sorted(rows, key=lambda r: r["doc_id"])))
    with path.open("rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    plain = _lines(path.read_bytes())
    lines = DocLines(lambda: mapped, path)
    monkeypatch.setattr(doc_lines, "_RELEASE", 4096)  # pages given back often, read again
    for doc_id in ("d0", "d6", "none"):
        assert lines.rows_of(doc_id) == plain.rows_of(doc_id)
    assert lines.rows_holding("value", "2999") == [{"doc_id": "d3", "value": "2999"}]
    assert lines.all_rows() == plain.all_rows()


def test_a_process_reading_many_documents_has_the_small_tables_parsed_whole_once(
    sample_index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import docstore, store
    from index.docstore import DocStoreConfig

    assert sample_index.folder is not None
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(parse_all_after=2))
    fresh = store.load(sample_index.folder)
    ids = list(fresh.documents)
    first = fresh.facts_of(ids[0])
    assert fresh.tables._facts is None  # one document's lines parsed alone
    for doc_id in ids[:2]:
        assert fresh.documents[doc_id]  # two documents read alone: the store is parsed whole
    assert [fresh.facts_of(d) for d in ids] == [
        tuple(f for f in sample_index.facts if f.doc_id == d) for d in ids
    ]
    assert fresh.tables._facts is not None and first == fresh.facts_of(ids[0])
    assert [fresh.lists_of(d) for d in ids] == [sample_index.lists.get(d, ()) for d in ids]
    assert fresh.tables._lists is not None
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(parse_all_after=2, whole_max_bytes=1))
    bounded = store.load(sample_index.folder)
    for doc_id in ids[:2]:
        assert bounded.documents[doc_id]
    assert [bounded.facts_of(d) for d in ids] == [fresh.facts_of(d) for d in ids]
    assert bounded.tables._facts is None  # a file past the bound: never whole


def test_a_warmed_index_has_its_store_and_small_tables_parsed_before_any_question(
    sample_index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import docstore, store
    from index.docstore import DocStoreConfig

    assert sample_index.folder is not None
    fresh = store.load(sample_index.folder)
    assert not fresh.documents.parsed_whole  # type: ignore[attr-defined]
    fresh.warm()
    assert fresh.documents.parsed_whole  # type: ignore[attr-defined]
    assert fresh.tables._facts is not None and fresh.tables._lists is not None
    ids = list(fresh.documents)
    assert [fresh.facts_of(d) for d in ids] == [
        tuple(f for f in sample_index.facts if f.doc_id == d) for d in ids
    ]
    assert [fresh.lists_of(d) for d in ids] == [sample_index.lists.get(d, ()) for d in ids]
    # a store too large to be parsed whole stays read a document at a time, its tables too
    monkeypatch.setattr(docstore, "CONFIG", DocStoreConfig(eager_passages=1))
    large = store.load(sample_index.folder)
    large.warm()
    assert not large.documents.parsed_whole  # type: ignore[attr-defined]
    assert large.tables._facts is None and large.tables._lists is None
