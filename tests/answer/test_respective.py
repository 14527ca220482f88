"""answer.extract.respective_figure on made-up "A、B分别…X、Y" sentences."""

from __future__ import annotations

from answer.extract import respective_figure
from answer.signals import Signals, Term


def _sig(*terms: str) -> Signals:
    return Signals(tuple(Term(t, 1.0) for t in terms), (), "count")


def test_the_item_asked_gets_its_own_figure() -> None:
    norm = "孵化器、众创空间、加速器分别达到12家、30家、4家"
    found = respective_figure(_sig("众创空间"), norm)
    assert found is not None and norm[found[0] : found[1]] == "30家"


def test_no_pairing_when_items_and_figures_differ_in_number() -> None:
    assert respective_figure(_sig("众创空间"), "孵化器、众创空间分别达到12家") is None


def test_no_pairing_when_the_question_names_no_item() -> None:
    assert respective_figure(_sig("研究院"), "孵化器、众创空间分别达到12家、30家") is None


def test_no_pairing_without_fenbie() -> None:
    assert respective_figure(_sig("众创空间"), "孵化器12家、众创空间30家") is None
