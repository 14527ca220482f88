"""Abbreviations defined by the documents themselves ("…(以下简称“科小”)").

Only true compressions are kept: the short form's characters appear in order
in the full name without being a plain piece of it ("双创" for "大众创业、
万众创新" style compressions, not "平台" for "国家智慧教育平台", which is just
the generic head and would expand every question that says 平台).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.normalize import normalize

_DEFINITION = re.compile(
    r"([\u4e00-\u9fffa-z0-9]{3,30})[(（]\s*(?:以下)?简称\s*[\"“]?([\u4e00-\u9fffa-z0-9]{2,10})[\"”]?\s*[)）]"
)
_LEAD = re.compile(r"^.*?(?:所称的?|的|是|为|将|对|把|关于|推动|实施|建立|设立|成立)")


def _is_compression(short: str, full: str) -> bool:
    if len(short) < 2 or len(full) < len(short) + 2 or short in full:
        return False
    pos = 0
    for ch in short:
        pos = full.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def mine_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Short form → full name, from definitions in the texts (normalised forms).

    Args:
        texts: document texts (original or normalised).

    Returns:
        The abbreviations whose definition is a compression of the full name;
        the first definition of a short form wins.
    """
    found: dict[str, str] = {}
    for text in texts:
        for m in _DEFINITION.finditer(normalize(text)):
            short = m.group(2)
            full = _LEAD.sub("", m.group(1)) or m.group(1)
            # A compression starts where the full name does ("科小" ← "科技型中小企业").
            start = full.find(short[0])
            full = full[start:] if start >= 0 else full
            if _is_compression(short, full):
                found.setdefault(short, full)
    return found


def expand(canon_text: str, abbreviations: dict[str, str]) -> str:
    """Add the full name after each defined short form the text uses (once each)."""
    extra = [
        full
        for short, full in abbreviations.items()
        if short in canon_text and full not in canon_text
    ]
    return f"{canon_text} {' '.join(extra)}" if extra else canon_text
