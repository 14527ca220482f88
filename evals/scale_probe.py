"""One measured process of ``evals.bench_scale``: load one system's index, answer, report.

Usage (run by the benchmark, one fresh process per system and size)::

    python -m evals.scale_probe SYSTEM WORK_DIR QUESTIONS_JSON [--max-seconds S]

SYSTEM is one of :data:`PROBES`. Prints one JSON record ``{load_s, build_s, rss_mb,
p50_ms, p95_ms, questions}``: ``rss_mb`` is the process's peak resident memory at the
end (its whole life: imports, model, index, answers), the times are wall clock.

- ``policyqa``: ``QA(WORK_DIR/index)`` and whole answers (``QA.ask``); the query
  model is loaded and run once before the clock starts, so ``load_s`` is the index's.
- ``rank_bm25``: ``BM25Okapi`` over ``WORK_DIR/tokens.jsonl``; per question the
  scores of every passage and their top 100 (retrieval only, no answer).
- ``faiss_flat``: ``IndexFlatIP`` over ``WORK_DIR/vectors.npy``; per question the
  top 100 (retrieval only; questions embedded before the clock starts).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TOP = 100


@dataclass(frozen=True)
class Probe:
    """What one run measured (times in seconds or milliseconds, memory in MB)."""

    build_s: float | None
    load_s: float | None
    times_ms: list[float]

    def record(self) -> dict[str, float | int | None]:
        p50, p95 = np.percentile(self.times_ms, [50, 95]) if self.times_ms else (np.nan,) * 2
        return {
            "build_s": None if self.build_s is None else round(self.build_s, 2),
            "load_s": None if self.load_s is None else round(self.load_s, 3),
            "rss_mb": round(peak_kb() / 1024, 1),
            "p50_ms": round(float(p50), 1),
            "p95_ms": round(float(p95), 1),
            "questions": len(self.times_ms),
        }


def peak_kb() -> int:
    """This process's peak resident memory in kB (VmHWM: its own, where ``ru_maxrss``
    after a fork can carry the parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def timed(items: Sequence[object], run: Callable[[object], object], budget: float) -> list[float]:
    """Wall milliseconds of ``run`` on each item, until done or ``budget`` seconds passed."""
    out: list[float] = []
    deadline = time.monotonic() + budget
    for item in items:
        if time.monotonic() > deadline:
            break
        t0 = time.perf_counter()
        run(item)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _model(work: Path) -> str:
    return str(json.loads((work / "synth.json").read_text(encoding="utf-8"))["model_id"])


def probe_policyqa(work: Path, questions: list[str], budget: float) -> Probe:
    from answer.pipeline import QA
    from index.embed import get_embedder

    embedder = get_embedder(_model(work))
    embedder.encode(["预热"])  # the model's load is not the index's
    t0 = time.perf_counter()
    qa = QA(work / "index", embedder=embedder)
    load_s = time.perf_counter() - t0
    return Probe(None, load_s, timed(questions, lambda q: qa.ask(str(q)), budget))


def _tokenizer(work: Path) -> Callable[[str], list[str]]:
    from index.text import get_tokenizer

    name = json.loads((work / "synth.json").read_text(encoding="utf-8"))["tokenizer"]
    return get_tokenizer(name)


def probe_rank_bm25(work: Path, questions: list[str], budget: float) -> Probe:
    from rank_bm25 import BM25Okapi

    from index.files import read_jsonl
    from index.text import index_text

    t0 = time.perf_counter()
    tokens = read_jsonl(work / "tokens.jsonl")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    bm25 = BM25Okapi(tokens)
    build_s = time.perf_counter() - t0
    del tokens
    tokenize = _tokenizer(work)
    queries = [tokenize(index_text(q)) for q in questions]

    def run(query: object) -> None:
        scores = bm25.get_scores(query)
        np.argpartition(-scores, min(TOP, len(scores) - 1))[:TOP]

    return Probe(build_s, load_s, timed(queries, run, budget))


def probe_faiss_flat(work: Path, questions: list[str], budget: float) -> Probe:
    import faiss

    from index.embed import get_embedder

    faiss.omp_set_num_threads(1)
    queries = np.asarray(get_embedder(_model(work)).encode(questions), dtype=np.float32)
    t0 = time.perf_counter()
    vectors = np.load(work / "vectors.npy")
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    build_s = time.perf_counter() - t0
    del vectors
    rows = [np.asarray(q) for q in queries]
    return Probe(
        build_s, load_s, timed(rows, lambda q: index.search(np.asarray(q)[None], TOP), budget)
    )


PROBES: dict[str, Callable[[Path, list[str], float], Probe]] = {
    "policyqa": probe_policyqa,
    "rank_bm25": probe_rank_bm25,
    "faiss_flat": probe_faiss_flat,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.scale_probe", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("system", choices=sorted(PROBES))
    parser.add_argument("work", type=Path)
    parser.add_argument("questions", type=Path, help="a JSON list of questions")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="bound on the questions")
    args = parser.parse_args(argv)
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    probe = PROBES[args.system](args.work, questions, args.max_seconds)
    print(json.dumps(probe.record()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
