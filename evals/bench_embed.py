"""Benchmark: embedding throughput of the backends (torch, onnx, onnx-int8) on real passages.

Usage::

    python -m evals.bench_embed [--passages 512] [--rounds 3] [--backends torch,onnx,onnx-int8]
                                [--json OUT]

The passages are those a build embeds (:func:`index.derive.dense_text`) of every
7th document of ``../shared/corpus-extra`` (the samples when it is absent), in
that order, until ``--passages`` are taken. Each backend is loaded once (its
ONNX export made first if missing; load time not counted), then the backends
take turns over ``--rounds`` rounds, each embedding all passages the way a build
does (:func:`index.write.embed_missing`: shortest first, chunks of 512, no
cache). Per backend the median passages per second of wall time and of process
CPU time are printed (on a shared machine CPU time is the steadier figure), with
the cosine of its vectors to the first backend's (min and mean).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT.parent / "shared" / "corpus-extra"
SAMPLES = ROOT / "corpus" / "samples"


def passages(n: int) -> list[str]:
    """The dense texts of up to ``n`` real passages (every 7th document, in order)."""
    from index.derive import dense_text
    from index.reading import read_documents

    folder = EXTRA if (EXTRA / "docs").is_dir() else SAMPLES
    files = sorted(folder.rglob("*.txt"))[::7] if folder == EXTRA else sorted(folder.glob("*.txt"))
    out: list[str] = []
    for path in files:
        docs, _ = read_documents([path])
        out.extend(dense_text(p) for d in docs for p in d.passages)
        if len(out) >= n:
            break
    return out[:n]


def run_once(embedder: object, texts: list[str]) -> tuple[float, float, np.ndarray]:
    """Wall seconds, CPU seconds and the vectors of one build-like pass over ``texts``."""
    from index.embed import text_key
    from index.write import embed_missing

    keys = [text_key(t) for t in texts]
    known: dict[str, np.ndarray] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    embed_missing(texts, keys, known, embedder, None)  # type: ignore[arg-type]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, np.stack([known[k] for k in keys])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--passages", type=int, default=512)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--backends", default="torch,onnx,onnx-int8")
    ap.add_argument("--json", type=Path, help="Write the records as JSON here.")
    args = ap.parse_args(argv)
    from index.embed import get_embedder

    texts = passages(args.passages)
    names = [b.strip() for b in args.backends.split(",") if b.strip()]
    embedders = {b: get_embedder(None, b) for b in names}
    times: dict[str, list[tuple[float, float]]] = {b: [] for b in names}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(args.rounds):
        for b in names:
            wall, cpu, vectors[b] = run_once(embedders[b], texts)
            times[b].append((wall, cpu))
    records = []
    for b in names:
        cos = np.sum(vectors[names[0]] * vectors[b], axis=1)
        records.append(
            {
                "backend": b,
                "model_id": embedders[b].model_id,
                "passages": len(texts),
                "rounds": args.rounds,
                "wall_per_s": round(len(texts) / statistics.median(w for w, _ in times[b]), 1),
                "cpu_per_s": round(len(texts) / statistics.median(c for _, c in times[b]), 1),
                "cosine_min": round(float(cos.min()), 5),
                "cosine_mean": round(float(cos.mean()), 5),
            }
        )
        r = records[-1]
        print(
            f"{b:10} {r['wall_per_s']:7.1f} passages/s wall {r['cpu_per_s']:7.1f} per CPU-s  "
            f"cosine to {names[0]}: min {r['cosine_min']:.5f} mean {r['cosine_mean']:.5f}"
        )
    if args.json:
        args.json.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
