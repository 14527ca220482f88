"""Does a stale average passage length in Milvus's BM25 rows lose exact candidates?

Usage::

    python -m evals.bm25_drift --index-dir DIR --gold FILE [FILE ...] [--n 100]

The Milvus collection weights its rows at the average passage length it was first
written with (:mod:`index.milvus_schema`); the reader asks Milvus for
``MilvusSearchConfig.bm25_overfetch`` × n candidates and rescores them exactly. This
replays both scorings in numpy over the index's stored tokens, for each gold
question and an average length off by each drift: how many questions' exact top n
differ from Milvus's top n, and how many exact top-n passages are missing from its
top ``overfetch`` × n (what the reader could lose).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

DRIFTS = (0.0, 0.05, 0.1, 0.2, 0.5, -0.05, -0.1, -0.2)


def _top(scores: np.ndarray, n: int) -> set[int]:
    order = np.argsort(-scores, kind="stable")[:n]
    return {int(i) for i in order if scores[i] > 0}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bm25_drift")
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--gold", type=Path, nargs="+", required=True)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args(argv)

    from evals.gold import load_gold
    from index import store
    from index.bm25 import BM25Params, saturation
    from index.text import get_tokenizer
    from retrieval.milvus_search import MilvusSearchConfig
    from retrieval.query import parse_query

    idx = store.load(args.index_dir, tokens=True, vectors=False)
    params, vocab = BM25Params(), idx.bm25.vocab
    rows, cols, tfs = [], [], []
    for i, toks in enumerate(idx.tokens or []):
        for t, k in Counter(toks).items():
            rows.append(i)
            cols.append(vocab[t])
            tfs.append(k)
    r, c, tf = np.asarray(rows), np.asarray(cols), np.asarray(tfs, dtype=np.float64)
    dl = np.asarray([len(t) for t in idx.tokens or []], dtype=np.float64)
    idf = idx.bm25.idf(params)
    tokenize = get_tokenizer(idx.tokenizer)
    asked = [tokenize(parse_query(q.question).canon) for g in args.gold for q in load_gold(g)]
    fetch = args.n * MilvusSearchConfig().bm25_overfetch
    for drift in DRIFTS:
        w = idf[c] * saturation(tf, dl[r], float(dl.mean()) * (1 + drift), params)
        stale = sparse.csc_matrix((w, (r, c)), shape=idx.bm25.matrix.shape)
        differ = lost = 0
        for tokens in asked:
            counts = Counter(vocab[t] for t in tokens if t in vocab)
            if not counts:
                continue
            approx = np.asarray(stale[:, list(counts)] @ np.fromiter(counts.values(), float))
            approx = approx.ravel()
            exact = _top(idx.bm25.get_scores(tokens), args.n)
            differ += exact != _top(approx, args.n)
            lost += len(exact - _top(approx, fetch))
        out = {"drift": drift, "questions": len(asked), "top_n_differs": differ, "lost": lost}
        print(json.dumps({**out, "n": args.n, "fetched": fetch}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
