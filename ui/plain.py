"""Plain text of what the page shows: the active filters, an answer with its sources.

Used where HTML would be wrong: the copy button, the Markdown and Word
exports of a conversation, the CLI.
"""

from __future__ import annotations

from collections.abc import Mapping

from retrieval.model import Filters
from ui import messages as m


def filters_line(f: Filters | None, titles: Mapping[str, str]) -> str:
    """The active filters in words ("地区 余杭区 · 年份 2023"); "" when there are none.

    ``titles``: doc id → title, so a chosen document reads by its title.
    """
    if f is None or f.is_empty():
        return ""
    docs = [f"《{titles[d]}》" if titles.get(d) else d for d in f.doc_ids]
    parts = (
        (m.FILTER_REGION, "、".join(f.regions)),
        (m.FILTER_YEAR, "、".join(map(str, f.years))),
        (m.FILTER_DOC, "、".join(docs)),
    )
    return " · ".join(f"{label} {values}" for label, values in parts if values)
