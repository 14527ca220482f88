"""Benchmark: OCR throughput and character error rate on scans of the sample texts.

Usage::

    python -m evals.bench_ocr --out DIR [--samples DIR] [--gold FILE ...] [--model NAME]
        [--cache DIR] [--json]

Renders every sample text to an image-only PDF (:mod:`evals.render_pages`: A4 at
200 dpi, 30 lines a page, a page number at the foot), reads each PDF with
:func:`corpus.readers.read_file` under an empty OCR cache (render, OCR, layout:
what indexing a scan costs) and prints pages per second (wall clock, and the CPU
seconds a page costs, which the machine's other load does not change) and the character
error rate of each page's text against the text printed on it (both in their
matching form without whitespace: the width of punctuation does not count).
With ``--gold`` (repeatable), the scans and the texts are each indexed
(``--model``, default the configured one) and the gold questions asked of both,
so the two answer accuracies can be compared (the gold's ``.txt`` ids are read
as the scans' ``.pdf`` ids; retrieval is scored on the texts only). Runs take
minutes: 27 pages of OCR; ``--cache`` reads the pages from an earlier run's OCR
cache instead (the same font renders the same pages), for the answers alone.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance of two strings (two rows of the table at a time)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def render_samples(samples: Path, out: Path, font: tuple[str, int]) -> dict[str, list[list[str]]]:
    """An image-only PDF of every sample in ``out`` (and the manifest renamed to match);
    returns the rows printed on each page, by PDF name."""
    from evals.render_pages import page_rows, render_pages, to_pdf

    out.mkdir(parents=True, exist_ok=True)
    printed = {}
    for src in sorted(samples.glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        name = f"{src.stem}.pdf"
        to_pdf(render_pages(text, font), out / name)
        printed[name] = page_rows(text, font)
    manifest = samples / "manifest.tsv"
    if manifest.is_file():
        renamed = manifest.read_text(encoding="utf-8").replace(".txt\t", ".pdf\t")
        (out / "manifest.tsv").write_text(renamed, encoding="utf-8")
    return printed


def read_scans(docs: Path, printed: dict[str, list[list[str]]]) -> dict[str, Any]:
    """Read every scan (OCR cache empty) and score each page against what was printed."""
    from corpus.normalize import squash
    from corpus.readers import read_file

    pages = errors = chars = 0
    seconds = cpu = 0.0
    worst: list[tuple[float, str]] = []
    for name, rows in printed.items():
        started, cpu_started = time.perf_counter(), time.process_time()
        raw = read_file(docs / name)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started  # every thread of the engine
        bounds = [*raw.pages, len(raw.text)]
        for n, page_rows in enumerate(rows):
            source, read = squash("".join(page_rows)), squash(raw.text[bounds[n] : bounds[n + 1]])
            dist = edit_distance(source, read)
            worst.append((dist / max(1, len(source)), f"{name} p{n + 1}"))
            pages, errors, chars = pages + 1, errors + dist, chars + len(source)
    return {
        "pages": pages,
        "seconds": round(seconds, 1),
        "pages_per_s": round(pages / seconds, 3) if seconds else None,
        "cpu_s_per_page": round(cpu / max(1, pages), 2),
        "cer": round(errors / max(1, chars), 4),
        "worst_pages": [f"{w} {r:.3f}" for r, w in sorted(worst, reverse=True)[:3]],
    }


def compare_gold(
    golds: Sequence[Path],
    samples: Path,
    docs: Path,
    out: Path,
    model: str | None,
    label: str = "scans",
) -> dict[str, dict[str, Any]]:
    """Answer accuracy of each gold set's questions over the texts and over their copies in
    ``docs`` (PDFs named as the texts: scans, or text-layer prints), by gold file name."""
    from answer.pipeline import QA
    from evals.run import run_eval
    from index.build import build_index
    from index.embed import get_embedder

    embedder = get_embedder(model)
    build_index([samples], out / "idx-text", embedder)
    build_index([docs], out / f"idx-{label}", embedder)
    qa = {"text": QA(out / "idx-text", embedder=embedder)}
    qa[label] = QA(out / f"idx-{label}", embedder=embedder)
    keys = ("n", "answer_accuracy", "citation_accuracy", "recall_at_5")
    found: dict[str, dict[str, Any]] = {}
    for gold in golds:
        copies = _pdf_gold(gold, out / f"gold-{label}-{gold.name}")
        found[gold.name] = {}
        for name, gold_file in (("text", gold), (label, copies)):
            results = run_eval(gold_file, qa[name])
            found[gold.name][name] = {k: results.get(k) for k in keys}
    return found


def _pdf_gold(gold: Path, path: Path) -> Path:
    """The gold with the PDFs' ids. Evidence quotes are dropped (OCR does not read them
    verbatim, and the gold check would refuse them), so retrieval is not scored on them."""
    rows = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    path.write_text(
        "".join(
            json.dumps({**r, "evidence": []}, ensure_ascii=False).replace('.txt"', '.pdf"') + "\n"
            for r in rows
        ),
        encoding="utf-8",
    )
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures.

    Returns:
        0, or 2 when no CJK font or OCR is available.
    """
    parser = argparse.ArgumentParser(
        prog="python -m evals.bench_ocr", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for scans and indexes")
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="folder of .txt samples")
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        default=[],
        help="also compare answers on texts and scans (repeatable: several gold sets)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        help="an OCR cache of an earlier run to read from (OCR time is then not measured)",
    )
    parser.add_argument("--model", help="embedding model for --gold (default: configured)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    import os

    from corpus.ocr import ocr_available
    from evals.render_pages import cjk_font

    font = cjk_font()
    if font is None or not ocr_available(pdf=True):
        print("needs the OCR extra and a CJK font (fc-list :lang=zh)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    # A cache of its own, empty (every page read anew), unless one is given to reuse.
    cache = args.cache or Path(tempfile.mkdtemp(prefix="cache-", dir=args.out))
    os.environ["POLICYQA_CACHE_DIR"] = str(cache)
    docs = args.out / "scans"
    figures: dict[str, Any] = read_scans(docs, render_samples(args.samples, docs, font))
    print(f"ocr: {figures}", file=sys.stderr, flush=True)  # kept if the gold part fails
    if args.gold:
        figures["gold"] = compare_gold(args.gold, args.samples, docs, args.out, args.model)
    print_figures(figures, args.json)
    return 0


def print_figures(figures: dict[str, Any], as_json: bool) -> None:
    """A benchmark's figures on stdout: JSON, or one ``key: value`` line each."""
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")


if __name__ == "__main__":
    raise SystemExit(main())
