"""The OCR cache: the lines of every page image recognised on this machine.

One plain JSON file per page image, ``$POLICYQA_CACHE_DIR/ocr/<engine>/<ab>/<key>.json``
(``key``: :func:`corpus.ocr.image_key`), written under a temporary name and
renamed, so a reader sees a whole file or none. A file that is not what this
module wrote (torn, edited, another key or engine) is ignored and the page
recognised again, with a :class:`~corpus.errors.CacheWarning`. An unwritable
cache never fails a build: the page is simply recognised again next time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import warnings
from dataclasses import asdict
from pathlib import Path
from typing import Any

from corpus.cachedir import usable_cache_root
from corpus.errors import CacheWarning
from corpus.ocr import OcrLine

_KEY = re.compile(r"[0-9a-f]{64}")


class OcrCache:
    """Page-image hash → recognised lines, for one engine.

    Args:
        engine: the engine's name (one folder per engine and version).
        root: cache root (default :func:`corpus.cachedir.usable_cache_root`).
    """

    def __init__(self, engine: str, root: Path | None = None) -> None:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", engine)
        base = root if root is not None else usable_cache_root("OCR")
        self.folder: Path | None = base / "ocr" / slug if base is not None else None
        self.engine = engine

    def _path(self, key: str) -> Path | None:
        if self.folder is None or not _KEY.fullmatch(key):
            return None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[OcrLine] | None:
        """The lines cached for ``key``, None when there are none (or they are unusable)."""
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return _lines(data, key, self.engine)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            warnings.warn(
                CacheWarning(f"{path}: unusable OCR cache entry ({exc}); the page is read again"),
                stacklevel=2,
            )
            return None

    def put(self, key: str, lines: list[OcrLine]) -> None:
        """Keep the lines of ``key`` (an unwritable cache is passed over in silence)."""
        path = self._path(key)
        if path is None:
            return
        data = {"engine": self.engine, "key": key, "lines": [asdict(x) for x in lines]}
        with contextlib.suppress(OSError):
            _write_atomic(path, json.dumps(data, ensure_ascii=False))


def _lines(data: Any, key: str, engine: str) -> list[OcrLine]:
    """The lines of a cache file's JSON, checked to be what :meth:`OcrCache.put` wrote."""
    if type(data) is not dict or data.get("key") != key or data.get("engine") != engine:
        raise ValueError("not an entry of this page and engine")
    out = []
    for row in data["lines"]:
        text, quad, score = row["text"], row["quad"], row["score"]
        if type(text) is not str or type(quad) is not list or len(quad) != 8:
            raise ValueError("a line is malformed")
        if not all(type(v) in (int, float) for v in [*quad, score]):
            raise ValueError("a line's box or score is not a number")
        out.append(OcrLine(text, tuple(float(v) for v in quad), float(score)))
    return out


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # our own temporary file
        raise
