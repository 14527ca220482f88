"""A document the question names by what it is called or what it is about.

Staff name a policy the way they remember it: "山东数字经济科技创新措施里…",
"建材工业数字化转型行动计划到2023年…", "青岛支持工业互联网平台的措施分了哪几大块".
The name rarely matches the title word for word, and many documents carry no title
at all, only an opening that says what they are for ("为促进建材工业与新一代信息技术
融合发展……制定本计划"). So the name is read as its two-character pieces, less places,
years and the words every document kind shares (方案, 措施, 关于…), and a document
fits it by the share of those pieces its title and opening hold.
:func:`retrieval.metadata.meta_bonus` adds a bonus to the passages of a document that
fits well; nothing is filtered out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.doc_kinds import (
    DOCUMENT_KINDS,
    KIND_MODIFIERS,
    announced_qualified,
    kind_of,
    other_qualified,
    qualified_kind,
)
from corpus.metadata import CITED_TITLE, is_salutation
from corpus.model import Document
from corpus.normalize import bigrams, normalize
from corpus.places import find_places
from corpus.plan_periods import PLAN_SHORT_NAME, plan_written_out
from index.text import canonicalize

# The kinds of document a which-document question asks for ("是哪个政策里规定的", "哪份文件
# 提出…", "哪个方案提的").
# (a kind named whole first: "哪份建材行业的行动计划", not its last word)
ASKED_KINDS = (
    "行动计划|实施方案|工作方案|行动方案|指导意见|实施意见"
    "|文件|材料|文档|报告|通知|总结|计划|规划|政策|方案|意见|办法|措施|细则|纲要|条例|指南|要点"
)
# A report, a summary or a file is named by its place and year ("杭州24年政府工作报告"),
# which the question's own place and years already say: no name is read for them.
YEAR_NAMED_KINDS = ("报告", "总结", "文件")
_KINDS = "|".join(k for k in DOCUMENT_KINDS.split("|") if k not in YEAR_NAMED_KINDS)
# A name: a run of words ending with a kind, then a word that leaves the name
# ("…措施里", "…方案提出", "…计划到2023年", "…措施分了哪几大块").
_NAME = re.compile(
    rf"([\u4e00-\u9fffa-z0-9\"、()+]{{4,40}}?(?:{_KINDS}))"
    # (what the document does after its name: "…行动计划提的保障措施", "…方案定的目标")
    # (…or whom it names as doing something: "…规范由哪个部门负责解释")
    # (…or the report on it: "六五计划报告里")
    r"(?=里|中|上|的|提出|提的|提了|定的|讲的|写的|列的|明确|要求?|说|规定|指出|到|分|有|对|都|专栏|由|报告"
    r"|\(|,|;|:|\?|$|\d{2,4}年|》)"
)
_SHARED = re.compile(
    rf"那份|这份|那个|这个|关于|印发|支持|的|(?:{KIND_MODIFIERS})(?=意见)|{_KINDS}"
    r"|(?:19|20)\d{2}年?|(?<!\d)\d{2}年"
)
# A five-year plan by its short name ("六五计划", "一五计划"): a report on it writes it out
# ("关于…第六个五年计划的报告"), which its pieces are then read from.
_PLAN_NAMED = re.compile(
    rf"{PLAN_SHORT_NAME.pattern}(?:计划|规划)(?=的?(?:那份|这份)?(?:报告|里|中))"
)
_ASKING = re.compile(r"哪|什么|多少|是否|有没有|几")  # "对示范项目有什么规定": asked, no name
OPENING = 300  # characters of a document's opening read with its title
MIN_PIECES = 3  # a name of fewer pieces of its own names nothing in particular
NAMED_FIT = 0.8  # a document whose title and opening hold this share of the name is named
DESCRIBED_WINDOW = 300  # characters either side of a piece an untitled body describes itself in


def document_name(norm: str) -> str:
    """The name of a document the (normalised) question writes, or ""."""
    for m in _NAME.finditer(norm):
        # "…那个加强智能网联汽车准入、召回及ota升级管理的通知": a name may list with 、
        name = m.group(1).lstrip("、")
        # (after the place it is of: "山东落实“十四五”…规划的智能制造行动计划")
        place = find_places(name)
        ground = name[place[0][1] :] if place and place[0][0] == 0 else name
        if _GROUND.match(ground) and norm.startswith("的", m.end()):
            continue  # "落实…行动计划的那个标准体系": the one it carries out, not it
        if not _ASKING.search(name) and names_enough(name):
            return name
    # "药品监管人工智能典型应用场景那份文件": a file pointed at by what it is about
    for m in _POINTED.finditer(norm):
        name = m.group(1).lstrip("、")
        if not _ASKING.search(name) and names_enough(name):
            return name
    plan = _PLAN_NAMED.search(norm)  # (a name too short for _NAME: "六五计划报告里")
    return plan.group(0) if plan else ""


# A document of no kind of its own pointed at by its subject ("…应用场景那份文件里").
_POINTED = re.compile(
    r"(?:^|[,;:?]|关于)([\u4e00-\u9fffa-z0-9\"、()+]{4,40}?)的?(?:那份|这份|那篇|这篇)(?:文件|材料|文档)"
)


# What a document is carried out on ("落实…", "根据《…》")
_GROUND_WORDS = "落实|根据|依据|按照|依照|遵照|贯彻"
_GROUND = re.compile(rf"(?:贯彻)?(?:{_GROUND_WORDS})")


def names_enough(name: str) -> bool:
    """Whether a name tells a document apart: :data:`MIN_PIECES` pieces of its own, or one
    fewer with a place ("科创济南…若干政策措施": 济南 and 科创, 若干); a plan by its short
    name counts as written out ("六五计划": 第六个五年计划)."""
    need = MIN_PIECES - 1 if find_places(name) else MIN_PIECES
    return max(len(name_pieces(n, canonical=False)) for n in (name, plan_written_out(name))) >= need


@lru_cache(maxsize=1024)
def name_pieces(name: str, *, canonical: bool = True) -> frozenset[str]:
    """The two-character pieces that tell this name apart: without places, years and
    the words every document kind shares; canonical, as titles are matched (住建部 is
    住房和城乡建设部 in a title), or as written (how many words of its own it has)."""
    from index.text import tokenize_jieba

    text = canonicalize(name) if canonical else name
    for s, e, _ in sorted(find_places(text), reverse=True):
        text = text[:s] + " " + text[e:]
    # Pieces inside a word: "工信厅和教育厅" names 教育 and 育厅, not the join 和教.
    words = " ".join(tokenize_jieba(_SHARED.sub(" ", text)))
    return frozenset(p for p in bigrams(words) if " " not in p)


@lru_cache(maxsize=1024)
def _telling_pieces(name: str) -> frozenset[str]:
    """The name's pieces when it tells a document apart (:func:`names_enough`), else none."""
    return name_pieces(name) if name and names_enough(name) else frozenset()


# A description saying only when a document was issued or took effect ("18年5月1号开始施行",
# "去年印发"): its date is the document's, its words no title's.
_WHEN_ISSUED = re.compile(
    r"^(?:(?:19|20)?\d{2}年|\d{1,2}月|\d{1,2}[日号]|去年|今年|前年|上半年|下半年)+"
    r"(?:开始|起)?(?:施行|实施|执行|生效|印发|发布|出台|下发|公布)$"
)


@lru_cache(maxsize=1024)
def name_proper(name: str) -> str:
    """What a name calls the document when a description of when it was issued stands before
    it ("18年5月1号开始施行的智能网联汽车道路测试管理规范" → "智能网联汽车道路测试管理规范"),
    else "" (a description of what it is, "依据十二五规划编的…", tells documents apart)."""
    head, de, proper = name.rpartition("的")
    if de and _WHEN_ISSUED.match(head) and names_enough(proper):
        return proper
    return ""


def name_fit(name: str, doc: Document) -> float:
    """The share of the name's pieces that the document's title, issuer and opening hold; a name
    with a description before it (:func:`name_proper`) fits as well as its name proper does,
    since a description ("开始施行的", "去年印发的") is what titles do not write."""
    # Staff name a document by who issued it, too ("交通部那个…的指导意见").
    opening = doc.norm[:OPENING] if doc.norm else ""
    if grounded_on(name, opening):
        # (its opening says it carries out the document so named: it is not that one,
        # however much of the name its own words share, "为加快煤矿智能化建设…按照《关于
        # 加快煤矿智能化发展的指导意见》")
        return 0.0
    head = _head_pieces(f"{doc.title} {doc.issuer}", opening)
    best = max((_share(pieces, head) for pieces in name_pieces_asked(name)), default=0.0)
    # (a document whose issuer is not known, titled all the name but its issuer, fits it
    # whole: "商务部…技术指南(试行)" of the unsigned guide)
    return 1.0 if not doc.issuer and titled_but_issuer(name, doc.title) else best


def titled_but_issuer(name: str, title: str) -> bool:
    """Whether a title holds every piece of a name opening with who issued the document but
    for the issuer ("智慧商店建设技术指南(试行)" for 商务部智慧商店建设技术指南)."""
    unissued = unissued_pieces(name)
    return bool(unissued) and unissued <= head_pieces(title, "")


@lru_cache(maxsize=1024)
def unissued_pieces(name: str) -> frozenset[str]:
    """The pieces of a name opening with who issued the document ("民政部等部门推进智慧社区
    建设的意见") but for the issuer: what a document whose issuer is not known must hold when
    the whole name fits none (its text need not say who issued it); none for a name without
    an issuer or too short after it."""
    m = _ISSUER_LEAD.match(name)
    return _telling_pieces(name[m.end() :]) if m else frozenset()


def name_pieces_asked(name: str) -> tuple[frozenset[str], ...]:
    """The pieces a document's head must hold for ``name``: the name's own, and its name
    proper's (:func:`name_proper`); sets that would tell no document apart left out."""
    names = (name, name_proper(name), plan_written_out(name))
    return tuple(p for p in map(_telling_pieces, dict.fromkeys(names)) if p)


def _share(pieces: frozenset[str], head: frozenset[str]) -> float:
    return len(pieces & head) / len(pieces) if pieces else 0.0


def head_pieces(title: str, opening: str) -> frozenset[str]:
    """The pieces (two characters of the canonical text) of a document's title and opening."""
    return frozenset(bigrams(f"{canonicalize(normalize(title))} {canonicalize(opening)}"))


# The suffixes of a ministry, commission, bureau, department or administration: bodies
# issuing documents.
ISSUING_BODY = "部|委|局|厅|署"


# A document's opening naming what it carries out ("根据《…纲要》、《新一代人工智能发展
# 规划》…", "按照《关于加快煤矿智能化发展的指导意见》…,制定本办法")…
# …also when who issued it stands between ("按照科技部等六部门联合印发的《…》", "贯彻落实住房
# 城乡建设部等部门《…》").
# (openings are read normalised: their marks are half-width)
_ISSUED_BY = (
    r"(?:[^,;:。《》\s]{1,24}?(?:印发|发布|出台|制定|颁布)的"
    rf"|[\u4e00-\u9fff、]{{1,24}}?(?:部门|{ISSUING_BODY}|政府))?"
)
_GROUNDED_TITLES = re.compile(
    rf"(?:{_GROUND_WORDS}){_ISSUED_BY}(?:[、和及与]?{CITED_TITLE.pattern})+"
)


@lru_cache(maxsize=4096)  # (asked of every passage's document a name is matched against)
def grounded_on(name: str, opening: str) -> str:
    """The opening without the titles it says it carries out when one is of the kind the
    name asks and the name fits it: the name names that document, not this one ("新一代人工
    智能发展规划" is not the plan citing it; "…若干政策的实施细则" may be); else ""."""
    kind = kind_of(name)
    if not kind or not (grounds := list(_GROUNDED_TITLES.finditer(opening))):
        return ""
    # (the name may say who issued it, which the cited title does not)
    asked = (*name_pieces_asked(name), unissued_pieces(name))
    qualified = qualified_kind(name)
    for m in grounds:
        for cited in CITED_TITLE.finditer(m.group(0)):
            title = cited.group(0)[1:-1]
            head = head_pieces(title, "")
            # (its number after it, "…发展规划(国发(2017)35 号)", is no part of its kind)
            bare = title.split("(")[0]
            # (of the kind asked, not qualified otherwise: a 实施意见 asked is no 指导意见 cited)
            if (
                kind_of(bare) == kind
                and not other_qualified(qualified, qualified_kind(bare))
                and any(_share(p, head) >= NAMED_FIT for p in asked)
            ):
                return _GROUNDED_TITLES.sub(" ", opening)
    return ""


# read once for every passage of a document that retrieval and the answer stage look at
_head_pieces = lru_cache(maxsize=4096)(head_pieces)


# Bodies issuing a document, named at the start of a description of it ("工信部…", "国家能源局、
# 矿山安监局那个…"), and the words pointing at it ("那份")…
_BODY = rf"[\u4e00-\u9fff]{{1,10}}?(?:{ISSUING_BODY})"
_ISSUER_LEAD = re.compile(
    rf"^{_BODY}(?:[、和]{_BODY})*(?:等[一二三四五六七八九十\d]{{0,3}}个?部门|联合)?"
    # (what it names follows, or when it issued it: "住建部等13个部门20年7月那份…")
    r"(?=[\u4e00-\u9fff]{4}|(?:19|20)?\d{2}年)"
)
# …and the span a plan's kind counts ("三年行动计划"), which its body seldom writes.
_POINTER = re.compile(r"那份|那个|这份|这个|[一二三四五两]年(?=行动|计划|规划)")


def described_in(name: str, doc: Document) -> bool:
    """Whether a document without a title line holds, within one stretch of
    :data:`DESCRIBED_WINDOW` characters, at least :data:`NAMED_FIT` of the name's pieces: a
    question describes such a document by what its body says ("依据十二五电子政务规划编的
    法院信息化五年规划"), which its opening need not. A titled document is named by its title
    (:func:`names_document`)."""
    if not is_salutation(doc.title, doc.doc_id):
        return False
    # (who issued it, said before what it is about, is the document's metadata, which its
    # body need not write: "工信部促进新一代AI产业发展那份三年行动计划")
    about = _POINTER.sub("", _ISSUER_LEAD.sub("", name))
    about = about if names_enough(about) else name
    if not names_enough(about):
        return False
    text = doc.norm or normalize(doc.text)
    # (its pieces canonical, or as the question writes them, which a body writes too: "高校",
    # whose canonical form 高等学校 a body need not write)
    return any(
        _stretch_holds(pieces, text)
        for pieces in (name_pieces(about), name_pieces(about, canonical=False))
    )


def _stretch_holds(pieces: frozenset[str], text: str) -> bool:
    """Whether one stretch of :data:`DESCRIBED_WINDOW` characters either side of a piece of
    ``text`` holds :data:`NAMED_FIT` of ``pieces``."""
    need = NAMED_FIT * len(pieces)
    # (the rarest piece it writes: a piece it never writes, "典型" of "…典型应用场景", is
    # one of those the share lets go)
    rarest = min((p for p in pieces if p in text), key=text.count, default="")
    if not rarest:
        return False
    at = text.find(rarest)
    while at >= 0:
        stretch = text[max(0, at - DESCRIBED_WINDOW) : at + DESCRIBED_WINDOW]
        if sum(p in stretch for p in pieces) >= need:
            return True
        at = text.find(rarest, at + 1)
    return False


def titles_document(name: str, doc: Document) -> bool:
    """Whether the document's own title (not its opening) holds at least :data:`NAMED_FIT`
    of the name's pieces (or of its name proper's): of several documents a name fits, the
    one it is the title of."""
    if not name or is_salutation(doc.title, doc.doc_id):
        return False
    title = _head_pieces(doc.title, "")
    return max(_share(_telling_pieces(n), title) for n in (name, name_proper(name))) >= NAMED_FIT


def other_kind(name: str, title: str, doc_id: str, opening: str) -> bool:
    """Whether a document is of the kind a name names qualified otherwise (a 实施意见 carrying
    out the 指导意见 named, its opening citing it): its title's kind, or for one without a
    title line the kind its (normalised) ``opening`` gives itself."""
    named = qualified_kind(name)
    if not named[0]:
        return False  # (a kind named unqualified is any document's of that kind)
    own = (
        announced_qualified(opening)
        if is_salutation(title, doc_id)
        else qualified_kind(normalize(title))
    )
    return other_qualified(named, own)


def names_document(name: str, doc: Document) -> bool:
    """Whether ``name`` (a question's :attr:`~retrieval.query.Query.doc_name`) names
    ``doc``: its title and opening hold at least :data:`NAMED_FIT` of the name's pieces."""
    return bool(name) and name_fit(name, doc) >= NAMED_FIT


# The period or edition a document's name carries after it: "…行动方案(2021-2023)",
# "…案例汇编(2023年)", "…指南(2021版)".
_NAME_PERIOD = r"\((?:19|20)\d{2}年?(?:[-~至](?:19|20)?\d{2}年?|版)?\)"


def name_period(doc_name: str, norm: str) -> tuple[str, str]:
    """The period written right after the document's name ("…行动方案(2021-2023)": the
    document's span, which names the document, no years asked of it) and ``norm`` with it
    blanked (same length); ("", ``norm``) when there is none."""
    m = re.search(re.escape(doc_name) + f"({_NAME_PERIOD})", norm) if doc_name else None
    if m is None:
        return "", norm
    return m.group(1), norm[: m.start(1)] + " " * len(m.group(1)) + norm[m.end(1) :]
