"""Benchmark: build, load, memory and answer latency of synthetic indexes of growing size.

Usage::

    python -m evals.bench_scale --passages 50000,200000,1000000 --json OUT
        [--base DIR] [--work DIR] [--questions 100] [--systems policyqa,rank_bm25,faiss_flat]
        [--baseline-max 200000] [--max-seconds 600] [--max-gb 12] [--keep]

For each size, a synthetic corpus of exactly that many passages is made from the
index at ``--base`` (built from real documents: samples + corpus-extra; see
:mod:`evals.scale_synth`), then:

- ``policyqa``: written as an index (BM25 weights, files, manifest: what
  ``policyqa index`` does once every passage is embedded; ``build_s``), then a fresh
  process loads it and answers ``--questions`` gold questions (:mod:`evals.scale_probe`).
- ``rank_bm25`` and ``faiss_flat``: the yardsticks, each in a fresh process over the
  same tokens / vectors, at sizes up to ``--baseline-max`` (``faiss_flat`` at every size).

Each probe's address space is bounded (``--max-gb``); a probe that fails (out of
memory, say) is reported on stderr and leaves no record.

OUT is a JSON list of records ``{system, passages, build_s, load_s, rss_mb, p50_ms,
p95_ms, questions}``; a table is printed too. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from index.manifest import default_index_dir

ROOT = Path(__file__).resolve().parent.parent
GOLD = (
    ROOT.parent / "shared" / "gold" / "dev.jsonl",
    ROOT / "evals" / "gold" / "team_extra.jsonl",
    ROOT.parent / "shared" / "gold" / "dev2.jsonl",
    ROOT / "evals" / "gold" / "team3.jsonl",
)
SYSTEMS = ("policyqa", "rank_bm25", "faiss_flat")
_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


def gold_questions(paths: Sequence[Path], n: int) -> list[str]:
    """``n`` questions taken in turn from each gold file (first lines first)."""
    lists = []
    for path in paths:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            lists.append([json.loads(x)["question"] for x in lines if x.strip()])
    out: list[str] = []
    for i in range(max((len(x) for x in lists), default=0)):
        out.extend(x[i] for x in lists if i < len(x))
    return out[:n]


def write_inputs(work: Path, built: Any, baselines: bool) -> None:
    """What the probes read besides the index: the model and tokenizer, tokens, vectors."""
    from index.files import write_jsonl, write_npy

    meta = {"model_id": built.model_id, "tokenizer": built.tokenizer}
    (work / "synth.json").write_text(json.dumps(meta), encoding="utf-8")
    if baselines:
        write_jsonl(work / "tokens.jsonl", built.tokens)
    write_npy(work / "vectors.npy", built.vectors)


def _bounded(gb: float) -> Callable[[], None]:
    """Cap a child's address space at ``gb`` GiB (a shared machine: a design that would
    need tens of GB fails alone instead of pushing everyone's work out of memory)."""

    def limit() -> None:
        cap = int(gb * (1 << 30))
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return limit


def run_probe(
    system: str, work: Path, qfile: Path, args: argparse.Namespace
) -> dict[str, Any] | None:
    """One fresh process of :mod:`evals.scale_probe`; its record, None when it failed."""
    env = {**os.environ, **_ENV, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "evals.scale_probe", system, str(work), str(qfile)]
    done = subprocess.run(
        [*cmd, "--max-seconds", str(args.max_seconds)],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=_bounded(args.max_gb),
    )
    if done.returncode != 0:
        print(f"{system} failed: {done.stderr[-1500:]}", file=sys.stderr)
        return None
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def one_size(args: argparse.Namespace, seed: Any, n: int, qfile: Path) -> list[dict[str, Any]]:
    """Every asked system's record at ``n`` passages."""
    from evals.scale_synth import synthetic
    from index.write import save_built

    work = args.work / str(n)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    built = synthetic(seed, n)
    baselines = "rank_bm25" in args.systems and n <= args.baseline_max
    write_inputs(work, built, baselines)
    records = []
    if "policyqa" in args.systems:
        t0 = time.perf_counter()
        save_built(work / "index", built)
        build_s = time.perf_counter() - t0
    del built
    for system in args.systems:
        if system == "rank_bm25" and not baselines:
            continue
        found = run_probe(system, work, qfile, args)
        if found is None:
            continue
        if system == "policyqa":
            found["build_s"] = round(build_s, 2)
        records.append({"system": system, "passages": n, **found})
        print(json.dumps(records[-1]), file=sys.stderr)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return records


def table(records: list[dict[str, Any]]) -> str:
    """The records as a Markdown table."""
    cols = ("system", "passages", "build_s", "load_s", "rss_mb", "p50_ms", "p95_ms", "questions")
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in records:
        lines.append("| " + " | ".join("–" if r.get(c) is None else str(r[c]) for c in cols) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_scale", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--passages", default="50000,200000,1000000", help="sizes, comma-separated")
    parser.add_argument("--json", type=Path, help="write the records here")
    parser.add_argument(
        "--base",
        type=Path,
        default=default_index_dir(),
        help="an index of real documents (samples + corpus-extra) to copy from",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/policyqa-bench-scale"))
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--baseline-max", type=int, default=200_000, help="largest rank_bm25 size")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="bound per probe")
    parser.add_argument(
        "--max-gb", type=float, default=12.0, help="address space bound per probe (GiB)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the synthetic indexes")
    args = parser.parse_args(argv)
    args.systems = [s for s in args.systems.split(",") if s]
    unknown = set(args.systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems {sorted(unknown)}; choose among {list(SYSTEMS)}")
    sizes = [int(x) for x in args.passages.split(",") if x.strip()]

    from evals.scale_synth import seed_from

    args.work.mkdir(parents=True, exist_ok=True)
    qfile = args.work / "questions.json"
    qfile.write_text(json.dumps(gold_questions(GOLD, args.questions), ensure_ascii=False))
    seed = seed_from(args.base)
    records = [r for n in sizes for r in one_size(args, seed, n, qfile)]
    print(table(records))
    if args.json:
        args.json.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
