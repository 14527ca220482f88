"""Lazy re-exports for the packages' ``__init__.py`` (PEP 562).

``import index.manifest`` runs ``index/__init__.py`` first; re-exporting
``index.build`` there eagerly would load numpy, scipy and the BM25 code for a
command that reads one file (``policyqa indicators``). A package instead names
where each re-exported name lives, and it is imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``where[name]`` on first use.

    Args:
        package: the package's ``__name__`` (for the error message).
        where: re-exported name -> the module defining it.
    """

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(where[name]), name)

    return __getattr__
