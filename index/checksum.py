"""Checksums of index files: recorded in the manifest at save, checked at load.

sha256 (``hashlib.file_digest``): on this machine's CPU (SHA extensions) it
hashed the 262 MB corpus-extra index at ~590 MB/s, blake2b at ~410 MB/s.
The files a load reads at once are hashed on a second thread while the first
parses them; facts.jsonl and lists.jsonl are checked when first read.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any

from corpus.errors import IndexFormatError

ALGORITHM = "sha256"
_CHUNK = 16 << 20


def record(folder: Path, names: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """``{file name: {"sha256": hex, "bytes": size}}`` of every file in ``folder`` (or of
    the files ``names``)."""
    out: dict[str, dict[str, Any]] = {}
    paths = sorted(folder.iterdir()) if names is None else [folder / n for n in sorted(names)]
    for path in paths:
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, ALGORITHM).hexdigest()
        out[path.name] = {ALGORITHM: digest, "bytes": path.stat().st_size}
    return out


def damaged(path: Path, expected: dict[str, Any]) -> IndexFormatError:
    return IndexFormatError(
        f"index file {path} is damaged (its {expected.get('bytes')} bytes and "
        f"{ALGORITHM} recorded at save time do not match what is on disk); "
        "rebuild the index with `policyqa index`"
    )


def check_bytes(path: Path, data: bytes, expected: dict[str, Any] | None) -> None:
    """Raise :class:`IndexFormatError` unless ``data`` is what was saved as ``path``."""
    if expected is None:
        return
    if len(data) != expected["bytes"] or (
        hashlib.new(ALGORITHM, data).hexdigest() != expected[ALGORITHM]
    ):
        raise damaged(path, expected)


def check_size(path: Path, expected: dict[str, Any]) -> None:
    """Raise :class:`IndexFormatError` unless the file at ``path`` has the size saved."""
    if path.stat().st_size != expected["bytes"]:
        raise damaged(path, expected)


def check_file(path: Path, expected: dict[str, Any]) -> None:
    """Raise :class:`IndexFormatError` unless the file at ``path`` is what was saved.

    Reads and hashes 16 MB at a time: both release the GIL for the whole
    chunk, so a parse on the main thread is hardly slowed (with
    ``hashlib.file_digest``'s 256 KB chunks the two threads contended for it).
    """
    digest = hashlib.new(ALGORITHM)
    with path.open("rb", buffering=0) as fh:
        if os.fstat(fh.fileno()).st_size != expected["bytes"]:
            raise damaged(path, expected)
        buffer = bytearray(min(_CHUNK, expected["bytes"]) or 1)
        view = memoryview(buffer)
        while size := fh.readinto(buffer):
            digest.update(view[:size])
    if digest.hexdigest() != expected[ALGORITHM]:
        raise damaged(path, expected)


class Verifier:
    """Check files on a second thread while the caller parses them.

    Used as a context manager: leaving it waits for every check. A damaged
    file raises :class:`IndexFormatError` naming it, also in place of the
    error its bytes caused the parser (the checksum says more).
    """

    def __init__(
        self,
        folder: Path,
        expected: dict[str, dict[str, Any]],
        names: list[str],
        hash_max: int | None = None,
    ):
        """``hash_max``: files larger than this many bytes are checked by size only."""
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-check")
        self._jobs: list[Future[None]] = []
        for n in names:
            if n not in expected:
                continue
            if hash_max is not None and expected[n]["bytes"] > hash_max:
                check_size(folder / n, expected[n])
            else:
                self._jobs.append(self._pool.submit(check_file, folder / n, expected[n]))

    def __enter__(self) -> Verifier:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            for job in self._jobs:
                job.result()  # the first damaged file raises here
        except OSError:
            if exc is None:
                raise
        finally:
            self._pool.shutdown(cancel_futures=True)


class Pinned:
    """A file opened now and read later, checked when read.

    The open descriptor keeps the bytes of this version readable even after
    a later save removed its folder, so lazily read tables always belong to
    the index they were loaded with.
    """

    def __init__(
        self, path: Path, expected: dict[str, Any] | None, hash_max: int | None = None
    ) -> None:
        """``hash_max``: a file larger than this many bytes is checked by its size only
        (as :class:`Verifier` checks the files a load reads at once)."""
        self.path = path
        self.expected = expected
        self.hash_max = hash_max
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    def mapped(self) -> bytes | mmap.mmap:
        """The whole file mapped read-only (b"" when empty), checked as :meth:`read` checks
        it: hashed a chunk at a time, each chunk's pages given back to the system after,
        so the check does not hold the file in the process's memory (437 MB of facts at
        1M passages)."""
        size = os.fstat(self._fd).st_size
        expected = self.expected
        if expected is not None and size != expected["bytes"]:
            raise damaged(self.path, expected)
        if size == 0:
            return b""
        data = mmap.mmap(self._fd, size, access=mmap.ACCESS_READ)
        if expected is not None and (self.hash_max is None or size <= self.hash_max):
            digest = hashlib.new(ALGORITHM)
            for start in range(0, size, _CHUNK):
                digest.update(data[start : start + _CHUNK])
                data.madvise(mmap.MADV_DONTNEED, start, min(_CHUNK, size - start))
            if digest.hexdigest() != expected[ALGORITHM]:
                raise damaged(self.path, expected)
        return data
