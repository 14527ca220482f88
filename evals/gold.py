"""Gold question files: one JSON object per line, validated on load.

A line looks like::

    {"id": "g001", "question": "余杭2023年新增高企多少家？", "type": "number",
     "answers": ["637"], "doc": "000_6eaca3ed01c4c811.txt",
     "section": "一、2023年工作总结 > …", "evidence": ["全年新增国家高新技术企业637家…"],
     "note": "…"}

``answers`` is ``[]`` exactly when the question must be refused (type
``unanswerable``). ``doc`` is a document id, a list of ids, or ``null``;
``section`` likewise a string, a list or ``null``. ``evidence`` quotes the
ORIGINAL document text verbatim. ``section`` and ``note`` may be omitted.

Every problem raises :class:`corpus.errors.GoldFormatError` with a message
that starts with ``<file>:<line>:``, e.g.
``dev.jsonl:12: unknown type 'nubmer' (valid: compare, entity, …)``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.errors import GoldFormatError
from corpus.normalize import first_surrogate, shown

TYPES: tuple[str, ...] = (
    "number",
    "target",
    "which_doc",
    "entity",
    "list",
    "compare",
    "unanswerable",
)
"""Question types a gold file may use."""

REQUIRED: tuple[str, ...] = ("id", "question", "type", "answers", "doc", "evidence")
"""Fields every line must have (``section`` and ``note`` are optional)."""

OPTIONAL_KEYS: tuple[str, ...] = ("min_items", "exact_docs", "labels")
"""Optional scoring keys of the realistic shapes (see :class:`GoldItem`)."""


@dataclass(frozen=True)
class GoldItem:
    """One validated gold question.

    Attributes:
        id: unique id within the file.
        question: the question as a user would type it.
        type: one of :data:`TYPES`.
        answers: strings the answer must contain; empty = must refuse.
        docs: ids of the documents holding the answer (empty if unanswerable).
        sections: section paths of the evidence ("" entries dropped).
        evidence: verbatim quotes of the original document text.
        note: the annotator's remark.
        line: 1-based line number in the gold file.
        min_items: list questions: the share of ``answers`` the answer must
            name (1.0 = all of them, the default).
        exact_docs: which-document questions: every cited document must be
            one of ``docs``.
        labels: compare questions: strings (regions, years) each of which
            must appear in the answer, saying whose figure is whose.
    """

    id: str
    question: str
    type: str
    answers: tuple[str, ...]
    docs: tuple[str, ...]
    sections: tuple[str, ...]
    evidence: tuple[str, ...]
    note: str
    line: int
    min_items: float = 1.0
    exact_docs: bool = False
    labels: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        """True unless the question must be refused."""
        return bool(self.answers)


def load_gold(path: Path, documents: Mapping[str, str] | None = None) -> list[GoldItem]:
    """Read and validate a gold JSONL file.

    Blank lines are ignored. When ``documents`` is given, each evidence
    quote must occur verbatim in one of its item's documents; items that name
    a document absent from ``documents`` are not checked (the quote may be in
    the missing document).

    Args:
        path: the gold file.
        documents: document id → original text, e.g. of the indexed corpus.

    Returns:
        The items in file order.

    Raises:
        GoldFormatError: the file cannot be read, is empty, or a line is
            malformed; the message names the file and line.
    """
    path = Path(path)
    name = path.name
    if path.exists() and not path.is_file():  # a named pipe would block the read forever
        raise GoldFormatError(f"{name}: not a regular file (a folder, named pipe or device)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GoldFormatError(f"{name}: cannot read gold file: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GoldFormatError(
            f"{name}:{line}: not UTF-8 (byte {data[exc.start]:#04x}); save the file as UTF-8"
        ) from None
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        item = parse_line(raw, n, name)
        if item.id in seen:
            raise GoldFormatError(
                f"{name}:{n}: duplicate id {item.id!r} (first on line {seen[item.id]})"
            )
        seen[item.id] = n
        if documents is not None:
            check_evidence(item, documents, name)
        items.append(item)
    if not items:
        raise GoldFormatError(f"{name}: gold file holds no questions")
    return items


def parse_line(raw: str, line: int, name: str = "gold") -> GoldItem:
    """Parse and validate one line of a gold file.

    Args:
        raw: the line's text.
        line: its 1-based number (for messages).
        name: the file name (for messages).

    Returns:
        The item.

    Raises:
        GoldFormatError: malformed JSON or fields.
    """
    where = f"{name}:{line}"
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{where}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(data).__name__}")
    _check_text(data, where)
    missing = [f for f in REQUIRED if f not in data]
    if missing:
        raise GoldFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    qid = _text(data, "id", where)
    question = _text(data, "question", where)
    qtype = data["type"]
    if qtype not in TYPES:
        raise GoldFormatError(f"{where}: unknown type {qtype!r} (valid: {', '.join(TYPES)})")
    answers = _str_list(data["answers"], "answers", where)
    if any(not a.strip() for a in answers):
        raise GoldFormatError(f"{where}: answers must not contain empty strings")
    if qtype == "unanswerable" and answers:
        raise GoldFormatError(f"{where}: an unanswerable question must have answers []")
    if qtype != "unanswerable" and not answers:
        raise GoldFormatError(f"{where}: answers [] is only allowed for type 'unanswerable'")
    docs = _optional_list(data["doc"], "doc", where)
    if answers and not docs:
        raise GoldFormatError(f"{where}: an answerable question needs its doc")
    evidence = _str_list(data["evidence"], "evidence", where)
    note = data.get("note") or ""
    if not isinstance(note, str):
        raise GoldFormatError(f"{where}: note must be a string")
    min_items, exact_docs, labels = _scoring_keys(data, where)
    return GoldItem(
        id=qid,
        question=question,
        type=qtype,
        answers=tuple(answers),
        docs=tuple(docs),
        sections=tuple(s for s in _optional_list(data.get("section"), "section", where) if s),
        evidence=tuple(e for e in evidence if e),
        note=note,
        line=line,
        min_items=min_items,
        exact_docs=exact_docs,
        labels=labels,
    )


def _scoring_keys(data: dict[str, Any], where: str) -> tuple[float, bool, tuple[str, ...]]:
    """The optional keys ``min_items`` (0 < x <= 1), ``exact_docs`` (bool), ``labels``."""
    min_items = data.get("min_items", 1.0)
    if (
        isinstance(min_items, bool)
        or not isinstance(min_items, int | float)
        or not 0 < min_items <= 1
    ):
        raise GoldFormatError(f"{where}: min_items must be a number in (0, 1]")
    exact_docs = data.get("exact_docs", False)
    if not isinstance(exact_docs, bool):
        raise GoldFormatError(f"{where}: exact_docs must be true or false")
    labels = _str_list(data.get("labels", []), "labels", where)
    if any(not label.strip() for label in labels):
        raise GoldFormatError(f"{where}: labels must not contain empty strings")
    return float(min_items), exact_docs, tuple(labels)


def check_evidence(item: GoldItem, documents: Mapping[str, str], name: str = "gold") -> None:
    """Check that every evidence quote of ``item`` is verbatim text of its documents.

    Skipped when one of the item's documents is not in ``documents``.

    Args:
        item: a parsed item.
        documents: document id → original text.
        name: the file name (for messages).

    Raises:
        GoldFormatError: a quote occurs in none of the item's documents.
    """
    if not item.docs or any(d not in documents for d in item.docs):
        return
    texts = [documents[d] for d in item.docs]
    for quote in item.evidence:
        if not any(quote in t for t in texts):
            short = quote if len(quote) <= 40 else quote[:40] + "…"
            raise GoldFormatError(
                f"{name}:{item.line}: evidence {short!r} of {item.id} is not verbatim text of "
                f"{', '.join(item.docs)}"
            )


def _check_text(data: dict[str, Any], where: str) -> None:
    """Every string of the line must be text: a lone surrogate (``"\\ud800"``) is not."""
    for key, value in data.items():
        values = value if isinstance(value, list) else [value]
        for v in [key, *values]:
            if isinstance(v, str) and first_surrogate(v) >= 0:
                raise GoldFormatError(
                    f'{where}: {key} "{shown(v[:60])}" is not valid text (a lone surrogate)'
                )


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise GoldFormatError(f"{where}: {key} must be a non-empty string")
    return value


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GoldFormatError(f"{where}: {key} must be a list of strings")
    return list(value)


def _optional_list(value: Any, key: str, where: str) -> list[str]:
    """A field that may be null, a string or a list of strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [v for v in _str_list(value, key, where) if v]
