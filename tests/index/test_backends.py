"""The embedding-backend registry and the build's embedding order (no model needed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from corpus.errors import ConfigError, EmbedderWarning, OnnxExportError
from index import backends
from index.backends import BACKENDS, Backend, EmbedConfig, make_embedder, parse_backend
from index.cache import EmbeddingCache
from index.embed import Embedder, FakeEmbedder, get_embedder
from index.write import embed_missing


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Backend, str]]:
    """Replace every row's maker by one that records (backend, model name) and gives a fake."""
    calls: list[tuple[Backend, str]] = []
    for backend, row in list(BACKENDS.items()):

        def maker(name: str, config: EmbedConfig, backend: Backend = backend) -> Embedder:
            calls.append((backend, name))
            return FakeEmbedder()

        monkeypatch.setitem(BACKENDS, backend, replace(row, make=maker))
    monkeypatch.delenv(backends.ENV_VAR, raising=False)
    return calls


def test_every_backend_is_a_row_under_its_own_name() -> None:
    assert set(BACKENDS) == set(Backend)
    assert all(row.backend is name for name, row in BACKENDS.items())
    suffixes = [row.id_suffix for row in BACKENDS.values() if row.id_suffix]
    assert suffixes == ["@onnx-int8"]  # only int8 changes the vectors, so only it renames them
    assert BACKENDS[Backend.TORCH].id_suffix == BACKENDS[Backend.ONNX].id_suffix == ""


@pytest.mark.parametrize("text", ["onnx", "ONNX", " torch ", "onnx-int8", Backend.ONNX_INT8])
def test_parse_backend_accepts_names(text: str) -> None:
    assert parse_backend(text) in set(Backend)


def test_parse_backend_names_the_choices() -> None:
    with pytest.raises(ConfigError, match="torch, onnx, onnx-int8"):
        parse_backend("tensorrt")


def test_split_model_id() -> None:
    assert backends.split_model_id("moka-ai/m3e-small@onnx-int8") == (
        "moka-ai/m3e-small",
        Backend.ONNX_INT8,
    )
    assert backends.split_model_id("moka-ai/m3e-small") == ("moka-ai/m3e-small", None)


def test_default_is_onnx_then_env_then_argument(
    made: list[tuple[Backend, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_embedder("m")
    monkeypatch.setenv(backends.ENV_VAR, "torch")
    make_embedder("m")
    make_embedder("m", "onnx-int8")
    assert made == [(Backend.ONNX, "m"), (Backend.TORCH, "m"), (Backend.ONNX_INT8, "m")]


def test_an_index_model_id_decides_its_backend(
    made: list[tuple[Backend, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(backends.ENV_VAR, "torch")
    make_embedder("m@onnx-int8", Backend.ONNX)
    assert made == [(Backend.ONNX_INT8, "m")]


def test_bad_env_value_is_a_config_error(
    made: list[tuple[Backend, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(backends.ENV_VAR, "gpu")
    with pytest.raises(ConfigError, match="gpu"):
        make_embedder("m")
    assert made == []


def test_get_embedder_passes_the_backend_on(made: list[tuple[Backend, str]]) -> None:
    get_embedder("m", "torch")
    assert made == [(Backend.TORCH, "m")]
    assert isinstance(get_embedder("fake", "onnx-int8"), FakeEmbedder)  # the fake has no backends


def _no_onnx(*args: object, **kwargs: object) -> Embedder:
    raise OnnxExportError("the export differs from torch (cosine 0.9 < 0.9999)")


def test_onnx_falls_back_to_torch_with_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backends, "resolve_model", lambda name: ("model-id", "/models/x"))
    monkeypatch.setattr(backends, "_load_onnx", _no_onnx)
    monkeypatch.setattr(backends, "_torch", lambda name, config: FakeEmbedder())
    with pytest.warns(EmbedderWarning, match="cosine 0.9 < 0.9999") as caught:
        embedder = backends.BACKENDS[Backend.ONNX].make("x", EmbedConfig())
    assert isinstance(embedder, FakeEmbedder) and len(caught) == 1


def test_int8_does_not_fall_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backends, "resolve_model", lambda name: ("model-id", "/models/x"))
    monkeypatch.setattr(backends, "_load_onnx", _no_onnx)
    with pytest.raises(OnnxExportError):
        backends.BACKENDS[Backend.ONNX_INT8].make("x", EmbedConfig())


class _Recording(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        self.calls.append(list(texts))
        return super().encode(texts)


def test_build_embeds_missing_texts_shortest_first_in_chunks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts = ["一二三四五六", "甲", "春夏秋冬", "甲", "东西南北中", "天地"]
    keys = [f"k{t}" for t in texts]
    embedder = _Recording()
    known = {"k天地": np.ones(64, dtype=np.float32) / 8}
    cache = EmbeddingCache(embedder.model_id, root=tmp_path, dim=64)
    done = embed_missing(texts, keys, known, embedder, cache, chunk=2)
    assert done == 4  # each new text once; the known one not at all
    assert embedder.calls == [["甲", "春夏秋冬"], ["东西南北中", "一二三四五六"]]
    for text, key in zip(texts, keys, strict=True):
        if key != "k天地":
            assert np.allclose(known[key], FakeEmbedder().encode([text])[0])
            assert np.allclose(
                EmbeddingCache(embedder.model_id, root=tmp_path).get(key), known[key]
            )
