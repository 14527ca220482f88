"""Who takes the feedback a notice asks for: the units of its contact block.

A notice seeking comments ends with where to send them:

    联系方式:
    工业和信息化部装备工业司
    传真:010-…,邮箱:…
    国家标准化管理委员会工业二部
    传真:010-…

"国家标准委这边是哪个部门收意见" asks for the unit of that block the question's own body
names (国家标准化管理委员会…), "意见反馈给哪个司" for its first unit.

A call for applications says where each material is mailed: "科学技术部高技术研究发展中心,
寄送地址:北京市…". "预申报书要寄给哪个单位" asks for the unit before that address; of
several, the one under the line naming what the question quotes ("“制造基础技术与关键部件”
重点专项咨询电话:…" then its unit's address line).
"""

from __future__ import annotations

import re

from corpus.model import Document
from corpus.normalize import bigrams
from index.text import canonicalize

# A question asking where feedback or materials go, or whom to contact.
_ASKS_CONTACT = re.compile(
    r"(?:收(?!到)|反馈|报送|提交|寄送|发送|递交|送交)[^,;。?]{0,4}(?:意见|建议|材料)"
    r"|(?:意见|建议|材料)[^,;。?]{0,6}(?:反馈|报送|提交|寄|发|交)给?(?:哪|谁)"
    r"|联系(?:哪|谁)|找哪个|联系人"
)
# A person's name: two to four characters, a space or two may part them ("孙　维", "潘  庆")
_NAME = r"[\u4e00-\u9fff](?:[ \u3000]{0,2}[\u4e00-\u9fff]){1,3}"
# …whom, by name ("工信部装备工业司的联系人是谁"): the person beside the unit.
_ASKS_PERSON = re.compile(r"联系人(?:是|叫)?(?:谁|哪位|什么名字)|联系谁|找谁")
# A person after the unit on its line ("装备工业司　　 张荣瀚 010-68205624", "孙　维"): two to
# four characters (a space may part a two-character name), then a number.
_PERSON = re.compile(rf"[ \t\u3000]+({_NAME})(?=[ \t\u3000]*[\d(（])")
# …or on the line after the unit's ("…信息科学三处" then "联系人:吴国政").
_PERSON_BELOW = re.compile(
    r"[ \t\u3000]*\n[ \t\u3000]*联系人[:][ \t\u3000]*"
    rf"({_NAME})(?=[ \t\u3000]*(?:\n|$|[,;\d(]))"
)
# A line opening a contact block: "联系方式:", "联系人:", "联系人及电话:"; or a heading of
# one, numbered or not ("(四)咨询方式").
_BLOCK = re.compile(
    r"^[ \t\u3000]*(?:联系(?:方式|人|电话|单位)[^\n:]{0,4}[:]"
    r"|(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)?[ \t\u3000]*"
    r"(?:联系|咨询)(?:方式|电话)[ \t\u3000]*$)",
    re.MULTILINE,
)
_BLOCK_LINES = 8  # lines of a block read after its opening
# A unit at a line's start (after the opening's colon too): its name ends on an office.
_UNIT = re.compile(
    r"(?:^|(?<=[:]))[ \t\u3000]*([\u4e00-\u9fff]{2,30}?"
    r"(?:司|局|处|厅|委员会|办公室|中心|研究院|院|部|室|科|所))(?=[ \t\u3000]|$)",
    re.MULTILINE,
)
_DETAIL = re.compile(r"传真|电话|邮箱|地址|邮编|手机|\d{3,}")
_BLOCK_END = re.compile(r"附件|^\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日", re.MULTILINE)
# "工信部这边", "国家标准委那边": the clause naming the body whose unit is asked.
_WHOSE = re.compile(r"[^,;:?]*(?:这边|那边|方面)")


# A question asking whom something is mailed to ("寄给哪个单位", "寄到哪").
_ASKS_SENT_TO = re.compile(r"(?:寄|邮寄|寄送)(?:给|到|至)?[^,;。?]{0,6}(?:哪|谁)")
# A unit opening its line, then its mailing address ("…发展中心,寄送地址:北京市…").
_SENT_TO = re.compile(
    r"(?m)^[ \t\u3000]*([\u4e00-\u9fff()]{2,30}?(?:中心|研究院|院|所|局|部|司|处|厅|委员会|"
    r"办公室|公司|协会|学会|工作组)),?(?:寄送|邮寄|通讯|通信)?地址:"
)


def asks_sent_to(qnorm: str) -> bool:
    """Whether the question asks whom something is mailed to."""
    return bool(_ASKS_SENT_TO.search(qnorm))


def sent_to_unit(qnorm: str, doc: Document, quoted: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The unit a document mails things to: of those opening a line before their address,
    the first under a line (or on one) writing every name the question quotes in its clause
    asking (all it quotes when that quotes none), else the first; None when the document
    names no such unit."""
    ask = _ASKS_SENT_TO.search(qnorm)
    clause = qnorm[max(qnorm.rfind(",", 0, ask.start()), 0) : ask.end()] if ask else qnorm
    quoted = tuple(n for n in quoted if n in clause) or quoted
    norm = doc.norm
    found = [(m.start(1), m.end(1)) for m in _SENT_TO.finditer(norm)]
    if not found:
        return None
    for s, e in found:
        line_start = norm.rfind("\n", 0, s) + 1
        above = norm.rfind("\n", 0, max(0, line_start - 1)) + 1
        if quoted and all(n in norm[above:e] for n in quoted):
            return s, e
    return found[0]


def asks_contact(qnorm: str) -> bool:
    """Whether the question asks where feedback goes or whom to contact."""
    return bool(_ASKS_CONTACT.search(qnorm))


def asks_person(qnorm: str) -> bool:
    """Whether the question asks whom, by name, to contact."""
    return bool(_ASKS_PERSON.search(qnorm))


def contact_person(qnorm: str, doc: Document) -> tuple[int, int] | None:
    """The person the contact block names beside the unit the question asks for
    (:func:`contact_unit`), or None when its line names nobody."""
    unit = contact_unit(qnorm, doc)
    if unit is None:
        return None
    m = _PERSON.match(doc.norm, unit[1]) or _PERSON_BELOW.match(doc.norm, unit[1])
    return (m.start(1), m.end(1)) if m else None


def contact_units(norm: str) -> list[tuple[int, int]]:
    """Offsets of the units the document's contact blocks name, in order."""
    out = []
    for block in _BLOCK.finditer(norm):
        end = block.end()
        for _ in range(_BLOCK_LINES):
            nxt = norm.find("\n", end + 1)
            end = len(norm) if nxt < 0 else nxt
        stop = _BLOCK_END.search(norm, block.end(), end)
        end = stop.start() if stop else end
        for m in _UNIT.finditer(norm, block.start(), end):
            if not _DETAIL.search(m.group(1)):
                out.append((m.start(1), m.end(1)))
    return list(dict.fromkeys(out))  # (each once: blocks read on may overlap)


def contact_unit(qnorm: str, doc: Document) -> tuple[int, int] | None:
    """The unit of the document's contact block the question asks for: the one sharing most
    character pairs with the body the question names ("工信部这边": 工业和信息化部装备工业司;
    the whole question when it names none), else the first; None without a contact block."""
    units = contact_units(doc.norm)
    if not units:
        return None
    whose = _WHOSE.search(qnorm)
    words = canonicalize(whose.group(0) if whose else qnorm)
    pairs = bigrams(words)
    shared = [len(pairs & bigrams(canonicalize(doc.norm[s:e]))) for s, e in units]
    return units[shared.index(max(shared))]
