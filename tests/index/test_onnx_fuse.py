"""index.onnx_fuse: which graphs are fused, and a failed fusion keeps the plain graph."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from index.onnx_fuse import fuse_graph


def test_unknown_architecture_is_not_touched(tmp_path: Path) -> None:
    graph = tmp_path / "model.onnx"
    graph.write_bytes(b"plain graph")
    gpt = SimpleNamespace(model_type="gpt2", num_attention_heads=8, hidden_size=512)
    assert fuse_graph(graph, gpt) is False
    assert graph.read_bytes() == b"plain graph"


def test_missing_sizes_are_not_guessed(tmp_path: Path) -> None:
    graph = tmp_path / "model.onnx"
    graph.write_bytes(b"plain graph")
    assert fuse_graph(graph, SimpleNamespace(model_type="bert", hidden_size=512)) is False
    assert graph.read_bytes() == b"plain graph"


def test_a_failing_optimizer_keeps_the_plain_graph(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    graph = tmp_path / "model.onnx"
    graph.write_bytes(b"not an onnx file")
    bert = SimpleNamespace(model_type="bert", num_attention_heads=2, hidden_size=32)
    assert fuse_graph(graph, bert) is False
    assert graph.read_bytes() == b"not an onnx file"
    assert [p.name for p in tmp_path.iterdir()] == ["model.onnx"]  # no half-written file left
