"""What a document is about: context for every sentence of it.

A question names a policy by its subject ("煤矿智能化方面哪几份管理办法…"); the sentence that
answers ("本办法有效期五年") does not repeat it. A document's title says what it is about;
a policy whose text opens on its body, with no title line, says it in its first sentence
("为加强煤矿智能化专家库的规范管理…,制定本办法。").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from answer.byline import speaker
from answer.policy import CONFIG
from answer.signals import canon
from corpus.labelled_lines import labelled_line
from corpus.metadata import is_salutation, state_council_report
from corpus.model import Document
from corpus.normalize import normalize
from corpus.places import NATIONAL, region_aliases
from corpus.structure import heading_level
from retrieval.naming import OPENING


def topic_of(doc: Document) -> str:
    """What a document is about, as context for every sentence of it: its title, or for a
    document without one (a policy whose text opens on its body) its first sentence
    ("为加强煤矿智能化专家库的规范管理…,制定本办法。"); and who delivered it, as its
    by-line names him ("邹家华那份计划报告里…"), or the State Council for its report."""
    return _topic(doc.doc_id, doc.title, doc.norm[:_HEAD])


def untitled(doc: Document) -> bool:
    """Whether a document has no title of its own (a report opening on its salutation, a
    policy on its body): no name a question calls it by can be checked against it."""
    return is_salutation(doc.title, doc.doc_id)


_HEAD = max(OPENING, CONFIG.entity.byline_chars)  # a document's head: opening and by-line


@lru_cache(maxsize=4096)
def _topic(doc_id: str, title: str, head: str) -> str:
    if not is_salutation(title, doc_id):
        about = canon(normalize(title))
    else:
        opening = head[:OPENING]
        first = _first_sentence(opening, past_titles=True)
        about = canon(opening[first[0] : first[1]]) if first else ""
    # (the State Council's report is its issuer's: "国务院政府工作报告")
    issuer = "国务院" if state_council_report(head) else ""
    who = " ".join(x for x in (speaker(head), issuer) if x)
    return f"{about} {who}" if who else about


def _first_sentence(opening: str, *, past_titles: bool = False) -> tuple[int, int] | None:
    """Where the first sentence of a document's (normalised) opening stands, or None.

    "各普通本科高校:\n为深入…,决定组织开展…(简称“111计划”)建设工作。": the addressees'
    line is no sentence of it; "…并就有关事项通知如下:" ends its line, not on 。; a short
    line above it, "摘 要", is none.
    """
    body = _ADDRESSEES.sub("", opening.lstrip(), count=1)
    if past_titles:
        # (what it is about is said by a sentence, not by the headings or labelled titles
        # it opens on: "一、准入审批类\n应用一:形式审查\n人工智能技术在药品…注册的…")
        body = body[_titles_end(body) :]
    first = re.search(r"[^。\n]{8,}", body)
    if first is None:
        return None
    at = len(opening) - len(body)  # the body ends where the opening does
    return at + first.start(), at + first.end()


def _titles_end(body: str) -> int:
    """Where the heading lines and labelled title lines a body opens on end."""
    at = 0
    for line in re.finditer(r"[^\n]*\n", body):
        text = line.group(0).strip()
        if text and not (heading_level(text) > 0 or labelled_line(text)):
            break
        at = line.end()
    return at


# (a long one names the bodies it is sent to: "各省、自治区、直辖市…主管部门,…行业协会:")
_ADDRESSEES = re.compile(
    r"^(?:[^。\n]{1,60}|[^。\n]{61,400}?(?:部门|单位|机构|局|委|厅|政府|协会|学会|商会|企业"
    r"|院|校|会|兵团|办|公司))[:：]\s*\n\s*"
)


OPENING_SHOWN = 24  # characters of an untitled document's first sentence shown for it


def shown_name(doc: Document) -> str:
    """How a document is shown to people: 《its title》, or for a document with no title
    (a policy opening on its body) the start of its first sentence, as written, in quotes
    ("无标题，开头“为加强煤矿智能化专家库的规范管理…”"); never its file name alone."""
    first = (
        None if not is_salutation(doc.title, doc.doc_id) else _first_sentence(doc.norm[:OPENING])
    )
    if first is None:
        return f"《{doc.title}》"
    own = self_named(doc)
    if own is not None:
        return f"无标题，正文称《{doc.text[own[0] : own[1]]}》"
    start, end = first
    words = doc.text[start : min(end, start + OPENING_SHOWN)].strip()
    more = "…" if end - start > OPENING_SHOWN else ""
    gist = _gist(doc.norm, start, end) if more else None
    if gist is not None:
        # (what a long first sentence sets out to do, past its opening words: "为认真贯彻…
        # 会议精神…,进一步加快全省煤矿智能化建设,…,现将有关事项通知如下")
        lead = doc.text[start : start + _lead_chars(doc.norm, start)].strip()
        return f"无标题，开头“{lead}…{doc.text[gist[0] : gist[1]].strip()}…”"
    return f"无标题，开头“{words}{more}”"


def located_name(doc: Document) -> str:
    """:func:`shown_name` with the document's place when the name does not say it
    (《2026年政府工作报告》 of 云南省: "《2026年政府工作报告》（云南省）"): which province's
    or city's report it is, which a bureau's staff cannot tell from a bare title."""
    name = shown_name(doc)
    shown = normalize(name)
    if not doc.region or any(a in shown for a in region_aliases(doc.region)):
        return name
    if doc.region == NATIONAL and _NATIONAL_BODY.search(shown):
        return name  # (《国务院1978年政府工作报告》 says it is the country's)
    return f"{name}（{doc.region}）"


_NATIONAL_BODY = re.compile(r"国务院|国家|全国|中央")


# How a document's preamble names what it is ("…组织编制了《甲行业智能制造标准体系建设指南
# (2023版)》。一、总体要求", "…研究制定了《…申报指南》,现印发施行"): made under that
# name, then set out or issued at once (not a document it cites: "2019年省政府印发《…》,推进…").
_SELF_NAMED = re.compile(
    r"(?:编制|制定|起草|形成)了?《([^《》\n]{4,60})》"
    r"(?=\s*(?:\([^()]{0,8}\)\s*)?(?:\(以下简称|,?现(?:予|将|印发)|。\s*(?:\n|一、)))"
)
SELF_NAMED_CHARS = 1200  # how far into an untitled document its preamble may name it


def self_named(doc: Document) -> tuple[int, int] | None:
    """Where an untitled document's preamble writes its own name (offsets of the words
    inside 《》), or None."""
    m = _SELF_NAMED.search(doc.norm, 0, SELF_NAMED_CHARS)
    return m.span(1) if m else None


OPENING_LEAD = 6  # characters of a long first sentence shown before the clause it is about
# …or the whole subject it opens by defining ("智能制造典型场景是智能工厂的基本组成单元,…")
_DEFINED_SUBJECT = re.compile(r"[^,;:、\"'()\s]{2,16}?(?=是)")


def _lead_chars(norm: str, start: int) -> int:
    """How much of a long first sentence to show before its gist: the subject it defines
    whole, else :data:`OPENING_LEAD` characters."""
    defined = _DEFINED_SUBJECT.match(norm, start)
    return max(OPENING_LEAD, defined.end() - start) if defined else OPENING_LEAD


_GIST_CHARS = (6, 20)  # the shortest and longest clause shown for what a document is about
# A notice's or a policy's formula, about no subject of its own
_FORMULA = re.compile(
    r"通知如下|制定本|特制定|以下|现将|现就|印发给你们|贯彻执行|起施行|[:：]"
    r"|结合[^,]{0,12}实际|经[^,]{0,10}同意"
)


@lru_cache(maxsize=256)
def _gist(norm: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause of a document's (long) first sentence that says most of what the whole
    document says (the most of its two-character pieces that the document writes often),
    when it stands past the words shown of the opening; None when the opening shows it."""
    counts = Counter(norm[i : i + 2] for i in range(len(norm) - 1))
    best, best_score = None, 0.0
    at = start
    for piece in re.split(r"([,;])", norm[start:end]):
        a, b = at, at + len(piece)
        at = b
        if not _GIST_CHARS[0] <= b - a <= _GIST_CHARS[1] or _FORMULA.search(piece):
            continue
        score = sum(counts[piece[i : i + 2]] for i in range(len(piece) - 1)) / (b - a - 1)
        if score > best_score:
            best, best_score = (a, b), score
    if best is None or best[1] <= start + OPENING_SHOWN:
        return None
    return best
