"""What a question asks for: one enum, used by retrieval and answering alike."""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    """The kind of answer a question wants (its value is the name used in records and gold)."""

    NUMBER = "number"  # a figure that was reached ("余杭2023年新增高企多少")
    TARGET = "target"  # a figure or wording planned ("2024年目标多少")
    WHICH_DOC = "which_doc"  # the documents that state something
    ENTITY = "entity"  # a name: enterprise, unit, person, date
    LIST = "list"  # every item of an enumeration
    COMPARE = "compare"  # two or more figures, each with whose it is
    TABLE = "table"  # one indicator over years or places ("余杭历年新增高企"), a row each


FIGURE_INTENTS = frozenset({Intent.NUMBER, Intent.TARGET, Intent.COMPARE})
"""Intents whose answer is a quantity (clause scoring prefers one with the expected unit)."""
