"""evals.bench_dense: recall of the large-index searches against the exact scan."""

from __future__ import annotations

import numpy as np

from evals.bench_dense import measure, recall


def test_recall_counts_the_exact_top_rows_found() -> None:
    assert recall(np.array([3, 1, 9]), np.array([1, 2, 3]), 3) == 2 / 3
    assert recall(np.array([5]), np.array([], dtype=np.int64), 10) == 0.0


def test_every_setting_is_measured_against_the_exact_scan() -> None:
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((10, 16)).astype(np.float32)
    vectors = centres[np.arange(600) % 10] + 0.1 * rng.standard_normal((600, 16))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    queries = vectors[:5] + 0.2 * rng.standard_normal((5, 16)).astype(np.float32)
    settings = {"pq": [8.0], "rerank": [50.0, 600.0], "lists": [1.0], "nprobe": [24.0]}
    records = measure(vectors, queries, settings, 20)
    assert [(r["search"], r["size"], r["probe"]) for r in records] == [
        ("exact", 0, 0),
        ("pq", 8, 50),
        ("pq", 8, 600),
        ("ivf", 24, 24),
    ]
    assert records[0]["recall_10"] == 1.0
    assert records[2]["recall_k"] == 1.0  # every vector re-scored: the exact rows
