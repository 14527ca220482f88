"""Throwaway checker for the team gold sets (evals/gold/*.jsonl).

Usage: python3 evals/gold_check.py [files...]
Traditional->simplified matching needs opencc (pip install opencc-python-reimplemented,
e.g. /tmp/goldvenv/bin/python evals/gold_check.py); without it, answer checks against
evidence that contains traditional text are skipped with a warning.
"""
import json, re, sys
from pathlib import Path

SEEDS = Path("/work/shared/seeds")
EXTRA = Path("/work/shared/corpus-extra")
DEV = Path("/work/shared/gold/dev.jsonl")
GOLD = Path(__file__).resolve().parent / "gold"
FIELDS = ["id", "question", "type", "answers", "doc", "section", "evidence", "note"]
TYPES = {"number", "target", "which_doc", "entity", "list", "compare", "unanswerable"}

try:
    from opencc import OpenCC
    t2s = OpenCC("t2s").convert
except ImportError:
    t2s = None

_cache = {}
def doc_text(d):
    if d not in _cache:
        p = EXTRA / d if d.startswith("docs/") else SEEDS / d
        _cache[d] = p.read_text(encoding="utf-8") if p.exists() else None
    return _cache[d]

def norm(s):
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    return t2s(s) if t2s else s

def qkey(q):
    return re.sub(r"[\s？?。，,！!、“”\"']", "", q)

def check(files):
    errs, warns, ids, qs = [], [], set(), {}
    dev_qs = {qkey(json.loads(l)["question"]) for l in DEV.read_text(encoding="utf-8").splitlines() if l.strip()}
    for f in files:
        for n, line in enumerate(Path(f).read_text(encoding="utf-8").splitlines(), 1):
            where = f"{Path(f).name}:{n}"
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except Exception as e:
                errs.append(f"{where} bad json: {e}"); continue
            E = lambda m: errs.append(f"{where} {r.get('id')} {m}")
            if list(r) != FIELDS:
                E(f"fields {list(r)}"); continue
            if r["id"] in ids: E("duplicate id")
            ids.add(r["id"])
            k = qkey(r["question"])
            if k in dev_qs: E("question duplicates dev.jsonl")
            if k in qs: E(f"question duplicates {qs[k]}")
            qs[k] = r["id"]
            t, ans, doc, ev = r["type"], r["answers"], r["doc"], r["evidence"]
            if t not in TYPES: E(f"bad type {t}"); continue
            if not isinstance(ans, list) or not isinstance(ev, list): E("answers/evidence not lists"); continue
            if t == "unanswerable":
                if ans or ev or doc is not None or r["section"] is not None: E("unanswerable must have [] answers/evidence, null doc/section")
                continue
            if not ans or not ev: E("empty answers/evidence")
            docs = doc if isinstance(doc, list) else [doc]
            for d in docs:
                if not isinstance(d, str) or doc_text(d) is None: E(f"unknown doc {d}")
            texts = [doc_text(d) or "" for d in docs]
            for e in ev:
                if not any(e in tx for tx in texts): E(f"evidence not verbatim: {e[:40]}")
            if isinstance(doc, list) and not isinstance(r["section"], list): warns.append(f"{where} {r['id']} doc/section list mismatch")
            if t == "which_doc":
                if sorted(ans) != sorted(docs): E("which_doc answers != doc ids")
                continue
            nev = [norm(e) for e in ev]
            for a in ans:
                if not any(norm(a) in e for e in nev):
                    if t2s is None and any(re.search(r"[這個國發區為體經業學與實們級會]", tx) for tx in texts):
                        warns.append(f"{where} {r['id']} skipped t2s answer check for {a}")
                    else:
                        E(f"answer {a!r} not in evidence")
    return errs, warns, len(ids)

if __name__ == "__main__":
    files = sys.argv[1:] or sorted(str(p) for p in GOLD.glob("*.jsonl"))
    errs, warns, n = check(files)
    for w in warns: print("WARN", w)
    for e in errs: print("ERR ", e)
    print(f"{n} records in {len(files)} files, {len(errs)} errors, {len(warns)} warnings"
          + ("" if t2s else " (opencc missing: t2s not applied)"))
    sys.exit(1 if errs else 0)
