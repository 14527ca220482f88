"""corpus.metadata: the issue year and title of undated, untitled work reports (made-up texts)."""

from __future__ import annotations

from corpus.metadata import is_salutation, issue_year, work_report_title
from corpus.normalize import normalize

REPORT = normalize(
    "各位代表:\n现在,我代表市人民政府,向大会报告政府工作。\n一、2031年工作回顾\n全年…"
)


def test_a_dated_document_is_issued_in_its_dates_year() -> None:
    assert issue_year("2029-03-01", (2028, 2029), REPORT) == 2029


def test_an_undated_work_report_is_issued_the_year_after_its_review() -> None:
    assert issue_year("", (2031, 2032), REPORT) == 2032


def test_an_undated_plan_has_no_issue_year() -> None:
    assert issue_year("", (2030,), normalize("关于印发某某行动方案的通知\n到2030年…")) is None


def test_untitled_reports_are_named_from_their_text() -> None:
    assert is_salutation("各位代表:", "docs/x-1.txt")
    assert is_salutation("x-1", "docs/x-1.txt")
    assert not is_salutation("某市科技局2031年工作总结", "docs/x-1.txt")
    assert work_report_title("某某市", 2032) == "某某市2032年政府工作报告"
    assert work_report_title("全国", None) == "国务院政府工作报告"
