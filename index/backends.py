"""Embedding backends: named rows that turn a configured model into an :class:`Embedder`.

- ``torch``: sentence-transformers (:class:`index.embed.SentenceTransformerEmbedder`).
- ``onnx`` (default): the same model exported to ONNX at first use and run by ONNX
  Runtime in fp32. Its vectors equal torch's (checked at export), so it keeps the
  model id and shares the embedding cache and indexes with torch. When the export
  fails or does not match, texts are embedded with torch after one warning.
- ``onnx-int8``: the ONNX model with dynamically quantised int8 weights. Its vectors
  differ a little, so its model id gets a suffix (``moka-ai/m3e-small@onnx-int8``):
  its own cache folder, and an index built with it is queried with it.

Pick one with ``POLICYQA_EMBEDDER`` or ``policyqa index --embedder``.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from corpus.errors import ConfigError, EmbedderWarning, OnnxExportError
from index.embed import Embedder, SentenceTransformerEmbedder, resolve_model

ENV_VAR = "POLICYQA_EMBEDDER"


class Backend(StrEnum):
    TORCH = "torch"
    ONNX = "onnx"
    ONNX_INT8 = "onnx-int8"


@dataclass(frozen=True)
class EmbedConfig:
    """Settings of the embedding stage.

    Attributes:
        backend: the backend used when none is configured.
        min_cosine: ONNX fp32 is used only when every verification text's vector
            has at least this cosine to torch's (fp32, no autocast).
        batch_size: texts per forward pass.
        build_chunk: texts per encode call of a build (one cache shard each).
        opset: ONNX opset of the export.
        threads: ONNX Runtime intra-op threads; 0 means one per core.
    """

    backend: Backend = Backend.ONNX
    min_cosine: float = 0.9999
    batch_size: int = 32
    build_chunk: int = 512
    opset: int = 17
    threads: int = 0


Maker = Callable[[str, EmbedConfig], Embedder]


@dataclass(frozen=True)
class BackendRow:
    """One backend: its name, what it appends to the model id, and how it is made."""

    backend: Backend
    id_suffix: str
    make: Maker


def _torch(name: str, config: EmbedConfig) -> Embedder:
    return SentenceTransformerEmbedder(name, batch_size=config.batch_size)


def _onnx(name: str, config: EmbedConfig) -> Embedder:
    model_id, path = resolve_model(name)  # a missing model is an error, not a fallback
    try:
        return _load_onnx(model_id, path, config, int8=False)
    except OnnxExportError as exc:
        warnings.warn(EmbedderWarning(f"{exc}; embedding with torch instead"), stacklevel=4)
        return _torch(name, config)


def _onnx_int8(name: str, config: EmbedConfig) -> Embedder:
    model_id, path = resolve_model(name)
    return _load_onnx(model_id, path, config, int8=True)


def _load_onnx(model_id: str, path: str, config: EmbedConfig, *, int8: bool) -> Embedder:
    from index.onnx_embed import OnnxEmbedder
    from index.onnx_export import ensure_export, short_reason

    export = ensure_export(model_id, path, config, int8=int8)
    row = BACKENDS[Backend.ONNX_INT8 if int8 else Backend.ONNX]
    try:
        return OnnxEmbedder(
            export.folder,
            model_id + row.id_suffix,
            dim=export.dim,
            file=export.file(int8),
            config=config,
        )
    except Exception as exc:  # onnxruntime raises its own kinds for a bad file
        raise OnnxExportError(f"cannot load {export.folder}: {short_reason(exc)}") from exc


BACKENDS: dict[Backend, BackendRow] = {
    row.backend: row
    for row in (
        BackendRow(Backend.TORCH, "", _torch),
        BackendRow(Backend.ONNX, "", _onnx),
        BackendRow(Backend.ONNX_INT8, "@onnx-int8", _onnx_int8),
    )
}


def parse_backend(value: str | Backend) -> Backend:
    """The backend named ``value``.

    Raises:
        ConfigError: no backend has that name.
    """
    try:
        return Backend(str(value).strip().lower())
    except ValueError:
        names = ", ".join(b.value for b in Backend)
        raise ConfigError(f"unknown embedder {value!r}: use one of {names}") from None


def split_model_id(name: str) -> tuple[str, Backend | None]:
    """A model name without its backend suffix, and the backend that suffix names (if any)."""
    for row in BACKENDS.values():
        if row.id_suffix and name.endswith(row.id_suffix):
            return name[: -len(row.id_suffix)], row.backend
    return name, None


def make_embedder(
    name: str, backend: str | Backend | None = None, config: EmbedConfig | None = None
) -> Embedder:
    """The embedder of model ``name`` on a backend.

    A suffix in ``name`` (an index's model id such as ``m@onnx-int8``) decides the
    backend; otherwise ``backend``, else ``$POLICYQA_EMBEDDER``, else the config's.

    Raises:
        ConfigError: an unknown backend name.
        ModelLoadError: the model (or, for int8, its ONNX export) cannot be loaded.
    """
    config = config or EmbedConfig()
    base, from_id = split_model_id(name)
    chosen = from_id or parse_backend(backend or os.environ.get(ENV_VAR) or config.backend)
    return BACKENDS[chosen].make(base, config)
