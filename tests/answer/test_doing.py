"""answer.doing: the line writing the doing a question asks the doer of (made-up text)."""

from __future__ import annotations

from typing import Any

from answer.entity_readings import asked_doing
from corpus.normalize import normalize


def test_the_doing_asked_without_its_kind_and_its_lai() -> None:
    assert asked_doing(normalize("示范补贴具体由谁来组织申报")) == "组织申报"
    assert asked_doing(normalize("示范规范由哪个部门负责解释")) == "负责解释"
    assert asked_doing(normalize("示范补贴每年给多少")) == ""


def test_the_doer_is_read_from_the_line_writing_the_doing(qa_of_texts: Any) -> None:
    # many passages naming the subject, none the doing: the line asked ranks below them
    filler = "".join(
        f"({i})示范岛核心展示区建设运营补贴资金第{i}项申报材料。\n示范岛核心展示区建设运营补贴"
        f"资金申报表{i},组织示范岛核心展示区建设运营情况第{i}项。\n"
        for i in range(1, 31)
    )
    qa = qa_of_texts(
        {
            "p.txt": "示范岛核心展示区建设运营补贴资金实施细则\n一、补贴标准\n"
            "每年度给予示范岛1000万元补贴。\n二、办理流程\n"
            "(一)申报。甲局下发申报通知,乙区工信主管部门组织申报,运营主体提交材料。\n"
            f"三、申报材料\n{filler}"
        }
    )
    answer = qa.ask("示范岛核心展示区建设运营补贴,具体由谁来组织申报")
    assert answer.found and answer.answer == "乙区工信主管部门"
