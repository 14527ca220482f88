"""Which document states a value: a question that quotes a sentence finds it (made-up documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.pipeline import QA
from corpus.normalize import normalize
from index.build import build_index
from index.embed import FakeEmbedder

DOCS = {
    "bailu_2023.txt": (
        "白鹭区科技局2023年工作总结\n一、主要成效\n"
        "组建科技金融服务专员队伍,线上线下服务企业300余家,累计提供贷款8.6亿元。"
        "全区高新技术企业从2017年的412家增加到1350家。\n"
    ),
    "qingshan_2023.txt": (
        "青山区科技局2023年工作总结\n一、主要成效\n全区新增高新技术企业86家,技术交易额8.6亿元。\n"
    ),
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    corpus = tmp_path_factory.mktemp("corpus")
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    folder = tmp_path_factory.mktemp("idx") / "idx"
    build_index([corpus], folder, FakeEmbedder())
    return QA(Path(folder), embedder=FakeEmbedder())


def _cited(tmp_path: Path, texts: dict[str, str], question: str) -> list[str] | None:
    """The documents an index of ``texts`` cites for ``question`` (None when it refuses)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
    build_index([docs], tmp_path / "idx", FakeEmbedder())
    answer = QA(tmp_path / "idx", FakeEmbedder()).ask(question)
    return [c.doc_id for c in answer.citations] if answer.found else None


def test_a_question_quoting_a_sentence_names_its_document(qa: QA) -> None:
    # The figure's own metric ("提供贷款") names little of the question; the sentence names it all.
    a = qa.ask("科技金融服务专员队伍累计提供贷款8.6亿元，是哪份材料说的")
    assert a.found and [c.doc_id for c in a.citations] == ["bailu_2023.txt"]


def test_a_year_the_sentence_writes_is_part_of_the_quote(qa: QA) -> None:
    # 2017 is no year of the 2023 report's figures, but the sentence itself writes it.
    a = qa.ask("高新技术企业从2017年的412家增加到1350家，是哪份材料说的")
    assert a.found and [c.doc_id for c in a.citations] == ["bailu_2023.txt"]


def test_the_same_value_of_another_metric_is_not_named(qa: QA) -> None:
    a = qa.ask("哪份材料说技术交易额8.6亿元")
    assert a.found and [c.doc_id for c in a.citations] == ["qingshan_2023.txt"]


PHRASES = [
    # a phrase stated in a review answers who proposed it
    (
        "甲市2024年政府工作报告\n一、2023年工作回顾\n建设示范“创新之城”,累计培育示范企业81家。\n",
        "乙市2024年政府工作报告\n一、2023年工作回顾\n新增示范企业12家。\n",
        "哪个城市提出要建设“创新之城”",
    ),
    # a sentence missing the phrase's rarest word does not state it
    (
        "甲省2025年政府工作报告\n一、2024年工作回顾\n国家光刻机产业计量测试中心落户我省。\n",
        "乙市2024年政府工作报告\n一、2023年工作回顾\n国家白酒产业计量测试中心落户。\n",
        "国家光刻机产业计量测试中心落户是哪份报告提到的",
    ),
    # a phrase of two clauses is stated by the sentence holding both
    (
        "甲区科技工作回顾\n一、成效\n优化服务体系,落户国家级甲乙运营中心,发行全省首单丙丁证券化产品。\n",
        "乙区科技工作回顾\n一、成效\n新增企业12家。\n",
        "落户国家级甲乙运营中心、发行全省首单丙丁证券化产品,是哪份材料说的",
    ),
]


PHRASES += [
    (  # the rule's subject in its section's heading, the rule in its sentence
        "智慧商店建设指南\n五、分业态要求\n(一)百货店要求。\n1.信用管理。\n"
        "在门店内每个店铺设置信用二维码,消费者可通过二维码查询商户信用信息。\n",
        "智慧餐厅建设指南\n一、要求\n(一)餐厅要求。\n门店设置点餐二维码,消费者扫码点餐。\n",
        "哪个文件要求百货店给每个店铺设信用二维码,让消费者能扫码查商户信用？",
    ),
    (  # a sentence of two clauses stating it, one word of the question its own (延续)
        "2006年政府工作报告\n一、去年工作回顾\n今年在全国彻底取消农业税,"
        "标志着在我国实行了长达2600年的这个古老税种从此退出历史舞台。\n",
        "2005年政府工作报告\n一、去年工作回顾\n在全国大部分地区减免农业税,农民负担减轻。\n",
        "哪一年的政府工作报告说全国彻底取消农业税,这个税种在我国延续了2600年？",
    ),
]


@pytest.mark.parametrize(("stating", "other", "question"), PHRASES)
def test_only_the_document_stating_a_phrase_is_named(
    tmp_path: Path, stating: str, other: str, question: str
) -> None:
    assert _cited(tmp_path, {"a.txt": stating, "b.txt": other}, question) == ["a.txt"]


def test_documents_after_the_passages_kept_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections.abc import Iterator, Mapping
    from dataclasses import replace

    from answer import which_doc
    from answer.signals import signals
    from corpus.model import Document
    from retrieval.query import parse_query

    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(9):
        (docs / f"d{i}.txt").write_text(
            f"丙县{i}号工作总结\n一、主要成效\n建成星火科创示范园一座,带动就业{i}百人。\n",
            encoding="utf-8",
        )
    build_index([docs], tmp_path / "idx", FakeEmbedder())
    qa = QA(tmp_path / "idx", FakeEmbedder())
    q = parse_query("哪些文件提到过星火科创示范园")
    sig = signals(q, qa.index.bm25)

    class Counted(Mapping[str, Document]):
        def __init__(self) -> None:
            self.read: list[str] = []

        def __getitem__(self, doc_id: str) -> Document:
            self.read.append(doc_id)
            return qa.index.heads[doc_id]

        def __iter__(self) -> Iterator[str]:
            return iter(qa.index.heads)

        def __len__(self) -> int:
            return len(qa.index.heads)

    def hits(most: int) -> tuple[list[str], list[str]]:
        thresholds = replace(which_doc.CONFIG.which_doc, verbatim_hits=most)
        monkeypatch.setattr(which_doc, "CONFIG", replace(which_doc.CONFIG, which_doc=thresholds))
        counted = Counted()
        found = which_doc.verbatim_hits(q, sig, qa.retriever, counted, set(), None)
        return [h.passage.pid for h in found], counted.read

    every, read_all = hits(100)
    assert len(every) == len(read_all) == 9  # one passage named in each document
    kept, read = hits(4)
    assert kept == every[:4] and read == read_all[:4]  # the other five never read


def test_a_precise_decimal_tells_documents_apart_round_figures_do_not() -> None:
    from answer.which_values import _distinctive

    assert _distinctive("854.2") and _distinctive("3.55")
    assert not _distinctive("2000") and not _distinctive("2.5") and not _distinctive("10")
    # a whole number precise enough (5905 MHz), not one reading as a year or a round one
    assert _distinctive("5905") and _distinctive("1357")
    assert not _distinctive("2023") and not _distinctive("1350") and not _distinctive("637")


def test_a_figure_asked_with_a_unit_is_stated_in_that_unit() -> None:
    from answer.which_values import states_units

    q = normalize("示范企业目标定8500家的是哪些市")
    assert states_units(q, "示范企业达到8500家")
    assert not states_units(q, "新产品产值超8500亿元,新增示范企业2000家")
    assert states_units(normalize("哪份文件提出新增示范企业1.2万家"), "新增示范企业1.2万家")
    # an older report writes the figures in Chinese numerals
    q = normalize("哪年的报告把增速从6%调到8%至9%")
    assert states_units(q, "增长速度由原定平均每年百分之六调高到百分之八至九。")
    assert not states_units(q, "增长速度由原定平均每年百分之五调高到百分之八至九。")
    # …and a question writing them so is answered by percentages, not by counts
    spelled = normalize("哪几份报告提到经济增速保持在百分之八到九")
    assert states_units(spelled, "连续若干年保持百分之八至百分之九的增长率")
    assert states_units(spelled, "经济增长8%至9%")
    assert not states_units(spelled, "9项主要经济指标中8项增速高于全省平均水平")
    assert states_units(normalize("哪份文件提出示范率3.55%"), "示范率达到3.55%")
    many = normalize("哪份报告说收到示范建议654.3万多条")
    assert states_units(many, "收到654.3万多条示范建议")
    assert states_units(many, "收到654.3 万多条示范建议")
    assert not states_units(many, "收到654.3条示范建议")


def test_documents_holding_the_rarest_phrase_come_first() -> None:
    from answer.which_doc import rarest_first

    holding = {"国务院": ["a", "b", "c", "d"], "利改税": ["d", "e"]}

    def naming(names: list[str]) -> list[str]:
        return sorted({d for n in names for d in holding[n]})

    assert rarest_first(["国务院", "利改税"], naming) == ["d", "e", "a", "b", "c"]


def test_a_sentence_with_what_its_document_is_about_states_the_asked(tmp_path: Path) -> None:
    texts = {
        # untitled: its first sentence says what it is about
        "guide.txt": (
            "各有关单位:\n为加强甲车辆生产企业及产品准入管理,制定本指南。\n一、企业要求\n"
            "(四)企业应建立网络安全监测预警机制,并按照规定留存相关的网络日志不少于6个月。\n"
        ),
        "test.txt": "乙车辆道路测试规范\n一、测试\n测试主体应每6个月提交阶段性测试报告。\n",
    }
    question = "哪份文件要求甲车辆生产企业加强准入管理,按规定留存相关的网络日志不少于6个月?"
    assert _cited(tmp_path, texts, question) == ["guide.txt"]


def test_a_figure_under_the_point_the_question_quotes_names_its_document(
    tmp_path: Path,
) -> None:
    texts = {
        "scenes.txt": (
            "甲装备数字化转型行动方案\n二、生产制造\n4.典型场景:乙机叶片加工黑灯产线\n"
            "痛点:叶片加工多采用人工作业,效率低。\n改造目标:建立自动化加工产线,实现24小时无人值守加工。\n"
        ),
        "other.txt": "丙行业方案\n一、目标\n建设丁产线,实现24小时无人值守加工。\n",
    }
    question = "哪份文件把“乙机叶片加工黑灯产线”列为典型场景,要实现24小时无人值守加工?"
    assert _cited(tmp_path, texts, question) == ["scenes.txt"]


def test_a_quoted_period_is_no_point_named_above_a_figure(tmp_path: Path) -> None:
    texts = {
        "n.txt": (
            "国务院2001年政府工作报告\n二、“十五”期间的奋斗目标\n"
            "综合考虑各方面因素,“十五”期间年均经济增长速度预期目标为7%左右。\n"
        ),
        "p.txt": (
            "甲省2026年政府工作报告\n二、“十五五”时期目标任务\n"
            "地区生产总值年均增长5%左右,全社会研发经费投入年均增长7%左右。\n"
        ),
    }
    question = "“十五”期间年均经济增速预期目标定7%左右,是哪份报告提的?"
    assert _cited(tmp_path, texts, question) == ["n.txt"]


def test_a_figure_whose_facts_metric_is_narrow_is_stated_by_its_item(tmp_path: Path) -> None:
    # The facts table's metric of 600公里 is 综合管廊; its clause names the question's words
    # (配有 for 配备 aside), and no other document states 600公里 of it.
    texts = {
        "plan.txt": (
            "甲省数字行动方案\n四、基础设施\n"
            "(省能源局牵头)推动综合管廊智能化建设,配备传感设备的综合管廊达到600公里。\n"
        ),
        "city.txt": "乙市政府工作报告\n一、建设\n新改建农村公路600公里以上,改造危旧桥梁21座。\n",
    }
    question = "哪份文件要求配有传感设备的综合管廊达到600公里?"
    assert _cited(tmp_path, texts, question) == ["plan.txt"]


def test_a_figure_stated_in_a_sentence_holding_most_of_the_question_names_its_document(
    tmp_path: Path,
) -> None:
    # no clause states "64种金属元素" with the question's words; the sentence holds most of
    # them, and no document states it more closely
    cited = _cited(
        tmp_path,
        {
            "a.txt": "有色金属行业智能制造标准体系建设指南\n一、体系结构\n标准体系包括基础综合、"
            "装备与系统等2个部分,适用于有色金属行业包含的铜、铝、铅、锌等64种金属元素。\n",
            "b.txt": "化工行业指南\n一、体系\n标准体系包括基础共性等64项标准。\n",
        },
        "哪份标准体系建设指南说适用于铜、铝、铅、锌等64种金属元素？",
    )
    assert cited == ["a.txt"]


def test_a_unit_may_be_stated_by_its_latin_symbol() -> None:
    from answer.which_values import states_units

    q = normalize("哪份文件提出甲装备连续工作时间要超过240小时")
    assert states_units(q, normalize("甲装备连续工作时间大于240h;"))
    assert not states_units(q, normalize("甲装备连续工作时间大于240天;"))
    assert states_units(normalize("哪份文件要求续航超过500公里"), normalize("续航里程超过500km"))


def test_a_sentence_is_read_with_its_neighbours_in_its_line() -> None:
    from answer.which_values import sentence_pairs

    norm = "前文。甲总规模达到12EFLOPS。乙总量达到10EB,占比30%。\n下一行。"
    first = norm.index("甲")
    after, before = sentence_pairs(norm, first, norm.index("。", first) + 1)
    assert after == "甲总规模达到12EFLOPS。乙总量达到10EB,占比30%。"
    assert before == "前文。甲总规模达到12EFLOPS。"
    last = norm.index("乙")
    after, before = sentence_pairs(norm, last, norm.index("。", last) + 1)
    assert after == "乙总量达到10EB,占比30%。"  # (the line ends: none after it)
    assert before == "甲总规模达到12EFLOPS。乙总量达到10EB,占比30%。"
