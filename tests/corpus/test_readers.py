"""Tests for corpus.readers: encodings, formats and every error path.

All fixtures are generated in tmp_path; the PDFs are hand-written so no PDF
writer library is needed.
"""

from __future__ import annotations

import codecs
import io
import os
import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import docx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from corpus.errors import (
    DocumentError,
    EmptyDocumentError,
    EncodingError,
    UnsupportedFormatError,
)
from corpus.readers import SUPPORTED_SUFFIXES, RawText, decode_bytes, generic_title, read_file

BuildPdf = Callable[..., bytes]
SIMPLIFIED = (
    "一、总体要求\n"
    "为深入贯彻落实党中央、国务院决策部署,进一步优化营商环境,激发市场主体活力,"
    "现就2023年促进民营经济发展壮大提出如下意见:(一)加强政策支持,落实减税降费措施;"
    "(二)完善融资服务体系,降低企业融资成本。“十四五”时期目标任务全面完成。\n"
)
TRADITIONAL = (
    "一、總體要求\n"
    "為深入貫徹落實中央決策部署,進一步優化營商環境,激發市場主體活力,"
    "現就2023年促進民營經濟發展壯大提出如下意見:(一)加強政策支持,落實減稅降費措施;"
    "(二)完善融資服務體系,降低企業融資成本。「十四五」時期目標任務全面完成。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (SIMPLIFIED, "utf-8", "utf-8"),
        (TRADITIONAL, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),  # no BOM, NULs from the ASCII digits
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
    ],
)
def test_decode_bytes_round_trips(text: str, codec: str, reported: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, reported)


@pytest.mark.parametrize(
    ("bom", "codec", "reported"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_decode_bytes_with_bom(bom: bytes, codec: str, reported: str) -> None:
    assert decode_bytes(bom + SIMPLIFIED.encode(codec)) == (SIMPLIFIED, reported)


def test_utf16_without_bom_or_nuls_is_found_by_plausibility() -> None:
    text = "国务院关于进一步优化营商环境更好服务市场主体的实施意见"
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")


def test_big5_heading_line_alone() -> None:
    text = "國務院關於促進經濟發展的意見"
    assert decode_bytes(text.encode("big5")) == (text, "big5")


TEXT_CHARS = st.characters(blacklist_categories=("Cc", "Cs"))


@settings(max_examples=50, deadline=None)
@given(
    TEXT_CHARS.filter(lambda c: c > "\x7f" and c != "\ufeff"),
    st.text(alphabet=TEXT_CHARS, max_size=200),
)
def test_utf8_text_round_trips(char: str, text: str) -> None:
    # Eight or more multi-byte characters make valid UTF-8 conclusive.
    text = char * 8 + text
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=7))
def test_short_utf8_is_never_binary(text: str) -> None:
    _, encoding = decode_bytes(text.encode("utf-8"))
    assert encoding in ("utf-8", "utf-8-sig", "gb18030", "big5", "cp950", "utf-16-le", "utf-16-be")


def test_short_gbk_that_is_also_valid_utf8() -> None:
    # "一" is D2 BB in GBK, which is also valid UTF-8 (Cyrillic "һ").
    assert decode_bytes("一一一一".encode("gbk")) == ("一一一一", "gb18030")


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from([c for c in SIMPLIFIED if c >= "\u4e00"]), min_size=4))
@example("优优场场")  # as plausible read as Big5 ("蚥蚥部部"): a few bytes keep GB18030
def test_simplified_gb18030_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_read_txt_normalises_line_endings_and_keeps_everything_else(tmp_path: Path) -> None:
    raw_text = "\ufeff第一条\r\n\u3000\u3000第二条  \r第三条\f第四条\n"
    path = write(tmp_path, "a.txt", raw_text.encode("utf-8"))
    assert read_file(path) == RawText(
        "第一条\n\u3000\u3000第二条  \n第三条\n第四条\n", "txt", "utf-8-sig"
    )


def test_read_txt_gbk_file(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "policy.TEXT", SIMPLIFIED.encode("gbk")))
    assert (raw.text, raw.format, raw.encoding) == (SIMPLIFIED, "txt", "gb18030")


# ------------------------------------------------------------------ error cases


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\u3000\n".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(EmptyDocumentError):
        read_file(write(tmp_path, "empty.txt", content))


def test_png_is_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    with pytest.raises(EncodingError, match="binary file, not text"):
        read_file(write(tmp_path, "image.txt", png + bytes(range(256)) * 4))


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_binary(tmp_path: Path, seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    with pytest.raises(EncodingError, match="binary file, not text"):
        read_file(write(tmp_path, "noise.txt", data))


def test_random_bytes_without_nuls_are_binary() -> None:
    data = bytes(b for b in random.Random(7).randbytes(4096) if b)
    with pytest.raises(EncodingError, match="binary file, not text"):
        decode_bytes(data)


def test_control_characters_are_binary() -> None:
    with pytest.raises(EncodingError, match="binary"):
        decode_bytes(b"abc\x01\x02\x03\x04\x05\x06\x07\x08")


def test_odd_length_with_nuls_is_binary() -> None:
    with pytest.raises(EncodingError, match="binary"):
        decode_bytes("政策2024".encode("utf-16-le") + b"\x00")


def test_invalid_after_bom() -> None:
    with pytest.raises(EncodingError):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd")


@pytest.mark.parametrize("name", ["a.doc", "a.rtf", "README", "a.txt.bak"])
def test_unknown_suffix(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsupportedFormatError) as info:
        read_file(write(tmp_path, name, b"text"))
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in str(info.value)


def test_unsupported_suffix_checked_before_reading(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError):
        read_file(tmp_path / "missing.xlsx")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="No such file"):
        read_file(tmp_path / "missing.txt")


def test_directory_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(DocumentError, match="a directory, not a regular file"):
        read_file(tmp_path / "folder.txt")


def test_permission_error_reports_os_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "secret.txt", b"text")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(DocumentError, match="cannot read file: Permission denied"):
        read_file(path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads all")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    try:
        with pytest.raises(DocumentError, match="Permission denied"):
            read_file(path)
    finally:
        path.chmod(0o600)


# ------------------------------------------------------------------------ html

HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title> 国务院关于促进民营经济发展的意见_中国政府网 </title>
<style>p { color: red; }</style><script>var x = "不应出现";</script></head>
<body><nav>首页 &gt; 政策</nav><header>网站头部</header>
<div class="content"><div>
<h1>关于促进民营经济发展的意见</h1>
<p>一、<strong>总体要求</strong></p>
<p>为深入贯彻落实党中央决策部署，
进一步优化营商环境。<br>现提出如下意见。</p>
<p>Policy   text
in English 与中文</p>
<!-- 注释不应出现 -->
<ul><li>加强政策支持</li><li>完善融资服务</li></ul>
<table><tr><th>指标</th><th>目标</th></tr><tr><td>增长率</td><td>5%</td></tr></table>
<noscript>请启用脚本</noscript>
</div></div><footer>版权所有</footer></body></html>
"""


def test_html_text_title_and_dropped_elements(tmp_path: Path) -> None:
    raw = read_file(write(tmp_path, "page.htm", HTML.encode("gbk")))
    assert raw.format == "html"
    assert raw.encoding == "gb18030"
    assert raw.title == "国务院关于促进民营经济发展的意见_中国政府网"
    assert raw.text == (
        "关于促进民营经济发展的意见\n\n"
        "一、总体要求\n\n"
        "为深入贯彻落实党中央决策部署，进一步优化营商环境。\n现提出如下意见。\n\n"
        "Policy text in English 与中文\n\n"
        "加强政策支持\n\n完善融资服务\n\n"
        "指标 | 目标\n\n增长率 | 5%"
    )


@pytest.mark.parametrize(
    ("declared", "text", "codec", "reported"),
    [
        ("big5", TRADITIONAL.splitlines()[1], "big5", "big5"),
        (
            "gb2312",
            SIMPLIFIED.splitlines()[1],
            "utf-8",
            "utf-8",
        ),  # a wrong declaration loses to valid UTF-8
        ("big5", "一一一一", "gbk", "gb18030"),  # ... and to more plausible text
        ("gbk", "通知", "gbk", "gb18030"),  # too short to judge: the declaration decides
    ],
)
def test_html_meta_charset_is_only_a_hint(
    tmp_path: Path, declared: str, text: str, codec: str, reported: str
) -> None:
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    raw = read_file(write(tmp_path, "p.html", page.encode(codec)))
    assert (raw.text, raw.encoding) == (text, reported)


def test_decode_bytes_hint() -> None:
    data = "中文".encode("big5")
    assert decode_bytes(data, hint="big5") == ("中文", "big5")


def test_html_title_falls_back_to_h1_and_keeps_pre(tmp_path: Path) -> None:
    page = "<html><body><h1>第一章 总则</h1><pre>第一条\n  第二条</pre></body></html>"
    raw = read_file(write(tmp_path, "p.html", page.encode("utf-8")))
    assert raw.title == "第一章 总则"
    assert raw.text == "第一章 总则\n\n第一条\n  第二条"


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    page = b"<html><head><title>t</title><script>x()</script></head><body> </body></html>"
    with pytest.raises(EmptyDocumentError):
        read_file(write(tmp_path, "blank.html", page))


def test_html_deep_nesting_does_not_recurse(tmp_path: Path) -> None:
    page = "<span>" * 3000 + "正文" + "</span>" * 3000
    raw = read_file(write(tmp_path, "deep.html", page.encode("utf-8")))
    assert raw.text == "正文"


# -------------------------------------------------------------------- markdown


def test_markdown_headings_and_emphasis(tmp_path: Path) -> None:
    source = (
        "# 关于促进发展的意见\n\n## 一、总体要求 ##\n**重点任务**是*落实*。\n"
        "#不是标题\n```\n# 代码里的井号\n**保留**\n```\n"
    )
    raw = read_file(write(tmp_path, "a.md", source.encode("utf-8")))
    assert raw.format == "md"
    assert raw.text == (
        "关于促进发展的意见\n\n一、总体要求\n重点任务是*落实*。\n"
        "#不是标题\n```\n# 代码里的井号\n**保留**\n```\n"
    )


# ------------------------------------------------------------------------ docx


def test_docx_body_order_with_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("一、总体要求", level=1)
    document.add_paragraph("为深入贯彻落实党中央决策部署,现提出如下意见。")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "2023年", "2024年"], ["增长率", "5%", "5.5%"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "合计"
    table.cell(2, 2).text = "10.5%"
    document.add_paragraph("二、主要任务")
    document.core_properties.title = "关于促进发展的意见"
    document.core_properties.created = datetime(2024, 3, 15, 9, 30)
    path = tmp_path / "policy.docx"
    document.save(str(path))

    raw = read_file(path)
    text = (
        "一、总体要求\n为深入贯彻落实党中央决策部署,现提出如下意见。\n"
        "增长率 2023年 5%，增长率 2024年 5.5%\n合计 2024年 10.5%\n二、主要任务"
    )
    assert raw == RawText(text, "docx", "", "关于促进发展的意见", "2024-03-15", tables=raw.tables)
    (tab,) = raw.tables
    assert tab.columns == ("指标", "2023年", "2024年")
    assert [(r.header, [(c.column, text[c.start : c.end]) for c in r.cells]) for r in tab.rows] == [
        ("增长率", [("2023年", "5%"), ("2024年", "5.5%")]),
        ("合计", [("2024年", "10.5%")]),  # the label merged across 2023年 holds no value
    ]
    assert text[tab.start : tab.end] == "增长率 2023年 5%，增长率 2024年 5.5%\n合计 2024年 10.5%"


def test_a_docx_table_without_a_header_row_stays_cells_joined(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for c, value in enumerate(["发布单位", "区科技局", "发文日期", "2024-01-02"]):
        table.cell(0, c).text = value
    path = tmp_path / "meta.docx"
    document.save(str(path))
    raw = read_file(path)
    assert raw.text == "发布单位 | 区科技局 | 发文日期 | 2024-01-02" and raw.tables == ()


def test_empty_docx(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(EmptyDocumentError):
        read_file(path)


def test_corrupt_docx(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"not a readable \.docx"):
        read_file(write(tmp_path, "bad.docx", b"PK\x03\x04 this is not a zip"))


# ------------------------------------------------------------------------- pdf


def pdf_text_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


PDF_LINES = ["一、总体要求", "为深入贯彻落实党中央决策部署,进一步优化营商环境。"]


def test_pdf_with_chinese_text_layer(tmp_path: Path, build_pdf: BuildPdf) -> None:
    info = (
        b"/Title "
        + pdf_text_string("关于促进发展的意见")
        + b" /CreationDate (D:20240315093000+08'00')"
    )
    path = write(tmp_path, "policy.pdf", build_pdf(b"", lines=PDF_LINES, info=info))
    raw = read_file(path)
    assert [line.strip() for line in raw.text.splitlines() if line.strip()] == PDF_LINES
    assert (raw.format, raw.encoding, raw.title, raw.date) == (
        "pdf",
        "",
        "关于促进发展的意见",
        "2024-03-15",
    )


def test_scanned_pdf_without_text(tmp_path: Path, build_pdf: BuildPdf) -> None:
    drawing = b"q 0.5 g 72 72 451 698 re f Q"  # a grey box where the scan image would be
    path = write(tmp_path, "scan.pdf", build_pdf(drawing))
    assert len(PdfReader(path).pages) == 1
    with pytest.raises(EmptyDocumentError, match="no text layer"):
        read_file(path)


def test_encrypted_pdf(tmp_path: Path, build_pdf: BuildPdf) -> None:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(build_pdf(b"", lines=PDF_LINES))))
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentError, match="PDF is encrypted with a password"):
        read_file(path)


def test_corrupt_pdf(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not a readable PDF"):
        read_file(write(tmp_path, "bad.pdf", b"%PDF-1.4 garbage"))


@pytest.mark.parametrize(
    "title",
    ["", "about:blank", "https://example.org/a", "报告.pdf", "Microsoft Word - 计划.doc",
     "Untitled", "无标题", "新建 Microsoft Word 文档", "Print Preview"],
)  # fmt: skip
def test_a_generic_title_names_nothing(title: str) -> None:
    assert generic_title(title, "甲区2024年工作计划\n一、目标")


def test_a_real_title_is_kept() -> None:
    assert not generic_title("甲区2024年工作计划", "甲区2024年工作计划\n一、目标")
    assert not generic_title("Annual Plan", "an English text only")  # no Chinese to expect


def test_a_browser_printed_pdf_takes_its_title_from_the_text(
    tmp_path: Path, build_pdf: BuildPdf
) -> None:
    from corpus.document import load_document

    lines = ["乙区科学技术局2025年工作要点", "一、主要目标", "新增示范企业12家。"]
    info = b"/Title (about:blank) /Producer (Chromium)"
    path = write(tmp_path, "print.pdf", build_pdf(b"", lines=lines, info=info))
    assert read_file(path).title == ""
    assert load_document(path, "print.pdf").title == "乙区科学技术局2025年工作要点"
