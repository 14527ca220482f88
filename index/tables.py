"""The figures and lists of a loaded index (facts.jsonl, lists.jsonl), read when asked for.

A question needs the figures and enumerations of the few documents its clauses come
from: those are parsed a document at a time (:mod:`index.doc_lines`). Once the process
reads many documents (a server, an evaluation: its small store was parsed whole,
``DocStoreConfig.parse_all_after``) a table of at most ``whole_max_bytes`` is parsed
whole, once; the indicator table and the web UI read the whole tables.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from corpus.enumerations import Enumeration, enumeration_from_json
from corpus.errors import IndexFormatError
from corpus.model import Fact, fact_from_json
from index import checksum, docstore, line_spans, shapes
from index.doc_lines import Buffer, DocLines

LAZY = ("facts.jsonl", "lists.jsonl")  # the files of a version read after the load
T = TypeVar("T")


def _built(path: Path, make: Callable[[], T]) -> T:
    """``make()`` objects from checked rows; keys no dataclass knows are malformed too."""
    try:
        return make()
    except (TypeError, KeyError, ValueError) as exc:
        raise shapes.bad(path, str(exc)) from exc


def _facts(path: Path, rows: list[Any]) -> tuple[Fact, ...]:
    """Figures from rows of facts.jsonl, checked."""
    shapes.rows(path, rows, Fact)
    return _built(path, lambda: tuple(fact_from_json(r) for r in rows))


def _by_document(path: Path, rows: list[Any]) -> dict[str, tuple[Enumeration, ...]]:
    """Enumerations by document id from rows of lists.jsonl, checked."""
    shapes.rows(path, rows, Enumeration, extra=("doc_id",))

    def make() -> dict[str, tuple[Enumeration, ...]]:
        found: dict[str, list[Enumeration]] = {}
        for r in rows:
            found.setdefault(r.pop("doc_id"), []).append(enumeration_from_json(r))
        return {k: tuple(v) for k, v in found.items()}

    return _built(path, make)


class Tables:
    """facts.jsonl and lists.jsonl of one index version (``pinned``: opened at load;
    a file not there reads as empty)."""

    def __init__(
        self,
        pinned: dict[str, checksum.Pinned],
        busy: Callable[[], bool],
        locate: line_spans.Locate | None = None,
    ) -> None:
        """``busy``: whether the process reads many documents (its store is parsed whole);
        the small tables are then parsed whole too. ``locate``: where the store says each
        line is (:mod:`index.line_spans`); None: the files are scanned."""

        def reader(name: str) -> Callable[[], Buffer]:
            found = pinned.get(name)
            return (lambda: b"") if found is None else found.mapped

        def located(name: str) -> Callable[[str, str], list[line_spans.Located]] | None:
            return None if locate is None else functools.partial(locate, name)

        self._lines = {
            n: DocLines(reader(n), pinned[n].path if n in pinned else Path(n), located(n))
            for n in LAZY
        }
        self._facts: tuple[Fact, ...] | None = None
        self._lists: dict[str, tuple[Enumeration, ...]] | None = None
        self._lists_of: dict[str, tuple[Enumeration, ...]] = {}
        self._facts_of: dict[str, tuple[Fact, ...]] = {}
        self._facts_grouped = False  # _facts_of holds every document's (from _facts)
        self._facts_by_value: dict[str, tuple[Fact, ...]] | None = None  # (from _facts)
        self._busy = busy

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every figure of every document (read on first use)."""
        if self._facts is None:
            self._facts = self._parsed("facts.jsonl", _facts, lambda lines: lines.all_rows())
        return self._facts

    @property
    def lists(self) -> dict[str, tuple[Enumeration, ...]]:
        """Enumerations by document id (read on first use)."""
        if self._lists is None:
            self._lists = self._parsed("lists.jsonl", _by_document, lambda ls: ls.all_rows())
        return self._lists

    def parse_whole(self) -> None:
        """Parse each table whole now when it would be once the process is busy (its store
        parsed whole, the table at most ``whole_max_bytes``)."""
        self._whole_facts()
        self._whole_lists()

    def _whole_facts(self) -> tuple[Fact, ...] | None:
        """Every figure, parsed now when the whole table is due; None while it is not."""
        if self._facts is None and self._whole_due("facts.jsonl"):
            self._facts = self.facts
        return self._facts

    def _whole_lists(self) -> dict[str, tuple[Enumeration, ...]] | None:
        """Every enumeration, parsed now when the whole table is due; None while it is not."""
        if self._lists is None and self._whole_due("lists.jsonl"):
            self._lists = self.lists
        return self._lists

    def facts_of(self, doc_id: str) -> tuple[Fact, ...]:
        """The figures of one document, in file order: only its lines are parsed, until
        the whole table is due (:meth:`_whole_due`) or was read."""
        if (whole := self._whole_facts()) is not None:
            if not self._facts_grouped:
                self._facts_of = _grouped(whole, lambda f: f.doc_id)
                self._facts_grouped = True
            return self._facts_of.get(doc_id, ())
        found = self._facts_of.get(doc_id)
        if found is None:
            found = self._parsed("facts.jsonl", _facts, lambda lines: lines.rows_of(doc_id))
            self._facts_of[doc_id] = found
        return found

    def facts_holding(self, needles: tuple[str, ...]) -> tuple[Fact, ...]:
        """The figures whose stored line holds every one of ``needles`` (a superset of what
        a query selects): only those are parsed, unless the whole table was read (then
        every figure: the caller selects)."""
        if self._facts is not None or not needles:
            return self.facts
        return self._parsed("facts.jsonl", _facts, lambda lines: lines.rows_with(needles))

    def facts_valued(self, value: str) -> tuple[Fact, ...]:
        """The figures whose value is ``value``, in file order (from the whole table when it
        was read, else from the lines holding the value)."""
        if self._facts is not None:
            if self._facts_by_value is None:  # grouped once: a scan of every figure per value
                self._facts_by_value = _grouped(self._facts, lambda f: f.value)
            return self._facts_by_value.get(value, ())
        found = self._parsed("facts.jsonl", _facts, lambda ls: ls.rows_holding("value", value))
        return tuple(f for f in found if f.value == value)

    def facts_valued_best(
        self, values: Sequence[str], rank: Callable[[str], float], top: int
    ) -> list[Fact]:
        """The first ``top`` of the figures of ``values`` (one value's after another's, each
        in file order) sorted by ``rank`` of their metric (``canonical``; a stable sort):
        what sorting them all gives, with only the ``top`` parsed where the store labels
        the lines with their metric (:mod:`index.line_spans`). ``rank`` must depend on the
        metric alone: it is asked once for each distinct one."""
        lines = self._lines["facts.jsonl"]
        found = None if self._facts is not None else [lines.labelled("value", v) for v in values]
        if found is None or any(x is None for x in found):
            every = [f for v in values for f in self.facts_valued(v)]
            every.sort(key=lambda f: rank(f.canonical))
            return every[:top]
        chosen = [(v, x) for v, xs in zip(values, found, strict=True) for x in xs or ()]
        ranks = {label: rank(label) for label in {x[2] for _, x in chosen}}  # metrics repeat
        chosen = sorted(chosen, key=lambda c: ranks[c[1][2]])[:top]
        spans = [(a, b) for _, (a, b, _label) in chosen]
        facts = self._parsed("facts.jsonl", _facts, lambda ls: ls.rows_at(spans))
        if len(facts) != len(chosen):
            raise shapes.bad(lines.path, "the line index names no whole lines")
        out = []
        for (value, (a, _b, label)), one in zip(chosen, facts, strict=True):
            if one.value != value or one.canonical != label:
                raise shapes.bad(lines.path, f"the line at byte {a} is not the one indexed")
            out.append(one)
        return out

    def lists_of(self, doc_id: str) -> tuple[Enumeration, ...]:
        """The enumerations of one document (only its lines are parsed, once, until the whole
        table is due or was read)."""
        if (whole := self._whole_lists()) is not None:
            return whole.get(doc_id, ())
        found = self._lists_of.get(doc_id)  # (a document's lists are read again and again)
        if found is None:
            rows = self._parsed("lists.jsonl", _by_document, lambda ls: ls.rows_of(doc_id))
            found = self._lists_of[doc_id] = rows.get(doc_id, ())
        return found

    def _whole_due(self, name: str) -> bool:
        """Whether a table read a document at a time is now parsed whole: the process
        reads many documents (its small store was parsed whole) and the file is at most
        ``DocStoreConfig.whole_max_bytes`` (a 1M-passage index's 437 MB of figures never
        is)."""
        return self._busy() and self._lines[name].size() <= docstore.CONFIG.whole_max_bytes

    def _parsed(
        self, name: str, make: Callable[[Path, list[Any]], T], rows: Callable[[DocLines], list[Any]]
    ) -> T:
        """``make`` applied to some rows of one of the files."""
        lines = self._lines[name]
        try:
            found = rows(lines)
        except (OSError, ValueError, RecursionError) as exc:
            raise IndexFormatError(
                f"index file {lines.path} is unreadable ({exc}); rebuild it with `policyqa index`"
            ) from exc
        return make(lines.path, found)


def _grouped(facts: Sequence[Fact], key: Callable[[Fact], str]) -> dict[str, tuple[Fact, ...]]:
    """The figures by ``key``, each group in file order."""
    groups: dict[str, list[Fact]] = {}
    for f in facts:
        groups.setdefault(key(f), []).append(f)
    return {k: tuple(found) for k, found in groups.items()}
