"""The real m3e-small exported to ONNX: fp32 equals torch, int8 stays close (slow)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow

SENTENCES = [
    "春天的花园里开满了红色的花。",
    "图书馆周末开放时间延长到晚上九点。",
    "XYZ 公司去年的 R&D 投入增长了 12.5%。",
    "这条河流经三个城市，最后注入大海。",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, Path]:
    """torch fp32 vectors of SENTENCES, and a cache folder holding the model's export."""
    pytest.importorskip("onnxruntime")
    from corpus.errors import ModelLoadError
    from index.embed import SentenceTransformerEmbedder

    try:
        reference = SentenceTransformerEmbedder("m3e-small", bf16=False).encode(SENTENCES)
    except ModelLoadError as exc:
        pytest.skip(str(exc))
    return reference, tmp_path_factory.mktemp("onnx-real-cache")


@pytest.mark.parametrize(("backend", "floor"), [("onnx", 0.9999), ("onnx-int8", 0.98)])
def test_real_model_export(
    exported: tuple[np.ndarray, Path], backend: str, floor: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.embed import get_embedder
    from index.onnx_embed import OnnxEmbedder

    reference, cache = exported
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(cache))
    embedder = get_embedder("m3e-small", backend)
    assert isinstance(embedder, OnnxEmbedder)
    suffix = "@onnx-int8" if backend == "onnx-int8" else ""
    assert embedder.model_id == "moka-ai/m3e-small" + suffix
    cosines = np.sum(reference * embedder.encode(SENTENCES), axis=1)
    assert cosines.min() >= floor
