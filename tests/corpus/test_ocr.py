"""Tests for corpus.ocr, corpus.ocr_cache and corpus.scans.

The cache and the page loop run with a made-up engine; the real engine (RapidOCR)
reads a few small pages rendered here from made-up sentences (skipped when the OCR
extra or a CJK font is missing). Each real page costs seconds: keep them few.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader, PdfWriter

from corpus import ocr, scans
from corpus.errors import CacheWarning, DocumentError, EmptyDocumentError
from corpus.ocr import OcrConfig, OcrLine, image_key
from corpus.ocr_cache import OcrCache
from corpus.readers import read_file
from evals.render_pages import PageStyle, render_pages, to_pdf, to_photo

LINE = OcrLine("新增企业12家", (0.0, 0.0, 300.0, 0.0, 300.0, 40.0, 0.0, 40.0), 0.98)
TEXT = (
    "一、总体情况\n"
    "全年新增国家高新技术企业215家，研发经费投入增长8.5%，技术合同成交额达到36.7亿元，"
    "各项指标稳居全市前列。\n"
    "二、下步打算\n"
    "力争新增省科技型中小企业300家以上。"
)
SMALL = PageStyle(height=1100, lines=12)  # half a page: faster to read


class CountingEngine:
    """Reads one line off any image whose top-left pixel is dark; counts its calls."""

    name = "counting-1"
    needs = ()
    calls = 0

    def __init__(self, config: OcrConfig) -> None:
        pass

    def read(self, image: np.ndarray) -> list[OcrLine]:
        type(self).calls += 1
        if image[0, 0, 0] == 7:
            raise RuntimeError("engine failed on this page")
        return [LINE] if image[0, 0, 0] < 128 else []


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch, isolated_cache: Path) -> OcrConfig:
    monkeypatch.setitem(ocr.ENGINES, "counting", CountingEngine)
    CountingEngine.calls = 0
    ocr.get_engine.cache_clear()
    yield OcrConfig(engine="counting")
    ocr.get_engine.cache_clear()


def image(value: int) -> np.ndarray:
    return np.full((8, 8, 3), value, dtype=np.uint8)


def test_image_key_is_the_pixels_and_shape() -> None:
    assert image_key(image(0)) == image_key(image(0))
    assert image_key(image(0)) != image_key(image(1))
    assert image_key(image(0)) != image_key(np.zeros((4, 16, 3), dtype=np.uint8))


def test_cache_round_trip_and_engines_kept_apart(tmp_path: Path) -> None:
    key = image_key(image(0))
    OcrCache("e1", root=tmp_path).put(key, [LINE])
    assert OcrCache("e1", root=tmp_path).get(key) == [LINE]
    assert OcrCache("e2", root=tmp_path).get(key) is None
    files = list((tmp_path / "ocr").rglob("*.json"))
    assert [f.name for f in files] == [f"{key}.json"]  # plain JSON, no temporary left
    assert json.loads(files[0].read_text(encoding="utf-8"))["lines"][0]["text"] == LINE.text


@pytest.mark.parametrize("damage", ["{torn", '{"engine": "e1", "key": "x", "lines": []}', "[]"])
def test_a_damaged_cache_entry_warns_and_is_read_again(tmp_path: Path, damage: str) -> None:
    key = image_key(image(0))
    cache = OcrCache("e1", root=tmp_path)
    cache.put(key, [LINE])
    next((tmp_path / "ocr").rglob("*.json")).write_text(damage, encoding="utf-8")
    with pytest.warns(CacheWarning, match="unusable OCR cache entry"):
        assert cache.get(key) is None


def test_a_cache_dir_that_is_a_file_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    monkeypatch.setenv("POLICYQA_CACHE_DIR", str(tmp_path / "file" / "below"))
    with pytest.warns(CacheWarning, match="without the OCR cache"):
        cache = OcrCache("e1")
    assert cache.folder is None
    cache.put(image_key(image(0)), [LINE])  # nothing written, nothing raised
    blocker = tmp_path / "file"
    assert blocker.read_text(encoding="utf-8") == "x"


def test_each_page_is_read_once_then_comes_from_the_cache(counting: OcrConfig) -> None:
    seen: list[tuple[int, int]] = []
    pages = [image(0), image(255), image(0)]
    first = scans.recognise(pages, 3, lambda stage, d, n: seen.append((d, n)), counting)
    assert first == [[LINE], [], [LINE]] and seen == [(1, 3), (2, 3), (3, 3)]
    calls = CountingEngine.calls
    assert scans.recognise(pages, 3, None, counting) == first
    assert CountingEngine.calls == calls  # nothing read again, blank pages included


def test_a_page_the_engine_fails_on_is_unread_not_fatal(counting: OcrConfig) -> None:
    out = scans.image_pages(_png([image(7), image(0)]), "x.tif", None, counting)
    assert out.unread == (1,) and out.paged.text == LINE.text


def _png(frames: list[np.ndarray]) -> bytes:
    from PIL import Image

    first, *rest = [Image.fromarray(f) for f in frames]
    buf = io.BytesIO()
    first.save(buf, "TIFF", save_all=True, append_images=rest)
    return buf.getvalue()


def test_an_image_that_is_not_one_is_a_document_error(counting: OcrConfig) -> None:
    with pytest.raises(DocumentError, match="not a readable image"):
        scans.image_pages(b"\x89PNG not really", "x.png", None, counting)


def test_without_ocr_an_image_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(scans, "ocr_available", lambda *a, **k: False)
    path = tmp_path / "scan.png"
    path.write_bytes(_png([image(0)]))
    with pytest.raises(DocumentError, match=r"pip install 'policyqa\[ocr\]'"):
        read_file(path)


# ----------------------------------------------------------------- real engine


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One OCR cache for the real-engine tests: a page two tests read is read once."""
    folder = tmp_path_factory.mktemp("ocr-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICYQA_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory: pytest.TempPathFactory, ocr_font: tuple[str, int]) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    return to_pdf(render_pages(TEXT, ocr_font, SMALL), folder / "scan.pdf")


def test_an_image_only_pdf_is_read_by_ocr(scan_pdf: Path, shared_cache: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    raw = read_file(scan_pdf, progress=lambda *a: seen.append(a))
    assert seen == [("ocr", 1, 1)]
    assert raw.format == "pdf" and raw.pages == (0,) and raw.unread_pages == ()
    assert "新增国家高新技术企业215家" in raw.text
    lines = raw.text.split("\n")
    assert lines[0].endswith("总体情况") and len(lines) == 4  # paragraphs rebuilt, no page number
    assert any(shared_cache.rglob("*.json"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_file(scan_pdf).text == raw.text  # from the cache, the same text


def test_a_mixed_pdf_reads_each_page_its_own_way(
    scan_pdf: Path, tmp_path: Path, shared_cache: Path, build_pdf: Callable[..., bytes]
) -> None:
    writer = PdfWriter()
    writer.append(
        PdfReader(io.BytesIO(build_pdf(lines=["一、总体要求", "为深入贯彻落实党中央决策部署。"])))
    )
    writer.append(PdfReader(scan_pdf))
    path = tmp_path / "mixed.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    raw = read_file(path)
    assert raw.text.startswith("一、总体要求\n为深入贯彻落实")
    assert "研发经费投入增长8.5%" in raw.text[raw.pages[1] :]
    assert raw.unread_pages == ()


def test_a_tilted_noisy_photo_is_read(
    ocr_font: tuple[str, int], tmp_path: Path, shared_cache: Path
) -> None:
    page = render_pages(TEXT, ocr_font, SMALL)[0]
    path = tmp_path / "photo.jpg"
    to_photo(page, angle=1.5).save(path, quality=85)
    raw = read_file(path)
    assert raw.format == "image" and raw.pages == (0,)
    assert "215家" in raw.text and "36.7亿元" in raw.text


def test_a_blank_scan_has_no_text(
    tmp_path: Path, ocr_font: tuple[str, int], isolated_cache: Path
) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("RGB", (600, 400), "white").save(path)
    with pytest.raises(EmptyDocumentError, match="OCR found no text"):
        read_file(path)


@pytest.mark.slow  # a page of OCR beyond the few the default run reads
def test_a_ruled_table_on_a_scan_is_read_as_a_table(
    ocr_font: tuple[str, int], tmp_path: Path, shared_cache: Path
) -> None:
    from corpus.document import load_document
    from corpus.facts import extract_facts
    from evals.render_pages import render_table

    rows = [
        ["指标", "单位", "2023年完成", "2024年目标"],
        ["研发投入强度", "%", "3.1", "3.4"],
        ["新增省级研发机构", "家", "30", "35"],
    ]
    page = render_table(rows, ocr_font, caption="全区主要科技指标如下表。")
    path = to_pdf([page], tmp_path / "targets.pdf")
    doc = load_document(path, "targets.pdf")
    (table,) = doc.tables
    assert table.columns == ("指标", "单位", "2023年完成", "2024年目标")
    cells = {(r.header, c.column): doc.text[c.start : c.end] for r in table.rows for c in r.cells}
    assert cells[("研发投入强度", "2024年目标")] == "3.4%"
    assert cells[("新增省级研发机构", "2023年完成")] == "30家"
    facts = {(f.metric, f.year, f.kind): f.value for f in extract_facts(doc)}
    assert facts[("研发投入强度", 2024, "target")] == "3.4"
