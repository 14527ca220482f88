"""Names quoted one right after another: "全面推行“河长制”“湖长制”“林长制”", "“5”是指“向种
图强”“向海图强”“向天图强”“向绿图强”“向数图强”". Three or more quoted names with nothing
between them are a series (closed by 等 and their kind, :func:`corpus.phrase_lists.quoted_run`
reads them); the items are the names inside their quotes, and the list is named by its
section and the words of its clause around them ("“5”是指", "全面推行").

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import Enumeration, Item, start_after
from corpus.model import Document
from corpus.phrase_lists import MAX_SERIES_ITEM, MIN_SERIES, QUOTED_RUN

_NAME = rf'"([^"\n,;。、]{{2,{MAX_SERIES_ITEM}}})"'
_SERIES = re.compile(rf"(?:{_NAME}){{{MIN_SERIES},}}")
_CLAUSE_END = re.compile(r"[,;。:!?\n]")


def adjacent_quotes(doc: Document) -> list[Enumeration]:
    """Series of :data:`~corpus.phrase_lists.MIN_SERIES` or more quoted names written side
    by side, not closed by 等 and their kind."""
    norm, out = doc.norm, []
    for m in _SERIES.finditer(norm):
        if QUOTED_RUN.match(norm, m.start()):
            continue  # (named by their kind after 等: quoted_run's)
        names = [(n.start(1), n.end(1)) for n in re.finditer(_NAME, m.group(0))]
        opening = start_after(norm, m.start(), ",;:。\n")
        stop = _CLAUSE_END.search(norm, m.end())
        end = stop.start() if stop else len(norm)
        path = doc.path_at(m.start())
        head = f"{path} {norm[opening : m.start()]} {norm[m.end() : end]}".strip()
        items = tuple(Item(m.start() + a, m.start() + b, opening, end) for a, b in names)
        out.append(Enumeration("inline", path, opening, end, head, 0, items))
    return out
