"""Both cores for the work of a build before embedding: an ordered map over a process pool.

Parsing a document (with its figures and enumerations) and tokenising passages for BM25
are pure functions of their input, so a build hands them to worker processes and takes
the results back in the order of the inputs: the index is the same as a serial build's,
whatever the number of workers. Only the inputs and results travel between processes
(pickled by :mod:`multiprocessing`); nothing is pickled into the index.

Workers are fresh interpreters (``spawn``): never forked from the build's own process,
which may hold threads (ONNX Runtime's, a web server's); they are the build's children,
so its CPU time counts theirs, and they are gone when the pool is. Starting one costs
about a second of CPU (imports, jieba's dictionary), hence the minimum sizes below. A
script that builds an index must guard its top level with ``if __name__ == "__main__":``
(the workers import the main module; ``policyqa`` and ``python -m`` modules do).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

ENV_VAR = "POLICYQA_WORKERS"
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class PoolConfig:
    """How much of a build runs in worker processes.

    Attributes:
        workers: processes; 0 means ``$POLICYQA_WORKERS``, else one per core. 1 runs
            everything in the build's own process.
        min_documents: fewer documents are parsed in the build's process (a worker
            costs about a second of CPU to start).
        min_texts: fewer passages to tokenise are tokenised in the build's process.
        text_chunk: passages per task sent to a worker.
    """

    workers: int = 0
    min_documents: int = 8
    min_texts: int = 2000
    text_chunk: int = 500


def worker_count(config: PoolConfig, items: int, minimum: int) -> int:
    """How many processes work on ``items`` inputs (1: the caller's own process)."""
    if items < max(minimum, 2):
        return 1
    wanted = config.workers or int(os.environ.get(ENV_VAR) or 0) or os.cpu_count() or 1
    return max(1, min(wanted, items))


def ordered_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    *,
    each: Callable[[int], None] | None = None,
) -> list[R]:
    """``[fn(x) for x in items]``, on ``workers`` processes when more than one.

    ``fn`` must be a module-level function and its inputs and results picklable. An
    exception raised by ``fn`` is raised here (the other tasks are cancelled).
    ``each(i)`` is called as the i-th result (1-based, in input order) is taken.
    """
    out: list[R] = []
    if workers <= 1:
        for x in items:
            out.append(fn(x))
            if each:
                each(len(out))
        return out
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            for result in pool.map(fn, items):
                out.append(result)
                if each:
                    each(len(out))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return out
