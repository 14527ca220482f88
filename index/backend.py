"""Where passages are searched: in this process (the default) or in a Milvus collection.

This module is the one place the backend settings are read from the environment
(``POLICYQA_BACKEND``, ``POLICYQA_MILVUS_URI``, ``POLICYQA_MILVUS_TOKEN``,
``POLICYQA_MILVUS_INDEX``); the CLI's ``--backend``, ``--milvus-uri`` and
``--milvus-index`` take precedence over them.

A Milvus URI is either a server (``http://host:19530``, ``https://…``, ``tcp://…``,
with an optional token) or a local path for Milvus Lite: a folder (its data goes to
``milvus.db`` inside it) or a path ending in ``.db``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TypeVar

from corpus.errors import ConfigError

BACKEND_ENV = "POLICYQA_BACKEND"
URI_ENV = "POLICYQA_MILVUS_URI"
TOKEN_ENV = "POLICYQA_MILVUS_TOKEN"
INDEX_ENV = "POLICYQA_MILVUS_INDEX"
LITE_FILE = "milvus.db"
_SERVER_SCHEMES = ("http://", "https://", "tcp://")
E = TypeVar("E", bound=Enum)


class Backend(Enum):
    """The search backends, by the name ``--backend`` takes."""

    IN_PROCESS = "inprocess"
    MILVUS = "milvus"


class DenseIndexKind(Enum):
    """How Milvus indexes the dense vectors of a new collection."""

    FLAT = "FLAT"  # exact, as the in-process FAISS flat index (the default)
    HNSW = "HNSW"  # approximate graph, for millions of passages on a server


@dataclass(frozen=True)
class BackendConfig:
    """Which backend, and how to reach Milvus.

    Attributes:
        kind: the backend.
        milvus_uri: a server URI or a Milvus Lite folder ("" for in-process).
        milvus_token: the server's token ("user:password" or an API key); never printed.
        dense_index: how a build indexes the dense vectors (None: as the index's
            collection does, FLAT for a new one; readers use what the collection
            was built with).
    """

    kind: Backend = Backend.IN_PROCESS
    milvus_uri: str = ""
    milvus_token: str = field(default="", repr=False)
    dense_index: DenseIndexKind | None = None

    @property
    def is_server(self) -> bool:
        """A Milvus server (standalone or cluster), not Milvus Lite."""
        return is_server_uri(self.milvus_uri)

    def client_uri(self) -> str:
        """What ``pymilvus.MilvusClient`` is given: the server URI, or Lite's ``.db`` path."""
        if self.is_server:
            return self.milvus_uri
        path = Path(self.milvus_uri).expanduser()
        return str(path if path.suffix == ".db" else path / LITE_FILE)


def is_server_uri(uri: str) -> bool:
    return uri.lower().startswith(_SERVER_SCHEMES)


def _named(enum: type[E], name: str, what: str) -> E:
    try:
        return enum(name)
    except ValueError:
        names = ", ".join(str(e.value) for e in enum)
        raise ConfigError(f"unknown {what} {name!r}; choose one of {names}") from None


def backend_config(
    kind: str | None = None,
    milvus_uri: str | None = None,
    env: Mapping[str, str] | None = None,
    dense_index: str | None = None,
) -> BackendConfig:
    """The backend settings: the values given (CLI options), else the environment.

    Raises:
        ConfigError: an unknown backend or dense index, Milvus without a URI, or a
            URI given for the in-process backend.
    """
    env = os.environ if env is None else env
    name = (kind or env.get(BACKEND_ENV) or Backend.IN_PROCESS.value).strip().lower()
    chosen = _named(Backend, name, "backend")
    index_name = (dense_index or env.get(INDEX_ENV) or "").strip().upper()
    dense = _named(DenseIndexKind, index_name, "Milvus dense index") if index_name else None
    uri = (milvus_uri or env.get(URI_ENV) or "").strip()
    if chosen is Backend.MILVUS and not uri:
        raise ConfigError(
            f"the milvus backend needs --milvus-uri or ${URI_ENV}: a folder for Milvus Lite "
            "or http://host:19530 for a Milvus server"
        )
    if chosen is Backend.IN_PROCESS and milvus_uri:
        raise ConfigError(
            "--milvus-uri was given but the backend is inprocess; add --backend milvus "
            f"(or set ${BACKEND_ENV}=milvus)"
        )
    if chosen is Backend.IN_PROCESS:
        return BackendConfig()
    return BackendConfig(chosen, uri, env.get(TOKEN_ENV, ""), dense)
