"""answer.insertion: the name a sentence inserts into the question's description of it.

Every sentence and question here is made up; none comes from a gold set."""

from __future__ import annotations

from answer.insertion import inserted_name
from corpus.normalize import normalize


def _read(question: str, sentence: str) -> str | None:
    q, s = normalize(question), normalize(sentence)
    span = inserted_name(q, s)
    return s[span[0] : span[1]] if span else None


def test_the_name_stands_where_the_sentence_widens_the_description() -> None:
    sent = "依托甲经济开发区,推动预制菜加快发展,支持乙丙酒业做大做强,不断提升甲市食品产业影响力。"
    assert _read("甲市报告里,食品产业要支持做大做强的酒企是哪家", sent) == "乙丙酒业"


def test_no_insertion_no_name() -> None:
    # the description written whole, or not at all: nothing inserted
    assert _read("要支持做大做强的酒企是哪家", "全面支持做大做强。") is None
    assert _read("要支持做大做强的酒企是哪家", "全市新增规上企业20家。") is None


def test_a_long_or_punctuated_insertion_is_a_clause_not_a_name() -> None:
    sent = "支持全市各类企业,尤其是食品加工和酿酒领域的骨干企业做大做强。"
    assert _read("要支持做大做强的酒企是哪家", sent) is None


def test_what_a_connective_opens_is_another_place_of_the_doing_not_the_name() -> None:
    sent = "甲创新、乙科技分别在北交所和新三板挂牌上市。"
    assert _read("甲市23年在北交所挂牌上市的是哪家企业", sent) is None


def test_a_gap_inside_the_question_is_where_the_name_is_inserted() -> None:
    # "推广哪个码来带动…": only where the question leaves its gap, not elsewhere
    sent = "广泛推广应用“甲通码”推动100个以上高频电子证照证明在各领域全面应用。"
    assert _read("推广哪个码来带动100个以上高频电子证照证明应用", sent) is None


def test_the_subject_a_clause_opens_with_before_the_description() -> None:
    sent = (
        "《乙白皮书》由部甲司指导,丙丁技术标准化研究院联合全国戊委大数据标准工作组,"
        "以及30家单位共同编写。"
    )
    question = "是哪家单位联合戊委大数据标准工作组等一起编的"
    assert _read(question, sent) == "丙丁技术标准化研究院"
    # the description's words not written after the clause's start: no subject read
    assert _read(question, "丙丁研究院联合己庚发布了报告。") is None


def test_the_subject_a_sentence_opens_with_carried_to_a_later_clause() -> None:
    sent = "甲钢公司连续3年荣获全国“绿色标杆企业”,成为华中地区首家超低排A级钢铁企业。"
    assert _read("哪家企业成了华中首家超低排A级钢铁企业", sent) == "甲钢公司"
    # no later clause opening on a linking verb with the description: none read
    other = "甲钢公司连续3年荣获全国“绿色标杆企业”,产量增长5%。"
    assert _read("哪家企业成了华中首家超低排A级钢铁企业", other) is None


def test_the_words_before_a_series_carry_to_each_of_its_items() -> None:
    # made-up: "支持A申建X、B申建Y" asked of Y: B, though 支持 stands before A only
    sent = normalize("支持午学院申建省防水材料重点实验室、酉金锋申建省小分子肽重点实验室。")
    q = normalize("支持哪家单位申建省小分子肽重点实验室？")
    found = inserted_name(q, sent)
    assert found is not None and sent[slice(*found)] == "酉金锋"
    first = normalize("支持哪家单位申建省防水材料重点实验室？")
    found = inserted_name(first, sent)
    assert found is not None and sent[slice(*found)] == "午学院"
