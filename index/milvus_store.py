"""Keeping a folder index's passages in a Milvus collection, switched to only when whole.

The collection ``<prefix>_<seq>`` (the prefix is fixed per index folder and
machine) holds the rows of successive versions of the folder index, each row
marked with the versions that hold it (:mod:`index.milvus_schema`). A build:

1. undoes what a killed build of this index left: collections of the prefix that
   the current manifest does not name, and in the named one the rows a killed
   update added or retired (:func:`index.milvus_sync.recover`),
2. updates the collection for the new version, touching only the rows of the
   documents that were added, changed or removed; or, when it must
   (:func:`index.milvus_sync.plan`), writes a new collection with every passage,
3. flushes, loads and checks that the new version holds one row per passage,
4. saves the folder index, whose manifest names the collection and the new
   version (the pointer switch of :func:`index.layout.publish` is the moment
   readers move over; until then they see the previous version whole),
5. after a full write, drops the previous collection.

A build killed anywhere before step 4 leaves the previous version answering (its
leftovers are undone by the next build); one killed after it leaves the new one.
A build that fails (an error, not a kill) undoes its own work at once.
"""

from __future__ import annotations

import hashlib
import socket
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from corpus.errors import BackendError, OptionalDependencyError, PolicyQAWarning
from index import milvus_schema, milvus_sync
from index.backend import BackendConfig, DenseIndexKind
from index.milvus_schema import MilvusConfig
from index.milvus_sync import VersionData

Progress = Callable[[str, int, int], None]
MANIFEST_KEY = "milvus"
_LITE_GRPC = {"grpc.keepalive_time_ms": 2**31 - 1, "grpc.keepalive_permit_without_calls": 0}
_PREFIX = "policyqa_"


def connect(
    backend: BackendConfig, config: MilvusConfig | None = None, *, create: bool = False
) -> Any:
    """A ``pymilvus.MilvusClient`` for the backend's URI (Milvus Lite for a folder, made
    when ``create``: a reader never leaves an empty Milvus Lite behind a wrong path).

    Raises:
        OptionalDependencyError: pymilvus (or milvus-lite, for a folder) is not installed.
        BackendError: the server cannot be reached, no Milvus Lite data is at the path
            (unless ``create``), or the Lite folder is held by another process.
    """
    try:
        from pymilvus import MilvusClient
        from pymilvus.exceptions import MilvusException
    except ImportError:
        raise OptionalDependencyError(
            "the milvus backend needs pymilvus and milvus-lite: pip install 'policyqa[milvus]'"
        ) from None
    uri = backend.client_uri()
    timeout = (config or MilvusConfig()).timeout
    if not backend.is_server and create:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    elif not backend.is_server and not Path(uri).exists():
        raise BackendError(
            f"no Milvus Lite data at {backend.milvus_uri} ({uri} is missing); "
            "write it with `policyqa index --backend milvus --milvus-uri URI`"
        )
    # Milvus Lite's in-process gRPC server allows a ping only every 5 minutes without
    # a call, then hangs up ("too_many_pings") on pymilvus's 10 s keepalive and refuses
    # the reconnection: a process that works a while between queries (a model
    # loading, a web server waiting for questions) lost its connection.
    quiet = {} if backend.is_server else {"grpc_options": _LITE_GRPC}
    try:
        return MilvusClient(uri=uri, token=backend.milvus_token, timeout=timeout, **quiet)
    except (MilvusException, OSError) as exc:
        busy = (
            ""
            if backend.is_server
            else " (Milvus Lite serves one process at a time: is a `policyqa serve` or "
            "another command using this folder? Use a Milvus server to share it)"
        )
        raise BackendError(f"cannot open Milvus at {backend.milvus_uri}{busy}: {exc}") from exc


def failure(what: str, exc: Exception) -> BackendError:
    """A Milvus call that failed, as policyqa's error."""
    return BackendError(f"Milvus could not {what}: {exc}")


def collection_prefix(index_dir: Path) -> str:
    """The collections of the index at ``index_dir`` on this machine start with this."""
    where = f"{socket.gethostname()}:{index_dir.resolve()}"
    return _PREFIX + hashlib.sha1(where.encode()).hexdigest()[:12]


def entry_of(manifest: dict[str, Any] | None) -> dict[str, Any]:
    """The manifest's record of its collection ({} for an in-process index)."""
    entry = (manifest or {}).get(MANIFEST_KEY)
    return entry if isinstance(entry, dict) else {}


def _ours(client: Any, prefix: str) -> list[str]:
    return [n for n in client.list_collections() if n.startswith(f"{prefix}_")]


def write_collection(
    client: Any,
    name: str,
    new: VersionData,
    version: int,
    config: MilvusConfig,
    progress: Progress | None = None,
) -> None:
    """Create collection ``name`` holding every passage of ``new`` as ``version``,
    indexed, loaded and counted.

    Raises:
        MilvusException: a failed Milvus call.
        BackendError: a count that is not the number of passages.
    """
    milvus_schema.create_collection(client, name, int(new.vectors.shape[1]), config)
    ids = [d.doc_id for d in new.documents]
    milvus_sync.insert(
        client,
        name,
        new,
        ids,
        first_pk=0,
        version=version,
        avgdl=new.avgdl,
        config=config,
        progress=progress,
    )
    _settle(client, name, version, len(new.passages), config)


def _settle(client: Any, name: str, version: int, n: int, config: MilvusConfig) -> None:
    """Flush and load the collection, and check that ``version`` holds ``n`` rows."""
    client.flush(name, timeout=config.timeout)
    client.load_collection(name, timeout=config.timeout)
    stored = milvus_sync.count_visible(client, name, version, n)
    if stored != n:
        raise BackendError(f"collection {name} holds {stored} rows of version {version}, not {n}")


def _drop(client: Any, names: list[str]) -> None:
    for name in names:
        if client.has_collection(name):
            client.drop_collection(name)


def _clear_leftovers(client: Any, prefix: str, keep: str) -> None:
    """Drop what killed builds of this index left: its collections but ``keep``."""
    from pymilvus.exceptions import MilvusException

    try:
        _drop(client, [n for n in _ours(client, prefix) if n != keep])
    except MilvusException as exc:
        raise failure(f"drop the leftover collections of {prefix}", exc) from exc


@contextmanager
def published(
    backend: BackendConfig,
    index_dir: Path,
    previous: dict[str, Any] | None,
    manifest: dict[str, Any],
    new: VersionData,
    *,
    before: dict[str, str] | None = None,
    config: MilvusConfig | None = None,
    progress: Progress | None = None,
) -> Iterator[None]:
    """Bring the index's collection to ``new`` (``previous``: the current manifest;
    ``before``: the signatures of the version it holds, None to write everything
    again), name it in ``manifest``, and let the caller save the folder index inside
    the ``with``. If the write or the save fails, what was written is undone.

    Call under the index's writer lock.

    Raises:
        BackendError: a document the schema cannot hold (before anything is written),
            or a failed Milvus call.
    """
    from pymilvus.exceptions import MilvusException

    old = entry_of(previous)
    kind = backend.dense_index or DenseIndexKind(old.get("dense_index", DenseIndexKind.FLAT.value))
    config = config or MilvusConfig(dense_index=kind)
    for doc in new.documents:
        milvus_schema.check_fits(doc, config)
    client = connect(backend, config, create=True)
    prefix = str(old.get("prefix") or collection_prefix(index_dir))
    current = str(old.get("collection", ""))
    version = int(old.get("seq", 0)) + 1
    _clear_leftovers(client, prefix, keep=current)
    todo = milvus_sync.plan(old, before, new, config)
    name = f"{prefix}_{version:06d}" if todo.full else current
    try:
        if todo.full:
            write_collection(client, name, new, version, config, progress)
            manifest[MANIFEST_KEY] = milvus_sync.entry_for(
                name, prefix, version, len(new.passages), new.avgdl, new, config
            )
        else:
            manifest[MANIFEST_KEY] = _update(client, old, new, todo, config, progress)
    except (MilvusException, BackendError) as exc:
        _undo(client, name, todo, version, config)
        if isinstance(exc, BackendError):
            raise
        raise failure(f"write collection {name}", exc) from exc
    try:
        yield
    except BaseException:
        _undo(client, name, todo, version, config)
        raise
    if todo.full:
        _retire(client, prefix, name)


def _update(
    client: Any,
    old: dict[str, Any],
    new: VersionData,
    todo: milvus_sync.Plan,
    config: MilvusConfig,
    progress: Progress | None,
) -> dict[str, Any]:
    """Update the collection ``old`` names to the next version; its new manifest entry."""
    name, version = str(old["collection"]), int(old["seq"]) + 1
    client.load_collection(name, timeout=config.timeout)
    milvus_sync.recover(client, name, version - 1, config)
    milvus_sync.retire(client, name, todo.retire, version, config)
    next_pk = milvus_sync.insert(
        client,
        name,
        new,
        todo.write,
        first_pk=int(old["next_pk"]),
        version=version,
        avgdl=float(old["avgdl"]),
        config=config,
        progress=progress,
    )
    _settle(client, name, version, len(new.passages), config)
    return milvus_sync.entry_for(
        name, str(old["prefix"]), version, next_pk, float(old["avgdl"]), new, config
    )


def _undo(
    client: Any, name: str, todo: milvus_sync.Plan, version: int, config: MilvusConfig
) -> None:
    """Undo a build that failed: drop its new collection, or take back its update (a
    failure here must not hide the first; the next build undoes what is left)."""
    from pymilvus.exceptions import MilvusException

    with suppress(MilvusException, BackendError):
        if todo.full:
            _drop(client, [name])
        else:
            milvus_sync.recover(client, name, version - 1, config)


def _retire(client: Any, prefix: str, current: str) -> None:
    """Drop the collections of the index but ``current``; a failure only warns (the
    new version is in use already, the next build drops what is left)."""
    from pymilvus.exceptions import MilvusException

    try:
        _drop(client, [n for n in _ours(client, prefix) if n != current])
    except MilvusException as exc:
        warnings.warn(
            PolicyQAWarning(f"the previous Milvus collection was not dropped ({exc})"),
            stacklevel=2,
        )
