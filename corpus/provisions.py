"""Provisions: figures a policy sets as a standard, neither achieved nor planned.

"对新认定的企业给予最高50万元奖励", "按不超过建设总投入的30%予以资助", "给予每人800万元
奖励", the bar a grant is paid for ("年销售收入首次达到2000万元…的，分别给予…") and what
a rule requires ("数据应经过2人或以上进行标注", "负责人限申报1个项目") state no figure of
any year: the facts table counts them with the targets (``kind`` "target"), never as
what was achieved. A grant reported as paid ("发放各类补贴8920万元", "兑现奖励资金2亿
元", "补助标准提高到640元") names no standard (最高, 每家, 按…比例, 分别…给予) and
stays an actual.
"""

from __future__ import annotations

import re

_GRANT = "给予|予以|奖励|奖补|补助|补贴|资助|扶持|贴息"
# A cap or a one-off with its grant, right before the figure: "给予最高", "最高资助",
# "一次性奖励", "最高不超过".
_CAP = re.compile(rf"(?:{_GRANT})(?:最高|不超过)$|(?:最高|一次性)(?:{_GRANT}|不超过)$")
# A grant a few characters before the figure ("给予特等奖", "每家补助", "给予军工单位")
# with a standard word in the clause ("分别给予…", "给予每人…", "按每名…").
_GRANTED = re.compile(rf"(?:{_GRANT})[^,;。\d]{{0,8}}$")
_STANDARD = re.compile(r"最高|不超过|一次性|分别|每(?:人|名|家|个|项|户|证)|按(?!时|期|要求|计划)")
# The figures of a list before this one ("分别给予1000万元、800万元、", "国家级500万元、
# 省级"): the grant is said before the first.
_LISTED = re.compile(r"\d[^,;。]*、[^,;。\d]{0,4}$")
# A share the grant is measured by, said after it: "…的30%给予补助", "…的50%予以资助",
# "给予实际采购费用30%的补贴".
_GRANT_AFTER = re.compile(
    rf"(?:的)?(?:比例)?(?:给予|予以|的)?(?:最高)?(?:一次性)?(?:财政)?(?:{_GRANT})"
)
_RATE = re.compile(rf"按(?!时|期|要求|计划)|(?:{_GRANT})")
# The bar of a grant: the figure's clause ends "…的," and the next one grants ("年营业收入
# 达到2000万元以上…的,给予", "首次突破1000亿元…的法人企业,分别给予").
_BAR = re.compile(rf"[^,;。]*?的[^,;。]{{0,8}}[,;][^,;。获]{{0,6}}?(?:{_GRANT})")
# Grants paid or a standard changed, as a review reports them: "发放一次性补贴1.87亿元",
# "兑现…奖励资金", "补助标准分别提高到158元".
_PAID = re.compile(r"发放|兑现|拨付|下达|争取|筹措|(?:提高|增加|提升|上调|降低|下降)(?:到|至)?")
# What a rule requires: "应经过2人或以上", "应不低于画面的", "限申报1个", "不得超过2个".
_REQUIRED = re.compile(
    r"(?:应当?|须|必须)(?:经过|不少于|不低于|不超过|达到|具有|具备|至少|满足)[^,;。]{0,8}$|"
    r"限(?:申报|报)$|不得(?:超过|少于|低于)$"
)


def is_provision(s: str, start: int, end: int, clause: int) -> bool:
    """Whether the figure at ``start:end`` of the masked sentence ``s`` (its clause
    starting at ``clause``) is a provision: a grant's standard, its bar or a rule."""
    before = s[clause:start]
    if _PAID.search(before):
        return False
    head = _LISTED.sub("", before)
    if _CAP.search(head) or _REQUIRED.search(before):
        return True
    if _GRANTED.search(head) and _STANDARD.search(before):
        return True
    if _RATE.search(before) and _GRANT_AFTER.match(s, end):
        return True
    return bool(_BAR.match(s, end))
