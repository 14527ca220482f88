"""Text for the indexes: canonical terms and tokenizers.

Abbreviations and synonyms (高企 = 高新技术企业, R&D = 研发 …) are folded to
one canonical form in documents and queries alike, so BM25 and the dense
model see the same words whichever form staff type. Tokenizers are small
pure functions picked by name.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from corpus import lexicon
from corpus.cachedir import usable_cache_root
from corpus.normalize import normalize

_jieba_lock = threading.Lock()
_jieba_ready = False


def _jieba() -> Any:
    """jieba, initialised once: quiet, cache in a writable folder, user dictionary loaded."""
    global _jieba_ready
    import jieba

    with _jieba_lock:
        if not _jieba_ready:
            jieba.setLogLevel(logging.WARNING)
            root = usable_cache_root("jieba dictionary")
            jieba.dt.tmp_dir = str(lexicon.jieba_cache_dir(root))
            lexicon.load_dictionary(jieba.dt, root, user_words(), _USER_FREQ)
            _jieba_ready = True
    return jieba


def warm_words() -> None:
    """Read the tokenizer's dictionary whole now (:func:`corpus.lexicon.read_whole`), and
    load the part-of-speech tagger's word tags (~0.45 s, else the first question tagging
    words pays it)."""
    lexicon.read_whole(_jieba().dt)
    import jieba.posseg  # noqa: F401  (its import reads the tags)


_USER_FREQ = 50000  # the count each domain word gets (high: kept whole)


def _data(name: str) -> str:
    return resources.files("index").joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def user_words() -> tuple[str, ...]:
    """Domain words kept whole by jieba (policy terms, places, synonyms' canonical forms)."""
    words = []
    for line in _data("policy_terms.txt").splitlines():
        parts = line.split()
        if parts and len(parts[0]) >= 2:
            words.append(normalize(parts[0]))
    for canonical, variants in synonym_groups():
        words.extend([canonical, *variants])
    return tuple(dict.fromkeys(w for w in words if len(w) >= 2 and not w.isascii()))


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical, variants) rows of synonyms.tsv; "~" and "^" rows (near-synonyms, kinds)
    excluded."""
    groups = []
    for line in _data("synonyms.tsv").splitlines()[1:]:
        if "\t" not in line or line.startswith(("~", "^")):
            continue
        canonical, variants = line.split("\t", 1)
        canon = normalize(canonical.strip())
        vs = tuple(
            v for v in (normalize(x.strip()) for x in variants.split("|")) if v and v != canon
        )
        if canon and vs:
            groups.append((canon, vs))
    return tuple(groups)


@lru_cache(maxsize=1)
def related_terms() -> dict[str, tuple[str, ...]]:
    """Near-synonyms ("~" rows): each word → the other words of its rows; and kinds of a
    thing ("^" rows: "^增加值" then 工业增加值|高新技术产业增加值…): the thing → each kind,
    but a kind → nothing (高新技术产业增加值 is no 工业增加值, and a sentence naming 增加值 names
    no kind asked).

    These are not folded into one form (新增 ≠ 新认定), but a question's
    word is partly satisfied by a related one.
    """
    related: dict[str, list[str]] = {}
    for line in _data("synonyms.tsv").splitlines()[1:]:
        if not line.startswith(("~", "^")) or "\t" not in line:
            continue
        head, variants = line[1:].split("\t", 1)
        group = [
            canonicalize(normalize(w.strip())) for w in [head, *variants.split("|")] if w.strip()
        ]
        kinds = line.startswith("^")
        for w in group[:1] if kinds else group:
            related.setdefault(w, []).extend(x for x in group if x != w)
    return {w: tuple(dict.fromkeys(v)) for w, v in related.items()}


@lru_cache(maxsize=1)
def _variant_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    for canonical, variants in synonym_groups():
        for v in variants:
            # A variant contained in its canonical form ("研发" in "研发投入") must
            # not be rewritten there; longest-first alternation takes care of it
            # only when the canonical is also in the pattern. Matched as canonicalize
            # sees text: one-character brackets gone (引进国(境)外智力).
            mapping.setdefault(_ONE_BRACKETED.sub(r"\1", v), canonical)
        mapping.setdefault(canonical, canonical)
    return re.compile(longest_first(mapping)), mapping


def longest_first(words: Iterable[str]) -> str:
    """A pattern matching the longest of ``words`` that starts at a place, as the
    alternation of them all sorted longest first does, written as their trie ("研发(?:投入
    |经费)?"): the regex engine tries a place's few continuations, not every word (a third
    of the time)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(trie)


def _branches(node: dict[str, Any]) -> str:
    kids = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not kids:
        return ""
    body = kids[0] if len(kids) == 1 else f"(?:{'|'.join(kids)})"
    # a word ending here is matched only when no longer one goes on (greedy ?)
    return f"(?:{body})?" if "" in node else body


def canonicalize(norm_text: str) -> str:
    """Replace abbreviations and synonyms by their canonical form (longest match first).

    Args:
        norm_text: text already in matching form (:func:`corpus.normalize.normalize`).
    """
    pattern, mapping = _variant_pattern()
    # Quotes split names apart ("尖兵""领雁"研发攻关计划): matching ignores them.
    # So do one-character brackets inside a word: 首批(次) is 首批次, 首台(套) 首台套,
    # and the 的 before a share (占gdp的比重).
    unquoted = _QUOTES.sub("", norm_text)
    bare = _OF_SHARE.sub("", _ONE_BRACKETED.sub(r"\1", unquoted))
    bare = _AS_SHARE.sub(_as_share, bare)
    # where quoted names stand in ``bare`` (offsets hold when no bracket was taken out)
    quoted = _quoted_spans(norm_text) if unquoted != norm_text and bare == unquoted else []
    replaced: list[tuple[int, int]] = []  # where pass one wrote a canonical form
    pieces: list[str] = []
    at = length = 0
    for m in pattern.finditer(bare):
        # A short form starting inside a quoted name and running out of it is no word:
        # "“三高”企业" holds no 高企.
        if any(a < m.start() < b < m.end() for a, b in quoted):
            continue
        canonical = mapping[m.group(0)]
        length += m.start() - at
        pieces += [bare[at : m.start()], canonical]
        replaced.append((length, length + len(canonical)))
        length += len(canonical)
        at = m.end()
    text = "".join(pieces) + bare[at:]

    # A second pass joins a canonical term with what follows it
    # ("全社会研发经费" + "占gdp比重" is 研发投入强度).
    def joined(m: re.Match[str]) -> str:
        touches = any(s < m.end() and m.start() < e for s, e in replaced)
        return mapping[m.group(0)] if touches else m.group(0)

    return pattern.sub(joined, text)


_QUOTES = re.compile(r"[\"'“”‘’《》「」『』]")
_QUOTED = re.compile(r"“([^“”\n]{1,20})”|\"([^\"\n]{1,20})\"")


def _quoted_spans(norm_text: str) -> list[tuple[int, int]]:
    """Where each quoted name stands once the quote marks are taken out."""
    spans, marks, seen = [], 0, 0
    for m in _QUOTED.finditer(norm_text):
        marks += len(_QUOTES.findall(norm_text, seen, m.start())) + 1  # and its opening mark
        seen = m.end()
        start = m.start() + 1 - marks
        spans.append((start, start + len(m.group(1) or m.group(2))))
        marks += 1  # its closing mark
    return spans


# Not a numbered item ("把(一)到(八)"): its numeral stays in brackets.
# "占地区生产总值的比重" is 占地区生产总值比重: the share's 的 says nothing.
_OF_SHARE = re.compile(r"(?<=[\u4e00-\u9fffa-z0-9])的(?=比重)")
# "…经费支出相当于全市生产总值的比例" is its share of the region's product, written the way
# the synonym table writes shares ("…占地区生产总值比重"; the country's: "…占gdp比重").
# So is "…占gdp(的)比例", "…占全市生产总值的比重" and "…与国内生产总值之比".
_PRODUCT = r"(?:全市|全省|全区|全县|本市|本省|全国)?(?:国内|地区)?(?:生产总值|gdp)"
_AS_SHARE = re.compile(rf"(?:相当于|占){_PRODUCT}的?比[例重]|与{_PRODUCT}之比")


def _as_share(m: re.Match[str]) -> str:
    national = any(w in m.group(0) for w in ("国内", "gdp", "全国"))
    return "占gdp比重" if national else "占地区生产总值比重"


_ONE_BRACKETED = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（](?![一二三四五六七八九十])([\u4e00-\u9fff])[)）]"
)


_STOP = frozenset(
    "的 了 和 与 及 等 在 是 为 对 将 把 被 以 于 其 之 并 或 也 就 都 而 及其 "
    "多少 几 几家 哪 哪些 哪个 哪份 什么 是否 有 有没有 吗 呢 啊 个 家 项 "
    "文件 材料 提到 提出 出现 分别 各 各是 一下 请问".split()
)
_PUNCT = re.compile(r"^[\W_]+$")


def _keep(tok: str) -> bool:
    tok = tok.strip()
    return bool(tok) and tok not in _STOP and not _PUNCT.match(tok)


def pos_tags(text: str) -> list[tuple[str, str]]:
    """jieba's words with their part of speech ("n" noun, "v" verb …), domain words whole."""
    import jieba.posseg

    _jieba()
    return [(t.word, t.flag) for t in jieba.posseg.cut(text)]


@lru_cache(maxsize=4096)
def verbs(text: str) -> tuple[str, ...]:
    """The words of ``text`` jieba tags as verbs ("v"), in order."""
    return tuple(w for w, flag in pos_tags(text) if flag == "v")


def tokenize_jieba(text: str) -> list[str]:
    """jieba's precise mode."""
    return [t for t in _jieba().lcut(text) if _keep(t)]


def tokenize_search(text: str) -> list[str]:
    """jieba's search mode: whole words plus their sub-words (better recall)."""
    return [t for t in _jieba().lcut_for_search(text) if _keep(t)]


def tokenize_bigram(text: str) -> list[str]:
    """Overlapping character bigrams of each run of Han characters, plus Latin/digit words."""
    out: list[str] = []
    for run in re.findall(r"[\u4e00-\u9fff]+|[a-z0-9.%&]+", text):
        if run[0] >= "\u4e00":
            out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
        else:
            out.append(run)
    return [t for t in out if _keep(t)]


TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "jieba": tokenize_jieba,
    "jieba_search": tokenize_search,
    "bigram": tokenize_bigram,
}


def get_tokenizer(name: str) -> Callable[[str], list[str]]:
    """Look up a tokenizer by name.

    Raises:
        ValueError: unknown name (the message lists the valid ones).
    """
    try:
        return TOKENIZERS[name]
    except KeyError:
        raise ValueError(
            f"unknown tokenizer {name!r}; choose one of {sorted(TOKENIZERS)}"
        ) from None


def index_text(text: str) -> str:
    """Matching form with canonical terms: what both indexes see."""
    return canonicalize(normalize(text))
