"""Text from page images: one OCR engine behind a small interface, cached per page image.

The engine (RapidOCR: PP-OCRv4 Chinese detection and recognition, models
inside the ``rapidocr-onnxruntime`` wheel, nothing downloaded) is an optional
extra: ``pip install 'policyqa[ocr]'``. Without it, reading a scan raises a
:class:`~corpus.errors.DocumentError` saying what to install.

A page is recognised once: its lines (text, box, score) are kept in the OCR
cache (:mod:`corpus.ocr_cache`) under the hash of the page image's pixels,
so indexing the same scan again, in any index, costs no OCR.
"""

from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from corpus.errors import OptionalDependencyError

INSTALL_HINT = "install the OCR extra: pip install 'policyqa[ocr]'"


@dataclass(frozen=True)
class OcrLine:
    """One line (or run of a line) the engine read.

    Attributes:
        text: the characters recognised, as the engine gave them.
        quad: the box's corners x0, y0, x1, y1, x2, y2, x3, y3 in pixels, clockwise
            from the top left (a tilted photo gives a tilted box).
        score: the engine's confidence, 0..1.
    """

    text: str
    quad: tuple[float, ...]
    score: float


@dataclass(frozen=True)
class OcrConfig:
    """Settings of the OCR stage.

    Attributes:
        dpi: resolution scanned PDF pages are rendered at.
        min_score: lines recognised with less confidence are dropped.
        threads: CPU threads the engine may use.
        engine: name of the engine in :data:`ENGINES`.
        line_angles: run the engine's 0°/180° line classifier. Off: it turned some
            upright lines of printed pages over, which then read as nothing (two of
            a sample page's 31 lines); pages are upright once EXIF has turned them and
            a tilt is taken out by the layout.
    """

    dpi: int = 200
    min_score: float = 0.5
    threads: int = 2
    engine: str = "rapidocr"
    line_angles: bool = False


class Engine(Protocol):
    """An OCR engine: an RGB image in, its lines out."""

    name: str  # engine and model version: cached lines are kept apart by it
    needs: tuple[str, ...]  # modules it imports (checked before it is used)

    @staticmethod
    def cache_name(config: OcrConfig) -> str: ...  # its ``name``, without loading it

    def read(self, image: np.ndarray) -> list[OcrLine]: ...


class RapidEngine:
    """RapidOCR on onnxruntime (PP-OCRv4 models shipped in the wheel)."""

    needs = ("rapidocr_onnxruntime",)  # modules it imports

    @staticmethod
    def cache_name(config: OcrConfig) -> str:
        """The name its lines are cached under: everything that changes what is read."""
        from importlib.metadata import version

        angles = "-angles" if config.line_angles else ""
        return f"rapidocr-onnxruntime-{version('rapidocr-onnxruntime')}{angles}-s{config.min_score}"

    def __init__(self, config: OcrConfig) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:
            raise OptionalDependencyError(
                f"OCR needs rapidocr-onnxruntime; {INSTALL_HINT}"
            ) from exc
        threads = {
            f"{part}_{kind}_num_threads": config.threads
            for part in ("det", "cls", "rec")
            for kind in ("intra_op", "inter_op")
        }
        self._ocr: Any = RapidOCR(text_score=config.min_score, **threads)
        self.line_angles = config.line_angles
        self.name = self.cache_name(config)

    def read(self, image: np.ndarray) -> list[OcrLine]:
        found, _ = self._ocr(image, use_cls=self.line_angles)
        return [
            OcrLine(str(text), tuple(float(v) for point in box for v in point), float(score))
            for box, text, score in found or ()
        ]


ENGINES: dict[str, Any] = {"rapidocr": RapidEngine}  # name -> class taking an OcrConfig


def ocr_available(config: OcrConfig = OcrConfig(), *, pdf: bool = False) -> bool:
    """Whether the engine ``config`` names is installed (and the PDF renderer, for ``pdf``)."""
    needs = (*ENGINES[config.engine].needs, *(("pypdfium2",) if pdf else ()))
    return all(importlib.util.find_spec(m) for m in needs)


@lru_cache(maxsize=2)
def get_engine(config: OcrConfig = OcrConfig()) -> Engine:
    """The engine ``config`` names, loaded once per process.

    Raises:
        OptionalDependencyError: the OCR extra is not installed.
    """
    return ENGINES[config.engine](config)


def image_key(image: np.ndarray) -> str:
    """The hash a page image is cached under: its shape and pixels."""
    h = hashlib.sha256(f"{image.shape}|{image.dtype}".encode())
    h.update(np.ascontiguousarray(image).tobytes())
    return h.hexdigest()
