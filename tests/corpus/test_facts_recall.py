"""Facts-table recall on the gold sets (issue #11, "Quality, measured").

Every number or target question of dev, dev2 and the team sets must have a facts row whose
value is the gold answer, in the gold document: the answerer can only quote a figure the
table holds. Answers that are words ("倍增") are not figures and do not count. The
questions over the samples use the sample index; those over ../shared/corpus-extra read
their gold documents as `policyqa index` does for a folder of documents without its
manifest (doc id ``docs/<file>``), and extract their facts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from corpus.model import Fact
from corpus.normalize import normalize
from index.store import Index

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD = [
    SHARED / "gold" / "dev.jsonl",
    SHARED / "gold" / "dev2.jsonl",
    ROOT / "evals" / "gold" / "team_samples.jsonl",
    ROOT / "evals" / "gold" / "team_shapes_samples.jsonl",
    ROOT / "evals" / "gold" / "team_extra.jsonl",
    ROOT / "evals" / "gold" / "team_shapes_extra.jsonl",
]
EXTRA = SHARED / "corpus-extra"
FLOOR = 0.95


def _figure_questions(known: Iterable[str]) -> list[dict[str, object]]:
    """The number and target questions with a figure answer whose documents are ``known``."""
    known = set(known)
    out = []
    for path in GOLD:
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            docs = g["doc"] if isinstance(g["doc"], list) else [g["doc"]]
            figures = [a for a in g["answers"] if re.search(r"\d", a)]
            if g["type"] in ("number", "target") and figures and docs and set(docs) <= known:
                out.append({**g, "doc": docs, "answers": figures})
    return out


def _stated(texts: dict[str, str], facts: Iterable[Fact]) -> dict[str, set[str]]:
    """Each document's figures as written (normalised, without thousands separators)."""
    out: dict[str, set[str]] = {d: set() for d in texts}
    for f in facts:
        if f.doc_id in texts:
            out[f.doc_id].add(
                normalize(texts[f.doc_id][f.value_start : f.value_end]).replace(",", "")
            )
    return out


def _missing(questions: list[dict[str, object]], stated: dict[str, set[str]]) -> list[str]:
    """Ids of the questions no row of whose gold documents states a gold figure."""
    return [
        str(g["id"])
        for g in questions
        if not any(
            normalize(str(a)).replace(",", "") in value
            for a in g["answers"]  # type: ignore[attr-defined]
            for d in g["doc"]  # type: ignore[attr-defined]
            for value in stated[str(d)]
        )
    ]


def test_every_gold_figure_has_a_row_in_its_document(sample_index: Index) -> None:
    questions = _figure_questions(sample_index.documents)
    if len(questions) < 50:
        pytest.skip("the shared gold sets are not beside the checkout")
    texts = {d: doc.text for d, doc in sample_index.documents.items()}
    missing = _missing(questions, _stated(texts, sample_index.facts))
    recall = 1 - len(missing) / len(questions)
    assert recall >= FLOOR, (round(recall, 3), missing)


def test_every_gold_figure_over_corpus_extra_has_a_row_in_its_document() -> None:
    """The team sets' questions over corpus-extra: 74 over 21 documents, all found today
    (about a second: only the gold documents are read)."""
    from corpus.document import load_document
    from corpus.facts import extract_facts

    files = {f"docs/{p.name}": p for p in sorted((EXTRA / "docs").glob("*.txt"))}
    questions = _figure_questions(files)
    if len(questions) < 50:
        pytest.skip("../shared/corpus-extra and the team's gold sets are not beside the checkout")
    wanted = sorted({str(d) for g in questions for d in g["doc"]})  # type: ignore[attr-defined]
    docs = [load_document(files[d], d) for d in wanted]
    texts = {doc.doc_id: doc.text for doc in docs}
    missing = _missing(questions, _stated(texts, (f for doc in docs for f in extract_facts(doc))))
    recall = 1 - len(missing) / len(questions)
    assert recall >= FLOOR, (round(recall, 3), missing)
