"""The gazetteer: places of China known to policyqa, found in text, and their names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from corpus.word_cuts import cut_into

# The region of a national document (国务院's reports, central policies): every place's.
NATIONAL = "全国"


@dataclass(frozen=True)
class Place:
    """A row of the gazetteer."""

    name: str
    short: str
    level: str
    parent: str


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Place, ...]:
    """Places of China known to policyqa (provinces, cities, Zhejiang's districts …)."""
    data = resources.files("corpus").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    rows = []
    for line in data.splitlines()[1:]:
        parts = [*line.split("\t"), "", "", "", ""][:4]
        if parts[0]:
            rows.append(Place(*[p.strip() for p in parts]))
    return tuple(rows)


@lru_cache(maxsize=1)
def place_lookup() -> dict[str, Place]:
    lookup: dict[str, Place] = {}
    for place in gazetteer():
        lookup.setdefault(place.name, place)
        if len(place.short) >= 2:
            lookup.setdefault(place.short, place)
        if place.name.endswith("盟") and len(place.name) >= 4:
            # a league goes by its first character and 盟 ("锡盟" for 锡林郭勒盟, "阿盟")
            lookup.setdefault(place.name[0] + "盟", place)
    return lookup


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    names = sorted(place_lookup(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


@lru_cache(maxsize=1)
def _guarded_pattern() -> tuple[re.Pattern[str], dict[str, Place]]:
    """Places whose short form is also a common word (来宾 "guests", 安康, 东方, 和平,
    长寿): the gazetteer gives them no short name; written just before a time ("来宾2023年",
    "安康今年") the short form names the place."""
    shorts = {
        p.name[:-1]: p
        for p in gazetteer()
        if not p.short and p.name[-1] in "市区县" and len(p.name) >= 3
    }
    names = sorted(shorts, key=len, reverse=True)
    when = r"(?=\d|今年|去年|明年|前年|上半年|下半年|全年)"
    return re.compile(f"(?:{'|'.join(map(re.escape, names))}){when}"), shorts


LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "district": 2}


# Words that hold a place's short form whole and name no place ("复合肥" holds 合肥,
# "隆重庆祝" 重庆, "繁荣昌盛" 荣昌, "公开化" 开化); a word that only begins before a name
# and ends inside it ("重大理论", "申报指南通知") is found by corpus.word_cuts.cut_into.
_HOLDS_A_PLACE = re.compile(r"复合肥|隆重庆|繁荣昌盛|天山南北|入海口|入城口|公开化")


def find_places(norm: str) -> list[tuple[int, int, Place]]:
    """All gazetteer places named in a normalised text, as (start, end, place)."""
    if len(norm) <= _REMEMBERED:  # (a question reads a clause's places several times)
        return list(_places_of(norm))
    return _find_places(norm)


_REMEMBERED = 400  # characters of a text whose places are remembered


@lru_cache(maxsize=16384)
def _places_of(norm: str) -> tuple[tuple[int, int, Place], ...]:
    return tuple(_find_places(norm))


def _find_places(norm: str) -> list[tuple[int, int, Place]]:
    out = []
    inside = [(m.start(), m.end()) for m in _HOLDS_A_PLACE.finditer(norm)]
    for m in _place_pattern().finditer(norm):
        if any(s <= m.start() and m.end() <= e for s, e in inside) or cut_into(
            norm, m.start(), m.end()
        ):
            continue
        place = place_lookup()[m.group(0)]
        # "西湖大学", "滨江路" name institutions, not the district.
        tail = norm[m.end() : m.end() + 2]
        if m.group(0) == place.short and re.match(r"(大学|实验室|路|街|湖|山|江|医院)", tail):
            continue
        county = _namesake_county(norm, m, place)
        out.append((m.start(), m.end() + 1, county) if county else (m.start(), m.end(), place))
    pattern, shorts = _guarded_pattern()
    for m in pattern.finditer(norm):
        if not any(s < m.end() and m.start() < e for s, e, _ in out) and not cut_into(
            norm, m.start(), m.end()
        ):
            out.append((m.start(), m.end(), shorts[m.group(0)]))
    for m in _ONE_CHAR.finditer(norm):
        out.append((m.start(), m.end(), place_lookup()[_ONE_CHAR_NAMES[m.group(0)]]))
    return sorted(out, key=lambda x: x[0])


# A city's short name then 县 names the county of the same name inside it ("岳阳县" of
# 岳阳市, "长沙县"), not the city; "县域", "县级" are words of the city's counties.
_NAMESAKE_COUNTY = re.compile(r"县(?![域级])")


def _namesake_county(norm: str, m: re.Match[str], place: Place) -> Place | None:
    """The county a city's short name followed by 县 names, when the gazetteer has none."""
    if m.group(0) != place.short or not _NAMESAKE_COUNTY.match(norm, m.end()):
        return None
    return _namesake(f"{place.short}县")


def _namesake(name: str) -> Place | None:
    """A namesake county by its name ("岳阳县"), when the gazetteer holds its city."""
    city = place_lookup().get(name[:-1]) if name.endswith("县") else None
    return Place(name, "", "county", city.name) if city and city.level == "city" else None


# The one-character names of the municipalities, read only where someone is in, goes to or
# comes to them ("论坛在京举行", "赴沪考察"): elsewhere the character is a word's.
_ONE_CHAR_NAMES = {"京": "北京市", "沪": "上海市", "津": "天津市", "渝": "重庆市"}
_ONE_CHAR = re.compile(
    r"(?<=[在赴来进抵离驻])[京沪津渝](?=举行|召开|举办|开幕|闭幕|考察|调研|[,。])"
)


@lru_cache(maxsize=4096)
def ancestors(name: str) -> tuple[str, ...]:
    """The places a place lies in, nearest first ("贺州市" → ("广西壮族自治区",))."""
    lookup, out = place_lookup(), []
    place = lookup.get(name)
    while place is not None and place.parent and place.parent not in out:
        out.append(place.parent)
        place = lookup.get(place.parent)
    return tuple(out)


def canonical_region(value: str) -> str:
    """A region as written in a manifest ("海南省三亚市", "全国(国务院)") as a gazetteer name."""
    value = value.strip()
    if not value or value in place_lookup():
        return place_lookup()[value].name if value else ""
    if value.startswith(NATIONAL):
        return NATIONAL
    places = find_places(value)
    return places[-1][2].name if places else value


def region_aliases(region: str) -> tuple[str, ...]:
    """A region's names: full, short, and its parents' (余杭区 → 余杭, 杭州市 …)."""
    lookup = place_lookup()
    names = [region]
    place = lookup.get(region) or _namesake(region)
    seen = set()
    while place and place.name not in seen:
        seen.add(place.name)
        names += [place.name, place.short]
        place = lookup.get(place.parent)
    return tuple(dict.fromkeys(n for n in names if n))
