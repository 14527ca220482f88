"""Lists a sentence names in a phrase rather than numbering them.

* compound count names: "“两地五中心”" (two 地 and five 中心) heads a paragraph whose
  sentences each end by naming one of them ("…,建设全国休闲旅游度假目的地。…,全力建设
  区域创新创业高地。…"): the items are those endings, when there are exactly as many;
* quoted series: a quotation of three or more short phrases separated by 、
  ("按照“构建一个体系、把握双重属性、坚持三位一体、强化四大支撑”进行布局");
* same-noun series: three or more names of one clause, separated by 、, that all end with
  the same noun ("着力培育化工产业基地、碳纤维产业基地、冰雪产业基地、清洁能源基地");
  or of the clauses of one sentence, each a verb and its names ("建设好甲山实验室、乙湖
  实验室,组建丙城实验室");
* colon series (:mod:`corpus.colon_series`): names after "有:" / "包括:" / "如:", or
  after 包括 filling its clause;
* kind series: three or more names separated by 、 and closed by 等 and the noun they are
  of ("主要实现暴力分拣检测、违规行为检测、烟火识别等功能"): a list of that noun; or
  quoted side by side ("开展“提速惠企”“云光惠企”“企业上云”等专项行动");
* counted series: names separated by 、 and closed by their count and noun, exactly as many
  as it counts ("建设国家重要能源原材料基地、…、黄河中游和华北地区生态屏障6个方面重点方向").

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.enum_model import (
    ITEM_JOIN,
    LEAD_VERBS,
    MAX_LEAD,
    Enumeration,
    Item,
    after_subject,
    past_bullet,
    sentence_end,
    sentence_start,
    split_at,
)
from corpus.model import Document
from corpus.numerals import cn_number

MIN_SERIES = 3  # a quotation of two phrases is a pair, not a list
MAX_SERIES_ITEM = 12  # longer pieces are clauses, not names
_COUNT_NAME = re.compile(r"\"((?:[一二两三四五六七八九十]+[\u4e00-\u9fff]{1,2}){2,4})\"")
_COUNTED = re.compile(
    r"([一二两三四五六七八九十]+)([\u4e00-\u9fff]{1,2}?)(?=[一二两三四五六七八九十]|$)"
)
# A sentence's last clause, after the verb that builds what it names.
_ENDING = re.compile(r"(?:建设|打造|建成|创建|争创|建好|培育)([^,;。]{2,30})。")
# (every quotation matched, however short, so that quotes pair as written: a short one
# skipped would pair its closing quote with the next opening one)
_SERIES = re.compile(r"\"([^\"\n]{1,80})\"")
MIN_QUOTED = 5  # characters of a quotation holding a series
_NOT_A_NAME = re.compile(r"[。,;:!?\s]")
_CLAUSE = re.compile(r"[^,;。:!?\n]+")
MAX_NOUN_ITEM = 20  # a longer piece of a 、-series is a clause, not a name
MIN_SHARED_NOUN = 2  # characters the names must end with alike ("基地", "产业链")
MIN_INFIX_SERIES = 4  # phrases of one make sharing a character inside ("…更充分、…更公平")


def compound_counts(name: str) -> list[tuple[int, str]]:
    """("两地五中心") → [(2, "地"), (5, "中心")]; [] when the name does not parse whole."""
    found = list(_COUNTED.finditer(name))
    if len(found) < 2 or "".join(m.group(0) for m in found) != name:
        return []
    return [(cn_number(m.group(1)), m.group(2)) for m in found]


def count_name_lists(doc: Document) -> list[Enumeration]:
    """A quoted compound count name, then as many sentence endings naming its nouns."""
    norm = doc.norm
    out = []
    for m in _COUNT_NAME.finditer(norm):
        counts = compound_counts(m.group(1))
        if not counts:
            continue
        nouns = tuple(c for _, c in counts)
        para_end = norm.find("\n", m.end())
        para_end = len(norm) if para_end < 0 else para_end
        items = []
        for e in _ENDING.finditer(norm, m.end(), para_end):
            if e.group(1).endswith(nouns):
                sent_start = sentence_start(norm, e.start())
                items.append(Item(e.start(1), e.end(1), sent_start, e.end()))
        if len(items) != sum(n for n, _ in counts):
            continue
        path = doc.path_at(m.start())
        head = f"{path} {m.group(1)}"
        out.append(
            Enumeration(
                "inline",
                path,
                items[0].sent_start,
                items[-1].sent_end,
                head,
                len(items),
                tuple(items),
            )
        )
    return out


def quoted_series(doc: Document) -> list[Enumeration]:
    """Quotations of at least :data:`MIN_SERIES` short phrases separated by 、."""
    norm = doc.norm
    out = []
    for m in _SERIES.finditer(norm):
        if len(m.group(1)) < MIN_QUOTED:
            continue
        pieces = m.group(1).split("、")
        if len(pieces) < MIN_SERIES or any(not 2 <= len(p) <= MAX_SERIES_ITEM for p in pieces):
            continue
        if _NOT_A_NAME.search(m.group(1)):
            continue  # quotes paired across sentences, or clauses: no series of names
        items, at = [], m.start(1)
        sent_start, sent_end = sentence_start(norm, m.start()), sentence_end(norm, m.end())
        for p in pieces:
            items.append(Item(at, at + min(len(p), MAX_LEAD), sent_start, sent_end))
            at += len(p) + 1
        path = doc.path_at(m.start())
        # named by its own clause: the words before it and after it ("开展“A、B…”五大行动",
        # "以“1家…、8个…”为主体的科技力量矩阵"), not another quotation's of its sentence
        opening = max(sent_start, *(norm.rfind(c, sent_start, m.start()) + 1 for c in ",;:"))
        closing = min(
            (i for i in (norm.find(c, m.end(), sent_end) for c in ",;:。") if i >= 0),
            default=sent_end,
        )
        head = f"{path} {norm[opening : m.start()]} {norm[m.end() : closing]}"
        out.append(
            Enumeration("inline", path, sent_start, sent_end, head, len(items), tuple(items))
        )
    return out


def same_noun_series(doc: Document) -> list[Enumeration]:
    """A clause's 、-series of at least :data:`MIN_SERIES` names ending with one noun."""
    norm = doc.norm
    out = []
    for clause in _CLAUSE.finditer(norm):
        # (two 、 at least, or one and a join before the last: "A、B和C")
        joins = 1 if ITEM_JOIN.search(clause.group(0)) else 0
        if clause.group(0).count("、") + joins < MIN_SERIES - 1:
            continue
        spans = _names_of(norm, clause.start(), clause.end())
        if not spans:
            continue
        sent_start = sentence_start(norm, clause.start())
        sent_end = sentence_end(norm, clause.end())
        items = tuple(Item(x, min(y, x + MAX_LEAD), sent_start, sent_end) for x, y in spans)
        path = doc.path_at(clause.start())
        head = f"{path} {norm[sent_start : spans[0][0]]}"
        out.append(Enumeration("inline", path, sent_start, sent_end, head, len(items), items))
    return out


def _names_of(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The pieces of ``norm[a:b]`` between 、 (the first without its verb, the last
    without 等), when every one is a short name with no figure and all end alike."""
    spans, pos = [], a
    for piece in norm[a:b].split("、"):
        spans.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    x, y = spans[0]
    verb = LEAD_VERBS.search(norm, x, min(y, x + 6))
    if verb is None and y - x > MAX_NOUN_ITEM:
        # "…的产品应至少满足模拟仿真测试要求、…": past the last verb leading the series
        verb = next(reversed(list(LEAD_VERBS.finditer(norm, x, y))), None)
        if verb is not None and norm[verb.end() : verb.end() + 1] in _NO_OPENING:
            verb = None  # "…平台建设与运维…", "支持祖国建设和统一的…": a verb inside a name
    spans[0] = (verb.end(), y) if verb is not None and verb.end() < y else (x, y)
    x, y = spans[-1]
    spans[-1] = (x, y - 1) if norm[y - 1] == "等" else (x, y)
    names = [norm[x:y].strip(' "“”') for x, y in spans]
    if any(not 3 <= len(n) <= MAX_NOUN_ITEM or re.search(r"\d", n) for n in names):
        return []
    shared = 0
    while shared < min(map(len, names)) and len({n[-1 - shared] for n in names}) == 1:
        shared += 1
    if shared >= MIN_SHARED_NOUN:
        spans = _last_joined(norm, spans, names[0][-shared:])
        return spans if len(spans) >= MIN_SERIES else []
    if len(spans) < MIN_SERIES:
        return []
    # "努力实现就业更充分、教育更公平…": the first piece carries the clause's verb; its
    # item is as long as the others.
    size = len(names[-1])
    if len(names[0]) > size and _same_make([names[0][-size:], *names[1:]]):
        x, y = spans[0]
        return [(y - size, y), *spans[1:]]
    return spans if _same_make(names) else []


_NO_OPENING = "的了和与及之为"  # characters no name opens on


def _last_joined(norm: str, spans: list[tuple[int, int]], ending: str) -> list[tuple[int, int]]:
    """``spans`` with the last split at its join when its first half ends on the names'
    shared ``ending`` too ("市场环境和创新环境"); whole otherwise (a name with 和 inside,
    "教育和科技基地": 教育 is no 基地)."""
    x, y = spans[-1]
    for m in ITEM_JOIN.finditer(norm, x, y):
        first = norm[x : m.start()].strip(' "“”')
        if first.endswith(ending) and len(first) > len(ending):
            return [*spans[:-1], (x, m.start()), (m.end(), y)]
    return spans


def _same_make(names: list[str]) -> bool:
    """Phrases of one make: as long, with one character in the same place inside them
    ("就业更充分、教育更公平、出行更通畅、市容更精美"), at least :data:`MIN_INFIX_SERIES`."""
    if len(names) < MIN_INFIX_SERIES or len({len(n) for n in names}) != 1:
        return False
    return any(len({n[i] for n in names}) == 1 for i in range(1, len(names[0]) - 1))


# A clause that is a verb of building and the names it builds ("组建丙城实验室").
_BUILDING = re.compile(r"(?:建设好|建好|组建|新建|建设|创建|争创|打造|培育|建成|推进|筹建)")
_SENTENCE = re.compile(r"[^。;\n]+")


def clause_series(doc: Document) -> list[Enumeration]:
    """Names ending with one noun, at least :data:`MIN_SERIES` of them, over two or more
    clauses of a sentence that each name what a verb builds."""
    norm, out = doc.norm, []
    for sent in _SENTENCE.finditer(norm):
        if sent.group(0).count(",") < 1 or "、" not in sent.group(0):
            continue  # the common case, at once
        run: list[tuple[int, int]] = []
        clauses = 0
        for clause in _CLAUSE.finditer(norm, sent.start(), sent.end()):
            names = _built_names(norm, clause.start(), clause.end())
            if names and (not run or _alike(norm, [*run, *names])):
                run, clauses = run + names, clauses + 1
                continue
            if clauses >= 2 and len(run) >= MIN_SERIES:
                out.append(series_of(doc, run))
            run, clauses = names, int(bool(names))
        if clauses >= 2 and len(run) >= MIN_SERIES:
            out.append(series_of(doc, run))
    return out


def _built_names(norm: str, a: int, b: int) -> list[tuple[int, int]]:
    """The names a clause of a verb of building names, or [] when it is another clause."""
    verb = _BUILDING.match(norm, a)
    if verb is None:
        return []
    spans, pos = [], verb.end()
    for piece in norm[verb.end() : b].split("、"):
        spans.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    names = [norm[x:y] for x, y in spans]
    if any(
        not 3 <= len(n) <= MAX_NOUN_ITEM or _NOT_A_NAME.search(n) or re.search(r"\d", n)
        for n in names
    ):
        return []
    return spans if len(spans) == 1 or _alike(norm, spans) else []


def _alike(norm: str, spans: list[tuple[int, int]]) -> bool:
    """Whether names end with the same noun (:data:`MIN_SHARED_NOUN` characters)."""
    return len({norm[y - MIN_SHARED_NOUN : y] for _, y in spans}) == 1


def series_of(doc: Document, spans: list[tuple[int, int]]) -> Enumeration:
    norm = doc.norm
    sent_start, sent_end = sentence_start(norm, spans[0][0]), sentence_end(norm, spans[-1][1])
    items = tuple(Item(x, min(y, x + MAX_LEAD), sent_start, sent_end) for x, y in spans)
    path = doc.path_at(spans[0][0])
    head = f"{path} {norm[sent_start : spans[0][0]]}"
    return Enumeration("inline", path, sent_start, sent_end, head, len(items), items)


def series_at(doc: Document, pattern: re.Pattern[str]) -> list[tuple[re.Match[str], list]]:
    """Each match of ``pattern`` with the offsets of the pieces of its 、-series (group 1)."""
    return [(m, split_at(doc.norm, m.start(1), m.end(1), "、")) for m in pattern.finditer(doc.norm)]


# "A、B、C等功能": three or more short names, closed by 等 and the kind they are of.
_KIND_SERIES = re.compile(
    r"((?:[^、,;。:!?\n]{2,20}、){2,}[^、,;。:!?\n]{2,20}?)等([\u4e00-\u9fff]{2,4}?)(?=[,;。:!?(\n]|$)"
)


# "出台实施A、B、…等领域创新发展支持政策", "A、B、…等主导产业新签约项目78个": the series
# closed by 等 and the field, aspect or trade its names are of (with its qualifier), what is
# done in them following (head: "等" + all of it).
# (…or the places they are: "提升紫竹、杨浦、…等区域创新发展能级"; the kind qualified,
# "…、商业航天等战略性新兴产业和未来产业")
_FIELDS = "领域|方面|行业|产业|环节|场景|方向|学科|专业|区域|地区|片区|园区"
_FIELD_SERIES = re.compile(
    r"((?:[^、,;。:!?\n]{2,20}、){2,}[^、,;。:!?\n]{2,20}?)"
    rf"等([\u4e00-\u9fff]{{0,6}}?(?:{_FIELDS})的?[^,;。:!?(\n、]{{0,16}})"
    r"(?=[,;。:!?(\n、]|$)"
)


def kind_series(doc: Document) -> list[Enumeration]:
    """A series of names closed by 等 and the noun naming their kind (head: "等" + noun)."""
    norm = doc.norm
    out = []
    kinds = series_at(doc, _KIND_SERIES)
    read = {m.span(1) for m, _ in kinds}  # ("…等领域改革": read once)
    found = kinds + [(m, s) for m, s in series_at(doc, _FIELD_SERIES) if m.span(1) not in read]
    for m, spans in found:
        spans[0] = (past_bullet(norm, *spans[0]), spans[0][1])
        lead = LEAD_VERBS.match(norm, *spans[0])
        if lead and lead.end() < spans[0][1]:
            spans[0] = (lead.end(), spans[0][1])
        else:  # (…nor the subject setting them out: "体系结构包括“A基础共性”、…等三个部分")
            spans[0] = (after_subject(norm, *spans[0]), spans[0][1])
        out.append(_of_kind(doc, spans, m.group(2)))
    return out


def _of_kind(doc: Document, spans: list[tuple[int, int]], kind: str) -> Enumeration:
    """The series of names at ``spans`` closed by 等 ``kind``: named by its own clause's words
    and its kind, not the sentence's other clauses."""
    norm, found = doc.norm, series_of(doc, spans)
    opening = max(norm.rfind(c, found.start, spans[0][0]) for c in ",;:") + 1
    own = norm[max(opening, found.start) : spans[0][0]].rstrip('"')
    return replace(found, head=f"{found.section} {own} 等{kind}")


# "开展“提速惠企”“云光惠企”“企业上云”等专项行动": quoted names set side by side, closed by 等
# and their kind.
QUOTED_RUN = re.compile(
    rf"((?:\"[^\"\n,;。、]{{2,{MAX_SERIES_ITEM}}}\"){{{MIN_SERIES},}})等([\u4e00-\u9fff]{{2,4}}?)"
    r"(?=[,;。:!?(\n]|$)"
)
_QUOTED_NAME = re.compile(r"\"([^\"]+)\"")


def quoted_run(doc: Document) -> list[Enumeration]:
    """Quoted names side by side, without marks between, closed by 等 and their kind."""
    out = []
    for m in QUOTED_RUN.finditer(doc.norm):
        names = _QUOTED_NAME.finditer(doc.norm, m.start(1), m.end(1))
        out.append(_of_kind(doc, [(n.start(1), n.end(1)) for n in names], m.group(2)))
    return out


# "A、B、…、F6个方面重点方向": names closed by the count of them and what they are; the
# count phrase ends the list's head, where answer.lists reads it back.
SERIES_COUNT = r"([两二三四五六七八九十]|\d{1,2})(个方面|个|项|大|条|类|种|张|方面)"
_COUNTED_SERIES = re.compile(
    r"((?:[^、,;。:!?\n]{2,30}、)+[^、,;。:!?\n]{2,30}?)"
    rf"(?<![\d.]){SERIES_COUNT}"
    r"([\u4e00-\u9fff]{2,6}?)(?=[,;。:!?(\n]|$)"
)
# …or closed by 等 and a quoted count name and noun ("A、B、C、D等“四新”未来产业")
_QUOTED_COUNTED_SERIES = re.compile(
    r"((?:[^、,;。:!?\n\"]{2,30}、)+[^、,;。:!?\n\"]{2,30}?)"
    r"等\"([两二三四五六七八九十])([\u4e00-\u9fff]{1,2})\""
    r"([\u4e00-\u9fff]{2,6}?)(?=[,;。:!?(\n]|$)"
)
# What opens the first name's clause, not the name: "锚定省委确定的建设…", "…是指".
_OPENING_WORDS = re.compile(
    r"^[^、]*(?:的|建设|打造|构建|培育|建成|聚焦|围绕|锚定|是指)(?=[^的]{2,})"
)


def counted_series(doc: Document) -> list[Enumeration]:
    """Names separated by 、 closed by their own count and noun ("…6个方面重点方向", "…等
    “四新”未来产业"), when the count is the number of names; named by that count phrase."""
    norm = doc.norm
    out = []
    series = series_at(doc, _COUNTED_SERIES) + series_at(doc, _QUOTED_COUNTED_SERIES)
    for m, spans in series:
        names = [norm[a:b] for a, b in spans]
        # "新增平台2个、产业园2个": figures, not names; "…2个" names no kind
        if cn_number(m.group(2)) != len(spans) or len(m.group(4)) < 2:
            continue
        # a quoted series ("挖掘“人才申报、科研项目、转化成果”三张清单", its marks
        # unbalanced in its pieces) is read whole by quoted_series; figures are no names
        if any(re.search(r"\d", name) or len(re.findall(r"[\"“”]", name)) % 2 for name in names):
            continue
        first = norm[slice(*spans[0])]
        opening = _OPENING_WORDS.match(first) or LEAD_VERBS.match(first)
        if opening and opening.end() < len(first) - 1:
            spans[0] = (spans[0][0] + opening.end(), spans[0][1])
        spans[0] = (after_subject(norm, *spans[0]), spans[0][1])  # "…内容包括A、B…"
        if norm[spans[-1][1] - 1] == "等":  # "…生物医药等十大新兴产业"
            spans[-1] = (spans[-1][0], spans[-1][1] - 1)
        found = series_of(doc, spans)
        counted = norm[m.end(1) : m.end()].removeprefix("等")
        out.append(replace(found, head=f"{found.head} {counted}"))
    return out
