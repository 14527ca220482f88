"""What a question asks for: its content terms, the unit of the number, cues of targets."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from answer.cjk_pattern import CjkPattern
from answer.policy import CONFIG
from answer.quantities import MEASURES_ASKED
from answer.question_text import question_numbers, without_non_words, without_places
from answer.question_words import (
    ASKING,
    EVENT_WORDS,
    FUNCTION_CHARS,
    QUESTION_WORDS,
    SCOPE_WORDS,
    TO_LEVEL,
)
from answer.term_forms import (
    digit_forms,
    first_forms,
    product_alone,
    spelled_out,
    untotalled,
    yearly_forms,
)
from corpus.normalize import bigrams
from corpus.plan_periods import PLAN_NAME
from index.bm25 import BM25
from index.text import canonicalize, pos_tags, related_terms, tokenize_jieba, tokenize_search
from retrieval.query import Query

_TARGET_CUE = re.compile(
    r"力争|目标|预计|计划|确保|争取|达到|突破|不低于|以上|要|将|拟|预期|谋划|推动|实现"
)
# Explicit counters ("几家") decide before the words of a metric ("众创空间", "经费").
_UNIT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "第几次局长办公会": a place in a series, not a ranking
    (re.compile(r"第几(?=次|届|批|期|轮|号|条|款|章|阶段|部分)"), "ordinal"),
    (
        re.compile(
            r"排第几|排多少(?:名|位)|第几(?:位|名)?|(?<!安)排名|名列|排位|位次|位居|居全|列全"
        ),
        "rank",
    ),
    (re.compile(r"几倍|多少倍"), "倍"),  # "是2006年的几倍": a multiple
    (
        re.compile(
            # (not 劳动生产率, an output per worker: "从人均8.7万元提高到12万元";
            # a funding's 资助强度 is money a project: "不超过80万元/项";
            # a 功率 is a power: "功率为七千千瓦")
            r"比重|(?<!资助)强度|增速|增幅|增长率|占比|比例|百分|(?<!生产)(?<!功)率"
            r"|(增长|提升|提高|下降|涨)了?的?(?:预期|计划|预计|年度)?(多少|目标|幅度)"
            r"|(?:增长|下降)(?:预期|预计)"  # "gdp增长预期" (a part borrowing the metric)
            r"|(?:年均|平均)增长|经济增长(?!点|极|新动能)"  # "经济增长目标": a rate
            r"|占[^,;。?]{0,8}?(?:多少|几成)"  # "面积要占画面多少": a share
            # (not an amount cut or added: "投资规模比上年压缩多少", "比上年多了多少")
            r"|比上年(?:同期)?(?!压缩|减少|增加|多|少)"
            r"|几个点|多少个点|百分点"
        ),
        "%",
    ),
    (
        re.compile(
            r"多少(家|个(?!月|工作日|小时)|项|件|所|座|批|场|次|户)"
            r"|几(家|个(?!人|月|工作日|小时)|项|件|所|座|批|场|次|户)"
            r"|企业数|家数|项目数"
        ),
        "count",
    ),
    (re.compile(r"多少岁|几岁|预期寿命|平均寿命"), "age"),
    (re.compile(r"人次"), "人次"),  # attendances, not people: before 人
    (re.compile(r"多少(人|名|位)|几(?:个)?(人|名|位)|人数|人员(总数|数|有多少|多少)"), "人"),
    (re.compile(r"平方米|面积|(?<!众创)空间|万方"), "area"),
    (re.compile(r"美元"), "美元"),  # a foreign currency: no figure in 元 answers it
    # how long a rule holds ("有效期多长", "有效期是几年"), before 多长 of a distance
    (
        # ("有效期内高企": within it, a count of what is valid)
        re.compile(
            r"有效期(?!内)|期限|时限|年限|(?<![近这那前后头])(?:几|多少)年(?![来前内里间级代])"
        ),
        "duration",
    ),
    (re.compile(r"里程(?!碑)|多长(?!时间)|多远|长度|公里|千米"), "length"),
    # a duration asked in one measure is answered in that measure ("几天内" not by "24小时")
    (re.compile(r"几天|多少天|几个?工作日|多少个?工作日|几日"), "days"),
    (re.compile(r"几个月|多少个月"), "months"),
    (re.compile(r"几个?小时|多少个?小时"), "hours"),
    (re.compile(r"多久|多长时间"), "duration"),
    (
        re.compile(
            # "3700亿斤", "1.2亿人", "60亿度": 亿 multiplies a weight, a count or energy
            # there, no money
            r"金额|资金|经费|投入|支出|投资|收入|额|多少钱|的钱|贷款|基金|亿(?![斤吨担人亩户件个头只度千])"
            r"|万元|补助|补贴|扶持|奖励|资助"
            r"|生产总值|gdp|增加值|产值|营收"
        ),
        "money",
    ),
)
# "种了多少袋", "几万吨": a measure asked (before 亿 of "多少亿斤" reads as money).
_MEASURE = re.compile(rf"(?:多少|几)(?:万|亿)?({'|'.join(MEASURES_ASKED)})")
_MODIFIER_MISSING = 0.5
"""Factor on a compound term's partial credit when its rarest sub-word is absent."""
_SPELLED_OUT = 0.9
"""Credit of a term whose shortened head the text writes whole ("在校生": 在校学生)."""


@dataclass(frozen=True)
class Term:
    """A content term of the question.

    Attributes:
        text: the term (canonical form).
        weight: its inverse document frequency in the index.
        related: near-synonyms that count for part of the term.
        pieces: its sub-words, which count for part of a long compound term
            ("全社会研发经费" is partly matched by "研发经费").
    """

    text: str
    weight: float
    related: tuple[str, ...] = ()
    pieces: tuple[str, ...] = ()
    char_weights: tuple[float, ...] = ()
    seen: bool = True
    forms: tuple[str, ...] = ()  # the same words written otherwise ("千亿": "1000亿")
    spelled: CjkPattern | None = None  # written more fully ("在校学生", "技术合同交易登记额")
    # passages holding it (for a compound the index splits, its rarest sub-word's); 0 unseen.
    # The weight is capped; this tells the rarest of several capped words apart.
    passages: int = 0

    def named_in(self, text: str) -> bool:
        """Whether a text writes the term itself, in any of its forms."""
        return self.text in text or any(f in text for f in self.forms)

    def credit(self, text: str) -> float:
        """How much of this term a text contains (1 = all of it).

        A related word earns 0.5. Otherwise the term's characters covered by
        its sub-words present in the text earn up to 0.9, each character
        weighted by the rarity of its sub-word (so "企业" alone says little
        of "雏鹰企业"), less when its head
        (the last sub-word: "强度" of "研发投入强度") is missing; the share
        counts by its square root, so a compound's head ("研发经费" of
        "全社会研发经费") outweighs a merely related word (0.5).
        """
        if self.named_in(text):
            return 1.0
        if self.spelled is not None and self.spelled.search(text):
            return _SPELLED_OUT
        related = 0.5 if any(r in text for r in self.related) else 0.0
        best = related
        if self.pieces:
            covered = [False] * len(self.text)
            head = False
            for piece in self.pieces:
                if piece in text:
                    i = self.text.find(piece)
                    covered[i : i + len(piece)] = [True] * len(piece)
                    head = head or self.text.endswith(piece)
            weights = self.char_weights or (1.0,) * len(self.text)
            got = sum(w for w, c in zip(weights, covered, strict=True) if c)
            share = (got / (sum(weights) or 1.0)) ** 0.5
            piece_credit = share * (0.9 if head else 0.6)
            # The rarest sub-word tells a compound apart ("雏鹰" of "雏鹰企业"): without it,
            # and without a related word, the rest ("企业") names another thing.
            rarest = max(range(len(weights)), key=lambda i: weights[i])
            if not covered[rarest] and not related:
                piece_credit *= _MODIFIER_MISSING
            # A related word and some of the term's own sub-words back each other up, when
            # its first (what it is of) is among them: "财政性教育经费投入占gdp比重" shares
            # 投入 and a share of GDP with 研发投入强度, no 研发.
            backed = related and covered[0]
            best = max(piece_credit, min(0.9, related + 0.5 * piece_credit) if backed else related)
        return best


@dataclass(frozen=True)
class Signals:
    """The question's content terms, required numbers, quoted names and expected unit.

    Attributes:
        quoted: names the question puts in quotes (“科创指数贷”); the answer's
            sentence must contain them.
        wants_quantity: the question asks for a figure (多少, 几, a unit),
            not a wording ("目标是什么").
    """

    terms: tuple[Term, ...]
    numbers: tuple[str, ...]
    unit: str
    quoted: tuple[str, ...] = ()
    wants_quantity: bool = True

    @property
    def total(self) -> float:
        return sum(t.weight for t in self.terms) or 1.0

    def known(self) -> Signals:
        """Only the terms the index uses somewhere.

        A word no document uses ("这块", "里列") is colloquial filler for a
        question matched against headings; an unseen name still decides a
        figure's question, which keeps every term.
        """
        return self.keeping(lambda t: t.seen)

    def keeping(self, keep: Callable[[Term], bool]) -> Signals:
        """Only the terms ``keep`` keeps; all of them when it keeps none (a question is
        never left with no words)."""
        terms = tuple(t for t in self.terms if keep(t))
        return replace(self, terms=terms) if terms else self


def idf(term: str, bm25: BM25) -> float:
    """Inverse document frequency of a term in the index (high for terms absent from it)."""
    n = bm25.n_passages
    col = bm25.vocab.get(term)
    df = int(bm25.doc_freq[col]) if col is not None else 0
    # A word the corpus never uses is as likely colloquial as decisive: cap it.
    return max(0.2, min(4.0, math.log((n + 1) / (df + 0.5))))


def signals(query: Query, bm25: BM25) -> Signals:
    """Extract what the answer must contain from a parsed question."""
    text, places = without_places(query)
    numbers, text = question_numbers(query, text)
    text = without_non_words(query, text)
    unit = expected_unit(query.norm)
    terms = _terms(text, places, unit, query, bm25)
    related = related_terms()
    # A plan period quoted ("“十四五”期间") is the question's time, which the year checks
    # read, not a name the sentence must write.
    quoted = tuple(
        canonicalize(m.group(1))
        for m in re.finditer(r"[\"“《「]([^\"”》」]{2,30})[\"”》」]", query.norm)
        if not PLAN_NAME.fullmatch(m.group(1))
    )
    wants_quantity = bool(unit) or bool(re.search(r"多少|几|多大|多高|数量|数", query.norm))
    built = tuple(
        Term(
            t,
            w if seen else w * CONFIG.clause.unseen,
            related.get(t, ()) + untotalled(t),
            pieces,
            _char_weights(t, pieces, bm25),
            seen,
            digit_forms(t) + yearly_forms(t) + first_forms(t),
            spelled_out(t, pieces),
            _passages(t, pieces, bm25),
        )
        for t, w in terms.items()
        for pieces in (_pieces(t),)
        for seen in (_seen(t, pieces, bm25),)
    )
    return Signals(built, numbers, unit, quoted, wants_quantity)


def _terms(text: str, places: set[str], unit: str, query: Query, bm25: BM25) -> dict[str, float]:
    """The question's content terms (what is left of ``text``) with their weights."""
    terms: dict[str, float] = {}
    # The unit asked with 多少 ("多少万亩") says what the figure is measured in, which many
    # figures share: a weak word of the metric ("粮食播种面积" is not "508万亩永久基本农田").
    asked_units = {m.group(1) for m in _UNIT_ASKED.finditer(query.norm)}
    levels = [m.group(1) for m in TO_LEVEL.finditer(text)]
    to_level = {*levels, *(f"{v}至" for v in levels)}  # (jieba reads "增至" as one word)
    for tok in _joined_singles(text, tokenize_jieba(text)):
        tok = tok.strip()
        # "项目数", "高企数": the count of something; the something is the term.
        if len(tok) >= 3 and tok.endswith("数") and not tok.endswith(("指数", "系数", "倍数")):
            tok = tok[:-1]
        if len(tok) < 2 and not re.match(r"[\u4e00-\u9fff]", tok):
            continue
        tok = re.sub(r"(?<=.)[了过着的是]$", "", tok)
        # "降下来", "搞上去", "建起来": a verb's directional complement is the asker's
        # (the documents write 降低, 提高); the verb alone is no word to find.
        tok = re.sub(r"(?<=.)(?:下来|下去|上来|上去|起来)$", "", tok)
        if len(tok) >= 2 and tok[-1] in "到在给" and tok not in bm25.vocab:
            # "杰青到当地", "先导区到2022年": a preposition glued to the noun before it
            tok = tok[:-1]
        # "要冲到", "各定": a modal or 各 glued to a verb the documents never use, or to a
        # verb of reaching ("要冲到": 要冲 is also a word, 交通要冲).
        # "最多补", "最高奖": a bound asked ("不超过…", "最高…"), not a word to find.
        tok = re.sub(r"^(?:最多|最高|最少|至少|最低)(?=[\u4e00-\u9fff])", "", tok)
        glued = len(tok) >= 2 and tok[0] in "要将拟需能会可想各是来"
        if glued and (tok not in bm25.vocab or re.search(f"{re.escape(tok)}[到至]", text)):
            tok = tok[1:]
        # "申报书要在…", "月报要报给…": a modal glued to the noun before it
        if len(tok) >= 2 and tok[-1] in "要需应" and tok not in bm25.vocab:
            tok = tok[:-1]
        if len(tok) == 1 and not product_alone(tok, text):
            continue
        if tok in QUESTION_WORDS or tok in places or ASKING.match(tok):
            continue
        if all(ch in FUNCTION_CHARS for ch in tok):
            continue  # "是从", "就是": function words only, whatever the index holds
        if tok in SCOPE_WORDS and unit != "rank":
            continue
        # Verbs of events (新增, 入选, 兑现) matter less than the metric's nouns.
        weak = tok in EVENT_WORDS or tok in asked_units or tok in to_level
        terms[tok] = idf(tok, bm25) * (0.5 if weak else 1.0)
    return terms


def _joined_singles(text: str, tokens: list[str]) -> list[str]:
    """Tokens with each run of single Chinese nouns written together in ``text`` joined
    into one word: a term the segmenter does not know ("钒钛产业":
    钒, 钛) is one thing asked, which a sentence of another industry ("电子信息产业实现产值…")
    does not write. ("钢和煤": two things, set apart by 和.)"""
    out: list[str] = []
    run: list[str] = []
    at = end = 0
    for tok in [*tokens, ""]:
        at = text.find(tok, end) if tok else len(text)
        single = len(tok) == 1 and tok not in FUNCTION_CHARS and _noun_char(tok)
        if not (single and run and at == end):
            out += ["".join(run)] if len(run) >= 2 else run
            run = []
        if single:
            run.append(tok)
        elif tok:
            out.append(tok)
        end = at + len(tok) if at >= 0 else end
    return out


@lru_cache(maxsize=4096)
def _noun_char(ch: str) -> bool:
    """Whether a single Chinese character stands as a noun ("钒", "钛"; not "这", "类")."""
    return "\u4e00" <= ch <= "\u9fff" and all(f.startswith("n") for _, f in pos_tags(ch))


_UNIT_ASKED = re.compile(r"多少((?:万亿|亿|万|千)?(?:公里|千瓦|亩|吨|立方米|平方公里|人次|公顷))")


def _seen(term: str, pieces: tuple[str, ...], bm25: BM25) -> bool:
    """Whether the index uses the term, or one of its sub-words."""
    return any(bm25.vocab.get(p) is not None for p in (term, *pieces))


def _passages(term: str, pieces: tuple[str, ...], bm25: BM25) -> int:
    """Passages holding the term, or, for one the index never uses whole, its rarest
    sub-word; 0 when the index uses neither."""
    for words in ((term,), pieces):
        held = [int(bm25.doc_freq[bm25.vocab[w]]) for w in words if w in bm25.vocab]
        if held:
            return min(held)
    return 0


def _char_weights(term: str, pieces: tuple[str, ...], bm25: BM25) -> tuple[float, ...]:
    """Each character's weight: the idf of the shortest sub-word covering it."""
    if not pieces:
        return ()
    weights = []
    for i in range(len(term)):
        covering = [p for p in pieces if term.find(p) <= i < term.find(p) + len(p) and p in term]
        weights.append(idf(min(covering, key=len), bm25) if covering else 1.0)
    return tuple(weights)


# The last character of a word for the amount of a doing ("出口额", "吞吐量"): what it is an
# amount of, its first two, a sentence may write alone ("出口为525亿美元").
_AMOUNT_OF = "额量"


def _pieces(term: str) -> tuple[str, ...]:
    if len(term) == 3 and term[-1] in _AMOUNT_OF:
        return (term[:2],)
    if len(term) < 4:
        return ()
    pieces = [p for p in tokenize_search(term) if p != term and len(p) >= 2]
    return tuple(dict.fromkeys(pieces))


def coverage(sig: Signals, canon_text: str) -> float:
    """Weighted share of the question's terms present in a (canonical) text."""
    if not sig.terms:
        return 1.0
    return sum(t.weight * t.credit(canon_text) for t in sig.terms) / sig.total


def expected_unit(norm_text: str) -> str:
    """The unit a question's wording expects ("多少家" → "count", "比重" → "%"; "" if none)."""
    found = next((u for pat, u in _UNIT_RULES if pat.search(norm_text)), "")
    measure = _MEASURE.search(norm_text) if not found or found == "money" else None
    return measure.group(1) if measure else found


@lru_cache(maxsize=65536)
def canon(norm_text: str) -> str:
    return canonicalize(norm_text)


def shared_pieces(words: str, text: str) -> int:
    """How many two-character pieces of ``words`` the (normalised) ``text`` holds, both
    canonical: how near-equal names and labels are compared ("国家级" and "国家")."""
    return len(bigrams(canon(words)) & bigrams(canon(text)))


# Words that only a target uses ("实现", "达到" and "突破" describe results too).
_STRICT_TARGET_CUE = re.compile(r"力争|目标|预计|计划|确保|争取|要|拟|预期|谋划|将")


def has_target_cue(norm_text: str, *, strict: bool = False) -> bool:
    """Whether a text speaks of a target (``strict``: with a word no result uses)."""
    return bool((_STRICT_TARGET_CUE if strict else _TARGET_CUE).search(norm_text))
