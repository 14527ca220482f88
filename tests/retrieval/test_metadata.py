"""retrieval.metadata: how a document's year fits a question."""

from __future__ import annotations


def test_an_undated_report_fits_a_named_year_by_the_years_it_speaks_of() -> None:
    from dataclasses import replace as _replace

    from corpus.document import parse_text
    from retrieval.metadata import doc_year_fit
    from retrieval.query import parse_query

    doc = parse_text(
        "政府工作报告\n一、2007年工作回顾\n新增示范企业12家。\n二、2008年工作安排\n", "r.txt"
    )
    doc = _replace(doc, issued=None)
    assert doc_year_fit(parse_query("08年国务院政府工作报告说了什么"), doc) == 0
    assert doc_year_fit(parse_query("98年国务院政府工作报告说了什么"), doc) == -1
