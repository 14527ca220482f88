"""Document and section metadata inferred from the text.

A sidecar manifest in the indexed folder (see :mod:`corpus.sidecar`) overrides
anything inferred here.
"""

from __future__ import annotations

import re
from collections import Counter

from corpus.doc_kinds import is_status, kind_line, kind_of
from corpus.places import (
    LEVEL_RANK,
    NATIONAL,
    Place,
    ancestors,
    find_places,
    place_lookup,
)

# A year as a text writes it; PDF text layers space it from its 年 ("2019 年度").
YEAR_WRITTEN = r"((?:19|20)\d{2})\s?年"
_YEAR = re.compile(YEAR_WRITTEN)
# Another document's title ("《规划纲要(2006—2020年)》"): its years are not this text's.
CITED_TITLE = re.compile(r"《[^《》]{0,80}》")
_DATE_CN = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")
_DATE_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[(\[]((?:19|20)\d{2})[)\]]\d{1,4}号")

_CONGRESS = re.compile(r"在([\u4e00-\u9fff]{2,12}?)第[一二三四五六七八九十]{1,4}届人民代表大会")


_SPEAKER = re.compile(r"代表(省|市|州|盟|区|县)人民政府")
_WEAK_PLACE = 2  # a place named once or twice by its short form says little of the author
_SPEAKER_LEVEL = dict(省="province", 市="city", 州="city", 盟="city", 区="district", 县="district")


# The salutation of a provincial government's document: its cities' governments and its
# own departments ("各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构").
_TO_PROVINCE_BODIES = re.compile(r"省政府各部门|省直各部门|省直有关部门")
# …and a city's, to its districts and its own departments.
_TO_CITY_BODIES = re.compile(r"市级有关部门|市政府各部门|市直各?有关?部门|各区、?县")


def _province_of(scores: Counter[str]) -> str:
    """The province the named places belong to, weighted by how often each is named."""
    lookup = place_lookup()
    provinces: Counter[str] = Counter()
    for name, score in scores.items():
        chain = (name, *ancestors(name)) if name in lookup else ()
        places = (lookup[p] for p in chain if p in lookup)
        province = next((p for p in places if p.level == "province"), None)
        if province is not None:
            provinces[province.name] += score
    return provinces.most_common(1)[0][0] if provinces else ""


def _score_places(text: str, scores: Counter[str]) -> None:
    """Add how strongly ``text`` names each place: a full name more than a short one, an
    author's office ("…区科技局", "XX市人民政府") more; places listed three or more in a
    row ("参加了郑州、南宁、乌鲁木齐、兰州等洽谈会") are others, named as examples."""
    found = find_places(text)
    listed = _listed(text, found)
    for i, (start, end, place) in enumerate(found):
        if i in listed:
            continue
        scores[place.name] += 3 if text[start:end] == place.name else 1
        if re.match(r"(科学技术局|科技局|人民政府|政府|委员会)", text[end : end + 6]):
            scores[place.name] += 3


def _listed(text: str, found: list[tuple[int, int, Place]]) -> set[int]:
    """Indices of the places standing in a run of three or more joined by 、 only."""
    out: set[int] = set()
    run = [0] if found else []
    for i in range(1, len(found) + 1):
        if i < len(found) and text[found[i - 1][1] : found[i][0]] == "、":
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = [i]
    return out


# What a central document writes of itself: the whole country, the State Council and the
# Party centre, and the central departments that issue and carry out its rules (教育部,
# 交通运输部, 国家能源局, 中国气象局 …), named by a document that names no place of its own.
_NATIONAL_CUES = re.compile(
    r"全国|我国|各省、自治区、直辖市|国务院|党中央"
    r"|(?:教育|科学技术|科技|工业和信息化|公安|民政|司法|财政|人力资源和社会保障|自然资源"
    r"|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|退役军人事务|应急管理"
    r"|外交|国防)部|国家[一-龥]{2,10}?(?:局|委员会)|国家发展改革委|国家卫生健康委"
    r"|中国(?:气象|地震)局|中国人民银行|审计署|国家网信办"
)


def infer_region(title: str, norm: str) -> str:
    """The place a document is about: the most named, most specific place.

    Args:
        title: normalised title.
        norm: normalised text.

    Returns:
        Full place name such as "余杭区" or "杭州市"; "全国" for national
        documents; "" when unknown.
    """
    head = norm[:6000]
    # The State Council's report is the country's;
    # "在杭州市第十四届人民代表大会…" names the congress (and so the place) it is delivered to.
    if state_council_report(head) or re.search(r"全国人民代表大会第", head[:300]):
        return NATIONAL
    congress = _CONGRESS.search(head[:3000])
    if congress:
        named = find_places(congress.group(1))
        if named:
            return named[-1][2].name
    scores: Counter[str] = Counter()
    for _, _, place in find_places(title):
        scores[place.name] += 8
    _score_places(head, scores)
    if _SPEAKER.search(head[:2000]) and max(scores.values(), default=0) <= _WEAK_PLACE:
        # a government's report naming its own place only late ("从驻马店发展的大局出发")
        _score_places(norm[len(head) :], scores)
    # Central documents name places only as examples; "全国/我国" dominates them.
    national = len(_NATIONAL_CUES.findall(head))
    local = len(re.findall(r"全市|我市|本市|全区|我区|全省|我省|全县|我县|全州|全盟", head))
    if local == 0 and national >= 1 and (not scores or max(scores.values()) < 12):
        return NATIONAL
    if not scores:
        return ""
    lookup = place_lookup()
    best = max(scores.values())

    # "全省/我省" vs "全市/我市" vs "全区/我区": the level the author writes from.
    # First person ("我区") says more than "全市前3"; ties go to the more specific level.
    def voice_count(first: str, whole: str) -> int:
        return 3 * len(re.findall(first, head)) + len(re.findall(whole, head))

    marks = {
        "district": voice_count(r"我区|本区|我县|本县", r"全区|全县"),
        "city": voice_count(r"我市|本市|我州|本州", r"全市|全州"),
        "province": voice_count(r"我省|本省", r"全省"),
    }
    voice = max(marks, key=lambda k: marks[k]) if any(marks.values()) else ""
    # "我代表市人民政府，向大会作政府工作报告": the speaker's own level decides, however
    # often the province is named ("全省第一", "省委、省政府").
    speaker = _SPEAKER.search(head[:2000])
    voice = _SPEAKER_LEVEL[speaker.group(1)] if speaker else voice
    top = [n for n, s in scores.items() if s >= best * 0.5]
    # "各市人民政府…省政府各部门": a province writes to its cities, whichever it names; so
    # does a text in a province's voice only ("全省…", never "全市") that names its cities.
    to_cities = bool(_TO_PROVINCE_BODIES.search(head[:300]))
    provincial = (
        marks["province"] >= 3
        and not marks["city"]
        and not marks["district"]
        and not _TO_CITY_BODIES.search(head[:300])
    )
    if to_cities or (provincial and all(lookup[n].level != "province" for n in top)):
        province = _province_of(scores)
        if province:
            return province

    def rank(name: str) -> tuple[bool, int]:
        place = lookup[name]
        level = "district" if place.level == "county" else place.level
        bonus = 3 if level == voice else 0
        specific = LEVEL_RANK.get(place.level, 1)
        return (scores[name] >= best * 0.8 or bonus > 0, scores[name] + 2 * specific + 4 * bonus)

    return max(top, key=rank)


# How an address opens: its salutation to the assembly ("各位代表:", "各位主任、委员:").
SALUTATION = re.compile(r"\s*(?:各位(?:代表|委员|主任|领导|同志)|同志们)")


def is_salutation(title: str, doc_id: str) -> bool:
    """Whether an inferred title is no title: a salutation ("各位代表：") or the file's name."""
    stem = doc_id.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    # "政府工作报告" alone (or cut short: "政府工作报") names no report in particular
    generic = "".join(title.split()) in "政府工作报告"
    return not title or title == stem or generic or bool(SALUTATION.match(title))


def state_council_report(norm: str) -> bool:
    """Whether a (normalised) text is the State Council's work report, by its opening: "我代表
    国务院…", "我受国务院的委托…", or the premier's by-line near its start (further on, a
    visit: "国务院总理李强亲临…调研")."""
    return bool(re.search(r"代表国务院|受国务院的?委托", norm[:2000])) or "国务院总理" in norm[:300]


def work_report_title(region: str, year: int | None) -> str:
    """A descriptive title for an untitled work report ("厦门市2024年政府工作报告")."""
    who = "国务院" if region == NATIONAL else region
    return f"{who}{year}年政府工作报告" if year else f"{who}政府工作报告"


# A news item's dateline: the text opens on the day it reports ("2018年9月25-28日,…").
_DATELINE = re.compile(r"[ \t\u3000]*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})(?:[-~至]\d{1,2})?日,")


def infer_date(norm: str) -> str:
    """Issue date as ISO "YYYY-MM-DD" / "YYYY-MM".

    From labelled fields, a report's "(2024年1月29日在…人民代表大会…)" line, a news
    item's dateline ("2017年9月29日,…"), or a signature line holding only a date.
    """
    labelled = re.search(r"(?:发文日期|发布日期|成文日期|印发日期)[\s|:]*([\d\-/.年月日]+)", norm)
    if labelled:
        return _iso(labelled.group(1))
    delivered = re.search(
        r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)在[^。\n]{2,30}人民代表大会", norm[:1500]
    )
    if delivered:
        return _iso(delivered.group(1))
    dateline = _DATELINE.match(norm)
    if dateline:  # "2017年9月29日,…出席了…峰会": a news item opens on its day
        year, month, day = (int(g) for g in dateline.groups())
        return f"{year}-{month:02d}-{day:02d}"
    for line in norm.splitlines():
        stripped = line.strip()
        m = _DATE_CN.fullmatch(stripped) or _DATE_ISO.fullmatch(stripped)
        if m:
            return _iso(stripped)
    # the colophon at a document's foot: "青岛市工业和信息化局办公室 2020年9月22日印发"
    printed = _COLOPHON.findall(norm)
    return _iso(printed[-1][1]) if printed else ""


# A colophon line: the office that printed the document, when written, and the day.
_COLOPHON = re.compile(
    r"(?m)^[ \t\u3000]*(?:([^\n,。;:\d]{3,30}?)[ \t\u3000]*)?"
    r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)[ \t\u3000]*印发[ \t\u3000]*$"
)


def _iso(raw: str) -> str:
    m = _DATE_CN.search(raw) or _DATE_ISO.search(raw)
    if not m:
        return ""
    y, mo, d = m.group(1), int(m.group(2)), m.group(3)
    return f"{y}-{mo:02d}-{int(d):02d}" if d else f"{y}-{mo:02d}"


def infer_doc_number(norm: str) -> str:
    """Official document number such as 杭科领办〔2024〕1号 (normalised brackets)."""
    m = DOC_NUMBER.search(norm[:3000])
    return m.group(0) if m else ""


def infer_issuer(lines: list[str], date_line: int | None) -> str:
    """Issuing unit: a labelled field, or the signature line above the date (the first of
    several signing jointly)."""
    for line in lines[:12]:
        m = re.search(r"(?:发布单位|发文机关|发文单位)\s*\|?\s*([^|]+?)\s*(?:\||$)", line)
        if m:
            return m.group(1).strip()
    if date_line is not None and date_line > 0:
        cand = lines[date_line - 1].strip()
        if 3 <= len(cand) <= 30 and not re.search(r"[,。;:]", cand):
            return _lead_signer(lines, date_line) or cand
    # the office the colophon at the foot names ("青岛市工业和信息化局办公室 2020年9月22日印发")
    printed = [m.group(1) for m in map(_COLOPHON.match, lines[-6:]) if m and m.group(1)]
    return printed[-1].strip() if printed else ""


# The name of a body signing a document ("中华人民共和国住房和城乡建设部", "国家铁路局").
_BODY_LINE = re.compile(r"[\u4e00-\u9fff()]{3,30}(?:部|委|局|厅|署|会|院|办|室|府|中心|银行|集团)")


def _lead_signer(lines: list[str], date_line: int) -> str:
    """The first of several bodies signing a document jointly, a line each above its date
    (住建部 and twelve others over "2020年7月3日"), or "" for one signer."""
    top = date_line
    while top > 0 and _BODY_LINE.fullmatch(lines[top - 1].strip()):
        top -= 1
    return lines[top].strip() if date_line - top >= 2 else ""


_TRANSMITTED = re.compile(r"现将《([^《》\n]{4,40})》(?:印发|发|转发)给你们")


# Lines of a report's or notice's head that are no title: whom it is sent to or spoken to
# ("各省…主管部门:", "全国人民代表大会常务委员会:"), where it was delivered ("(2024年1月29日
# 在杭州市第十四届人民代表大会第四次会议上)") and by whom ("杭州市人民政府市长 姚高员").
_NO_TITLE = re.compile(
    r"^\s*(?!各位|同志们)[^\n]*:\s*$|代表大会[^。\n]{0,24}会议上\)?\s*$|^\s*首页\s*$"
    r"|(?:市长|省长|区长|县长|州长|主席|总理|主任|局长)\s*[\u4e00-\u9fff·]{2,4}\s*$"
)


def infer_title(lines: list[str]) -> str:
    """Title: the first heading-like lines of the document.

    Skips table-like metadata rows ("索引号 | …") and joins a title broken
    over two lines. A line announcing a document ("…关于印发《…》的通知")
    wins over others.
    """
    for line in lines[:15]:
        if re.search(r"关于.{2,80}(通知|意见|报告|决定|办法|方案)$", line.strip()):
            return line.strip()
    # "各省、自治区…主管部门:" then "现将《中小企业数字化转型指南》印发给你们": a notice
    # sending a document on is titled by what it sends.
    for line in lines[:6]:
        sent = _TRANSMITTED.search(line)
        if sent:
            return sent.group(1)
    from corpus.structure import continues_title, heading_level

    # (a text opening on its first numbered heading, "一、准入审批类", has no title above it)
    opening = next((i for i, ln in enumerate(lines[:8]) if heading_level(ln)), 8)
    candidates = [
        ln.strip()
        for ln in lines[:opening]
        if re.search(r"[\u4e00-\u9fff]{2}", ln)
        and "|" not in ln
        and not heading_level(ln)
        and not _NO_TITLE.search(ln)
    ]
    if not candidates:
        return ""
    first = candidates[0]
    # "…应用软件预置" / "和分发管理暂行规定": one title over two lines
    goes_on = len(candidates) > 1 and continues_title(candidates[1])
    if goes_on and _next_line(lines, first) == candidates[1]:
        first += candidates[1]
    first = _closed(lines, first)
    if len(first) <= 40 and not re.search(r"[。;]$", first):
        return first
    return ""


def _closed(lines: list[str], title: str) -> str:
    """A title set over several lines read to its end: "石化行业智能制造标准体系" / "建设指南" /
    "(2022 版)" (its kind, then its edition, each on a line of its own)."""
    line = title
    for _ in range(2 if not re.search(r"[。;!?]", title) else 0):  # (a sentence is no title)
        following = _next_line(lines, line)
        kind = not kind_of(title) and kind_line(following)
        status = is_status(following) and not is_status(title)
        if not (kind or status):
            break
        title, line = title + following, following
    return title


def _next_line(lines: list[str], line: str) -> str:
    """The first non-empty line after ``line`` (stripped)."""
    at = next((i for i, ln in enumerate(lines) if ln.strip() == line), len(lines))
    return next((ln.strip() for ln in lines[at + 1 :] if ln.strip()), "")


# A document's own number on a line of its own at its head ("民函〔2021〕742号"); a number
# inside a sentence is another document's ("国办发〔2020〕45号").
_OWN_NUMBER = re.compile(
    r"(?m)^[ \t\u3000]*[\u4e00-\u9fff]{1,10}[(\[]((?:19|20)\d{2})[)\]]\d{1,4}号[ \t\u3000]*$"
)


def numbered_year(norm: str, head: int = 1500) -> int | None:
    """The year of the number a document is issued under, written on its own line at its
    head: an undated reply or notice was issued that year, whatever years it names most."""
    m = _OWN_NUMBER.search(norm[:head])
    return int(m.group(1)) if m else None


def dominant_year(norm: str) -> int | None:
    """The year a text mentions most (later year on ties), for undated documents; not
    counting the years of the documents it cites by title, unless no other year is named.

    Years in Chinese numerals (一九七八年) count too: ``normalize`` reads them in Arabic.
    """
    own = CITED_TITLE.sub(lambda m: " " * len(m.group(0)), norm)
    found: list[int] = []
    for text in (own[:8000], own, norm):  # cited titles only when nothing else dates it
        found = found or [int(y) for y in _YEAR.findall(text)]
    counts = Counter(y for y in found if 1900 <= y <= 2100)
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))
