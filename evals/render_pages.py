"""Page images of a text, as a printer and a scanner or a phone would make them.

Tests and the OCR benchmark make their own scans from the sample texts: no
image of an outside document is committed. Text is set in a CJK font of the
machine (``fc-list :lang=zh``), paragraphs indented two characters and
wrapped to the margins as official documents are, a page number ``- n -``
at the foot of each page; :func:`to_pdf` makes an image-only PDF of the
pages, :func:`to_photo` a tilted, noisy, slightly blurred copy of a page;
:func:`print_pdfs` prints HTML pages (:func:`text_html`) to PDFs with a text layer.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PageStyle:
    """An A4 page at 200 dpi; sizes in pixels.

    Attributes:
        header: a running header printed above the text of every page ("" for none).
        numbers: print ``- n -`` at the foot of each page.
        lines: the most text lines a page holds (fewer pages: faster tests).
    """

    width: int = 1654
    height: int = 2339
    margin: int = 160
    size: int = 40
    pitch: int = 66
    header: str = ""
    numbers: bool = True
    lines: int = 30


def cjk_font() -> tuple[str, int] | None:
    """(file, face index) of a simplified-Chinese font of this machine, None if it has none."""
    if shutil.which("fc-list") is None:
        return None
    out = subprocess.run(
        ["fc-list", ":lang=zh-cn", "file", "index", "family"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found = []
    for row in out.splitlines():
        path, _, rest = row.partition(":")
        index = rest.split("index=")[-1].split(":")[0] if "index=" in rest else "0"
        if path.endswith((".ttc", ".otf", ".ttf")) and index.isdigit():
            found.append((" SC" not in rest, "Mono" in rest, "Bold" in path, path, int(index)))
    if not found:
        return None
    best = min(found)
    return best[3], best[4]


def _wrap(paragraph: str, font: Any, room: float) -> Iterator[str]:
    line = "\u3000\u3000"
    for ch in paragraph:
        if font.getlength(line + ch) > room:
            yield line
            line = ""
        line += ch
    yield line


def page_rows(
    text: str, font_file: tuple[str, int], style: PageStyle = PageStyle()
) -> list[list[str]]:
    """The rows each page of ``text`` holds (one paragraph per line of it), as printed."""
    from PIL import ImageFont

    font = ImageFont.truetype(font_file[0], style.size, index=font_file[1])
    room = style.width - 2 * style.margin
    rows = [r for p in text.split("\n") if p.strip() for r in _wrap(p.strip(), font, room)]
    return [rows[i : i + style.lines] for i in range(0, len(rows), style.lines)]


def render_pages(
    text: str, font_file: tuple[str, int], style: PageStyle = PageStyle()
) -> list[Any]:
    """Greyscale PIL pages of ``text`` (one paragraph per line of it)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_file[0], style.size, index=font_file[1])
    pages = []
    for n, rows in enumerate(page_rows(text, font_file, style), 1):
        page = Image.new("L", (style.width, style.height), 255)
        draw = ImageDraw.Draw(page)
        y = style.margin
        if style.header:
            draw.text((style.margin, y - style.pitch), style.header, font=font, fill=0)
            y += style.pitch
        for row in rows:
            draw.text((style.margin, y), row, font=font, fill=0)
            y += style.pitch
        if style.numbers:
            mark = f"- {n} -"
            x = (style.width - font.getlength(mark)) / 2
            draw.text((x, style.height - style.margin), mark, font=font, fill=0)
        pages.append(page)
    return pages


def to_pdf(pages: list[Any], path: Path, dpi: int = 200) -> Path:
    """An image-only PDF of ``pages`` (no text layer): what a scanner writes."""
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=dpi)
    return path


def to_photo(page: Any, *, angle: float = 1.5, noise: float = 12.0, seed: int = 0) -> Any:
    """A phone photo of a printed page: turned by ``angle`` degrees, grainy, a little soft."""
    import numpy as np
    from PIL import Image, ImageFilter

    turned = page.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=235)
    pixels = np.asarray(turned.filter(ImageFilter.GaussianBlur(0.8)), dtype=np.float32)
    grain = np.random.default_rng(seed).normal(0.0, noise, pixels.shape)
    return Image.fromarray(np.clip(pixels * 0.9 + 20 + grain, 0, 255).astype(np.uint8)).convert(
        "RGB"
    )


def render_table(
    rows: list[list[str]],
    font_file: tuple[str, int],
    caption: str = "",
    style: PageStyle = PageStyle(),
) -> Any:
    """A greyscale page holding a ruled table (``rows`` of cell texts, the first its header)
    under an optional caption paragraph."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_file[0], style.size, index=font_file[1])
    room = style.width - 2 * style.margin
    widths = [max(font.getlength(r[j]) for r in rows) + style.size for j in range(len(rows[0]))]
    widths = [w * room / sum(widths) for w in widths]  # the table spans the page
    height = style.margin * 2 + style.pitch * (len(rows) + 2)
    page = Image.new("L", (style.width, height), 255)
    draw = ImageDraw.Draw(page)
    y = style.margin
    if caption:
        draw.text((style.margin, y), "\u3000\u3000" + caption, font=font, fill=0)
        y += style.pitch * 2
    for row in rows:
        x = float(style.margin)
        for text, w in zip(row, widths, strict=True):
            draw.rectangle((x, y - 10, x + w, y + style.pitch - 10), outline=0, width=2)
            draw.text((x + (w - font.getlength(text)) / 2, y), text, font=font, fill=0)
            x += w
        y += style.pitch
    return page


PRINT_CSS = (
    "@page { size: A4; margin: 2.5cm 2.6cm; }"
    " body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt; }"
    " p { text-indent: 2em; margin: 0; line-height: 1.75; text-align: justify; }"
    " table { border-collapse: collapse; margin: 8pt 0; }"
    " td, th { border: 1px solid #000; padding: 3pt 8pt; font-weight: normal; }"
)


def text_html(text: str) -> str:
    """An HTML page of ``text`` as an office document prints it: a paragraph per line of
    it, indented two characters, justified, 三号 (16 pt) type on A4."""
    from html import escape

    body = "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n") if p.strip())
    return f'<html><head><meta charset="utf-8"><style>{PRINT_CSS}</style></head><body>{body}'


FOOTER = (
    '<div style="width: 100%; text-align: center; font-size: 12pt">'
    '- <span class="pageNumber"></span> -</div>'
)


def print_pdfs(pages: dict[Path, str]) -> None:
    """Print each HTML page to its PDF with Chromium (a text layer in embedded fonts, as
    office software writes it; ``- n -`` at the foot of each page). Needs the playwright
    package and Debian's ``chromium``."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise RuntimeError("chromium is missing: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            for path, html in pages.items():
                page.set_content(html)
                page.pdf(
                    path=str(path),
                    prefer_css_page_size=True,
                    display_header_footer=True,
                    header_template="<div></div>",
                    footer_template=FOOTER,
                )
        finally:
            browser.close()
