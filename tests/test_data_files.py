"""Format checks of the shipped data files (gazetteer, jieba dictionary, synonyms)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGIONS = ROOT / "corpus" / "data" / "regions.tsv"
TERMS = ROOT / "index" / "data" / "policy_terms.txt"
SYNONYMS = ROOT / "index" / "data" / "synonyms.tsv"

LEVELS = {"province", "city", "district", "county"}
TRADITIONAL = set("業與發區縣機構開經濟這個們體術實設計劃專產務")  # traditional-only characters


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff"), f"{path.name} has a BOM"
    return [line for line in text.splitlines() if line.strip()]


def _regions() -> list[list[str]]:
    lines = _lines(REGIONS)
    assert lines[0] == "name\tshort\tlevel\tparent"
    return [line.split("\t") for line in lines[1:]]


def test_regions_rows_well_formed() -> None:
    rows = _regions()
    assert len(rows) > 400
    names = {r[0] for r in rows}
    seen = set()
    for r in rows:
        assert len(r) == 4, r
        name, short, level, parent = r
        assert name and name == name.strip(), r
        assert level in LEVELS, r
        assert (level == "province") == (parent == ""), r
        if parent:
            assert parent in names, f"unknown parent {parent!r} of {name}"
        assert short == "" or (len(short) >= 2 and short != name), r
        assert not TRADITIONAL & set(name + short + parent), r
        assert (name, parent) not in seen, f"duplicate {name} / {parent}"
        seen.add((name, parent))


def test_regions_cover_required_places() -> None:
    rows = {(r[0], r[3]): r for r in _regions()}
    assert sum(r[2] == "province" for r in rows.values()) == 34
    for name, parent in [
        ("浙江省", ""),
        ("广西壮族自治区", ""),
        ("北京市", ""),
        ("杭州市", "浙江省"),
        ("余杭区", "杭州市"),
        ("临平区", "杭州市"),
        ("钱塘区", "杭州市"),
        ("建德市", "杭州市"),
        ("瓯海区", "温州市"),
        ("龙港市", "温州市"),
        ("包河区", "合肥市"),
        ("新蔡县", "驻马店市"),
        ("黄山区", "黄山市"),
        ("朝阳区", "北京市"),
        ("朝阳市", "辽宁省"),
    ]:
        assert (name, parent) in rows, name
    assert rows[("余杭区", "杭州市")][1] == "余杭"
    assert rows[("广西壮族自治区", "")][1] == "广西"
    # Zhejiang: 11 cities, 90 county-level units.
    zj_cities = {n for (n, p) in rows if p == "浙江省"}
    assert len(zj_cities) == 11
    assert sum(p in zj_cities for (_, p) in rows) == 90


def test_policy_terms_jieba_format() -> None:
    words = {}
    for line in _lines(TERMS):
        parts = line.split()
        assert 2 <= len(parts) <= 3, line
        word, freq = parts[0], parts[1]
        assert len(word) >= 2, f"single character {word!r}"
        assert freq.isdigit() and int(freq) > 0, line
        if len(parts) == 3:
            assert parts[2].isascii() and parts[2].isalpha() and parts[2].islower(), line
        assert word not in words, f"duplicate {word}"
        words[word] = parts
        assert not TRADITIONAL & set(word), word
    for w in (
        "高新技术企业",
        "科技型中小企业",
        "研发投入强度",
        "揭榜挂帅",
        "科技局",
        "高企",
        "规上",
    ):
        assert w in words, w
    # Every place of the gazetteer, full and short, is in the dictionary as ns.
    for name, short, _, _ in _regions():
        for w in (name, short):
            if len(w) >= 2:
                assert w in words and words[w][-1] == "ns", w


def test_synonyms_format() -> None:
    lines = _lines(SYNONYMS)
    assert lines[0] == "canonical\tvariants"
    canon_seen = set()
    plain_variant: dict[str, str] = {}
    for line in lines[1:]:
        parts = line.split("\t")
        assert len(parts) == 2, line
        canonical, variants = parts
        vs = variants.split("|")
        assert canonical and all(v.strip() for v in vs), line
        strings = {canonical.lstrip("~^"), *vs}
        assert len(strings) >= 2, line
        assert not TRADITIONAL & set(line), line
        assert line == line.strip() and not any(c.isupper() for c in line), line
        assert canonical not in canon_seen, f"duplicate canonical {canonical}"
        canon_seen.add(canonical)
        if not canonical.startswith(("~", "^")):
            for v in vs:
                # A variant rewrites to one canonical form only.
                assert plain_variant.setdefault(v, canonical) == canonical, v
    plain = {c for c in canon_seen if not c.startswith(("~", "^"))}
    assert not plain & set(plain_variant), "a canonical form is also another row's variant"
    for c in ("高新技术企业", "科技型中小企业", "研发", "研发经费", "研发投入强度", "规模以上"):
        assert c in plain, c
