"""The ONNX export: made at first use, checked against torch, reused, and the fallbacks.

A tiny random BERT (one layer, 32 dimensions) made in a temporary folder stands in
for the real model, so these tests need torch and onnxruntime but no model files;
the real m3e-small export is checked in ``test_onnx_real.py`` (slow).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("transformers")

from corpus.errors import EmbedderWarning, OnnxExportError
from index import onnx_export
from index.backends import Backend, EmbedConfig, make_embedder
from index.embed import SentenceTransformerEmbedder
from index.onnx_embed import OnnxEmbedder, mean_pool

SENTENCES = [
    "春天的花园里开满了红色的花",
    "小明每天早上骑车去上学",
    "ABC 公司 2024 年 GDP 增长",
    "好",
]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random one-layer BERT with a character vocabulary, saved as a plain HF folder."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-bert")
    chars = sorted(set("".join(SENTENCES).lower() + "".join(onnx_export.verify_texts())))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *[c for c in chars if c.strip()]]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(
        folder
    )
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    BertModel(config).save_pretrained(folder)
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(folder))
    return folder


def _exports(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "onnx").iterdir() if p.is_dir())


def test_export_matches_torch_and_is_reused(
    tiny_model: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedder = make_embedder(str(tiny_model), Backend.ONNX)
    assert isinstance(embedder, OnnxEmbedder)
    assert embedder.model_id == tiny_model.name  # same id as torch: shared cache and indexes
    (folder,) = _exports(cache)
    assert {"model.onnx", "tokenizer.json", "reference.npy", "meta.json"} <= {
        p.name for p in folder.iterdir()
    }
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}-")]
    export = onnx_export.read_export(folder)
    assert export is not None and export.fp32.cosine_min >= EmbedConfig().min_cosine

    torch_vecs = SentenceTransformerEmbedder(str(tiny_model), bf16=False).encode(SENTENCES)
    onnx_vecs = embedder.encode(SENTENCES)
    assert onnx_vecs.shape == (len(SENTENCES), 32) and onnx_vecs.dtype == np.float32
    assert np.min(np.sum(torch_vecs * onnx_vecs, axis=1)) > 0.9999

    def no_export(*args: object, **kwargs: object) -> None:
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_export, "_export", no_export)
    again = make_embedder(str(tiny_model), Backend.ONNX)
    assert np.allclose(again.encode(SENTENCES), onnx_vecs, atol=1e-6)


def test_vectors_do_not_depend_on_batching(tiny_model: Path, cache: Path) -> None:
    embedder = make_embedder(str(tiny_model), Backend.ONNX)
    assert isinstance(embedder, OnnxEmbedder)
    together = embedder.encode(SENTENCES)
    alone = np.vstack([embedder.encode([s]) for s in SENTENCES])
    assert np.allclose(together, alone, atol=1e-5)
    assert embedder.encode([]).shape == (0, 32)


def test_mismatch_falls_back_to_torch_with_one_warning(tiny_model: Path, cache: Path) -> None:
    strict = EmbedConfig(min_cosine=1.5)  # no export can pass
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        embedder = make_embedder(str(tiny_model), Backend.ONNX, strict)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert [type(w.message) for w in caught] == [EmbedderWarning]
    assert "differs from torch" in str(caught[0].message)


def test_failed_export_falls_back_and_leaves_nothing(
    tiny_model: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("tracer exploded\n" + "tensor " * 500)

    monkeypatch.setattr(onnx_export, "write_graph", broken)
    with pytest.warns(EmbedderWarning, match="tracer exploded") as caught:
        embedder = make_embedder(str(tiny_model), Backend.ONNX)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert len(str(caught[0].message)) < 400  # one line, not a tensor dump
    assert _exports(cache) == []  # the temporary folder is gone


def test_int8_has_its_own_id_and_is_close(tiny_model: Path, cache: Path) -> None:
    fp32 = make_embedder(str(tiny_model), Backend.ONNX)
    int8 = make_embedder(str(tiny_model), Backend.ONNX_INT8)
    assert int8.model_id == f"{tiny_model.name}@onnx-int8" != fp32.model_id
    (folder,) = _exports(cache)
    export = onnx_export.read_export(folder)
    assert export is not None and export.int8 is not None
    assert (folder / "model.int8.onnx").is_file()
    cosines = np.sum(fp32.encode(SENTENCES) * int8.encode(SENTENCES), axis=1)
    assert cosines.min() > 0.9


def test_int8_failure_is_an_error_not_a_fallback(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(blocker))
    with pytest.raises(OnnxExportError), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        make_embedder(str(tiny_model), Backend.ONNX_INT8)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_unreadable_export_is_made_again(tiny_model: Path, cache: Path) -> None:
    make_embedder(str(tiny_model), Backend.ONNX)
    (folder,) = _exports(cache)
    (folder / "meta.json").write_text("{torn", encoding="utf-8")
    assert onnx_export.read_export(folder) is None
    assert isinstance(make_embedder(str(tiny_model), Backend.ONNX), OnnxEmbedder)
    assert onnx_export.read_export(folder) is not None
    assert [p.name for p in folder.parent.iterdir() if "stale" in p.name] == []


def test_mean_pool_ignores_padding_and_normalises() -> None:
    hidden = np.array([[[3.0, 4.0], [100.0, 100.0]], [[1.0, 0.0], [0.0, 1.0]]], dtype=np.float32)
    mask = np.array([[1, 0], [1, 1]])
    pooled = mean_pool(hidden, mask)
    assert np.allclose(pooled, [[0.6, 0.8], [2**-0.5, 2**-0.5]])


def test_a_process_embedding_with_an_export_imports_no_torch(tiny_model: Path, cache: Path) -> None:
    """Once exported, the query model loads without torch (a cold question's start-up)."""
    import subprocess
    import sys

    make_embedder(str(tiny_model), Backend.ONNX)  # the export, made here with torch
    code = (
        "import sys\nfrom index.backends import Backend, make_embedder\n"
        "e = make_embedder(sys.argv[1], Backend.ONNX)\nprint(type(e).__name__)\n"
        "print(e.encode(['小明']).shape)\n"
        "heavy = ('torch', 'transformers', 'sentence_transformers', 'scipy')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tiny_model)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["OnnxEmbedder", "(1, 32)", "[]"]
