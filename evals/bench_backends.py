"""Benchmark: the in-process backend against Milvus, on one index.

Usage::

    python -m evals.bench_backends --index-dir DIR --milvus-uri URI [--gold FILE ...]
        [--scratch DIR] [--limit N]

``--index-dir`` is only read: it is copied to ``--scratch`` (default a temporary
folder, removed at the end), and the copy is what is saved and pushed.

* Build: the backend's part of a build, from the stored passages and vectors
  (:func:`index.build.push_to_milvus`): in process, loading and saving the index
  version; with Milvus, the same plus writing, indexing, loading and counting the
  collection. Reading, parsing, tokenising and embedding the documents come before
  and cost the same for both backends.
* Update: removing the index's largest document and putting it back
  (:func:`index.build.remove_documents`, :func:`index.build.replace_documents`;
  nothing is embedded), in process on one copy and with Milvus on the other: the
  folder index is written whole either way; Milvus updates only that document's rows.
* Queries: every gold question (``--limit`` first ones), in turn on each backend
  (A B A B …, so drift of a busy machine falls on both), after one warm-up
  question: retrieval alone (``QA.search``, top 10) and the whole answer
  (``QA.ask``); p50 and p95 in ms. Loading (``QA(...)``, the model already
  loaded) and the warm-up are reported apart; every question is embedded first.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = (ROOT.parent / "shared" / "gold" / "dev.jsonl",)
STEPS = ("search", "ask")


def _timed(run: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    out = run()
    return out, time.perf_counter() - started


def build_times(index_dir: Path, scratch: Path, milvus: Any) -> dict[str, float]:
    """Seconds of the backend's part of a build, in process and with Milvus."""
    from index.backend import BackendConfig
    from index.build import push_to_milvus

    copy = scratch / "index"
    shutil.copytree(index_dir, copy)
    _, here = _timed(lambda: push_to_milvus(copy, BackendConfig()))
    _, there = _timed(lambda: push_to_milvus(copy, milvus))
    return {"inprocess": here, "milvus": there}


def update_times(index_dir: Path, scratch: Path, milvus: Any) -> dict[str, Any]:
    """Seconds to remove the largest document and to put it back, on each backend
    (the Milvus copy is the one :func:`build_times` pushed)."""
    from index import store
    from index.backend import BackendConfig
    from index.build import remove_documents, replace_documents
    from index.embed import get_embedder

    plain = scratch / "plain"
    shutil.copytree(index_dir, plain)
    index = store.load(plain, vectors=False)
    doc_id = max(index.doc_rows, key=lambda d: len(index.doc_rows[d]))
    doc = index.documents[doc_id]
    embedder = get_embedder(index.model_id)
    out: dict[str, Any] = {"doc": doc_id, "passages": len(index.doc_rows[doc_id])}
    for name, folder, backend in (
        ("inprocess", plain, BackendConfig()),
        ("milvus", scratch / "index", milvus),
    ):
        remove = partial(remove_documents, [doc_id], folder, embedder, backend=backend)
        put_back = partial(replace_documents, [doc], folder, embedder, backend=backend)
        out[name] = (_timed(remove)[1], _timed(put_back)[1])
    shutil.rmtree(plain, ignore_errors=True)
    return out


def drop_collections(folder: Path, milvus: Any) -> None:
    """Drop the collections the benchmark wrote for its copy of the index (and no other)."""
    from index import milvus_store, store

    try:
        prefix = milvus_store.entry_of(store.read_manifest(folder)).get("prefix")
    except Exception:  # no copy, or no collection was written
        return
    if prefix:
        client = milvus_store.connect(milvus)
        for name in client.list_collections():
            if name.startswith(f"{prefix}_"):
                client.drop_collection(name)


def query_times(folder: Path, milvus: Any, questions: Sequence[str]) -> dict[str, Any]:
    """Load time, warm-up and per-step latencies (ms) of each backend over ``questions``.

    The model is loaded, and every question embedded, before anything is timed: the
    query vector costs the same on both backends.
    """
    from answer.pipeline import QA
    from index.backend import BackendConfig

    embedder = QA(folder).embedder
    qas: dict[str, QA] = {}
    out: dict[str, Any] = {}
    for name, backend in (("inprocess", BackendConfig()), ("milvus", milvus)):
        started = time.perf_counter()
        qa = qas[name] = QA(folder, embedder, backend=backend)
        load = time.perf_counter() - started
        qa.retriever.embed_queries(list(questions))
        _, warm = _timed(partial(qa.ask, questions[0]))
        out[name] = {"load_s": load, "warm_ms": warm * 1000, "search": [], "ask": []}
    for q in questions[1:]:
        for name, qa in qas.items():
            out[name]["search"].append(_ms(partial(qa.search, q, 10)))
            out[name]["ask"].append(_ms(partial(qa.ask, q)))
    return out


def _ms(run: Callable[[], Any]) -> float:
    return _timed(run)[1] * 1000


def _line(name: str, figures: dict[str, Any]) -> str:
    cells = [
        f"{name:<10}",
        f"load {figures['load_s']:.1f} s",
        f"warm-up {figures['warm_ms']:.0f} ms",
    ]
    for step in STEPS:
        p50, p95 = np.percentile(np.asarray(figures[step]), [50, 95])
        cells.append(f"{step} p50 {p50:.1f} / p95 {p95:.1f} ms")
    return "  ".join(cells)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures; 2 when an input cannot be used."""
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_backends", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--index-dir", type=Path, required=True, help="index folder (read only)")
    parser.add_argument("--milvus-uri", required=True, help="Milvus Lite folder or server URI")
    parser.add_argument("--gold", type=Path, nargs="+", default=list(DEFAULT_GOLD))
    parser.add_argument("--scratch", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--limit", type=int, default=0, help="at most N questions (0: all)")
    args = parser.parse_args(argv)

    from corpus.errors import PolicyQAError
    from evals.gold import load_gold
    from index.backend import backend_config

    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="policyqa-bench-"))
    try:
        milvus = backend_config("milvus", args.milvus_uri)
        questions = [i.question for g in args.gold for i in load_gold(g)]
        questions = questions[: args.limit] if args.limit else questions
        builds = build_times(args.index_dir, scratch, milvus)
        updates = update_times(args.index_dir, scratch, milvus)
        queries = query_times(scratch / "index", milvus, questions)
    except PolicyQAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        drop_collections(scratch / "index", milvus)
        if args.scratch is None:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"index {args.index_dir}, Milvus {args.milvus_uri}, {len(questions)} questions")
    here, there = builds["inprocess"], builds["milvus"]
    print(
        f"build from stored passages: in process {here:.1f} s, Milvus {there:.1f} s "
        f"(the collection {there - here:.1f} s)"
    )
    print(f"update: remove {updates['doc']} ({updates['passages']} passages), put it back:")
    for name in ("inprocess", "milvus"):
        gone, back = updates[name]
        print(f"  {name:<10} remove {gone:.1f} s, put back {back:.1f} s")
    for name, figures in queries.items():
        print(_line(name, figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
