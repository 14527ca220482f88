"""Words of a question that name something other than what its clause must state: a
document it names by title or by a quoted short name, and names it quotes."""

from __future__ import annotations

import re
from functools import lru_cache

from answer.policy import CONFIG, ClauseWeights
from answer.signals import Signals, canon
from answer.topic import topic_of, untitled
from corpus.doc_kinds import DOCUMENT_KINDS
from corpus.model import Document
from corpus.normalize import bigrams, normalize


def holds_quoted(text: str, quoted: tuple[str, ...]) -> bool:
    """Whether a (canonical) text holds every quoted name, spaces and quote marks aside
    ("一个平台+ n 个智能应用" is the name typed "一个平台+n个智能应用"; “111”计划 is
    “111计划”)."""
    flat = _SPACES.sub("", text)
    return all(_SPACES.sub("", name) in flat for name in quoted)


# The thing a figure question counts, after its asking count ("新增了多少家国家级专精特新
# “小巨人”企业") or right before its ask ("“小巨人”企业有多少家").
# (up to its clause's end: a part of a split question writes its shared clause after a space)
_COUNTED_AFTER = re.compile(r"(?:多少|几)[家个项名所件座条位批][^,;:?。\s]*")
_COUNTED_BEFORE = re.compile(
    r"\"[^\"]{1,12}\"[\u4e00-\u9fff]{0,4}?(?:(?:19|20)?\d{2}年)?[是有达到共]{0,2}(?:多少|几)"
)


def counted_quotes(question_norm: str, quoted: tuple[str, ...]) -> tuple[str, ...]:
    """The quoted names inside what a figure question counts: the figure's own metric, which
    the clause stating it (or one before it in its sentence) must write, not a clause beside
    it ("专精特新中小企业新增612家" does not count “小巨人”企业)."""
    found = (_COUNTED_AFTER, _COUNTED_BEFORE)
    spans = [m.group(0) for p in found for m in p.finditer(question_norm)]
    return tuple(n for n in quoted if any(f'"{n}"' in s for s in spans))


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
    if pieces and len(pieces & about) >= w.title_pieces * len(pieces):
        return True
    # …or its opening states the purpose the title names, word for word ("为…,加快内河船舶
    # 绿色智能发展,根据…": 《关于加快内河船舶绿色智能发展的意见》)
    subject = _TITLE_FRAME.sub("", name)
    if len(subject) >= _TITLE_SUBJECT and subject in doc.norm[: w.title_opening]:
        return True
    # …or, untitled, it calls itself by the title's kind ("制定本规划") and writes the
    # name unquoted, as its subject, not a work it cites ("新一代人工智能发展规划是关系全局
    # 和长远的前瞻谋划": 《新一代人工智能发展规划》)
    kind = _TITLE_KIND.search(name)
    return (
        kind is not None
        and untitled(doc)
        and f"本{kind.group(0)}" in doc.norm
        and re.search(_UNCITED + re.escape(name), doc.norm) is not None
    )


_TITLE_KIND = re.compile(rf"(?:{DOCUMENT_KINDS})$")
_UNCITED = r'(?<![《〈«"])'  # no mark a cited work's name opens on, right before


# What frames a title's subject: "关于…的意见", "…的通知", "…实施方案".
_TITLE_FRAME = re.compile(rf"^关于|的?(?:{DOCUMENT_KINDS})$")
_TITLE_SUBJECT = 6  # characters a title's subject has to tell one document from another


def nicknamed_as(question_norm: str, name: str, doc: Document) -> bool:
    """Whether a document the question names by a short quoted name and its kind
    ("“两库”管理办法", "推进“十强”产业和人工智能融合的指导意见") is that one: its own text
    writes the name in quotes and its title or opening the kind (a policy names itself so
    once, its title in full); or by a statement of it quoted, which its text states."""
    m = re.search(rf'"{re.escape(name)}"[\u4e00-\u9fff]{{0,16}}?({DOCUMENT_KINDS})', question_norm)
    if m is None:
        return False
    # …or by a statement of it quoted ("提出“到2019年累计制修订300项以上…标准”的那版…指南"):
    # its text states it, its marks aside
    # (a statement that long tells the document by itself, whatever its title says)
    if len(name) >= STATED and _MARKS.sub("", name) in _unmarked(doc.norm):
        return True
    if f'"{name}"' not in doc.norm:
        return False
    return m.group(1) in f"{normalize(doc.title)} {topic_of(doc)}"


STATED = 10  # characters of a quoted statement naming a document, not a short name
_MARKS = re.compile(r"[\s,;:、\"“”'‘’]+")


@lru_cache(maxsize=64)
def _unmarked(norm: str) -> str:
    """A document's text without its marks (read once for all its candidates)."""
    return _MARKS.sub("", norm)


_SPACES = re.compile(r"[\s\"“”'‘’]+")


def without_name_words(sig: Signals, name: str, question_norm: str = "") -> Signals:
    """The question's words less those of the document name it writes, and less those
    only the clause naming it writes ("2018年工信部、公安部那版《…规范》里": who issued it,
    which edition), which describe the document, not what its sentence states (all of
    them when nothing else is left)."""
    named = canon(name)
    described, rest = _naming_clause(question_norm, name)
    return sig.keeping(
        lambda t: t.text not in named and (t.text in rest or t.text not in described)
    )


# Where a clause of the question ends: the document it names is described within one
# (a space, too: a question split in parts writes each part's words, a space, then the
# clause naming the document).
_CLAUSE_END = re.compile(r"[,;:?!。，；：？！\s]")


def _naming_clause(question_norm: str, name: str) -> tuple[str, str]:
    """The (canonical) clause of the question that names the document, up to the name's
    end, and the rest of the question; ("", "") when the question does not write the name."""
    at = question_norm.find(name) if name else -1
    if at < 0:
        return "", ""
    ends = [m.end() for m in _CLAUSE_END.finditer(question_norm, 0, at)]
    start = ends[-1] if ends else 0
    end = at + len(name)
    return canon(question_norm[start:end]), canon(question_norm[:start] + " " + question_norm[end:])
