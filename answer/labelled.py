"""A field a notice labels on one line and fills in on the next.

    技术支持单位:
    中国信息通信研究院　　刘　迎　186…

"技术支持单位是哪家" finds the label line; its answer is the unit opening the line
after it (a name ending on a kind of body: 研究院, 中心, 公司, 局…), not the label.
"""

from __future__ import annotations

import re

from answer.extract import Candidate

# A question asking which body ("哪家", "哪个单位", "什么机构").
_ASKS_BODY = re.compile(
    r"哪家|哪(?:个|一个|些)?(?:单位|机构|部门|组织|公司)|什么(?:单位|机构|部门)"
)
# A label naming a body, alone at its line's end ("技术支持单位:", "牵头部门:").
_LABEL = re.compile(r"(?:单位|机构|部门|组织|方)[ \t\u3000]*:[ \t\u3000]*$")
# A body's name opening a line: ends on a kind of body, then a space, a mark or the line's end.
_BODY = re.compile(
    r"[ \t\u3000]*([\u4e00-\u9fff()]{2,30}?(?:研究院|研究所|研究中心|中心|院|所|公司|集团|大学|"
    r"学院|协会|学会|联盟|委员会|办公室|司|局|处|厅|部|银行|医院))(?=[ \t\u3000,;、]|$)",
    re.MULTILINE,
)


def labelled_body(qnorm: str, best: Candidate) -> tuple[int, int] | None:
    """The body filling in the label line the best clause is, when the question asks which
    body; None otherwise (no label, or no body's name opening the next line)."""
    if not _ASKS_BODY.search(qnorm):
        return None
    norm, c = best.doc.norm, best.clause
    line_end = norm.find("\n", c.start)
    if line_end < 0 or not _LABEL.search(norm, c.start, line_end):
        return None
    nxt = line_end + 1
    while nxt < len(norm) and norm[nxt] == "\n":
        nxt += 1
    m = _BODY.match(norm, nxt)
    return (m.start(1), m.end(1)) if m else None
