"""Which document states it (Route.DOCUMENTS): every document whose sentence states the
asked figures, or the asked phrase, and no document that only shares the metric."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from answer.extract import Candidate, added_hit
from answer.frame import FactsBetween
from answer.model import Answer
from answer.name_phrases import name_phrases
from answer.phrase_parts import stated_apart
from answer.policy import CONFIG
from answer.quantities import (
    states_value,
)
from answer.results import citation_of, refusal
from answer.signals import Signals, canon
from answer.topic import located_name
from answer.which_phrase import DATE, states_phrase, writing_the_name
from answer.which_values import states_values
from corpus.model import Document
from corpus.normalize import bigrams, normalize
from corpus.places import find_places, region_aliases
from index.text import verbs
from retrieval.model import Hit
from retrieval.naming import ISSUING_BODY
from retrieval.query import Query, asks_place
from retrieval.search import Retriever
from retrieval.series import ADDED_WORDS
from retrieval.target_cues import THIS_YEAR
from retrieval.years import find_years


def verbatim_hits(
    q: Query,
    sig: Signals,
    retriever: Retriever,
    documents: Mapping[str, Document],
    seen: set[str],
    allowed: set[str] | None,
) -> list[Hit]:
    """Passages holding a long name of the question word for word, in any document,
    after the passages stating the question's figures.

    BM25 ranks a long passage that names "全球人工智能技术大会" in passing below
    shorter ones sharing its common words; a which-document question wants them all.
    """
    names = [n for n in name_phrases(q.norm) if len(n) >= CONFIG.which_doc.verbatim_name]
    names += [d for d in DATE.findall(q.norm) if d not in names]  # a full date, word for word
    extra = value_hits(q, sig.numbers, retriever, seen, allowed)
    most = CONFIG.which_doc.verbatim_hits
    if not names:
        return extra[:most]
    # The documents holding the rarest phrase first ("利改税" in three, before "国务院" in
    # hundreds), those holding more of them before those holding fewer.
    ranked = rarest_first(names, retriever.naming)
    for doc_id in ranked:
        if len(extra) >= most:
            break  # the documents after these would add passages cut below: none parsed
        if allowed is not None and doc_id not in allowed:
            continue
        norm = documents[doc_id].norm
        for name in names:
            at = find_whole(norm, name)
            if at < 0:
                continue
            # One passage per name found: the first holding it that is not already a hit.
            p = next(
                (p for p in retriever.passages_covering(doc_id, (at,)) if p.pid not in seen), None
            )
            if p is not None:
                seen.add(p.pid)
                extra.append(added_hit(p, len(extra) + 1))
    return extra[:most]


def rarest_first(names: list[str], naming: Callable[[list[str]], list[str]]) -> list[str]:
    """Documents holding the phrases: those holding more of them first, then those holding
    the rarest ("利改税" in three documents, before "国务院" in hundreds)."""
    holders = {n: naming([n]) for n in names}
    held = {n: set(docs) for n, docs in holders.items()}
    order = sorted(names, key=lambda n: len(holders[n]))
    by_rarest = dict.fromkeys(d for n in order for d in holders[n])
    return sorted(by_rarest, key=lambda d: -sum(d in held[n] for n in names))


def value_hits(
    q: Query,
    numbers: tuple[str, ...],
    retriever: Retriever,
    seen: set[str],
    allowed: set[str] | None,
) -> list[Hit]:
    """Passages stating the question's figures, from the facts table (one per document)."""
    if not numbers:
        return []
    grams = bigrams(q.canon)
    # A common value ("10") is stated thousands of times: keep the figures whose
    # metric shares most with the question.
    facts = retriever.facts_with_values(
        numbers, lambda canonical: -len(grams & bigrams(canonical)), CONFIG.which_doc.value_facts
    )
    docs: dict[str, set[int]] = {}
    for f in facts:
        docs.setdefault(f.doc_id, set()).add(f.start)
    out: list[Hit] = []
    for doc_id, starts in docs.items():
        if allowed is not None and doc_id not in allowed:
            continue
        for p in retriever.passages_covering(doc_id, starts):
            if p.pid not in seen:
                seen.add(p.pid)
                out.append(added_hit(p, len(out) + 1))
    return out


def find_whole(norm: str, name: str) -> int:
    """Offset of ``name`` in ``norm``; a number only where it stands whole (-1 if absent)."""
    if not name[:1].isdigit():
        return norm.find(name)
    if not re.fullmatch(r"\d+(?:\.\d+)?", name):  # "24年新增…": no other digit before it
        found = re.search(rf"(?<![\d.]){re.escape(name)}", norm)
        return found.start() if found else -1
    at = norm.find(name)
    while at >= 0 and not states_value(norm[max(0, at - 1) : at + len(name) + 2], name):
        at = norm.find(name, at + 1)
    return at


_ONE_ASKED = re.compile(r"^(?!.*(?:哪些|哪几|几份|都在|都有|分别|各)).*哪(?:一)?[份个部篇年]")


def place_quoted(q: Query, sentence: str, doc_region: str = "") -> bool:
    """Whether every place the question names stands inside words the sentence writes
    as the question does, at least ``CONFIG.which_doc.place_phrase`` characters more than
    the place ("…上榜了广西百强高新技术企业" in "上榜广西百强高新技术企业20家"): the place
    is part of what is stated (an honour's, a programme's name), not where the document
    comes from. When the question asks which place the document is of ("哪个城市的报告说建成
    了连通成都、重庆的…直连网"), the places it names are what is stated wherever the sentence
    writes them. A document of a place inside the one asked (``doc_region``) writes its
    own city or province by its level alone ("市外国专家“钱江友谊使者”2人" in a district
    of 杭州: 杭州市外国专家…)."""
    if not q.regions:
        return False
    extra = 0 if asks_place(q.norm) else CONFIG.which_doc.place_phrase
    parents = region_aliases(normalize(doc_region))[2:] if doc_region else ()
    for region in q.regions:
        written = [a for a in region_aliases(region)[:2] if a and a in q.norm]
        if any(_shared_run(q.norm, sentence, a) >= len(a) + extra for a in written):
            continue
        level = region[-1] if region in parents and region[-1] in _LEVELS else ""
        if not level:
            return False
        bare = _bare_levels(sentence, level)  # (read once for the names the place goes by)
        if not any(
            _shared_run(q.norm.replace(a, level), bare, level) >= 1 + extra for a in written
        ):
            return False
    return True


_LEVELS = "省市州盟"


def _bare_levels(sentence: str, level: str) -> str:
    """The sentence with every ``level`` character that ends a place's name ("温州市")
    blanked: only a level written alone ("入选市“115”计划") is the document's own parent."""
    ends = {end - 1 for _, end, _ in find_places(sentence)}
    return "".join(" " if ch == level and i in ends else ch for i, ch in enumerate(sentence))


def _shared_run(question: str, sentence: str, place: str) -> int:
    """The longest run of characters around ``place`` that the question and the sentence
    both write."""
    best = 0
    for qa in (m.start() for m in re.finditer(re.escape(place), question)):
        for sa in (m.start() for m in re.finditer(re.escape(place), sentence)):
            left = _same_start(question[:qa][::-1], sentence[:sa][::-1])
            best = max(best, left + _same_start(question[qa:], sentence[sa:]))
    return best


def _same_start(a: str, b: str) -> int:
    """How many characters two texts start with alike."""
    differ = (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    return next(differ, min(len(a), len(b)))


def _place_quoted(q: Query, c: Candidate) -> Candidate:
    """The candidate, its place not counted against it when the place asked stands inside
    the words it states ("上榜广西百强高新技术企业": the place is the name's)."""
    if c.region < 0 and place_quoted(q, c.clause.sent_norm, c.doc.region):
        return replace(c, region=0)
    return c


def _stating(
    q: Query, sig: Signals, cands: list[Candidate], states: Callable[[Candidate], bool]
) -> tuple[dict[str, Candidate], dict[str, float]]:
    """The documents with a candidate that ``states`` what is asked (their first such), and
    each one's most of the phrase a stating clause holds."""
    chosen: dict[str, Candidate] = {}
    held: dict[str, float] = {}
    for c in cands:
        if c.doc.doc_id in chosen and (sig.numbers or held[c.doc.doc_id] >= c.clause_cov):
            continue
        c = _place_quoted(q, c)
        if states(c):
            chosen.setdefault(c.doc.doc_id, c)
            held[c.doc.doc_id] = max(held.get(c.doc.doc_id, 0.0), c.clause_cov)
    return chosen, held


# A body the question says issued or sent a document ("交通运输部科技司布置…的通知").
# (a ministry's department, 科技司, too)
_BODY = re.compile(rf"[\u4e00-\u9fff]{{1,10}}(?:{ISSUING_BODY}|司)$")


def _by_bodies_named(sig: Signals, chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """The documents writing every body the question names ("交通运输部", "科技司"), when
    some do: a document never naming the ministry asked of is another's notice."""
    bodies = [t for t in sig.terms if len(t.text) >= 3 and _BODY.search(t.text)]
    if not bodies or len(chosen) < 2:
        return chosen

    def writes_all(doc: Document) -> bool:
        whole = canon(f"{normalize(doc.title)} {doc.norm}")  # (once a document)
        return all(t.credit(whole) >= 1 for t in bodies)

    writing = {d: c for d, c in chosen.items() if writes_all(c.doc)}
    return writing or chosen


def _doing_as_asked(sig: Signals, chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """Of the documents one asked may be, those whose sentence writes every verb of the
    question, when some do: "今年要发布…纲要" states what "哪一年的报告讲了要发布…纲要"
    asks; "加快实施…纲要" names the same thing doing another. (A count's verb, 新增 or
    新认定, says how it is counted, not what is done.)"""
    done = [t for t in sig.terms if t.text not in ADDED_WORDS and "".join(verbs(t.text)) == t.text]
    if not done or len(chosen) < 2:
        return chosen
    doing = {
        d: c
        for d, c in chosen.items()
        if all(t.credit(canon(c.clause.sent_norm)) >= 1 for t in done)
    }
    return doing or chosen


def _of_its_own_year(q: Query, chosen: dict[str, Candidate]) -> dict[str, Candidate]:
    """Of the documents a question asks what they said of their own year ("哪一年的报告提出
    当年先在甲省试点"), those whose sentence names no other year, when some do: "从2000年起,
    在甲省开展试点" in a later report looks back."""
    if len(chosen) < 2 or not THIS_YEAR.search(q.norm):
        return chosen

    def own_year(c: Candidate) -> bool:
        said = c.clause.sent_norm[: c.clause.end - c.clause.sent_start]  # (up to the clause)
        named = set(find_years(said))
        own = {c.doc.issued} if c.doc.issued else set(c.doc.years)
        return not named or bool(named & own)

    kept = {d: c for d, c in chosen.items() if own_year(c)}
    return kept or chosen


def documents_answer(
    q: Query, sig: Signals, cands: list[Candidate], facts_between: FactsBetween
) -> Answer:
    """Every document among ``cands`` that states what is asked, titles first.

    Only words the index uses count: a word no document uses ("降下来" for 降低, a
    fragment like 集要) tells no document apart (the candidates were scored so too).
    """
    sig = sig.known()

    def states(loose: bool) -> Callable[[Candidate], bool]:
        if sig.numbers:
            return lambda c: states_values(q, sig, c, facts_between, loose=loose)
        return lambda c: states_phrase(q, sig, c, loose=loose)

    chosen, held = _stating(q, sig, cands, states(False))
    if not chosen:
        # none states it as the question words it: those stating it in their own words
        chosen, held = _stating(q, sig, cands, states(True))
    if not chosen and not DATE.search(q.norm):
        # "…商品化,逐步使企业成为…": clauses apart (a place inside what one of them states,
        # "温州医科大学等高校", names no document's place)
        quoting = {c.doc.doc_id for c in cands if _place_quoted(q, c) is not c}
        unplaced = [replace(c, region=0) if c.doc.doc_id in quoting else c for c in cands]
        chosen = stated_apart(sig, q.norm, unplaced)
    chosen = _by_bodies_named(sig, chosen)
    chosen = _of_its_own_year(q, chosen)
    one = bool(held) and bool(_ONE_ASKED.search(q.norm))
    if one:
        # one document asked ("哪份文件提出…"), not every one ("哪几份文件提到了"): of those
        # stating a figure, too, the one doing as asked ("排名提升了4位": 提升4位, not 上升4位)
        chosen = _doing_as_asked(sig, chosen)
    if one and not sig.numbers:
        chosen = writing_the_name(q, chosen)
        # (of the documents still chosen: one set aside for another year's words no longer
        # sets the bar)
        most = max((held[d] for d in chosen), default=0.0) - CONFIG.which_doc.phrase_behind
        chosen = {d: c for d, c in chosen.items() if held[d] >= most}
    if not chosen:
        return refusal(q, (citation_of(cands[0], None),) if cands else ())
    cites = tuple(citation_of(c, (c.clause.start, c.clause.end)) for c in chosen.values())
    parts = tuple(c.doc_id for c in cites)
    titles = "；".join(f"{located_name(c.doc)}（{c.doc.doc_id}）" for c in chosen.values())
    return Answer(
        q.text,
        True,
        titles,
        cites,
        message=f"共{len(parts)}份文件提到",
        parts=parts,
        intent=q.intent,
    )
