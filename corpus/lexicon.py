"""jieba's dictionary in a SQLite file of the cache, read a word at a time.

jieba holds its dictionary (every word and every word's prefixes, ~500k strings
with the domain words) in a dict it loads whole at first use: 0.6 s and 60 MB in
every process that tokenizes, while a question looks up some 100 distinct strings.
The first process to tokenize writes that dict, domain words added, to
``<cache>/jieba/lexicon-<key>.sqlite`` (the key: jieba's version and dictionary
file and the domain words; so another word list gets another file); later ones
open it and look words up as jieba asks for them (:class:`LexiconFreq` stands in
for ``jieba.dt.FREQ``: same words, same counts, same total, hence the same cuts).
A process that looks up many strings (``policyqa index`` tokenizing every
passage) reads the whole table into a dict once, and jieba runs at its own speed.
jieba's plain dictionary (no domain words), which :mod:`corpus.word_cuts` reads names
with, is kept the same way in a lexicon of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA = (
    "CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE meta (total INTEGER NOT NULL)",
)
_ABSENT = object()


@dataclass(frozen=True)
class LexiconConfig:
    """When a process stops asking SQLite and holds the whole dictionary.

    Attributes:
        whole_after: strings looked up in SQLite (each once) before the whole table
            is read into a dict (~0.4 s): a question asks about 100, tokenizing an
            index's passages millions.
    """

    whole_after: int = 50_000


CONFIG = LexiconConfig()


def lexicon_key(dictionary: Path, words: Iterable[str], freq: int) -> str:
    """What the lexicon is made of: jieba's version and dictionary file, the added words."""
    import jieba

    stat = dictionary.stat()
    parts = [jieba.__version__, str(stat.st_size), str(stat.st_mtime_ns), str(freq), *words]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def jieba_cache_dir(root: Path | None) -> Path:
    """``jieba/`` of the policyqa cache (:func:`corpus.cachedir.cache_root`) for jieba's own
    dictionary cache; the system's temporary folder when there is none or it cannot be made."""
    if root is None:
        return Path(tempfile.gettempdir())
    cache = root / "jieba"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path(tempfile.gettempdir())
    return cache


def load_dictionary(tokenizer: Any, root: Path | None, words: Iterable[str], freq: int) -> None:
    """A jieba tokenizer's dictionary, ``words`` added at ``freq``: from the lexicon of the
    cache folder ``root``, else built as jieba builds it and the lexicon written."""
    import jieba

    words = tuple(words)
    path = None
    if root is not None and tokenizer.dictionary == jieba.DEFAULT_DICT:
        dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        path = root / "jieba" / f"lexicon-{lexicon_key(dictionary, words, freq)}.sqlite"
        if path.is_file():
            try:
                found = LexiconFreq(path, owner=tokenizer)
            except sqlite3.Error:
                pass  # not a lexicon (cut short, say): built again below
            else:
                tokenizer.FREQ, tokenizer.total, tokenizer.initialized = found, found.total, True
                return
    tokenizer.initialize()
    for word in words:
        tokenizer.add_word(word, freq=freq)
    if path is not None:
        with contextlib.suppress(OSError, sqlite3.Error):
            write(path, tokenizer.FREQ, tokenizer.total)


def read_whole(tokenizer: Any) -> None:
    """A process about to cut much text (a server, an evaluation) reads a tokenizer's
    lexicon whole now (~0.6 s), not a word at a time from SQLite as it is asked."""
    freq = tokenizer.FREQ
    if isinstance(freq, LexiconFreq):
        freq.whole()


def write(path: Path, freq: dict[str, int], total: int) -> None:
    """Write a lexicon of ``freq`` (word → count, 0 for a prefix only) atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            for statement in _SCHEMA:
                db.execute(statement)
            db.executemany("INSERT INTO words VALUES (?, ?)", sorted(freq.items()))
            db.execute("INSERT INTO meta VALUES (?)", (total,))
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class LexiconFreq(MutableMapping[str, int]):
    """A lexicon file as jieba's ``FREQ``: words read when asked for and remembered.

    Words set (jieba's ``add_word``) are kept beside the file's. Past
    ``config.whole_after`` lookups, or when iterated, the whole table is read and
    ``owner.FREQ`` (the jieba tokenizer whose ``FREQ`` this is) becomes that dict.

    Raises:
        sqlite3.Error: at open, the file is no lexicon (the caller rebuilds it).
    """

    def __init__(self, path: Path, owner: Any = None, config: LexiconConfig | None = None):
        self._db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        (self.total,) = self._db.execute("SELECT total FROM meta").fetchone()
        self._owner = owner
        self._config = config or CONFIG
        self._lock = threading.Lock()
        self._seen: dict[str, Any] = {}  # looked up (or set): count, or _ABSENT
        self._asked = 0
        self._whole: dict[str, int] | None = None

    def _find(self, word: str) -> Any:
        found = self._seen.get(word)
        if found is not None:
            return found
        if self._whole is not None:
            return self._whole.get(word, _ABSENT)
        with self._lock:
            row = self._db.execute("SELECT freq FROM words WHERE word = ?", (word,)).fetchone()
            self._asked += 1
        found = _ABSENT if row is None else row[0]
        self._seen[word] = found
        if self._asked >= self._config.whole_after:
            self.whole()
        return found

    def whole(self) -> dict[str, int]:
        """Every word as one dict (read once), which then stands in for this mapping."""
        if self._whole is None:
            with self._lock:
                whole = dict(self._db.execute("SELECT word, freq FROM words"))
            for word, count in self._seen.items():  # words set since (add_word)
                if count is _ABSENT:
                    whole.pop(word, None)
                else:
                    whole[word] = count
            self._whole = whole
            if self._owner is not None and self._owner.FREQ is self:
                self._owner.FREQ = whole
        return self._whole

    def __getitem__(self, word: str) -> int:
        found = self._find(word)
        if found is _ABSENT:
            raise KeyError(word)
        return int(found)

    def get(self, word: str, default: Any = None) -> Any:
        found = self._find(word)
        return default if found is _ABSENT else found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) is not _ABSENT

    def __setitem__(self, word: str, count: int) -> None:
        self._seen[word] = count
        if self._whole is not None:
            self._whole[word] = count

    def __delitem__(self, word: str) -> None:
        if word not in self:
            raise KeyError(word)
        self._seen[word] = _ABSENT
        if self._whole is not None:
            self._whole.pop(word, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())
