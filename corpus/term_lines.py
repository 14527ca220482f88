"""Lines that each open with a term and a colon: a box's or a glossary's entries.

"专栏二 新一代信息通信技术创新场景方向" then "大数据:运用大数据采集…" "云平台:促进企业…"
"5G通信:…" "人工智能:…" "BIM:…" "数字孪生:…": three or more lines in a row, each a short
term, a colon and what it means. The items are the terms; the list is named by the line above
the run (the box's title) and its section.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re
from collections import Counter

from corpus.enum_model import MAX_LEAD, Enumeration, Item, line_before
from corpus.model import Document

MIN_TERMS = 3  # fewer such lines are a pair of notes, not a list
TERM_MAX = 16  # a longer opening is a clause, not a term
# A line opening with a term (no punctuation in it, no numbering) and a colon, text after…
_TERM_AT = re.compile(rf"[ \t\u3000]*([^\s:,;。、!?()\[\]\"]{{2,{TERM_MAX}}}?)[ \t]*:(?=\S)(?!//)")
# …and where a line runs on after a sentence's end and a space, another term and colon
_RUN_ON = re.compile(rf"。[ \t\u3000]+(?=[^\s:,;。、!?()\[\]\"]{{2,{TERM_MAX}}}?[ \t]*:\S)")
_NUMBERED = re.compile(r"[一二三四五六七八九十\d]+[、.]|第[一二三四五六七八九十\d]+[条章节]")


def term_lines(doc: Document) -> list[Enumeration]:
    """Runs of :data:`MIN_TERMS` or more lines in a row, each a term and a colon (or such
    entries a text layer ran into one line after a sentence's end and a space)."""
    norm = doc.norm
    out: list[Enumeration] = []
    run: list[re.Match[str]] = []
    for line in re.finditer(r"(?m)^[^\n]*\S[^\n]*$", norm):
        # (a text layer may run a box's lines into one: "…研制智能管理平台。 智能感知系统:…")
        starts = [
            line.start(),
            *(m.end() for m in _RUN_ON.finditer(norm, line.start(), line.end())),
        ]
        for at in starts:
            m = _TERM_AT.match(norm, at, line.end())
            if m is not None and not _NUMBERED.match(m.group(1)):
                run.append(m)
                continue
            _close(doc, run, out)
            run = []
    _close(doc, run, out)
    # The same terms again and again ("痛点:" "改造目标:" "实现方式:" under every scenario)
    # are the fields of a form, not things listed.
    seen = Counter(_terms(doc, en) for en in out)
    return [en for en in out if seen[_terms(doc, en)] == 1]


def _terms(doc: Document, en: Enumeration) -> tuple[str, ...]:
    return tuple(doc.norm[i.start : i.end] for i in en.items)


def _close(doc: Document, run: list[re.Match[str]], out: list[Enumeration]) -> None:
    """The enumeration of a run of term lines, when long enough."""
    if len(run) < MIN_TERMS:
        return
    norm = doc.norm
    items = tuple(
        Item(m.start(1), min(m.end(1), m.start(1) + MAX_LEAD), m.start(1), _line_end(norm, m))
        for m in run
    )
    path = doc.path_at(items[0].start)
    head = f"{path} {line_before(norm, run[0].start())}".strip()
    out.append(Enumeration("lead", path, items[0].sent_start, items[-1].sent_end, head, 0, items))


def _line_end(norm: str, m: re.Match[str]) -> int:
    """Where the term's first sentence ends (its 。 kept), or its line."""
    end = norm.find("\n", m.end())
    end = len(norm) if end < 0 else end
    stop = norm.find("。", m.end(), end)
    return end if stop < 0 else stop + 1
