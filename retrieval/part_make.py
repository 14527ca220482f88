"""How one part of a question asking several figures is made (:mod:`retrieval.parts`
splits the question): its text, scope, years and intent, and the words a segment names its
metric with."""

from __future__ import annotations

import re

from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.plan_periods import PLAN_NAME
from retrieval.intent import Intent
from retrieval.mentions import BASE_PLAN, time_mention
from retrieval.query import DATE_ASKED, Query, find_regions, parse_query
from retrieval.segment_words import ASKS, content, names_metric
from retrieval.series import EACH_ASKED
from retrieval.target_cues import asks_target
from retrieval.years import find_years

# A place's own report named after it ("百色的政府工作报告"): which document, no metric.
REPORT_TAIL = re.compile(r"的?(?:(?:人民)?政府)?(?:工作)?报告(?:里|中|上|里面|当中)?$")


# A document's kind pointing back at the one named ("规划提出…", "方案里要求…").
_DOCUMENT_SAYS = re.compile(
    # (the year of the report pointed at too: "2026年政府工作报告回顾时说…")
    rf"^(?:(?:19|20)?\d{{2}}年的?)?(?:该|这个|这份|那份)?(?:政府工作|工作)?"
    # …or the plan of a period, its outline or draft ("“十五五”规划纲要草案提出的目标")
    rf'(?:"?(?:{PLAN_NAME.pattern})"?)?(?:(?:{DOCUMENT_KINDS}|纲要)+(?:\(?草案\)?)?)'
    r"(?:里|中)?(?:(?:回顾|总结|部署)时)?(?:提出|提到|要求|明确|规定|指出|说)?"
)
# A title the question cites, with the edition before it ("2018年版《…》": its year gone).
TITLED = re.compile(r"版?《[^》]*》")


def metric_words(segment: str) -> str:
    """A segment's metric words (:func:`content`), not its document's kind pointing back at
    the one named ("规划提出到十三五末达到多少家")."""
    return content(_DOCUMENT_SAYS.sub(" ", segment))


def make_part(
    query: Query,
    text: str,
    wants_target: bool,
    years: tuple[int, ...],
    segment: str,
    shared_ask: str = "",
    doc_name: str = "",
) -> Query:
    """A part of ``query``: a question of its own read from ``text``, asking of ``years``
    (a target when ``wants_target``), with the segment it was made from."""
    # one figure is asked of a part: no 各 right before its ask ("宿州…各有几家")
    sub = parse_query(EACH_ASKED.sub("", text))
    # (its places as the whole question reads them: not one it reads as the level of a
    # thing counted, "新增浙江省科技型中小企业" of 临安区)
    own = tuple(r for r in sub.regions if r in query.regions)
    return Query(
        text=sub.text,
        norm=sub.norm,
        canon=sub.canon,
        regions=own or query.regions,
        years=years,
        half=sub.half,
        # (a date asked of each part is a name, not a figure: "…分别要求在什么日期前")
        intent=Intent.ENTITY
        if _DATE_ASKED.search(sub.norm)
        else Intent.TARGET
        if wants_target
        else Intent.NUMBER,
        wants_target=wants_target,
        # (a part naming a place of its own, among the places asked, names its own report:
        # "陕西2026年报告…,和宁波2023年的…" asks no 2026 report of 宁波)
        doc_years=sub.doc_years
        or (query.doc_years if not (own and len(query.regions) > 1) else ()),
        segment=segment,
        shared_ask=shared_ask,
        doc_name=doc_name or query.doc_name or sub.doc_name,  # (the question names it whole)
    )


_DATE_ASKED = re.compile(DATE_ASKED)

# Years said relative to the document's ("今年", "去年"): a segment's own time
RELATIVE_WORDS = "今年|去年|明年|上年|当年"


def figure_years(segment: str) -> tuple[int, ...]:
    """The years a segment writes for its figures: not one naming a document ("菏泽的24年
    政府工作报告里", "2026年报告里说实际…")."""
    # (nor a title's period, "《山东省“十三五”…规划》里", nor a base: "比“十一五”末提高")
    read = BASE_PLAN.sub(" ", TITLED.sub(" ", segment))
    return tuple(y for y in find_years(read) if y not in parse_query(segment).doc_years)


def own_ask(segment: str, segments: list[str]) -> bool:
    """Whether a segment asks its own figure of its own time while another segment, of
    another time, holds the target cue ("2023年…多少?今年打算…"; not "…2023年…要提到多少,
    新增发明专利多少件", where the second asks of the same plan). A segment naming its own
    metric after its time asks its own figure too ("2023年建成的5G基站和2024年计划新建的…
    各多少个"); one naming only its time shares the cue ("转化成果2025年和2026年的目标")."""
    time = time_mention(segment)
    others = [s for s in segments if s is not segment]
    cue_elsewhere = any(asks_target(o) and time_mention(o) not in ("", time) for o in others)
    after = segment[segment.find(time) + len(time) :] if time else ""
    asks = ASKS.search(segment) or names_metric(metric_words(after))
    return bool(time and asks) and cue_elsewhere


def scope(query: Query, segment: str, years: tuple[int, ...]) -> str:
    """What a part's text leads with: the question's places and the given years that its
    own segment does not write ("余杭2023年…,达到多少家" → "余杭区2023年" for the second)."""
    places = "".join(r for r in query.regions if not find_regions(segment))
    return places + "".join(f"{y}年" for y in years if str(y) not in segment)
