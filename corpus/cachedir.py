"""Where policyqa keeps what it computed once and may need again (embeddings, OCR).

``$POLICYQA_CACHE_DIR``, default ``~/.cache/policyqa``; each cache has its own
sub-folder (``embeddings/``, ``ocr/``).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from corpus.errors import CacheWarning


def cache_root() -> Path:
    """``$POLICYQA_CACHE_DIR`` or ``~/.cache/policyqa``."""
    return Path(os.environ.get("POLICYQA_CACHE_DIR") or Path.home() / ".cache" / "policyqa")


def usable_cache_root(what: str = "embedding") -> Path | None:
    """:func:`cache_root`, or None (with a warning) when a file stands where its folder must.

    Args:
        what: the cache asking, as the warning names it ("embedding", "OCR").
    """
    root = cache_root()
    blocker = next((p for p in (root, *root.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        warnings.warn(
            CacheWarning(
                f"POLICYQA_CACHE_DIR={root}: {blocker} is a file, not a folder; working without "
                f"the {what} cache (point POLICYQA_CACHE_DIR at a folder or unset it)"
            ),
            stacklevel=3,
        )
        return None
    return root
