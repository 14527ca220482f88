"""Run a gold file through the QA pipeline and measure it.

Metric definitions (all shares in [0, 1], rounded to 4 places; ``None`` when
the set they are taken over is empty):

* ``answer_accuracy`` — share of all questions judged right by
  :func:`evals.metrics.answer_correct`.
* ``refusal_recall`` — share of unanswerable questions that were refused.
* ``false_refusal_rate`` — share of answerable questions that were refused.
* ``citation_accuracy`` — over ALL answerable questions (a refusal counts as
  wrong): the first citation is in a gold document. Taking it over answerable
  questions rather than only the answered ones keeps it from rising when the
  system refuses more.
* ``recall_at_1``, ``recall_at_5``, ``mrr`` — retrieval with
  ``qa.search(question, k)``, over answerable questions whose gold evidence
  can be located in the indexed documents (which-document questions: whose
  gold document is indexed); see :func:`evals.metrics.evidence_rank`. A miss
  in the top ``k`` counts 0 for MRR.
* ``latency_ms`` — p50/p95 of :attr:`answer.model.Answer.latency_ms`.

Answerable questions whose gold documents are all absent from the index are
skipped (listed under ``skipped`` with the reason); nothing can be judged
about them. The gold file is validated against the indexed texts first, so an
evidence quote that is not verbatim raises
:class:`corpus.errors.GoldFormatError`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from answer.model import Answer
from corpus.errors import EvalQuestionWarning, QueryError
from corpus.model import Document
from evals.gold import TYPES, GoldItem, load_gold
from evals.metrics import (
    answer_correct,
    citation_correct,
    evidence_rank,
    mrr,
    percentiles,
    recall_at,
    scorable,
    share,
    why_wrong,
)
from retrieval.model import Hit

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``."""

MODES: tuple[str, ...] = ("bm25", "dense", "hybrid")
"""Retrieval modes compared by the ablation."""

METRIC_KEYS: tuple[str, ...] = (
    "answer_accuracy",
    "refusal_recall",
    "false_refusal_rate",
    "citation_accuracy",
    "recall_at_1",
    "recall_at_5",
    "mrr",
)
"""The headline metrics, in report order."""

ABLATION_KEYS: tuple[str, ...] = (
    "answer_accuracy",
    "recall_at_1",
    "recall_at_5",
    "mrr",
    "refusal_recall",
    "false_refusal_rate",
)
"""Metrics reported per retrieval mode in the ablation."""


class QALike(Protocol):
    """What :func:`run_eval` needs of :class:`answer.pipeline.QA`."""

    index_dir: Path

    @property
    def documents(self) -> Mapping[str, Document]: ...

    def ask(self, question: str, *, mode: str = "hybrid") -> Answer: ...

    def search(self, question: str, k: int = 10, *, mode: str = "hybrid") -> list[Hit]: ...


def judge(
    item: GoldItem, qa: QALike, texts: Mapping[str, str], *, mode: str = "hybrid", k: int = 5
) -> dict[str, Any]:
    """Ask one gold question and judge the answer and the retrieval.

    Args:
        item: the gold question.
        qa: the pipeline.
        texts: document id → original text of the indexed documents.
        mode: retrieval mode.
        k: number of passages retrieved for the retrieval metrics.

    Returns:
        The per-question record (see :func:`run_eval`).
    """
    scored = scorable(item, texts)
    hits: list[Hit] = []
    try:
        answer = qa.ask(item.question, mode=mode)
        if scored:
            hits = qa.search(item.question, k, mode=mode)
        error = ""
    except QueryError as exc:
        answer = Answer(item.question, False, "", message=str(exc))
        error = f"query error: {exc}"
    except Exception as exc:  # a bug in answering one question: the others are still judged
        answer = Answer(item.question, False, "", message=str(exc))
        error = f"internal error: {type(exc).__name__}: {exc}"
    ok = answer_correct(item, answer) and not error
    return {
        "id": item.id,
        "type": item.type,
        "question": item.question,
        "expected": list(item.answers),
        "docs": list(item.docs),
        "pass": ok,
        "why": error or why_wrong(item, answer),
        "citation_ok": citation_correct(item, answer) if item.answerable else None,
        "evidence_rank": evidence_rank(item, hits, texts) if scored else None,
        "retrieval_scored": scored,
        "latency_ms": answer.latency_ms,
        "error": bool(error),
        "answer": answer.to_dict(),
    }


def aggregate(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Metrics over a list of per-question records.

    Returns:
        ``n``, ``answer_accuracy``, ``refusal_recall``, ``false_refusal_rate``,
        ``citation_accuracy``, ``recall_at_1``, ``recall_at_5``, ``mrr`` and
        ``latency_ms`` ({p50, p95}).
    """
    answerable = [r for r in records if r["expected"]]
    unanswerable = [r for r in records if not r["expected"]]
    ranks = [r["evidence_rank"] for r in answerable if r["retrieval_scored"]]
    return {
        "n": len(records),
        "answer_accuracy": share(r["pass"] for r in records),
        "refusal_recall": share(not r["answer"]["found"] for r in unanswerable),
        "false_refusal_rate": share(not r["answer"]["found"] for r in answerable),
        "citation_accuracy": share(bool(r["citation_ok"]) for r in answerable),
        "recall_at_1": recall_at(ranks, 1),
        "recall_at_5": recall_at(ranks, 5),
        "mrr": mrr(ranks),
        "latency_ms": percentiles([r["latency_ms"] for r in records if not r["error"]]),
    }


def _split(
    items: list[GoldItem], texts: Mapping[str, str]
) -> tuple[list[GoldItem], list[dict[str, str]]]:
    """Items to run, and those skipped because none of their documents is indexed."""
    kept: list[GoldItem] = []
    skipped: list[dict[str, str]] = []
    for item in items:
        if item.docs and not any(d in texts for d in item.docs):
            reason = "gold document(s) not in the index: " + ", ".join(item.docs)
            skipped.append({"id": item.id, "question": item.question, "reason": reason})
        else:
            kept.append(item)
    return kept, skipped


def _run_mode(
    items: list[GoldItem],
    qa: QALike,
    texts: Mapping[str, str],
    mode: str,
    k: int,
    stage: str,
    progress: Progress | None,
) -> list[dict[str, Any]]:
    records = []
    for i, item in enumerate(items, 1):
        records.append(judge(item, qa, texts, mode=mode, k=k))
        if progress:
            progress(stage, i, len(items))
    return records


def run_eval(
    gold_path: Path,
    qa: QALike,
    *,
    ablation: bool = False,
    progress: Progress | None = None,
    k: int = 5,
) -> dict[str, Any]:
    """Evaluate a QA pipeline on a gold file.

    Args:
        gold_path: the gold JSONL file (see :mod:`evals.gold`).
        qa: the pipeline, e.g. :class:`answer.pipeline.QA`.
        ablation: also run every question with BM25-only and dense-only
            retrieval (roughly triples the time).
        progress: optional ``progress(stage, done, total)`` callback.
        k: passages retrieved per question for the retrieval metrics.

    Returns:
        A JSON-ready dict: the overall metrics (see :func:`aggregate` and
        the module docstring), ``per_type`` (type → the same metrics),
        ``questions`` (one record per question: id, type, question,
        expected, docs, pass, why, citation_ok, evidence_rank,
        retrieval_scored, latency_ms, error and the full ``answer`` record),
        ``gold``, ``index_dir``, ``n_skipped``, ``skipped`` and, with
        ``ablation``, ``ablation`` (mode → :data:`ABLATION_KEYS`).

    Raises:
        GoldFormatError: the gold file is invalid.
    """
    texts = {doc_id: doc.text for doc_id, doc in qa.documents.items()}
    items, skipped = _split(load_gold(Path(gold_path), texts), texts)
    records = _run_mode(items, qa, texts, "hybrid", k, "eval", progress)
    failed = [r["id"] for r in records if r["why"].startswith("internal error")]
    if failed:
        warnings.warn(
            EvalQuestionWarning(f"{len(failed)} question(s) failed: {', '.join(failed[:10])}"),
            stacklevel=2,
        )
    results: dict[str, Any] = aggregate(records)
    present = [t for t in TYPES if any(r["type"] == t for r in records)]
    results["per_type"] = {t: aggregate([r for r in records if r["type"] == t]) for t in present}
    results["questions"] = records
    results["gold"] = str(gold_path)
    results["index_dir"] = str(qa.index_dir)
    results["n_skipped"] = len(skipped)
    results["skipped"] = skipped
    if ablation:
        table: dict[str, dict[str, Any]] = {}
        for mode in MODES:
            if mode == "hybrid":
                metrics = results
            else:
                stage = f"ablation {mode}"
                metrics = aggregate(_run_mode(items, qa, texts, mode, k, stage, progress))
            table[mode] = {key: metrics[key] for key in ABLATION_KEYS}
        results["ablation"] = table
    return results


_COLUMNS: tuple[tuple[str, str], ...] = (
    ("answer", "answer_accuracy"),
    ("refuse", "refusal_recall"),
    ("falseref", "false_refusal_rate"),
    ("cite", "citation_accuracy"),
    ("R@1", "recall_at_1"),
    ("R@5", "recall_at_5"),
    ("MRR", "mrr"),
)


def fmt(value: Any, digits: int = 3) -> str:
    """A metric for display: "-" for None, fixed decimals for floats."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _row(label: str, m: Mapping[str, Any]) -> str:
    cells = "".join(f"{fmt(m[key]):>9}" for _, key in _COLUMNS)
    lat = m.get("latency_ms") or {}
    return f"{label:<14}{m['n']:>4}{cells}{fmt(lat.get('p50'), 1):>9}{fmt(lat.get('p95'), 1):>9}"


def summary_lines(results: Mapping[str, Any]) -> list[str]:
    """A short human-readable table of :func:`run_eval` results.

    Returns:
        Lines: a header, the overall row, one row per type, the ablation
        rows when present, and the count of failing questions.
    """
    lines = [
        f"gold {Path(results['gold']).name}: {results['n']} questions "
        f"({results['n_skipped']} skipped), index {results['index_dir']}",
        f"{'':<14}{'n':>4}"
        + "".join(f"{h:>9}" for h, _ in _COLUMNS)
        + f"{'p50 ms':>9}{'p95 ms':>9}",
        _row("all", results),
    ]
    lines += [_row(f"  {t}", m) for t, m in results["per_type"].items()]
    ablation = results.get("ablation")
    if ablation:
        heads = ("answer", "R@1", "R@5", "MRR", "refuse", "falseref")
        lines.append("ablation" + "".join(f"{h:>9}" for h in heads))
        for mode, m in ablation.items():
            lines.append(f"  {mode:<6}" + "".join(f"{fmt(m[key]):>9}" for key in ABLATION_KEYS))
    failing = sum(not r["pass"] for r in results["questions"])
    lines.append(f"{failing} failing question(s)")
    return lines
