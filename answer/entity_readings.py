"""Readings of a name question that point at one construction of the sentence, tried
before the general wh-frame (answer.entity): the title a 什么文件 question asks for, the
agent of the verb a question asks about (哪家机构在运营 → "贝壳社运营的…"), and the name
whose bracketed alias the question uses ("浙江脑机交叉研究院项目(临港国家实验室浙江基地)"),
and the one quoted name of a sentence a 叫什么 question asks for, or the name it sets after a
dash."""

from __future__ import annotations

import re
from functools import lru_cache

from answer.extract import MAX_SPAN
from answer.insertion import echoes, inserted_name
from answer.owner_reading import owner_span
from answer.wh_frame import GAP, HEAD_FORMS, HEAD_SUFFIX, HEADS, question_head, wh_frame
from corpus.enum_model import LEAD_VERBS, start_after

_ASKS_TITLE = re.compile(
    r"(?:什么|哪个|哪份|哪部)(?:文件|政策|意见|办法|方案|规划|通知|条例)"
    # "…三年行动方案全称叫什么": a document's full name is its title
    r"|(?:文件|意见|办法|方案|规划|通知|条例|计划|纲要)的?(?:全称|全名|名称|标题)"
)
_TITLE = re.compile(r"《([^《》]{2,38})》")
_ASKS_AGENT = re.compile(
    r"是(?:哪|什么)(?:家|个|所|位)?[\u4e00-\u9fff]{0,4}?在([\u4e00-\u9fff]{2})"
    # "…列车是谁自主研发的": who did it, right before the verb in "长客自主研发…"
    r"|是谁([\u4e00-\u9fff]{2})[\u4e00-\u9fff]{0,6}的"
)
# "由哪个部门负责解释", "由谁来组织申报", "是哪家单位承办的": the wh-phrase, then what
# it does (its kind's noun and a 来 before the verb are read off in agent_span).
_ASKS_DOER = re.compile(
    # (…a body whose part is asked written before it: "由教育部哪个机构统筹")
    r"由(?:[\u4e00-\u9fff]{2,6}?)?(?:谁|哪|什么)(?:[几两二三四五六七八九十]+)?(?:家|个|所|位|些)?([\u4e00-\u9fff]{2,10})"
    r"|是(?:哪|什么)(?:家|个|所|位)?([\u4e00-\u9fff]{2,8})的[?？]?$"
)
# What stands between a doer and the verb asked ("由甲办公室负责解释", "甲司牵头"): no name.
_AUXILIARY = re.compile(r"(?:负责|统一|具体|会同|牵头|来)$")
# An article's number opening a sentence ("第三条 教育部…"): no part of a name.
ARTICLE = r"第[一二三四五六七八九十百\d]+条[\s\u3000]*"
# (…nor an article's number opening the sentence: "第三条 教育部…办公室统筹…")
_ADVERB = re.compile(rf"^(?:{ARTICLE})?(?:目前|现在|现由|已由|均由|由|现)|^{ARTICLE}")
_DOER_MAX = 16  # a doer's name among several joined by 、, with a verb before the first
_ALIAS = re.compile(r"\(([^()]{4,30})\)")
# Verbs a named thing follows ("成功签约…项目", "引进…", "落地…").
_BEFORE_NAME = re.compile(
    r".*(?:签约|引进|落地|成立|设立|创建|建成|建设|揭牌|启用|引育|实施|制定|印发|出台|编制)"
)


def asks_title(qnorm: str) -> bool:
    """Whether a question asks for a document or policy by its title ("为落实哪个文件")."""
    return bool(_ASKS_TITLE.search(qnorm))


def title_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """The title in 《》 a question asking for a document or policy wants (inside the marks)."""
    if not _ASKS_TITLE.search(qnorm):
        return None
    m = _TITLE.search(sent)
    return (m.start(1), m.end(1)) if m else None


@lru_cache(maxsize=1024)
def asks_doer(qnorm: str) -> bool:
    """Whether a question asks who does something ("由哪个部门负责解释", "是谁研发的")."""
    return bool(_ASKS_AGENT.search(qnorm) or _ASKS_DOER.search(qnorm))


@lru_cache(maxsize=1024)  # read once per question, not once per candidate sentence
def asked_doing(qnorm: str) -> str:
    """What a doer is asked for doing, as the question writes it ("组织申报" of
    由谁来组织申报, "负责解释" of 由哪个部门负责解释; "" when no doer is asked this way)."""
    doer = _ASKS_DOER.search(qnorm)
    if doer is None:
        return ""
    does = doer.group(1) or doer.group(2)
    head = question_head(qnorm)
    does = does[len(head) :] if head and does.startswith(head) else does
    return does.removeprefix("来")


def asked_verb(qnorm: str, sent: str) -> str:
    """The verb whose doer a question asks for, as the sentence writes it ("" for none):
    "运营" of 是哪家机构在运营; "负责" of 由哪个部门负责解释 (its kind, 部门, left out),
    "组织" of 由谁来组织申报: the first two characters of what it does, when the sentence
    holds them."""
    asked = _ASKS_AGENT.search(qnorm)
    if asked is not None:
        return asked.group(1) or asked.group(2)
    verb = asked_doing(qnorm)[:2]  # the verb opens the doing ("组织" of 组织申报)
    if verb in _AUXILIARY_VERBS and verb not in sent:
        # "…完整性审核由哪个单位负责": the doing is named before 由, 负责 only says who
        by = qnorm.find("由")
        verb = qnorm[max(0, by - 2) : by] if by >= 2 else ""
    return verb if len(verb) == 2 and verb in sent else ""


def agent_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """Who does what the question asks about: "是哪家机构在运营" → the name right before
    运营 in "目前贝壳社运营的孵化器"; "…是谁自主研发的" → 长客 in "长客自主研发…";
    "由哪个部门负责解释" → 甲办公室 in "本规范由甲办公室负责解释"."""
    verb = asked_verb(qnorm, sent)
    at = sent.find(verb) if verb else -1
    if at < 0:
        return None
    aside = _ASIDE.search(sent, 0, at)  # "…办公室(以下简称…)统筹": the name before the aside
    at = aside.start() if aside else at
    start = _joined_doers(sent, start_after(sent, at, ",;。:、("))
    entrusted = _entrusted(sent, start)
    if entrusted is not None:
        return entrusted
    by = sent.rfind("由", start, at)  # "本规范由甲办公室…": the doer comes after 由
    start = by + 1 if by >= 0 else start
    lead = _ADVERB.match(sent[start:at]) or LEAD_VERBS.match(sent[start:at])
    start += lead.end() if lead else 0
    end = at
    while (aux := _AUXILIARY.search(sent, start, end)) is not None and aux.start() > start:
        end = aux.start()
    return (start, end) if 2 <= end - start <= MAX_SPAN else None


def _entrusted(sent: str, start: int) -> tuple[int, int] | None:
    """Who does what a clause opening on its object does, when the clause before entrusts it
    ("甲局委托乙中心,对申报材料完整性进行审核": 乙中心), else None."""
    if not start or _OBJECT_LEAD.match(sent, start) is None:
        return None
    before = start_after(sent, start - 1, ",;。:(")
    to = _ENTRUSTS.search(sent, before, start - 1)
    if to is None:
        return None
    return (to.end(), start - 1) if 2 <= start - 1 - to.end() <= MAX_SPAN else None


_ASIDE = re.compile(r"\([^()]{2,30}\)$")  # a bracketed aside right before the verb
_AUXILIARY_VERBS = ("负责", "牵头")  # a question's verbs saying only who does it
_OBJECT_LEAD = re.compile(r"对于?|针对")
_ENTRUSTS = re.compile(r"(?:委托|授权|指定)")


def _joined_doers(sent: str, start: int) -> int:
    """Where the doers end at ``start`` begin, several joined by 、 counted in ("建立甲委、乙委
    牵头…": 甲委 as well as 乙委), each short enough to be a name."""
    while start > 0 and sent[start - 1] == "、":
        before = start_after(sent, start - 1, ",;。:、(")
        if not 2 <= start - 1 - before <= _DOER_MAX:
            break
        start = before
    return start


def alias_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """The name a bracketed alias stands for, when the question names the alias."""
    for m in _ALIAS.finditer(sent):
        if m.group(1) not in qnorm:
            continue
        start = start_after(sent, m.start(), ",;。:、")
        lead = _BEFORE_NAME.match(sent, start, m.start())
        start = lead.end() if lead else start
        if 2 <= m.start() - start <= MAX_SPAN:
            return start, m.start()
    return None


_ASKS_NAME = re.compile(r"叫什么|(?:名字|名称)(?:是|叫)?(?:什么|啥)|叫啥")
_QUOTED = re.compile(r"\"([^\"]{2,20})\"")


def _called(qnorm: str) -> str:
    """What a 叫什么 question calls the thing, up to the asking words ("…那艘氢燃料电池船"),
    or "" when it asks no name."""
    asked = _ASKS_NAME.search(qnorm)
    return qnorm[: asked.start()].rstrip("的是那这个") if asked else ""


# What may stand between a noun and the name it is given ("…基准数据集——“谛听”", "…平台,即“…”").
_LINKED = re.compile(r"(?:—{1,2}|-{1,2}|:|,?即|,?简称)$")


def quoted_name_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """What a thing is called ("…那艘船叫什么"): the one name the sentence quotes right after
    the noun the question calls it by ("国内首艘氢燃料电池动力船“三峡氢舟1”号…", "…基准数据集
    ——“谛听”"), inside the marks; None for several, or for a quote standing after something
    else."""
    noun = _called(qnorm)
    if not noun:
        return None
    found = [
        m
        for m in _QUOTED.finditer(sent)
        if m.group(1) not in qnorm and _LINKED.sub("", sent[: m.start()]).endswith(noun[-1])
    ]
    return (found[0].start(1), found[0].end(1)) if len(found) == 1 else None


def named_item_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """What a thing is called when the sentence writes its full name ending with the words
    the question calls it by ("…那个核反应堆实验工程叫什么": "10兆瓦高温气冷核反应堆实验
    工程建成"): from the start of its 、-item to the end of those words."""
    noun = _called(qnorm)
    for size in range(min(len(noun), 12), 2, -1):
        at = sent.find(noun[-size:])
        if at >= 0:
            if NAMED_AFTER.match(sent, at + size):
                return None  # "…首个水产新品种黄姑鱼“全雌1号”": its name follows, quoted
            start = start_after(sent, at, ",;。:、")
            lead = _BEFORE_NAME.match(sent, start, at)
            start, end = (lead.end() if lead else start), at + size
            return (start, end) if size < end - start <= MAX_SPAN else None
    return _named_as_kind(noun, sent)


def _named_as_kind(noun: str, sent: str) -> tuple[int, int] | None:
    """The name a sentence writes with another form of the kind the question calls it by
    ("…人工智能治理机构叫什么": "联合组成的济南市人工智能治理委员会", a 委员会 being a 机构):
    from after the 的 or the clause's start before it to the end of that form."""
    kind = HEAD_SUFFIX.search(noun)
    if kind is None or kind.group(0) not in HEAD_FORMS:
        return None
    stem = noun[: kind.start()][-_STEM:]
    for form in HEAD_FORMS[kind.group(0)]:
        at = sent.find(stem + form) if len(stem) == _STEM else -1
        if at >= 0:
            start = start_after(sent, at, ",;。:、的")
            end = at + len(stem) + len(form)
            return (start, end) if end - start <= MAX_SPAN else None
    return None


_STEM = 4  # characters of what the thing is of, written before its kind ("智能治理")


# A dash setting a name after the words a thing is called by ("…科技创新平台——广西低碳智能动力
# 实验室落户玉柴"), the name unquoted.
# (one dash normalised to a hyphen between two words: "…大算力工程-中国移动…")
_DASH = re.compile(r"—{1,2}|-{2}|(?<=[\u4e00-\u9fff])-(?=[\u4e00-\u9fff])")
# A question closing on which one the thing it describes is ("…大算力工程是哪个?")
_WHICH_LAST = re.compile(r"是(?:哪|哪一)(?:个|家|所|座|项|条)[?]?$")
_CLAUSE_END = re.compile(r"[,;。:!?()\"]")


def dashed_name_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """What a thing is called when the sentence sets its name, unquoted, after a dash
    following the words the question calls it by ("…叫什么", or "…大算力工程是哪个": "全国
    最大国产化单集群大算力工程—中国移动哈尔滨万卡智算中心建成投用"): from the dash to the
    end of the last noun a name ends on in its clause (the clause's end without one); None
    when no dash follows those words."""
    which = _WHICH_LAST.search(qnorm)
    noun = _called(qnorm) or (qnorm[: which.start()] if which else "")
    if len(noun) < 2:
        return None
    for dash in _DASH.finditer(sent):
        if not sent[: dash.start()].endswith(noun[-1]) or sent[dash.end() : dash.end() + 1] == '"':
            continue  # (a quoted name is quoted_name_span's)
        stop = _CLAUSE_END.search(sent, dash.end())
        clause = sent[dash.end() : stop.start() if stop else len(sent)]
        heads = [m.end() for m in _NAME_HEAD.finditer(clause)]
        at = heads[-1] if heads else len(clause)
        if 2 <= at <= MAX_SPAN:
            return dash.end(), dash.end() + at
    return None


def appositive_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """A name the sentence writes right after the noun the question calls the thing by and
    before what the question says it did ("首个获批上市的古代经典名方中药复方制剂叫什么" in
    "首个古代经典名方中药复方制剂二冬汤颗粒获批上市"), or None."""
    called = _called(qnorm)
    if "的" not in called:
        return None
    done, noun = called.rsplit("的", 1)
    at = sent.find(noun) if len(noun) >= _APPOSED_NOUN else -1
    if at < 0:
        return None
    start = at + len(noun)
    window = sent[start : start + MAX_SPAN + _APPOSED_DONE]
    for n in range(min(_APPOSED_DONE, len(done)), 1, -1):
        end = window.find(done[-n:])
        name = window[:end]
        # (a name of its own: none of the question's words in it, "与神舟八号飞船…")
        if 2 <= end <= MAX_SPAN and not _NOT_APPOSED.search(name) and not echoes(name, qnorm):
            return start, start + end
    return None


_APPOSED_NOUN = 4  # characters of the noun a name is set after: a short one names little
_APPOSED_DONE = 4  # characters of what it did, looked for after the name
_NOT_APPOSED = re.compile(r"[,;。:、\"《》()\d]")


# The nouns a name ends on (two characters or more: "实验室", "研究院", "中心").
_NAME_HEAD = re.compile(
    "|".join(
        sorted(
            (h for h, carried in HEADS.items() if carried and len(h) >= 2), key=len, reverse=True
        )
    )
)


# A quoted name right after the words a thing is called by, a kind's word between or not
# ("…首个水产新品种黄姑鱼“全雌1号”"); :mod:`answer.entity` reads it too.
NAMED_AFTER = re.compile(r'[\u4e00-\u9fff]{0,4}"')


def chained_doer_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """The doer of the deed a question describes, written as the subject of the clause
    before it with a deed of its own ("华芯振邦半导体项目投产,实现广西晶圆级先进封装测试零的
    突破" for 实现…零突破的是哪个项目): that clause's words up to the kind asked, when the
    clause is that name and a short verb."""
    head, frame = question_head(qnorm), wh_frame(qnorm)
    if len(head) < 2 or frame is None:
        return None
    for pattern in frame.patterns:
        if not pattern.startswith(GAP):
            continue
        desc = re.sub(r"[\x00-\x1f]", "", pattern)
        if len(desc) < 2 * _DEED:
            continue
        for m in re.finditer(rf",{re.escape(desc[:_DEED])}", sent):
            said = sent[m.end() : m.end() + len(desc) + _DEED]
            if desc[-_DEED:] not in said.split(",")[0]:
                continue
            start = start_after(sent, m.start(), ",;。:")
            doer = _DOER.fullmatch(sent, start, m.start())
            if doer and sent[start : doer.end(1)].endswith(head):
                return start, doer.end(1)
    return None


_DEED = 2  # characters of the described deed that must open and close its clause
# a clause of a name and its own short deed ("华芯振邦半导体项目投产")
_DOER = re.compile(rf"([^,;。:]{{2,{MAX_SPAN}}}?)(?:建成|投产|落地|开工|竣工|获批|上线|运行|落户)")


def partner_span(qnorm: str, sent: str) -> tuple[int, int] | None:
    """Who a thing was done with, when the question asks it by the same deed ("是跟哪家保险
    公司签的保单": "与中国人保签署成果转化保险保单"): the name between 与/和/同/跟 and that
    deed's verb; or, when that name is the question's own subject ("黔南高新区跟哪所高校共建
    …": "推动哈工大与黔南高新区联合共建"), the one before 与. Of several such deeds, the one
    whose doer and what is done the question writes most of."""
    asked = _ASKED_PARTNER.search(qnorm)
    if asked is None:
        return None
    verb = asked.group(1)
    best: tuple[int, tuple[int, int]] | None = None
    for m in re.finditer(
        rf"(?:与|和|同|跟)([^,;。:、与和同跟]{{2,{_PARTNER_MAX}}}?)(?:共同|联合)?{verb}", sent
    ):
        start = start_after(sent, m.start(), ",;。:、")
        span = m.span(1)
        if sent[slice(*span)] in qnorm:  # the subject asked: its partner stands before 与
            lead = LEAD_VERBS.match(sent, start, m.start())
            span = (lead.end() if lead else start, m.start())
            if span[1] - span[0] < _MIN_PARTNER or sent[slice(*span)] in qnorm:
                continue
        after = re.split(r"[,;。:]", sent[m.end() : m.end() + _TOLD_AFTER])[0]
        told = sent[start : span[0]] + after
        shared = len(set(told) & set(qnorm))
        if best is None or shared > best[0]:
            best = (shared, span)
    return best[1] if best else None


_MIN_PARTNER = 2
_TOLD_AFTER = 16  # characters after the deed's verb read for what is done


def asks_partner(qnorm: str) -> bool:
    """Whether a question asks who a thing was done with ("是跟哪家保险公司签的保单")."""
    return _ASKED_PARTNER.search(qnorm) is not None


_PARTNER_MAX = 20  # characters of a partner's name
_ASKED_PARTNER = re.compile(
    r"(?:跟|和|与|同)(?:哪家|哪个|哪一家|哪所|哪位)[\u4e00-\u9fff]{0,6}?(签|合作|共建|联合)"
)


READINGS = (
    title_span,
    agent_span,
    owner_span,
    alias_span,
    quoted_name_span,
    dashed_name_span,
    appositive_span,
    named_item_span,
    inserted_name,
    chained_doer_span,
)
"""Tried in order on the answering sentence; the first that reads it gives the name."""
