"""Passages: verbatim, ordered, non-overlapping, inside one section, covering every body character.

The properties are checked on the samples and on generated documents made
of numbered headings, plain lines, blank lines and sentences of Han
characters, digits and (full- and half-width) punctuation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.chunk import pack, split_sentences
from corpus.document import parse_text
from corpus.model import Document
from corpus.normalize import normalize
from corpus.readers import read_file

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
MAX_CHARS = 320  # pack()'s default bound

HAN = "科技创新企业工作推进年度目标新增高新技术研发投入区县发展學區發經濟與機構"
PUNCT = "，。；：、！？,.;:!? \u3000\t“”"
MARKERS = [
    "一、",
    "二、",
    "十、",
    "(一)",
    "（二）",
    "1、",
    "2.",
    "(1)",
    "（3）",
    "第一章",
    "第二节",
    "",
]

han = st.sampled_from(HAN)
body_char = st.one_of(han, han, han, st.sampled_from(PUNCT), st.sampled_from("0123456789%"))
body_line = st.lists(body_char, max_size=400).map("".join)
heading_line = st.tuples(
    st.sampled_from(MARKERS), st.lists(han, min_size=1, max_size=30).map("".join)
).map("".join)
line = st.one_of(heading_line, body_line, st.sampled_from(["", "   ", "\u3000"]))
documents = st.lists(line, max_size=30).map("\n".join)
settings_ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


def check_passages(doc: Document) -> None:
    text = doc.text
    assert len(doc.norm) == len(text)
    sections = doc.sections
    # Each section's own body: after its heading, up to the next heading.
    starts = sorted(s.start for s in sections if s.heading)
    bodies = []
    for s in sections:
        body_start = s.start + len(s.heading)
        nxt = next((h for h in starts if h >= body_start), s.end)
        bodies.append((s.path_str, body_start, min(nxt, s.end)))
    prev_end = 0
    covered = bytearray(len(text))
    for i, p in enumerate(doc.passages):
        assert p.pid == f"{doc.doc_id}#{i}"
        assert p.doc_id == doc.doc_id
        assert p.text == text[p.start : p.end]
        assert p.start < p.end
        assert p.start >= prev_end, "passages overlap or are out of order"
        prev_end = p.end
        assert p.end - p.start <= MAX_CHARS
        assert any(
            path == p.section and bs <= p.start and p.end <= be for path, bs, be in bodies
        ), f"passage {p.pid} is not inside its section {p.section!r}"
        covered[p.start : p.end] = b"\x01" * (p.end - p.start)
    for s in sections:
        if s.heading:
            assert text[s.start : s.start + len(s.heading)] == s.heading
            covered[s.start : s.start + len(s.heading)] = b"\x01" * len(s.heading)
    missed = [i for i, c in enumerate(text) if not c.isspace() and not covered[i]]
    assert not missed, f"characters outside headings and passages: {[text[i] for i in missed[:10]]}"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_sample_passages(path: Path) -> None:
    raw = read_file(path)
    doc = parse_text(raw.text, path.name)
    assert doc.passages
    check_passages(doc)


@settings_
@given(documents)
def test_generated_document_passages(text: str) -> None:
    check_passages(parse_text(text, "gen.txt"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_passages(text: str) -> None:
    check_passages(parse_text(text, "any.txt"))


@settings_
@given(body_line, st.integers(20, 200), st.integers(40, 400))
def test_pack_bounds(text: str, target: int, max_chars: int) -> None:
    norm = normalize(text)
    spans = pack(norm, 0, len(norm), target=target, max_chars=max_chars)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(norm)
        assert e - s <= max(target, max_chars)
        prev = e


@settings_
@given(body_line)
def test_split_sentences_partition(text: str) -> None:
    norm = normalize(text)
    spans = split_sentences(norm, 0, len(norm))
    prev = 0
    for s, e in spans:
        assert prev <= s < e
        assert not norm[s].isspace() and not norm[e - 1].isspace()
        prev = e
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, c in enumerate(norm) if not c.isspace())


def test_split_sentences_at_sentence_ends() -> None:
    text = "第一句。第二句!第三句;他说“第四句。”第五\n第六"
    norm = normalize(text)
    got = [norm[s:e] for s, e in split_sentences(norm, 0, len(norm), text)]
    assert got == ["第一句。", "第二句!", "第三句;", '他说"第四句。"', "第五", "第六"]


def test_opening_quote_starts_the_next_sentence() -> None:
    text = "目标全面完成。“十四五”规划顺利实施。"
    norm = normalize(text)
    got = [text[s:e] for s, e in split_sentences(norm, 0, len(norm), text)]
    assert got == ["目标全面完成。", "“十四五”规划顺利实施。"]


def test_short_paragraphs_are_merged() -> None:
    norm = normalize("短句一。\n短句二。")
    assert pack(norm, 0, len(norm)) == [(0, 9)]


def test_paragraph_break_ends_a_long_enough_passage() -> None:
    first = "科" * 90 + "。"
    norm = normalize(f"{first}\n短句二。")
    assert pack(norm, 0, len(norm), target=160) == [(0, len(first)), (len(first) + 1, len(norm))]


def test_short_sentences_are_grouped() -> None:
    norm = normalize("短句一。短句二。短句三。")
    assert pack(norm, 0, len(norm)) == [(0, len(norm))]


def test_long_sentence_cut_at_clauses() -> None:
    clause = "推进科技创新工作取得成效" * 3 + ","
    norm = normalize(clause * 30 + "完成。")
    spans = pack(norm, 0, len(norm))
    assert len(spans) > 1
    assert all(e - s <= MAX_CHARS for s, e in spans)
    assert all(norm[e - 1] == "," for s, e in spans[:-1])  # cut after a clause


def test_no_blank_passage_from_long_space_run() -> None:
    text = "标题\n科" + " " * 700 + "技。"
    doc = parse_text(text, "spaces.txt")
    assert all(p.text.strip() for p in doc.passages)


def test_passages_have_no_surrounding_whitespace() -> None:
    text = "科" * 170 + "," + " " * 200 + "技" * 100 + "。"
    doc = parse_text(text, "clause.txt")
    assert all(p.text == p.text.strip() for p in doc.passages)
