"""Facts table: extraction from reports, the samples, generated documents and corpus-extra."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.document import load_document, parse_text
from corpus.facts import Fact, extract_facts, fact_from_json, fact_to_json
from corpus.model import Document
from corpus.normalize import canonical_number_text
from corpus.sidecar import load_sidecar

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
EXTRA = Path(__file__).resolve().parents[2].parent / "shared" / "corpus-extra"


def doc_facts(text: str, doc_id: str = "t.txt", **kw: object) -> tuple[Fact, ...]:
    return extract_facts(parse_text(text, doc_id), **kw)  # type: ignore[arg-type]


def only(found: tuple[Fact, ...], **fields: object) -> Fact:
    hits = [f for f in found if all(getattr(f, k) == v for k, v in fields.items())]
    assert len(hits) == 1, (fields, [(f.metric, f.value, f.unit, f.year, f.kind) for f in found])
    return hits[0]


# --- extract_facts --------------------------------------------------------------

REPORT = (
    "一、2023年工作总结\n"
    "全年新增国家高新技术企业637家、省科技型中小企业1734家,均列全省第一。"
    "30项成果获浙江省科学技术奖,同比增长58%。"
    "我区R&D经费投入120.64亿元,占GDP比重达4.55%,居全省第三。\n"
    "二、2024年工作思路\n"
    "力争新增高企500家,2023年全区高企达3000家。\n"
)


def test_extract_facts_from_a_report() -> None:
    found = doc_facts(REPORT, canon=lambda m: m.replace("高企", "高新技术企业"))
    f = only(found, value="637")
    assert (f.metric, f.qualifier, f.unit, f.year, f.kind) == (
        "国家高新技术企业",
        "新增",
        "家",
        2023,
        "actual",
    )
    assert f.section == "一、2023年工作总结" and f.period == "全年"
    assert only(found, value="1734").metric == "省科技型中小企业"
    assert only(found, value="1734").qualifier == "新增"
    rank = only(found, qualifier="排名", value="第1")
    assert (rank.metric, rank.unit, rank.scope) == ("省科技型中小企业", "位", "")
    grow = only(found, value="58")
    assert (grow.metric, grow.qualifier) == ("成果获浙江省科学技术奖", "增长")
    share = only(found, value="4.55")
    assert (share.metric, share.qualifier, share.scope) == ("R&D经费投入占GDP比重", "占比", "全区")
    assert only(found, value="第3").metric == "R&D经费投入占GDP比重"
    target = only(found, value="500")
    assert (target.kind, target.year, target.canonical) == ("target", 2024, "高新技术企业")
    baseline = only(found, value="3000")
    assert (baseline.kind, baseline.year, baseline.scope) == ("actual", 2023, "全区")
    assert not any(f.value in ("2023", "2024") for f in found)


def test_a_target_set_for_a_plan_period_is_due_at_its_end() -> None:
    text = (
        "甲省2026年政府工作报告\n三、2026年工作安排\n"
        "优化实施新一轮行动，“十五五”时期县城新增人口100万。力争新增示范企业50家。\n"
    )
    found = doc_facts(text)
    plan = only(found, value="100")
    assert (plan.year, plan.period, plan.kind) == (2030, "十五五", "target")
    assert only(found, value="50").year == 2026  # the year's own target


def test_respectively_gives_each_figure_its_metric() -> None:
    found = doc_facts(
        "民间投资、工业投资分别增长8.5%、10.5%。游客1.4亿人次、收入1713亿元,分别增长55%、53%。"
    )
    assert [(f.metric, f.qualifier) for f in found if f.unit == "%"] == [
        ("民间投资", "增长"),
        ("工业投资", "增长"),
        ("游客", "增长"),
        ("收入", "增长"),
    ]
    kept = doc_facts("城乡居民人均可支配收入分别为80587元和48180元。")
    assert [f.metric for f in kept] == ["城乡居民人均可支配收入"] * 2


def test_facts_json_round_trip() -> None:
    for f in doc_facts(REPORT):
        data = fact_to_json(f)
        assert isinstance(data, dict) and data["doc_id"] == "t.txt"
        assert fact_from_json(data) == f
        assert fact_from_json({**data, "extra": 1}) == f


def _load_sample(name: str) -> Document:
    return load_document(SAMPLES / name, name, load_sidecar(SAMPLES).get(name))


KNOWN = [
    (
        "000",
        dict(
            year=2023,
            kind="actual",
            metric="国家高新技术企业",
            value="637",
            unit="家",
            qualifier="新增",
        ),
    ),
    ("000", dict(year=2024, kind="target", metric="国家高新技术企业", value="500", unit="家")),
    ("000", dict(year=2023, metric="科技小巨人企业", value="300", unit="%", qualifier="增长")),
    ("000", dict(year=2023, metric="省级企业研发机构", value="第1", qualifier="排名")),
    ("001", dict(year=2022, kind="target", metric="R&D经费投入强度", value="3.45", unit="%")),
    ("001", dict(year=2020, metric="创新指数", value="第24", unit="位", qualifier="排名")),
    (
        "002",
        dict(year=2024, period="1-5月", metric="高新技术产业投资", value="55.6", qualifier="增长"),
    ),
    ("002", dict(kind="actual", period="上半年", metric="孵化面积", value="19.38", unit="万方")),
    ("002", dict(kind="target", metric="全社会R&D经费占GDP比重", value="3.84", qualifier="占比")),
    (
        "003",
        dict(year=2024, kind="target", metric="高新技术企业", value="2000", unit="家", period=""),
    ),
    (
        "003",
        dict(
            kind="target", metric="有效发明专利拥有量", value="15.5", unit="万件", qualifier="累计"
        ),
    ),
    ("004", dict(year=2021, kind="actual", metric="高新技术企业", value="507", qualifier="新增")),
]


@pytest.mark.parametrize(("prefix", "want"), KNOWN, ids=[f"{p}-{w['value']}" for p, w in KNOWN])
def test_known_sample_facts(prefix: str, want: dict[str, object]) -> None:
    name = next(p.name for p in SAMPLES.glob(f"{prefix}_*.txt"))
    doc = _load_sample(name)
    hits = [f for f in extract_facts(doc) if all(getattr(f, k) == v for k, v in want.items())]
    assert hits, want
    assert all(f.region == doc.region and f.doc_id == name for f in hits)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_sample_facts_are_well_formed(path: Path) -> None:
    doc = _load_sample(path.name)
    found = extract_facts(doc)
    assert len(found) >= 20
    check_facts(doc, found)
    for f in found:
        span = doc.norm[f.value_start : f.value_end]
        assert not re.search(r"(?<!人)年|月|日|号|岁", span), span


# --- properties -------------------------------------------------------------------

HAN = "科技创新企业新增高新技术研发投入全区全省我市居列排名达到增长同比占比重力争目标预计年月第位元"
WORDS = [
    "家",
    "个",
    "%",
    "亿元",
    "万平方米",
    "个百分点",
    "第",
    "前",
    "2023年",
    "比",
    "由",
    "提高到",
]
PUNCT = ",。;:、()“”《》\u3000 ,.;"
token = st.one_of(
    st.sampled_from(HAN),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCT),
    st.integers(0, 99999).map(str),
)
line = st.one_of(
    st.lists(token, max_size=60).map("".join),
    st.tuples(
        st.sampled_from(["一、", "(二)", "1、", ""]),
        st.sampled_from(["2023年工作总结", "2024年工作计划", "主要目标"]),
    ).map("".join),
)
documents = st.lists(line, max_size=20).map("\n".join)


def check_facts(doc: Document, found: tuple[Fact, ...]) -> None:
    text = doc.text
    for f in found:
        assert 0 <= f.sent_start <= f.start <= f.value_start < f.value_end <= f.end <= f.sent_end
        assert f.sent_end <= len(text)
        quote = text[f.start : f.end]
        assert quote and quote in text and text[f.value_start : f.value_end] in quote
        assert f.kind in ("actual", "target") and f.scope in ("", "全国", "全省", "全市", "全区")
        if f.qualifier != "排名":
            written = canonical_number_text(text[f.value_start : f.value_end])
            assert re.sub("[~至到]", "-", written).startswith(f.value)
        assert fact_from_json(fact_to_json(f)) == f


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents)
def test_generated_document_facts(text: str) -> None:
    doc = parse_text(text, "gen.txt")
    check_facts(doc, extract_facts(doc))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_facts(text: str) -> None:
    doc = parse_text(text, "any.txt")
    check_facts(doc, extract_facts(doc))


@pytest.mark.slow  # parses all 500 documents of corpus-extra (~18 s)
@pytest.mark.skipif(not (EXTRA / "docs").is_dir(), reason="../shared/corpus-extra absent")
def test_corpus_extra_facts_are_well_formed_and_fast() -> None:
    docs = [load_document(p, f"docs/{p.name}") for p in sorted((EXTRA / "docs").glob("*.txt"))]
    t0 = time.perf_counter()
    found = [extract_facts(d) for d in docs]
    elapsed = time.perf_counter() - t0
    assert elapsed < 60, f"{elapsed:.1f}s"
    for doc, facts in zip(docs, found, strict=True):
        check_facts(doc, facts)
    assert sum(map(len, found)) > 30000


def test_a_dated_base_is_a_row_of_its_year_and_the_new_value_keeps_the_metric() -> None:
    text = "一、五年回顾\n计划生育成绩显著，人口自然增长率由1990年的14.39‰下降到1995年的10.55‰。\n"
    found = doc_facts(text)
    old = only(found, value="14.39")
    new = only(found, value="10.55")
    assert (old.year, old.kind, old.metric, old.unit) == (1990, "actual", "人口自然增长率", "‰")
    assert (new.year, new.metric) == (1995, "人口自然增长率")


def test_the_count_closing_a_respective_list_is_no_part_of_its_last_metric() -> None:
    text = "一、工作回顾\n甲收入、乙收入、丙收入三项增速分别为5.7%、4.5%和7.6%。\n"
    found = doc_facts(text)
    assert only(found, value="7.6").metric == "丙收入"
    assert only(found, value="5.7").metric == "甲收入"


def test_a_look_back_inside_a_plan_part_is_the_year_befores_actual() -> None:
    text = (
        "甲省2011年政府工作报告\n一、过去五年回顾\n五年来经济平稳增长。\n三、2011年的工作\n"
        "2011年是开局之年。过去一年,我们的各项工作取得了很大成绩。城镇新增就业1168万人。"
        "今年城镇新增就业900万人以上。\n"
    )
    found = doc_facts(text)
    back = only(found, value="1168")
    ahead = only(found, value="900")
    assert (back.year, back.kind) == (2010, "actual")
    assert (ahead.year, ahead.kind) == (2011, "target")


def test_a_look_back_may_name_its_field_and_the_earlier_years_it_goes_back_to() -> None:
    text = (
        "甲国1987年政府工作报告\n一、当前国内形势和基本任务\n1986年是开始执行计划的一年。\n"
        "在经济领域,过去一年里取得的最重要的成绩,就是把1984年末至1985年一度出现的过热现象"
        "调整过来。钢产量达到5205万吨,比上年增长11.2%。今年钢产量要达到5500万吨。\n"
    )
    found = doc_facts(text)
    back, ahead = only(found, value="5205"), only(found, value="5500")
    assert (back.year, back.kind) == (1986, "actual")
    assert (ahead.year, ahead.kind) == (1987, "target")  # 今年 turns to the issue year


def test_a_rank_names_the_list_it_ranks_in_when_nothing_before_it_does() -> None:
    text = "一、2023年工作回顾\n新建5G基站3002个,我市位列全国数字城市百强第63位。"
    rank = only(doc_facts(text), qualifier="排名")
    assert (rank.value, rank.metric) == ("第63", "数字城市百强")
    # a cue and a scope alone: the rank is of the words before them
    text = "一、2023年工作回顾\n每千家企业中高企数居全省第2位。"
    assert only(doc_facts(text), qualifier="排名").metric == "每千家企业中高企数"
