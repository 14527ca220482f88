"""Years that name a document rather than what it speaks of ("24年政府工作报告里…",
"05年和13年的政府工作报告", "关于55年决算和56年预算的报告"): read apart from the question's
own years (:func:`retrieval.query.parse_query`)."""

from __future__ import annotations

import re

from corpus.doc_kinds import DOCUMENT_KINDS
from retrieval.years import find_years, full_year

# A year as a document's name writes it ("2024年", "24年").
_NAMED_YEAR = r"((?:19|20)\d{2}|(?<!\d)\d{2})年"
_DOC_YEAR = re.compile(
    _NAMED_YEAR + r"(?:的|度)?(?:[省市区县]?(?:人民)?(?:政府)?(?:工作)?"
    r"(?:报告|工作计划|工作要点)|的?[那这]份[\u4e00-\u9fff]{0,10}?(?:报告|计划|规划|方案|要点|文件)"
    # "2020年上海市政府工作报告", "2013年国务院政府工作报告", "03年国务院报告": the issuer
    # between.
    r"|(?:[\u4e00-\u9fff]{1,6}?[省市区县州盟]|国务院)(?:人民)?(?:政府)?(?:工作)?报告"
    # "2023年版…汇编": an edition; "1960年谭震林那个…报告里", "86年七五计划报告里": a year,
    # who or what, and the document pointed at
    # "19年推进ai在林草业应用那个指导意见": what it does may be written between, in any script
    rf"|版|(?:(?!{DOCUMENT_KINDS})[\u4e00-\u9fffa-z0-9]){{0,12}}?[那这][份个篇]"
    rf"[\u4e00-\u9fffa-z0-9\"、]{{0,24}}?(?:{DOCUMENT_KINDS})"
    # "75年周总理政府工作报告说…": the report pointed at, then what it says; or set in
    # brackets after what is asked of it ("1955年高校在校生(1956年预算报告)")
    r"|[\u4e00-\u9fff\"]{0,12}?报告(?=里|中|说|讲|提到|指出|称)|[\u4e00-\u9fff]{0,12}?报告(?=\))"
    # "24年出的数字商务三年行动计划", "19年印发的…指导意见": the document put out that year
    rf"|(?:出|发|印发)的[\u4e00-\u9fffa-z0-9\"、]{{0,24}}?(?:{DOCUMENT_KINDS})"
    # "20年那份《关于…意见》", "国家能源局23年《…》", "24年商务部出的《…》": the title quoted
    r"|[\u4e00-\u9fff]{0,8}?(?=《)"
    # "国家林草局2019年关于推进人工智能在林草业应用的意见": a title written bare
    rf"|(?=关于[^,;?]{{2,40}}?的(?:{DOCUMENT_KINDS})))"
)


def find_doc_years(norm: str) -> tuple[tuple[int, ...], str]:
    """Years naming a document ("24年政府工作报告"), and the question without them.

    Returns:
        The years, and ``norm`` with those year mentions blanked (same length),
        so that what is left names only the years the figures are of.
    """
    years: list[int] = []
    rest = norm
    found = [(m.group(1), m.start(1), m.end(1)) for m in _DOC_YEAR.finditer(norm)]
    # "05年和13年的政府工作报告": the years listed before a report's year name reports too.
    for _, start, _ in list(found):
        while (listed := _LISTED_YEAR.search(norm[:start])) is not None:
            found.append((listed.group(1), listed.start(1), listed.end(1)))
            start = listed.start(1)
    for pair in _YEARLY_DOCUMENTS.finditer(norm):
        found += [(pair.group(g), pair.start(g), pair.end(g)) for g in (1, 2)]
    # "关于55年决算和56年预算的报告": every year inside a report's name names the report
    for about in _ABOUT.finditer(norm):
        inside = _YEAR_IN_NAME.finditer(norm, about.start(), about.end())
        found += [(y.group(1), y.start(1), y.end(1)) for y in inside]
    for year, start, end in sorted(set(found), key=lambda f: f[1]):
        rest = rest[:start] + " " * (end + 1 - start) + rest[end + 1 :]
        if _BASE_EDITION.match(norm, end):
            continue  # "在15年版基础上修订的那版指南": the edition it revised, not it
        y = int(year)
        years.append(y if y > 1900 else full_year(y))
    return tuple(dict.fromkeys(years)), rest


def without_year_names(norm: str) -> str:
    """``norm`` with each report named by its year blanked, the year and the words after it
    naming the report (same length): "1980年国民经济计划报告里讲,1979年…" asks no plan
    because its report is on a plan; a plan named so ("2022年工作计划新增…") still asks one."""
    return _DOC_YEAR.sub(lambda m: " " * len(m[0]) if m[0].endswith("报告") else m[0], norm)


_BASE_EDITION = re.compile(r"年版的?基础上")


_LISTED_YEAR = re.compile(_NAMED_YEAR + r"(?:以及|[和与及、])$")
# "2018年度和2019年度的申报通知": the yearly documents of the years listed, named together
# (one year so, "25年度指南里", is the year asked of its figures)
_YEARLY_DOCUMENTS = re.compile(
    _NAMED_YEAR
    + r"度(?:以及|[和与及、])"
    + _NAMED_YEAR
    + rf"度的?[\u4e00-\u9fff\"]{{0,10}}?(?:{DOCUMENT_KINDS})"
)
_ABOUT = re.compile(
    r"(?:(?:19|20)\d{2}年的?(?:[\u4e00-\u9fff]{0,8}?))?关于[^,;。?]{2,30}?的(?:报告|决议|说明)"
)
_YEAR_IN_NAME = re.compile(_NAMED_YEAR)


# A clause naming the document the question asks of ("2021年…揭榜挂帅申报指南里").
_NAMING_CLAUSE = re.compile(rf"(?:{DOCUMENT_KINDS})(?:里|中|上|里面)?$")


def naming_clauses(norm: str, doc_name: str) -> list[str]:
    """The clauses of a (normalised) question that name its document: those holding the
    name ``doc_name`` or ending on a kind of document ("遵义24年政府工作报告里")."""
    return [
        c
        for c in re.split(r"[,;?]", norm)
        if (doc_name and doc_name in c) or _NAMING_CLAUSE.search(c)
    ]


def asked_years(norm: str, doc_name: str, years: tuple[int, ...]) -> tuple[int, ...]:
    """The ``years`` a (normalised) question asks of its figure: those written outside the
    clause naming its document and outside the name ``doc_name`` itself ("2021年人工智能…申报
    指南里,…至少几种" asks none; "…教育规划里,2020年…覆盖率" asks 2020)."""
    written = {y for c in [doc_name, *naming_clauses(norm, doc_name)] for y in find_years(c)}
    return tuple(y for y in years if y not in written)
