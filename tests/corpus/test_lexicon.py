"""corpus.lexicon: jieba's dictionary read a word at a time from SQLite cuts as the dict does."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import lexicon
from corpus.errors import CacheWarning
from corpus.lexicon import LexiconConfig, LexiconFreq

# A made-up dictionary: words with their counts, and every word's prefixes at 0 (as jieba's).
WORDS = {"城市": 900, "花园": 700, "城市花园": 50, "园丁": 300, "小明": 400, "早上": 800}
SENTENCES = ["城市花园里的园丁早上来了", "小明在城市里", "花园城市园丁小明", "春天", ""]


def _freq() -> dict[str, int]:
    freq = dict(WORDS)
    for word in WORDS:
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
    return freq


@pytest.fixture
def path(tmp_path: Path) -> Path:
    found = tmp_path / "lexicon.sqlite"
    lexicon.write(found, _freq(), sum(WORDS.values()))
    return found


class _Owner:
    FREQ: Any = None


@given(st.lists(st.sampled_from([*_freq(), "城", "市花", "不在", ""]), max_size=20))
def test_lookups_answer_as_the_dict(
    tmp_path_factory: pytest.TempPathFactory, asked: list[str]
) -> None:
    found = tmp_path_factory.mktemp("lex") / "lexicon.sqlite"
    lexicon.write(found, _freq(), 1)
    freq, table = _freq(), LexiconFreq(found)
    for word in asked:
        assert (word in table) == (word in freq)
        assert table.get(word) == freq.get(word)
        assert table.get(word, -1) == freq.get(word, -1)
    assert dict(table) == freq and len(table) == len(freq)


def test_jieba_cuts_the_same_with_the_lexicon_for_its_dictionary(path: Path) -> None:
    import jieba

    def tokenizer(freq: Any) -> Any:
        t = jieba.Tokenizer()
        t.FREQ, t.total, t.initialized = freq, sum(WORDS.values()), True
        return t

    plain, lazy = tokenizer(_freq()), tokenizer(LexiconFreq(path))
    for text in SENTENCES:
        assert lazy.lcut(text) == plain.lcut(text)
        assert lazy.lcut_for_search(text) == plain.lcut_for_search(text)
    lazy.add_word("春天", freq=10)
    plain.add_word("春天", freq=10)
    assert lazy.lcut("春天的城市") == plain.lcut("春天的城市") == ["春天", "的", "城市"]


def test_many_lookups_read_the_whole_table_and_hand_jieba_a_dict(path: Path) -> None:
    owner = _Owner()
    table = LexiconFreq(path, owner, LexiconConfig(whole_after=3))
    owner.FREQ = table
    table["新词"] = 5  # set before: kept in the whole table
    for word in ("城", "市", "园"):
        table.get(word)
    assert type(owner.FREQ) is dict
    assert {**_freq(), "新词": 5} == owner.FREQ
    assert table["城市"] == 900 and "新词" in table


def test_read_whole_hands_jieba_the_whole_table_before_any_lookup(path: Path) -> None:
    owner = _Owner()
    owner.FREQ = LexiconFreq(path, owner)
    lexicon.read_whole(owner)  # (a server's warm-up)
    assert type(owner.FREQ) is dict and _freq() == owner.FREQ
    lexicon.read_whole(owner)  # a dict already: nothing to read
    assert _freq() == owner.FREQ


def test_a_file_that_is_no_lexicon_is_refused_at_open(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.sqlite"
    bad.write_bytes(b"not a database")
    with pytest.raises(sqlite3.Error):
        LexiconFreq(bad)


def test_a_second_process_cuts_with_the_lexicon_the_first_one_wrote(tmp_path: Path) -> None:
    """The first process builds jieba's dictionary (domain words added) and writes the
    lexicon; the next one reads words from it and cuts the same."""
    code = (
        "import sys\nfrom index.text import _jieba, tokenize_search, tokenize_jieba\n"
        "print(type(_jieba().dt.FREQ).__name__)\n"
        "for t in sys.argv[1:]:\n    print(tokenize_search(t), tokenize_jieba(t))\n"
    )
    texts = ["全区新增国家高新技术企业六百家", "小明在城市花园里种了三棵树", "研发投入强度目标"]
    env = {"POLICYQA_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    root = str(Path(__file__).resolve().parents[2])
    outs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code, *texts],
            capture_output=True,
            text=True,
            env={**env, "PYTHONPATH": root},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout.splitlines())
    assert outs[0][0] == "dict" and outs[1][0] == "LexiconFreq"
    assert outs[0][1:] == outs[1][1:]
    assert len(list((tmp_path / "cache" / "jieba").glob("lexicon-*.sqlite"))) == 1


def test_jieba_cache_dir_falls_back_when_the_setting_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus.cachedir import usable_cache_root

    blocker = tmp_path / "file"
    blocker.write_text("mine", encoding="utf-8")
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(blocker))
    with pytest.warns(CacheWarning):
        root = usable_cache_root("jieba dictionary")
    assert lexicon.jieba_cache_dir(root) == Path(tempfile.gettempdir())
    # a folder that cannot be made (the cache root is a file) falls back too
    assert lexicon.jieba_cache_dir(blocker) == Path(tempfile.gettempdir())
    assert blocker.read_text(encoding="utf-8") == "mine"
    # the same cache folder as embeddings and OCR use: its jieba/ sub-folder
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(tmp_path / "new"))
    folder = lexicon.jieba_cache_dir(usable_cache_root("jieba dictionary"))
    assert folder == tmp_path / "new" / "jieba" and folder.is_dir()
