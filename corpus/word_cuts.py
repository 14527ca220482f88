"""Where the words of a text begin and end, by jieba's own dictionary.

A name found inside a text may be no name there: "重大理论" holds 大理 and "以上城市" 上城,
but read as words they are 重大 理论 and 以上 城市, and a word begun before the name ends
inside it. Only jieba's plain dictionary is used (no domain words), in an instance of its
own, so the cut is the same in every process whatever else has loaded jieba.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

from corpus.cachedir import usable_cache_root
from corpus.lexicon import jieba_cache_dir, load_dictionary, read_whole

_WINDOW = 6  # characters read on each side of a name: enough for the words touching it
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _plain_tokenizer() -> Any:
    """A jieba tokenizer of jieba's plain dictionary, initialised once, quietly."""
    import jieba

    with _lock:
        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        root = usable_cache_root("jieba dictionary")
        tokenizer.tmp_dir = str(jieba_cache_dir(root))
        load_dictionary(tokenizer, root, (), 0)
    return tokenizer


def warm_words() -> None:
    """Read the plain dictionary whole now (:func:`corpus.lexicon.read_whole`)."""
    read_whole(_plain_tokenizer())


@lru_cache(maxsize=8192)
def _words(window: str) -> tuple[str, ...]:
    """A window's words: a question's clauses are read for places many times over (about
    nine times each window), so each window is cut once."""
    return tuple(_plain_tokenizer().cut(window, HMM=False))


def cut_into(text: str, start: int, end: int) -> bool:
    """Whether a word of ``text`` begins before ``start`` and ends inside ``text[start:end]``
    (the span's first characters are the end of another word: 重大|理论 for 大理)."""
    a = max(0, start - _WINDOW)
    at = a
    for word in _words(text[a : min(len(text), end + _WINDOW)]):
        if at < start < at + len(word) < end:
            return True
        at += len(word)
        if at >= end:
            break
    return False
