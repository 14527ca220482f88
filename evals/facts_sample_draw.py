"""Draw the random sample of facts-table rows labelled in evals/gold/facts_sample.jsonl.

Issue #11 ("Quality, measured"): label >= 200 random rows of facts.jsonl from the
samples + corpus-extra index and report precision per field.

Usage:  python -m evals.facts_sample_draw INDEX_DIR [--n-samples 40] [--n-extra 180]
                            [--seed 20261128] [--exclude LABELLED.jsonl] [--out FILE]

Reads the index's facts.jsonl (the version its pointer names), stratifies by document
origin (the five files of corpus/samples vs everything else), draws without replacement
with a fixed seed and writes one JSON line per drawn row: {"doc_id", "value_start",
"value_end", "stratum"} (the row identity; the draw is reproducible from the same index).
``--exclude`` leaves out rows an earlier sample holds, so a second sample is fresh:
evals/gold/facts_sample2.jsonl is ``--n-samples 20 --n-extra 80 --seed 20261206
--exclude evals/gold/facts_sample.jsonl`` over samples + corpus-extra;
evals/gold/facts_sample4.jsonl is ``--n-samples 25 --n-extra 100 --seed 20261230``
excluding the rows of samples 1-3 (their lines joined into one file), over the
samples + corpus-extra index of main 421e3cc.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def sample_ids() -> set[str]:
    return {p.name for p in SAMPLES_DIR.glob("*.txt")}


def row_key(r: dict) -> tuple[str, int, int]:
    """A facts row's identity in a sample: its document and its value's span."""
    return r["doc_id"], r["value_start"], r["value_end"]


def draw(
    index_dir: Path, n_samples: int, n_extra: int, seed: int, exclude: frozenset = frozenset()
) -> list[dict]:
    from index.layout import resolve

    facts = resolve(index_dir).data / "facts.jsonl"
    rows = [json.loads(line) for line in facts.open(encoding="utf-8")]
    rows = [r for r in rows if row_key(r) not in exclude]
    samp = sample_ids()
    strata = {
        "samples": [r for r in rows if r["doc_id"] in samp],
        "extra": [r for r in rows if r["doc_id"] not in samp],
    }
    rng = random.Random(seed)
    out = []
    for name, n in (("samples", n_samples), ("extra", n_extra)):
        pool = sorted(strata[name], key=lambda r: (r["doc_id"], r["value_start"], r["value_end"]))
        for r in rng.sample(pool, min(n, len(pool))):
            out.append(
                {
                    "doc_id": r["doc_id"],
                    "value_start": r["value_start"],
                    "value_end": r["value_end"],
                    "stratum": name,
                }
            )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("index_dir", type=Path)
    ap.add_argument("--n-samples", type=int, default=40)
    ap.add_argument("--n-extra", type=int, default=180)
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--exclude", type=Path, default=None, help="a sample whose rows to skip")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    done = a.exclude.read_text(encoding="utf-8").splitlines() if a.exclude else []
    exclude = frozenset(row_key(json.loads(line)) for line in done if line)
    drawn = draw(a.index_dir, a.n_samples, a.n_extra, a.seed, exclude)
    lines = [json.dumps(r, ensure_ascii=False) for r in drawn]
    if a.out:
        a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
