"""Who and when: people by their titles, a report's by-line, dates in a sentence.

"邀请…院长周明远作专题报告" gives the person after the title the question
names; "市人民政府市长 林清远" under a report's heading is who delivered it;
"哪天印发" gives the date written in the sentence.
"""

from __future__ import annotations

import re

from answer.byline import TITLES
from answer.extract import Candidate
from answer.policy import CONFIG, EntityConfig
from corpus.normalize import bigrams
from index.text import canonicalize
from retrieval.query import DATE_ASKED, YEAR_ASKED, Query

_PERSON = re.compile("(?:" + "|".join(TITLES) + r")\s*([\u4e00-\u9fff]{2,3})")
# Characters that follow a name rather than end it ("蒋泰维作…", "李强同志", "王明等").
_AFTER_NAME = set("作在到出主调带率一等同为和与向对来去讲")


_SPEAKER_ASK = re.compile(
    r"报告[\u4e00-\u9fff,]{0,10}(?:谁|哪位)|(?:谁|哪位[\u4e00-\u9fff]{0,4})(?:作|做)的?(?:报告|的|$)"
    r"|(?:作|做)报告的(?:是|人)"
)
# Who made a proposal a reply answers ("…建议是哪位代表领衔提的", "提案是谁提的").
_PROPOSER_ASK = re.compile(
    r"哪位(?:人大|政协)?(?:代表|委员)|(?:代表|委员)是谁|谁(?:领衔)?提(?:出)?的(?:建议|提案|$)"
)
# A reply's addressee line: the proposers, the first named leading ("刘某某等15位代表:");
# not a speech's salutation ("各位代表:").
_ADDRESSEE = re.compile(
    r"(?m)^[ \t\u3000]*(?!各位|全体|尊敬)([\u4e00-\u9fff]{2,4}?)(?:等\d+位|等)?"
    r"(?:代表|委员)[ \t]*[:：]"
)


def asks_proposer(qnorm: str) -> bool:
    """Whether the question asks who made a proposal (a deputy, a member)."""
    return bool(_PROPOSER_ASK.search(qnorm))


def addressee_span(norm: str, cfg: EntityConfig = CONFIG.entity) -> tuple[int, int] | None:
    """The first proposer on a reply's addressee line, near its start."""
    found = _ADDRESSEE.search(norm, 0, cfg.byline_chars)
    return (found.start(1), found.end(1)) if found else None


PERSON_ASK = re.compile(r"谁|哪位")
PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def asks_speaker(qnorm: str) -> bool:
    """Whether the question asks who delivered a report ("…报告是哪位市长作的")."""
    return bool(_SPEAKER_ASK.search(qnorm))


def person_span(qnorm: str, sent: str, *, asked_only: bool = False) -> tuple[int, int] | None:
    """For "谁/哪位…": the name after a title in the sentence, the question's title first
    (``asked_only``: only after a title the question names).

    "邀请浙江省科技厅原党组书记、厅长蒋泰维作…专题报告" for "哪位…老厅长来作的专题报告".
    """
    if not PERSON_ASK.search(qnorm):
        return None
    found = []
    for m in _PERSON.finditer(sent):
        s, e = m.start(1), m.end(1)
        if e - s == 3 and sent[e - 1] in _AFTER_NAME:
            e -= 1
        found.append((s, e, sent[m.start() : m.start(1)].strip()))
    if not found:
        return None
    asked = [f for f in found if f[2] in qnorm]
    if asked_only and not asked:
        return None
    s, e, _ = (asked or found)[0]
    return s, e


_DAY_ASKED = re.compile(r"几号|哪天|哪一天|几月几日")
_WHEN = re.compile(rf"{DATE_ASKED}|日期|哪年哪月|{YEAR_ASKED}")
# A date as a "when" question is answered: 2017年6月30日, 9月30日前, 2025年底前, 2019-07-10.
_DATE = re.compile(
    r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:前|以前|之前)?"
    r"|(?:19|20)\d{2}年(?:底|末)前?|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
    # a day of each month ("每月7日前"), asked "每月几号"
    r"|每月\d{1,2}[日号](?:前|以前|之前)?"
    # a year reached ("到2027年,…取得明显成效"), asked "到哪年"
    r"|(?:到|至)(?:19|20)\d{2}年(?!\d{1,2}月)"
)


def is_when(query: Query) -> bool:
    """Whether the question asks for a date ("哪天", "什么时候")."""
    return bool(_WHEN.search(query.norm))


def date_span(query: Query, cand: Candidate) -> tuple[int, int] | None:
    """For "哪天/什么时候" questions: the date written in the candidate's sentence."""
    if not _WHEN.search(query.norm):
        return None
    dates = list(_DATE.finditer(cand.clause.sent_norm))
    # a day asked ("几号", "哪天"): a date that names its day, before one of a month only
    if _DAY_ASKED.search(query.norm):
        dates = [d for d in dates if re.search(r"[日号]", d.group(0))] or dates
    if not dates:
        return None
    sent = cand.clause.sent_norm
    asked = bigrams(canonicalize(_asking_clause(query.norm)))
    # of several dates, the one whose clause writes the words asked ("自2023年2月22日施行,
    # 有效期至2026年2月21日": 有效期 asks the second); the first when none tells them apart
    found = max(
        dates, key=lambda d: (len(asked & bigrams(canonicalize(_clause_at(sent, d)))), -d.start())
    )
    base = cand.clause.sent_start
    return base + found.start(), base + found.end()


def _asking_clause(norm: str) -> str:
    """The clause of a (normalised) question that asks when, its last ("…从哪天开始施行的,
    有效期到哪天为止": an ask with the words of the one before lent)."""
    m = next(reversed(list(_WHEN.finditer(norm))), None)
    if m is None:
        return norm
    start, end = _clause_around(norm, m.start(), m.end(), ",;?")
    return norm[start:end]


def _clause_at(sent: str, date: re.Match[str]) -> str:
    """The clause of a (normalised) sentence that writes ``date``, the date itself blanked."""
    start, end = _clause_around(sent, date.start(), date.end(), ",;:。")
    return sent[start : date.start()] + " " + sent[date.end() : end]


def _clause_around(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """Where the clause holding ``text[start:end]`` starts and ends (between ``marks``)."""
    first = max(text.rfind(mark, 0, start) for mark in marks) + 1
    ends = [e for mark in marks if (e := text.find(mark, end)) >= 0]
    return first, min(ends) if ends else len(text)


def after_descriptor(qnorm: str, cand: Candidate) -> tuple[int, int] | None:
    """ "哪位省科技厅党组书记调研" in "…获省科技厅党组书记佟桂莉调研…" → 佟桂莉.

    The words after the wh-word describe the entity; the sentence writes
    the description, then the name, then what follows in the question.
    """
    m = PERSON_ASK.search(qnorm)  # people: "书记佟桂莉", title before name
    if not m:
        return None
    rest = re.sub(r"[?？。]$", "", qnorm[m.end() :])
    sent = cand.clause.sent_norm
    for size in range(min(len(rest), 12), 3, -1):
        desc = rest[:size]
        at = sent.find(desc)
        if at < 0:
            continue
        follow = rest[size : size + 2]
        start = at + size
        stop = sent.find(follow, start) if len(follow) == 2 else -1
        if stop - start >= 2 and stop - start <= 12 and not re.search(r"[,;。:]", sent[start:stop]):
            base = cand.clause.sent_start
            return base + start, base + stop
        return None
    return None


def is_person(sent: str, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` are a person's name as the tagger reads the sentence
    ("人选董建华": 董建华; "院士专家工作站": no one)."""
    from index.text import pos_tags

    at = 0
    for word, flag in pos_tags(sent):
        if at == span[0]:
            return flag.startswith("nr") and at + len(word) == span[1]
        at += len(word)
    return False


def person_spans(qnorm: str, sent: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names a question asking for a person (谁, 哪位) gets from a sentence: the ones read
    (``spans``) when they are one two-to-four-character name; else the name after a title
    inside the first one ("东方风电贺建华"), after the title the question names anywhere
    ("哪位…老厅长"), or after any title the tagger reads a person at ("…行政长官是谁")."""
    if not PERSON_ASK.search(qnorm) or (
        len(spans) == 1 and PERSON_NAME.fullmatch(sent[slice(*spans[0])])
    ):
        return spans
    if not spans:
        person = person_span(qnorm, sent)
        return [person] if person is not None else spans
    a, b = spans[0]
    inside = person_span(qnorm, sent[a:b])
    if inside is not None:
        return [(a + inside[0], a + inside[1])]
    if (titled := person_span(qnorm, sent, asked_only=True)) is not None:
        return [titled]
    if (anyone := person_span(qnorm, sent)) is not None and is_person(sent, anyone):
        return [anyone]
    return spans
