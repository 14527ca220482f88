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


def test_a_national_text_names_a_city_by_its_one_character_name() -> None:
    from dataclasses import replace as _replace

    from corpus.document import parse_text
    from corpus.normalize import normalize
    from retrieval.metadata import region_fit
    from retrieval.query import parse_query

    doc = _replace(parse_text("4月11日,甲论坛在京举行,某司巡视员致辞。\n", "n.txt"), region="全国")
    q = parse_query("甲论坛在北京开的事,是哪份材料里写的")
    assert region_fit(q, doc, normalize("甲论坛在京举行"), strict=True) == 1
    assert region_fit(q, doc, normalize("甲论坛在沪举行"), strict=True) == -1


def test_an_undated_report_may_speak_mostly_of_two_years_before_its_own() -> None:
    from dataclasses import replace as _replace

    from corpus.document import parse_text
    from retrieval.metadata import doc_year_fit
    from retrieval.query import parse_query

    doc = _replace(
        parse_text("各位代表:\n一、形势\n2029年新增示范企业12家。\n", "r.txt"), issued=None
    )
    doc = _replace(doc, years=(2029,))
    assert doc_year_fit(parse_query("31年那份政府工作报告说了什么"), doc) == 0
    assert doc_year_fit(parse_query("32年那份政府工作报告说了什么"), doc) == -1


def test_an_undated_policy_is_not_placed_by_the_years_of_its_targets() -> None:
    from dataclasses import replace as _replace

    from corpus.document import parse_text
    from retrieval.metadata import doc_year_fit
    from retrieval.query import parse_query

    doc = parse_text(
        "为推进某市教育发展,制定本意见。\n一、建设目标\n到2032年,培养人才5000人以上。\n",
        "p.txt",
    )
    doc = _replace(doc, issued=None, years=(2032,))
    # issued in 2030 or not: its target year says nothing of its own
    assert doc_year_fit(parse_query("30年那个教育实施意见里培养人才多少"), doc) == 0
    # an address to a congress still is placed by the years it speaks of
    speech = _replace(doc, norm="各位代表:\n" + doc.norm)
    assert doc_year_fit(parse_query("30年那份报告里培养人才多少"), speech) == -1


def test_an_address_opens_on_its_salutation_or_names_its_report() -> None:
    from corpus.report_year import is_address

    assert is_address("各位代表:\n现在,我受国务院的委托,向全国人民代表大会报告政府工作。")
    assert is_address("2023年政府工作报告\n一、过去一年的工作")
    assert not is_address("为推进某市教育发展,制定本意见。\n到2032年,培养人才5000人。")


def test_a_whole_areas_figure_is_no_figure_of_a_place_inside_it() -> None:
    from retrieval.metadata import whole_of_other

    clause = "预计全省研发经费支出约5100亿元、研发投入强度3.6%左右"
    assert whole_of_other(("深圳市",), "广东省", clause)  # the province's, not the city's
    assert not whole_of_other(("广东省",), "广东省", clause)  # the province asked
    assert not whole_of_other(("深圳市",), "广东省", "深圳研发投入强度5.81%")  # no whole named
    assert not whole_of_other((), "广东省", clause)  # no place asked
    # "全省" in a document read as a city's: its place was misread, no verdict
    assert not whole_of_other(("山东省",), "济南市", "核心产业增加值占全省GDP比重达到10%")
    assert whole_of_other(("余杭区",), "杭州市", "全市新增高企2000家")


def test_the_documents_named_for_all_at_once_decide_the_named_bonus() -> None:
    from corpus.document import parse_text
    from retrieval.metadata import MetaWeights, meta_bonus
    from retrieval.query import parse_query

    doc = parse_text("为推进示范智慧社区建设,提出如下意见。\n一、目标\n甲。\n", "h.txt")
    q = parse_query("民政部等部门推进示范智慧社区建设的意见里,目标是什么")
    w = MetaWeights()
    alone = meta_bonus(q, doc.passages[0], doc, w, frozenset())
    assert meta_bonus(q, doc.passages[0], doc, w, frozenset({"h.txt"})) == alone + w.named_doc


def test_a_district_named_with_its_city_is_the_districts_own_report() -> None:
    from dataclasses import replace as _replace

    from corpus.document import parse_text
    from corpus.normalize import normalize
    from retrieval.metadata import region_fit
    from retrieval.query import parse_query

    doc = _replace(parse_text("一、2023年工作回顾\n新认定高企6家。\n", "d.txt"), region="黄山区")
    asked_both = parse_query("黄山市黄山区2023年新认定了几家高企")
    assert region_fit(asked_both, doc, normalize("新认定高企6家")) == 1
    # the city alone, written with its level, is another place than the district
    assert region_fit(parse_query("黄山市2023年新认定了几家高企"), doc, normalize("高企6家")) == -1
