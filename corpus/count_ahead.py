"""Names counted before they are named, in the clauses of the paragraph that follow.

"着力培育建设“五大中心”,高质量运行国家乳业技术创新中心,推进实施二期工程;推进创建国家
草业技术创新中心,…;加快推动益生菌共性技术研发中心建设。": a count and its noun ("五大中心",
"发展六仗", or a compound count name "一港五谷"), then, in the clauses after it in the same
paragraph, exactly as many names ending with that noun (for a compound, as many of each).
Each item is its clause up to the noun, without the verbs that open it. A paragraph that
names the noun more often (or less) than it counts lists nothing here.

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re

from corpus.enum_model import (
    LEAD_VERBS,
    MAX_LEAD,
    Enumeration,
    Item,
    sentence_end,
    sentence_start,
)
from corpus.model import Document
from corpus.numerals import cn_number

_NUMERAL = r"(?:[两二三四五六七八九十]|\d)"
_MEASURE = r"(?:大|个|项|张|条|座|家|种|类)"
# "“五大中心”", "“发展六仗”", "“一港五谷”" (quoted; or first of a quoted pair, "“五突破、
# 两跃升”"); "五大交易平台," (closing its clause).
_COUNT = re.compile(
    rf"\"[\u4e00-\u9fff]{{0,4}}?((?:[一二两三四五六七八九十]{_MEASURE}?[\u4e00-\u9fff]{{1,4}}?)+)"
    r"(?:\"|(?=、[^\"、\n]{1,8}\"))"
    rf"|(?<![一二三四五六七八九十百千两\d.-])({_NUMERAL}{_MEASURE}[\u4e00-\u9fff]{{2,4}})(?=[,;。:])"
)
_ANY_NUMERAL = r"[一二两三四五六七八九十\d]"
_PART = re.compile(rf"({_ANY_NUMERAL}){_MEASURE}?([\u4e00-\u9fff]{{1,4}}?)(?={_ANY_NUMERAL}|$)")
_CLAUSE = re.compile(r"[^,;。:!?\n]+")
MIN_COUNT = 3  # "两山", "两个大局": a pair counted is a slogan more often than a list
# "一是更加注重…": the ordinal opening a point, no part of a name
_ORDINAL = re.compile(r"(?:[一二三四五六七八九十]+是)?")
# what a figure's count ends with ("2个以上"), no noun
_NO_NOUN = {"以上", "以下", "左右", "多", "余", "次", "年"}
# what stands right before a noun that is counted, not named ("3个中心", "两大平台")
_COUNTED_BEFORE = re.compile(rf"{_NUMERAL}{_MEASURE}?$")


def _nouns(name: str) -> dict[str, int]:
    """{"中心": 5} for "五大中心"; {"港": 1, "谷": 5} for "一港五谷"; {} when it does not
    parse whole. A noun of two or more characters is matched by its last two."""
    parts = list(_PART.finditer(name))
    if not parts or "".join(m.group(0) for m in parts) != name:
        return {}
    if any(m.group(2) in _NO_NOUN for m in parts):
        return {}
    out: dict[str, int] = {}
    for m in parts:
        noun = m.group(2)[-2:]
        out[noun] = out.get(noun, 0) + cn_number(m.group(1))
    return out


def _named(norm: str, clause: re.Match[str], nouns: dict[str, int]) -> tuple[str, Item] | None:
    """The noun a clause names something of, and that name as an item (its clause up to
    the noun, without the verbs that open it).

    A name has no figure and no 、 in it, and two characters or more before its noun. A
    one-character noun ("仗", "农") is so often part of another word ("农" of 农业) that
    it counts only for a name that closes its clause ("…打好科技创新攻坚仗。")."""
    text = clause.group(0).strip()
    first = clause.start() + clause.group(0).find(text[:1])
    ordinal = _ORDINAL.match(text)
    opens = first + (len(ordinal.group(0)) if ordinal else 0)
    for noun in nouns:
        at = text.find(noun, 2)
        if at < 0 or _COUNTED_BEFORE.search(text[:at]):
            continue
        start, end = opens, first + at + len(noun)
        lead = LEAD_VERBS.match(norm, start, end)
        if lead and end - lead.end() >= len(noun) + 2:
            start = lead.end()
        name = norm[start:end]
        if len(noun) == 1 and end != first + len(text):
            continue
        if end - start > MAX_LEAD or len(name) < len(noun) + 2 or re.search(r"[、\d]", name):
            return None
        return noun, Item(start, end, sentence_start(norm, start), sentence_end(norm, end))
    return None


def count_ahead_lists(doc: Document) -> list[Enumeration]:
    """A count and its noun, then exactly as many names of it in the paragraph's clauses."""
    norm, out = doc.norm, []
    for m in _COUNT.finditer(norm):
        name = m.group(1) or m.group(2)
        nouns = _nouns(name)
        opening = max(norm.rfind(c, 0, m.start()) for c in ",;。:\n")
        if "、" in norm[opening + 1 : m.start()]:
            continue  # "柑橘、茶叶、畜牧、蔬菜四大优势产业": the names came first
        if sum(nouns.values()) < MIN_COUNT:
            continue
        para_end = norm.find("\n", m.end())
        para_end = len(norm) if para_end < 0 else para_end
        items: list[Item] = []
        seen = dict.fromkeys(nouns, 0)
        for clause in _CLAUSE.finditer(norm, m.end(), para_end):
            if name in clause.group(0):
                continue  # the count named again ("推动“发展六仗”仗仗出彩")
            found = _named(norm, clause, nouns)
            if found is not None:
                seen[found[0]] += 1
                items.append(found[1])
        names = {norm[i.start : i.end] for i in items}
        if seen != nouns or len(names) != len(items):
            continue  # as many names as counted, each another
        intro = sentence_start(norm, m.start())
        path = doc.path_at(m.start())
        closed = norm.find('"', m.end()) + 1 if norm.startswith("、", m.end()) else m.end()
        head = f"{path} {norm[intro:closed]}"  # (the quoted pair whole: "“五突破、两跃升”")
        end = items[-1].sent_end
        out.append(Enumeration("inline", path, intro, end, head, len(items), tuple(items)))
    return out
