"""A work report's plan that begins, unheaded, inside its review part."""

from __future__ import annotations

from corpus.document import parse_text
from corpus.normalize import normalize
from corpus.plan_opening import unheaded_plan
from corpus.structure import find_headings

_OPENING = "某市2024年政府工作报告\n各位代表:\n现在,我代表市人民政府,向大会报告工作。\n"
_REVIEW = (
    "一、2023年工作回顾\n"
    "(一)坚持创新驱动,科技实力持续提升\n全市新增高新技术企业120家。\n"
    "(二)坚持民生为本,群众获得感更充实\n新建学校3所。\n"
)
_COURSE = "做好今年政府工作的总体要求是:坚持稳中求进。\n重点做好以下两个方面工作:\n"
_PLAN = (
    "(一)坚定不移抓创新,建设创新型城市\n新增高新技术企业230家。\n"
    "(二)坚定不移惠民生,提升幸福指数\n新建学校5所。\n"
    "三、加强政府自身建设\n坚持依法行政。\n"
)


def _rows(text: str) -> list[tuple[str, int | None, str]]:
    return [(s.path_str, s.year, s.kind) for s in parse_text(text, "t.txt").sections]


def test_the_paragraph_setting_the_years_course_heads_the_plan_after_a_review() -> None:
    rows = _rows(_OPENING + _REVIEW + _COURSE + _PLAN)
    assert ("做好今年政府工作的总体要求是", 2024, "plan") in rows
    assert (
        "做好今年政府工作的总体要求是 > (一)坚定不移抓创新,建设创新型城市",
        2024,
        "plan",
    ) in rows
    assert ("一、2023年工作回顾 > (一)坚持创新驱动,科技实力持续提升", 2023, "actual") in rows
    assert ("三、加强政府自身建设", None, "") in rows


def test_the_plan_begins_at_the_line_naming_its_year_standing_alone_before_it() -> None:
    text = (
        _OPENING
        + _REVIEW
        + "我们也清醒认识到,发展还存在不少短板。\n努力做好2024年各项工作\n"
        + "2024年是实施“十四五”规划的关键一年。\n"
        + _COURSE
        + _PLAN
    )
    rows = _rows(text)
    assert ("努力做好2024年各项工作", 2024, "plan") in rows
    assert all("我们也清醒" not in path for path, _, _ in rows)


def test_the_plan_begins_at_the_paragraph_naming_the_year() -> None:
    text = _OPENING + _REVIEW + "2024年是实施“十四五”规划的关键一年。\n" + _COURSE + _PLAN
    assert ("2024年是实施“十四五”规划的关键一年", 2024, "plan") in _rows(text)


def test_a_plan_with_its_own_heading_gets_no_second_one() -> None:
    text = _OPENING + _REVIEW + "二、2024年主要工作安排\n" + _COURSE + _PLAN
    norm = normalize(text)
    headings = find_headings(text, norm)
    assert unheaded_plan(text, norm, headings, lambda h: "回顾" in h) is None
    assert all(not path.startswith("做好") for path, _, _ in _rows(text))


def test_a_course_paragraph_outside_a_review_heads_nothing() -> None:
    text = _OPENING + "一、关于今年的工作\n" + _COURSE + _PLAN
    norm = normalize(text)
    assert unheaded_plan(text, norm, find_headings(text, norm), lambda h: "回顾" in h) is None


def test_documents_other_than_work_reports_are_left_alone() -> None:
    text = "关于印发某某办法的通知\n一、工作回顾\n" + _COURSE + _PLAN
    assert all(not path.startswith("做好") for path, _, _ in _rows(text))
