"""retrieval.fusion: pure functions picked by name."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.fusion import FUSIONS, get_fusion, minmax, rrf

score_maps = st.dictionaries(
    st.integers(0, 30), st.floats(-100, 100, allow_nan=False, allow_infinity=False), max_size=12
)
systems = st.lists(score_maps, min_size=1, max_size=3)


def test_rrf_values() -> None:
    fused = rrf([{1: 10.0, 2: 5.0}, {2: 0.9, 3: 0.1}], k=60)
    assert fused == pytest.approx({1: 1 / 61, 2: 1 / 62 + 1 / 61, 3: 1 / 62})


def test_rrf_weights() -> None:
    fused = rrf([{1: 1.0}, {2: 1.0}], weights=[2.0, 0.5], k=10)
    assert fused == pytest.approx({1: 2 / 11, 2: 0.5 / 11})


def test_minmax_values() -> None:
    fused = minmax([{1: 10.0, 2: 5.0, 3: 0.0}, {3: 0.8, 4: 0.4}], weights=[1.0, 0.5])
    assert fused == pytest.approx({1: 1.0, 2: 0.5, 3: 0.5, 4: 0.0})


def test_empty_systems() -> None:
    assert rrf([{}, {}]) == {}
    assert minmax([{}, {}]) == {}
    assert rrf([]) == {}


def test_weights_must_match_systems() -> None:
    with pytest.raises(ValueError):
        rrf([{1: 1.0}, {2: 1.0}], weights=[1.0])


@pytest.mark.parametrize("name", sorted(FUSIONS))
@settings(max_examples=80, deadline=None)
@given(systems=systems)
def test_fusions_are_pure(name: str, systems: list[dict[int, float]]) -> None:
    fuse = get_fusion(name)
    before = copy.deepcopy(systems)
    first = fuse(systems)
    assert systems == before  # inputs untouched
    assert fuse(copy.deepcopy(systems)) == first  # same inputs, same output
    assert set(first) == set().union(*systems)


@settings(max_examples=80, deadline=None)
@given(systems=systems)
def test_rrf_bounds_and_order(systems: list[dict[int, float]]) -> None:
    fused = rrf(systems, k=60)
    assert all(0 < v <= len(systems) / 61 + 1e-12 for v in fused.values())
    if len(systems) == 1 and systems[0]:
        scores = systems[0]
        for a in scores:
            for b in scores:
                if scores[a] > scores[b]:
                    assert fused[a] > fused[b]


@settings(max_examples=80, deadline=None)
@given(systems=systems)
def test_minmax_bounds(systems: list[dict[int, float]]) -> None:
    fused = minmax(systems)
    assert all(-1e-9 <= v <= len(systems) + 1e-9 for v in fused.values())


def test_get_fusion() -> None:
    assert get_fusion("rrf") is rrf
    assert get_fusion("minmax") is minmax


def test_get_fusion_unknown_lists_names() -> None:
    with pytest.raises(ValueError) as exc:
        get_fusion("x")
    message = str(exc.value)
    assert "'x'" in message and "rrf" in message and "minmax" in message


def test_minmax_single_hit_counts_as_top() -> None:
    fused = minmax([{1: 5.0}, {2: 0.3, 3: 0.1}])
    assert fused[1] == pytest.approx(1.0)
    tied = minmax([{1: 2.0, 2: 2.0}])
    assert tied == pytest.approx({1: 1.0, 2: 1.0})
