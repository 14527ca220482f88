"""Query understanding: normal form, region, years, half-year and intent."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.errors import EmptyQuestionError, InvalidTextError, QuestionTooLongError
from corpus.metadata import CITED_TITLE
from corpus.normalize import first_surrogate, normalize, shown
from corpus.places import NATIONAL, ancestors, find_places
from corpus.plan_periods import PLAN_NAME
from index.text import canonicalize
from retrieval.doc_years import find_doc_years
from retrieval.intent import FIGURE_INTENTS, Intent
from retrieval.naming import ASKED_KINDS, document_name
from retrieval.target_cues import THIS_YEAR, asks_target
from retrieval.years import (
    find_years,
    plan_period_years,
)

MAX_QUERY_CHARS = 500

# A value as a question states it ("2.5万人次", "3.55%", "8500家"), not a year.
_STATED_VALUE = (
    r"(?<![\d.])\d+(?:\.\d+)?(?:万|亿|千)?"
    r"(?:人次|家|个|项|名|人|元|%|吨|亩|件|所|户|公里|千米|套|台|座|张|辆|场|次|倍|标箱)"
)

_BAR = "".join(f"(?<!{w})" for w in "超过 超 高于 低于 突破 不少于 不低于 多于 大于 少于".split())

# Ordered: the first intent whose cue matches wins.
# A question asking for a document's number (文号), however it is worded.
DOC_NUMBER_ASK = re.compile(r"文号|发文字号|发文号|文件编号")
# "哪个市", "哪些省区": a place asked (for its report, or its name).
WHICH_PLACE = r"哪(?:个|一个|些|几个)?(?:省市|省区?|市县?|区县?|县市?|州|盟|城市|地方)"
# "说到哪年…": a year asked (not "哪年的报告", a document).
YEAR_ASKED = r"哪一?年(?![的份度])"
# "哪天印发的", "要求在什么日期前": a date asked
DATE_ASKED = r"哪天|哪一天|什么时候|何时|几号|什么日期|几月几日"
# "在哪开的", "在什么地方举行": where (not "在哪些领域", "在哪个城市": a list, a place's kind)
WHERE_ASKED = r"在哪(?:里|儿)?(?![些几个一])|在什么地方|在何(?:地|处)"
# What counts the members of a list a question asks for ("哪三类", "哪五张", "哪三样").
LIST_COUNTERS = "类|个|项|方面|家|所|种|大|张|条|件|点|块|型|场|支|座|部|批|样"
_INTENTS: tuple[tuple[Intent, re.Pattern[str]], ...] = (
    # "…的发文字号是多少": a document's number is a name, however it is asked.
    (Intent.ENTITY, DOC_NUMBER_ASK),
    # "专门出台的是哪个文件": the name of a policy issued, not the document that says so;
    # "是根据哪个文件精神制定的": the one a document cites as its ground.
    (
        Intent.ENTITY,
        re.compile(
            r"(?:出台|印发|发布|制定|颁布)了?的?是?哪(?:个|份|部|项)(?:文件|政策|意见|办法)"
            r"|(?:根据|依据|按照|依照|遵照|落实|贯彻|遵循)(?:的是)?哪(?:个|份|部|项|些)?"
            r"(?:文件|政策|意见|办法|规定|通知|条例|法律|精神|部署)"
        ),
    ),
    # "以哪一级为单位编制", "以什么为核心": what a doing is organised by, named in the gap
    (Intent.ENTITY, re.compile(r"以(?:哪|什么)[\u4e00-\u9fff]{0,3}?为")),
    # "“一县一策”试点县是哪个县": a place of that kind is named, not the document saying so.
    # (not "…108个城市是哪个市的政府工作报告说的": that place's report is asked)
    (
        Intent.ENTITY,
        re.compile(
            r"(省|市|区|县|城市)是哪(?:个|一个)?\1(?!的?(?:\d{2,4}年)?的?(?:政府)?(?:工作)?报告)"
        ),
    ),
    # "7个省级物联网产业基地是哪几个市": the members of a counted set, not the document or
    # place stating a value ("…8500家的是哪些市")
    (
        Intent.LIST,
        re.compile(
            r"(?<![\d.])(?:[两二三四五六七八九十]+|\d{1,2})(个|家|所|座)[^?？,，]{2,20}?(?<!的)是哪几\1"
            # "列出的6个…应用场景都是什么": each of the counted things named
            r"|(?<![\d.])(?:[两二三四五六七八九十]+|\d{1,2})(?:个|项|种|类|条|大)[^?？,，]{2,20}?"
            r"(?:都|分别|具体)是(?:什么|啥|哪些)"
        ),
    ),
    # "会议在哪开的", "在哪里举办": where an event was held, a place named (not "在哪里提到",
    # the document saying it)
    (Intent.ENTITY, re.compile(rf"(?:{WHERE_ASKED})(?:召开|举办|举行|开幕|揭牌|开|办)")),
    (
        Intent.WHICH_DOC,
        re.compile(
            r"哪(份|个|些|篇|几份)(?:政府)?(?:工作)?(文件|材料|文档|报告|通知|计划)|在哪(个|份|些)?(文件|材料|里)"
            # "是哪个政策里规定的", "哪个方案提的": a kind of document, where it says so
            # (a few words may say what kind: "哪个标准体系文件说", "哪份审评要点要求")
            rf"|哪(?:份|个|些|篇|几份)[\u4e00-\u9fff]{{0,6}}?(?:{ASKED_KINDS})"
            # (…or what it does to what it rules on: "哪个办法对申报…设了…门槛")
            r"(?=里|中|上|当中|提|规定|说|写|明确|要求|定|对|把|给|将)"
            r"|哪里提到|出现在哪|出处|出自哪|哪几?(份|篇)|哪[一几]?年的?[\u4e00-\u9fff]{0,10}(报告|文件|计划|规划)"
            # "是哪个市的报告说的", "哪个省把目标定在…": the place stands for its document.
            rf"|{WHICH_PLACE}的?(?:\d{{2,4}}年)?的?(政府)?(工作)?(报告|文件)"
            # "哪个区科技局的上半年工作总结提到…": the place's body's document of a time
            rf"|{WHICH_PLACE}[\u4e00-\u9fff]{{0,10}}?(?:{ASKED_KINDS})(?=里|中|上|提|说|写|讲|明确)"
            # "…测试的规范里,哪个要求…": which of those documents
            rf"|(?:{DOCUMENT_KINDS})(?:里|中|当中)?,?哪(?:个|一个|些|几个|份)(?:要求|规定|提出|明确|写|说)"
            # …when it states a value ("…3.55%是哪个市的"); "成为…第一家…的是哪个县的"
            # asks the county's name
            rf"|^(?=[^?？]*{_STATED_VALUE}).*是哪(个|一个|些|几个)?(省|市|区|县|城市|地方)的?[?？]?$"
            # "…3.55%是哪个市定的", "高企目标定8500家的是哪些市"
            r"|哪(个|一个|些|几个)?(省|市|区|县|城市)(把|提出|提到|说|定|设|确定|制定)"
            # "哪些地方24年计划开展职业技能培训2.5万人次": a value stated, its places asked.
            # (Above a bar, "超过1000家", the places are a list.)
            rf"|哪(个|一个|些|几个)?(省|市|区|县|城市|地方)[^?？]{{0,30}}?{_BAR}{_STATED_VALUE}"
            r"(?!以上|以下|及以上)"
        ),
    ),
    (
        # An indicator over the years or across places, or a place's indicators: a table.
        # Not when the question asks for a list (历年获得哪些荣誉, 各区有哪些平台).
        Intent.TABLE,
        re.compile(
            r"(?:历年|逐年|各年度?|历次|每一年|各(?:区县?|县区?|县市区|市|地市|省|城市))"
            r"(?![^?？]*(?:哪些|哪几|什么|哪[一二三四五六七八九十两]|几号|哪天))"
            # (not "一级指标有哪些": the names of an indicator system's level, a list)
            r"|(?<!级)(?:科技|经济|主要|各项|核心)?指标(?:有哪些|是哪些|都有哪些|有什么|都有什么|情况)"
            r"|哪些(?:科技|经济|主要|核心)?指标"
        ),
    ),
    (
        Intent.COMPARE,
        re.compile(
            # ("分别提了哪四项": the items of a list, each named)
            # (…but "分别要求在什么日期前": a date each, compared)
            r"分别(?![\u4e00-\u9fff]{0,3}?(?:什么(?!日期|时间|时候)|哪些|啥|哪几|哪[两二三四五六七八九十\d]))"
            r"|各(是|为|有)?多少|各是|各为|对比|相比|比较"
            r"|和.{0,12}(各|分别(?![\u4e00-\u9fff]{0,3}?(?:什么|哪些|啥|哪几)))|实际.{0,16}目标|又是多少"
            # "各定的多少", "各占多少", "各增长了多少": each one's figure, by a verb
            r"|各(?:定|占|增长|增加|下降|提高|达到|完成)[了的]?(?:是)?多少"
        ),
    ),
    # "说到哪年要取得明显成效": a year is asked, the date a sentence writes ("到2027年")
    (Intent.ENTITY, re.compile(YEAR_ASKED)),
    # "由哪两个部门牵头", "由哪些单位负责": the doers of one doing, one name or several
    # joined by 、 in the sentence writing it.
    # (not what a thing is made of: "由哪些部分构成")
    (
        Intent.ENTITY,
        re.compile(r"由哪(?:些|几|[两二三四五六七八九十]+)(?![\u4e00-\u9fff]{0,4}?(?:构成|组成))"),
    ),
    (
        Intent.LIST,
        re.compile(
            r"哪(些|几)(?!年)"
            rf"|哪(?:[一二三四五六七八九十两]+|\d{{1,2}})(?:{LIST_COUNTERS})"
            # "是哪六仗", "哪三招", "要做到哪“五个更加突出”": which N of a kind, whatever its
            # counter (two or more; "哪两年", "哪三天" ask times)
            r"|哪\"?(?:[两二三四五六七八九十]+|(?<![\d.])\d{1,2})(?![年月日天号届期])[\u4e00-\u9fff]"
            r"|有什么|包括什么|包括哪|分别[\u4e00-\u9fff]{0,3}?(?:什么|啥)|都有"
            # "一是二是三是分别说的啥": the items the question marks as the report does
            r"|一是[^?？]{0,3}二是"
            # "“四期叠加”指哪四期": a quoted count phrase, its members asked
            # (not a plan period: "“十四五”是哪几年")
            r'|"[两二三四五六七八九十]{1,2}[^"两二三四五六七八九十\d][\u4e00-\u9fff]{0,5}"[^?？]{0,6}(?:指|是)哪'
            # …a compound count name ("“一都六基地”具体指啥"): its members, however asked
            r'|"(?:[一两二三四五六七八九十]{1,2}[^"\d一两二三四五六七八九十]{1,2}){2,4}"'
            r"[^?？]{0,6}(?:指|是)(?:哪|啥|什么)"
            # "那几条…的重点任务都是啥": the several a question points at, each asked
            r"|那几(?:条|项|个|点|类|件|方面)[^?？]{0,24}(?:都|分别)是(?:什么|啥)"
            # "…打造什么样的技术?就是那几个“可”": the several a question points at, its close
            r"|那几(?:条|项|个|点|类|件|种|方面)\"?[\u4e00-\u9fff]{0,6}\"?[?？]?$"
            # "主要任务一共几条,分别是啥": a count asked, then its items
            r"|几(?:条|项|类|大块|块|个方面|方面)[,;]?(?:分别|具体|都)是(?:什么|啥|哪)"
            # "三张清单是什么", "4个万亿级新兴支柱产业是什么", "重点抓好的五件事是什么"
            r"|(?:[两二三四五六七八九十]+|(?<![\d.])\d{1,2})(张|大|个|项|类|种|条|支|方面|件|点|块)"
            r"(?:\"?[\u4e00-\u9fff]){1,12}\"?(?:都|分别|具体|究竟)?"
            # ("3个省实验室叫什么": each of the counted things named)
            r"(是什么(?!时候|时间)|指什么|是啥|有哪|包括|叫什么|叫啥)"
        ),
    ),
    (
        Intent.ENTITY,
        re.compile(
            rf"哪(家|个|位|所|座|本)|谁|什么名|叫什么|全称|跟哪|与哪|由哪|{DATE_ASKED}"
            r"|什么(单位|机构|项目|平台|活动|区|办公室|中心|称号|奖|工程|模式|机制|基地|园"
            r"|文件|意见|办法|方案|品种|产品|装置|企业|公司|名称)"
        ),
    ),
)
# "对入驻企业数量有什么要求", "年营业收入有什么门槛": a threshold a rule sets, a figure
# asked as a requirement (not a list of what it requires); so is "有什么具体数量要求".
_MEASURED = r"(?:数量|数|规模|比例|比重|金额|人数|面积|年限|期限|收入|额)"
_FIGURE_REQUIRED = re.compile(
    rf"{_MEASURED}上?有(?:什么|啥|哪些)(?:要求|门槛|标准|规定|限制)"
    rf"|有(?:什么|啥|哪些)(?:具体|明确)?的?{_MEASURED}(?:上的?)?(?:要求|门槛|标准|规定|限制)"
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
        doc_name: a document the question names by what it is called or about
            ("山东数字经济科技创新措施"; see :mod:`retrieval.naming`); "" when none.
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
    doc_name: str = ""


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


# A bare year inside a cited title names the title (an edition).
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}(?![\d年])")


# The country as the place asked about: not a rank or a yardstick ("居全国第一", "全国平均"),
# nor a title ("全国重点实验室", "全国文明城市").
_NATIONAL = re.compile(
    r"(?<![居列于比超在])全国(?!第|前|排|领先|平均|首|率先|重点|文明|人大|政协|示范|先进|百强)"
    r"|国务院|我国|党中央"
)


def reworded(q: Query, norm: str, *, doc_name: str | None = None) -> Query:
    """The question asked with another (normalised) wording ``norm``: the same places, years
    and kind, its text, matching and canonical forms the new words' (and ``doc_name`` when
    given: "" once its document's name is blanked)."""
    name = q.doc_name if doc_name is None else doc_name
    return replace(q, text=norm, norm=norm, canon=canonicalize(norm), doc_name=name)


# Characters a question keeps besides the words naming its document for it to be asked by
# them alone (its passages ranked by what is left).
NAME_LEFT = 4


def find_regions(norm: str) -> tuple[str, ...]:
    """Full names of places named in a normalised question, but those it says it does not
    ask ("吉林市(不是吉林省)", "而非全省") and those naming the level of a thing it counts
    (:func:`_level_of_thing`)."""
    found = [(start, p.name) for start, _, p in find_places(norm)]
    named = {name for _, name in found}
    return tuple(
        dict.fromkeys(
            name
            for start, name in found
            if not _DENIED.search(norm, 0, start) and not _level_of_thing(norm, start, name, named)
        )
    )


# A place denied, right before it ("不是吉林省", "而非", "并非", "不包括").
_DENIED = re.compile(r"(?:不是|而非|并非|不包括|不含)$")
# A verb a counted thing follows ("新增浙江省科技型中小企业")
_COUNTING = re.compile(r"(?:新增|新认定|认定|培育|入选|获评|创建|新建|建成)$")


def _level_of_thing(norm: str, start: int, name: str, named: set[str]) -> bool:
    """Whether a place is the level of the thing counted, not a place asked: written right
    after the counting verb, and holding another place the question names ("临安区…新增国家
    高新技术企业和新增浙江省科技型中小企业": 省科技型中小企业, 临安区's)."""
    if _COUNTING.search(norm, 0, start) is None:
        return False
    return any(name in ancestors(other) for other in named if other != name)


# The State Council's own report named, whatever is asked of it ("18年国务院政府工作报告要
# 打好的三大攻坚战是哪三个"): the country's document.
_NATIONAL_REPORT = re.compile(r"国务院的?(?:政府)?(?:工作)?报告")
# A year's work report named without a place ("11年政府工作报告里…"): the country's.
_ASKS_PLACE = re.compile(WHICH_PLACE)


def asks_place(norm: str) -> bool:
    """Whether the question asks which place ("哪个城市的报告…"): the places it names are
    then what is stated, not whose document it is."""
    return _ASKS_PLACE.search(norm) is not None


_YEARS_REPORT = re.compile(r"(?<!\d)(?:\d{2}|\d{4})年的?政府工作报告")


def national(norm: str, intent: Intent) -> bool:
    """Whether a figure question asks about the whole country ("2024年全国技术合同成交额"),
    or any question about the State Council's report (named so, or a year's work report
    named without a place: the caller asks only when no place is named); a name may hold
    全国 ("全国…共同体") without asking about the country."""
    if _NATIONAL_REPORT.search(norm):
        return True
    if _YEARS_REPORT.search(norm) and not asks_place(norm):
        return True  # (not "哪些市的24年政府工作报告…": places' reports are asked)
    return intent in FIGURE_INTENTS and _NATIONAL.search(norm) is not None


# A share asked, then asked again as what it is a share of ("研发投入强度具体是多少,占GDP
# 百分之几"): one figure.
_RESTATED = re.compile(
    r"(?:强度|占比|比重|比例)[^,;?]{0,6}(?:多少|几)[^,;?]{0,4}[,;]"
    r"[^,;?]{0,4}占[^,;?]{1,12}(?:百分之几|比重|比例|多少)"
)


def restates_share(norm: str) -> bool:
    """Whether a question asks a share, then asks it again as what it is a share of
    ("研发投入强度具体是多少,占GDP百分之几"): one figure, not two."""
    return bool(_RESTATED.search(norm))


def parse_query(text: str) -> Query:
    """Understand a question.

    Args:
        text: the question as typed.

    Raises:
        QueryError: empty or too long.
    """
    text = clean_question(text)
    norm = normalize(text)
    doc_name = document_name(norm)
    # A document's name says what the document is, not what is asked of it: the plan
    # period and plan words inside "依据十二五电子政务规划编的法院信息化五年规划" are
    # neither the figure's years nor a target asked (a year it writes, "18年度…申报指南",
    # still tells the document's year apart).
    asked = norm.replace(doc_name, " " * len(doc_name)) if doc_name else norm
    doc_years, rest = find_doc_years(norm)
    # "提到《2017智能硬件产业白皮书》": a bare year inside a cited title names the title
    # (an edition); "《2024年…行动计划》" still speaks of its year.
    years = find_years(CITED_TITLE.sub(lambda m: _BARE_YEAR.sub("    ", m.group(0)), rest))
    if doc_name and PLAN_NAME.search(doc_name):
        kept = set(find_years(find_doc_years(asked)[1]))
        years = tuple(y for y in years if y in kept or y not in plan_period_years(doc_name))
    if not years and len(doc_years) == 1 and THIS_YEAR.search(rest):
        years = doc_years  # "2009年政府工作报告里,当年中央财政科技投入…": the report's own year
    half = (
        "H1"
        if re.search(r"上半年|1-[56]月|一季度|前五个月", norm)
        else ("H2" if "下半年" in norm else "")
    )
    wants_target = asks_target(asked)
    regions = find_regions(norm)
    intent = _intent_of(norm, years, regions, doc_years, wants_target)
    if not regions and national(norm, intent):
        regions = (NATIONAL,)
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
        doc_name=doc_name,
    )


def _intent_of(
    norm: str,
    years: tuple[int, ...],
    regions: tuple[str, ...],
    doc_years: tuple[int, ...],
    wants_target: bool,
) -> Intent:
    """What a question asks: the first intent whose cue matches, else a comparison of two
    years, places or reports, else a target or a figure."""
    found = (
        None
        if _FIGURE_REQUIRED.search(norm)
        else next((n for n, p in _INTENTS if p.search(norm)), None)
    )
    # Two years or two places asked "各/分别/跟…" is a comparison however it is worded.
    # "创新指数多少,全省排第几": two figures asked in one question.
    if (
        found is None
        and len(re.findall(r"多少|多大|多高|几", norm)) >= 2
        and not restates_share(norm)
    ):
        found = Intent.COMPARE
    several = len(years) >= 2 or len(regions) >= 2
    if found is None and several and re.search(r"各|分别|跟|和|与|对比|比较", norm):
        found = Intent.COMPARE
    # Two reports by year, each asked ("07年、08年两份…报告里,…各拟安排多少"; not one
    # report's name: "关于55年决算和56年预算的报告").
    if found is None and len(doc_years) >= 2 and re.search(r"各|分别|两份|几份", norm):
        found = Intent.COMPARE
    return found or (Intent.TARGET if wants_target else Intent.NUMBER)
