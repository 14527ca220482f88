"""Labelled values: an item's annotation "(责任单位:市科协)", "(牵头单位:省科技厅;配合单位:…)"
answers a question that names the label ("责任单位是哪个", "牵头单位是谁", "由哪个单位负责")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from answer.extract import MAX_SPAN, Candidate, quotes_all
from answer.policy import CONFIG
from answer.results import Result, quote_of
from answer.signals import Signals, canon, coverage
from retrieval.query import Query

# "(责任单位:市科技局、市发改委)": a label of 2-6 characters, a colon, its value.
_ANNOTATION = re.compile(r"[(]([\u4e00-\u9fff]{2,6})[:]([^()\n]{2,80})[)]")
# …or a label heading its own line ("主要完成单位:甲乙能源有限责任公司" under a case's title)
_LINE_LABEL = re.compile(r"(?m)^[ \t\u3000]*([\u4e00-\u9fff]{2,8})[:]([^:\n]{2,60})$")
_VALUE_END = re.compile(r"[;,。]")
_UNIT_WORDS = re.compile(r"部门|机构")
_REACH = 400  # how far after the answering clause its item's annotation may stand
_LINES = 2  # …and how many line ends (a heading item's annotation ends its paragraph)
_QUOTE_FROM_SENTENCE = 300  # quote from the clause's sentence when the annotation is this near


# Words of a label question that name the label, not the item ("责任单位是哪个部门").
_LABEL_WORDS = re.compile(r"责任|单位|牵头|配合|部门|机构|负责|主管")


def item_signals(sig: Signals) -> Signals:
    """The question's words that name the item whose annotation is asked (its label's
    words left out); all of them when no other is left."""
    return sig.keeping(lambda t: not _LABEL_WORDS.search(t.text))


def asked_label(question_norm: str, label: str) -> bool:
    """Whether a question names a label: the whole label ("牵头单位"), or its noun with
    the verb it stands for ("由哪个单位负责" for 责任单位)."""
    if label in question_norm:
        return True
    noun = label[-2:]
    # Staff say 部门 or 机构 for a 单位 ("这条哪个部门负责").
    said = noun in question_norm or (noun == "单位" and bool(_UNIT_WORDS.search(question_norm)))
    return said and any(ch in question_norm for ch in label[:-2])


def labelled_value(q: Query, cand: Candidate) -> Result | None:
    """The value of the first annotation after the answering clause (in its paragraph) whose
    label the question names; its quote runs from the clause's sentence to the annotation."""
    doc = cand.doc
    start = cand.clause.start
    stop = min(start + _REACH, len(doc.norm))
    lines = [i for i, ch in enumerate(doc.norm[start:stop], start) if ch == "\n"]
    stop = lines[_LINES] if len(lines) > _LINES else stop
    found = [
        *_ANNOTATION.finditer(doc.norm, start, stop),
        *_LINE_LABEL.finditer(doc.norm, start, stop),
    ]
    for m in sorted(found, key=lambda m: m.start()):
        label, value = m.group(1), m.group(2)
        if not asked_label(q.norm, label):
            continue
        cut = _VALUE_END.search(value)
        span = (m.start(2), m.start(2) + (cut.start() if cut else len(value)))
        if span[1] - span[0] > MAX_SPAN:
            return None
        near = m.end() - cand.clause.sent_start <= _QUOTE_FROM_SENTENCE
        quote_start = cand.clause.sent_start if near else m.start()
        path = doc.path_at(span[0]) or cand.passage.section
        return Result(
            True, doc.text[span[0] : span[1]], quote_of(doc, path, quote_start, m.end(), span), None
        )
    return None


def item_label_result(
    q: Query, sig: Signals, best: Candidate | None, cands: Sequence[Candidate]
) -> Result | None:
    """The label after the item asked ("(责任单位:市科协)"): of the best fitting clause, or
    of the one naming what the question quotes ("“加快建设高水平大学”这条,责任单位有哪些"),
    or, when neither is, of the item whose words the question writes among the best few
    ("…加强知识产权保护这一条的责任单位"), though it names none of the label's."""
    item = best or next((c for c in cands if quotes_all(sig, c)), None)
    if item is not None:
        return labelled_value(q, item)
    cfg, words = CONFIG.entity, item_signals(sig)
    near = [c for c in cands if coverage(words, canon(c.clause.norm)) >= cfg.label_item_cov]
    return next((r for c in near[: cfg.label_items] if (r := labelled_value(q, c))), None)
