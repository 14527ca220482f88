"""Issue 16's checks: scans of the samples answer as the texts do, citing their page.

The scans are made here from the sample texts (no image committed). The image-only
PDF of the whole 余杭 sample is ten pages of OCR (slow); the photo is one page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.pipeline import QA
from index.build import build_index
from index.embed import FakeEmbedder

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def _manifest_row(sample: str, name: str) -> str:
    """The samples' manifest header and ``sample``'s row, renamed to ``name``."""
    lines = (SAMPLES / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    row = next(x for x in lines if x.startswith(sample))
    return f"{lines[0]}\n{name}{row[len(sample) :]}\n"


def _qa(folder: Path, tmp_path: Path) -> QA:
    report = build_index([folder], tmp_path / "idx", FakeEmbedder())
    assert report.n_documents == 1 and not report.skipped and not report.unread
    return QA(tmp_path / "idx", embedder=FakeEmbedder())


def _page_of(rows: list[list[str]], needle: str) -> int:
    return next(n for n, page in enumerate(rows, 1) if needle in "".join(page))


@pytest.mark.slow  # ten pages of OCR
def test_an_image_only_pdf_of_the_yuhang_sample_answers_637_with_its_page(
    ocr_font: tuple[str, int], tmp_path: Path, isolated_cache: Path
) -> None:
    from evals.render_pages import page_rows, render_pages, to_pdf

    sample = "000_6eaca3ed01c4c811.txt"
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    to_pdf(render_pages(text, ocr_font), folder / "yuhang.pdf")
    (folder / "manifest.tsv").write_text(_manifest_row(sample, "yuhang.pdf"), encoding="utf-8")
    answer = _qa(folder, tmp_path).ask("余杭2023年新增高企多少")
    assert answer.found and "637" in answer.answer
    cite = answer.citations[0]
    assert "新增国家高新技术企业637家" in cite.quote
    assert cite.page == _page_of(page_rows(text, ocr_font), "高新技术企业637家")


def test_a_jpeg_photo_of_the_ouhai_sample_answers_its_investment_growth(
    ocr_font: tuple[str, int], tmp_path: Path, isolated_cache: Path
) -> None:
    from evals.render_pages import PageStyle, page_rows, render_pages, to_photo

    sample = "002_f02437565036b0c9.txt"
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    style = PageStyle(height=1300, lines=15)  # half pages: one is read, faster
    page = _page_of(page_rows(text, ocr_font, style), "增速55.6%")
    folder = tmp_path / "docs"
    folder.mkdir()
    photo = to_photo(render_pages(text, ocr_font, style)[page - 1])
    photo.save(folder / "ouhai.jpg", quality=85)
    (folder / "manifest.tsv").write_text(_manifest_row(sample, "ouhai.jpg"), encoding="utf-8")
    answer = _qa(folder, tmp_path).ask("瓯海2024年1-5月高新技术产业投资增速多少")
    assert answer.found and "55.6%" in answer.answer
    assert answer.citations[0].page == 1  # one photo, one page
