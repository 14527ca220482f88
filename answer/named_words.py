"""Words of a question that name something other than what its clause must state: a
document it names by title or by a quoted short name, and names it quotes."""

from __future__ import annotations

import re

from answer.policy import CONFIG, ClauseWeights
from answer.signals import Signals, canon
from answer.topic import topic_of
from corpus.model import Document
from corpus.normalize import bigrams, normalize
from retrieval.naming import DOCUMENT_KINDS


def holds_quoted(text: str, quoted: tuple[str, ...]) -> bool:
    """Whether a (canonical) text holds every quoted name, spaces and quote marks aside
    ("一个平台+ n 个智能应用" is the name typed "一个平台+n个智能应用"; “111”计划 is
    “111计划”)."""
    flat = _SPACES.sub("", text)
    return all(_SPACES.sub("", name) in flat for name in quoted)


def titled_as(
    question_norm: str, name: str, doc: Document, w: ClauseWeights = CONFIG.clause
) -> bool:
    """Whether a document the question names by its title (《智能制造典型场景参考指引》) is
    that one, though its text writes no title line: what it is about (its first sentence)
    holds most of the title's two-character pieces."""
    if f"《{name}》" not in question_norm:
        return False
    pieces = bigrams(name)
    about = bigrams(f"{canon(normalize(doc.title))} {topic_of(doc)}")
    return bool(pieces) and len(pieces & about) >= w.title_pieces * len(pieces)


def nicknamed_as(question_norm: str, name: str, doc: Document) -> bool:
    """Whether a document the question names by a short quoted name and its kind
    ("“两库”管理办法") is that one: its own text writes the name in quotes and its title or
    opening the kind (a policy names itself so once, its title in full)."""
    m = re.search(rf'"{re.escape(name)}"[\u4e00-\u9fff]{{0,6}}?({DOCUMENT_KINDS})', question_norm)
    if m is None or f'"{name}"' not in doc.norm:
        return False
    return m.group(1) in f"{normalize(doc.title)} {topic_of(doc)}"


_SPACES = re.compile(r"[\s\"“”'‘’]+")


def without_name_words(sig: Signals, name: str) -> Signals:
    """The question's words less those of the document name it writes (all of them when
    nothing else is left)."""
    named = canon(name)
    return sig.keeping(lambda t: t.text not in named)
