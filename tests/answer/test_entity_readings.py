"""answer.entity_readings: names read from one construction of made-up sentences."""

from __future__ import annotations

from answer.entity_readings import agent_span, alias_span, title_span
from corpus.normalize import normalize


def _read(reading, question: str, sentence: str) -> str | None:  # type: ignore[no-untyped-def]
    sent = normalize(sentence)
    found = reading(normalize(question), sent)
    return None if found is None else sent[found[0] : found[1]]


def test_a_document_question_takes_the_title_in_its_marks() -> None:
    sentence = "出台《甲区载体扶持意见》,提升政策支持力度"
    assert _read(title_span, "甲区要出台个什么文件支持园区", sentence) == "甲区载体扶持意见"
    assert _read(title_span, "甲区支持园区的是哪家单位", sentence) is None


def test_the_agent_of_the_verb_asked_about() -> None:
    sentence = "目前乙社运营的孵化器已签约企业4家"
    assert _read(agent_span, "那栋孵化器是哪家机构在运营", sentence) == "乙社"
    assert _read(agent_span, "那栋孵化器是哪家机构在建设", sentence) is None
    made = "丙车自主研发首列示范列车试运行。"
    assert _read(agent_span, "甲省首列示范列车是谁自主研发的", made) == "丙车"
    assert _read(agent_span, "甲省首列示范列车是谁", made) is None  # no verb asked


def test_the_body_entrusted_does_what_the_clause_after_it_does() -> None:
    sentence = "第八条 市甲局委托市乙创新发展中心,对申报材料完整性进行审核。"
    question = "申报材料的完整性审核由哪个单位负责"
    assert _read(agent_span, question, sentence) == "市乙创新发展中心"
    # a clause not opening on its object is read as before
    plain = "市甲局负责对申报材料完整性进行审核。"
    assert _read(agent_span, "申报材料完整性审核由哪个单位负责", plain) != "市乙创新发展中心"


def test_the_doer_after_you_or_before_its_verb() -> None:
    rule = "本办法由甲省示范办公室负责解释。"
    assert _read(agent_span, "示范办法由哪个部门负责解释", rule) == "甲省示范办公室"
    lead = "甲部综合规划司牵头,科技司配合。"
    assert _read(agent_span, "示范试点这项由哪个司牵头指导", lead) == "甲部综合规划司"
    apply = "市工业和信息化局下发通知,甲区工信主管部门组织申报,主体提交材料。"
    assert _read(agent_span, "示范补贴具体由谁来组织申报", apply) == "甲区工信主管部门"
    hosted = "由甲博览会组委会主办,乙协会承办的示范对话在丙市举办"
    assert _read(agent_span, "示范对话是哪家单位承办的", hosted) == "乙协会"
    assert _read(agent_span, "示范对话是哪家单位承办的", "示范对话在丙市举办") is None


def test_the_name_a_bracketed_alias_stands_for() -> None:
    sentence = "成功签约丙脑机研究院项目(丁国家实验室浙江基地),推进建设"
    assert _read(alias_span, "签约的丁国家实验室浙江基地是哪个项目", sentence) == "丙脑机研究院项目"
    assert _read(alias_span, "签约的戊基地是哪个项目", sentence) is None


def test_a_documents_full_name_is_its_title() -> None:
    from answer.entity_readings import title_span

    sent = normalize("对全区平台调研摸底,制订了《甲区双创平台建设三年行动方案(2021-2023)》。")
    found = title_span(normalize("甲区定的双创平台三年行动方案全称叫什么"), sent)
    assert found is not None and sent[found[0] : found[1]].startswith("甲区双创平台")
    assert title_span(normalize("甲区双创平台有多少家"), sent) is None


def test_what_a_thing_is_called_is_the_one_name_its_sentence_quotes() -> None:
    from answer.entity_readings import quoted_name_span

    sent = normalize("国内首艘内河甲乙动力船“丙丁1”号在某地首航。")
    found = quoted_name_span(normalize("某地首航的那艘甲乙动力船叫什么"), sent)
    assert found is not None and sent[slice(*found)] == "丙丁1"
    two = normalize("建成“甲中心”和“乙中心”。")
    assert quoted_name_span(normalize("建成的中心叫什么"), two) is None  # which one: unread
    assert quoted_name_span(normalize("建成了几个中心"), two) is None  # no name asked


def test_a_name_set_after_a_dash_following_the_words_it_is_called_by() -> None:
    from answer.entity_readings import dashed_name_span

    sent = normalize("甲省最高水平科技创新平台——甲省低碳动力实验室落户乙集团。")
    found = dashed_name_span(normalize("落户乙集团的那个甲省最高水平创新平台叫什么"), sent)
    assert found is not None and sent[slice(*found)] == "甲省低碳动力实验室"
    # a dash after other words sets no name of it
    assert dashed_name_span(normalize("那个中心叫什么"), sent) is None


def test_which_one_a_description_is_may_be_named_after_one_dash() -> None:
    from answer.entity_readings import dashed_name_span

    # one dash, normalised to a hyphen between two words
    sent = normalize("甲省最大单集群算力工程—甲移动万卡智算中心建成投用。")
    assert "-" in sent
    found = dashed_name_span(normalize("报告说的甲省最大单集群算力工程是哪个?"), sent)
    assert found is not None and sent[slice(*found)] == "甲移动万卡智算中心"
    # a hyphen between figures is no dash ("2021-2025"), and a question asking no name
    # of the thing reads none
    assert dashed_name_span(normalize("甲省最大算力工程建在哪里"), sent) is None
    assert dashed_name_span(normalize("甲规划期是哪个"), normalize("甲规划期2021-2025年")) is None


def test_a_quote_after_something_else_is_not_what_the_thing_is_called() -> None:
    from answer.entity_readings import quoted_name_span

    sent = normalize("甲图完成、10兆瓦示范实验工程建成、“乙丙”系列飞船试验成功等。")
    assert quoted_name_span(normalize("报告里建成的那个示范实验工程叫什么"), sent) is None


def test_the_full_name_ending_with_the_words_a_question_calls_it_by() -> None:
    from answer.entity_readings import named_item_span

    sent = normalize("甲图完成、10兆瓦高温示范实验工程建成、“乙丙”系列飞船试验成功等。")
    found = named_item_span(normalize("报告里建成的那个示范实验工程叫什么"), sent)
    assert found is not None and sent[slice(*found)] == "10兆瓦高温示范实验工程"
    assert named_item_span(normalize("示范实验工程建成了吗"), sent) is None  # no name asked


def test_doers_joined_by_a_pause_mark_are_all_the_doers() -> None:
    sent = normalize(
        "建立国家发展改革委、国家卫生健康委牵头,国务院各有关部门参加的部际联席会议机制。"
    )
    q = normalize("部际联席会议机制由哪两个部门牵头?")
    a, b = agent_span(q, sent)  # type: ignore[misc]
    assert sent[a:b] == "国家发展改革委、国家卫生健康委"


def test_a_name_given_after_a_dash_is_what_the_thing_is_called() -> None:
    from answer.entity_readings import quoted_name_span

    sent = normalize("甲局提出了第一个大规模乙领域基准数据集——“丙丁”,可用于模型训练;")
    found = quoted_name_span(
        normalize("甲局那个规划里,第一个大规模乙领域基准数据集叫什么名字?"), sent
    )
    assert found is not None and sent[slice(*found)] == "丙丁"


def test_a_thing_named_after_the_words_it_is_called_by_is_no_item_ending_on_them() -> None:
    from answer.entity_readings import named_item_span

    q = normalize("白鹭去年培育出的首个水产新品种叫什么")
    sent = normalize("成功培育首个水产新品种黄姑鱼“全雌1号”,机械化率提高")
    assert named_item_span(q, sent) is None  # its name follows, quoted
    plain = normalize("10兆瓦高温气冷核反应堆实验工程建成")
    found = named_item_span(normalize("那个核反应堆实验工程叫什么"), plain)
    assert found is not None and plain[found[0] : found[1]] == "10兆瓦高温气冷核反应堆实验工程"


def test_a_thing_called_by_its_kind_is_named_with_another_form_of_that_kind() -> None:
    from answer.entity_readings import named_item_span

    sentence = "成立由专家、企业代表等联合组成的甲市人工智能治理委员会。"
    question = "甲市那份政策里,要成立的人工智能治理机构叫什么"
    assert _read(named_item_span, question, sentence) == "甲市人工智能治理委员会"
    other = "成立甲市数据管理委员会。"
    assert _read(named_item_span, "要成立的人工智能治理机构叫什么", other) is None


def test_a_wh_phrase_ends_before_a_verb_of_passing() -> None:
    from answer.wh_frame import question_head

    assert question_head(normalize("吉安今年要帮哪家企业年内过上市审核")) == "企业"


def test_the_doer_asked_with_the_body_it_belongs_to_stands_before_its_aside() -> None:
    sentence = (
        "第三条 甲部网信领导小组办公室(以下简称网信办)统筹门户接入工作,负责甲部直属机关的接入。"
    )
    found = _read(agent_span, "门户接入工作由甲部哪个机构统筹", sentence)
    assert found == "甲部网信领导小组办公室"


def test_a_name_set_after_the_noun_and_before_what_it_did() -> None:
    from answer.entity_readings import appositive_span

    q = normalize("甲省2024年首个获批上市的乙丙名方中药复方制剂叫什么?")
    sent = normalize("我省首个乙丙名方中药复方制剂丁冬汤颗粒获批上市,国内首艘游览船交付使用。")
    found = appositive_span(q, sent)
    assert found is not None and sent[slice(*found)] == "丁冬汤颗粒"
    # not when nothing the question says it did follows the name
    assert appositive_span(q, normalize("乙丙名方中药复方制剂丁冬汤颗粒研发成功。")) is None
    # nor a stretch writing the question's own words ("与乙舟八号飞船先后成功发射并顺利")
    q = normalize("跟乙舟八号交会对接的甲标飞行器叫什么")
    sent = normalize("甲宫一号甲标飞行器与乙舟八号飞船先后成功发射并顺利交会对接。")
    assert appositive_span(q, sent) is None


def test_the_doer_of_a_deed_is_the_subject_of_the_clause_before_it() -> None:
    from answer.entity_readings import chained_doer_span

    sent = normalize("新兴产业加速集聚，戊辰光电显示项目投产，实现本省柔性屏模组生产零的突破。")
    q = normalize("实现本省柔性屏模组生产零突破的是哪个项目？")
    found = chained_doer_span(q, sent)
    assert found is not None and sent[slice(*found)] == "戊辰光电显示项目"
    # a clause before it that is no name with a deed of its own names nobody
    other = normalize("新兴产业加速集聚，实现本省柔性屏模组生产零的突破。")
    assert chained_doer_span(q, other) is None


def test_who_a_deed_was_done_with_is_the_name_between_yu_and_its_verb() -> None:
    from answer.entity_readings import asks_partner, partner_span

    q = normalize("壬区科技成果转化保险是跟哪家保险公司签的保单？")
    sent = normalize("壬区出台风险补偿方案，与癸保签署成果转化保险保单，发挥保险增信作用。")
    assert asks_partner(q)
    found = partner_span(q, sent)
    assert found is not None and sent[slice(*found)] == "癸保"
    assert partner_span(q, normalize("壬区出台风险补偿方案，发挥保险增信作用。")) is None
    assert not asks_partner(normalize("壬区哪家保险公司签了保单？"))


def test_of_several_partners_the_one_of_the_doer_asked_and_the_mirror_reading() -> None:
    from answer.entity_readings import partner_span

    sent = normalize("寅区与甲大、乙大签订协议，卯园与丙所共建科创谷，辰科技与丁大共建首批研究院。")
    q = normalize("辰科技是跟哪所高校共建的首批研究院？")
    found = partner_span(q, sent)
    assert found is not None and sent[slice(*found)] == "丁大"
    # the question's subject written after 与: its partner is the one before it
    mirror = normalize("推动戊大与巳区联合共建材料创新中心等平台。")
    found = partner_span(normalize("巳区跟哪所高校共建材料创新中心？"), mirror)
    assert found is not None and mirror[slice(*found)] == "戊大"


def test_the_maker_of_a_quoted_thing_is_named_as_its_owner() -> None:
    from answer.owner_reading import owner_span

    q = "报告里推广的“甲式操作法”是谁创造的"
    # the owner before 的“…”, the place before the name left out
    assert _read(owner_span, q, "浙江省湖州市王小明的“甲式操作法”,使出油量提高") == "王小明"
    # no maker asked, or no owner written
    assert _read(owner_span, "报告里推广的“甲式操作法”效果如何", "王小明的“甲式操作法”,好") is None
    assert _read(owner_span, q, "推广“甲式操作法”,使出油量提高") is None
