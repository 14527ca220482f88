"""Shape checks of what an index's files hold, so a damaged or foreign file is one clear error.

Valid JSON of the wrong shape (a number where a passage should be, a list as
the manifest, vocabulary ids past the matrix, vectors of another dimension)
raises :class:`IndexFormatError` naming the file, never a traceback from
deeper code. Row checks follow the dataclasses' own type annotations.
"""

from __future__ import annotations

import types
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, cast, get_args, get_origin, get_type_hints

from corpus.errors import IndexFormatError

if TYPE_CHECKING:  # numpy is imported by the two array checks only (light manifest reads)
    import numpy as np

_HEX = frozenset("0123456789abcdef")
_LOAD_CHECKED = 1 << 24  # BM25 row indices checked at load (more: when read)


def bad(path: Path, what: str) -> IndexFormatError:
    return IndexFormatError(
        f"index file {path} is malformed ({what}); rebuild the index with `policyqa index`"
    )


@cache
def _allowed(tp: Any) -> frozenset[type] | None:
    """The JSON types a plain annotation admits; None for a list or object annotation."""
    simple: dict[Any, set[type]] = {
        str: {str},
        int: {int},
        float: {float, int},
        bool: {bool},
        type(None): {type(None)},
    }
    if tp in simple:
        return frozenset(simple[tp])
    if get_origin(tp) in (Union, types.UnionType):
        parts = [_allowed(a) for a in get_args(tp)]
        if all(p is not None for p in parts):
            return frozenset(t for p in parts if p is not None for t in p)
    return None


@cache
def _spec(cls: type, skip: frozenset[str]) -> tuple[tuple[str, Any, Any], ...]:
    """(name, annotation, default or MISSING) of each stored field of dataclass ``cls``."""
    hints = get_type_hints(cls)
    out = []
    for f in fields(cls):
        if f.init and f.name not in skip:
            default = f.default if f.default_factory is MISSING else f.default_factory()
            if type(default) is tuple:  # a field added later: a missing key reads as its JSON form
                default = list(default)
            out.append((f.name, hints[f.name], default))
    return tuple(out)


def _json_name(kind: type) -> str:
    """How JSON calls a value of this Python type (for messages)."""
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number"}
    return names.get(kind, "true/false" if kind is bool else "null")


def _values_problem(values: list[Any], tp: Any) -> str | None:
    """What is wrong with a column of JSON values meant to fit ``tp`` (None: nothing)."""
    allowed = _allowed(tp)
    if allowed is not None:
        wrong = set(map(type, values)) - allowed
        return f"is JSON {_json_name(next(iter(wrong)))}" if wrong else None
    if get_origin(tp) is tuple:  # tuple[X, ...]: a JSON list of X
        if set(map(type, values)) - {list}:
            return "is not a list"
        return _values_problem(list(chain.from_iterable(values)), get_args(tp)[0])
    if is_dataclass(tp):
        return _columns_problem(values, cast(type, tp), frozenset(), ())
    raise TypeError(f"no shape check for {tp!r}")


def _columns_problem(
    data: list[Any], cls: type, skip: frozenset[str], extra: tuple[str, ...]
) -> str | None:
    """What is wrong with rows meant to be objects of ``cls`` (None: nothing).

    The keys and value types of all rows are collected first (a few distinct
    signatures, C-level loops: 50,000 passages in ~80 ms), then each
    signature is checked; lists and nested objects are checked a column at a time.
    """
    kinds = set(map(type, data)) - {dict}
    if kinds:
        return f"JSON {_json_name(next(iter(kinds)))} where a {cls.__name__} object should be"
    spec = _spec(cls, skip)
    for keys, types_ in {(tuple(r), tuple(map(type, r.values()))) for r in data}:
        problem = _signature_problem(
            cls.__name__, spec, extra, dict(zip(keys, types_, strict=True))
        )
        if problem is not None:
            return problem
    for name, tp, default in spec:
        if _allowed(tp) is None:  # a list or nested object: check its elements
            problem = _values_problem([r.get(name, default) for r in data], tp)
            if problem is not None:
                return f"{cls.__name__}.{name} {problem}"
    return None


def _signature_problem(
    cls: str, spec: tuple[tuple[str, Any, Any], ...], extra: tuple[str, ...], row: dict[str, type]
) -> str | None:
    """What is wrong with one combination of keys and value types."""
    for name, tp, default in spec:
        if name not in row:
            if default is MISSING:
                return f"{cls}.{name} is missing"
            continue
        allowed = _allowed(tp) or frozenset({list if get_origin(tp) is tuple else dict})
        if row[name] not in allowed:
            return f"{cls}.{name} is JSON {_json_name(row[name])}"
    for name in extra:
        if row.get(name) is not str:
            return f"{name!r} is not a string"
    return None


def rows(
    path: Path,
    data: list[Any],
    cls: type,
    *,
    skip: frozenset[str] = frozenset(),
    extra: tuple[str, ...] = (),
) -> None:
    """Every row of a JSONL file fits dataclass ``cls`` and carries the string fields ``extra``.

    Fields in ``skip`` are not stored (rebuilt on load) and are not checked.
    """
    if _columns_problem(data, cls, skip, extra) is None:
        return
    for line, row in enumerate(data, 1):  # name the first bad line
        problem = _columns_problem([row], cls, skip, extra)
        if problem is not None:
            raise bad(path, f"line {line}: {problem}")


def manifest(path: Path, data: Any) -> dict[str, Any]:
    """The manifest as a dict whose known keys have the right types."""
    if type(data) is not dict:
        raise bad(path, f"JSON {_json_name(type(data))}, not an object")
    known = {"model_id": str, "dim": int, "n_documents": int, "n_passages": int}
    more = {"params": dict, "files": dict, "milvus": dict, "dense": str}
    for key, kind in {**known, **more}.items():
        if key in data and type(data[key]) is not kind:
            raise bad(
                path, f"{key!r} is JSON {_json_name(type(data[key]))}, not {_json_name(kind)}"
            )
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
    import numpy as np

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
    import numpy as np

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
    # Every row index is checked here up to _LOAD_CHECKED of them; past that (1M passages:
    # 64M, 254 MB to read) each column's when it is read (index.bm25.Columns.column).
    if 0 < len(indices) <= _LOAD_CHECKED and (indices.min() < 0 or indices.max() >= rows_):
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
