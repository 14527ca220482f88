"""Whether a sentence states the phrase a which-document question asks for (no figure):
its quoted names, most of its words, its rarest words, a name's run of it word for word
(:mod:`answer.which_doc` asks)."""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from answer.extract import Candidate, fits
from answer.named_words import holds_quoted
from answer.policy import CONFIG
from answer.signals import Signals, canon, coverage
from answer.topic import topic_of
from corpus.normalize import normalize
from retrieval.query import Query


def states_phrase(q: Query, sig: Signals, c: Candidate, loose: bool = False) -> bool:
    """A document states the question's phrase: a quoted name verbatim, or most of its words
    (in a review or a plan alike: "提出要建设…" asks who states it, not a target).

    ``loose``, asked only when no document states it strictly, lets the question word its
    own way what the sentence says beyond its rarest word ("车企" for 企业, "延续了2600年"
    for 实行了长达2600年), and the sentence hold it over two clauses.
    """
    t = CONFIG.which_doc
    if not states_dates(q.norm, c.clause.sent_norm):
        return False
    # The names quoted stand in the clause, in its section's heading ("(七)中国算谷--打造全
    # 球算力场景新高地"), or, several, in the sentence's clauses one by one ("建设…“数据靶场”,
    # 定期开展“数据演习”").
    where = [c.clause.norm, normalize(c.passage.section)]
    where += [c.clause.sent_norm] if len(sig.quoted) > 1 else []
    named = bool(sig.quoted) and any(holds_quoted(canon(x), sig.quoted) for x in where)
    # A full date the sentence writes as asked ("…于2023年12月20日前报送") is as telling.
    dated = DATE.search(q.norm) is not None
    least = t.quoted_context if (named and _names_a_thing(q.norm)) or dated else t.phrase_context
    if dated and c.year < 0:
        c = replace(c, year=0)  # (the sentence writes the year asked, in the date it states)
    if not fits(replace(q, wants_target=False), sig, c, min_cov=least):
        return False
    # A phrase of two clauses ("落户…中心、发行…产品") is stated by the sentence holding both,
    # under its heading, which may name whose rule it is ("(一)百货店要求": "…每个店铺设置
    # 信用二维码").
    sentence = _stating_text(c)
    quoted = coverage(sig, sentence) >= (t.phrase_sentence if loose else t.value_sentence)
    topic = topic_of(c.doc)
    stated = c.clause_cov >= t.phrase_clause or quoted or _stated_under(sig, c, topic)
    rarest = _rarest_held if loose else _rarest_named
    return named or dated or (stated and rarest(sig, f"{sentence} {topic}"))


def _stating_text(c: Candidate) -> str:
    """A clause's sentence and the heading it stands under (canonical)."""
    return f"{canon(c.clause.sent_norm)} {canon(normalize(c.passage.section))}"


DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def states_dates(qnorm: str, sent_norm: str) -> bool:
    """Whether a sentence writes every full date the question writes ("哪些文件写明有效期
    到2025年12月31日": the date is what is stated); true when it writes none."""
    return all(d in sent_norm for d in DATE.findall(qnorm))


# A quoted name that is a thing ("手机App的“长辈模式”", "“双师型”师资"), not what is said
# of a subject ("粮食产量实现了“十连增”": the subject's words must be stated with it).
_QUOTED_THING = re.compile(r'的"[^"]{2,30}"|"[^"]{2,30}"[\u4e00-\u9fff](?<![的是了])')


def _names_a_thing(qnorm: str) -> bool:
    """Whether the question quotes a name as a thing: after 的, or before a noun."""
    return _QUOTED_THING.search(qnorm) is not None


def _stated_under(sig: Signals, c: Candidate, topic: str) -> bool:
    """Whether the clause states what the question asks beyond the words describing the
    document, which its ``topic`` (title, or an untitled one's first sentence) writes
    ("煤矿智能化方面哪几份管理办法写明有效期五年": a 煤矿智能化…管理办法 whose clause says
    本办法有效期五年)."""
    rest = sig.keeping(lambda term: term.credit(topic) == 0)
    if len(rest.terms) == len(sig.terms):
        return False  # the title names none of it: the clause alone must state it
    return coverage(rest, canon(c.clause.norm)) >= CONFIG.which_doc.phrase_clause


def _rarest_named(sig: Signals, sentence: str) -> bool:
    """The phrase's rarest words are all in the (canonical) sentence, or the document's
    topic written after it: "国家白酒产业计量测试中心" is not "国家光刻机产业计量测试中心",
    however many of its words it shares."""
    terms = sig.terms
    if not terms:
        return True
    top = max(t.weight for t in terms)
    return all(t.credit(sentence) > 0 for t in terms if t.weight >= top)


def _rarest_held(sig: Signals, sentence: str) -> bool:
    """:func:`_rarest_named`, the rarest told apart by the passages holding them rather
    than by their weight, which a cap makes equal for most names: "光刻机" (one passage)
    must be written, the question's own wording of the rest ("车企") need not be."""
    held = [t.passages for t in sig.terms if t.passages > 0]
    if not held:
        return True
    most = min(held) * CONFIG.which_doc.rare_spread
    return all(t.credit(sentence) > 0 for t in sig.terms if 0 < t.passages <= most)


def writing_the_name(q: Query, chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """Of the documents one asked may be, those whose sentence writes as long a run of the
    question word for word as the longest any writes, when that run is a name's length:
    "重庆脑与智能科学中心建成投用" is not "建成投用重庆人工智能创新中心"."""
    t = CONFIG.which_doc
    if len(chosen) < 2:
        return chosen
    runs = {d: longest_run(q.norm, c.clause.sent_norm) for d, c in chosen.items()}
    most = max(runs.values())
    if most < t.verbatim_run:
        return chosen
    return {d: c for d, c in chosen.items() if runs[d] >= most - t.verbatim_behind}


def longest_run(a: str, b: str) -> int:
    """The length of the longest run of characters two texts both write."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size
