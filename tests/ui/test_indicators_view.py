"""ui.indicators_view: the 指标 tab's table cells, chart points and source panel (made-up rows)."""

from __future__ import annotations

from dataclasses import replace

from corpus.document import parse_text
from retrieval.indicators import IndicatorRow, canonical_metric, find_conflicts
from ui import indicators_view as view

TEXT = "甲区科技局2024年工作要点\n一、主要目标\n力争新增高新技术企业<b>60</b>家。\n"
AT = TEXT.index("力争")


def _row(doc: str, value: str, **kw: object) -> IndicatorRow:
    base = IndicatorRow(
        doc_id=doc,
        title="甲区科技局2024年工作要点",
        section="一、主要目标",
        region="甲区",
        year=2024,
        period="",
        kind="target",
        metric="高新技术企业",
        qualifier="新增",
        value=value,
        unit="家",
        quote=TEXT[AT : TEXT.index("。")],
        start=AT,
        end=TEXT.index("。"),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_conflict_rows_carry_their_group_and_are_tinted() -> None:
    rows = [_row("a", "60"), _row("b", "70"), _row("c", "5", metric="孵化器", qualifier="")]
    found = view.found(rows, find_conflicts(rows), only=False)
    assert found.groups == (1, 1, 0)
    only = view.found(rows, find_conflicts(rows), only=True)
    assert [r.doc_id for r in only.rows] == ["a", "b"] and only.groups == (1, 1)
    styled = view.table_frame(found, limit=2)
    frame = styled.data
    assert list(frame.columns) == view.COLUMNS and len(frame) == 2
    assert list(frame["冲突"]) == ["⚠ 1", "⚠ 1"] and list(frame["#"]) == [1, 2]
    html = styled.to_html()
    assert view.CONFLICT_STYLE.replace(" ", "") in html.replace(" ", "")


def test_summary_says_how_many_and_what_is_cut() -> None:
    rows = [_row(str(i), "60") for i in range(5)]
    text = view.summary(view.found(rows, [], only=False), limit=3)
    assert "共 5 行" in text and "前 3 行" in text
    assert "没有找到" in view.summary(view.found([], [], only=False), limit=3)


def test_chart_is_a_line_over_years_per_place_with_targets_marked() -> None:
    rows = [
        _row("a", "50", year=2022, kind="actual"),
        _row("a", "55", year=2023, kind="actual"),
        _row("a", "60", year=2024),
        _row("b", "9", year=2023, kind="actual", region="乙区"),
        _row("c", "第1", year=2023, qualifier="排名", unit="位"),  # a rank is not drawn
    ]
    c = view.chart(rows, canonical_metric, lines=8)
    assert c.kind == "line" and c.title.startswith("新增高新技术企业（家）")
    assert ("2024目标", 60.0, "甲区") in c.points and ("2023", 9.0, "乙区") in c.points
    assert [p[0] for p in c.points if p[2] == "甲区"] == ["2022", "2023", "2024目标"]
    assert list(view.chart_frame(c).columns) == ["年份", "数值", "系列"]
    assert view.chart(rows, canonical_metric, lines=1).points == tuple(
        p for p in c.points if p[2] == "甲区"
    )


def test_chart_of_one_year_is_bars_across_places() -> None:
    rows = [_row("a", "60"), _row("b", "80", region="乙区"), _row("c", "70", kind="actual")]
    c = view.chart(rows, canonical_metric, lines=8)
    assert c.kind == "bar"
    assert set(c.points) == {("甲区", 60.0, "目标"), ("乙区", 80.0, "目标"), ("甲区", 70.0, "实际")}
    assert list(view.chart_frame(c).columns) == ["地区", "数值", "系列"]


def test_nothing_numeric_draws_nothing() -> None:
    rows = [_row("a", "第1", unit="位"), _row("b", "60", year=None)]
    assert view.chart(rows, canonical_metric, lines=8).kind == ""


def test_source_shows_title_section_quote_in_context_and_the_other_value() -> None:
    doc = parse_text(TEXT, "a")
    rows = [_row("a", "60"), _row("b", "70", title="乙文件<i>"), _row("c", "60", title="丙文件")]
    (group,) = find_conflicts(rows)
    html = view.source_html(rows[0], doc, group)
    assert "《甲区科技局2024年工作要点》" in html and "一、主要目标" in html
    assert "&lt;b&gt;60&lt;/b&gt;" in html and "<b>60" not in html  # document text is escaped
    assert 'class="pq-quote"' in html  # the clause highlighted in its section
    assert "另一文件记为 70家" in html and "《乙文件&lt;i&gt;》" in html
    assert "另一文件同样记为" in html and "《丙文件》" in html
    assert "原文已不在文档库中" in view.source_html(rows[0], None, None)
