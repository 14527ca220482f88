"""retrieval.doc_years: years that name a document, read apart from the years asked."""

from __future__ import annotations

from corpus.normalize import normalize
from retrieval.doc_years import find_doc_years


def test_a_reports_year_names_it_and_is_blanked_from_the_question() -> None:
    norm = normalize("24年政府工作报告里,2023年新增高企多少")
    years, rest = find_doc_years(norm)
    assert years == (2024,)
    assert len(rest) == len(norm) and "24年" not in rest and "2023年" in rest


def test_listed_report_years_and_years_inside_a_reports_name() -> None:
    assert find_doc_years(normalize("05年和13年的政府工作报告,分别是多少"))[0] == (2005, 2013)
    about = normalize("关于55年决算和56年预算的报告里,收入多少")
    assert find_doc_years(about)[0] == (1955, 1956)
    # yearly documents named together by their years ("…2018年度和2019年度的申报通知");
    # one year so is the year asked of the figures
    pair = normalize("甲专项2018年度和2019年度的申报通知,注册时间")
    assert find_doc_years(pair)[0] == (2018, 2019)
    assert find_doc_years(normalize("甲专项2019年度的申报通知,注册时间"))[0] == ()
    assert find_doc_years(normalize("甲市2024年度新增高企多少家"))[0] == ()
    # the edition a document revised is no year of it
    assert find_doc_years(normalize("在15年版基础上修订的那版指南"))[0] == ()


def test_a_year_before_a_quoted_title_or_a_document_put_out_names_it() -> None:
    assert find_doc_years(normalize("20年那份《关于加快甲发展的指导意见》,基本原则"))[0] == (2020,)
    assert find_doc_years(normalize("乙局23年《关于推进丙的若干意见》里"))[0] == (2023,)
    assert find_doc_years(normalize("商务部24年出的丁三年行动计划,重点行动"))[0] == (2024,)
    # a year of what is done is not one
    assert find_doc_years(normalize("2023年出台的政策措施有哪些"))[0] == ()


def test_the_clauses_naming_a_document() -> None:
    from retrieval.doc_years import naming_clauses

    norm = normalize("遵义24年政府工作报告里,今年研发投入强度要提升到多少?")
    assert naming_clauses(norm, "") == ["遵义24年政府工作报告里"]
    named = normalize("甲乙行动方案提出,到2025年新增多少家")
    assert naming_clauses(named, "甲乙行动方案") == ["甲乙行动方案提出"]
    assert naming_clauses(normalize("甲市2023年新增高企多少"), "") == []


def test_a_year_before_a_title_written_bare_names_the_document() -> None:
    norm = normalize("国家甲局2019年关于推进乙在丙业应用的意见,主要任务有哪几个")
    assert find_doc_years(norm)[0] == (2019,)
    assert find_doc_years(normalize("2019年甲市新增高企多少"))[0] == ()


def test_a_report_set_in_brackets_after_what_is_asked_of_it_names_a_document() -> None:
    years, rest = find_doc_years(
        normalize("1955年高校在校生(1956年预算报告)和1979年大专在校生多少")
    )
    assert years == (1956,) and "1956" not in rest and "1955" in rest and "1979" in rest


def test_a_report_named_by_its_year_asks_no_plan() -> None:
    from retrieval.doc_years import without_year_names
    from retrieval.query import parse_query

    norm = normalize("1980年国民经济计划报告里讲,1979年批准的发明有多少项")
    assert "计划" not in without_year_names(norm) and len(without_year_names(norm)) == len(norm)
    assert not parse_query("1980年国民经济计划报告里讲，1979年批准的发明有多少项？").wants_target
    assert parse_query("2024年政府工作报告里，今年计划引进多少人才？").wants_target
