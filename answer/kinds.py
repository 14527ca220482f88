"""Another kind of the thing asked.

A question asks "新型研发机构"; a sentence states a figure of "企业研发机构": a word of the
domain built on the same head with another modifier. Term coverage credits the shared
head, so the sentence looks like an answer; it is a near miss (shown as related
evidence), never the answer. Likewise "专精特新小巨人" for 科技小巨人企业, "技术合同登记额"
for 技术合同成交额.
"""

from __future__ import annotations

from answer.signals import Signals, Term, canon
from index.text import tokenize_jieba

_MIN_WORD = 4  # shorter words are no compound names of a kind
_MIN_SHARED = 3  # a shared piece this long (or the term's head) names the same thing


def other_kind(sig: Signals, sent_norm: str) -> str:
    """A word of the (normalised) sentence naming another kind of a term the question
    asks and the sentence does not write, or "" when there is none."""
    text = canon(sent_norm)
    missing = [t for t in sig.terms if t.pieces and t.text not in text]
    if not missing:
        return ""
    words = {canon(w) for w in tokenize_jieba(sent_norm) if len(w) >= _MIN_WORD}
    for term in missing:
        for word in words:
            if _another_kind(term, word):
                return word
    return ""


def _another_kind(term: Term, word: str) -> bool:
    """Whether ``word`` shares the term's head (or a long piece) but is neither a part of
    it, a word related to it, nor a longer name writing all its characters in order
    ("规模以上工业企业" for 规模以上企业, "科学技术进步奖" for 科技进步)."""
    if word in term.text or any(r in word for r in term.related) or _in_order(term.text, word):
        return False
    shared = [p for p in term.pieces if p in word]
    return any(term.text.endswith(p) or len(p) >= _MIN_SHARED for p in shared)


def _in_order(chars: str, word: str) -> bool:
    """Whether ``word`` holds every character of ``chars``, in their order."""
    rest = iter(word)
    return all(ch in rest for ch in chars)
