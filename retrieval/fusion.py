"""Fusion of ranked lists, as small pure functions picked by name.

Each takes per-system score maps {row: score} (higher is better) and
returns a fused map {row: score}.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

Scores = Mapping[int, float]


def _ranks(scores: Scores) -> dict[int, int]:
    return {row: r for r, row in enumerate(sorted(scores, key=lambda x: -scores[x]), 1)}


def rrf(
    systems: Sequence[Scores], weights: Sequence[float] | None = None, k: int = 60
) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum of w / (k + rank)."""
    weights = weights or [1.0] * len(systems)
    fused: dict[int, float] = {}
    for scores, w in zip(systems, weights, strict=True):
        for row, rank in _ranks(scores).items():
            fused[row] = fused.get(row, 0.0) + w / (k + rank)
    return fused


def minmax(systems: Sequence[Scores], weights: Sequence[float] | None = None) -> dict[int, float]:
    """Weighted sum of min-max normalised scores (absent = 0)."""
    weights = weights or [1.0] * len(systems)
    fused: dict[int, float] = {}
    for scores, w in zip(systems, weights, strict=True):
        if not scores:
            continue
        lo, hi = min(scores.values()), max(scores.values())
        for row, s in scores.items():
            # A lone hit (or a tie) is that system's best, not its worst.
            norm = (s - lo) / (hi - lo) if hi > lo else 1.0
            fused[row] = fused.get(row, 0.0) + w * norm
    return fused


FUSIONS: dict[str, Callable[..., dict[int, float]]] = {"rrf": rrf, "minmax": minmax}


def get_fusion(name: str) -> Callable[..., dict[int, float]]:
    """Look up a fusion method by name.

    Raises:
        ValueError: unknown name (the message lists the valid ones).
    """
    try:
        return FUSIONS[name]
    except KeyError:
        raise ValueError(f"unknown fusion {name!r}; choose one of {sorted(FUSIONS)}") from None
