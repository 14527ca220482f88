"""The scope and level of what a clause counts or ranks, against the question's: a rank
within the province is not one within the city asked (全省 vs 全市, or a place named: "位居广西
内河港口第一"), a figure of 省级 units not one of the 国家级 asked."""

from __future__ import annotations

import re
from functools import lru_cache

from answer.asked_thing import LEVEL
from corpus.places import ancestors, find_places
from retrieval.metadata import whole_of_other

_RANK_SCOPE = re.compile(r"全国|全省|全市|全区|全县")


def other_scope(question_norm: str, clause_norm: str) -> bool:
    """Whether a rank clause ranks within another scope than the one asked (全省 vs 全市;
    "居全国同类型港口第1" is not "位居广西内河港口第一", ranked within a place)."""
    asked = set(_RANK_SCOPE.findall(question_norm))
    stated = set(_RANK_SCOPE.findall(clause_norm))
    ranked_in = _RANKED_IN.search(clause_norm)
    if ranked_in and not stated and find_places(ranked_in.group(1)):
        stated = {"place"}  # (a place names the scope: no 全国, whatever its level)
    return bool(asked and stated and not asked & stated)


def another_places(regions: tuple[str, ...], clause_norm: str, sent_norm: str) -> bool:
    """Whether a clause is another place's, in a sentence setting places side by side
    ("…,四川省由千分之二十九降到千分之六点一,上海市由千分之七降到千分之五点一" for 上海): it
    names a place and none asked, nor one they lie in ("广西东融先行示范区" for 贺州), while
    the rest of its sentence names one asked."""
    if not regions or len(_places(sent_norm)) < 2:
        return False
    own = _places(clause_norm)
    if not own or own & {*regions, *(a for r in regions for a in ancestors(r))}:
        return False
    return bool(_places(sent_norm.replace(clause_norm, " ", 1)) & set(regions))


@lru_cache(maxsize=1 << 14)  # (a sentence is read once a clause of it, and again next question)
def _places(norm: str) -> frozenset[str]:
    return frozenset(p.name for _, _, p in find_places(norm))


# Where a clause ranks its figure ("位居广西内河港口第一"): the words between the verb and 第
_RANKED_IN = re.compile(r"(?:居|列|排名|排)([^,;。第]{2,16})(?:第|前)")


def level_fit(question_norm: str, clause_norm: str) -> int:
    """+1 the clause counts at the level asked (国家级/省级/市级/区级), -1 at another only."""
    asked = set(LEVEL.findall(question_norm))
    if not asked:
        return 0
    stated = levels_in(clause_norm)
    if asked & stated:
        return 1
    return -1 if stated else 0


# Levels sharing one 级 ("省、市级制造业创新中心": 省级 and 市级)
_LEVEL_SERIES = re.compile(r"((?:国家|省|市|区|县)(?:[、和及](?:国家|省|市|区|县))+)级")


# The country's level written bare ("新增国家5G工厂3个", "国家高新技术企业")
_NATIONAL = re.compile(r"国家(?!级)")


def levels_in(norm: str) -> set[str]:
    """The levels a text counts at: each of a series sharing its 级 too, and the country's
    written without its 级."""
    shared = {
        f"{x}级" for m in _LEVEL_SERIES.finditer(norm) for x in re.split("[、和及]", m.group(1))
    }
    bare = {"国家级"} if _NATIONAL.search(norm) else set()
    return set(LEVEL.findall(norm)) | shared | bare


def whole_before(regions: tuple[str, ...], upto: str, doc_region: str) -> bool:
    """Whether a sentence, up to its figure, states its document's whole area and names no
    place asked ("预计全省研发经费支出约5100亿元…,高新技术企业约7.7万家" in a province's
    report, for a city asked): the figure is the province's."""
    if not whole_of_other(regions, doc_region, upto):
        return False
    return not _places(upto) & set(regions)
