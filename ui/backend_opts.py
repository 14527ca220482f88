"""``--backend`` and ``--milvus-uri``: one pair of options for every command that uses the index.

The values, else ``$POLICYQA_BACKEND`` / ``$POLICYQA_MILVUS_URI``, are turned into an
:class:`index.backend.BackendConfig` (the one place that reads those variables);
a Milvus server's token comes only from ``$POLICYQA_MILVUS_TOKEN``, never from
the command line (where other users could see it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from index.backend import BackendConfig

F = TypeVar("F", bound=Callable[..., Any])


def backend_options(command: F) -> F:
    """Add ``--backend`` and ``--milvus-uri`` to a click command."""
    command = click.option(
        "--milvus-uri",
        metavar="URI",
        help="Milvus: a folder (Milvus Lite) or http://host:19530 (a server; its token "
        "from $POLICYQA_MILVUS_TOKEN). Default $POLICYQA_MILVUS_URI.",
    )(command)
    return click.option(
        "--backend",
        metavar="NAME",
        help="Where passages are searched: inprocess (default) or milvus. "
        "Default $POLICYQA_BACKEND.",
    )(command)


def backend_of(
    backend: str | None, milvus_uri: str | None, dense_index: str | None = None
) -> BackendConfig:
    """The options' backend settings (see :func:`index.backend.backend_config`).

    Raises:
        ConfigError: an unknown backend or dense index, or Milvus without a URI.
    """
    from index.backend import backend_config

    return backend_config(backend, milvus_uri, dense_index=dense_index)
