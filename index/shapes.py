"""Shape checks of what an index's files hold, so a damaged or foreign file is one clear error.

Valid JSON of the wrong shape (a number where a passage should be, a list as
the manifest, vocabulary ids past the matrix, vectors of another dimension)
raises :class:`IndexFormatError` naming the file, never a traceback from
deeper code. Row checks follow the dataclasses' own type annotations.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Union, cast, get_args, get_origin, get_type_hints

import numpy as np

from corpus.errors import IndexFormatError

Check = Callable[[Any], bool]
_HEX = frozenset("0123456789abcdef")


def bad(path: Path, what: str) -> IndexFormatError:
    return IndexFormatError(
        f"index file {path} is malformed ({what}); rebuild the index with `policyqa index`"
    )


def _check_for(tp: Any) -> Check:
    """A fast test that a JSON value fits the annotation ``tp``."""
    if tp is str or tp is int or tp is bool:
        return lambda v: type(v) is tp
    if tp is float:
        return lambda v: type(v) is float or type(v) is int
    if tp is type(None):
        return lambda v: v is None
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        subs = [_check_for(a) for a in get_args(tp)]
        return lambda v: any(s(v) for s in subs)
    if origin is tuple:  # tuple[X, ...] is a JSON list of X
        elem = _check_for(get_args(tp)[0])
        return lambda v: type(v) is list and all(elem(x) for x in v)
    if is_dataclass(tp):
        row = row_check(cast(type, tp))
        return lambda v: row(v) is None
    raise TypeError(f"no shape check for {tp!r}")


@cache
def row_check(cls: type, skip: frozenset[str] = frozenset()) -> Callable[[Any], str | None]:
    """A check of one JSON row against dataclass ``cls``: None, or what is wrong.

    Fields in ``skip`` are not stored (rebuilt on load) and are not checked.
    """
    hints = get_type_hints(cls)
    spec = [
        (f.name, _check_for(hints[f.name]), f.default is MISSING and f.default_factory is MISSING)
        for f in fields(cls)
        if f.init and f.name not in skip
    ]

    def check(row: Any) -> str | None:
        if type(row) is not dict:
            return f"a {type(row).__name__} where a {cls.__name__} object should be"
        for name, ok, required in spec:
            if name in row:
                if not ok(row[name]):
                    return f"{cls.__name__}.{name} is {row[name]!r:.40}"
            elif required:
                return f"{cls.__name__}.{name} is missing"
        return None

    return check


def rows(
    path: Path,
    data: list[Any],
    cls: type,
    *,
    skip: frozenset[str] = frozenset(),
    extra: tuple[str, ...] = (),
) -> None:
    """Every row of a JSONL file fits ``cls`` and carries the string fields ``extra``."""
    check = row_check(cls, skip)
    for line, row in enumerate(data, 1):
        problem = check(row)
        if problem is None:
            problem = next(
                (f"{k!r} is not a string" for k in extra if type(row.get(k)) is not str), None
            )
        if problem is not None:
            raise bad(path, f"line {line}: {problem}")


def manifest(path: Path, data: Any) -> dict[str, Any]:
    """The manifest as a dict whose known keys have the right types."""
    if type(data) is not dict:
        raise bad(path, f"a {type(data).__name__}, not an object")
    for key, kind in (("model_id", str), ("dim", int), ("params", dict), ("files", dict)):
        if key in data and type(data[key]) is not kind:
            raise bad(path, f"{key!r} is not a {kind.__name__}")
    for name, entry in data.get("files", {}).items():
        if not (
            type(entry) is dict
            and type(entry.get("bytes")) is int
            and isinstance(entry.get("sha256"), str)
            and len(entry["sha256"]) == 64
            and set(entry["sha256"]) <= _HEX
        ):
            raise bad(path, f"the checksum of {name!r} is malformed")
    return data


def string_map(path: Path, data: Any) -> dict[str, str]:
    if type(data) is not dict or not all(type(v) is str for v in data.values()):
        raise bad(path, "not an object of strings")
    return data


def token_lists(path: Path, data: list[Any], n: int) -> None:
    if len(data) != n:
        raise bad(path, f"{len(data)} token lists for {n} passages")
    for line, row in enumerate(data, 1):
        if type(row) is not list or not all(type(t) is str for t in row):
            raise bad(path, f"line {line}: not a list of strings")


def vectors(path: Path, arr: np.ndarray, n: int, dim: Any) -> None:
    if arr.ndim != 2 or arr.dtype != np.float32:
        raise bad(path, f"a {arr.dtype} array of shape {arr.shape}, not float32 rows")
    if arr.shape[0] != n:
        raise bad(path, f"{arr.shape[0]} vectors for {n} passages")
    if type(dim) is int and arr.shape[1] != dim:
        raise bad(path, f"vectors of dimension {arr.shape[1]}, the manifest says {dim}")


def bm25(
    folder: Path, parts: dict[str, np.ndarray], n: int, vocab: Any
) -> tuple[tuple[int, int], dict[str, int]]:
    """Check the BM25 matrix's arrays and vocabulary; returns (shape, vocab)."""
    shape, data, indices, indptr = (parts[k] for k in ("shape", "data", "indices", "indptr"))
    if shape.shape != (2,) or shape.dtype.kind not in "iu" or (shape < 0).any():
        raise bad(folder / "bm25_shape.npy", f"{shape!r:.60} is not a matrix shape")
    rows_, cols = int(shape[0]), int(shape[1])
    if rows_ != n:
        raise bad(folder / "bm25_shape.npy", f"{rows_} rows for {n} passages")
    if data.ndim != 1 or data.dtype.kind != "f":
        raise bad(folder / "bm25_data.npy", "not a 1-D float array")
    if indices.ndim != 1 or indices.dtype.kind not in "iu" or len(indices) != len(data):
        raise bad(folder / "bm25_indices.npy", "not one integer row index per weight")
    if len(indices) and (indices.min() < 0 or indices.max() >= rows_):
        raise bad(folder / "bm25_indices.npy", "row indices outside the matrix")
    if (
        indptr.ndim != 1
        or indptr.dtype.kind not in "iu"
        or len(indptr) != cols + 1
        or indptr[0] != 0
        or indptr[-1] != len(data)
        or (np.diff(indptr) < 0).any()
    ):
        raise bad(folder / "bm25_indptr.npy", "column pointers do not fit the matrix")
    path = folder / "vocab.json"
    if type(vocab) is not dict or not all(type(v) is int for v in vocab.values()):
        raise bad(path, "not an object of integer column ids")
    try:
        ids = np.fromiter(vocab.values(), dtype=np.int64, count=len(vocab))
    except OverflowError:
        ids = np.asarray([-1])
    if len(ids) and (ids.min() < 0 or ids.max() >= cols):
        raise bad(path, f"column ids outside the matrix's {cols} columns")
    return (rows_, cols), vocab
