"""Benchmark: N concurrent ``gradio_client`` clients against ``policyqa serve`` on 127.0.0.1.

Usage::

    python -m evals.bench_load --index-dir DIR [--clients 5] [--questions 10]
        [--max-seconds 600] [--gold FILE ...] [--json OUT]
    python -m evals.bench_load --url http://127.0.0.1:7860/ ...   # a server already running

Starts ``policyqa serve`` on a free port of 127.0.0.1 (unless ``--url``), waits
until it answers, then runs ``--clients`` threads, each with its own Client,
each asking ``--questions`` gold questions through ``/ask_json`` one after
another, until done or ``--max-seconds`` have passed. Prints the success rate
(a request succeeds when it returns an answer record, found or not), latency
p50/p95/p99/max of the successful requests, and throughput. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = [ROOT / "evals" / "gold" / "team_samples.jsonl"]


@dataclass
class Outcome:
    """What the clients saw."""

    planned: int = 0
    attempted: int = 0
    succeeded: int = 0
    found: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)

    def summary(self, wall_s: float) -> dict[str, object]:
        lat = np.asarray(self.latencies_ms or [float("nan")])
        p50, p95, p99 = (round(float(x), 1) for x in np.percentile(lat, [50, 95, 99]))
        return {
            "planned": self.planned,
            "attempted": self.attempted,
            "succeeded": self.succeeded,
            "success_rate": round(self.succeeded / max(self.planned, 1), 4),
            "found": self.found,
            "errors": self.errors,
            "latency_ms": {"p50": p50, "p95": p95, "p99": p99, "max": round(float(lat.max()), 1)},
            "wall_s": round(wall_s, 1),
            "throughput_qps": round(self.succeeded / wall_s, 2) if wall_s else 0.0,
        }


def questions(gold: list[Path]) -> list[str]:
    out: list[str] = []
    for path in gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(index_dir: Path, port: int, timeout: float) -> subprocess.Popen[bytes]:
    """``policyqa serve`` in a child process; returns once the page answers."""
    import httpx

    env = {**os.environ, "PYTHONPATH": str(ROOT), "GRADIO_ANALYTICS_ENABLED": "False"}
    args = ["serve", "--index-dir", str(index_dir), "--port", str(port)]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from ui.cli import main; main()", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {err[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"server did not answer within {timeout:.0f} s")


def run_clients(url: str, qs: list[str], n_clients: int, per_client: int, max_s: float) -> Outcome:
    from gradio_client import Client

    out = Outcome(planned=n_clients * per_client)
    lock = threading.Lock()
    deadline = time.monotonic() + max_s
    start = threading.Barrier(n_clients)

    def client(k: int) -> None:
        c = Client(url, verbose=False)
        start.wait()
        for i in range(per_client):
            if time.monotonic() >= deadline:
                return
            q = qs[(k * per_client + i) % len(qs)]
            t0 = time.perf_counter()
            try:
                record = c.predict(q, None, None, None, api_name="/ask_json")
                ok, found, err = isinstance(record, dict), bool(record.get("found")), ""
            except Exception as exc:  # any failure of the request counts, by kind
                ok, found, err = False, False, type(exc).__name__
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                out.attempted += 1
                if ok:
                    out.succeeded += 1
                    out.found += found
                    out.latencies_ms.append(ms)
                else:
                    out.errors[err or "bad record"] = out.errors.get(err or "bad record", 0) + 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(n_clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_load", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--index-dir", type=Path, help="index to serve (or give --url)")
    parser.add_argument("--url", help="a policyqa server already running")
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--questions", type=int, default=10, help="questions per client")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="bound on the run")
    parser.add_argument("--startup-seconds", type=float, default=300.0)
    parser.add_argument("--gold", type=Path, nargs="+", default=DEFAULT_GOLD)
    parser.add_argument("--json", type=Path, help="also write the summary here")
    args = parser.parse_args(argv)
    if not args.url and not args.index_dir:
        parser.error("give --index-dir or --url")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

    qs = questions(args.gold)
    proc = None
    url = args.url
    if not url:
        port = free_port()
        t0 = time.perf_counter()
        proc = start_server(args.index_dir, port, args.startup_seconds)
        print(f"server up in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        url = f"http://127.0.0.1:{port}/"
    try:
        t0 = time.perf_counter()
        outcome = run_clients(url, qs, args.clients, args.questions, args.max_seconds)
        wall = time.perf_counter() - t0
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    summary = {
        "url": url,
        "index_dir": str(args.index_dir) if args.index_dir else None,
        "clients": args.clients,
        "questions_per_client": args.questions,
        **outcome.summary(wall),
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps({**summary, **asdict(outcome)}, ensure_ascii=False))
    return 0 if outcome.succeeded == outcome.planned else 1


if __name__ == "__main__":
    sys.exit(main())
