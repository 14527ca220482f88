"""Results a sentence names after saying they were won: "重点科技攻关取得许多重要成果,亚洲一号
通讯卫星和长征二号捆绑火箭发射成功、五兆瓦低温核供热试验堆建成并投入正常运行、大秦线万吨级组合
列车运行试验成功,…". A clause saying results, progress or breakthroughs were won (取得,
获得 or 实现 … 成果, 成就, 进展, 突破, 成效), then, after its comma or colon, three or more
clauses joined by 、, each naming a thing and ending on what became of it (发射成功, 投入运行,
建成, 问世, 通车…; not a series of words: "载人航天、探月探火…等领域"). The items are those
clauses; the list is named by its section and the clause announcing them.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import MAX_LEAD, Enumeration, Item, split_at, start_after
from corpus.model import Document

MIN_RESULTS = 3  # fewer results are a pair, no list
# The clause saying results were won, up to its comma or colon.
_WON = re.compile(r"(?:取得|获得|实现)[^,;。:!?\n]{0,12}?(?:成果|成就|进展|突破|成效)[,:]")
_CLAUSE_END = re.compile(r"[,;。:!?\n]")
# What became of a result, ending its clause.
_BECAME = re.compile(
    r"(?:成功|运行|建成|投产|投用|问世|通过|获批|完成|落地|开通|通车|竣工|上市|发布|诞生|首飞"
    r"|下线|并网|运营|使用|合龙|贯通|交付)$"
)
MIN_RESULT = 8  # characters of the shortest result: a thing and what became of it


def result_series(doc: Document) -> list[Enumeration]:
    """Series of results a clause announces as won."""
    norm, out = doc.norm, []
    for m in _WON.finditer(norm):
        stop = _CLAUSE_END.search(norm, m.end())
        end = stop.start() if stop else len(norm)
        spans = split_at(norm, m.end(), end, "、")
        if len(spans) < MIN_RESULTS or any(
            not MIN_RESULT <= b - a <= MAX_LEAD or not _BECAME.search(norm, a, b) for a, b in spans
        ):
            continue
        opening = start_after(norm, m.start(), ",;:。\n")
        path = doc.path_at(m.start())
        head = f"{path} {norm[opening : m.end() - 1]}".strip()
        items = tuple(Item(a, b, opening, end) for a, b in spans)
        out.append(Enumeration("inline", path, opening, end, head, 0, items))
    return out
