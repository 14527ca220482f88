"""Memory of a Milvus Lite process holding a policyqa collection, real or synthetic.

Usage::

    python -m evals.milvus_memory synth --milvus-uri DIR --rows N [--seed S]
    python -m evals.milvus_memory open --milvus-uri DIR --collection NAME [--queries Q]

``synth`` writes a collection ``policyqa_synthetic_<N>`` with policyqa's schema
(:func:`index.milvus_schema.create_collection`, FLAT) and N random rows shaped like
the corpus's: a 512-dim unit vector, ``--terms`` BM25 weights from a Zipf-like
vocabulary, a document id, region and years; ``--rows 0`` gives the empty collection
a baseline is measured with. ``open`` is the process to measure from outside (peak
resident memory): it opens Milvus Lite, loads the collection, asks Q BM25 and Q dense
searches of it, and prints the rows and its own peak RSS. The difference between
a collection's ``open`` and the empty one's is what the collection costs; two sizes
give the cost per row.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

DIM = 512


def _client(uri: str) -> Any:
    from index import milvus_store
    from index.backend import backend_config

    return milvus_store.connect(backend_config("milvus", uri, env={}), create=True)


def _rows(rng: np.random.Generator, lo: int, hi: int, terms: int) -> list[dict[str, Any]]:
    from index.milvus_schema import ALIVE

    out = []
    for pk in range(lo, hi):
        vec = rng.standard_normal(DIM).astype(np.float32)
        keys = np.unique(rng.zipf(1.3, terms * 2) % 2**31)[:terms]
        weights = rng.uniform(0.3, 2.5, len(keys))
        doc = pk // 100
        out.append(
            {
                "pk": pk,
                "doc_id": f"corpus-extra/{doc:06d}_{doc * 7919 % 10**8:08x}.pdf",
                "part": pk % 100,
                "start": (pk % 100) * 180,
                "end": (pk % 100) * 180 + 170,
                "born": 1,
                "dead": ALIVE,
                "region": "杭州市余杭区",
                "section_year": 2023,
                "doc_years": [2023, 2024],
                "issued": 2024,
                "kind": "actual",
                "half": "",
                "doc_format": "pdf",
                "bm25": {int(k): float(w) for k, w in zip(keys, weights, strict=True)},
                "dense": (vec / np.linalg.norm(vec)).tolist(),
            }
        )
    return out


def synth(uri: str, n: int, terms: int, seed: int) -> str:
    """Write the synthetic collection of ``n`` rows; its name."""
    from index.milvus_schema import MilvusConfig, create_collection

    client, config = _client(uri), MilvusConfig()
    name = f"policyqa_synthetic_{n}"
    if client.has_collection(name):
        client.drop_collection(name)
    create_collection(client, name, DIM, config)
    rng = np.random.default_rng(seed)
    for lo in range(0, n, config.batch):
        client.insert(name, _rows(rng, lo, min(lo + config.batch, n), terms))
    client.flush(name)
    return name


def open_and_ask(uri: str, name: str, queries: int) -> dict[str, Any]:
    """Load ``name`` and search it; what the process holds afterwards."""
    client = _client(uri)
    started = time.perf_counter()
    client.load_collection(name)
    loaded = time.perf_counter() - started
    rng = np.random.default_rng(1)
    for _ in range(queries):
        sparse_q = {int(k): 1.0 for k in rng.zipf(1.3, 6) % 2**31}
        client.search(name, data=[sparse_q], anns_field="bm25", limit=200, filter="dead > 1")
        vec = rng.standard_normal(DIM).astype(np.float32)
        client.search(name, data=[vec.tolist()], anns_field="dense", limit=100, filter="dead > 1")
    count = client.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"]
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"rows": int(count), "load_s": round(loaded, 1), "peak_mib": round(peak_kib / 1024)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.milvus_memory", description=(__doc__ or "").split("\n")[0]
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("synth", help="write a synthetic collection")
    s.add_argument("--milvus-uri", required=True)
    s.add_argument("--rows", type=int, required=True)
    s.add_argument("--terms", type=int, default=64, help="BM25 terms a row")
    s.add_argument("--seed", type=int, default=0)
    o = sub.add_parser("open", help="load a collection and search it (measure this)")
    o.add_argument("--milvus-uri", required=True)
    o.add_argument("--collection", required=True)
    o.add_argument("--queries", type=int, default=20)
    args = parser.parse_args(argv)
    if args.cmd == "synth":
        print(synth(args.milvus_uri, args.rows, args.terms, args.seed))
    else:
        print(open_and_ask(args.milvus_uri, args.collection, args.queries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
