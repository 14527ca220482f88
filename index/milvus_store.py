"""Writing an index version's passages to Milvus, and switching to them only when whole.

Each saved version of a folder index gets its own collection,
``<prefix>_<seq>`` (the prefix is fixed per index folder and machine). A build:

1. drops what a killed build of this index left (collections of the prefix that
   the current manifest does not name),
2. writes every passage of the new version into a new collection, builds its
   indexes, loads it and checks its row count,
3. saves the folder index, whose manifest names the new collection (the pointer
   switch of :func:`index.layout.publish` is the moment readers move over),
4. only then drops the previous collection.

A build killed anywhere before step 3 leaves the previous version and its
collection untouched and in use; one killed after it leaves the new ones. The
BM25 weights of every passage depend on the whole library (idf, average length),
so a re-index writes every row again (vectors come from the folder index, nothing
is embedded again); a document that changed or went away is simply not in the
new collection.
"""

from __future__ import annotations

import hashlib
import socket
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from corpus.errors import BackendError, OptionalDependencyError, PolicyQAWarning
from corpus.model import Document, Passage
from index import milvus_schema
from index.backend import BackendConfig
from index.milvus_schema import MilvusConfig

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
    *,
    passages: list[Passage],
    documents: dict[str, Document],
    matrix: sparse.csr_matrix,
    vectors: np.ndarray,
    config: MilvusConfig,
    progress: Progress | None = None,
) -> None:
    """Create collection ``name`` holding every passage, indexed, loaded and counted.

    Raises:
        BackendError: a document the schema cannot hold (before anything is written),
            a failed Milvus call, or a count that is not the number of passages.
    """
    from pymilvus.exceptions import MilvusException

    for doc in documents.values():
        milvus_schema.check_fits(doc, config)
    try:
        milvus_schema.create_collection(client, name, int(vectors.shape[1]), config)
        done = 0
        for batch in milvus_schema.rows(passages, documents, matrix, vectors, config.batch):
            client.insert(name, batch, timeout=config.timeout)
            done += len(batch)
            if progress:
                progress("milvus", done, len(passages))
        client.flush(name, timeout=config.timeout)
        client.load_collection(name, timeout=config.timeout)
        stored = count_rows(client, name)
    except MilvusException as exc:
        raise failure(f"write collection {name}", exc) from exc
    if stored != len(passages):
        raise BackendError(f"collection {name} holds {stored} rows, not {len(passages)}")


def count_rows(client: Any, name: str) -> int:
    found = client.query(name, filter="", output_fields=["count(*)"])
    return int(found[0]["count(*)"])


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


def _discard(client: Any, name: str) -> None:
    """Drop a collection no version names (a failure here must not hide the first)."""
    from pymilvus.exceptions import MilvusException

    with suppress(MilvusException):
        _drop(client, [name])


@contextmanager
def published(
    backend: BackendConfig,
    index_dir: Path,
    previous: dict[str, Any] | None,
    manifest: dict[str, Any],
    *,
    passages: list[Passage],
    documents: list[Document],
    matrix: sparse.spmatrix,
    vectors: np.ndarray,
    config: MilvusConfig | None = None,
    progress: Progress | None = None,
) -> Iterator[None]:
    """Write the new version's collection, name it in ``manifest``, and let the caller
    save the folder index inside the ``with``; then drop the collections no version
    names any more. If the write or the save fails, the new collection is dropped.

    Call under the index's writer lock.
    """
    config = config or MilvusConfig(dense_index=backend.dense_index)
    client = connect(backend, config, create=True)
    old = entry_of(previous)
    prefix = str(old.get("prefix") or collection_prefix(index_dir))
    seq = int(old.get("seq", 0)) + 1
    name = f"{prefix}_{seq:06d}"
    _clear_leftovers(client, prefix, keep=str(old.get("collection", "")))
    try:
        write_collection(
            client,
            name,
            passages=passages,
            documents={d.doc_id: d for d in documents},
            matrix=sparse.csr_matrix(matrix),
            vectors=vectors,
            config=config,
            progress=progress,
        )
        manifest[MANIFEST_KEY] = {
            "collection": name,
            "prefix": prefix,
            "seq": seq,
            "n_rows": len(passages),
            "dense_index": config.dense_index.value,
        }
        yield
    except BaseException:
        _discard(client, name)
        raise
    _retire(client, prefix, name)


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
