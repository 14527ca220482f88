"""The short answer inside a chosen clause: the figure asked among several, with its
qualifier ("以上", "左右"), at most :data:`answer.extract.MAX_SPAN` characters."""

from __future__ import annotations

import re
from collections.abc import Sequence

from answer.clauses import LEADING, Clause
from answer.extract import MAX_SPAN, Candidate
from answer.policy import policy
from answer.quantities import BOUND_WORDS, NUMBER, figures_for, is_rank, numbers_in, unit_matches
from answer.signals import Signals, canon, coverage, shared_pieces
from answer.term_forms import town_and_country
from corpus.model import Fact
from retrieval.intent import Intent
from retrieval.query import Query
from retrieval.segment_words import own_words


def _enumerated_figure(query: Query, sig: Signals, norm: str) -> tuple[int, int] | None:
    """In "新增国家高新技术企业637家、省科技型中小企业1734家", the item asked about.

    Only for quantity questions on clauses that list several figures with "、".
    """
    if query.intent not in (Intent.NUMBER, Intent.TARGET):
        return None
    if "、" not in norm or len(numbers_in(norm)) < 2:
        return None
    items, pos = [], 0
    for piece in norm.split("、"):
        items.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    scored = []
    for s, e in items:
        nums = numbers_in(norm[s:e])
        if not nums:
            continue
        unit_ok = any(unit_matches(sig.unit, m) for m in nums)
        text = canon(norm[s:e])
        # Items are told apart by the words they name exactly (领军人才 vs 顶尖人才).
        exact = sum(t.weight for t in sig.terms if t.named_in(text))
        scored.append((unit_ok, _item_year_fit(query, norm[s:e]), exact, coverage(sig, text), s, e))
    if len(scored) < 2:
        return None
    best = max(scored, key=lambda x: x[:4])
    unit_ok, dated, exact, cov, s, e = best
    lead = LEADING.match(norm[s:e])
    s += lead.end() if lead and lead.end() < e - s else 0
    # an item told apart by its year alone shares the clause's metric ("财政赤字从1979年的
    # 一百七十亿元、1980年的一百二十七亿元")
    told = cov > 0 or (dated > 0 and all(x[1] < 0 for x in scored if x is not best))
    return (s, e) if told and e - s <= MAX_SPAN else None


def _item_year_fit(query: Query, item: str) -> int:
    """+1 an item names a year asked ("1980年的一百二十七亿元" asked of 1980), -1 when it
    names only others, 0 when it names none."""
    named = {int(y) for y in _YEAR.findall(item)}
    if not named or not query.years:
        return 0
    return 1 if named & set(query.years) else -1


_REACHED = re.compile(r"到|至")


def respective_items(norm: str) -> list[tuple[str, re.Match[str]]] | None:
    """The items of "A、B、C分别达到X、Y、Z" each with its figure (matches into ``norm``),
    or None when the sentence pairs none (the items before "分别", in its own clause,
    and the figures after it must be as many); the first of several (:func:`respective_sets`)."""
    found = respective_sets(norm)
    return found[0] if found else None


def respective_sets(norm: str) -> list[list[tuple[str, re.Match[str]]]]:
    """Every "A、B分别X、Y" of a sentence, in order: each 分别 pairs the items of its own clause
    with the figures after it, up to the clause of the next 分别 ("…、一般公共预算收入分别增长
    7.5%、…、15.1%,农村常住居民人均可支配收入分别增长5.6%…")."""
    ats = [m.start() for m in re.finditer("分别", norm)]
    out: list[list[tuple[str, re.Match[str]]]] = []
    for i, at in enumerate(ats):
        stop = len(norm)
        if i + 1 < len(ats):
            stop = max(norm.rfind(c, at, ats[i + 1]) for c in ",;") + 1 or ats[i + 1]
        # "A、B、C三项增速分别为…,总量分别为…": a 分别 naming no items of its own pairs
        # those of the one before
        before = [item for item, _ in out[-1]] if out else []
        pairs = _paired(norm, at, stop, before)
        if pairs is not None:
            out.append(pairs)
    return out


# Figures standing side by side, joined by a conjunction alone ("实际增长8.4%和11.4%").
_JOINED = re.compile(r"\s*(?:和|与|及|、)\s*")


def joined_sets(norm: str) -> list[list[tuple[str, re.Match[str]]]]:
    """Every "A和B…X和Y" of a sentence without 分别 ("城镇居民人均可支配收入和农村居民人均纯收入
    实际增长8.4%和11.4%"): the items of the clause before a run of figures joined by 和/与/、
    alone, paired in order with them, when as many."""
    values = [m for m in numbers_in(norm) if not is_rank(m)]
    out, i = [], 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and _JOINED.fullmatch(
            norm, values[j].end(), values[j + 1].start()
        ):
            j += 1
        at = values[i].start()
        clause = max(norm.rfind(c, 0, at) for c in ",;:。!?")
        if j > i and "分别" not in norm[clause + 1 : at]:
            stop = next(
                (k for k in range(values[j].end(), len(norm)) if norm[k] in ",;。"), len(norm)
            )
            pairs = _paired(norm, at - 1, stop)  # (figures strictly after the clause's end)
            if pairs is not None:
                out.append(pairs)
        i = j + 1
    return out


# The clause before a sentence's last, across a comma ("…应届博士、硕士,连续3年每年").
_CLAUSE_BEFORE = re.compile(r"([^,;:。!?]*),[^,;:。!?]*$")


def _paired(
    norm: str, at: int, stop: int, earlier: Sequence[str] = ()
) -> list[tuple[str, re.Match[str]]] | None:
    """The items of the clause ending at ``at`` ("分别") with the figures in ``norm[at:stop]``;
    ``earlier``: the items of the sentence's 分别 before, paired when this clause and the one
    before it name none."""
    # "各省(区、市)推荐的A和B分别…": a parenthesis lists no items.
    named = re.sub(r"\([^()]*\)", "", norm[:at])
    # "…增长6%左右,其中,一产、二产、三产增加值分别…": the items are of their own clause;
    # of the clause before when their own names none ("…新引进的应届博士、硕士,连续3年每年
    # 分别给予5000元、3000元")
    items = _items(re.split(r"[,;:。!?]", named)[-1])
    before = _CLAUSE_BEFORE.search(named) if len(items) < 2 else None
    if before is not None:
        items = _items(before.group(1))
    if len(items) < 2 and earlier:
        items = list(earlier)
    values = [m for m in numbers_in(norm) if at < m.start() < stop and not is_rank(m)]
    if values:  # the figures run together after 分别, to their clause's end ("…、18%,森林…")
        cut = re.search(r"[,;。]", norm[values[0].end() : stop])
        values = [m for m in values if not cut or m.start() < values[0].end() + cut.start()]
    if len(items) == 1 and (split := town_and_country(items[0])) and len(values) == 2:
        # "城乡居民人均可支配收入分别增长4.2%、6%": the town's and the country's
        items = list(split)
    n = len(items)
    # "分别从771家、481家增加到1076家、636家": the figures reached, after 到
    if (
        n >= 2
        and len(values) == 2 * n
        and _REACHED.search(norm[values[n - 1].end() : values[n].start()])
    ):
        values = values[n:]
    if n < 2 or n != len(values):
        return None
    # "一产、二产、三产增加值": the words after the last item are every item's, not its own
    longest = max(len(x) for x in items[:-1])
    if len(items[-1]) >= longest + 2:
        items[-1] = items[-1][:longest]
    return list(zip(items, values, strict=True))


def _items(clause: str) -> list[str]:
    """The items a clause names, set apart by 、 or a join."""
    return [x for x in re.split(r"、|和|及|与", clause) if x.strip()]


def item_shared(words: str, item: str) -> int:
    """How many two-character pieces of ``words`` an item holds (:func:`shared_pieces`);
    城市 asks for the town's item 城乡 is read as (城镇…), unless 城镇 is asked too."""
    if item.startswith("城镇") and "城镇" not in words:
        words = words.replace("城市", "城镇")
    return shared_pieces(words, item)


def respective_figure(sig: Signals, norm: str, focus: str = "") -> tuple[int, int] | None:
    """In "A、B、C分别达到X、Y、Z", the figure of the item asked about.

    The item naming most of the question's words picks its figure. A part of a
    question asking each item in turn ("国家级、省级平台各新增多少") gives its
    own words as ``focus``: the one item sharing most two-character pieces with
    them is its item ("国家、省级平台分别新增7家、23家": 国家 for 国家级).
    """
    pairs = respective_items(norm)
    if pairs is None:
        return None
    items = [x for x, _ in pairs]
    best = _unique_best([float(item_shared(focus, x)) for x in items])
    if best is None:
        weights = [sum(t.weight for t in sig.terms if t.named_in(canon(x))) for x in items]
        best = _unique_best(weights)
    if best is None:
        return None
    m = pairs[best][1]
    return m.start(), m.end()


def _unique_best(scores: list[float]) -> int | None:
    """The index of the one highest positive score, or None (none positive, or a tie)."""
    top = max(scores, default=0)
    if top <= 0 or scores.count(top) > 1:
        return None
    return scores.index(top)


_APPROX = re.compile(BOUND_WORDS)


# "连续多少个榨季": what the question counts, right after its asking word and measure word.
_COUNTED = re.compile(r"(?:多少|几)[个家项名件次批座条张所]?([\u4e00-\u9fff]{2})")


_OR = re.compile(r"或者?")
_UNIT_NOTE = re.compile(r"\([\u4e00-\u9fff]{1,2}\)")


def qualified(norm: str, span: tuple[int, int], question_norm: str = "") -> tuple[int, int]:
    """A figure's span with the words after it that belong to it: the noun the question
    counts ("33个" + "榨季" for 多少个榨季), the word bounding it ("150家以上",
    "1.4万亿斤左右") and the same bound in another measure ("240小时或1000公里"); still
    at most :data:`MAX_SPAN` long (offsets into ``norm``)."""
    s, e = span
    counted = _COUNTED.search(question_norm)
    if counted is not None:
        noun = counted.group(1)
        e += len(noun) if norm.startswith(noun, e) else 0
    note = _UNIT_NOTE.match(norm, e)  # "60万套(间)": the unit's other name goes with it
    e = note.end() if note is not None else e
    m = _APPROX.match(norm, e)
    e = m.end() if m is not None else e
    # "不少于240小时或1000公里": a threshold set in two measures is one answer
    alternative = _OR.match(norm, e)
    figure = NUMBER.match(norm, alternative.end()) if alternative else None
    if figure is not None and figure.group(2):
        e = figure.end()
    return max(s, e - MAX_SPAN), e


# "…降到多少": the figure a change reaches is asked, not the one it starts from.
TO_ASKED = re.compile(r"(?:降|减|提|升|增加|调)[低高少]?(?:到|至)了?多少")
_REACHES = re.compile(r"[^,;。\d]{0,8}?(?:降|减|提|升|增加|调)[低高少]?(?:到|至)(?=\d)")


def reached_at(norm: str, end: int) -> int:
    """Where the figure starts that a change reaches right after a figure ending at ``end``
    ("现行16%的税率降至13%": 13%'s offset after 16%), or -1."""
    to = _REACHES.match(norm, end)
    return to.end() if to else -1


def short_span(query: Query, sig: Signals, cand: Candidate) -> tuple[int, int]:
    """Offsets (in the original text) of the minimal span that answers.

    The clause, without leading connectives; if it is longer than
    :data:`MAX_SPAN`, the window of at most that size ending after the
    quantity asked for (or, without one, the part naming the most terms); a question
    asking what a change reached ("…税率降到多少") gets the figure it reached ("现行16%的
    税率降至13%": 13%).
    """
    start, end = _short_span(query, sig, cand)
    c = cand.clause
    at = reached_at(c.norm, end - c.start) if TO_ASKED.search(query.norm) else -1
    reached = next((m for m in numbers_in(c.norm) if m.start() == at), None)
    return (c.start + reached.start(), c.start + reached.end()) if reached else (start, end)


def _short_span(query: Query, sig: Signals, cand: Candidate) -> tuple[int, int]:
    c = cand.clause
    norm = c.norm
    # "A、B分别达到X、Y" pairs items and figures (before the facts table's choice among
    # them, which reads every figure with the whole list); "A 5家、B 3家" lists them.
    focus = own_words(query.segment) if query.segment else ""
    item = respective_figure(sig, norm, focus) if policy(query.intent).figure else None
    if item is None and cand.fact_span is not None:
        return cand.fact_span
    lead = LEADING.match(norm)
    s = lead.end() if lead and lead.end() < len(norm) else 0
    e = len(norm)
    item = item or _enumerated_figure(query, sig, norm)
    if item is not None:
        return c.start + item[0], c.start + item[1]
    if e - s <= MAX_SPAN:
        return c.start + s, c.start + e
    nums = [m for m in figures_for(sig.unit, norm) if unit_matches(sig.unit, m)] or numbers_in(norm)
    if nums and policy(query.intent).figure:
        best = max(
            nums,
            key=lambda m: (
                _dated_as_asked(query, norm, nums, m),
                sum(
                    t.weight
                    for t in sig.terms
                    if t.text in canon(norm[max(0, m.start() - MAX_SPAN) : m.end()])
                ),
            ),
        )
        end = best.end()
        start = max(s, end - MAX_SPAN)
        while start < end and norm[start] in _SEPARATORS:  # (a window opening on "、杨兵…")
            start += 1
        return c.start + start, c.start + end
    quote = re.search(r"[“\"]([^”\"]{2,38})[”\"]", norm)
    if quote:
        return c.start + quote.start(), c.start + min(len(norm), quote.start() + MAX_SPAN)
    # Keep the densest window of question terms.
    best_start, best_w = s, -1.0
    for start in range(s, e - MAX_SPAN + 1, 4):
        w = sum(t.weight for t in sig.terms if t.text in canon(norm[start : start + MAX_SPAN]))
        if w > best_w:
            best_start, best_w = start, w
    return c.start + best_start, c.start + best_start + MAX_SPAN


def _dated_as_asked(query: Query, norm: str, nums: list[re.Match[str]], m: re.Match[str]) -> bool:
    """Whether the year written between the figure before ``m`` and ``m`` is one asked
    ("由1980年的191元增加到1985年的255元": 255元 for 1985)."""
    before = max((n.end() for n in nums if n.end() <= m.start()), default=0)
    years = _YEAR.findall(norm, before, m.start())
    return bool(years) and int(years[-1]) in query.years


_YEAR = re.compile(r"((?:19|20)\d{2})年")
_SEPARATORS = "、,;:"


def extend_span(
    sig: Signals, cand: Candidate, span: tuple[int, int], clauses: list[Clause]
) -> tuple[int, int]:
    """Join the following clauses of a sentence that state further figures of the same target.

    "争取大赛落地项目5个以上,落地率达60%以上" answers "落地目标是什么" in
    full only with both clauses; only used when the question asks for a
    wording, not one figure ("目标是什么", not "多少家").
    """
    if sig.unit or sig.wants_quantity:
        return span
    start, end = span
    after = [
        c for c in clauses if c.sent_start == cand.clause.sent_start and c.start >= cand.clause.end
    ]
    for c in after[:2]:
        if c.end - start > MAX_SPAN or not numbers_in(c.norm) or len(c.norm) > 20:
            break
        end = c.end
    return start, end


_LEAD = re.compile(r"[、,;和及与并且其中同时]+")
_TAIL = re.compile(r"以上|左右|以内|以下|之多")


def item_span(facts: list[Fact], fact: Fact, norm: str, clause_start: int) -> tuple[int, int]:
    """The words of one figure among several of a clause: from the figure before
    it (or the clause start) to its value, with "以上/左右" kept."""
    before = [_after(norm, f, counted=True) for f in facts if f.value_end <= fact.value_start]
    start = max([clause_start, fact.start, *before])
    lead = _LEAD.match(norm, start, fact.value_start)
    start = lead.end() if lead else start
    end = _after(norm, fact, counted=True)
    return max(start, end - MAX_SPAN), end


def _after(norm: str, fact: Fact, *, counted: bool = False) -> int:
    """Where a figure's words end: its value, with "以上/左右" after it (``counted``: and
    the noun it counts when that follows it, "5个方面20个信息化标准")."""
    tail = _TAIL.match(norm, fact.value_end)
    end = tail.end() if tail else fact.value_end
    noun = _noun_end(norm, end, fact.metric) if counted and fact.metric else None
    return end if noun is None else noun


_QUOTES = '"“”'


def _noun_end(norm: str, at: int, noun: str) -> int | None:
    """Where ``noun`` (a facts row's metric, written without quotes) ends when the text
    writes it right at ``at`` (after a unit's note, its quotes kept: "2000场“智慧助老”课堂",
    "20000场(次)志愿驻点服务"), else None."""
    note = _UNIT_NOTE.match(norm, at)
    i, j = (note.end() if note else at), 0
    while j < len(noun) and i < len(norm):
        if norm[i] == noun[j]:
            i, j = i + 1, j + 1
        elif norm[i] in _QUOTES:
            i += 1
        else:
            return None
    if j < len(noun):
        return None
    opened = sum(norm[k] in _QUOTES for k in range(at, i)) % 2  # (its closing mark, too)
    return i + 1 if opened and i < len(norm) and norm[i] in _QUOTES else i
