"""Question in, quoted answer out: the whole path from a loaded index."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from answer.agreement import one_document, one_edition, one_place
from answer.annotations import item_label_result
from answer.combine import combined
from answer.continued import continued_hits
from answer.doc_routes import document_field_result, head_line_result
from answer.doing import with_doing
from answer.entity import names_asked_kind
from answer.extract import Candidate, added_hit, fits, score_clauses
from answer.frame import apply_frame, first_fitting
from answer.from_year import base_figures, years_from_to
from answer.listing import enumeration_result, list_result, unlisted_subject
from answer.model import Answer, Citation
from answer.named_doc import described_rest, named_hits, named_scope, unnamed_refused
from answer.people import date_span, is_when
from answer.policy import CONFIG, Route, Span, policy
from answer.results import (
    Result,
    bare_labels,
    citation_of,
    date_line_result,
    doer_after_by,
    joined,
    naming_candidate,
)
from answer.signals import Signals, signals
from answer.span_table import SPANS, conflicts
from answer.spans import qualified, short_span
from answer.table import as_figure_question, table_answer
from answer.together import one_sentence, respective_results, same_scope, strayed
from answer.topic import topic_of
from answer.twice import answered_twice, from_to, quotes_span, same_span
from answer.which_doc import documents_answer, verbatim_hits
from corpus.model import Document, Passage
from index import store
from index.abbrev import expand
from index.backend import Backend, BackendConfig
from index.embed import Embedder, configured_model, get_embedder
from retrieval.asks import split_asks
from retrieval.backend import open_backend
from retrieval.doc_parts import told_apart_by_document
from retrieval.filters import keeps
from retrieval.indicators import IndicatorFilter
from retrieval.model import Filters, Hit
from retrieval.part_labels import part_labels
from retrieval.parts import (
    asks_several,
    own_part,
    split_parts,
)
from retrieval.query import Query, parse_query
from retrieval.search import Retriever, RetrieverConfig


class QA:
    """Answers questions over one index.

    Args:
        index_dir: the index folder (default: ``POLICYQA_INDEX_DIR`` or
            ``.policyqa-index``).
        embedder: query embedder; by default the configured model
            (``POLICYQA_MODEL``), which must match the index's.
        config: retrieval settings.
        backend: where passages are searched (default: in this process); with
            Milvus the index's vectors stay on disk, the collection holds them.
    """

    def __init__(
        self,
        index_dir: Path | None = None,
        embedder: Embedder | None = None,
        config: RetrieverConfig | None = None,
        backend: BackendConfig | None = None,
    ) -> None:
        self.index_dir = index_dir or store.default_index_dir()
        manifest = store.read_manifest(self.index_dir)
        self.embedder = embedder or get_embedder(_model_for(manifest))
        backend = backend or BackendConfig()
        self.index = store.load(
            self.index_dir,
            model_id=self.embedder.model_id,
            vectors=backend.kind is Backend.IN_PROCESS,
        )
        search = open_backend(self.index, backend)
        self.retriever = Retriever(self.index, self.embedder, config, search)

    def warm(self) -> None:
        """Prepare for many questions (a server, an evaluation, a benchmark): parse now what
        the first few would otherwise wait for. A single question (``policyqa ask``) is
        faster without: it reads only the documents it needs."""
        self.retriever.warm()

    @property
    def documents(self) -> Mapping[str, Document]:
        return self.index.documents

    def search(
        self,
        question: str | Query,
        k: int = 10,
        *,
        mode: str = "hybrid",
        filters: Filters | None = None,
    ) -> list[Hit]:
        """Retrieved passages for a question (see :meth:`Retriever.search`)."""
        return self.retriever.search(question, k, mode=mode, filters=filters)

    def ask(self, question: str, *, filters: Filters | None = None, mode: str = "hybrid") -> Answer:
        """Answer a question by quoting the documents.

        Args:
            question: the question, in simplified or traditional Chinese.
            filters: optional region/year/document restrictions.
            mode: retrieval mode ("hybrid", "bm25" or "dense").

        Returns:
            The answer; ``found`` is False when the documents do not say.

        Raises:
            QueryError: the question is empty or too long.
        """
        started = time.perf_counter()
        used = self.retriever.mode_for(mode)  # BM25 while the index is being embedded
        q = self._expand(parse_query(question))
        asks = [self._expand(a) for a in split_asks(q)]
        if asks:  # "…要搞多少项?这条哪个部门负责": each sentence its own kind of answer
            answers = [ROUTES[policy(a.intent).route](self, a, filters, used) for a in asks]
            answer = joined(q, answers)
        else:
            answer = ROUTES[policy(q.intent).route](self, q, filters, used)
        ms = round((time.perf_counter() - started) * 1000, 1)
        return replace(answer, latency_ms=ms, retrieval=used)

    def _by_parts(self, q: Query, filters: Filters | None, mode: str) -> Answer:
        """One clause answers (Route.SINGLE), or one per part of a comparison (PARTS)."""
        route = policy(q.intent).route
        several = route == Route.PARTS or (policy(q.intent).figure and asks_several(q))
        parts = [self._expand(p) for p in split_parts(q)] if several else [q]
        if len(parts) > 1 and mode != "bm25":
            self.retriever.embed_queries([p.text for p in parts])  # one model call
        scopes = self._document_scopes(q, parts, filters)

        def ask(part: Query, scope: Filters | None) -> Result:
            return self._single(part, scope, mode)

        results = [self._single(p, f, mode) for p, f in zip(parts, scopes, strict=True)]
        if scopes[0] is not filters and not told_apart_by_document(parts):
            # the document the question names holds none of it: among all
            results = [
                r if r.found else self._single(p, filters, mode)
                for p, r in zip(parts, results, strict=True)
            ]
        if len(parts) > 1:  # the others' words led a part astray: its own words only
            missed = {i for i, r in enumerate(results) if not r.found}
            for i in missed:
                self._alone(q, parts, results, i, scopes[i], mode)
            for i in set(range(len(parts))) - missed:
                if self._strayed(parts[i], results[i]):
                    self._alone(q, parts, results, i, scopes[i], mode, found_only=True)
        if len(parts) > 1 and (filters is None or not filters.regions) and scopes[0] is filters:
            one_place(parts, results, filters, ask, self.index.documents)
        if len(parts) > 1 and not told_apart_by_document(parts):
            one_document(q, parts, results, filters, ask, self.index.heads)
        if len(parts) > 1 and (filters is None or not filters.doc_ids):
            issued = self.retriever.issued_in
            one_edition(q, parts, results, filters, ask, self.index.heads, issued)
        labels = part_labels(q, parts)
        if len(parts) > 1:  # "A、B分别增长X、Y" among the whole question's best: each its item
            whole = self._candidates(q, filters, mode, 12)[2]
            self._among_whole(parts, results, scopes, mode, whole)
            paired = respective_results(parts, whole)
            if paired is None and same_scope(parts):  # figures of one place and time
                paired = one_sentence(parts, results, self.index.documents)
            results = paired or years_from_to(parts, results) or results
            results = base_figures(parts, results) or results
        if len(parts) > 1:
            self._distinct(q, parts, results, scopes, mode, missed)
        if len(parts) > 1 and not any(labels):
            labels = bare_labels([p.segment for p in parts], results)
        return combined(q, results, labels)

    def _document_scopes(
        self, q: Query, parts: list[Query], filters: Filters | None
    ) -> list[Filters | None]:
        """Each part's filters: parts told apart by the document each is asked of ("315工作
        计划和市政府工作报告里分别…") are searched within the documents their names fit
        (a part whose name fits none is searched as asked); parts of the one document the
        question names ("山东省十三五科技创新规划中,2015年…多少家?到十三五末…") within it."""
        if len(parts) < 2:
            return [filters]  # (a single question is scoped by its own name: _single)
        if not told_apart_by_document(parts):
            whole = named_scope(q, filters, self.retriever, self.index.heads)
            return [whole or filters for _ in parts]
        base = filters or Filters()
        scopes: list[Filters | None] = []
        for p in parts:
            named = self.retriever.documents_named(p.doc_name)
            kept = tuple(d for d in named if not base.doc_ids or d in base.doc_ids)
            scopes.append(replace(base, doc_ids=kept) if kept else filters)
        return scopes

    def _alone(
        self,
        q: Query,
        parts: list[Query],
        results: list[Result],
        i: int,
        filters: Filters | None,
        mode: str,
        *,
        found_only: bool = False,
    ) -> None:
        """Ask part ``i`` again with its own words; keep what it finds (with
        ``found_only``, only an answer from a sentence holding the part's own terms)."""
        alone = own_part(q, parts[i])
        if alone is None:
            return
        again = self._single(self._expand(alone), filters, mode)
        if found_only and (not again.found or self._strayed(parts[i], again)):
            return
        if again.found or not results[i].found:
            results[i] = again

    def _among_whole(
        self,
        parts: list[Query],
        results: list[Result],
        scopes: list[Filters | None],
        mode: str,
        whole: list[Candidate],
    ) -> None:
        """A part found nowhere is looked for also in the passages the whole question
        retrieved, which its own words may not reach ("…支持重大科创平台这块和人才引育培养
        这块分别安排多少钱": one sentence, "支持重大科创平台、…资金54.2亿元,…,人才引育培养资金
        47.9亿元", found for the whole and for the second part only)."""
        passages = list({c.passage.pid: c.passage for c in whole}.values())
        for i, result in enumerate(results):
            if not result.found and passages:
                again = self._one(parts[i], scopes[i], mode, also=passages)
                if again.found:
                    results[i] = again

    def _distinct(
        self,
        q: Query,
        parts: list[Query],
        results: list[Result],
        scopes: list[Filters | None],
        mode: str,
        missed: set[int],
    ) -> None:
        """Two things asked, one figure answering both: each such part asked again with its
        own words; then a later part still answered with an earlier one's figure is asked
        with that figure set aside ("2015年…多少家?到十三五末达到多少家")."""
        twice = answered_twice(results)
        if len(parts) == 2 and (split := from_to(q.norm, *results)):
            results[:] = split  # "由4771公里增加到2.52万公里": from the one, to the other
            return
        for i in twice - missed:
            self._alone(q, parts, results, i, scopes[i], mode)
        taken: list[Citation] = []
        for i in sorted(answered_twice(results)):
            cited = results[i].citation
            if cited is not None and any(same_span(cited, t) for t in taken):
                again = self._single(parts[i], scopes[i], mode, besides=tuple(taken))
                results[i] = again if again.found else results[i]
            taken += [c for c in (results[i].citation,) if c is not None]

    def _strayed(self, part: Query, result: Result) -> bool:
        return strayed(part, signals(part, self.index.bm25), result, self.index.documents)

    def _table(self, q: Query, filters: Filters | None, mode: str) -> Answer:
        """A row per figure of the indicator table; as one figure when it holds none."""
        table = self.retriever.indicators_for(IndicatorFilter(query=q.text))
        found = table_answer(q, table, filters, CONFIG.table)
        return found or self._by_parts(as_figure_question(q), filters, mode)

    def _expand(self, q: Query) -> Query:
        """Add the full names of short forms the documents define ("以下简称…")."""
        if not self.index.abbreviations:
            return q
        return replace(q, canon=expand(q.canon, self.index.abbreviations))

    def _candidates(
        self,
        q: Query,
        filters: Filters | None,
        mode: str,
        k: int,
        *,
        verbatim: bool = False,
        also: Sequence[Passage] = (),
    ) -> tuple[Query, Signals, list[Candidate]]:
        """The question as its candidates are judged (without the words describing the
        document it opens with, :func:`described_rest`), its signals and candidates (of the
        passages retrieved for it, and ``also`` of these)."""
        hits = self.retriever.search(q, k, mode=mode, filters=filters)
        docs = self.index.heads
        if also:  # (only a part asked again among the whole question's passages)
            fetched = {h.passage.pid for h in hits}
            joined = [p for p in also if p.pid not in fetched and keeps(filters, p, docs[p.doc_id])]
            hits += [added_hit(p, n) for n, p in enumerate(joined, 1)]
        top = hits[0].passage.doc_id if hits else ""
        asks_named = verbatim or bool(q.doc_name or q.doc_years)  # (named otherwise)
        rest = None if asks_named or not top else described_rest(q, lambda: topic_of(docs[top]))
        described = (top, rest) if rest is not None else None
        if described is not None:  # asked of that document: its passages only
            q = described[1]
            hits = [h for h in hits if h.passage.doc_id == top]
        sig = signals(q, self.index.bm25)
        if verbatim:
            # Which document says it: a word no document uses ("泽级" for 泽(z)级, a
            # fragment like 集要) tells no document apart.
            sig = sig.known()
        # Clauses are judged by their documents' metadata and text, not their passages:
        # from a large store a document's head is read alone (a fraction of the whole).
        allowed = set(filters.doc_ids) if filters and filters.doc_ids else None
        seen = {h.passage.pid for h in hits}
        unit = sig.unit if policy(q.intent).figure else ""
        named = named_hits(q, self.retriever, seen, allowed, described, docs, unit=unit)
        hits += [h for h in named if keeps(filters, h.passage, docs[h.passage.doc_id])]
        if policy(q.intent).figure:  # "到2020年,建立起…体系。" then "制修订500项以上…"
            more = continued_hits(hits, self.retriever, {h.passage.pid for h in hits})
            hits += [h for h in more if keeps(filters, h.passage, docs[h.passage.doc_id])]
        if verbatim:
            seen = {h.passage.pid for h in hits}
            extra = verbatim_hits(q, sig, self.retriever, docs, seen, allowed)
            hits += [h for h in extra if keeps(filters, h.passage, docs[h.passage.doc_id])]
        cands = score_clauses(q, sig, hits, docs)
        if policy(q.intent).figure:
            cands = apply_frame(q, sig, cands, self.retriever.facts_between)
        return q, sig, cands

    def _single(
        self, q: Query, filters: Filters | None, mode: str, besides: tuple[Citation, ...] = ()
    ) -> Result:
        """Within the document the question's name describes best, when one stands out
        and answers there (:func:`named_scope`); else among all."""
        scoped = named_scope(q, filters, self.retriever, self.index.heads)
        if scoped is not None and (found := self._one(q, scoped, mode, besides)).found:
            return found
        found = self._one(q, filters, mode, besides)
        if scoped is None or not self.retriever.documents_named(q.doc_name):
            return found  # (an untitled document its body describes is no name it fits)
        return unnamed_refused(q, found, self.index.heads)

    def _one(
        self,
        q: Query,
        filters: Filters | None,
        mode: str,
        besides: tuple[Citation, ...] = (),
        *,
        also: Sequence[Passage] = (),
    ) -> Result:
        """The best fitting clause's answer (none of the figures ``besides`` quotes; among
        the passages ``also`` too)."""
        q, sig, cands = self._candidates(q, filters, mode, 12, also=also)
        cands = [c for c in cands if not any(quotes_span(c, t) for t in besides)]
        span_kind = policy(q.intent).span
        if span_kind == Span.NAME:  # "由谁来组织申报": the line writing the doing, too
            cands = with_doing(q, sig, cands, self.retriever, self.index.heads)
        best = first_fitting(q, sig, cands)
        if span_kind in (Span.NAME, Span.ITEMS):
            labelled = item_label_result(q, sig, best, cands)
            if labelled is not None:
                return labelled
        if span_kind == Span.ITEMS:
            enumerated = enumeration_result(q, sig, cands, self.retriever.enumerations)
            if enumerated is not None:
                return enumerated
        if (
            best is not None
            and span_kind == Span.NAME
            and is_when(q)
            and date_span(q, best) is None
        ):
            # A "when" question is answered by the best fitting sentence that states a date,
            # or by the date line of the best fitting document.
            dated = next((c for c in cands if fits(q, sig, c) and date_span(q, c)), None)
            if dated is None:
                found = date_line_result(best.doc)
                # …and a sentence stating no date ("…分两步进行") answers no "when"
                return found or Result(False, "", None, citation_of(best, None))
            best = dated
        if span_kind == Span.NAME:
            fielded = document_field_result(q, sig, best, cands)
            if fielded is not None:
                return fielded
        if best is None:
            related = citation_of(cands[0], None) if cands else None
            return Result(False, "", None, related)
        if span_kind == Span.NAME:
            headed = head_line_result(q, best)
            if headed is not None:
                return headed
        dated_best = is_when(q) and date_span(q, best) is not None  # a date is its answer
        if span_kind == Span.NAME and not dated_best:
            best = doer_after_by(q, sig, best, cands)
        if span_kind == Span.NAME and not dated_best and not names_asked_kind(q, best):
            best = naming_candidate(q, sig, best, cands)
        if span_kind == Span.ITEMS:
            return list_result(unlisted_subject(q, sig, best, cands))
        s, e = SPANS[span_kind](q, sig, best)
        if span_kind == Span.FIGURE:
            s, e = qualified(best.doc.norm, (s, e), q.norm)
        span = best.doc.text[s:e]
        differing = tuple(
            citation_of(c, short_span(q, sig, c)) for c in conflicts(q, sig, best, cands)
        )
        return Result(True, span, citation_of(best, (s, e)), None, conflicts=differing)

    def _which_doc(self, q: Query, filters: Filters | None, mode: str) -> Answer:
        # Every document that states it is wanted: look further than for one answer,
        # and add every passage that contains the question's name or value verbatim.
        _, sig, cands = self._candidates(q, filters, mode, 40, verbatim=True)
        return documents_answer(q, sig, cands, self.retriever.facts_between)


ROUTES: dict[Route, Callable[[QA, Query, Filters | None, str], Answer]] = {
    Route.SINGLE: QA._by_parts,
    Route.PARTS: QA._by_parts,
    Route.DOCUMENTS: QA._which_doc,
    Route.TABLE: QA._table,
}
"""How each :class:`Route` of the policy table answers a question as a whole."""


def _model_for(manifest: dict[str, object]) -> str | None:
    """Default to the index's own model when the user configured none."""
    if configured_model():
        return None
    model = str(manifest.get("model_id") or "")
    return "fake" if model.startswith("fake") else (model or None)
