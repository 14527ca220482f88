"""answer.listing: list answers (made-up text)."""

from __future__ import annotations

from collections.abc import Callable

from answer.extract import Candidate
from answer.listing import _whole_item


def test_a_short_item_sentence_is_the_whole_item() -> None:
    norm = "一是稳住实体经济,转型质效全面提升。二是很长" + "的" * 50 + "。"
    first_end = norm.index("。") + 1
    second = norm.index("二是") + 2
    first = _whole_item(norm, 2, 8, (0, first_end), second - 2)
    assert norm[slice(*first)] == "稳住实体经济,转型质效全面提升"
    assert _whole_item(norm, second, second + 2, (first_end, len(norm)), len(norm)) == (
        second,
        second + 2,
    )


def test_an_item_inside_a_sentence_keeps_its_own_words() -> None:
    norm = "去年建设的甲桥、乙房、丙库三件实事完成目标。"
    a = norm.index("乙房")
    assert _whole_item(norm, a, a + 2, (0, len(norm)), norm.index("丙库")) == (a, a + 2)


def test_run_in_items_of_one_sentence_stop_at_the_next() -> None:
    norm = "一是甲行动;二是乙工程;三是丙改造。"
    b = norm.index("二是")
    assert _whole_item(norm, 2, 5, (0, len(norm)), b) == (2, 5)


def test_an_item_opening_its_sentence_stops_before_the_next_items_mark() -> None:
    norm = "场景机会、能力、标杆“三张清单”。"
    second = norm.index("能力")
    assert _whole_item(norm, 0, 4, (0, len(norm)), second) == (0, 4)


def test_a_lead_clause_naming_no_items_answers_with_the_points_after_it(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    from answer.listing import list_result

    def lead(text: str, phrase: str) -> Candidate:
        return next(c for c in clause_candidates(text) if phrase in c.clause.norm)

    text = "报告\n大力发展新兴科学技术,建设甲电站,发射乙卫星,加强丙研究,重视丁研究。\n"
    found = list_result(lead(text, "新兴科学技术"))
    assert found.items == ("建设甲电站", "发射乙卫星", "加强丙研究", "重视丁研究")
    # a clause inside the sentence, or followed by too few clauses, answers as itself
    assert list_result(lead(text, "发射乙卫星")).span == "发射乙卫星"
    short = "报告\n大力发展新兴科学技术,建设甲电站,发射乙卫星。\n"
    assert list_result(lead(short, "新兴科学技术")).span == "大力发展新兴科学技术"


def test_an_enumerating_clause_is_cut_at_its_series_marks_only() -> None:
    from answer.listing import _pieces

    def pieces(text: str) -> list[str]:
        return [text[a:b] for a, b in _pieces(text, 0, len(text))]

    # a 和 before the first 、 joins one item's words; the series ends at its 等
    assert pieces(
        "大型油气田和煤层气开发、新一代宽带移动通信网、载人航天与探月工程等16个重大专项"
    ) == [
        "大型油气田和煤层气开发",
        "新一代宽带移动通信网",
        "载人航天与探月工程",
    ]
    # …and the last two items are joined by 和
    assert pieces("组建国家开发银行、中国进出口银行和中国农业发展银行") == [
        "组建国家开发银行",
        "中国进出口银行",
        "中国农业发展银行",
    ]
    assert pieces("发展高等教育和职业教育") == ["发展高等教育", "职业教育"]  # 高等 is a word


def test_a_clause_listing_the_questions_subject_among_its_pieces_lists_its_siblings(
    clause_candidates: Callable[[str], list[Candidate]],
) -> None:
    from answer.listing import _lists_subject
    from retrieval.query import parse_query

    text = (
        "计划\n聚焦甲构机、乙发动机、丙影像设备、丁机床等关键件再制造。\n"
        "开展丙影像设备戊球管、己发生器、庚滑环的再制造技术创新。\n"
    )
    cands = clause_candidates(text)
    siblings = next(c for c in cands if "甲构机" in c.clause.norm)
    own = next(c for c in cands if "戊球管" in c.clause.norm)
    q = parse_query("丙影像设备要攻关哪些关键件的再制造")
    assert _lists_subject(q, siblings)
    assert not _lists_subject(q, own)
    # a question setting it aside asks for the rest
    from answer.listing import unlisted_subject
    from answer.signals import Signals

    aside = parse_query("除了丙影像设备,还有哪些关键件要再制造")
    assert unlisted_subject(aside, Signals((), (), "", (), False), siblings, cands) is siblings


def test_of_documents_a_name_fits_the_list_comes_from_the_one_it_fits_best(
    tmp_path: object,
) -> None:
    # made-up: two guides of one make; the question names the national one by its title
    from pathlib import Path

    from answer.pipeline import QA
    from index.build import build_index
    from index.embed import FakeEmbedder

    root = Path(str(tmp_path))
    docs = root / "docs"
    docs.mkdir()
    (docs / "trade.txt").write_text(
        "建材行业辛制造标准体系建设指南\n（2037版）\n一、建设内容\n"
        "2. 关键技术标准包括辛装备、辛矿山、辛工厂三部分，是关键技术标准体系的核心组成部分。\n",
        encoding="utf-8",
    )
    (docs / "national.txt").write_text(
        "国家辛制造标准体系建设指南\n（2037版）\n一、建设内容\n"
        "加快制定数控机床等辛装备标准，柔性产线等辛工厂标准，远程运维等辛服务标准。\n",
        encoding="utf-8",
    )
    build_index([docs], root / "idx", FakeEmbedder())
    answer = QA(root / "idx", FakeEmbedder()).ask(
        "国家辛制造标准体系建设指南（2037版）里，关键技术标准包括哪几部分？"
    )
    assert answer.found
    assert {c.doc_id for c in answer.citations} == {"national.txt"}
    assert "辛服务" in answer.answer


def test_of_the_documents_a_name_fits_the_best_fitting_one_lists_before_a_titled_one() -> None:
    # "促进智慧港口发展的指导意见": the titled 智慧园区 opinion holds all of the name but 港口;
    # the untitled one, opening on 智慧港口, holds it whole: its principles answer
    from answer.clauses import clauses_of
    from answer.listing import enumeration_result
    from answer.signals import Signals, Term
    from corpus.document import parse_text
    from corpus.enumerations import enumerations
    from corpus.model import Passage
    from retrieval.query import parse_query

    titled = parse_text(
        "关于促进智慧园区健康发展的指导意见\n一、基本原则\n（一）以人为本，务实推进。\n"
        "（二）因地制宜，科学有序。\n（三）可管可控，确保安全。\n",
        "a.txt",
    )
    untitled = parse_text(
        "智慧港口是港口发展的新形态。为促进智慧港口健康发展，现提出以下指导意见。\n"
        "一、基本原则\n（一）坚持政府引导与市场主体相结合。\n（二）坚持统筹协调与上下联动相结合。\n"
        "（三）坚持问题导向与循序渐进相结合。\n",
        "b.txt",
    )
    cands = []
    for doc in (titled, untitled):
        passage = Passage(f"{doc.doc_id}#0", doc.doc_id, doc.text, 0, len(doc.text), "", None, "")
        cands += [
            Candidate(c, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 1, True, 1)
            for c in clauses_of(doc.text, 0)
        ]
    lists = {d.doc_id: enumerations(d) for d in (titled, untitled)}
    q = parse_query("促进智慧港口发展的指导意见里，基本原则有哪几条？")
    sig = Signals((Term("基本原则", 4.0),), (), "")
    found = enumeration_result(q, sig, cands, lambda doc_id: lists[doc_id])
    assert found is not None and found.citation is not None
    assert found.citation.doc_id == "b.txt"
