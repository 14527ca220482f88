"""answer.contacts: the units of a notice's contact block, and which one a question asks.

Every text here is made up; none comes from a gold set."""

from __future__ import annotations

from answer.contacts import asks_contact, contact_unit, contact_units
from corpus.document import parse_text
from corpus.normalize import normalize

NOTICE = (
    "关于征求《甲乙标准体系指南》意见的通知\n"
    "现公开征求意见,请于2039年7月12日前反馈。\n"
    "联系方式：\n"
    "工业和信息化部丙丁司\n"
    "传真：010-66010000，邮箱：a@b.cn\n"
    "国家标准化管理委员会工业二部\n"
    "传真：010-82260000，邮箱：c@d.cn\n"
    "附件：1.《甲乙标准体系指南》\n"
)


def _units(text: str) -> list[str]:
    norm = normalize(text)
    return [norm[s:e] for s, e in contact_units(norm)]


def test_the_units_of_a_contact_block() -> None:
    assert _units(NOTICE) == ["工业和信息化部丙丁司", "国家标准化管理委员会工业二部"]
    assert _units("联系人：戊己司 张三\n电话：010-85090000\n") == ["戊己司"]
    assert _units("各单位要加强联系,及时报送。\n") == []  # no block


def test_the_unit_of_the_body_the_question_names_else_the_first() -> None:
    doc = parse_text(NOTICE, "n.txt")

    def asked(question: str) -> str:
        span = contact_unit(normalize(question), doc)
        assert span is not None
        return doc.norm[span[0] : span[1]]

    assert (
        asked("甲乙指南征求意见稿,国家标准委这边是哪个部门收意见") == "国家标准化管理委员会工业二部"
    )
    assert asked("甲乙指南征求意见稿,工信部这边是哪个司收意见") == "工业和信息化部丙丁司"
    assert asked("甲乙指南的意见反馈给哪个司") == "工业和信息化部丙丁司"


def test_asks_contact() -> None:
    assert asks_contact("工信部这边是哪个司收意见") and asks_contact("意见反馈给哪个司")
    assert asks_contact("申报材料报送给谁")
    assert not asks_contact("哪个司牵头") and not asks_contact("收到意见多少条")
    assert not asks_contact("哪个部门发布的指导意见")  # who issued it, not where feedback goes


def test_the_person_beside_the_unit_the_question_asks_for() -> None:
    from answer.contacts import asks_person, contact_person

    text = (
        "关于印发《甲乙标准体系指南》的通知\n联系人及电话：\n"
        "　　工业和信息化部丙丁司　　 张某某 010-68200000\n"
        "　　国家标准化管理委员会工业二部 王　某 010-82260000\n"
    )
    doc = parse_text(text, "p.txt")

    def person(question: str) -> str | None:
        span = contact_person(normalize(question), doc)
        return doc.text[span[0] : span[1]] if span else None

    assert asks_person(normalize("工信部丙丁司的联系人是谁")) and asks_contact("联系人是谁")
    assert person("工信部丙丁司的联系人是谁") == "张某某"
    assert person("国家标准委工业二部这边联系人是谁") == "王　某"
    assert contact_person(normalize("联系人是谁"), parse_text(NOTICE, "n.txt")) is None
    assert not asks_person(normalize("意见反馈给哪个司"))


def test_a_contact_heading_and_the_person_on_the_line_below_the_unit() -> None:
    from answer.contacts import contact_person

    text = (
        "关于发布甲乙原创探索计划项目指南的通告\n（三）其他\n项目执行情况计入档案。\n"
        "（四）咨询方式\n"
        "　　丙丁委信息科学部信息科学三处\n　　联系人：吴某某\n　　联系电话：010-62320000\n"
        "　　丙丁委信息科学部综合与战略规划处\n　　联系人：潘  某\n　　联系电话：010-62320001\n"
    )
    doc = parse_text(text, "c.txt")
    assert _units(text) == ["丙丁委信息科学部信息科学三处", "丙丁委信息科学部综合与战略规划处"]

    def person(question: str) -> str | None:
        span = contact_person(normalize(question), doc)
        return doc.text[span[0] : span[1]] if span else None

    assert person("甲乙原创探索项目,信息科学三处的联系人是谁") == "吴某某"
    assert person("甲乙原创探索项目综合与战略规划处联系人是谁") == "潘  某"
    # a heading of another kind opens no block ("(四)工作方式")
    assert _units("（四）工作方式\n　　丙丁委信息科学部信息科学三处\n") == []
    assert _units("（四）咨询方式\n　　丙丁委信息科学部信息科学三处\n") != []


def test_the_unit_before_a_mailing_address_is_whom_it_is_sent_to() -> None:
    from answer.contacts import asks_sent_to, sent_to_unit

    text = (
        "各重点专项的咨询电话及寄送地址如下:\n"
        "(1)“甲乙机器人”重点专项咨询电话:010-1234。\n"
        "甲乙研究发展中心,寄送地址:北京市甲区一号,邮编:100044。\n"
        "(2)“丙丁基础部件”重点专项咨询电话:010-5678。\n"
        "丙丁产业促进中心,寄送地址:北京市乙区27号,邮编:100846。\n"
    )
    doc = parse_text(text, "t.txt")
    q = normalize("“甲乙机器人”等2个专项通知,“丙丁基础部件”专项的预申报书要寄到哪个单位")
    assert asks_sent_to(q) and not asks_sent_to(normalize("预申报书什么时候截止"))
    quoted = ("甲乙机器人", "丙丁基础部件")
    s, e = sent_to_unit(q, doc, quoted) or (0, 0)
    assert doc.text[s:e] == "丙丁产业促进中心"  # the one its asking clause quotes
    s, e = sent_to_unit(normalize("预申报书要寄给哪个单位"), doc) or (0, 0)
    assert doc.text[s:e] == "甲乙研究发展中心"  # none quoted: the first
