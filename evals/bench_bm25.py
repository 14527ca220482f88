"""Benchmark: sparse-matrix BM25 (index.bm25) against rank_bm25.BM25Okapi at 100k passages.

Usage::

    python -m evals.bench_bm25 [--passages 100000] [--unique 20000] [--queries 50]

The corpus is built from real text: the documents of
``../shared/corpus-extra/docs`` (or, when that folder is absent, the sample
corpus) are cut into passages of about 150 characters, and up to
``--unique`` distinct passages are tokenised with
:func:`index.text.tokenize_search` on their :func:`index.text.index_text`
form, exactly as the index does. Tokenising all 100k passages with jieba
would take minutes, so the distinct passages are cycled until the corpus
holds ``--passages`` passages (each repeat is a separate passage to both
implementations). Queries are the gold questions (tokenised the same way),
topped up with 6-token slices of random passages.

Both implementations score every passage for each query; the table shows
the median and p95 time per query and the build time, and the scores are
checked with ``np.allclose``. The exit status is 1 when they disagree.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT.parent / "shared" / "corpus-extra" / "docs"
SAMPLES = ROOT / "corpus" / "samples"
GOLD_FILES = (
    ROOT.parent / "shared" / "gold" / "dev.jsonl",
    ROOT / "evals" / "gold" / "team_samples.jsonl",
)

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


def source_texts() -> tuple[str, list[str]]:
    """The texts the synthetic corpus is cut from, and where they came from."""
    folder = EXTRA if EXTRA.is_dir() and any(EXTRA.glob("*.txt")) else SAMPLES
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return str(folder), texts


def split_passages(texts: Sequence[str], size: int = 150) -> list[str]:
    """Cut texts into runs of whole sentences of about ``size`` characters."""
    out: list[str] = []
    for text in texts:
        buf = ""
        for sent in _SENTENCE.findall(text):
            buf += sent.strip()
            if len(buf) >= size:
                out.append(buf)
                buf = ""
        if len(buf) >= 20:
            out.append(buf)
    return out


def gold_questions() -> list[str]:
    """Questions of the gold files that exist."""
    out: list[str] = []
    for path in GOLD_FILES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.append(json.loads(line)["question"])
    return out


def build_corpus(
    n_passages: int, n_unique: int, rng: random.Random
) -> tuple[list[list[str]], dict[str, float]]:
    """Tokenised passages (distinct ones cycled up to ``n_passages``) and timing facts."""
    from index.text import index_text, tokenize_search

    origin, texts = source_texts()
    passages = split_passages(texts)
    rng.shuffle(passages)
    passages = passages[:n_unique]
    tokenize_search("预热")  # load jieba outside the timing
    started = time.perf_counter()
    unique = [tokenize_search(index_text(p)) for p in passages]
    seconds = time.perf_counter() - started
    corpus = [unique[i % len(unique)] for i in range(n_passages)]
    print(f"source: {origin} -> {len(passages)} distinct passages, tokenised in {seconds:.1f} s")
    return corpus, {"distinct": len(unique), "tokenise_s": seconds}


def build_queries(corpus: Sequence[Sequence[str]], n: int, rng: random.Random) -> list[list[str]]:
    """``n`` tokenised queries: gold questions first, then passage slices."""
    from index.text import index_text, tokenize_search

    queries = [tokenize_search(index_text(q)) for q in gold_questions()[:n]]
    queries = [q for q in queries if q]
    while len(queries) < n:
        doc = corpus[rng.randrange(len(corpus))]
        if len(doc) >= 6:
            i = rng.randrange(len(doc) - 5)
            queries.append(list(doc[i : i + 6]))
    return queries


def time_queries(
    score: Callable[[list[str]], np.ndarray], queries: Sequence[list[str]]
) -> tuple[list[float], list[np.ndarray]]:
    """Milliseconds per query and the score arrays."""
    times: list[float] = []
    scores: list[np.ndarray] = []
    for q in queries:
        started = time.perf_counter()
        s = score(q)
        times.append((time.perf_counter() - started) * 1000)
        scores.append(np.asarray(s, dtype=np.float64))
    return times, scores


def p95(values: Sequence[float]) -> float:
    """95th percentile."""
    return float(np.percentile(np.asarray(values), 95))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table.

    Returns:
        0 when both implementations give the same scores, else 1.
    """
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_bm25", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--passages", type=int, default=100_000, help="corpus size")
    parser.add_argument("--unique", type=int, default=20_000, help="distinct passages tokenised")
    parser.add_argument("--queries", type=int, default=50, help="number of queries")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from rank_bm25 import BM25Okapi

    from index.bm25 import BM25

    rng = random.Random(args.seed)
    corpus, facts = build_corpus(args.passages, args.unique, rng)
    queries = build_queries(corpus, args.queries, rng)

    started = time.perf_counter()
    ours = BM25.build(corpus)
    ours_build = time.perf_counter() - started
    started = time.perf_counter()
    theirs = BM25Okapi(corpus)
    theirs_build = time.perf_counter() - started

    ours_ms, ours_scores = time_queries(ours.get_scores, queries)
    theirs_ms, theirs_scores = time_queries(theirs.get_scores, queries)
    agree = sum(np.allclose(a, b) for a, b in zip(ours_scores, theirs_scores, strict=True))

    tokens = sum(len(d) for d in corpus)
    print(
        f"corpus: {len(corpus)} passages ({int(facts['distinct'])} distinct, cycled), "
        f"{tokens} tokens, vocabulary {len(ours.vocab)}; {len(queries)} queries"
    )
    print(f"{'implementation':<22}{'build s':>10}{'median ms':>12}{'p95 ms':>10}")
    for name, build_s, ms in (
        ("index.bm25.BM25", ours_build, ours_ms),
        ("rank_bm25.BM25Okapi", theirs_build, theirs_ms),
    ):
        print(f"{name:<22}{build_s:>10.2f}{statistics.median(ms):>12.2f}{p95(ms):>10.2f}")
    speedup = statistics.median(theirs_ms) / max(statistics.median(ours_ms), 1e-9)
    print(
        f"speed-up (median): {speedup:.0f}x; "
        f"scores agree (np.allclose) on {agree}/{len(queries)} queries"
    )
    return 0 if agree == len(queries) else 1


if __name__ == "__main__":
    sys.exit(main())
