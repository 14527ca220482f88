"""Lists inside one sentence: items next to a count that names them ("A、B、C三大方面",
"三张清单:A、B、C", "四项工作,包括A,B,C,D等", "四个突破(A、B、C、D)"), and the honours a
sentence names ("荣获A,获评B、C及D"). Found by the shape of the text, whatever its topic
(see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.chunk import split_sentences
from corpus.enum_model import (
    ITEM_JOIN,
    LEAD_END,
    LEAD_VERB_WORDS,
    LEAD_VERBS,
    MAX_LEAD,
    MIN_ITEMS,
    Enumeration,
    Item,
    after_subject,
    past_bullet,
    split_at,
)
from corpus.model import Document
from corpus.numerals import cn_number
from corpus.phrase_lists import compound_counts

# Counters of things listed ("三项标准", "四个突破"); a count in words quotes its noun after
# them, or after 把/块 ("三把“金钥匙”").
_MEASURES = "个项大张条家所种类批座支"
_COUNT = re.compile(
    # (a text layer may set a digit apart: "等 6 种…装备")
    r"(?<![\d.一二三四五六七八九十百千万第])([两二三四五六七八九十]|\d{1,2}) ?"
    r"(?![年月日天号时点倍成岁次%])[\u4e00-\u9fff]"
    # the noun counted may be quoted after a count in words ("六个“百万级”品牌"; "2家“…”"
    # is a figure)
    rf"(?:(?<=[两二三四五六七八九十][{_MEASURES}把块])\"[\u4e00-\u9fff]{{1,8}}\"[\u4e00-\u9fff]{{0,6}}"
    r"|[\u4e00-\u9fff]{1,8}"
    # the counter alone, the items named right after ("共五层,分别为设备层、控制层…")
    r"|(?=,?(?:分别为|分别是|包括|即)))"
)
_NOUN_THEN = re.compile(r"[\u4e00-\u9fff]{1,6}[,:]?(?:即|包括|分别是|分别为)[:,]?")
_BAR_BEFORE = re.compile(r"(?:不少于|不低于|不超过|超过|至少|以上|约|近) ?$")
_HONOUR = re.compile(r"荣获|荣膺|获评|获得|获批|被评为|被授予|入选|列入|捧得|摘得")


_MAY_LIST = re.compile("[、及]|包括")
# Items a count names for 、 alone to be read as their separator when 和/与 then splits one
# too many ("…、综合运输安全风险防控与应急救援等6个技术方向"; "A、B和C两个…" is no such list)
_WHOLE_LAST = 4
_FROM_WITHIN = 8  # how far into a series' first piece "从" (what it starts from) may stand
_FROM = re.compile("[从從](?![严而])")


def inline_lists(doc: Document) -> list[Enumeration]:
    """Items inside one sentence: next to a count that names them, or honours won."""
    norm = doc.norm
    out: list[Enumeration] = []
    won: list[_Won] = []  # honours, sentence by sentence
    for s, e in split_sentences(norm, 0, len(norm), doc.text):
        sent = norm[s:e]
        if (
            "、" not in sent
            and "及" not in sent
            and "包括" not in sent
            and '""' not in sent
            and not _HONOUR.search(sent)
        ):
            continue
        verbs, spans = _honour_spans(norm, s, e)
        if spans:
            won.append(_Won(s, e, verbs, tuple(spans)))
        honours = (_HONOURS_HEAD + verbs, 0, spans) if len(spans) >= MIN_ITEMS else None
        found = _counted(norm, s, e) or ([honours] if honours else [])
        path = doc.path_at(s)
        for head, count, pieces in found:
            items = tuple(Item(a, b, s, e) for a, b in pieces)
            out.append(Enumeration("inline", path, s, e, f"{path} {head}", count, items))
    return out + _paragraph_honours(doc, won)


@dataclass(frozen=True)
class _Won:
    """The honours one sentence names: its span, its verbs and the honours' spans."""

    start: int
    end: int
    verbs: str
    spans: tuple[tuple[int, int], ...]


def _paragraph_honours(doc: Document, won: list[_Won]) -> list[Enumeration]:
    """The honours one paragraph names over several of its sentences ("…获评A。荣获B、C…"):
    one list of them all, each item quoting its own sentence, headed by the paragraph's
    opening words (a run-in heading, "(九)防范化解重大风险,社会大局和谐稳定")."""
    norm = doc.norm
    by_paragraph: dict[int, list[_Won]] = {}
    for w in won:
        by_paragraph.setdefault(norm.rfind("\n", 0, w.start) + 1, []).append(w)
    out = []
    for start, ws in by_paragraph.items():
        if len(ws) < 2:
            continue
        items = tuple(Item(a, b, w.start, w.end) for w in ws for a, b in w.spans)
        opening = norm[start : min(start + _OPENING, ws[0].start)].split("。")[0]
        verbs = " ".join(w.verbs for w in ws)
        path = doc.path_at(ws[0].start)
        head = f"{path} {opening} {_HONOURS_HEAD}{verbs}"
        out.append(Enumeration("inline", path, ws[0].start, ws[-1].end, head, 0, items))
    return out


_HONOURS_HEAD = "荣誉 集体荣誉 称号 获奖 "
_OPENING = 40  # how much of a paragraph's opening words head the honours it names


def _split_items(
    norm: str, a: int, b: int, joined: bool = True, quotes_whole: bool = False
) -> list[tuple[int, int]]:
    """Offsets of the pieces of ``norm[a:b]``, trimmed.

    Items are separated by "、"; "及/和/与" joins only the last two ("A、B和C"),
    as inside a name ("成套工艺与设计") it separates nothing; with ``joined`` False not
    even those (the count says so: "…、综合运输安全风险防控与应急救援等6个技术方向"); with
    ``quotes_whole`` a 、 inside quotes separates nothing ("科技企业“双倍增、双提升”、…").
    """
    quoted = _side_by_side(norm, a, b)
    if quoted:
        return quoted
    spans, pos = [], a
    marks = _unquoted_marks(norm, a, b) if quotes_whole else _marks(norm, a, b)
    for at in marks:
        spans.append((pos, at))
        pos = at + 1
    last = ITEM_JOIN.search(norm, pos, b) if joined else None
    if last is not None and last.start() > pos:
        spans.append((pos, last.start()))
        pos = last.end()
    spans.append((pos, b))
    out = []
    for x, y in spans:
        first = x == a
        # ("  --在A、B…等领域": a line's indent and dash bullet lead nothing)
        opening = past_bullet(norm, a, y) if first else a
        x = opening if first else x
        start = _FROM.search(norm, x, min(y - 3, x + _FROM_WITHIN)) if first else None
        if start is not None:
            x = start.end()  # "(甲区)从A、B…等六个方面": A is whole, whatever verb it opens with
        else:
            lead = LEAD_VERBS.match(norm, x, y) if first else None
            x = lead.end() if lead and lead.end() < y else x
            # "D细分行业应用标准包括原油加工、…": what is listed, after its subject's verb
            x = after_subject(norm, x, y) if first else x
        while x < y and norm[x] in ' "“(':
            x += 1
        # an item quoting a name of its own whole ("科技企业“双倍增、双提升”") keeps its quote
        named = norm.count('"', x, y) == 2 and norm[y - 1] == '"' and norm[x] != '"'
        while y > x and norm[y - 1] in ' "”)等' and not (named and norm[y - 1] == '"'):
            y -= 1
        quote = norm.rfind('"', x, y)
        if x == opening and quote >= 0 and quote + 2 < y and not named:
            x = quote + 1  # 挖掘“人才申报、…”: the list starts inside the quote
        if y - x >= 2:
            out.append((x, min(y, x + MAX_LEAD)))
    return out


def _marks(norm: str, a: int, b: int) -> list[int]:
    return [i for i in range(a, b) if norm[i] == "、"]


def _unquoted_marks(norm: str, a: int, b: int) -> list[int]:
    """Where 、 stands in ``norm[a:b]`` outside quotes: "科技企业“双倍增、双提升”、…" is one
    item, its quoted name holding a 、 of its own."""
    out, quoted = [], False
    for i in range(a, b):
        if norm[i] == '"':
            quoted = not quoted
        elif norm[i] == "、" and not quoted:
            out.append(i)
    return out if not quoted else _marks(norm, a, b)


# Quoted names written side by side with nothing between them: "“铜仁技工”“梵净大厨”…".
_SIDE_BY_SIDE = re.compile(r'"([^",;。、]{2,20})"(?="[^",;。、]{2,20}"|\s*$)')


def _side_by_side(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names of a stretch ending in quoted names side by side, without 、 between them
    ("实施“A”“B”“C”": A, B, C); [] when it ends otherwise or holds one name."""
    if "、" in norm[a:b] or not norm[a:b].rstrip().endswith('"'):
        return []
    names = [(m.start(1), m.end(1)) for m in _SIDE_BY_SIDE.finditer(norm, a, b)]
    # they must run together up to the stretch's end
    runs = len(names) >= 2 and all(
        names[i][1] + 1 == names[i + 1][0] - 1 for i in range(len(names) - 1)
    )
    return names if runs and norm[names[-1][1] + 1 : b].strip() == "" else []


def _counted(norm: str, s: int, e: int) -> list[tuple[str, int, list[tuple[int, int]]]]:
    """ "A、B、C“三张清单”" or "三张清单:A、B、C": the items must number the count.

    A sentence may hold several ("推动A、B、C三大先导产业…,加快发展D、E…六大重点产业").
    """
    found = []
    for m in _COUNT.finditer(norm, s, e):
        count = cn_number(m.group(1))
        if count < MIN_ITEMS or _BAR_BEFORE.search(norm, max(s, m.start() - 4), m.start()):
            continue  # "开展不少于 2 个…": a bar set, no count of items named
        clause_start = max(norm.rfind(c, s, m.start()) for c in ",;:(") + 1
        clause_start = max(clause_start, s)
        before = _split_items(norm, clause_start, m.start())
        if len(before) != count and count >= _WHOLE_LAST:  # "…、风险防控与应急救援等6个方向"
            whole = _split_items(norm, clause_start, m.start(), joined=False)
            before = whole if len(whole) == count else before
        if len(before) != count:  # "科技企业“双倍增、双提升”、…3大行动": a quoted name whole
            named = _split_items(norm, clause_start, m.start(), quotes_whole=True)
            before = named if len(named) == count else before
        if len(before) == count:
            found.append((m.group(0), count, _first_trimmed(norm, before)))
            continue
        measured = _MEASURED.match(norm, m.end(1) + (norm[m.end(1)] == " "))
        last = _last_of(norm, before, count) if measured else None
        if last is not None:
            found.append((m.group(0), count, last))
            continue
        inside = _parenthesised(norm, m.end() + (norm[m.end() : m.end() + 1] == '"'), e)
        if len(inside) == count:
            found.append((m.group(0), count, inside))
            continue
        # "“一都六基地”(A、B、…)": a compound count name, as many items as it sums
        compound = _compound_name(norm, m.start(), m.end())
        if compound and len(inside) == compound[1]:
            found.append((*compound, inside))
            continue
        after_at = m.end()
        while after_at < e and norm[after_at] in ' ":,(即包括分别是为':
            after_at += 1
        # "“九个坚持”重大原则,即坚持…、坚持…": what they are, then the items
        introduced = _NOUN_THEN.match(norm, after_at, e)
        after_at = introduced.end() if introduced else after_at
        stop = LEAD_END.search(norm, after_at, e)
        end = stop.start() if stop else e
        after = _split_items(norm, after_at, end)
        if len(after) != count:  # "…、坚持有效市场和有为政府相结合": 和 inside the last
            pieces = split_at(norm, after_at, end, "、")
            after = pieces if all(b - a >= 2 for a, b in pieces) else after
        if len(after) == count:
            found.append((m.group(0), count, after))
            continue
        commas = _comma_items(norm, m.end(), e)
        if len(commas) == count:
            # named by its clause's words too ("高等学校要重点推进四项工作")
            found.append((norm[clause_start : m.end()], count, commas))
    return found


def _first_trimmed(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first piece of short ones cut after its last "的" when it is more than twice the
    longest of the others ("首先把资源条件好的霍林河、伊敏河、平朔…等五大露天矿": 霍林河), or
    after the verb of being in a stage when it is half as long again ("是基于三亚处在经济复苏
    向好发力期、自贸港开放优势转化期…“四期叠加”": 经济复苏向好发力期)."""
    (x, y), rest = spans[0], spans[1:]
    if not rest:
        return spans
    longest = max(b - a for a, b in rest)
    at = norm.rfind("的", x, y)
    if at >= 0 and y - x > 2 * longest and y - at - 1 >= 2:
        return [(at + 1, y), *rest]
    stage = [m for m in _IN_STAGE.finditer(norm, x, y) if y - m.end() >= 2]
    if stage and 2 * (y - x) > 3 * longest:
        return [(stage[-1].end(), y), *rest]
    return spans


# Verbs of being in a stage or place, before what the items name ("处在…期、…期").
_IN_STAGE = re.compile(r"处在|处于|正处|进入|迈入|位于")


# A verb the count's first item follows in its piece ("…企业推广应用符合A、B、C三项标准"):
# one opening a list, or one acting on what it names; not one often inside a name
# ("一体化发展示范区", "住房和城乡建设局").
_IN_NAMES = ("建设", "发展", "重点发展")
_ACTS_ON = re.compile(
    "|".join(w for w in LEAD_VERB_WORDS if w not in _IN_NAMES)
    + r"|符合|采用|应用|使用|执行|参照|按照|依据|达到|支持"
    r"|鼓励|引导|认定|选取|确定|申报|组建|设立|成立|举办|出台|印发|制定"
)


_MEASURED = re.compile(f"[{_MEASURES}]")


def _last_of(norm: str, pieces: list[tuple[int, int]], count: int) -> list[tuple[int, int]] | None:
    """More pieces before a count than it counts ("鼓励各省、自治区…企业推广应用符合A、B、C三项
    标准"): its items are the last ones, the first of them from the verb its piece says last,
    one standing after what it acts on; None without such a verb."""
    if len(pieces) <= count:
        return None
    (x, _), rest = pieces[-count], pieces[-count + 1 :]
    y = norm.rfind("、", x, rest[0][0])  # the piece whole (its lead was cut at MAX_LEAD)
    if y < 0:
        return None
    verb = max(_ACTS_ON.finditer(norm, x, y - 2), key=lambda m: m.start(), default=None)
    if verb is None:
        return None
    start = verb.end()
    while start < y and norm[start] in ' "“(':
        start += 1
    return [(start, min(y, start + MAX_LEAD)), *rest] if y - start >= 2 else None


_SHORT_ITEM = 20  # an item set off by commas is a short phrase, not a clause of its own


_INCLUDING = re.compile(r"[ \"]*,?(?:包括|即|分别是|主要有)[:,]?")


def _comma_items(norm: str, at: int, e: int) -> list[tuple[int, int]]:
    """ "四项工作,包括A,B,C,D等": items set off by commas after the count and a word
    introducing them (包括, 即), up to the sentence's end or 等 ([] unless every one is a
    short phrase)."""
    intro = _INCLUDING.match(norm, at, e)
    if intro is None:
        return []
    at = intro.end()
    end = norm.find("等", at, e)
    end = end if end > 0 else e
    while end > at and norm[end - 1] in "。;,.!? \n":
        end -= 1
    spans = split_at(norm, at, end, ",、")
    ok = all(2 <= y - x <= _SHORT_ITEM and not LEAD_END.search(norm, x, y) for x, y in spans)
    return spans if ok else []


def _compound_name(norm: str, start: int, end: int) -> tuple[str, int] | None:
    """The quoted compound count name a count closes ("“一都六基地”": 一都六基地, 7), or None."""
    opening = norm.rfind('"', max(0, start - _COMPOUND_BEFORE), start)
    if opening < 0 or norm[end : end + 1] != '"':
        return None
    name = norm[opening + 1 : end]
    counts = compound_counts(name)
    return (name, sum(n for n, _ in counts)) if counts else None


_COMPOUND_BEFORE = 8  # how far before its last count a compound count name may open


def _parenthesised(norm: str, at: int, e: int) -> list[tuple[int, int]]:
    """ "四个突破(畜牧业养殖、东西合作,非公有制经济、旅游业)": the items in parentheses right
    after the count, however they are separated ([] when none follow)."""
    if at >= e or norm[at] != "(":
        return []
    close = norm.find(")", at, e)
    if close < 0:
        return []
    spans = split_at(norm, at + 1, close, "、,;")
    return [(x, y) for x, y in spans if 2 <= y - x <= MAX_LEAD]


_HONOUR_NOUN = re.compile(
    r"单位|称号|奖|等次|示范|先进|优秀|试点|荣誉|鼎|标兵|集体|模范|第一|名单|基地|城市|达标"
)


def _honour_spans(norm: str, s: int, e: int) -> tuple[str, list[tuple[int, int]]]:
    """ "荣获A,获评B、C及D": every honour of the sentence, and its verbs ("", [] for none).

    After each verb, pieces separated by 、/及/和 and by commas are honours
    while they name one (单位, 称号, 奖 …); the first piece that does not ends
    the verb's run.
    """
    marks = list(_HONOUR.finditer(norm, s, e))
    if not marks or not _HONOUR_NOUN.search(norm, s, e):
        return "", []
    spans: list[tuple[int, int]] = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else e
        end_m = re.search(r"[。;!?]", norm[m.end() : stop])
        stop = m.end() + end_m.start() if end_m else stop
        for clause in re.finditer(r"[^,]+", norm[m.end() : stop]):
            a, b = m.end() + clause.start(), m.end() + clause.end()
            pieces = _split_items(norm, a, b)
            if pieces and all(_HONOUR_NOUN.search(norm, x, y) for x, y in pieces):
                spans.extend(pieces)
            elif pieces and _HONOUR_NOUN.search(norm, max(a, b - 6), b):
                spans.append((pieces[0][0], min(b, pieces[0][0] + MAX_LEAD)))  # "区、县(市)…单位"
            else:
                break
    return " ".join(m.group(0) for m in marks), spans
