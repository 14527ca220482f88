"""Who, which and when: the words of a sentence standing where the question asks.

The question is read as its context words around a gap, the wh-phrase
("哪家企业", "谁", "什么区"): "\u2060哪个实验室建了业界首个6G综合实验室" is the gap
followed by "建了业界首个6G综合实验室". Aligning that context with the
answering sentence (longest common blocks, in order) leaves the sentence's
own words in the gap: "紫金山实验室建立业界首个6G综合实验室" gives
"紫金山实验室". The gap is then trimmed to a name: connectives at its ends
(由大创园 → 大创园), the question's verb as the report writes it (拿到 ↔ 获得,
当 ↔ 担任) and linking verbs (海辰储能成为… → 海辰储能) end it. No rule names
a document or a question; the tables below are words of the language.
"""

from __future__ import annotations

import re

from answer.entity_align import PREPOSITIONS, after_preposition, gap_bounds, window_of
from answer.entity_head import (
    MAX_HEAD,
    asked_place,
    ends_on_head,
    headed_name,
    last_head,
    to_head,
    venue,
    with_head,
)
from answer.entity_owner import before_gap, with_owner, with_place
from answer.entity_quotes import quoted_naming, quotes, whole_quote
from answer.entity_readings import (
    ARTICLE,
    READINGS,
    agent_span,
    asks_doer,
    asks_partner,
    asks_title,
    partner_span,
)
from answer.extract import MAX_SPAN, Candidate
from answer.insertion import inserted_name
from answer.people import after_descriptor, person_spans
from answer.policy import CONFIG, EntityConfig
from answer.wh_frame import (
    GAP,
    HEAD_FORMS,
    HEAD_SUFFIX,
    HEADS,
    LINKING,
    WhFrame,
    question_head,
    subject_head,
    wh_frame,
)
from corpus.enum_model import LEAD_ADVERBS, LEAD_VERBS
from corpus.places import find_places
from retrieval.query import Query

# Verbs a name follows as what they act on: support or invite it ("支持", "推荐"), serve or
# guide it ("服务指导杭叉集团…").
_SUPPORTING = "支持|邀请|推荐|请"
_ACTING = "服务|指导|帮助|协助|引导|推动|鼓励|组织|督促"
# Words that join a name to its neighbours, never part of it.
_LEAD_OFF = re.compile(
    # an article's number ("第三条 教育部…") opens no name
    rf"^(?:{ARTICLE}"
    rf"|其中|由|以|经|在|是|为|被|即|了|的|与|和|跟|同|及|对|向|把|将|{_SUPPORTING}|获"
    # the agent's verbs before the name it acts on ("服务指导杭叉集团顺利通过…")
    rf"|{_ACTING}|最突出的如|最典型的如|例如|比如|譬如|\")+"
)
# Right after a verb acting on it, 和 or 同 joins nothing: it opens the name ("支持和诺生物
# 创建…", "鼓励同方股份…"); the verb's words are the lead's, the character the name's.
_VERB_THEN_NAME = re.compile(rf"(?:{_SUPPORTING}|{_ACTING})[和同]$")
_TAIL_OFF = re.compile(
    r"(?:与|和|跟|同|及|以及|等|的|了|在|为|被|将|已|均|也|都|还|首次|成功|共同|一起|联合|合作"
    r"|顺利|正式|率先|相继|先后|分别|已经"
    r"|关于|\")+$"
)
# Verbs a stretch running to its clause's end stops at ("伊鲁阿克片获批上市").
_EVENTS = (
    "获批",
    "获得",
    "取得",
    "入选",
    "成为",
    "实现",
    "建成",
    "落地",
    "开工",
    "投产",
    "上市",
    "签约",
    "签订",
    "签署",
    "揭牌",
    "启动",
    "开馆",
    "运营",
    "发布",
    "印发",
    "完成",
    "达成",
    "达到",
    "突破",
    "牵头",
    "共建",
    "联合",
    "合作",
)
# Scope words that stand where a name might, but name nothing ("全市首个…").
# …nor does an event said bare ("大会发布了《…白皮书》": which body is not said there).
_GENERIC = re.compile(
    r"^(?:全|我|本|该)(?:市|省|区|县|国|镇)$|^(?:全国|目前|今年|去年|其中)$"
    r"|^(?:本次|此次|该)?(?:大会|会议|论坛|峰会|会上|活动)$"
)


def _cut(text: str, stops: tuple[str, ...]) -> str:
    """``text`` up to the first of ``stops`` found after its first two characters."""
    cut = len(text)
    for stop in stops:
        at = text.find(stop, 2)
        if 0 < at < cut:
            cut = at
    return text[:cut]


_ROLE = re.compile(r"为(?=[\u4e00-\u9fff]{1,8}的)")  # 为 + whose the role is ("为基金的")


def _trim(sent: str, start: int, end: int, head: str, verbs: tuple[str, ...]) -> tuple[int, int]:
    """The name inside a stretch: a quoted name whole, else connectives off its ends,
    cut before the question's verb, a linking verb or an event verb."""
    text = sent[start:end]
    inside = [(qs, qe) for qs, qe in quotes(sent) if start <= qs - 1 and qe + 1 <= end]
    if inside:
        return inside[0]
    text = _cut(text, (*verbs, *LINKING, *_EVENTS))
    # "中国建设银行股份有限公司为基金的基金托管人": the name ends where its role is said
    role = _ROLE.search(text, 2)
    text = text[: role.start()] if role else text
    ending = HEAD_SUFFIX.search(head) if head else None
    # A head outside the known ones (加速器, 创新联合体) ends the name, as a place's does.
    named = HEADS[ending.group(0)] if ending else bool(head)
    suffix = head[-2:] if named else ""
    at = text.find(suffix, 2) if suffix else -1
    forms = HEAD_FORMS.get(ending.group(0), ()) if ending and at < 0 else ()
    # the longest name ending on a form, a bracketed note after it aside: "省经济和信息化委
    # 负责" → …委, "工业和信息化部装备工业二司(国家…办公室)" → …二司
    note = text.find("(", 2)
    scope = text[:note] if note > 0 else text
    found = [(scope.rfind(f), f) for f in forms]
    found = [(at_form + len(f), f) for at_form, f in found if at_form >= 2]
    if found:
        end, suffix = max(found)
        at = end - len(suffix)
    if at < 0 and named:
        suffix = head[-1]  # "常州经开区" for 开发区: its last character ends it
        at = text.find(suffix, 2)
    if at > 0:
        at = last_head(text, suffix, at)
        text = text[: at + len(suffix)]  # "国家技术转移东部中心的对接": the name ends at its head
    elif head and not named and text.endswith(head) and len(text) > len(head) + 1:
        text = text[: -len(head)]  # "王振勇副市长" for 哪位副市长: the title is not the name
    # "(责任单位:市农业农村局)指导淳安县": a bracket closed inside the stretch, opened
    # before it, ends a note; the name begins after it.
    closed = _UNOPENED_CLOSE.match(text)
    skip = closed.end() if closed and closed.end() < len(text) else 0
    text = text[skip:]
    lead = _LEAD_OFF.match(text)
    off = lead.end() if lead and lead.end() < len(text) else 0
    if off and _VERB_THEN_NAME.search(sent[max(0, start + skip - 4) : start + skip + off]):
        off -= 1
    text = text[off:]
    skip += off
    tail = _TAIL_OFF.search(text)
    if tail and tail.start() >= 2:
        text = text[: tail.start()]
    s = start + skip
    e = s + len(text)
    if suffix and sent.startswith(head, e) and not text.endswith(head):
        e += len(head)  # "紫金山" + "实验室" when the context began at the head noun
    return s, e


_UNOPENED_CLOSE = re.compile(r"[^()]*\)")


def _is_name(name: str, question: str, cfg: EntityConfig) -> bool:
    """A stretch that can be a name: of a name's length, opening with a word, not the
    question's own words nor a scope word ("全市")."""
    return (
        cfg.min_name <= len(name) <= MAX_SPAN
        and bool(re.match(r"[\u4e00-\u9fffa-z0-9]", name))
        and not _GENERIC.match(name)
        and name not in question
    )


def _gap_name(
    pattern: str, at: int, sent: str, head: str, verbs: tuple[str, ...], cfg: EntityConfig
) -> tuple[int, int] | None:
    """The name standing in the sentence where the gap at ``at`` of ``pattern`` stands.

    The question's words around the gap are aligned first; when they give no
    name (a report may write the words before the gap after it: "X关于印发《…》"
    for "《…》是哪个单位印发的"), the words after the gap alone.
    """
    w0, w1 = window_of(pattern, at)
    for start in dict.fromkeys((w0, at)):
        window = pattern[start:w1]
        bounds = gap_bounds(window, at - start, sent, cfg)
        if at > start and window[at - start - 1] in PREPOSITIONS:
            bounds = after_preposition(window, at - start, sent, head) or bounds
        if bounds is None:
            continue
        s, e = _trim(sent, *bounds, head, verbs)
        s = with_owner(pattern[start:at], sent, with_place(pattern[start:at], sent, s), e)
        s, e = whole_quote(sent, s, e)
        if _is_name(sent[s:e], pattern, cfg):
            return s, e
    return None


def entity_spans(
    query: Query, sent: str, cfg: EntityConfig = CONFIG.entity
) -> list[tuple[int, int]]:
    """Offsets (in ``sent``) of the name each wh-phrase of the question stands for."""
    frame = wh_frame(query.norm)
    if frame is None:
        return []
    if len(frame.patterns) > 1:  # a copula question: a quoted name before its noun first
        quoted = quoted_naming(frame.patterns[-1].rstrip(GAP), sent, cfg)
        if quoted is not None:
            return [quoted]
    readings = []
    # "项目建设单位为中国移动…": the name right after the noun, first
    patterns = frame.patterns[::-1] if _copula_stated(frame, sent) else frame.patterns
    for pattern in patterns:
        spans: list[tuple[int, int]] = []
        at = -1
        for head, verbs in zip(frame.heads, frame.verbs, strict=True):
            at = pattern.index(GAP, at + 1)
            found = _gap_name(pattern, at, sent, head, verbs, cfg)
            if found is not None:
                spans.append(found)
        if spans:
            readings.append(spans)
    # Of a copula question's two readings, the one whose names end on the head noun asked
    # ("…的是哪个研发中心": "防雷智能材料研发中心", not what follows the description).
    headed = [r for r in readings if all(ends_on_head(sent[s:e], frame.heads[0]) for s, e in r)]
    readings = headed or readings
    # "全省投资最大的产业项目是哪个" in "贵州投资最大的产业项目毕节…项目启动建设": a bare
    # place before the description is its scope; the name is the one after it.
    if not _PLACE_HEAD.search(frame.heads[0]):
        readings = [
            r for r in readings if not all(_only_place(sent[s:e]) for s, e in r)
        ] or readings
    return (readings or [[]])[0]


_PLACE_HEAD = re.compile(r"[省市区县镇州]$|城市|地方|地区|街道|园区?$|开发区")


def _copula_stated(frame: WhFrame, sent: str) -> bool:
    """Whether a sentence writes a copula question's subject noun (after its last 的, "…项目
    的建设单位是哪家": 建设单位) followed by 为/是: the name asked stands right after it."""
    if len(frame.patterns) < 2:
        return False
    noun = frame.patterns[-1].rstrip(GAP).rsplit("的", 1)[-1]
    return len(noun) >= 2 and re.search(re.escape(noun) + "(?:为|是)", sent) is not None


def _only_place(name: str) -> bool:
    """Whether a name is a place and nothing more ("贵州", "杭州市")."""
    places = find_places(name)
    return len(places) == 1 and places[0][0] == 0 and places[0][1] == len(name)


def names_asked_kind(query: Query, cand: Candidate) -> bool:
    """Whether the candidate's name ends as names of the asked kind do ("哪个部门": …委,
    …局); any name does when the kind has no such ending. Who does something is named
    only by a sentence that writes the doing ("…组织申报" for 由谁来组织申报)."""
    if asks_doer(query.norm) and agent_span(query.norm, cand.clause.sent_norm) is None:
        return False
    if asks_title(query.norm) and "《" not in cand.clause.sent_norm:
        return False  # a document asked for is named by its title in 《》
    if asks_partner(query.norm):  # (a partner's short name carries no kind: "中国人保")
        found = partner_span(query.norm, cand.clause.sent_norm)
        name = cand.clause.sent_norm[slice(*found)] if found else ""
        return bool(name) and _bare_or_of_kind(name, question_head(query.norm))
    span = entity_span(query, cand)
    if span is None:
        return False
    return ends_on_head(cand.doc.norm[span[0] : span[1]], question_head(query.norm))


def entity_span(query: Query, cand: Candidate) -> tuple[int, int] | None:
    """The name(s) the question asks for in the candidate's sentence, as document offsets.

    Two wh-phrases ("哪家企业跟哪个大学一起完成的") give one span from the first
    name to the second when they stand within :data:`MAX_SPAN` characters. A reading that
    is no name ("积极", "建设庆云", "每年给予平台500万元") gives way to the sentence's one
    name of the kind a copula question's subject ends on ("要建的通用机场是哪个").
    """
    found = _entity_span(query, cand)
    kind = subject_head(query.norm)
    name = cand.doc.norm[found[0] : found[1]] if found else ""
    base, sent = cand.clause.sent_start, cand.clause.sent_norm
    # (what a thing is called, "…的统一平台叫什么": a reading not of its kind gives way to
    # the one quoted name its kind's word follows, 统一的“司法链”平台)
    if found is not None and kind and _CALLED.search(query.norm) and not ends_on_head(name, kind):
        quoted = _quoted_of_kind(kind, sent)
        if quoted is not None:
            return base + quoted[0], base + quoted[1]
    # (a full name asked, "…那个科创园全称叫什么", ends on the kind of thing it names)
    unkind = bool(kind) and _FULL_NAME.search(query.norm) is not None and not name.endswith(kind)
    if found is None or not (_NO_NAME.search(name) or unkind):
        return found
    headed = headed_name(kind, sent) if kind else None
    if headed is None:
        # …or the quoted name its kind's word follows ("是哪个项目": “…材料”项目)
        quoted = _quoted_of_kind(question_head(query.norm), sent)
        return (base + quoted[0], base + quoted[1]) if quoted else found
    s, e = headed
    return base + _without_lead(sent, s, e, kind), base + e


_FULL_NAME = re.compile(r"(?:全称|全名)(?:是|叫|为)")
# A question asking what a thing is called.
_CALLED = re.compile(rf"{_FULL_NAME.pattern}|(?:名称|名字)(?:是|叫|为)|叫(?:什么|啥)")

# What a name is not: a stretch opening on a verb of what is done or a bare adverb, or
# stating an amount or a count ("3家"), or the kind closing a series ("…实验室等高能级平台":
# 等高能级平台).
_NO_NAME = re.compile(
    rf"^(?:{LEAD_VERBS.pattern})|^(?:{LEAD_ADVERBS})$|\d(?:万|亿)?元|%|^\d+[家个项件名所]$|^等"
)


def _quoted_of_kind(head: str, sent: str) -> tuple[int, int] | None:
    """The one quoted name in a sentence (written once or more) that the question's kind
    word follows ("“高效…材料”项目" for 哪个项目, “司法链”平台 for 统一平台), or None."""
    noun = m.group(0) if (m := HEAD_SUFFIX.search(head)) else head
    if len(noun) < 2:
        return None
    found = {sent[s:e]: (s, e) for s, e in quotes(sent) if sent.startswith(noun, e + 1)}
    return next(iter(found.values())) if len(found) == 1 else None


def _entity_span(query: Query, cand: Candidate) -> tuple[int, int] | None:
    """:func:`entity_span` as the readings give it."""
    base, sent = cand.clause.sent_start, cand.clause.sent_norm
    head = question_head(query.norm)
    # "在哪个城市办的": the sentence's one city, not a name ending on 城市
    place = asked_place(head, sent, query.norm) or venue(query.norm, sent)
    if place is not None:
        return base + place[0], base + place[1]
    described = after_descriptor(query.norm, cand)
    if described is not None:
        return described
    # "跟哪家保险公司签的保单" in "与中国人保签署…保单": who the deed was done with
    partner = partner_span(query.norm, sent)
    if partner is not None and _bare_or_of_kind(sent[slice(*partner)], head):
        return base + partner[0], base + partner[1]
    # "…的建设单位是哪家" in "…项目建设单位为中国移动…": the name the sentence states it is
    frame = wh_frame(query.norm)
    stated = frame is not None and _copula_stated(frame, sent)
    for reading in () if stated else READINGS:
        found = reading(query.norm, sent)
        if found is not None and not _GENERIC.match(sent[found[0] : found[1]]):
            s = with_owner(before_gap(query.norm), sent, found[0], found[1])
            e = s + to_head(sent[s : found[1]], head)
            # (a long head is more of the question read as one, unless the sentence writes
            # it: "天宫一号目标飞行器与…", whose name ends on it)
            if len(head) > MAX_HEAD and head in sent:
                if sent[s:e].endswith(head):
                    return base + s, base + e
            elif len(head) > MAX_HEAD or ends_on_head(sent[s:e], head):
                return base + s, base + e
            elif reading is inserted_name and _bare_or_of_kind(sent[s:e], head):
                # written where the question describes it, a name of no kind of its own
                # ("…黄淮学院申建…、金玉锋申建省玉米小分子肽重点实验室" for 哪家单位)
                return base + s, base + e
            # a name of another kind than asked ("“智慧社区”" for 哪个小区): read on
    spans = person_spans(query.norm, sent, entity_spans(query, sent))
    if not spans or not all(ends_on_head(sent[a:b], head) for a, b in spans):
        # "…的是哪所大学": the sentence's one name of that kind, wherever it stands.
        # (not the question's own words: "哪个区获评全国科普示范区" asks no 示范区)
        headed = headed_name(head, sent)
        if headed is not None and sent[headed[0] : headed[1]] not in query.norm:
            spans = [headed]
    if not spans:
        return None
    s, e = spans[0][0], spans[-1][1]
    if e - s > MAX_SPAN or e <= s:
        s, e = spans[0]
    return base + _without_lead(sent, s, e, head), base + with_head(query.norm, sent, s, e)


def _bare_or_of_kind(name: str, head: str) -> bool:
    """Whether a name is of the kind asked, or carries no kind of its own ("中国人保" for
    哪家保险公司: a short name of one)."""
    return ends_on_head(name, head) or HEAD_SUFFIX.search(name) is None


def _without_lead(sent: str, s: int, e: int, head: str) -> int:
    """Where a name read off a sentence starts past a verb opening it, what is done with it
    ("建设庆云通用机场" for 要建的通用机场), when a name of the asked kind is left."""
    lead = LEAD_VERBS.match(sent, s, e)
    if lead is None or not head or e - lead.end() <= len(head):
        return s
    return lead.end() if ends_on_head(sent[lead.end() : e], head) else s
