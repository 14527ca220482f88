"""Names a sentence quotes ("…" or 《…》) that a question asks for: the quotation touching
the words the question describes a thing by ("深化“瓯来拍”系列活动"), or the one its kind's
word follows ("包含“瀚海星云”大模型在内的基础大模型"); and a name never cut inside a quotation
(:mod:`answer.entity` reads names with these)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from answer.entity_readings import NAMED_AFTER
from answer.extract import MAX_SPAN
from answer.policy import EntityConfig

_BOOK = re.compile(r"《([^》]{2,40})》")


def quotes(sent: str) -> list[tuple[int, int]]:
    """Spans of quoted names: "…" marks paired in order (normalised quotes are all
    the same mark), and 《…》 titles."""
    marks = [m.start() for m in re.finditer('"', sent)]
    spans = [(a + 1, b) for a, b in zip(marks[::2], marks[1::2], strict=False) if b - a > 2]
    spans += [(m.start(1), m.end(1)) for m in _BOOK.finditer(sent)]
    return sorted(spans)


def quoted_naming(subject: str, sent: str, cfg: EntityConfig) -> tuple[int, int] | None:
    """ "…系列活动叫什么名字" in "深化“瓯来拍”系列活动": the quoted name that touches,
    or holds, the sentence's words for the end of what the question describes."""
    matcher = SequenceMatcher(None, subject, sent, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= cfg.min_block]
    if not blocks or blocks[-1].a + blocks[-1].size < len(subject) - 1:
        return None
    last = blocks[-1]
    # …or opens right after them, a kind's word between or not ("首个水产新品种叫什么" in
    # "…首个水产新品种黄姑鱼“全雌1号”")
    after = NAMED_AFTER.match(sent, last.b + last.size)
    for s, e in quotes(sent):
        if after is not None and after.end() == s:
            # …with the word that stands between, the name's own (黄姑鱼“全雌1号”)
            return (after.start(), e + 1) if after.end() - after.start() > 1 else (s, e)
        if s <= last.b < e or e + 1 == last.b:
            return s, e
    return _kind_named(subject, sent, last.b)


def _kind_named(subject: str, sent: str, at: int) -> tuple[int, int] | None:
    """The quoted name nearest before ``at`` in its clause that the word for its kind follows,
    the end of what the question describes ("海洋基础大模型是哪个" in "包含“瀚海星云”大模型在内的
    基础大模型矩阵")."""
    clause = max(sent.rfind(c, 0, at) for c in ",;。:") + 1
    for s, e in reversed(quotes(sent)):
        if (
            clause <= s
            and e < at
            and any(sent.startswith(subject[-k:], e + 1) for k in range(2, len(subject) - 1))
        ):
            return s, e
    return None


def whole_quote(sent: str, s: int, e: int) -> tuple[int, int]:
    """A name never cuts a quotation: widened to the 《…》 or "…" it begins or ends in."""
    for qs, qe in quotes(sent):
        if qs < e and s < qe and (s > qs or e < qe) and qe - qs <= MAX_SPAN:
            if qs - 1 <= s and e <= qe + 1:
                return qs, qe  # the stretch lies inside the quotation, marks and all
            return min(s, qs), max(e, qe)
    return s, e
