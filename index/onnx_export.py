"""Export a sentence-transformers model to ONNX at first use, checked against torch.

The export lives in the embedding cache, one folder per model and model files:
``$POLICYQA_CACHE_DIR/onnx/<model-id>-<fingerprint>/`` holding ``model.onnx``
(input ids and attention mask to the last hidden state), ``tokenizer.json``
(truncation and padding set), ``reference.npy`` (torch's fp32 vectors of the
verification texts), ``meta.json`` and, when int8 was asked for,
``model.int8.onnx`` (``quantize_dynamic``, per-channel int8 weights).

It is built in a temporary folder and renamed into place under a lock, so a
reader sees a whole export or none. ``meta.json`` records how close the ONNX
vectors are to torch's on the verification texts (index/data/verify_texts.txt
plus one text longer than the model's window); :mod:`index.backends` uses
fp32 only when every cosine reaches ``EmbedConfig.min_cosine``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import inspect
import json
import logging
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus.errors import OnnxExportError
from index.cache import usable_cache_root

if TYPE_CHECKING:
    from index.backends import EmbedConfig

EXPORT_FORMAT = 1
FP32_FILE = "model.onnx"
INT8_FILE = "model.int8.onnx"


@dataclass(frozen=True)
class Agreement:
    """Cosine of ONNX vectors to torch's over the verification texts."""

    cosine_min: float
    cosine_mean: float
    texts: int


@dataclass(frozen=True)
class Export:
    """A finished export: its folder and what ``meta.json`` says."""

    folder: Path
    dim: int
    max_length: int
    fp32: Agreement
    int8: Agreement | None

    def file(self, int8: bool) -> str:
        return INT8_FILE if int8 else FP32_FILE


def verify_texts() -> list[str]:
    """The fixed texts an export is checked on (made-up sentences, one far too long)."""
    data = resources.files("index").joinpath("data/verify_texts.txt").read_text("utf-8")
    lines = [line for line in data.splitlines() if line.strip() and not line.startswith("#")]
    return [*lines, "；".join(lines) * 4]


def agreement(reference: np.ndarray, vectors: np.ndarray) -> Agreement:
    """How close ``vectors`` are to ``reference`` (both L2-normalised, row by row)."""
    cosines = np.sum(reference.astype(np.float64) * vectors.astype(np.float64), axis=1)
    return Agreement(float(cosines.min()), float(cosines.mean()), len(cosines))


def fingerprint(path: str) -> str:
    """Short hash naming a model's export: the model files' names, sizes and times."""
    digest = hashlib.sha1(f"format {EXPORT_FORMAT}\0".encode())
    folder = Path(path)
    if not folder.is_dir():
        digest.update(path.encode())
    for file in sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []:
        stat = file.stat()
        digest.update(f"{file.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:12]


def export_folder(root: Path, model_id: str, path: str) -> Path:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)
    return root / "onnx" / f"{slug}-{fingerprint(path)}"


def ensure_export(model_id: str, path: str, config: EmbedConfig, *, int8: bool) -> Export:
    """The export of a model, made now if missing (and its int8 file, when asked for).

    Raises:
        OnnxExportError: no usable cache folder, or exporting, quantising or
            checking failed (the message says which).
    """
    root = usable_cache_root()
    if root is None:
        raise OnnxExportError("no usable embedding-cache folder to export the model into")
    folder = export_folder(root, model_id, path)
    export = read_export(folder)
    if export is None or (int8 and export.int8 is None):
        try:
            with _lock(folder):
                export = read_export(folder) or _export(folder, path, config)
                if int8 and export.int8 is None:
                    export = _quantize(export)
        except OnnxExportError:
            raise
        except Exception as exc:  # torch, onnx and onnxruntime raise many kinds
            raise OnnxExportError(f"ONNX export of {model_id} failed: {short_reason(exc)}") from exc
    if not int8 and export.fp32.cosine_min < config.min_cosine:
        raise OnnxExportError(
            f"the ONNX export of {model_id} differs from torch (cosine "
            f"{export.fp32.cosine_min:.6f} < {config.min_cosine})"
        )
    return export


def read_export(folder: Path) -> Export | None:
    """The export in ``folder``, or None when it is missing, partial or of another format."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != EXPORT_FORMAT or not (folder / FP32_FILE).is_file():
            return None
        int8 = meta.get("int8") if (folder / INT8_FILE).is_file() else None
        return Export(
            folder,
            int(meta["dim"]),
            int(meta["max_length"]),
            Agreement(**meta["fp32"]),
            Agreement(**int8) if int8 else None,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def short_reason(exc: BaseException) -> str:
    """The first line of an exception's message, cut to 200 characters (some quote tensors)."""
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    return lines[0][:200]


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    """One exporter per model at a time, across processes (the lock file is kept)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f".{folder.name}.lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _export(folder: Path, path: str, config: EmbedConfig) -> Export:
    """Export, check and move into place an fp32 graph (under the lock)."""
    from index.embed import SentenceTransformerEmbedder
    from index.onnx_embed import OnnxEmbedder

    reference_model = SentenceTransformerEmbedder(path, batch_size=config.batch_size, bf16=False)
    texts = verify_texts()
    reference = reference_model.encode(texts)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}-"))
    try:
        write_graph(reference_model.model, tmp / FP32_FILE, config.opset)
        max_length = write_tokenizer(reference_model.model, tmp / "tokenizer.json")
        np.save(tmp / "reference.npy", reference, allow_pickle=False)
        dim = reference.shape[1]
        onnx = OnnxEmbedder(tmp, "check", dim=dim, config=config)
        export = Export(folder, dim, max_length, agreement(reference, onnx.encode(texts)), None)
        _write_meta(tmp, export)
        if folder.exists():  # an unreadable export of ours: set aside, then removed
            stale = folder.with_name(f".{folder.name}.stale-{os.getpid()}")
            os.replace(folder, stale)
            shutil.rmtree(stale, ignore_errors=True)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # our own temporary folder (gone once moved)
    return export


def _quantize(export: Export) -> Export:
    """Add ``model.int8.onnx`` (dynamic int8, per-channel weights) and its agreement."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from index.onnx_embed import OnnxEmbedder

    folder = export.folder
    fd, name = tempfile.mkstemp(dir=folder, prefix=".int8-", suffix=".onnx")
    os.close(fd)
    tmp = Path(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            logging.disable(logging.WARNING)  # its advice to pre-process goes to the root logger
            try:
                quantize_dynamic(
                    folder / FP32_FILE, tmp, per_channel=True, weight_type=QuantType.QInt8
                )
            finally:
                logging.disable(logging.NOTSET)
        reference = np.load(folder / "reference.npy", allow_pickle=False)
        onnx = OnnxEmbedder(folder, "check", dim=export.dim, file=tmp.name)
        quantized = Export(
            folder,
            export.dim,
            export.max_length,
            export.fp32,
            agreement(reference, onnx.encode(verify_texts())),
        )
        os.replace(tmp, folder / INT8_FILE)
        _write_meta(folder, quantized)
    finally:
        tmp.unlink(missing_ok=True)
    return quantized


def _write_meta(folder: Path, export: Export) -> None:
    data = {k: v for k, v in asdict(export).items() if k != "folder"}
    fd, name = tempfile.mkstemp(dir=folder, prefix=".meta-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"format": EXPORT_FORMAT, **data}, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(name, folder / "meta.json")


def write_tokenizer(model: Any, path: Path) -> int:
    """Save the model's fast tokenizer with its truncation and padding; returns the window."""
    hf_tokenizer = model.tokenizer
    max_length = int(model.max_seq_length)
    tokenizer = hf_tokenizer.backend_tokenizer
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.enable_padding(pad_id=hf_tokenizer.pad_token_id, pad_token=hf_tokenizer.pad_token)
    tokenizer.save(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return max_length


def write_graph(model: Any, path: Path, opset: int) -> None:
    """Export the transformer of a ``SentenceTransformer`` (ids and mask → last hidden state)."""
    import torch

    transformer = model[0].auto_model
    if hasattr(transformer, "set_attn_implementation"):
        transformer.set_attn_implementation("eager")  # traces into plain ONNX ops
    takes_types = "token_type_ids" in inspect.signature(transformer.forward).parameters

    class Graph(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer  # a submodule: its weights export as initialisers

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            extra = {"token_type_ids": torch.zeros_like(input_ids)} if takes_types else {}
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, **extra)[0]

    sample = model.tokenizer(
        ["示例 text", "另一段较长的示例文字"], padding=True, return_tensors="pt"
    )
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Graph().eval(),
            (sample["input_ids"], sample["attention_mask"]),
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
            opset_version=opset,
            dynamo=False,
        )
