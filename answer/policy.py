"""One table of what each intent wants from an answer, and every answer weight.

Adding a question type is one :class:`Intent` member, one row of
:data:`POLICIES` and, when it needs one, one span function in
:data:`answer.pipeline.SPANS` or one route function in :data:`answer.pipeline.ROUTES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retrieval.intent import Intent
from retrieval.search import NAMED_EDITIONS


class Route(StrEnum):
    """How a question is answered as a whole."""

    SINGLE = "single"  # one clause (or one enumeration) answers
    PARTS = "parts"  # one sub-question per region, year or metric, each labelled
    DOCUMENTS = "documents"  # every document that states it
    TABLE = "table"  # every figure of the indicator table the question selects, a row each


class Span(StrEnum):
    """Which span function cuts the short answer out of the chosen clause."""

    FIGURE = "figure"  # the quantity asked, with the clauses that continue a target
    NAME = "name"  # a date, or the name after a verb of the question
    ITEMS = "items"  # a whole enumeration, item by item
    CLAUSE = "clause"  # the clause, trimmed to at most MAX_SPAN


@dataclass(frozen=True)
class IntentPolicy:
    """What one intent wants.

    Attributes:
        route: how the question is answered as a whole.
        span: how the short answer is cut.
        figure: the answer is a quantity (clauses with the expected unit score higher).
        kind_aware: actual-vs-plan sections matter (targets from plans, results from reviews).
        min_cov: share of the question's words the answering sentence and heading must hold.
        enumeration_bonus: per "、"/"和" in a clause (an enumeration is what a list wants).
    """

    route: Route
    span: Span
    figure: bool = False
    kind_aware: bool = False
    min_cov: float = 0.6
    enumeration_bonus: float = 0.0


POLICIES: dict[Intent, IntentPolicy] = {
    Intent.NUMBER: IntentPolicy(Route.SINGLE, Span.FIGURE, figure=True, kind_aware=True),
    Intent.TARGET: IntentPolicy(Route.SINGLE, Span.FIGURE, figure=True, kind_aware=True),
    Intent.COMPARE: IntentPolicy(Route.PARTS, Span.FIGURE, figure=True, kind_aware=True),
    Intent.ENTITY: IntentPolicy(Route.SINGLE, Span.NAME),
    Intent.LIST: IntentPolicy(Route.SINGLE, Span.ITEMS, enumeration_bonus=0.25),
    Intent.WHICH_DOC: IntentPolicy(Route.DOCUMENTS, Span.CLAUSE, min_cov=0.7),
    Intent.TABLE: IntentPolicy(Route.TABLE, Span.CLAUSE),  # rows of the indicator table
}


def policy(intent: Intent) -> IntentPolicy:
    """The policy row of an intent."""
    return POLICIES[intent]


@dataclass(frozen=True)
class ClauseWeights:
    """Weights of :func:`answer.extract.score_clauses` (chosen on dev and team_samples)."""

    clause_cov: float = 1.5  # question words in the clause itself
    local_cov: float = 0.6  # ... in the clause with the one before (a bare figure borrows)
    context_cov: float = 1.0  # ... in the sentence with its section heading
    unit_hit: float = 0.6  # a quantity with the expected unit
    other_number: float = 0.1  # a quantity of another unit
    no_number_quantity: float = -0.8  # no quantity, when a figure is asked ("多少")
    no_number_target: float = -0.6  # no quantity, for a target asked in words
    no_number: float = -0.3  # no quantity, otherwise
    stated_numbers: float = 0.8  # the question's own figures, stated whole (either sign)
    year: float = 0.5  # per unit of year agreement (+1 / -1)
    region_match: float = 0.4
    region_mismatch: float = 1.0  # multiplies the (negative) region signal
    plan_for_target: float = 0.3
    actual_for_target: float = -0.4
    target_clause: float = 0.15  # a target word in the clause, for a target question
    actual_for_result: float = 0.2
    plan_for_result: float = -0.4
    level: float = 0.5  # 国家级/省级/市级/区级 agreement (+1 / -1)
    round_mark: float = -0.3  # "突破1000亿元" when the exact figure follows ("达1112亿元")
    rank: float = 0.25  # divided by the passage's retrieval rank
    enumeration_cap: int = 3  # separators counted for the enumeration bonus
    subject_clauses: int = 3  # clauses a bare figure looks back over for what it counts
    title_pieces: float = 0.6  # share of a 《title》's pieces an untitled document's topic holds
    # characters of an untitled document's opening that may write its title's subject
    # ("为…,加快内河船舶绿色智能发展,根据…" for 《关于加快内河船舶绿色智能发展的意见》)
    title_opening: int = 400
    # share of its weight a question's word keeps when no document uses it: as likely
    # colloquial, or a cut across words ("那会儿", "类能" of "服务类能按"), as a name
    unseen: float = 0.5


@dataclass(frozen=True)
class ListWeights:
    """How an enumeration is scored against a list question."""

    own: float = 1.2  # the owning heading / intro / count phrase names what is asked
    path: float = 0.5  # the whole heading path does
    items: float = 0.6  # the items themselves do
    count: float = 0.8  # the question's count phrase ("三张清单") is the list's own
    intro_chars: int = 300  # how far before its first sub-heading a section names them
    count_by_head: float = 0.9  # ... its noun named by the heading, not by every item
    noun: float = 0.8  # what is asked ("哪些产业链") is named by every item or the heading
    near: float = 0.4  # a retrieved clause lies inside the enumeration
    heading: float = 0.5  # the question writes the list's own heading ("供应链管理…有哪几个")
    quoted: float = 0.5  # its own words write a phrase the question quotes ("“十大工程”")
    parts: float = 1.2  # the question names only its document: the document's own parts
    # its lead excludes (不得申报) as the question asks what is excluded (不能申报), or neither
    polarity: float = 0.6
    min_cov: float = 0.6  # share of the question's terms the list must name somewhere
    min_own: float = 0.25  # and its heading, intro or count must name at least this share
    docs: int = 6  # documents of the best clauses looked at
    # A list under one item of another list ("(一)…行动" → its 1. 2. 3.) is the answer only
    # when the question names that item; otherwise the outer list, scored this close, is.
    nest_margin: float = 0.15
    counted_alone: int = 6  # a list of this many items names itself by the count asked alone
    # the longest line above a document's first heading saying whom it is addressed to, which
    # describes it with its title
    head_line: int = 30
    counted_share: float = 0.8  # share of the items a question counts a list must hold
    points: int = 3  # clauses after a sentence's lead clause that make them its points


@dataclass(frozen=True)
class WhichDocThresholds:
    """When a document counts as stating what a which-document question quotes."""

    value_cov: float = 0.5  # share of the question's words in the sentence and heading
    value_item: float = 0.7  # ... in the 、-item stating the value
    value_local: float = 0.5  # ... in a bare figure's clause with the one before
    value_sentence: float = 0.9  # ... in the stating sentence alone: the question quotes it
    phrase_context: float = 0.7
    # …when the clause writes every name the question quotes ("“双师型”师资或者教师队伍"):
    # the quoted name is the phrase, the words around it describe it
    quoted_context: float = 0.4
    phrase_clause: float = 0.6
    phrase_sentence: float = 0.75  # ... or in its sentence and heading
    # a document whose best stating clause holds this much less of the phrase than another
    # document's states only part of it ("…智能网联汽车云控平台" beside one writing the
    # whole "国家智能汽车大数据云控基础平台")
    phrase_behind: float = 0.3
    # the words a stating sentence must write: those held by at most this many times the
    # passages holding the question's rarest word
    rare_spread: float = 1.0
    # share of one clause's words a clause holds when a document states a phrase of several
    # clauses in sentences apart (answer.phrase_parts)
    part_clause: float = 0.8
    # characters a place asked must share with the sentence beyond its own for the place
    # to be part of the stated phrase ("广西百强高新技术企业"), not the question's scope
    place_phrase: int = 4
    value_facts: int = 40  # figures of the asked value looked at, best metric match first
    verbatim_hits: int = 60  # passages naming the asked value or phrase added to the hits
    verbatim_name: int = 3  # shortest phrase of the question looked for word for word (利改税)
    point_above: int = 300  # characters above a sentence its point's quoted name is read in
    # a run of the question this long that one document's sentence writes word for word is a
    # name ("重庆脑与智能科学中心建成投用"): for one document asked, those writing a run at
    # most ``verbatim_behind`` shorter are kept, not one sharing a few of its words
    verbatim_run: int = 8
    verbatim_behind: int = 2


@dataclass(frozen=True)
class FrameWeights:
    """How a figure of the facts table is preferred within and across clauses."""

    metric: float = 1.0  # share of the question's words its own metric names exactly
    partial: float = 0.3  # ... counting sub-words at their partial credit
    specific: float = 0.05  # share of the question's characters its metric names: breaks ties
    actual: float = 0.3  # an actual (+) rather than a target (-), when neither is asked
    measure: float = 0.3  # the kind of quantity asked (新增 / 总数 / 增长 / 占比)
    clause: float = 0.5  # multiplies the best figure's score into its clause's
    rank_metric: float = 0.01  # a rank whose own metric names none of the question is of another
    named_metric: float = 0.3  # a figure whose metric names this much speaks for its clause
    split: float = 0.5  # a figure writing a word inside a phrase of the question (预算内水利投资)
    counted: float = 0.4  # a figure whose metric names what the question counts (its last noun)
    # a figure followed by what the question says it does (多少户完成 / 130户完成): outweighs
    # its base, which names every word asked ("140户拟改制工业企业有130户完成改制")
    done: float = 1.5


@dataclass(frozen=True)
class EntityConfig:
    """How a name is read off a sentence aligned with the question (answer.entity)."""

    min_block: int = 2  # shortest run of characters the question and sentence share that counts
    min_name: int = 2  # shortest name
    naming_margin: float = 0.3  # a candidate this close to the best may answer if it names
    byline_chars: int = 600  # how far from a report's start its by-line may stand
    title_cov: float = 0.6  # share of the question's words a title holds to name its document
    # share of the question's words a name question's clause holds when it writes the thing
    # the question quotes (the rest may describe it from around the clause)
    quoted_cov: float = 0.4
    label_items: int = 5  # best clauses looked at for an item whose annotation is asked
    label_item_cov: float = 0.5  # ...share of the question's words each must hold
    # A name the sentence inserts into the question's description (answer.insertion):
    inserted_aligned: int = 5  # characters shared around the gap: a description, not a word
    inserted_min: int = 3  # a two-character insertion is a word ("公司", "完成"), seldom a name
    inserted_max: int = 16  # a longer insertion is a clause, not a name
    inserted_side: int = 8  # characters of the description looked for on each side of the gap
    subject_shared: float = 0.5  # share of the description's pairs written after a clause's subject
    subject_echo: float = 0.2  # share of a subject's pairs the question may write (by chance)
    contact_docs: int = 5  # best candidates whose documents' contact blocks are read


@dataclass(frozen=True)
class TableConfig:
    """How a trend or table question is answered (answer/table.py)."""

    max_rows: int = 40  # rows listed; the rest are in the indicator table


@dataclass(frozen=True)
class AnswerConfig:
    """Every weight and threshold of the answer stage, in one place."""

    clause: ClauseWeights = ClauseWeights()
    # A figure's own clause (with the one before) must name this share of the question.
    min_local_cov: float = 0.25
    # A document the question names: its best passages for the question's other words join
    # the retrieved ones (answer.named_doc), when the name fits at most this many documents.
    named_docs: int = 3
    # …and the one document its name describes best is asked first (answer.named_doc.
    # named_scope) when its title and opening hold this share of the name's character
    # pairs, this far ahead of the next fitting document's.
    named_share: float = 0.6
    named_margin: float = 0.2
    named_ties: int = NAMED_EDITIONS  # documents a name may fit equally (two editions of a guide)
    named_hits: int = 8
    # …and, when those words find none of its passages, of those stating a figure in the
    # unit asked ("一共来了多少人": "…代表共400余人参加峰会"), this many (a document named
    # alone, or one of this many)
    named_unit_hits: int = 4
    named_unit_docs: int = 2
    # …and, for a name fitting no one document's title, the untitled documents among the
    # first of the best passages' documents for its words (this many, of that many passages:
    # one document of many such passages crowds out no other) are read for one whose body it
    # describes
    described_docs: int = 10
    described_passages: int = 60
    described_title: float = 0.4  # share of a first segment's pairs a title holds to describe it
    # The best hits' passages run on into the next one of their paragraph (answer.continued).
    continued_hits: int = 3
    # A 分别 sentence answering every part at once (answer.together.respective_results)
    # holds this share of each part's own word pairs: it speaks of what each asks, not only
    # of its item ("中级、基层法院分别达到95%和70%" is no 二级业务专网 share).
    respective_words: float = 0.5
    lists: ListWeights = ListWeights()
    which_doc: WhichDocThresholds = WhichDocThresholds()
    frame: FrameWeights = FrameWeights()
    entity: EntityConfig = EntityConfig()
    table: TableConfig = TableConfig()


CONFIG = AnswerConfig()
