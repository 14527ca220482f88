"""Query understanding: normal form, region, years, half-year and intent."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.errors import QueryError
from corpus.metadata import find_places
from corpus.normalize import normalize
from index.text import canonicalize

MAX_QUERY_CHARS = 500

# A year is 19xx/20xx followed by 年, or standing alone (not "2000家", "2024.5").
_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:年度?|(?![\d.]|\s*(?:[多余]?(?:家|个|项|名|人|万|亿|元|件|所)|%)))"
)
_SHORT_YEAR = re.compile(r"(?<!\d)(\d{2})年")

# Ordered: the first intent whose cue matches wins.
_INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "which_doc",
        re.compile(
            r"哪(份|个|些|篇)(文件|材料|文档|报告|通知|计划)|在哪(个|份|些)?(文件|材料|里)|哪里提到|出现在哪|出处"
        ),
    ),
    ("compare", re.compile(r"分别|各(是|为|有)?多少|各是|各为|对比|相比|比较|和.{0,12}(各|分别)")),
    (
        "list",
        re.compile(
            r"哪(些|几)(?!年)|哪[一二三四五六七八九十两]+(类|个|项|方面|家|所|种|大)|有什么|包括什么|包括哪|分别是什么|都有"
        ),
    ),
    (
        "entity",
        re.compile(
            r"哪(家|个|位|所)|谁|什么名|叫什么|是什么(单位|机构|项目|平台|活动)|跟哪|与哪|由哪"
        ),
    ),
)
_TARGET = re.compile(r"目标|计划|打算|力争|预计|预期|拟|要(?!求)|将要|争取|规划|任务")
_NUMBER = re.compile(
    r"多少|几(家|个|项|名|人|所|件|次|亿|万|倍)?|多大|多高|比重|比例|占比|强度|增速|增长|金额|规模|数量|总量|总数|额"
)


@dataclass(frozen=True)
class Query:
    """A question as the retriever and answerer understand it.

    Attributes:
        text: the question as asked.
        norm: matching form (simplified, half width, lower case).
        canon: ``norm`` with abbreviations replaced by canonical terms.
        regions: full names of places named ("余杭区"), in order of mention.
        years: years named, in order of mention.
        half: "H1"/"H2" when the question is about a half year.
        intent: which_doc, compare, list, entity, target or number.
        wants_target: the question asks for a target/plan, not an actual.
    """

    text: str
    norm: str
    canon: str
    regions: tuple[str, ...]
    years: tuple[int, ...]
    half: str
    intent: str
    wants_target: bool


def clean_question(text: str) -> str:
    """Validate and trim a question.

    Raises:
        QueryError: empty, or longer than :data:`MAX_QUERY_CHARS`.
    """
    if text is None or not str(text).strip():
        raise QueryError("the question is empty: type a question such as 余杭2023年新增高企多少")
    text = " ".join(str(text).split())
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the question is {len(text)} characters long; ask in at most {MAX_QUERY_CHARS}"
        )
    return text


def find_years(norm: str) -> tuple[int, ...]:
    """Years named in a normalised question (2023, 2023年, and 23年 as 2023)."""
    years = [int(m.group(1)) for m in _YEAR.finditer(norm)]
    if not years:
        years = [2000 + int(m.group(1)) for m in _SHORT_YEAR.finditer(norm)]
    return tuple(dict.fromkeys(years))


def find_regions(norm: str) -> tuple[str, ...]:
    """Full names of places named in a normalised question."""
    return tuple(dict.fromkeys(p.name for _, _, p in find_places(norm)))


def parse_query(text: str) -> Query:
    """Understand a question.

    Args:
        text: the question as typed.

    Raises:
        QueryError: empty or too long.
    """
    text = clean_question(text)
    norm = normalize(text)
    years = find_years(norm)
    half = (
        "H1"
        if re.search(r"上半年|1-[56]月|一季度|前五个月", norm)
        else ("H2" if "下半年" in norm else "")
    )
    intent = next((name for name, pat in _INTENTS if pat.search(norm)), "")
    wants_target = bool(_TARGET.search(norm))
    if not intent:
        intent = "target" if wants_target else "number"
    return Query(
        text=text,
        norm=norm,
        canon=canonicalize(norm),
        regions=find_regions(norm),
        years=years,
        half=half,
        intent=intent,
        wants_target=wants_target,
    )


def split_parts(query: Query) -> list[Query]:
    """Split a compare question into one sub-question per year, region or clause.

    "余杭2023年新增高企实际数和2024年目标各是多少" becomes a question about
    2023 (actual) and one about 2024 (target); each part keeps the words of
    the other that are not about its year, so the metric is not lost.
    """
    segments = [s for s in re.split(r"和|与|以及|及|、|,|;", query.norm) if s.strip()]
    if len(segments) < 2:
        return [query]
    informative = [
        s
        for s in segments
        if find_years(s)
        or find_regions(s)
        or _TARGET.search(s)
        or re.search(r"上半年|下半年|\d+-\d+月", s)
    ]
    if len(informative) < 2:
        return [query]
    parts = []
    for seg in informative:
        others = "".join(x for x in segments if x is not seg)
        others = _YEAR.sub("", others)
        for name in find_regions(others):
            others = others.replace(name, "")
        prefix = (
            "".join(r for r in query.regions if r not in find_regions(seg))
            if not find_regions(seg)
            else ""
        )
        sub_text = f"{prefix}{seg} {others}".strip()
        sub = parse_query(sub_text)
        wants_target = bool(_TARGET.search(seg))
        sub = Query(
            text=sub.text,
            norm=sub.norm,
            canon=sub.canon,
            regions=sub.regions or query.regions,
            years=find_years(seg)
            or tuple(y for y in query.years if y not in _all_years(informative, seg)),
            half=sub.half,
            intent="target" if wants_target else "number",
            wants_target=wants_target,
        )
        parts.append(sub)
    return parts


def _all_years(segments: list[str], exclude: str) -> set[int]:
    return {y for s in segments if s is not exclude for y in find_years(s)}
