"""The files of one index version: written, then read back with their shapes checked.

See :mod:`index.store` for what each file holds and :mod:`index.layout` for the
folder around them. Every writer syncs its file to disk before the version is
published.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from corpus.enumerations import Enumeration
from corpus.errors import IndexFormatError
from corpus.model import Cell, Document, Fact, Passage, Section, Table, TableRow, fact_to_json
from corpus.normalize import normalize
from index import docstore, ivf, line_spans, pq, shapes, store_views
from index.bm25 import BM25, Columns
from index.dense_config import Coarse, DenseConfig
from index.doc_lines import parse_jsonl as parse_jsonl  # re-exported: read as files.X

BM25_FILES = ("bm25_data.npy", "bm25_indices.npy", "bm25_indptr.npy", "bm25_shape.npy")
_DOC_SKIP = frozenset({"norm", "passages"})


def doc_to_json(doc: Document) -> dict[str, Any]:
    data = asdict(doc)
    data.pop("passages")
    data.pop("norm")
    return data


def _table(data: dict[str, Any]) -> Table:
    rows = tuple(
        TableRow(**{**r, "cells": tuple(Cell(**c) for c in r["cells"])}) for r in data["rows"]
    )
    return Table(**{**data, "columns": tuple(data["columns"]), "rows": rows})


def doc_from_json(
    data: dict[str, Any], passages: tuple[Passage, ...], norm: str | None = None
) -> Document:
    """A document from its stored JSON (``norm``: its matching form when stored, else
    computed from its text)."""
    sections = tuple(Section(**{**s, "path": tuple(s["path"])}) for s in data.pop("sections", []))
    data["tables"] = tuple(_table(t) for t in data.get("tables", ()))
    for name in ("years", "pages", "unread_pages"):
        data[name] = tuple(data.get(name, ()))
    if norm is None:
        norm = normalize(data["text"])
    return Document(**data, norm=norm, sections=sections, passages=passages)


def write_jsonl(path: Path, rows: list[Any]) -> list[tuple[int, int]]:
    """Write ``rows`` one JSON object a line; returns each line's byte span (its newline
    excluded)."""
    spans = []
    at = 0
    with path.open("wb") as fh:
        for row in rows:
            line = json.dumps(row, ensure_ascii=False).encode("utf-8")
            fh.write(line + b"\n")
            spans.append((at, at + len(line)))
            at += len(line) + 1
        fh.flush()
        os.fsync(fh.fileno())
    return spans


def write_npy(path: Path, array: np.ndarray) -> None:
    with path.open("wb") as fh:
        np.save(fh, array, allow_pickle=False)
        fh.flush()
        os.fsync(fh.fileno())


def write_json(path: Path, data: Any, indent: int | None = None) -> None:
    with path.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=indent)
        fh.flush()
        os.fsync(fh.fileno())


def read_jsonl(path: Path) -> list[Any]:
    with path.open(encoding="utf-8", newline="\n") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_version(
    tmp: Path,
    *,
    documents: Sequence[Document],
    tokens: Sequence[Sequence[str]],
    keys: Sequence[str],
    dense_keys: Sequence[str],
    vectors: np.ndarray,
    bm25: BM25,
    facts: list[Fact],
    lists: dict[str, tuple[Enumeration, ...]],
    abbreviations: dict[str, str],
    dense: DenseConfig | None = None,
    pending: bool = False,
) -> None:
    """Every data file of a version into ``tmp`` (the manifest is the caller's); rows are
    the documents' passages in order. ``pending``: no vectors yet (see :func:`write_dense`)."""
    docstore.write(tmp / docstore.NAME, documents, tokens, keys, dense_keys)
    written = {
        "facts.jsonl": [fact_to_json(f) for f in facts],
        "lists.jsonl": [
            {"doc_id": doc_id, **asdict(en)} for doc_id, found in lists.items() for en in found
        ],
    }
    line_spans.record(
        tmp / docstore.NAME,
        {name: (rows, write_jsonl(tmp / name, rows)) for name, rows in written.items()},
    )
    if not pending:
        write_dense(tmp, vectors, dense)
    m = bm25.columns
    shape = np.asarray(m.shape, dtype=np.int64)
    for name, array in zip(BM25_FILES, (m.data, m.indices, m.indptr, shape), strict=True):
        write_npy(tmp / name, array)
    write_json(tmp / "vocab.json", bm25.vocab)
    write_json(tmp / "abbreviations.json", abbreviations)


def write_dense(tmp: Path, vectors: np.ndarray, dense: DenseConfig | None = None) -> list[str]:
    """The dense part of a version into ``tmp``: vectors.npy, and a coarse index (PQ or
    IVF) beside the vectors of many passages; returns the names of the files written."""
    vectors = np.asarray(vectors, dtype=np.float32)
    write_npy(tmp / "vectors.npy", vectors)
    cfg = dense or DenseConfig()
    if len(vectors) < cfg.ivf_min_passages:
        return ["vectors.npy"]
    if cfg.coarse is Coarse.PQ and pq.subquantizers(vectors.shape[1], cfg.pq_subquantizers):
        pq.write(tmp, pq.train(vectors, cfg), write_npy)
        return ["vectors.npy", *pq.FILES]
    ivf.write(tmp, ivf.train(vectors, cfg), write_npy)
    return ["vectors.npy", *ivf.FILES]


def link_or_copy(src: Path, dst: Path) -> None:
    """``dst`` the same file as ``src`` (a hard link; a synced copy where links fail).
    Index files are never changed once written, so versions may share them."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)
        with dst.open("rb+") as fh:
            os.fsync(fh.fileno())


@dataclass(frozen=True)
class Parts:
    """What a load reads at once, checked (facts and lists are read later); format 6
    gives documents and passages read from the store when asked for, arrays mapped."""

    documents: Mapping[str, Document]
    passages: Sequence[Passage]
    tokens: list[list[str]] | None
    keys: Sequence[str]
    dense_keys: Sequence[str]
    vectors: np.ndarray
    bm25: BM25
    abbreviations: dict[str, str]
    doc_rows: Mapping[str, Sequence[int]] | None = None
    dense_ivf: ivf.Ivf | None = None
    dense_pq: pq.PqScan | None = None


def read_parts6(data: Path, manifest: dict[str, Any], tokens: bool, vectors: bool = True) -> Parts:
    """A format 6 version: the store opened, the arrays memory-mapped, shapes checked."""
    try:
        store = docstore.DocStore(data / docstore.NAME)
        n = store.n_passages
        embeddings = _NO_VECTORS
        found_ivf = found_pq = None
        if vectors:
            embeddings = _vectors(data, manifest, n, mmap=True)
            if (data / ivf.FILES[0]).is_file():
                found_ivf = ivf.read(data, n, embeddings.shape[1])
            if (data / pq.FILES[0]).is_file():
                found_pq = pq.PqScan(pq.read(data, n, embeddings.shape[1]))
        bm25 = read_bm25(data, n, mmap=True)
        abbreviations = _abbreviations(data)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise _corrupt(data, exc) from exc
    return Parts(
        store_views.Documents(store),
        store_views.Passages(store, n),
        store.tokens() if tokens else None,
        store_views.Column(store, "key"),
        store_views.Column(store, "dense_key"),
        embeddings,
        bm25,
        abbreviations,
        store.ranges,
        found_ivf,
        found_pq,
    )


def _corrupt(data: Path, exc: Exception) -> IndexFormatError:
    return IndexFormatError(f"index at {data} is corrupt ({exc}); rebuild it with `policyqa index`")


def _abbreviations(data: Path) -> dict[str, str]:
    abbrev = data / "abbreviations.json"
    if not abbrev.is_file():
        return {}
    return shapes.string_map(abbrev, json.loads(abbrev.read_text(encoding="utf-8")))


def read_parts(data: Path, manifest: dict[str, Any], tokens: bool, vectors: bool = True) -> Parts:
    """Everything of the version in ``data`` but facts and lists, each file's shape checked;
    without ``vectors``, an empty array stands for the embeddings (searched elsewhere)."""
    try:
        passages, keys, dense_keys = read_passages(data / "passages.jsonl")
        documents = read_documents(data / "documents.jsonl", passages)
        token_lists = read_jsonl(data / "tokens.jsonl") if tokens else None
        if token_lists is not None:
            shapes.token_lists(data / "tokens.jsonl", token_lists, len(passages))
        embeddings = _vectors(data, manifest, len(passages)) if vectors else _NO_VECTORS
        bm25 = read_bm25(data, len(passages))
        abbreviations = _abbreviations(data)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise _corrupt(data, exc) from exc
    return Parts(
        documents, passages, token_lists, keys, dense_keys, embeddings, bm25, abbreviations
    )


_NO_VECTORS = np.zeros((0, 1), dtype=np.float32)


def _vectors(data: Path, manifest: dict[str, Any], n: int, mmap: bool = False) -> np.ndarray:
    mode: Literal["r"] | None = "r" if mmap else None
    vectors = np.load(data / "vectors.npy", mmap_mode=mode, allow_pickle=False)
    shapes.vectors(data / "vectors.npy", vectors, n, manifest.get("dim"))
    return vectors


def read_passages(path: Path) -> tuple[list[Passage], list[str], list[str]]:
    rows = read_jsonl(path)
    shapes.rows(path, rows, Passage, extra=("key", "dense_key"))
    keys = [r.pop("key") for r in rows]
    dense_keys = [r.pop("dense_key") for r in rows]
    return [Passage(**r) for r in rows], keys, dense_keys


def read_documents(path: Path, passages: list[Passage]) -> dict[str, Document]:
    """The documents, each with its passages, whose offsets must lie in its text."""
    rows = read_jsonl(path)
    shapes.rows(path, rows, Document, skip=_DOC_SKIP)
    by_doc: dict[str, list[Passage]] = {}
    for p in passages:
        by_doc.setdefault(p.doc_id, []).append(p)
    documents = {d["doc_id"]: doc_from_json(d, tuple(by_doc.get(d["doc_id"], []))) for d in rows}
    for p in passages:
        doc = documents.get(p.doc_id)
        if doc is None or not 0 <= p.start <= p.end <= len(doc.text):
            raise shapes.bad(
                path.with_name("passages.jsonl"),
                f"passage {p.pid!r} lies outside the documents of {path.name}",
            )
    return documents


def read_bm25(data: Path, n: int, mmap: bool = False) -> BM25:
    mode: Literal["r"] | None = "r" if mmap else None
    # "bm25_data.npy" -> "data"
    parts = {
        name[5:-4]: np.load(data / name, mmap_mode=mode, allow_pickle=False) for name in BM25_FILES
    }
    vocab = json.loads((data / "vocab.json").read_text(encoding="utf-8"))
    shape, vocab = shapes.bm25(data, parts, n, vocab)
    return BM25(Columns(parts["data"], parts["indices"], parts["indptr"], shape), vocab)
