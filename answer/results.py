"""One sub-question's outcome, and the citations it is made of."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from answer.byline import byline_span
from answer.contacts import asks_person, contact_person, contact_unit
from answer.entity import names_asked_kind
from answer.entity_readings import agent_span, asks_doer, asks_partner, asks_title
from answer.extract import Candidate, fits
from answer.insertion import inserted_name
from answer.model import Answer, Citation
from answer.people import addressee_span
from answer.policy import CONFIG
from answer.signals import Signals
from answer.wh_frame import subject_head
from corpus.model import Document
from corpus.normalize import bigrams, normalize
from retrieval.part_labels import year_aside
from retrieval.query import Query
from retrieval.segment_words import metric_words

NOT_FOUND = "文档中未找到“{q}”的答案。"


@dataclass(frozen=True)
class Result:
    """One sub-question's outcome."""

    found: bool
    span: str
    citation: Citation | None
    related: Citation | None
    extra: tuple[Citation, ...] = ()
    items: tuple[str, ...] = ()
    conflicts: tuple[Citation, ...] = ()


def quote_of(
    doc: Document, section: str, start: int, end: int, span: tuple[int, int] | None
) -> Citation:
    """A citation of ``doc.text[start:end]``, verbatim, with the short answer's offsets."""
    return Citation(
        doc_id=doc.doc_id,
        title=doc.title,
        section=section,
        quote=doc.text[start:end],
        start=start,
        end=end,
        span_start=span[0] if span else -1,
        span_end=span[1] if span else -1,
        date=doc.date,
        region=doc.region,
        page=doc.page_at(span[0] if span else start),
        issuer=doc.issuer,
    )


def citation_of(cand: Candidate, span: tuple[int, int] | None) -> Citation:
    """The citation of a candidate: its whole sentence, verbatim, with offsets."""
    clause = cand.clause
    return quote_of(cand.doc, cand.passage.section, clause.sent_start, clause.sent_end, span)


def naming_candidate(q: Query, sig: Signals, best: Candidate, cands: list[Candidate]) -> Candidate:
    """For a name: the best fitting candidate whose sentence holds one of the asked kind
    where the question asks, among those scoring close to the best (else the best).

    Who does something ("由哪个司牵头") is read off the sentence writing the doing: within
    the best's own document, the one that told what is asked about, such a sentence
    answers however far below it it scores ("…智能运维技术研究" heads the part whose line
    "交通运输部综合规划司牵头" answers; a best that writes no doing names no doer); so is a
    document asked for ("为落实哪个文件制定的"), by the sentence citing its title in 《》; so
    is who a deed was done with ("跟哪家保险公司签的保单"), by the sentence writing the deed;
    and the name a copula question's noun is of ("托管人是哪家"), by the sentence writing that
    noun when the best does not."""
    # who does it, or which document (its title in 《》): the best's document answers
    # however far below the best its naming sentence scores
    # …or with whom it was done ("跟哪家保险公司签的保单"), by the sentence writing that deed
    partner = asks_partner(q.norm)
    if partner and names_asked_kind(q, best):
        return best
    # …or the one a copula question's noun is of ("…基金,托管人是哪家"), by the sentence
    # writing that noun, when the best does not
    noun = subject_head(q.norm)
    role = len(noun) >= _MIN_ROLE and noun not in best.clause.sent_norm
    doer = asks_doer(q.norm) or asks_title(q.norm) or partner or role
    inserted = _inserted_in_document(q, sig, best, cands)
    if inserted is not None:
        return inserted
    for c in cands:
        same = doer and c.doc.doc_id == best.doc.doc_id
        if c is best or (not same and c.score < best.score - CONFIG.entity.naming_margin):
            continue
        if fits(q, sig, c) and names_asked_kind(q, c):
            return c
    return best


_MIN_ROLE = 2  # characters of a noun a copula question asks the name of
_BY_ASKED = re.compile(r"由(?:谁|哪)")


def doer_after_by(q: Query, sig: Signals, best: Candidate, cands: list[Candidate]) -> Candidate:
    """ "…具体工作由谁负责": the sentence of the best's document writing 由, the doer, then the
    doing ("具体工作由甲办公室负责") answers before one naming a doer otherwise ("谁主管谁负责",
    "甲部负责统筹…"), however close they score; the best when none does."""
    if not _BY_ASKED.search(q.norm) or _by(q, best):
        return best
    same = (c for c in cands if c.doc.doc_id == best.doc.doc_id and _by(q, c) and fits(q, sig, c))
    return next(same, best)


def _by(q: Query, c: Candidate) -> bool:
    """Whether the candidate's sentence writes the asked doing's doer right after 由."""
    span = agent_span(q.norm, c.clause.sent_norm)
    return span is not None and "由" in c.clause.sent_norm[max(0, span[0] - 3) : span[0]]


def _inserted_in_document(
    q: Query, sig: Signals, best: Candidate, cands: list[Candidate]
) -> Candidate | None:
    """Within the best's document, the first fitting sentence that writes the question's
    description with a name inserted (:func:`answer.insertion.inserted_name`), when the
    best's own sentence writes none: "…中国电子技术标准化研究院联合全国信标委大数据标准工作组…"
    answers "是哪家单位联合信标委大数据标准工作组…编的" however a sentence merely sharing
    its words ("…发布会暨全国信标委大数据标准工作组…会议在北京召开") scores."""
    if inserted_name(q.norm, best.clause.sent_norm) is not None:
        return None
    return next(
        (
            c
            for c in cands
            if c.doc.doc_id == best.doc.doc_id
            and inserted_name(q.norm, c.clause.sent_norm) is not None
            and fits(q, sig, c)
        ),
        None,
    )


def respan(r: Result, c: Citation, span: tuple[int, int]) -> Result:
    """``r`` quoting the sentence ``c`` cites with another short answer (offsets of the
    document's text inside the quote)."""
    text = c.quote[span[0] - c.start : span[1] - c.start]
    return replace(r, span=text, citation=replace(c, span_start=span[0], span_end=span[1]))


def line_result(doc: Document, s: int, e: int) -> Result:
    """``doc.text[s:e]`` as the answer, quoting the whole line that holds it (a by-line,
    a 文号 line: lines of a document's head, outside any section)."""
    ls = doc.text.rfind("\n", 0, s) + 1
    le = doc.text.find("\n", e)
    le = len(doc.text) if le < 0 else le
    return Result(True, doc.text[s:e], quote_of(doc, "", ls, le, (s, e)), None)


def contact_result(
    q: Query, described: Document | None, best: Candidate | None, cands: list[Candidate]
) -> Result | None:
    """The unit of a notice's contact block the question asks feedback to go to: of the
    document the question describes, else of the first of the best few candidates'
    documents that has such a block (the notice seeking comments, not the guide it sent)."""
    docs = [described] if described is not None else []
    docs += [c.doc for c in ([best] if best else []) + cands[: CONFIG.entity.contact_docs]]
    first: dict[str, Document] = {}
    for d in docs:
        first.setdefault(d.doc_id, d)  # each document once, in order
    person = asks_person(q.norm)
    for doc in first.values():
        found = contact_person(q.norm, doc) if person else contact_unit(q.norm, doc)
        if found is not None:
            return line_result(doc, *found)
    return None


def byline_result(doc: Document) -> Result | None:
    """Who delivered a report: the name on its by-line ("市人民政府市长 葛斌")."""
    found = byline_span(doc.norm)
    return None if found is None else line_result(doc, *found)


def addressee_result(doc: Document) -> Result | None:
    """Who made the proposal a reply answers: its addressee line ("刘某某等15位代表:")."""
    found = addressee_span(doc.norm)
    return None if found is None else line_result(doc, *found)


_DATE_LINE = re.compile(
    r"(?m)^[^\S\n]*[—-]*[^\S\n]*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"(?:[^\S\n]*$|在[^\n]{0,40}(?:会议|大会))"
)


def date_line_result(doc: Document) -> Result | None:
    """The document's own date line: the signature date under an office's name, or the
    line a report is delivered on ("——2024年2月1日在…人民代表大会第五次会议上")."""
    m = _DATE_LINE.search(doc.text)
    if m is None:
        return None
    s, e = m.start(1), m.end(1)
    return Result(True, doc.text[s:e], quote_of(doc, "", s, e, (s, e)), None)


def refusal(q: Query, related: tuple[Citation, ...]) -> Answer:
    """found=False with the plain message and the nearest evidence, marked as not an answer."""
    return Answer(
        q.text, False, "", message=NOT_FOUND.format(q=q.text), related=related, intent=q.intent
    )


def joined(q: Query, answers: list[Answer]) -> Answer:
    """One answer to a question of several asks, each answered on its own, in order."""
    found = [a for a in answers if a.found]
    if not found:
        return refusal(q, tuple(c for a in answers for c in a.related)[:3])
    message = "部分问题在文档中未找到答案。" if len(found) < len(answers) else ""
    return Answer(
        q.text,
        True,
        "；".join(a.answer for a in found),
        tuple(c for a in found for c in a.citations),
        message=message,
        parts=tuple(p for a in found for p in (a.parts or (a.answer,))),
        intent=q.intent,
    )


# (the kind the question asks it as may follow: "今年力争" → "今年（2024年）力争")
_RELATIVE_YEAR = re.compile(r"^(?:今年|去年|明年|上年|前年)(?=$|目标|预期|计划|实际|力争|争取)")
_SECTION_YEAR = re.compile(r"((?:19|20)\d{2})年")


def dated_label(label: str, citation: Citation | None) -> str:
    """A label of a relative year ("去年") with the year its answer's section is about,
    when the section path names one year: "去年（2023年）"; else the label as it is."""
    if citation is None or (relative := _RELATIVE_YEAR.match(label)) is None:
        return label
    years = set(_SECTION_YEAR.findall(citation.section))
    if len(years) != 1:
        return label
    return f"{label[: relative.end()]}{year_aside(int(years.pop()))}{label[relative.end() :]}"


# How a part asks its figure ("分别不超过多少个", "各是多少"): no words of its metric.
_BOUND_WORDS = re.compile(
    r"(?:不超过|不少于|不低于|最多|最高|至少|达到|分别|各(?=是|为|有|多少|几)).*$"
)


def bare_labels(segments: list[str], results: list[Result]) -> list[str]:
    """Labels for parts told apart by their metric ("A和B分别不超过多少个", "十大产业领域内的
    最高给多少、领域外的最高给多少"): each part's own metric words, when no part's answer
    tells it from the others (bare figures, "30个", "10个"; "给予最高500万元建设经费资助"
    and "…100万元…", which hold none of the words only one part says); else none."""
    words = [metric_words(_BOUND_WORDS.sub("", s)) for s in segments]
    if not all(words):
        return ["" for _ in segments]
    told = any(
        r.found and _tells_apart(w, words[:i] + words[i + 1 :], normalize(r.span))
        for i, (w, r) in enumerate(zip(words, results, strict=True))
    )
    return ["" for _ in segments] if told else words


def _tells_apart(words: str, others: list[str], span: str) -> bool:
    """Whether a span holds a word pair of the metric ``words`` no other part's metric has
    (or the metric has none of its own: the parts differ by something else)."""
    own = bigrams(words).difference(*(bigrams(o) for o in others))
    return not own or bool(own & bigrams(span))
