"""The words of a list's items and of what stands around them, for :mod:`answer.lists`:
which item a question names, what a list's sentence, clause or run-in point says before its
first item, and which items of one list name another's in full."""

from __future__ import annotations

import re

from corpus.enum_model import LEAD_ADVERBS
from corpus.enumerations import NUMBER_PREFIX, Enumeration
from corpus.model import Document
from corpus.normalize import normalize


def names_an_item(qnorm: str, item_texts: list[str], *, unled: bool = False) -> bool:
    """Whether the question writes one item of the list word for word (a heading it names),
    its numbering and closing mark left out ("(二)应用赋能拓展行动。"); ``unled``: or without
    the adverb it opens on ("推进传统产业转型升级" for 持续推进传统产业转型升级)."""
    return bool(named_items(qnorm, item_texts)) or (unled and _names_unled(qnorm, item_texts))


def _names_unled(qnorm: str, item_texts: list[str]) -> bool:
    names = [bare(item) for item in item_texts]
    unled = [_LEAD_ADVERB.sub("", n) for n in names]
    return any(n != names[k] and len(n) >= 4 and n in qnorm for k, n in enumerate(unled))


def names_subject(qnorm: str, item_texts: list[str]) -> bool:
    """Whether the question writes an item of the list as what it asks about, before its
    asking word ("医疗影像设备要攻关哪些关键件": 医疗影像设备 of "盾构机、医疗影像设备…"):
    not as an example pointing at its group ("紫金山那几个实验室都有哪些"), nor as the
    thing asked for after it ("要建哪四类试验测试环境和测试床")."""
    ask = _ASKING.search(qnorm)
    for k in named_items(qnorm, item_texts):
        name = bare(item_texts[k])
        at = qnorm.find(name)
        before = ask is not None and at >= 0 and at + len(name) <= ask.start()
        if before and not _POINTING.match(qnorm, at + len(name)):
            return True
    return False


_ASKING = re.compile(r"哪|什么|几")
_POINTING = re.compile(r"那|这|等|之类")


def named_items(qnorm: str, item_texts: list[str]) -> list[int]:
    """The positions of the items the question writes word for word (:func:`names_an_item`),
    or, when none, of the one item whose own words (without the tail every item shares, and
    each of them where it joins several) the question writes ("对超市、便利店单独提了哪几项要求"
    for "超市、便利店要求" beside "百货店要求")."""
    names = [bare(item) for item in item_texts]
    found = [k for k, name in enumerate(names) if len(name) >= 3 and name in qnorm]
    if not found:
        # …written without the words that only join it ("农业增产措施" for "关于农业的增产措施")
        plain = _unjoined(qnorm)
        unjoined = [_unjoined(n) for n in names]
        found = [k for k, n in enumerate(unjoined) if len(n) >= 4 and n in plain]
    if found or len(names) < 2:
        return found
    tail = _shared_tail(names)
    if tail < 2:
        return []
    if any('"' in n for n in names):
        return []  # a quoted name the question writes names the series it stands in
    own = [[w for w in re.split(r"[、和与及]", n[:-tail]) if w] for n in names]
    named = [
        k for k, words in enumerate(own) if words and all(len(w) >= 2 and w in qnorm for w in words)
    ]
    return named if len(named) == 1 else []


# Words that join a name's words or open it, and name nothing ("关于农业的增产措施").
_JOINING = re.compile(r"^(?:关于|对于|有关)|的")


def _unjoined(text: str) -> str:
    return _JOINING.sub("", text)


def _shared_tail(names: list[str]) -> int:
    """How many characters every name ends with alike."""
    size = min(len(n) for n in names)
    return next((i for i in range(size) if len({n[-1 - i] for n in names}) > 1), size)


def bare(item: str) -> str:
    """An item's words without its numbering, a letter coding it ("D细分行业应用") and its
    closing mark ("(二)应用赋能拓展行动。")."""
    return _LETTER_CODE.sub("", NUMBER_PREFIX.sub("", item)).rstrip("。")


_LETTER_CODE = re.compile(r"^[a-zA-Z](?=[\u4e00-\u9fff])")
_LEAD_ADVERB = re.compile(rf"^(?:{LEAD_ADVERBS})")


_SENTENCE_END = re.compile(r"[。!?;]")
CLAUSE_END = re.compile(r"[。!?;,:]")


def lead(norm: str, en: Enumeration, end: re.Pattern[str] = _SENTENCE_END, most: int = 80) -> str:
    """The words of a list's sentence (or, with ``CLAUSE_END``, its clause) before its first
    item, at most ``most`` characters."""
    if not en.items:
        return ""
    first = en.items[0].start
    ends = list(end.finditer(norm, max(0, first - most), first))
    return norm[ends[-1].end() if ends else max(0, first - most) : first]


# A point run into its paragraph: its number, then its name up to the first full stop.
_RUN_IN_POINT = re.compile(
    r"[ \t\u3000]*(?:\(\d{1,2}\)|\d{1,2}[.、]"
    r"|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)([^。!?;\n]{2,30})。"
)


def run_in_point(norm: str, en: Enumeration) -> str:
    """The name of the numbered point a list's paragraph opens with, when the list stands
    after it in that paragraph ("" when none)."""
    if not en.items:
        return ""
    first = en.items[0].start
    m = _RUN_IN_POINT.match(norm, norm.rfind("\n", 0, first) + 1, first)
    return m.group(1) if m else ""


def last_heading(en: Enumeration) -> str:
    return normalize(en.section.split(" > ")[-1]) if en.section else ""


def in_order(short: list[str], full: list[str]) -> list[int] | None:
    """Positions of items of ``full``, in order, each holding the next of ``short`` and
    longer; None when one has none."""
    picked: list[int] = []
    at = 0
    for a in short:
        at = next((k for k in range(at, len(full)) if a in full[k] and len(full[k]) > len(a)), -1)
        if at < 0:
            return None
        picked.append(at)
        at += 1
    return picked


def item_texts(doc: Document, en: Enumeration) -> list[str]:
    return [normalize(doc.text[i.start : i.end]) for i in en.items]
