"""A labelled facts sample scored again on the rows an index holds now.

The labels of evals/gold/facts_sample*.jsonl describe the rows as they were drawn:
each field right, or wrong with its right value in ``fix``. So each field has a
gold value (the drawn one when right, the fix when wrong), and a row the
extraction gives now is right in a field when it shows that value. A row is
found again by its document and where its value starts (else a row whose value
overlaps the drawn one). Three things cannot be judged from the labels and are
counted apart, never as right (a value read later and found right goes into the
label's ``also``: field -> list of further right values, with the reason in ``also_note``):

- ``unjudged``: a field now shows a value that is neither the labelled right one
  nor the drawn one labelled wrong (read it and label it before believing a figure);
- ``dropped``: the row is gone; right when the label said it is no figure
  (``fix.value_unit`` starting "none"), a loss otherwise;
- new rows a change adds are in no sample (draw a fresh one for them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corpus.facts_spans import span_years

FIELDS = ("value_unit", "year", "kind", "region", "metric", "qualifier", "period")
_NO_FIGURE = "none"


@dataclass(frozen=True)
class Rescored:
    """One labelled row against the index: ``right`` per field (None: unjudged)."""

    label: dict[str, Any]
    now: dict[str, Any] | None
    right: dict[str, bool | None]

    @property
    def dropped(self) -> bool:
        return self.now is None

    @property
    def no_figure(self) -> bool:
        """Whether the label says the row is no figure at all."""
        return _says_no_figure(self.label)


def _says_no_figure(label: dict[str, Any]) -> bool:
    fix = label.get("fix", {}).get("value_unit")
    return isinstance(fix, str) and fix.startswith(_NO_FIGURE)


def field_value(fact: dict[str, Any], name: str) -> Any:
    """A fact's value of a labelled field (value_unit: the value and its unit written
    together; a period as its years, so "2021-2025" and "十四五" are the same span)."""
    if name == "value_unit":
        return f"{fact['value']}{fact['unit']}"
    if name == "period":
        return _span(fact.get("period"))
    return fact.get(name)


def _span(period: Any) -> Any:
    years = span_years(period) if isinstance(period, str) else range(0)
    return (years.start, years.stop) if years else period


def _fix_value(name: str, fix: Any) -> Any:
    """A fix as the field's value ("75万户(人)次" for value_unit; parenthesised notes dropped)."""
    if name == "value_unit" and isinstance(fix, str):
        return fix.split(" (")[0]
    return _span(fix) if name == "period" else fix


def judge(label: dict[str, Any], now: dict[str, Any] | None) -> Rescored:
    """Each field of the row ``now`` against the label's gold values."""
    if now is None:
        return Rescored(label, None, {})
    right: dict[str, bool | None] = {}
    for name in label["right"]:
        drawn, value = field_value(label["fact"], name), field_value(now, name)
        if value in [_fix_value(name, x) for x in label.get("also", {}).get(name, ())]:
            right[name] = True
        elif label["right"][name]:
            right[name] = True if value == drawn else None
        elif name in label.get("fix", {}) and value == _fix_value(name, label["fix"][name]):
            right[name] = True
        else:
            stays = value == drawn or (name == "value_unit" and _says_no_figure(label))
            right[name] = False if stays else None
    return Rescored(label, now, right)


def find_row(label: dict[str, Any], rows: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The row of ``rows`` (one document's) standing for a labelled one, or None."""
    a, b = label["value_start"], label["value_end"]
    near = [r for r in rows if r["value_start"] < b and a < r["value_end"]]
    same = [r for r in near if r["value_start"] == a]
    return (same or near)[0] if near else None


def rescore(labels: list[dict[str, Any]], facts: Iterable[dict[str, Any]]) -> list[Rescored]:
    """Every labelled row judged against the facts an index holds now."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    wanted = {x["doc_id"] for x in labels}
    for f in facts:
        if f["doc_id"] in wanted:
            by_doc.setdefault(f["doc_id"], []).append(f)
    return [judge(x, find_row(x, by_doc.get(x["doc_id"], []))) for x in labels]


def as_labels(scored: list[Rescored]) -> list[dict[str, Any]]:
    """The rows still in the table with their new ``right`` (unjudged counts as wrong),
    ready for :func:`evals.facts_precision.precision`."""
    return [
        {**s.label, "right": {k: bool(v) for k, v in s.right.items()}}
        for s in scored
        if not s.dropped
    ]


def summary(scored: list[Rescored]) -> dict[str, Any]:
    """Counts the figures cannot show: dropped rows (right drops apart) and unjudged fields."""
    dropped = [s for s in scored if s.dropped]
    unjudged = {name: sum(1 for s in scored if s.right.get(name, False) is None) for name in FIELDS}
    return {
        "kept": len(scored) - len(dropped),
        "dropped_no_figure": sum(1 for s in dropped if s.no_figure),
        "dropped_figure": sum(1 for s in dropped if not s.no_figure),
        "unjudged": {k: v for k, v in unjudged.items() if v},
    }
