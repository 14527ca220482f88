"""Tests for evals.gold: loading and every validation error, each naming file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus.errors import GoldFormatError
from evals.gold import GoldItem, load_gold

DOCS = {"a.txt": "全年新增国家高新技术企业637家,均列全省第一。", "b.txt": "力争新增企业500家。"}


def _item(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "q1",
        "question": "新增高企多少家？",
        "type": "number",
        "answers": ["637"],
        "doc": "a.txt",
        "section": "一、总结",
        "evidence": ["新增国家高新技术企业637家"],
        "note": "",
    }
    base.update(over)
    return base


def _write(tmp_path: Path, *lines: Any) -> Path:
    path = tmp_path / "dev.jsonl"
    rows = [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _error(path: Path, documents: dict[str, str] | None = None) -> str:
    with pytest.raises(GoldFormatError) as info:
        load_gold(path, documents)
    return str(info.value)


def test_loads_items_with_lines_and_tuples(tmp_path: Path) -> None:
    unans = _item(id="q2", type="unanswerable", answers=[], doc=None, section=None, evidence=[])
    both = _item(
        id="q3",
        type="compare",
        answers=["637", "500"],
        doc=["a.txt", "b.txt"],
        section=["x", "y"],
        evidence=["637家", "500家"],
    )
    path = _write(tmp_path, _item(), "", unans, both)
    items = load_gold(path, DOCS)
    assert [i.id for i in items] == ["q1", "q2", "q3"]
    assert [i.line for i in items] == [1, 3, 4]
    first = items[0]
    assert isinstance(first, GoldItem)
    assert first.answers == ("637",) and first.docs == ("a.txt",)
    assert first.sections == ("一、总结",)
    assert first.answerable and not items[1].answerable
    assert items[1].docs == () and items[1].sections == ()
    assert items[2].docs == ("a.txt", "b.txt")


def test_unknown_type_names_line(tmp_path: Path) -> None:
    msg = _error(_write(tmp_path, _item(), _item(id="q2", type="nubmer")))
    assert msg.startswith("dev.jsonl:2: unknown type 'nubmer' (valid: ")
    assert "number" in msg


def test_missing_field_names_line(tmp_path: Path) -> None:
    row = _item()
    del row["answers"]
    msg = _error(_write(tmp_path, row))
    assert msg.startswith("dev.jsonl:1:") and "answers" in msg


def test_bad_json_names_line(tmp_path: Path) -> None:
    msg = _error(_write(tmp_path, _item(), _item(id="q2"), '{"id": "q3", '))
    assert msg.startswith("dev.jsonl:3: invalid JSON")


def test_not_an_object(tmp_path: Path) -> None:
    assert _error(_write(tmp_path, "[1, 2]")).startswith("dev.jsonl:1:")


def test_evidence_not_in_doc_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, _item(), _item(id="q2", evidence=["新增国家高新技术企业700家"]))
    msg = _error(path, DOCS)
    assert msg.startswith("dev.jsonl:2:") and "q2" in msg and "a.txt" in msg
    load_gold(path)  # without documents the evidence is not checked


def test_evidence_of_unindexed_doc_is_not_checked(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        _item(doc="missing.txt", evidence=["anything"]),
        _item(id="q2", doc=["a.txt", "missing.txt"], evidence=["anything"]),
    )
    assert len(load_gold(path, DOCS)) == 2


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        (_item(answers="637"), "answers must be a list of strings"),
        (_item(answers=[637]), "answers must be a list of strings"),
        (_item(answers=[]), "only allowed for type 'unanswerable'"),
        (_item(type="unanswerable"), "unanswerable question must have answers []"),
        (_item(doc=None), "needs its doc"),
        (_item(question=" "), "question must be a non-empty string"),
        (_item(evidence="x"), "evidence must be a list of strings"),
        (_item(note=3), "note must be a string"),
    ],
)
def test_field_errors(tmp_path: Path, row: dict[str, Any], fragment: str) -> None:
    msg = _error(_write(tmp_path, row))
    assert msg.startswith("dev.jsonl:1:") and fragment in msg


def test_duplicate_id(tmp_path: Path) -> None:
    msg = _error(_write(tmp_path, _item(), _item()))
    assert msg.startswith("dev.jsonl:2: duplicate id 'q1'") and "line 1" in msg


def test_empty_and_unreadable_files(tmp_path: Path) -> None:
    assert "no questions" in _error(_write(tmp_path, ""))
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert _error(bad).startswith("bad.jsonl:")
    assert _error(tmp_path / "absent.jsonl").startswith("absent.jsonl:")


def test_optional_scoring_keys(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    row = _item(type="list", answers=["甲", "乙"], min_items=0.5, labels=["余杭"], exact_docs=True)
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (item,) = load_gold(path)
    assert (item.min_items, item.exact_docs, item.labels) == (0.5, True, ("余杭",))
    plain = tmp_path / "p.jsonl"
    plain.write_text(json.dumps(_item(), ensure_ascii=False) + "\n", encoding="utf-8")
    (item,) = load_gold(plain)
    assert (item.min_items, item.exact_docs, item.labels) == (1.0, False, ())


@pytest.mark.parametrize(
    ("over", "fragment"),
    [
        ({"min_items": 0}, "min_items"),
        ({"min_items": 1.5}, "min_items"),
        ({"min_items": True}, "min_items"),
        ({"exact_docs": "yes"}, "exact_docs"),
        ({"labels": "余杭"}, "labels"),
        ({"labels": [""]}, "labels"),
    ],
)
def test_bad_scoring_keys_name_line(tmp_path: Path, over: dict[str, Any], fragment: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(_item(**over), ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=rf"g.jsonl:1: .*{fragment}"):
        load_gold(path)
