"""Query understanding: normal form, region, years, half-year and intent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.errors import EmptyQuestionError, InvalidTextError, QuestionTooLongError
from corpus.metadata import find_places
from corpus.normalize import first_surrogate, normalize, shown
from index.text import canonicalize, pos_tags
from retrieval.intent import Intent

MAX_QUERY_CHARS = 500

# A year is 19xx/20xx followed by 年, or standing alone (not "2000家", "2024.5").
_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:年度?|(?![\d.]|\s*(?:[多余]?(?:家|个|项|名|人|万|亿|元|件|所)|%)))"
)
_SHORT_YEAR = re.compile(r"(?<!\d)(\d{2})年")

# Ordered: the first intent whose cue matches wins.
# A question asking for a document's number (文号), however it is worded.
DOC_NUMBER_ASK = re.compile(r"文号|发文字号|发文号|文件编号")
_INTENTS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    # "…的发文字号是多少": a document's number is a name, however it is asked.
    (Intent.ENTITY, DOC_NUMBER_ASK),
    # "专门出台的是哪个文件": the name of a policy issued, not the document that says so.
    (
        Intent.ENTITY,
        re.compile(
            r"(?:出台|印发|发布|制定|颁布)了?的?是?哪(?:个|份|部|项)(?:文件|政策|意见|办法)"
        ),
    ),
    (
        Intent.WHICH_DOC,
        re.compile(
            r"哪(份|个|些|篇|几份)(文件|材料|文档|报告|通知|计划)|在哪(个|份|些)?(文件|材料|里)"
            r"|哪里提到|出现在哪|出处|出自哪|哪(份|篇)|哪一?年的?[\u4e00-\u9fff]{0,10}(报告|文件|计划|规划)"
            # "是哪个市的报告说的", "哪个省把目标定在…": the place stands for its document.
            r"|哪(个|一个)?(省|市|区|县|城市|地方)的?(政府)?(工作)?(报告|文件)"
            r"|是哪(个|一个)?(省|市|区|县|城市)的?[?？]?$|哪(个|一个)?(省|市|区|县|城市)(把|提出|提到|说)"
        ),
    ),
    (
        # An indicator over the years or across places, or a place's indicators: a table.
        # Not when the question asks for a list (历年获得哪些荣誉, 各区有哪些平台).
        Intent.TABLE,
        re.compile(
            r"(?:历年|逐年|各年度?|历次|每一年|各(?:区县?|县区?|县市区|市|地市|省|城市))"
            r"(?![^?？]*(?:哪些|哪几|什么|哪[一二三四五六七八九十两]))"
            r"|(?:科技|经济|主要|各项|核心)?指标(?:有哪些|是哪些|都有哪些|有什么|都有什么|情况)"
            r"|哪些(?:科技|经济|主要|核心)?指标"
        ),
    ),
    (
        Intent.COMPARE,
        re.compile(
            r"分别(?!是(什么|哪些|啥|哪几))|各(是|为|有)?多少|各是|各为|对比|相比|比较|和.{0,12}(各|分别)|实际.{0,16}目标|又是多少"
        ),
    ),
    (
        Intent.LIST,
        re.compile(
            r"哪(些|几)(?!年)|哪[一二三四五六七八九十两]+(类|个|项|方面|家|所|种|大|张|条|件|点|块|型)"
            r"|有什么|包括什么|包括哪|分别是什么|都有"
            r"|[两二三四五六七八九十]+(张|大|个|项|类|种|条|支|方面)[\u4e00-\u9fff]{1,8}(是什么|指什么|是啥|有哪|包括)"
        ),
    ),
    (
        Intent.ENTITY,
        re.compile(
            r"哪(家|个|位|所)|谁|什么名|叫什么|跟哪|与哪|由哪|哪天|什么时候|何时"
            r"|什么(单位|机构|项目|平台|活动|区|办公室|中心|称号|奖|工程|模式|机制|基地|园)"
        ),
    ),
)
# "计划" names a programme after its own name ("鲲鹏行动计划", "瓯越英才计划", "115引智计划"):
# no plan is asked for then.
_TARGET = re.compile(
    # "科技计划项目", "计划单列市": a kind of project or city, no plan asked.
    r"目标|(?<!行动)(?<!英才)(?<!人才)(?<!引智)(?<![\d\"”])计划(?!项目|单列|资金|经费)"
    r"|打算|力争|预计|预期|拟|要(?!求)|将要|争取|规划|任务"
)
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
        intent: which_doc, table, compare, list, entity, target or number.
        wants_target: the question asks for a target/plan, not an actual.
        doc_years: years that name a document rather than what it speaks of
            ("深圳24年政府工作报告里…": the report issued in 2024).
        segment: for one part of a question asking several figures, the stretch of
            the question only this part says ("总数到了多少"; see :func:`own_words`);
            "" for a whole question.
        shared_ask: what the question asks of every part alike ("同比增长了多少" of
            "A和B,同比各增长了多少"); "" when each part asks its own.
    """

    text: str
    norm: str
    canon: str
    regions: tuple[str, ...]
    years: tuple[int, ...]
    half: str
    intent: Intent
    wants_target: bool
    doc_years: tuple[int, ...] = ()
    segment: str = ""
    shared_ask: str = ""


def check_text(text: str, what: str = "the question") -> None:
    """Refuse text that is not Unicode text: undecodable bytes or lone surrogates.

    Raises:
        InvalidTextError: the message shows the text with the bad code points escaped.
    """
    bad = first_surrogate(text)
    if bad >= 0:
        short = shown(text if len(text) <= 60 else text[:60] + "…")
        raise InvalidTextError(
            f'{what} "{short}" is not valid text: character {bad + 1} is an undecodable '
            "byte or a lone surrogate"
        )


def clean_question(text: str) -> str:
    """Validate and trim a question.

    Raises:
        QueryError: empty, or longer than :data:`MAX_QUERY_CHARS`.
        InvalidTextError: undecodable bytes or lone surrogates in it.
    """
    if text is not None:
        check_text(str(text))
    if text is None or not str(text).strip():
        raise EmptyQuestionError(
            "the question is empty: type a question such as 余杭2023年新增高企多少"
        )
    text = " ".join(str(text).split())
    if len(text) > MAX_QUERY_CHARS:
        raise QuestionTooLongError(
            f"the question is {len(text)} characters long; ask in at most {MAX_QUERY_CHARS}",
            len(text),
            MAX_QUERY_CHARS,
        )
    return text


_PLAN_PERIODS = {"十三五": 2016, "十四五": 2021, "十五五": 2026}
_PLAN_PERIOD = re.compile(r"(十三五|十四五|十五五)(末|初)?")


def find_years(norm: str) -> tuple[int, ...]:
    """Years named in a normalised question.

    2023, 2023年, 23年 as 2023, and five-year plan periods: 十四五 as
    2021–2025, 十四五末 as 2025, 十四五初 as 2021.
    """
    years = [int(m.group(1)) for m in _YEAR.finditer(norm)]
    if not years:
        years = [full_year(int(m.group(1))) for m in _SHORT_YEAR.finditer(norm)]
    if not years:
        years = list(plan_period_years(norm))
    return tuple(dict.fromkeys(years))


def full_year(two_digits: int) -> int:
    """The year a two-digit year means ("24年" → 2024, "98年" → 1998; pivot 50)."""
    return (2000 if two_digits < 50 else 1900) + two_digits


def plan_period_years(norm: str) -> tuple[int, ...]:
    """Years of the five-year plan periods a text names (十四五末 → 2025)."""
    years: list[int] = []
    for m in _PLAN_PERIOD.finditer(norm):
        first = _PLAN_PERIODS[m.group(1)]
        if m.group(2) == "末":
            years.append(first + 4)
        elif m.group(2) == "初":
            years.append(first)
        else:
            years.extend(range(first, first + 5))
    return tuple(dict.fromkeys(years))


_DOC_YEAR = re.compile(
    r"((?:19|20)\d{2}|(?<!\d)\d{2})年(?:的|度)?(?:[省市区县]?(?:人民)?(?:政府)?(?:工作)?"
    r"(?:报告|工作计划|工作要点)|的?[那这]份[\u4e00-\u9fff]{0,10}?(?:报告|计划|规划|方案|要点|文件)"
    # "2020年上海市政府工作报告", "2013年国务院政府工作报告": the issuer between.
    r"|(?:[\u4e00-\u9fff]{1,6}?[省市区县州盟]|国务院)(?:人民)?政府工作报告)"
)


def find_doc_years(norm: str) -> tuple[tuple[int, ...], str]:
    """Years naming a document ("24年政府工作报告"), and the question without them.

    Returns:
        The years, and ``norm`` with those year mentions blanked (same length),
        so that what is left names only the years the figures are of.
    """
    years: list[int] = []
    rest = norm
    for m in _DOC_YEAR.finditer(norm):
        y = int(m.group(1))
        years.append(y if y > 1900 else full_year(y))
        rest = rest[: m.start(1)] + " " * (m.end(1) + 1 - m.start(1)) + rest[m.end(1) + 1 :]
    return tuple(dict.fromkeys(years)), rest


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
    doc_years, rest = find_doc_years(norm)
    years = find_years(rest)
    half = (
        "H1"
        if re.search(r"上半年|1-[56]月|一季度|前五个月", norm)
        else ("H2" if "下半年" in norm else "")
    )
    found = next((name for name, pat in _INTENTS if pat.search(norm)), None)
    wants_target = bool(_TARGET.search(norm))
    regions = find_regions(norm)
    # Two years or two places asked "各/分别/跟…" is a comparison however it is worded.
    # "创新指数多少,全省排第几": two figures asked in one question.
    if found is None and len(re.findall(r"多少|几", norm)) >= 2:
        found = Intent.COMPARE
    several = len(years) >= 2 or len(regions) >= 2
    if found is None and several and re.search(r"各|分别|跟|和|与|对比|比较", norm):
        found = Intent.COMPARE
    intent = found or (Intent.TARGET if wants_target else Intent.NUMBER)
    return Query(
        text=text,
        norm=norm,
        canon=canonicalize(norm),
        regions=regions,
        years=years,
        half=half,
        intent=intent,
        wants_target=wants_target,
        doc_years=doc_years,
    )


# Conjunctions only, not the same characters inside words (合同, 同比, 参与, 涉及, 和谐).
_SEGMENT = re.compile(
    r"(?<![温缓调])和(?![谐平])|(?<![参给])与(?!会)|跟|(?<![合共协相如不陪等])同(?![比时期步样类等意])"
    r"|以及|(?<![涉普危波])及(?!时)|,|;|:|、|\?"
)
_PERIOD = re.compile(r"上半年|下半年|全年|\d+-\d+月|一季度|前三季度")


def metric_words(segment: str) -> str:
    """A normalised question (or segment) without its years, places, periods and
    asking words: what is left names the metric ("余杭2023年新增高企多少" → "新增高企")."""
    return _content(segment)


_EACH = re.compile(r"各|分别")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Words that say against what a figure moved, not what it counts.
_COMPARED_WITH = frozenset({"同比", "环比", "年均", "上年", "去年", "同期"})
# Scopes of a rank or share ("全省排第几"), no metric.
_SCOPES = frozenset({"全省", "全市", "全区", "全县", "全国", "全球"})
_ASKS = re.compile(r"多少|几[家个项名人件位所次]?(?![乎])|怎么样|如何")
_ASKING_WORDS = re.compile(
    r"各(是|为)?多少|分别(是)?多少|分别是|各是|各?几[家个项名人件]?|多少[家个项名人件元]?|实际数?"
    r"|目标|计划|又|今年|去年|目前|分别|各自|怎么样|如何|是|的|了|吗|呢|[?？。]"
)
# Verbs of reaching a figure name no metric ("24年要突破多少").
_REACHING = re.compile(r"要|将|突破|达到|达|力争|预计|争取|有|超过|定在|定为|为")


def asks_several(query: Query) -> bool:
    """Whether the question asks two or more things, each in its own segment
    ("…增速多少,全省排位怎么样"): it is answered part by part, like a comparison."""
    return sum(1 for s in _SEGMENT.split(query.norm) if _ASKS.search(s)) >= 2


def own_words(segment: str) -> str:
    """A segment without its years, places, periods and asking words (its verbs kept:
    "达到多少家" → "达到")."""
    text = _SHORT_YEAR.sub("", _YEAR.sub("", segment))
    for name in find_regions(text):
        text = text.replace(name, "")
    for place in find_places(text):
        text = text.replace(text[place[0] : place[1]], "")
    return _ASKING_WORDS.sub("", _PERIOD.sub("", text)).strip()


@lru_cache(maxsize=4096)
def names_metric(words: str) -> bool:
    """Whether words name what is counted (a noun: "养老床位", "专利"), not only how it
    moved ("新增", "累计达到"): a part saying only a verb asks about the others' metric."""
    if not words:
        return False
    return any(_is_name(word, flag) for word, flag in pos_tags(canonicalize(words)))


def _is_name(word: str, flag: str) -> bool:
    """A noun, or a word of the domain dictionary (jieba tags them "x": policy terms,
    places), unless it says against what a figure moved ("同比", "同比增长")."""
    if word.startswith(tuple(_COMPARED_WITH)) or word in _SCOPES:
        return False
    return flag[:1] in ("n", "j") or (flag == "x" and bool(_HAN.search(word)))


def _content(segment: str) -> str:
    """A segment's metric words: :func:`own_words` without verbs of reaching a figure."""
    return _REACHING.sub("", own_words(segment))


def _part(
    query: Query,
    text: str,
    wants_target: bool,
    years: tuple[int, ...],
    segment: str,
    shared_ask: str = "",
) -> Query:
    sub = parse_query(text)
    return Query(
        text=sub.text,
        norm=sub.norm,
        canon=sub.canon,
        regions=sub.regions or query.regions,
        years=years,
        half=sub.half,
        intent=Intent.TARGET if wants_target else Intent.NUMBER,
        wants_target=wants_target,
        doc_years=sub.doc_years or query.doc_years,
        segment=segment,
        shared_ask=shared_ask,
    )


def split_parts(query: Query) -> list[Query]:
    """Split a compare question into one sub-question per year, region, period or metric.

    "余杭2023年新增高企实际数和2024年目标各是多少" becomes a 2023 question
    (actual) and a 2024 question (target); "临安2022年…目标和瓯海2024年…目标"
    one per region; "杭州2024年R&D经费和研发强度的目标" one per metric. A part
    that names no metric of its own borrows the other parts' words.
    """
    segments = [s for s in _SEGMENT.split(query.norm) if s.strip()]
    if len(segments) < 2:
        return [query]
    whole_target = bool(_TARGET.search(query.norm))

    def segment_of(marker: str) -> str:
        # A year may be written short ("21年" for 2021).
        short = f"{marker[2:]}年" if marker.isdigit() and len(marker) == 4 else marker
        return next((s for s in segments if marker in s or short in s), "")

    keyed: list[tuple[str, str]] = []  # (segment, marker) per year or per region

    def text_for(seg: str, drop: list[str]) -> str:
        keyed_segments = {k for k, _ in keyed}
        shared = "".join(_content(o) for o in segments if o not in keyed_segments and o is not seg)
        # A part naming its metric, or whose metric stands apart ("临安省科小,2021年…"),
        # is asked with the shared words; one saying only a verb, as the whole question.
        if _content(seg) and (shared or names_metric(_content(seg))):
            return f"{_scope(query, seg, ())}{seg} {shared}".strip()
        text = query.norm
        for d in drop:  # another part's year or place, with its 年 and conjunction
            text = re.sub(re.escape(d) + r"(?:年(?!\d))?(?:以及|[和与及、,])?", "", text)
        return text

    if len(query.years) >= 2:
        keyed = [(segment_of(str(y)), _year_mention(segment_of(str(y)), y)) for y in query.years]
    elif len(query.regions) >= 2:
        for seg in segments:
            names = find_regions(seg)
            if names:
                keyed.append((seg, _mention(seg, names[0])))
    if len(keyed) >= 2:
        parts = []
        for seg, marker in keyed:
            others = [o for o, _ in keyed if o is not seg]
            drop = [m for s2, m in keyed if s2 is not seg]
            # A bare place ("杭州和瓯海2024年…") shares the rest of the question.
            mentions = [_mention(seg, r) for r in find_regions(seg)]
            bare = not re.sub("|".join(map(re.escape, [*mentions, marker])), "", seg).strip()
            if not bare:
                for o in others:
                    drop += [str(y) for y in find_years(o) if str(y) not in seg]
            # Another part's place is dropped only when the parts are places; one place
            # asked about two years is every part's ("青岛…23年…,24年目标…").
            for o in others if len(query.regions) >= 2 else ():
                drop += [_mention(o, r) for r in find_regions(o) if r not in find_regions(seg)]
            own_years = not bare and any(find_years(o) for o in others)
            # "2021年余杭和临安…": a year written before every place is everyone's.
            years = find_years(seg) or (_leading_years(query) if own_years else query.years)
            target = bool(_TARGET.search(seg)) or (
                whole_target and not _content(seg) and "实际" not in seg
            )
            parts.append(_part(query, text_for(seg, drop), target, years, seg))
        return parts
    # A segment asking its own figure is a part even without a metric ("…增长了多少,达到多少家").
    asking = sum(1 for s in segments if _ASKS.search(s))
    informative = [
        s
        for s in segments
        if _content(s) or _PERIOD.search(s) or find_years(s) or (asking >= 2 and _ASKS.search(s))
    ]
    informative, ask = _shared_ask(informative)
    if len(informative) < 2:
        return [query]
    if ask:
        return [_asked_of(query, seg, ask, whole_target) for seg in informative]
    parts = []
    periods = [s for s in informative if _PERIOD.search(s)]
    # Actual against target ("…实际是多少,2022年目标…"): a year named in one segment
    # only is that segment's. Two figures of one subject ("2020年度创新指数多少,全省排
    # 第几"): the year and the subject are shared.
    contrast = any(_TARGET.search(x) or "实际" in x for x in informative)
    year_segments = [s for s in informative if find_years(s)] if contrast else []
    for seg in informative:
        shared = " ".join(_content(x) for x in informative if x is not seg)
        scope = _scope(query, seg, () if year_segments else query.years)
        # A part that names no metric ("2022年目标又是多少") borrows the others' words.
        borrow = periods or not _content(seg) or not contrast
        text = f"{scope}{seg} {shared}".strip() if borrow else f"{scope}{seg}"
        # "A和B的目标": the target cue at the end covers both, unless A says 实际.
        target = bool(_TARGET.search(seg)) or (whole_target and not periods and "实际" not in seg)
        years = find_years(seg) or (() if year_segments else query.years)
        parts.append(_part(query, text, target, years, seg))
    return parts


def own_part(query: Query, part: Query) -> Query | None:
    """A part asked with its own words only (None when it has no words of its own beyond
    those it was asked with): for a part that borrowed the other parts' words and so
    found nothing ("…净增高企多少家?国家级孵化器新增了几家": two sentences)."""
    if not part.segment or not names_metric(_content(part.segment)):
        return None
    text = f"{_scope(query, part.segment, part.years)}{part.segment}{part.shared_ask}"
    if text == part.text:
        return None
    return _part(query, text, part.wants_target, part.years, part.segment, part.shared_ask)


def _shared_ask(segments: list[str]) -> tuple[list[str], str]:
    """ "A和B,同比各增长了多少": a last segment that asks of each (各, 分别) without a metric
    of its own is asked of every other segment; (the others, that ask) or (all, "")."""
    last = segments[-1] if len(segments) >= 3 else ""
    if _EACH.search(last) and _ASKS.search(last) and not names_metric(_content(last)):
        return segments[:-1], _EACH.sub("", last)
    return segments, ""


def _asked_of(query: Query, seg: str, ask: str, whole_target: bool) -> Query:
    target = bool(_TARGET.search(seg + ask)) or whole_target
    years = find_years(seg) or query.years
    return _part(query, f"{_scope(query, seg, query.years)}{seg}{ask}", target, years, seg, ask)


def _scope(query: Query, segment: str, years: tuple[int, ...]) -> str:
    """What a part's text leads with: the question's places and the given years that its
    own segment does not write ("余杭2023年…,达到多少家" → "余杭区2023年" for the second)."""
    places = "".join(r for r in query.regions if not find_regions(segment))
    return places + "".join(f"{y}年" for y in years if str(y) not in segment)


def _leading_years(query: Query) -> tuple[int, ...]:
    """Years the question names before its first place ("2021年余杭和临安…" → 2021)."""
    places = find_places(query.norm)
    first = min((p[0] for p in places), default=len(query.norm))
    return find_years(query.norm[:first]) if first else ()


def _year_mention(segment: str, year: int) -> str:
    """How a year is written in a segment ("2021" or "21年")."""
    return str(year) if str(year) in segment else f"{str(year)[2:]}年"


def _mention(segment: str, region: str) -> str:
    """How a region is written in a segment (full or short name)."""
    for _, _, place in find_places(segment):
        if place.name == region:
            return place.name if place.name in segment else place.short
    return region


def part_labels(query: Query, parts: list[Query]) -> list[str]:
    """How the question tells its parts apart, one label per part ("余杭", "2023年").

    The first of region, year, half-year, actual-vs-target that differs
    between the parts; a region is labelled as the question writes it. Parts
    that differ only by metric get no label.
    """
    if len(parts) < 2:
        return ["" for _ in parts]
    if len({p.regions[:1] for p in parts}) == len(parts):
        return [_mention(query.norm, p.regions[0]) for p in parts]
    if len({p.years for p in parts}) == len(parts) and all(p.years for p in parts):
        return ["、".join(f"{y}年" for y in p.years[:2]) for p in parts]
    if len({p.half for p in parts}) == len(parts) and all(p.half for p in parts):
        return [
            "上半年" if p.half == "H1" else "下半年" if p.half == "H2" else "全年" for p in parts
        ]
    if len({p.wants_target for p in parts}) == len(parts):
        return ["目标" if p.wants_target else "实际" for p in parts]
    return _subject_labels(parts)


def _subject_labels(parts: list[Query]) -> list[str]:
    """Parts asked the same of different subjects ("A和B,同比各增长了多少") are labelled
    by their subjects; two figures of one subject get none (each span names its metric)."""
    subjects = [_content(p.segment) if p.shared_ask else "" for p in parts]
    return subjects if all(subjects) else ["" for _ in parts]
