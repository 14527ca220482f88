"""Decode the bytes of a text document: BOMs, UTF-8, UTF-16, GB18030, Big5.

Which encoding a file is in is decided by how much each candidate decoding
looks like Chinese text (see :func:`decode_bytes`); binary data is refused.
"""

from __future__ import annotations

import codecs
import unicodedata

from corpus.errors import EncodingError

__all__ = ["decode_bytes"]

# Frequent characters, simplified then the traditional forms that differ. A
# correct GB18030/Big5 decoding is dominated by these; a wrong one yields rare
# characters, Hangul or private-use code points instead.
_COMMON_CJK = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间"
    "由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变"
    "四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社"
    "便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北"
    "边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团"
    "集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显障施策稳促健综融贸绿碳疗扶贫振励享旅储额项筹措贯彻落"
    "巩固拓键升阶段突破革省县镇街营税费补贴亿率幅季监督审批登申依执范围适例案划纲细附印构负责牵"
    "配推善坚创态环境育医养房源投"
    "這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭"
    "體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權"
    "設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調"
    "質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯穩綜貿綠療貧勵儲額項籌貫徹鞏鍵階縣鎮營"
    "稅費補貼億監審執範圍適劃綱細構負責牽堅創態環醫養製眾為"
)
# Legacy encodings tried in order; earlier wins a tie (mainland documents dominate).
_LEGACY = ("gb18030", "big5", "cp950", "utf-16-le", "utf-16-be")
_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MIN_SCORE = 0.5  # below this no decoding looks like language: call it binary
_TIE_BYTES = 32  # fewer bytes than this tell charset_normalizer too little to break a tie
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file marker
_BINARY = "binary file, not text"


def _plausibility(text: str) -> float:
    """Score 0..1: how much the non-ASCII part of ``text`` looks like Chinese.

    ASCII is left out because it decodes the same in every candidate and would
    drown the signal in markup-heavy pages; all-ASCII text scores 1.
    """
    total, count = 0.0, 0
    for ch in text:
        cp = ord(ch)
        if cp < 0x80:
            continue
        count += 1
        if ch in _COMMON_CJK or 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF:
            total += 1.0  # frequent hanzi, CJK punctuation, full-width forms
        elif 0x2010 <= cp <= 0x27BF:  # “”‘’—…, ℃, ①, Ⅲ, ■, ★ and friends
            total += 0.9
        elif 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF:
            total += 0.5  # a real but rarer hanzi: plausible, but also what wrong decodes yield
        elif unicodedata.category(ch) == "Zs":
            total += 1.0
        elif unicodedata.category(ch)[0] in "LN":
            total += 0.25
    return total / count if count else 1.0


def _check_controls(text: str, path: str) -> None:
    """Reject text whose control-character share says it was never text."""
    if not text:
        return
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    if controls / len(text) > _MAX_CONTROL_SHARE:
        raise EncodingError(path, _BINARY)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf8_with_stray_nuls(data: bytes) -> str | None:
    """UTF-8 text with a few NUL bytes (a careless tool, a padded record) minus the NULs.

    Only when the rest is conclusive UTF-8 Chinese: UTF-16 text has its NULs inside
    code units, and without them is never long valid UTF-8 (its bytes 0x80-0xBF
    would stand without a lead byte).
    """
    if data.count(0) * 20 > len(data):  # NUL-rich: UTF-16 (or binary), decided below
        return None
    text = _strict(data.replace(b"\x00", b""), "utf-8")
    if text is None or sum(ch > "\x7f" for ch in text) < 8 or _plausibility(text) < _MIN_SCORE:
        return None
    return text


def _normalise_encoding(name: str) -> str:
    """Map a declared/detected charset name onto the codec we report."""
    name = name.strip().lower().replace("_", "-")
    if name in {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"}:
        return "gb18030"  # supersets: GB18030 decodes all of them identically
    if name in {"big5", "big5-tw", "csbig5", "x-x-big5"}:
        return "big5"
    return name


def decode_bytes(data: bytes, path: str = "<bytes>", *, hint: str = "") -> tuple[str, str]:
    """Decode raw document bytes, detecting the encoding.

    Order: BOM (UTF-8/16/32); conclusive UTF-8 with a few stray NULs (dropped);
    UTF-16 when there are NULs; strict UTF-8 when it
    is conclusive; else whichever of GB18030, Big5, UTF-16 (and short UTF-8)
    yields the most plausible Chinese text, preferring ``hint`` unless another
    candidate is clearly more plausible, and charset_normalizer on near-ties.

    Args:
        data: the file contents.
        path: file name used in error messages.
        hint: a declared charset, e.g. from an HTML <meta>; never trusted blindly.

    Returns:
        (text, encoding); GBK/GB2312 input is reported as "gb18030".

    Raises:
        EncodingError: the bytes are binary or in no recognised encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise EncodingError(path, f"has a {encoding} BOM but is not valid {encoding}")
            _check_controls(text, path)
            return text, encoding
    if not data:
        return "", "utf-8"
    candidates: tuple[str, ...] = _LEGACY
    if b"\x00" in data and (stray := _utf8_with_stray_nuls(data)) is not None:
        _check_controls(stray, path)
        return stray, "utf-8"
    if b"\x00" in data:
        # Text has NULs only as halves of UTF-16 code units (ASCII, or hanzi like
        # U+4E00). Their parity hints the byte order; plausibility decides.
        if len(data) % 2:
            raise EncodingError(path, _BINARY)
        even, odd = data[0::2].count(0), data[1::2].count(0)
        candidates = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    else:
        text = _strict(data, "utf-8")
        # Valid UTF-8 is conclusive once it has several multi-byte characters, but a
        # few GBK pairs are valid UTF-8 too ("一" = D2 BB = Cyrillic "һ"): then compete.
        if text is not None:
            if sum(ch > "\x7f" for ch in text) >= 8 or _plausibility(text) >= _MIN_SCORE:
                _check_controls(text, path)
                return text, "utf-8"
            candidates = ("utf-8", *_LEGACY)
    scored: list[tuple[float, str, str]] = []
    for encoding in candidates:
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        if encoding == "cp950" and any(e == "big5" for _, e, _ in scored):
            continue  # cp950 is only a fallback for Big5 files with Microsoft extensions
        text = _strict(data, encoding)
        if text is not None:
            scored.append((_plausibility(text), encoding, text))
    if not scored:
        raise EncodingError(path, f"{_BINARY} (not UTF-8, UTF-16, GB18030 or Big5)")
    best = max(scored, key=lambda s: s[0])  # max keeps the first (preferred) of equal scores
    near = [s for s in scored if best[0] - s[0] < 0.02]
    hinted = [s for s in scored if s[1] == _normalise_encoding(hint)]
    if hinted and hinted[0][0] > best[0] - 0.2:  # a declared charset wins unless clearly worse
        best = hinted[0]
    elif len(near) > 1 and len(data) >= _TIE_BYTES:  # too close to call: let charset_normalizer
        # break the tie (on a few characters its guess is a coin's: the preferred order,
        # GB18030 first, stands)
        from charset_normalizer import from_bytes  # lazy: rarely needed

        match = from_bytes(data).best()
        guess = _normalise_encoding(match.encoding) if match else ""
        best = next((s for s in near if _normalise_encoding(s[1]) == guess), best)
    if best[0] < _MIN_SCORE:  # nothing reads like Chinese; valid UTF-8 is still text
        utf8 = [s for s in scored if s[1] == "utf-8"]
        if not utf8:
            raise EncodingError(path, _BINARY)
        best = utf8[0]
    _check_controls(best[2], path)
    return best[2], best[1]
