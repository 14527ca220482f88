"""answer.pipeline.QA: quotes are verbatim, spans inside quotes, refusals are empty.

The invariants run over the questions of the shared dev gold file when it is
present (../shared/gold/dev.jsonl beside the repository), else over a built-in list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from answer.clauses import clauses_of
from answer.extract import MAX_SPAN
from answer.model import Answer, Citation
from answer.pipeline import QA
from corpus.errors import IndexNotFoundError, ModelMismatchError, QueryError
from index.build import build_index
from index.embed import FakeEmbedder
from retrieval.model import Filters

DEV_GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev.jsonl"
FALLBACK_QUESTIONS = [
    "余杭2023年新增高企多少家？",
    "余杭区2023年全社会R&D经费投入是多少？",
    "临安2021年技术交易额多少",
    "余杭2021年新增高企多少家？",
    "2024年余杭科技型中小企业要新增多少",
    "临安2022年R&D经费投入强度目标多少？",
    "瓯海下半年高新技术产业增加值要达到多少？",
    "杭州市2024年每万人高价值发明专利拥有量目标",
    "余杭2023年新增高企实际数和2024年目标各是多少",
    "临安2022年新增国高企目标和瓯海2024年新认定高企目标分别是多少",
    "哪份文件提出2024年新增国家高新技术企业500家？",
    "“科创指数贷”是在哪个文件里出现的",
    "瓯海的成果转化保险保单是跟哪家保险公司签的？",
    "瓯海下半年要加快投用哪些孵化基地",
    "富阳区2023年新增科技型中小企业多少家",
    "余杭2022年新增高企多少家？",
    "Ｒ＆Ｄ是什么",
    "abc",
    "？",
]


def _questions() -> list[str]:
    if DEV_GOLD.is_file():
        rows = [
            json.loads(line)
            for line in DEV_GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        questions = [r["question"] for r in rows if r.get("question")]
        if questions:
            return questions + FALLBACK_QUESTIONS[-3:]
    return FALLBACK_QUESTIONS


QUESTIONS = _questions()
S000 = "000_6eaca3ed01c4c811.txt"


@pytest.fixture(scope="module")
def answers(qa: QA) -> dict[tuple[str, str], Answer]:
    return {(q, mode): qa.ask(q, mode=mode) for q in QUESTIONS for mode in ("hybrid", "bm25")}


def _check_citation(qa: QA, c: Citation, *, evidence: bool) -> None:
    doc = qa.documents[c.doc_id]
    assert c.quote == doc.text[c.start : c.end]
    assert c.quote.strip()
    assert c.title == doc.title
    assert c.date == doc.date and c.region == doc.region
    assert c.section == "" or c.section in {s.path_str for s in doc.sections}
    if evidence:
        assert (c.span_start, c.span_end) == (-1, -1)
    elif c.span_start != -1:
        assert c.start <= c.span_start < c.span_end <= c.end


def test_answer_invariants(qa: QA, answers: dict[tuple[str, str], Answer]) -> None:
    for (question, mode), a in answers.items():
        ctx = f"{question!r} ({mode})"
        assert a.question == " ".join(question.split()), ctx
        assert a.latency_ms >= 0
        for c in a.citations:
            _check_citation(qa, c, evidence=False)
        for c in a.related:
            _check_citation(qa, c, evidence=True)
        if not a.found:
            assert a.answer == "", ctx
            assert a.message, ctx
            assert a.citations == () and a.parts == (), ctx
            continue
        assert a.answer, ctx
        assert a.citations, ctx
        assert a.related == (), ctx
        if a.intent == "which_doc":
            # 《title》（doc id） of every document (an untitled one by its opening words),
            # the ids as parts.
            assert len(a.parts) == len(a.citations), ctx
            assert all(f"（{c.doc_id}）" in a.answer for c in a.citations), ctx
            assert all(f"《{c.title}》" in a.answer or "无标题" in a.answer for c in a.citations)
            continue
        if a.labels:
            # A comparison says whose each figure is: "余杭：500家；杭州：2000家".
            assert len(a.labels) == len(a.parts), ctx
            said = [f"{lab}：{p}" if lab else p for lab, p in zip(a.labels, a.parts, strict=True)]
            assert a.answer == "；".join(said), ctx
        else:
            assert a.answer == "；".join(a.parts), ctx
        # Each part is the cited span of the citation in the same position.
        for part, c in zip(a.parts, a.citations, strict=False):
            doc = qa.documents[c.doc_id]
            assert part == doc.text[c.span_start : c.span_end], ctx
        if len(a.parts) == 1:
            c = a.citations[0]
            assert a.answer == qa.documents[c.doc_id].text[c.span_start : c.span_end], ctx
        if a.intent in ("number", "target", "compare"):
            assert all(len(p) <= MAX_SPAN for p in a.parts), ctx


def test_answers_are_json(answers: dict[tuple[str, str], Answer]) -> None:
    for a in answers.values():
        text = a.to_json()
        data = json.loads(text)
        assert data["question"] == a.question
        assert data["found"] is a.found
        assert data["answer"] == a.answer
        assert len(data["citations"]) == len(a.citations)
        assert "\\u" not in text  # ensure_ascii=False: Chinese stays readable
    a = answers[(QUESTIONS[0], "hybrid")]
    assert a.question in a.to_json()


def test_answers_are_deterministic(qa: QA, answers: dict[tuple[str, str], Answer]) -> None:
    for q in QUESTIONS[:8]:
        again = qa.ask(q)
        first = answers[(q, "hybrid")]
        assert (again.found, again.answer, again.citations) == (
            first.found,
            first.answer,
            first.citations,
        )


def test_yuhang_new_high_tech_enterprises(qa: QA) -> None:
    a = qa.ask("余杭2023年新增高企多少")
    assert a.found
    assert "637" in a.answer
    assert a.intent == "number"
    c = a.citations[0]
    assert c.doc_id == S000
    assert c.section == "一、2023年工作总结 > (二)坚持主体创新,激发澎湃创新活力"
    assert "637" in c.quote
    assert c.title == "杭州市余杭区科学技术局2023年工作总结和2024年工作思路"


def test_traditional_quote_stays_traditional(qa: QA) -> None:
    a = qa.ask("余杭2021年新增高企多少家？")
    assert a.found and "507" in a.answer
    c = a.citations[0]
    assert c.doc_id == "004_57978b5f9cc16516.txt"
    assert "技術" in c.quote  # verbatim original script


def test_compare_has_one_part_per_year(qa: QA) -> None:
    a = qa.ask("余杭2023年新增高企实际数和2024年目标各是多少")
    assert a.found and a.intent == "compare"
    assert len(a.parts) == 2
    assert "637" in a.parts[0] and "500" in a.parts[1]


def test_not_in_documents(qa: QA) -> None:
    a = qa.ask("富阳区2023年新增科技型中小企业多少家")
    assert not a.found
    assert a.answer == ""
    assert a.message and "富阳区2023年新增科技型中小企业多少家" in a.message
    assert a.citations == ()


def test_year_not_in_documents(qa: QA) -> None:
    assert not qa.ask("余杭区2023年发明专利授权量是多少件？").found


def test_filters_apply(qa: QA) -> None:
    a = qa.ask("新增高新技术企业多少家", filters=Filters(doc_ids=("001_f9ee6873cacabd59.txt",)))
    assert all(c.doc_id == "001_f9ee6873cacabd59.txt" for c in a.citations + a.related)


@pytest.mark.parametrize("question", ["", "   ", "问" * 600])
def test_bad_question(qa: QA, question: str) -> None:
    with pytest.raises(QueryError):
        qa.ask(question)


def test_unknown_mode(qa: QA) -> None:
    with pytest.raises(ValueError):
        qa.ask("余杭2023年新增高企多少", mode="x")


def test_qa_errors(tmp_path: Path, sample_index_dir: Path) -> None:
    with pytest.raises(IndexNotFoundError):
        QA(tmp_path / "none", embedder=FakeEmbedder())

    class Other(FakeEmbedder):
        model_id = "other"

    with pytest.raises(ModelMismatchError):
        QA(sample_index_dir, embedder=Other())


def test_qa_uses_index_model_by_default(
    sample_index_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POLICYQA_MODEL", raising=False)
    qa = QA(sample_index_dir)
    assert qa.embedder.model_id == FakeEmbedder.model_id


def test_empty_index_refuses(tmp_path: Path, isolated_cache: Path) -> None:
    (tmp_path / "docs").mkdir()
    build_index([tmp_path / "docs"], tmp_path / "idx", FakeEmbedder())
    a = QA(tmp_path / "idx", embedder=FakeEmbedder()).ask("余杭2023年新增高企多少")
    assert not a.found and a.answer == "" and a.message


def test_clauses_offsets() -> None:
    text = "全年新增国家高新技术企业637家、省科技型中小企业1734家,均列全省第一。其中,新增8家。"
    clauses = clauses_of(text, 100)
    assert clauses
    for c in clauses:
        assert 100 <= c.sent_start <= c.start < c.end <= c.sent_end <= 100 + len(text)
        assert c.norm == text[c.start - 100 : c.end - 100]
    assert clauses[0].norm == "全年新增国家高新技术企业637家、省科技型中小企业1734家"


REGIONS_Q = ["余杭", "临安区", "瓯海", "杭州市", "富阳", "西湖区", ""]
YEARS_Q = ["2021年", "2022年", "2023年", "2024年", "上半年", "下半年", ""]
METRICS_Q = [
    "新增高企",
    "新增科小",
    "R&D经费投入强度",
    "技术交易额",
    "孵化空间",
    "研发费用",
    "发明专利",
]
ASKS_Q = ["多少", "目标是多少", "各是多少", "是哪份文件提出的", "有哪些", "是哪家", ""]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.sampled_from(REGIONS_Q),
    st.sampled_from(YEARS_Q),
    st.lists(st.sampled_from(METRICS_Q), min_size=1, max_size=2, unique=True),
    st.sampled_from(ASKS_Q),
)
def test_generated_questions_keep_invariants(
    qa: QA, region: str, year: str, metrics: list[str], ask: str
) -> None:
    question = f"{region}{year}{'和'.join(metrics)}{ask}"
    a = qa.ask(question)
    for c in a.citations:
        _check_citation(qa, c, evidence=False)
    for c in a.related:
        _check_citation(qa, c, evidence=True)
    if a.found:
        if a.intent == "which_doc":
            assert all(f"（{c.doc_id}）" in a.answer for c in a.citations)
        elif a.labels:
            said = [f"{lab}：{p}" if lab else p for lab, p in zip(a.labels, a.parts, strict=True)]
            assert a.answer == "；".join(said)
        else:
            assert a.answer == "；".join(a.parts)
        if a.intent != "which_doc":
            for part, c in zip(a.parts, a.citations, strict=False):
                assert part == qa.documents[c.doc_id].text[c.span_start : c.span_end]
    else:
        assert a.answer == "" and a.message
    json.loads(a.to_json())


def test_in_a_named_document_the_questions_other_words_find_the_passage(
    qa_of_texts: Callable[..., QA],
) -> None:
    # every passage of the guide shares its name; the one asked shares the other words
    from answer.named_doc import named_hits, without_name
    from retrieval.query import parse_query

    intro = "甲乙公交智能化示范工程建设指南明确,甲乙公交智能化示范工程"
    guide = (
        "甲乙公交智能化示范工程建设指南\n第一章 总则\n"
        + "".join(f"{intro}第{n}项工程方案由丁部组织制定。\n" for n in range(1, 60))
        + "第六章 标准规范\n丙部组织制定如下11项工程标准。\n"
    )
    other = "丁戊规划\n一、任务\n丙部组织制定相关规范。\n"
    qa = qa_of_texts({"guide.txt": guide, "other.txt": other})
    q = parse_query("甲乙公交智能化示范工程那份建设指南里,丙部组织制定的工程标准有几项?")
    rest = without_name(q)
    assert rest is not None and "示范工程" not in rest.norm and "丙部" in rest.norm
    found = named_hits(q, qa.retriever, set(), None)
    assert found and "11项" in found[0].passage.text
    assert all(h.passage.doc_id == "guide.txt" for h in found)
    assert all(h.rank > 40 for h in found)  # ranked after every retrieved passage
    # what retrieval already returned is not added again; another document allowed: none
    assert named_hits(q, qa.retriever, {found[0].passage.pid}, None)[:1] != found[:1]
    assert named_hits(q, qa.retriever, set(), {"other.txt"}) == []
    answer = qa.ask(q.text)
    assert answer.found and "11项" in answer.answer


def test_a_report_named_by_its_year_is_searched_for_the_figure_asked(
    qa_of_texts: Callable[..., QA],
) -> None:
    # "37年那份政府工作报告里…": the report delivered in 2037, searched for the figure
    from answer.named_doc import named_documents
    from retrieval.query import parse_query

    report = (
        "2037年政府工作报告\n各位代表:\n现在,我代表政府向大会报告工作。\n一、2036年工作回顾\n"
        + "".join(f"第{n}项工作取得进展,甲乙总产值比上年有所增加。\n" for n in range(1, 40))
        + "二、2037年工作任务\n计划草案拟定,丙丁总产值比上年增长百分之十一左右。\n"
    )
    other = "2030年政府工作报告\n各位代表:\n一、2029年回顾\n丙丁总产值增长百分之三。\n"
    qa = qa_of_texts({"r37.txt": report, "r30.txt": other})
    q = parse_query("37年那份政府工作报告里,丙丁总产值计划增长多少")
    assert q.doc_years == (2037,) and q.years == ()
    issued = qa.retriever.issued_in(q.doc_years)
    assert issued == ("r37.txt",)  # read without the documents
    assert named_documents(q, qa.retriever, 3) == ("r37.txt",)
    answer = qa.ask(q.text)
    assert answer.found and "百分之十一" in answer.answer


def test_a_part_is_looked_for_in_passages_found_for_the_whole_question(
    qa_of_texts: Callable[..., QA],
) -> None:
    from retrieval.query import parse_query

    budget = "甲市报告\n一、预算\n其中,支持甲平台、乙工程建设资金54.2亿元,丙培养资金47.9亿元。\n"
    other = "乙市报告\n一、平台\n支持甲平台建设,安排甲平台资金,新建甲平台3个。\n"
    qa = qa_of_texts({"a.txt": budget, "b.txt": other})
    part = parse_query("支持甲平台这块安排多少钱")
    passage = next(
        h.passage for h in qa.retriever.search(parse_query("甲市丙培养资金"), 3, mode="bm25")
    )
    assert passage.doc_id == "a.txt"
    # retrieval asked for one passage (the other document's, naming 甲平台 twice); the
    # passage given besides is judged too
    _, _, alone = qa._candidates(part, None, "bm25", 1)
    _, _, joined = qa._candidates(part, None, "bm25", 1, also=[passage])
    assert {c.passage.doc_id for c in alone} == {"b.txt"}
    assert any("54.2亿元" in c.clause.norm for c in joined)
    # …but only within the part's filters
    _, _, kept = qa._candidates(part, Filters(doc_ids=("b.txt",)), "bm25", 1, also=[passage])
    assert not any(c.passage.doc_id == "a.txt" for c in kept)
