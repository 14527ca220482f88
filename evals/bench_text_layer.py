"""Benchmark: PDFs with a text layer, read as the texts they were printed from.

Usage::

    python -m evals.bench_text_layer --out DIR [--samples DIR] [--gold FILE ...]
        [--model NAME] [--json]

Prints every sample text to a PDF with Chromium (:func:`evals.render_pages.print_pdfs`:
A4, 16 pt, paragraphs indented two characters, ``- n -`` at the foot of each page:
a text layer in embedded fonts, as office software writes it), reads each PDF with
:func:`corpus.readers.read_file` (pdfium's characters and boxes, paragraphs rebuilt,
page furniture dropped) and prints pages per second, how many of the source's
paragraphs come back exactly (one line each) and the character error rate of the
whole text against the source (both in matching form without whitespace; edits
counted from :mod:`difflib`'s alignment, an upper bound of the edit distance).
With ``--gold`` (repeatable), the prints and the texts are indexed and the gold
questions asked of both (:func:`evals.bench_ocr.compare_gold`).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.bench_ocr import SAMPLES, compare_gold, print_figures


def print_samples(samples: Path, out: Path) -> dict[str, str]:
    """A text-layer PDF of every sample in ``out`` (and the manifest renamed to match);
    returns each PDF's source text, by PDF name."""
    from evals.render_pages import print_pdfs, text_html

    out.mkdir(parents=True, exist_ok=True)
    texts = {
        f"{src.stem}.pdf": src.read_text(encoding="utf-8") for src in sorted(samples.glob("*.txt"))
    }
    print_pdfs({out / name: text_html(text) for name, text in texts.items()})
    manifest = samples / "manifest.tsv"
    if manifest.is_file():
        renamed = manifest.read_text(encoding="utf-8").replace(".txt\t", ".pdf\t")
        (out / "manifest.tsv").write_text(renamed, encoding="utf-8")
    return texts


def edits(a: str, b: str) -> int:
    """Characters to change to turn ``a`` into ``b``, along difflib's alignment."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def read_prints(docs: Path, texts: dict[str, str]) -> dict[str, Any]:
    """Read every PDF and score its text against its source."""
    from corpus.normalize import squash
    from corpus.readers import read_file

    pages = same = paragraphs = errors = chars = 0
    seconds = 0.0
    for name, source in texts.items():
        started = time.perf_counter()
        raw = read_file(docs / name)
        seconds += time.perf_counter() - started
        pages += len(raw.pages)
        wanted = [p.strip() for p in source.split("\n") if p.strip()]
        got = set(raw.text.split("\n"))
        paragraphs, same = paragraphs + len(wanted), same + sum(p in got for p in wanted)
        errors += edits(squash(source), squash(raw.text))
        chars += len(squash(source))
    return {
        "documents": len(texts),
        "pages": pages,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1) if seconds else None,
        "paragraphs": paragraphs,
        "paragraphs_exact": same,
        "cer": round(errors / max(1, chars), 5),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures (0; 2 without Chromium or playwright)."""
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_text_layer", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for PDFs and indexes")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="folder of .txt samples")
    parser.add_argument(
        "--gold", type=Path, action="append", default=[], help="gold set (repeatable)"
    )
    parser.add_argument("--model", help="embedding model for --gold (default: configured)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["POLICYQA_CACHE_DIR"] = tempfile.mkdtemp(prefix="cache-", dir=args.out)
    docs = args.out / "prints"
    try:
        texts = print_samples(args.samples, docs)
    except (ImportError, RuntimeError) as exc:
        print(f"needs playwright and Debian's chromium: {exc}", file=sys.stderr)
        return 2
    figures: dict[str, Any] = read_prints(docs, texts)
    print(f"text layer: {figures}", file=sys.stderr, flush=True)
    if args.gold:
        figures["gold"] = compare_gold(
            args.gold, args.samples, docs, args.out, args.model, label="prints"
        )
    print_figures(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
