"""Parse every document of ../shared/corpus-extra (skipped where absent).

Inference alone (no manifest) must find a region for at least 95% of the
documents, the right one for at least 80%, and years for at least 85%:
central ministries' regulations often state no year at all. With the
folder's manifest.tsv, as `policyqa index` uses it, every document has both.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from corpus.document import parse_text
from corpus.readers import read_file
from corpus.sidecar import load_sidecar

EXTRA = Path(__file__).resolve().parents[2].parent / "shared" / "corpus-extra"

pytestmark = [
    pytest.mark.skipif(not (EXTRA / "docs").is_dir(), reason="../shared/corpus-extra absent"),
    pytest.mark.slow,  # parses all 500 documents (~15 s)
]


def _right(region: str, truth: str, level: str) -> bool:
    if not region:
        return False
    if region == "全国":
        return level == "national"
    return region in truth or region.rstrip("市省区县") in truth


def test_every_document_parses_with_region_and_year() -> None:
    manifest = {
        r["filename"]: r
        for r in csv.DictReader((EXTRA / "manifest.tsv").open(encoding="utf-8"), delimiter="\t")
    }
    sidecar = load_sidecar(EXTRA)
    files = sorted((EXTRA / "docs").glob("*.txt"))
    got_region = right_region = got_years = 0
    with_sidecar = 0
    for path in files:
        doc_id = f"docs/{path.name}"
        text = read_file(path).text
        doc = parse_text(text, doc_id)
        assert doc.passages, doc_id
        assert all(doc.text[p.start : p.end] == p.text for p in doc.passages)
        got_region += bool(doc.region)
        got_years += bool(doc.years)
        truth = manifest[doc_id]
        right_region += _right(doc.region, truth["region"], truth["level"])
        over = parse_text(text, doc_id, overrides=sidecar.get(doc_id))
        with_sidecar += bool(over.region and over.years)
    n = len(files)
    summary = (
        f"{n} documents: region {got_region / n:.1%} (right {right_region / n:.1%}), "
        f"years {got_years / n:.1%}; with manifest {with_sidecar / n:.1%}"
    )
    print(summary)
    assert got_region / n >= 0.95, summary
    assert right_region / n >= 0.80, summary
    assert got_years / n >= 0.85, summary
    assert with_sidecar == n, summary
