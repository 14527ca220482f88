"""An exported model run by ONNX Runtime: tokenizer, graph, then mean pooling in numpy.

The folder is one written by :mod:`index.onnx_export` (``tokenizer.json`` with
its truncation and padding set, ``model.onnx`` giving the last hidden state).
Neither torch nor transformers is imported here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.embed import embedding_text

if TYPE_CHECKING:
    from index.backends import EmbedConfig


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under ``mask``, L2-normalised (as sentence-transformers'
    mean pooling with ``normalize_embeddings=True``).

    Args:
        hidden: (batch, tokens, dim) last hidden state.
        mask: (batch, tokens) attention mask, 1 for real tokens.
    """
    weights = mask.astype(np.float32)
    summed = np.einsum("btd,bt->bd", hidden.astype(np.float32), weights)
    counts = np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
    pooled = summed / counts
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32)


class OnnxEmbedder:
    """Texts to L2-normalised float32 vectors with ONNX Runtime on the CPU.

    Args:
        folder: the export folder.
        model_id: the id recorded in indexes and the embedding cache.
        dim: the vector size.
        file: the graph file in ``folder`` (``model.onnx`` or ``model.int8.onnx``).
        config: batch size and thread count.
    """

    def __init__(
        self,
        folder: Path,
        model_id: str,
        *,
        dim: int,
        file: str = "model.onnx",
        config: EmbedConfig | None = None,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from index.backends import EmbedConfig

        config = config or EmbedConfig()
        self.model_id = model_id
        self.dim = dim
        self.batch_size = config.batch_size
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        options = ort.SessionOptions()
        options.intra_op_num_threads = config.threads or os.cpu_count() or 1
        options.log_severity_level = 3  # errors only
        self._session = ort.InferenceSession(
            str(folder / file), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        lowered = [embedding_text(t) for t in texts]
        out = np.zeros((len(lowered), self.dim), dtype=np.float32)
        # Similar lengths share a batch, so little of it is padding.
        order = np.argsort([len(t) for t in lowered], kind="stable")
        starts: Iterable[int] = range(0, len(order), self.batch_size)
        if progress:
            from tqdm import tqdm

            starts = tqdm(starts, desc="embed", unit="batch", leave=False)
        for start in starts:
            rows = order[start : start + self.batch_size]
            out[rows] = self._batch([lowered[i] for i in rows])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        (hidden,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
        return mean_pool(hidden, mask)
