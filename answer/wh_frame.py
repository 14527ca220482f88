"""A question read as context around its wh-phrase(s) ("哪家企业", "是谁", "什么机构"):
the words on each side of the gap, the head noun each wh-phrase asks with, and the verbs a
report may write after the name (see :mod:`answer.entity` for finding the name in a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.places import find_places

GAP = "\x00"  # stands for the wh-phrase; never in a normalised sentence
_TOPIC = "\x01"  # stands for a place or time that only says which document
_WH = re.compile(
    # "哪两个部门": a count of names asked reads as one wh-phrase with its head
    r"哪儿|哪(?:一|几|[两二三四五六七八九十]+(?=[家个位所项种条座支批名]))?"
    r"(?:家|个|位|所|些|项|种|条|座|支|批|名)?(?!年|天|里|份)|谁|什么|啥"
)
# "第一个/第一家/第一次" as reports write them ("首个").
_FIRST = re.compile(r"第一(?=[个家次所批座位])")
# Head nouns that end a wh-phrase ("哪家保险公司", "哪个技术转移中心"); True when the name
# usually carries the head ("紫金山实验室", "…有限公司"), False when not ("中科曙光" for 企业).
HEADS: dict[str, bool] = {
    **dict.fromkeys(
        "企业 人 名字 名称 东西 内容 高校 项目 活动 称号 技术 产品 领导 书记"
        " 市长 副市长 省长 副省长 区长 县长 厅长 局长 主任".split(),
        False,
    ),
    **dict.fromkeys(
        "公司 大学 学校 学院 医院 实验室 研究院 研究所 中心 平台 园 基地 开发区 高新区 经开区"
        " 区 县 市 镇 街道 省 工程 计划 行动 协会 联盟 奖 会议 大会 产业 集群 模式 机制"
        " 办公室 园区 厂 矿 局 站 司 处 厅 委 部门 机构 系统"
        # places built and named: "金安通用机场", "太行一号旅游公路"
        " 机场 港口 码头 铁路 公路 高速 大桥 水库 公园 景区 口岸 枢纽"
        # places lived in: "枣庄市安乔东城国际小区"
        " 小区 社区 村"
        # "由哪个单位负责": a body, named by what it is (…局, …中心, …有限公司)
        " 单位"
        # bodies set up to lead a task: "…创新体系建设领导小组", "…工作专班"
        " 小组 委员会 专班 指挥部"
        # bodies named 会 short ("哪个标委会": 全国…标准化技术委员会)
        " 标委会 学会 商会 基金会 研究会 促进会 理事会"
        # places a firm starts in: "天润科技企业孵化器获科技部认定"
        " 孵化器 众创空间".split(),
        True,
    ),
}
# Heads whose names may end in a shorter form: a 园区 is named "…科技园" as often.
HEAD_FORMS: dict[str, tuple[str, ...]] = {
    "园区": ("园区", "园"),
    # "哪个部门": a department is named by what it is (省经济和信息化委, 市科技局)
    "部门": ("部门", "委", "委员会", "局", "厅", "部", "办", "办公室", "司", "处", "署", "中心"),
    # a 小区 is no 社区 or 区, though it ends alike
    # a body named 会 short is named whole: 标委会 is a 标准化技术委员会
    "标委会": ("标委会", "委员会"),
    "小区": ("小区",),
    "社区": ("社区",),
    # "哪家机构发布的": an institution is named by what it is (…研究院, …协会, …中心)
    "机构": (
        "机构",
        "研究院",
        "研究所",
        "院",
        "中心",
        "协会",
        "学会",
        "联盟",
        "委员会",
        "基金会",
        "大学",
        "学院",
        "学校",
        "局",
        "部",
        "所",
        "会",
        "社",
        "公司",
        "集团",
        "站",
        "馆",
        "台",
        "行",
        "办",
        "处",
        "室",
    ),
}
# "哪个单位负责": a body of any kind (a department, an institution, a company, a school,
# a park or an incubator that is honoured: "…大学科技园入选国家大学科技园").
HEAD_FORMS["单位"] = (
    "单位",
    *HEAD_FORMS["部门"],
    *HEAD_FORMS["机构"],
    "企业",
    "医院",
    "实验室",
    "科技园",
    "产业园",
    "园区",
    "孵化器",
    "众创空间",
)
HEAD_SUFFIX = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, HEADS), key=len, reverse=True)) + ")$"
)
# Characters that end a head noun: a verb or particle follows it ("哪家企业拿到…").
_NOT_HEAD = re.compile(r"[获得签建是为牵拿当入成办搞有在和与跟同被把将要了的把做作发印过]")
# Words whose characters would read as a verb alone ("研发中心" names no verb 发).
_BOUND = re.compile(r"研发|开发|发展|发明|建设|创建|成果|孵化|合作|办公")
# Verbs that link a subject to what it is ("海辰储能成为我市首家独角兽企业").
LINKING = ("成为", "作为", "担任", "当选", "荣获", "获评", "被评为", "被认定为", "入选", "是")
# A question's verb and the verbs a report writes for it.
_SAME_VERB: dict[str, tuple[str, ...]] = {
    "拿到": ("获得", "取得", "拿到", "获批", "获"),
    "获得": ("获得", "取得", "获批", "获"),
    "得到": ("获得", "取得", "得到"),
    "当": ("担任", "当选", "作为", "成为"),
    "建": ("建立", "建成", "建设", "创建", "打造", "建"),
    "签": ("签署", "签订", "签约", "签"),
    "搞": ("开展", "举办", "实施", "建设"),
    "办": ("举办", "承办", "主办", "办"),
}
_JOINED = re.compile(r"[跟和与同及]|以及")
_COPULA_END = re.compile(r"(?:的)?(?:是|为|叫)$")
# The full name asked of a thing ("…科创园全称叫什么"), which ends on its kind (…园)
WHOLE_NAME = re.compile(r"的?(?:全称|全名)$")
CLAUSE_MARK = re.compile(r"[,;。:!?]")
_TIME_WORDS = re.compile(
    r"(?:19|20)?\d{2}年(?:度)?|今年|去年|明年|上半年|下半年|全年|[一二三四1-4]季度|\d{1,2}[-—~至]\d{1,2}月"
)


@dataclass(frozen=True)
class WhFrame:
    """A question read as context around its wh-phrase(s).

    Attributes:
        patterns: readings of the context with :data:`GAP` where each wh-phrase
            stood, tried in order (a copula question has two: the name before
            what it is, or written right after it).
        heads: the head noun of each wh-phrase ("" when none).
        verbs: for each gap, the verbs that may follow the name in the report.
    """

    patterns: tuple[str, ...]
    heads: tuple[str, ...]
    verbs: tuple[tuple[str, ...], ...]


def _drop_topic(left: str) -> str:
    """Places and times that open the question say which document, not the name asked.

    A place written after a verb stays: "创建了杭州市什么区" asks for a name
    that begins with it.
    """
    for start, end, _ in reversed(find_places(left)):
        if start == 0 or end < len(left):
            left = left[:start] + _TOPIC + left[end:]
    return _TIME_WORDS.sub(_TOPIC, left)


def _head_of(rest: str) -> str:
    """The head noun after a wh-word: the longest start of ``rest`` ending in a known head
    that a verb or the question's end follows ("技术转移中心签了…"), else the longest one
    ("单位联合信标委大数据…" gives 单位: 联合 follows it, 大数据 the longer), else the
    nouns that open it (:func:`noun_head`)."""
    heads = [
        word
        for size in range(min(8, len(rest)), 0, -1)
        if HEAD_SUFFIX.search(word := rest[:size])
        and (word in HEADS or not _NOT_HEAD.search(_BOUND.sub("", word)))
    ]
    if not heads:
        return noun_head(rest)
    return next((h for h in heads if _verb_follows(rest[len(h) :])), heads[0])


def _verb_follows(after: str) -> bool:
    """Whether the words after a head start with a verb (or nothing follows)."""
    from index.text import pos_tags

    tagged = pos_tags(after[:6]) if after.strip() else []
    return not tagged or tagged[0][1].startswith(("v", "u", "p", "c"))


def noun_head(rest: str) -> str:
    """The nouns (jieba's n* tags, or a word of the domain dictionary) that open ``rest``
    up to its first other word: "孵化器拿到…" → 孵化器; "" unless 2-8 characters."""
    from index.text import pos_tags

    out = ""
    for word, flag in pos_tags(rest[:12]):
        if not (flag.startswith("n") or flag == "x") or _NOT_HEAD.search(_BOUND.sub("", word)):
            break
        out += word
    return out if 2 <= len(out) <= 8 else ""


def _verb_after(rest: str) -> tuple[str, ...]:
    """The ways a report may write the verb that follows the gap in the question."""
    rest = re.sub(r"^[了的过着来]", "", rest)  # ("…来组织": the verb after 来)
    for verb, same in _SAME_VERB.items():
        if rest.startswith(verb):
            return same
    return tuple(v for v in (rest[:2], rest[:1]) if re.fullmatch(r"[\u4e00-\u9fff]+", v))


@lru_cache(maxsize=1024)  # read once per question, not once per candidate sentence
def wh_frame(qnorm: str) -> WhFrame | None:
    """The question's context around its wh-phrases; None when it asks for no name."""
    q = _FIRST.sub("首", re.sub(r"[?？。!！\s]+$", "", qnorm))
    found = list(_WH.finditer(q))
    if not found:
        return None
    pieces: list[str] = []
    heads: list[str] = []
    pos = 0
    for m in found:
        head = _head_of(q[m.end() :])
        if pieces and _JOINED.fullmatch(q[pos : m.start()]):
            heads[-1] = head  # "哪家企业跟哪个大学": one stretch naming both
        else:
            pieces.append(q[pos : m.start()])
            heads.append(head)
        pos = m.end() + len(head)
    tail = q[pos:]
    bare_tail = not re.sub(r"[的了呢啊呀吗]", "", tail)
    if len(pieces) == 1 and bare_tail and _COPULA_END.search(pieces[0]):
        # "首家独角兽企业是哪家": the name stands before what it is, or right after it.
        subject = _drop_topic(_COPULA_END.sub("", pieces[0]).rstrip(",;:"))
        # "…协会换届后,新一届会长单位是谁": what the name is, is its own clause's words.
        subject = CLAUSE_MARK.split(subject)[-1] or subject
        # "…设立的那个科创园全称叫什么": the full name of what the subject is
        subject = WHOLE_NAME.sub("", subject)
        return WhFrame((GAP + subject, subject + GAP), (heads[0],), (LINKING,))
    pieces[0] = _drop_topic(pieces[0])
    verbs = [_verb_after(p) for p in (*pieces[1:], tail)]
    return WhFrame((GAP.join(pieces) + GAP + tail,), tuple(heads), tuple(verbs))


def subject_head(qnorm: str) -> str:
    """The kind a copula question's subject ends on ("要建的通用机场是哪个" → 通用机场): its
    noun after its last 的 when that is a short one ending on a known head, else the head
    alone ("打算筹建的国家级质检中心" → 中心); "" for none or no copula question."""
    nouns = subject_nouns(qnorm)
    if not nouns:
        return ""
    noun, kind = nouns
    return noun if len(noun) <= _SUBJECT_HEAD else kind


def subject_nouns(qnorm: str) -> tuple[str, str] | None:
    """A copula question's subject noun after its last 的 and the known head it ends on
    ("获批的全国重点实验室是哪个" → 全国重点实验室, 实验室); None for none."""
    frame = wh_frame(qnorm)
    if frame is None or len(frame.patterns) < 2:
        return None
    subject = frame.patterns[-1].rstrip(GAP)
    kind = HEAD_SUFFIX.search(subject)
    if kind is None:
        return None
    return subject.rsplit("的", 1)[-1], kind.group(0)


_SUBJECT_HEAD = 4  # characters of a subject's noun read whole as the kind asked


def question_head(qnorm: str) -> str:
    """The head noun of a question's one wh-phrase ("哪所大学" → "大学"; "" if none or two)."""
    frame = wh_frame(qnorm)
    return frame.heads[0] if frame is not None and len(frame.heads) == 1 else ""
