"""answer.policy: one row per intent, one span function per span kind, frozen weights."""

from __future__ import annotations

import dataclasses

import pytest

from answer.policy import (
    CONFIG,
    POLICIES,
    AnswerConfig,
    ClauseWeights,
    IntentPolicy,
    ListWeights,
    Route,
    Span,
    WhichDocThresholds,
    policy,
)
from answer.span_table import SPANS
from retrieval.intent import FIGURE_INTENTS, Intent


@pytest.mark.parametrize("intent", list(Intent))
def test_every_intent_has_a_policy(intent: Intent) -> None:
    row = POLICIES[intent]
    assert isinstance(row, IntentPolicy)
    assert policy(intent) is row
    assert row.route in set(Route) and row.span in set(Span)
    assert 0.0 < row.min_cov <= 1.0
    assert row.enumeration_bonus >= 0.0


def test_policies_cover_exactly_the_intents() -> None:
    assert set(POLICIES) == set(Intent)


@pytest.mark.parametrize("span", list(Span))
def test_every_span_has_a_function(span: Span) -> None:
    assert callable(SPANS[span])


def test_span_functions_cover_exactly_the_spans() -> None:
    assert set(SPANS) == set(Span)


def test_figure_intents_want_a_figure() -> None:
    for intent in Intent:
        row = policy(intent)
        assert row.figure is (intent in FIGURE_INTENTS)
        if row.figure:
            assert row.span is Span.FIGURE


def test_routes_of_the_special_intents() -> None:
    assert policy(Intent.COMPARE).route is Route.PARTS
    assert policy(Intent.WHICH_DOC).route is Route.DOCUMENTS
    assert policy(Intent.LIST).span is Span.ITEMS
    assert policy(Intent.LIST).enumeration_bonus > 0


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        (CONFIG, "lists"),
        (CONFIG.clause, "clause_cov"),
        (CONFIG.lists, "min_cov"),
        (CONFIG.which_doc, "value_cov"),
        (POLICIES[Intent.NUMBER], "min_cov"),
    ],
)
def test_config_is_frozen(obj: object, field: str) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, getattr(obj, field))


def test_answer_config_holds_every_weight_group() -> None:
    assert dataclasses.is_dataclass(AnswerConfig)
    params = AnswerConfig.__dataclass_params__  # type: ignore[attr-defined]
    assert params.frozen
    assert isinstance(CONFIG.clause, ClauseWeights)
    assert isinstance(CONFIG.lists, ListWeights)
    assert isinstance(CONFIG.which_doc, WhichDocThresholds)
    # A changed copy leaves the shared config alone.
    changed = dataclasses.replace(CONFIG, lists=ListWeights(min_cov=0.9))
    assert changed.lists.min_cov == 0.9
    assert CONFIG.lists.min_cov == ListWeights().min_cov
    assert AnswerConfig() == CONFIG


def test_every_route_has_a_function() -> None:
    from answer.pipeline import ROUTES

    assert set(ROUTES) == set(Route) and all(callable(f) for f in ROUTES.values())
