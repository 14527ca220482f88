"""answer.entity: the name standing in a sentence where the question has its wh-word.

Every sentence and question here is made up; none comes from a gold set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from answer.byline import byline_span
from answer.entity import entity_spans
from answer.people import asks_speaker, person_span
from corpus.normalize import normalize
from retrieval.query import parse_query


def names(question: str, sentence: str) -> list[str]:
    sent = normalize(sentence)
    return [sent[s:e] for s, e in entity_spans(parse_query(question), sent)]


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # subject: the name opens the clause before the question's words
        (
            "哪家企业牵头组建了低空经济创新联合体",
            "青松航空牵头组建低空经济创新联合体,带动上下游企业",
            "青松航空",
        ),
        # the head noun belongs to the name ("…研究院")
        (
            "哪个研究院建成了首条中试线",
            "云溪材料研究院建成首条中试线,年产能翻番",
            "云溪材料研究院",
        ),
        # object after a preposition, asked with another one (跟 / 与)
        (
            "白鹭区跟哪所大学共建了联合实验室",
            "与南江理工大学共建联合实验室,聚焦智能传感",
            "南江理工大学",
        ),
        # the report writes the question's verb otherwise (拿到 / 获得)
        ("服务哪家企业拿到了省级专项立项", "服务明川电子获得省级专项立项", "明川电子"),
        # a title is not the name (哪位副市长 / 王某某副市长)
        ("典型案例是哪位副市长批示肯定的", "典型案例获李青禾副市长批示肯定", "李青禾"),
        # the agent's verb before the name and an adverb after it are not the name
        (
            "甲区哪家企业通过了省级研究院验收",
            "服务指导青松集团顺利通过省级研究院验收,指导明川科技创建研究院",
            "青松集团",
        ),
        # a bracketed note before the name ends where its bracket closes
        (
            "甲市24年“一县一策”试点县是哪个县",
            "(责任单位:市农业局)指导青山县开展“一县一策”试点县建设,实施一批科技专项",
            "青山县",
        ),
        # a department is named by what it is: …委, …局
        ("甲试点的日常工作归哪个部门管", "日常工作由省经济和信息化委负责", "省经济和信息化委"),
        (
            "先行先试地方的具体实施方案要报给哪个部门",
            "先行先试的地方要制定具体实施方案,并报工业和信息化部装备工业二司(国家重大技术装备办公室)。",
            "工业和信息化部装备工业二司",
        ),
        (
            "统筹门户接入工作的是哪个部门",
            "第三条 教育部网信领导小组办公室(以下简称网信办)统筹门户接入工作。",
            "教育部网信领导小组办公室",
        ),
        # a copula question's noun the sentence states with 为: the name right after it
        (
            "甲煤矿调度系统项目的建设单位是哪家",
            "乙能源公司甲煤矿从2020年开始调度系统项目建设,项目建设单位为丙通信有限公司丁分公司,建设规划为:",
            "丙通信有限公司丁分公司",
        ),
        # a body named 会 short (标委会), aligned on the words right before the wh-word
        (
            "甲指南里,标准研制主要依托哪个标委会来组织",
            "在甲部指导下,依托全国地理信息标准化技术委员会,组织开展各项标准的规划、立项等工作",
            "全国地理信息标准化技术委员会",
        ),
        # a place built and named ends on its kind (机场)
        ("乙市要建成的是哪个通用机场", "建成青山通用机场。", "青山通用机场"),
        # a place firms start in ends the name (孵化器)
        (
            "丁市哪家孵化器拿到部里认定",
            "青禾创新孵化器获部里认定,实现国家级零突破",
            "青禾创新孵化器",
        ),
    ],
)
def test_the_name_where_the_question_has_its_wh_word(
    question: str, sentence: str, expected: str
) -> None:
    assert names(question, sentence) == [expected]


def test_a_quoted_name_its_kinds_word_follows_names_the_kind_described() -> None:
    sentence = "加快打造包含“甲星”大模型在内的基础大模型矩阵、以“乙海”大模型为代表的行业大模型。"
    assert names("示范市行动计划里,海洋基础大模型是哪个", sentence) == ["甲星"]


def test_a_unit_asked_for_is_named_as_bodies_are() -> None:
    from answer.entity_head import ends_on_head

    assert ends_on_head("市工业互联网创新发展中心", "单位")
    assert ends_on_head("甲乙科技有限公司", "单位") and ends_on_head("市科技局", "单位")
    assert not ends_on_head("对材料的真实性、准确性和完整性", "单位")


def test_a_copula_question_finds_the_subject_before_a_linking_verb() -> None:
    # "首家…是哪家": the report writes "X成为全市首家…" and asks 第一家 for 首家.
    assert names("白鹭市第一家灯塔工厂是哪家", "凌云精工成为全市首家灯塔工厂") == ["凌云精工"]
    # an example's marker is not the name; 厂 ends a name
    assert names(
        "哪个厂完成了利润计划的百分之五百以上", "最突出的如青松染料厂完成了利润计划的百分之五百以上"
    ) == ["青松染料厂"]
    # a bare place before the description is its scope, not the name asked
    found = names("甲省投资最大的产业项目是哪个", "贵州投资最大的产业项目毕节青松化工项目启动建设")
    assert found == ["毕节青松化工项目"]
    # a clause of context before it ("…换届后,") is not what the name is
    found = names(
        "甲区商会换届后,新一届会长单位是哪家", "指导区商会完成换届,由青禾园担任新一届会长单位"
    )
    assert found == ["青禾园"]


def test_a_copula_question_finds_a_name_written_after_its_description() -> None:
    # "首个…是哪个" in "全市首个…奥格列净片获批上市": the name follows what it is.
    found = names("白鹭首个国家1类新药是哪个", "全市首个国家1类新药奥格列净片获批上市,产值增长")
    assert found == ["奥格列净片"]


def test_what_something_is_called_is_the_quoted_name_at_its_noun() -> None:
    sentence = "持续完善“一站多点”的服务体系,深化“鹭来投”系列活动"
    assert names("白鹭深化的投融资系列活动叫什么名字", sentence) == ["鹭来投"]


def test_a_quoted_name_after_the_kind_of_thing_it_is_is_what_it_is_called() -> None:
    # "首个水产新品种叫什么" in "…首个水产新品种黄姑鱼“全雌1号”": the quote after a kind's word,
    # with the word between, the name's own (the species the variety is of)
    sentence = "成立渔业育种中心,成功培育首个水产新品种黄姑鱼“全雌1号”,机械化率提高"
    assert names("白鹭去年培育出的首个水产新品种叫什么", sentence) == ['黄姑鱼"全雌1号"']


def test_the_name_stands_on_the_side_of_the_gap_where_words_stand() -> None:
    # "成立了什么机构来指导…": the words after the gap open the next clause; the name is
    # the rest of the clause the words before it open
    sentence = "教育部成立青禾科技创新战略专家委员会,指导和协调计划的实施;"
    found = names("计划里,教育部成立了什么机构来指导协调计划实施", sentence)
    assert found == ["青禾科技创新战略专家委员会"]


def test_a_purpose_the_sentence_writes_first_leaves_the_name_after_the_verb() -> None:
    # "成立哪个机构来推动…" in "为了推动…,白鹭决定成立…": the purpose moved before the name
    sentence = "为了推动我区工程科学技术的发展,白鹭决定成立青禾工程院,筹备工作正在进行。"
    assert names("白鹭决定成立哪个机构来推动我区工程科学技术发展", sentence) == ["青禾工程院"]


def test_a_name_never_cuts_a_quotation() -> None:
    sentence = "出台《白鹭区人才扶持政策实施细则》,加大支持力度"
    found = names("明年打算出台的人才扶持文件叫什么", sentence)
    assert found == ["白鹭区人才扶持政策实施细则"]


def test_two_wh_words_joined_by_a_conjunction_name_one_stretch() -> None:
    sentence = "其中青岚股份和东湖大学共同完成的项目获省科技进步一等奖"
    found = names("拿一等奖的那个项目,是哪家企业跟哪个大学一起完成的", sentence)
    assert found == ["青岚股份和东湖大学"]


def test_a_place_right_before_the_wh_word_begins_the_name() -> None:
    # "创建了杭州市什么区": the place is part of the name; a place opening the question is not.
    found = names("临安成功创建了杭州市什么区", "成功创建杭州市智能制造示范区")
    assert found == ["杭州市智能制造示范区"]


def test_a_scope_word_is_no_name() -> None:
    assert names("首个院士工作站是哪个", "全市首个院士工作站") == []


def test_a_person_is_the_name_after_a_title_the_question_names() -> None:
    sent = normalize("邀请省农科院原党组书记、院长周明远作专题报告,两位院士到会")
    s, e = person_span(normalize("请哪位农科院老院长来作的专题报告"), sent) or (0, 0)
    assert sent[s:e] == "周明远"


def test_who_delivered_a_report_is_its_by_line() -> None:
    text = normalize(
        "政府工作报告\n\n——2024年1月10日在白鹭市第九届人民代表大会上\n\n"
        "市人民政府市长 林清远\n\n各位代表："
    )
    s, e = byline_span(text) or (0, 0)
    assert text[s:e] == "林清远"
    assert asks_speaker(normalize("白鹭24年政府工作报告是哪位市长作的"))
    assert not asks_speaker(normalize("谁当会长单位"))


def test_a_by_line_spaced_out_or_run_into_the_salutation() -> None:
    spaced = normalize("政府工作报告\n\n市长\u2003林\u2003远\n\n各位代表：")
    s, e = byline_span(spaced) or (0, 0)
    assert spaced[s:e].replace("\u2003", " ") == "林 远"
    run_in = normalize("白鹭市市长\u3000林清远 各位代表： 现在，我代表市人民政府报告工作。")
    s, e = byline_span(run_in) or (0, 0)
    assert run_in[s:e] == "林清远"
    assert byline_span(normalize("市长林清远指出，要抓好落实。\n")) is None


def test_a_head_noun_holding_a_verb_character_is_still_a_head() -> None:
    q = parse_query("甲区下半年要推进示范研究院哪个研发中心的研发和产业化")
    sent = normalize("重点推进示范研究院先进电池材料研发中心的研发和产业化。")
    assert [sent[s:e] for s, e in entity_spans(q, sent)] == ["先进电池材料研发中心"]


def test_a_copula_reading_ending_on_the_head_noun_wins() -> None:
    q = parse_query("全省首创示范技术的是哪个研发中心")
    sent = normalize("甲材料研发中心全省首创示范技术,启动产业化。")
    assert [sent[s:e] for s, e in entity_spans(q, sent)] == ["甲材料研发中心"]


def _ask_one(tmp_path: Path, text: str, question: str) -> Any:
    """The answer to ``question`` over one made-up report ``text`` (fake embedder)."""
    from answer.pipeline import QA
    from index.build import build_index
    from index.embed import FakeEmbedder

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "r.txt").write_text(text, encoding="utf-8")
    build_index([docs], tmp_path / "idx", FakeEmbedder())
    return QA(tmp_path / "idx", FakeEmbedder()).ask(question)


def test_who_is_the_person_in_the_stretch_the_question_points_at(tmp_path: Path) -> None:
    answer = _ask_one(
        tmp_path,
        "甲市2024年政府工作报告\n一、2023年工作回顾\n新增院士专家工作站6家,柔性引进高层次专家18人,"
        "东方电气王明远入选国家示范工程师,孵化各类科技人才192名。\n",
        "甲市23年入选国家示范工程师的是谁",
    )
    assert answer.found and "王明远" in answer.answer and "专家" not in answer.answer


def test_a_name_keeps_the_head_noun_the_question_asks_with() -> None:
    from answer.entity_head import with_head

    sent = "甲岭林场荣获联合国奖"
    assert with_head("哪个林场荣获了联合国奖", sent, 0, 2) == 4
    assert with_head("哪个单位荣获了联合国奖", sent, 0, 2) == 2
    # …and the noun a copula question's subject ends on ("获批的全国重点实验室是哪个")
    sent = "甲乙材料全国重点实验室获批"
    assert with_head("甲市获批的全国重点实验室是哪个", sent, 0, 4) == 11
    # (not the subject when the wh-word has a head: what was done is no kind of the name)
    assert with_head("入选甲乙开放平台的是哪家实验室", "丙实验室入选甲乙开放平台", 0, 4) == 4


def test_the_one_name_carrying_the_asked_head_noun_anywhere_in_the_sentence() -> None:
    from answer.entity_head import headed_name
    from answer.wh_frame import question_head

    q = normalize("甲市今年要完成校园三期建设的是哪所大学")
    sent = normalize("落实甲湖大学财政补助资金,完成校园三期建设,支持甲湖大学建设一流研究型大学。")
    found = headed_name(question_head(q), sent)
    assert found is not None and sent[found[0] : found[1]] == "甲湖大学"  # named most often
    two = normalize("落实甲湖大学资金,支持乙山大学发展。")
    assert headed_name(question_head(q), two) is None  # two names as often: no reading
    assert (
        headed_name(question_head(normalize("哪家企业完成了建设")), sent) is None
    )  # 企业 names need not carry it


def test_a_place_firms_start_in_is_a_kind_of_name() -> None:
    from answer.entity_head import headed_name
    from answer.wh_frame import question_head

    # (the question's own level of it, 国家级孵化器, is no name: 国家级 is no noun)
    q = normalize("丁市实现国家级孵化器“零突破”的是哪家孵化器")
    sent = normalize("青禾科技企业孵化器获部里认定,实现国家级孵化器“零突破”。")
    found = headed_name(question_head(q), sent)
    assert found is not None and sent[found[0] : found[1]] == "青禾科技企业孵化器"


def test_a_name_of_two_things_joined_by_ji_is_one_name() -> None:
    from answer.entity_head import headed_name

    sent = normalize("创成厅市共建甲薯及特色豆科作物省重点实验室。")
    found = headed_name("省重点实验室", sent)
    assert found is not None and sent[found[0] : found[1]] == "甲薯及特色豆科作物省重点实验室"
    # (two names, each with its head, stay two)
    two = normalize("支持丙湖大学与乙山大学,落实乙山大学资金。")
    found = headed_name("大学", two)
    assert found is not None and two[found[0] : found[1]] == "乙山大学"


def test_a_name_never_runs_across_a_mark() -> None:
    from answer.entity_head import headed_name
    from answer.wh_frame import question_head

    q = normalize("要完成建设的是哪所大学")
    found = headed_name(question_head(q), normalize("甲湖资金,乙山大学发展。"))
    assert found is not None and found[0] > 4  # starts after the comma


def test_a_headed_name_holds_verbal_nouns() -> None:
    # 教育 is tagged a verbal noun; it is inside the name, not a verb before it
    from answer.entity_head import headed_name

    sent = normalize("依托甲乙人工智能教育研究院,开展专项课题研究。")
    found = headed_name("研究院", sent)
    assert found is not None and sent[slice(*found)] == "甲乙人工智能教育研究院"


def test_a_park_is_named_by_its_short_form_and_never_by_a_scope_word() -> None:
    from answer.entity_head import ends_on_head as _ends_on_head
    from answer.entity_head import headed_name

    assert _ends_on_head("甲乙科技园", "园区") and _ends_on_head("丙丁产业园区", "园区")
    assert not _ends_on_head("我区", "园区")
    sent = normalize("推荐甲乙科技园成功申报示范孵化器,实现我区零突破;")
    found = headed_name("园区", sent)
    assert found is not None and sent[slice(*found)] == "甲乙科技园"


def test_the_name_after_the_verb_in_the_next_clause() -> None:
    got = names(
        "示范意见里,试点地方的具体实施方案要报给哪个部门",
        "试点地方主管部门要会同有关部门制定具体实施方案,并报示范工业二司。",
    )
    assert got == ["示范工业二司"]


def test_a_headed_name_ending_on_the_whole_head_comes_before_other_kinds() -> None:
    # "哪个研发中心": of three 中心, the one that is a 研发中心
    from answer.entity_head import headed_name

    sent = normalize("甲乙研究院防雷材料研发中心首创技术,揭牌成立新材料科创中心和新能源工程中心;")
    found = headed_name("研发中心", sent)
    assert found is not None and sent[slice(*found)].endswith("材料研发中心")
    assert headed_name("中心", sent) is None  # three of one kind, none more often: no pick


def _candidates_of(text: str) -> Callable[[str], Any]:
    """The candidate of the made-up document's clause writing a phrase."""
    from answer.clauses import clauses_of
    from answer.extract import Candidate
    from corpus.document import parse_text
    from corpus.model import Passage

    doc = parse_text(text, "t.txt")
    passage = Passage("t.txt#0", "t.txt", doc.text, 0, len(doc.text), "", None, "")

    def cand(phrase: str) -> Candidate:
        clause = next(c for c in clauses_of(doc.text, 0) if phrase in c.norm)
        return Candidate(clause, passage, doc, 1.0, 1.0, 1.0, 1.0, "", 1, 0, True, 1)

    return cand


def test_a_name_of_the_asked_kind_is_told_from_a_name_of_another() -> None:
    from answer.entity import names_asked_kind

    cand = _candidates_of("建立试点日常沟通协调机制。日常工作由省经济和信息化委负责。")
    q = parse_query("甲试点的日常工作归哪个部门管")
    assert not names_asked_kind(q, cand("协调机制"))
    assert names_asked_kind(q, cand("信息化委"))


def test_who_leads_is_read_from_the_line_of_the_part_the_question_names(qa_of_texts: Any) -> None:
    qa = qa_of_texts(
        {
            "p.txt": "甲部关于乙大学开展示范试点工作的意见\n"
            "一、原则同意在城市公交示范技术研究、城市道路示范养护技术研究等方面开展试点。\n"
            "二、城市道路示范养护技术研究\n(一)试点单位。\n乙大学。\n(二)试点指导单位。\n"
            "甲部综合规划司牵头,科技司配合。\n(三)试点内容。\n研究城市道路示范养护技术。\n"
        }
    )
    answer = qa.ask("乙大学试点里城市道路示范养护技术研究这项由哪个司牵头指导")
    assert answer.found and answer.answer == "甲部综合规划司"


def test_an_event_said_bare_is_no_name() -> None:
    from answer.entity import _is_name
    from answer.policy import CONFIG

    q = "《甲乙白皮书》是哪家机构发布的"
    assert not _is_name("大会", q, CONFIG.entity)
    assert not _is_name("本次会议", q, CONFIG.entity)
    assert _is_name("甲乙信息通信研究院", q, CONFIG.entity)
    assert _is_name("甲乙论坛组委会", q, CONFIG.entity)


def test_a_place_question_is_answered_by_the_one_place_of_its_level() -> None:
    from answer.entity_head import asked_place

    sent = "2019年9月6-8日,甲大会暨第九届中国智慧城市博览会在浙江宁波举办。"
    s, e = asked_place("城市", sent) or (0, 0)
    assert sent[s:e] == "宁波"  # not the name ending on 城市
    s, e = asked_place("省", sent) or (0, 0)
    assert sent[s:e] == "浙江"
    # the question's own place is its scope, not the answer; two cities: none chosen
    assert asked_place("城市", "宁波和温州各办一场", "浙江哪个城市办的") is None
    assert asked_place("城市", "在宁波举办", "宁波在哪个城市") is None
    assert asked_place("单位", sent) is None  # no place asked


def test_a_branch_named_after_its_parent_ends_on_its_own_head() -> None:
    from answer.entity_head import last_head as _last_head

    text = "甲省立医院乙州医院"
    assert text[: _last_head(text, "医院", text.find("医院")) + 2] == text
    # two names joined: the first head ends the first
    joined = "甲大学与乙大学"
    assert joined[: _last_head(joined, "大学", joined.find("大学")) + 2] == "甲大学"


def test_a_name_read_past_its_head_is_cut_after_the_asked_kind() -> None:
    from answer.entity_head import to_head as _to_head

    name = '甲信息通信研究院在"2017乙峰会"上'
    assert name[: _to_head(name, "机构")] == "甲信息通信研究院"
    assert _to_head("甲信息通信研究院", "机构") == len("甲信息通信研究院")
    assert _to_head("甲公司在乙地", "人") == len("甲公司在乙地")  # a head with no name form
    # a body named after the one it belongs to runs on to its own head
    name = "教育部资源中心将根据统一安排"
    assert name[: _to_head(name, "单位")] == "教育部资源中心"
    assert name[: _to_head(name, "部门")] == "教育部资源中心"


def test_a_quoted_name_of_another_kind_is_no_answer_for_the_kind_asked() -> None:
    from answer.entity_head import headed_name
    from answer.wh_frame import HEAD_FORMS

    sent = normalize("以甲市乙丙东城国际小区等为“智慧社区”试点,推进智能家居。")
    assert HEAD_FORMS["小区"] == ("小区",)  # a 社区 ends in 区 too, and is none
    s, e = headed_name("小区", sent) or (0, 0)
    assert sent[s:e] == "甲市乙丙东城国际小区"


def test_a_person_after_any_title_when_the_question_names_none(tmp_path: Path) -> None:
    # "…行政长官是谁": the person chosen (人选) is named after a title the question lacks
    from answer.people import is_person as _is_person

    answer = _ask_one(
        tmp_path,
        "甲区1997年政府工作报告\n一、1996年工作回顾\n去年年底,在甲区历史上第一次由区民自己"
        "选举产生了行政长官人选董建华,随后依法任命。\n",
        "头一回由区民自己选出来的甲区行政长官是谁",
    )
    assert answer.found and answer.answer == "董建华"
    # a title running into a compound word names no one ("院士专家工作站")
    assert not _is_person(normalize("新增院士专家工作站6家"), (2, 5))


def test_a_name_may_hold_a_verb_of_what_the_body_does() -> None:
    from answer.entity_head import headed_name

    sent = "每月7日前报送国家粮食局信息化推进办公室"
    span = headed_name("办公室", sent)
    assert span is not None and sent[span[0] : span[1]].endswith("信息化推进办公室")
    sent = "各申报单位登录智能体育案例注册管理系统填报申报书"
    span = headed_name("系统", sent)
    assert span is not None and sent[span[0] : span[1]] == "智能体育案例注册管理系统"
    # another verb ends the name before it ("报送" is no part of the office's name)
    assert not sent[span[0] : span[1]].startswith("登录")


def test_a_document_asked_for_is_named_only_by_a_sentence_citing_a_title() -> None:
    from answer.entity import names_asked_kind

    cand = _candidates_of("甲培养方案(试行)\n为落实乙部印发的《关于丙的若干意见》,特制定本方案。\n")
    q = parse_query("甲培养方案是为落实哪个文件制定的？")
    assert not names_asked_kind(q, cand("试行"))
    assert names_asked_kind(q, cand("为落实"))


def test_a_name_asked_after_a_preposition_starts_past_the_sentences_one() -> None:
    from answer.entity import entity_spans
    from corpus.normalize import normalize

    sent = normalize("每个合同年结束后20个工作日内向甲对接乙工作专班做专题汇报。")
    q = parse_query("运营公司每个合同年结束后要向谁做专题汇报？")
    assert [sent[s:e] for s, e in entity_spans(q, sent)] == ["甲对接乙工作专班"]


def test_a_name_of_the_kind_asked_is_read_whole_and_past_what_is_done_with_it() -> None:
    from answer.entity import _without_lead
    from answer.entity_head import headed_name

    sent = normalize("夯基础强功能,建设甲云通用机场,加快实施乙至丙等8条高速公路")
    found = headed_name("通用机场", sent)  # (the word opening the head is the name's)
    assert found is not None and sent[found[0] : found[1]].endswith("甲云通用机场")
    start = _without_lead(sent, *found, "通用机场")  # (the verb opening it is no part of it)
    assert sent[start : found[1]] == "甲云通用机场"


def test_a_reading_that_is_no_name_gives_way_to_the_name_of_the_kind_asked() -> None:
    from answer.entity import _NO_NAME

    assert _NO_NAME.search("建设庆云") and _NO_NAME.search("积极")
    assert _NO_NAME.search("每年给予平台500万元补贴")
    assert not _NO_NAME.search("苏新基金") and not _NO_NAME.search("洋浦石化新材料")
    assert _NO_NAME.search("等高能级平台")  # the kind closing a series


def test_the_kind_closing_a_series_gives_way_to_the_name_of_the_kind_asked() -> None:
    from answer.entity import entity_span

    cand = _candidates_of(
        "甲市政府工作报告\n集成整合创新资源,做强乙功能膜材料国家重点实验室等高能级平台。\n"
    )
    q = parse_query("甲市报告里要做强的国家重点实验室是哪个？")
    found = entity_span(q, cand("做强"))
    assert found is not None
    assert cand("做强").doc.norm[found[0] : found[1]] == "乙功能膜材料国家重点实验室"


def test_the_body_written_before_the_wh_word_begins_the_name() -> None:
    # "交通运输部哪个司": the sentence writes the ministry before its department
    assert names(
        "该项试点由交通运输部哪个司牵头?", "交通运输部人事教育司牵头,运输服务司配合。"
    ) == ["交通运输部人事教育司"]


def test_an_owner_is_read_only_where_the_sentence_writes_it_before_the_name() -> None:
    from answer.entity_owner import with_owner

    sent = "交通运输部人事教育司牵头"
    assert with_owner("由交通运输部", sent, 5, 10) == 0
    assert with_owner("由交通运输部", "人事教育司牵头", 0, 5) == 0
    assert with_owner("要推进甲研究院", "推进甲研究院乙中心", 6, 9) == 2  # (not the verb)
    assert with_owner("由甲部", "甲部先进电池材料研发中心", 2, 12) == 2  # (a whole name)


def test_the_questions_own_words_are_no_name_of_the_kind_asked() -> None:
    from answer.entity import entity_span

    cand = _candidates_of("一、工作回顾\n甲关获评全国科普示范区。\n")("获评")
    found = entity_span(parse_query("乙市2023年哪个区获评全国科普示范区"), cand)
    assert found is not None and cand.doc.norm[found[0] : found[1]] == "甲关"


def test_a_count_read_as_the_name_gives_way_to_the_quoted_name_of_the_kind_asked() -> None:
    from answer.entity import _NO_NAME, _quoted_of_kind

    # "是哪个项目": not "3家", but the quotation the kind's word 项目 follows
    sent = normalize("服务3家企业成果获奖,其中甲股份和乙大学共同完成的“高效封装材料”项目获一等奖")
    assert _NO_NAME.search("3家") and not _NO_NAME.search("甲股份")
    s, e = _quoted_of_kind("项目", sent) or (0, 0)
    assert sent[s:e] == "高效封装材料"
    assert _quoted_of_kind("平台", sent) is None


def test_a_long_head_the_sentence_writes_ends_the_name() -> None:
    # "…交会对接的是哪个甲乙飞行器": the sentence writes the head; the name ends on it
    from answer.entity import entity_span

    text = "甲宫一号甲乙飞行器与乙舟八号飞船先后成功发射并顺利交会对接。"
    cand = _candidates_of(text)("交会对接")
    found = entity_span(parse_query("2011年和乙舟八号飞船交会对接的是哪个甲乙飞行器?"), cand)
    assert found is not None and cand.doc.norm[slice(*found)].startswith("甲宫一号")


def test_a_short_gloss_in_brackets_stays_inside_a_headed_name() -> None:
    from answer.entity_head import headed_name

    sent = normalize("开创性设立了甲城(乙州)离岸科创园,签约企业94家。")
    found = headed_name("园", sent)
    assert found is not None and sent[slice(*found)] == "甲城(乙州)离岸科创园"
    # a gloss of a clause is none ("(甲,乙)")
    other = normalize("开创性设立了甲城(乙州,丙江)离岸科创园。")
    found = headed_name("园", other)
    assert found is None or "(" not in other[slice(*found)]


def test_a_full_name_asked_ends_on_the_kind_of_thing_it_names() -> None:
    from answer.entity import entity_span

    cand = _candidates_of("开创性设立了甲城(乙州)离岸科创园,融入和借力丙都市圈。")("离岸科创园")
    found = entity_span(parse_query("甲城为借力丙都市圈设立的那个科创园全称叫什么?"), cand)
    assert found is not None and cand.doc.norm[slice(*found)] == "甲城(乙州)离岸科创园"


def test_a_thing_asked_by_what_it_is_called_is_the_quoted_name_its_kind_follows() -> None:
    from answer.entity import entity_span

    text = (
        "依托甲院数据服务平台和全国统一“乙丙链”平台,根据甲院丙块链建设相关文件要求,"
        "逐步申请加入统一的“乙丙链”平台,开展电子证据上链存证工作。"
    )
    cand = _candidates_of(text)("上链存证")
    found = entity_span(parse_query("甲院文件里,各地逐步申请加入、开展存证的统一平台叫什么?"), cand)
    assert found is not None and cand.doc.norm[slice(*found)] == "乙丙链"
    # a name set after its kind ("…风电平台“乙丙号”") is read as before
    cand = _candidates_of("甲省最大的漂浮式风电平台“乙丙号”在丁江投运,并网容量居首位。")("投运")
    found = entity_span(parse_query("甲省在丁江投运的最大的漂浮式风电平台叫什么名字?"), cand)
    assert found is not None and cand.doc.norm[slice(*found)] == "乙丙号"
    # two quoted names of that kind tell none apart
    two = _candidates_of("加入统一的“乙丙链”平台和“丁戊链”平台,开展电子证据上链存证工作。")
    cand = two("上链存证")
    found = entity_span(parse_query("甲院文件里,各地逐步申请加入、开展存证的统一平台叫什么?"), cand)
    assert found is None or cand.doc.norm[slice(*found)] not in ("乙丙链", "丁戊链")


def test_a_name_before_the_role_it_is_given_ends_where_its_role_is_said() -> None:
    # made-up: "X为基金的基金托管人" asked "托管人是哪家"
    sentence = "二、同意你公司为基金的基金管理人，申酉银行股份有限公司为基金的基金托管人。"
    assert names("证监会批复的丙指数基金，托管人是哪家？", sentence) == ["申酉银行股份有限公司"]


def test_a_name_opening_with_a_joining_character_after_the_verb_keeps_it() -> None:
    # right after 支持, 和 joins nothing: it is the name's first character
    assert names("甲市打算支持哪家企业创建省级技术中心", "甲市将支持和瑞材料创建省级技术中心") == [
        "和瑞材料"
    ]
    # elsewhere it still joins ("与和"): the partner is named after it
    assert names("哪家企业和乙大学共建实验室", "丙光电和乙大学共建实验室") == ["丙光电"]


def test_a_name_question_quoting_a_thing_its_clause_writes_reads_the_rest_around_it(
    qa_of_texts: Any,
) -> None:
    # "要推广的" describes the 操作法 from the sentence after the one naming its maker
    text = (
        "甲省报告\n一、增产节约\n又如,浙江省湖州市王小明的“甲式榨油操作法”,使每百斤大豆的出油量提高到"
        "十三斤半。这个先进的操作方法,全国各地都应该认真地加以研究和推广。\n"
    )
    qa = qa_of_texts({"r.txt": text})
    found = qa.ask("报告里要推广的“甲式榨油操作法”是谁创造的？")
    assert found.found and "王小明" in found.answer
    assert not qa.ask("报告里要推广的“乙式轧钢操作法”是谁创造的？").found


def test_a_unit_is_named_whole_up_to_its_own_kind_not_the_first_kind_inside_it() -> None:
    # a 单位 honoured may be a park named after the university it belongs to: not 甲乙大学
    got = names(
        "丙区2031年哪家单位入选了国家大学科技园?",
        "甲乙大学科技园入选国家大学科技园,实现“零突破”。",
    )
    assert got == ["甲乙大学科技园"]


def test_where_an_event_was_held_is_the_place_it_was_held_in() -> None:
    from answer.entity_head import venue

    sent = "2018年9月,甲乙工作组第1次会议在甲国乙城总部召开。"
    s, e = venue("甲乙工作组第1次会议在哪开的？", sent) or (0, 0)
    assert sent[s:e] == "甲国乙城总部"
    sent = "副司长出席了在广东丙州举办的第十二届丁竞赛总决赛。"
    s, e = venue("第十二届丁竞赛总决赛是在哪儿办的？", sent) or (0, 0)
    assert sent[s:e] == "广东丙州"
    assert venue("总决赛是在哪儿办的？", "峰会在第三届甲大会期间举办。") is None  # a time
    assert venue("甲企业在哪些领域取得突破？", sent) is None  # no venue asked
    assert venue("会议在哪开的？", "甲会在A市召开,乙会在B市举行。") is None  # two venues


def test_a_question_asking_where_an_event_was_held_asks_a_name() -> None:
    from retrieval.query import Intent

    assert parse_query("工作组第1次会议在哪开的？").intent is Intent.ENTITY
    assert parse_query("第三届世界智能大会在哪里举办？").intent is Intent.ENTITY
    assert parse_query("哪份文件提到新增高企2000家？").intent is Intent.WHICH_DOC
    assert parse_query("新增高企2000家在哪里提到过？").intent is Intent.WHICH_DOC
