"""红头 banner, number and closing lines, and page furniture of PDFs (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from corpus.banner import banner_issuer, banner_lines
from corpus.document import load_document, parse_text
from corpus.normalize import normalize

ISSUED = (
    "某某市某某区科学技术局文件\n"
    "某科发〔2024〕7号\n"
    "某某区科学技术局关于印发年度科技工作要点的通知\n"
    "各镇街、各有关单位：\n"
    "现将工作要点印发给你们，请认真贯彻落实。\n"
    "一、总体要求\n"
    "坚持创新驱动发展战略，全年新增科技企业五十家。\n"
    "某某区科学技术局办公室\n"
    "2024年3月1日\n"
    "抄送：区委办、区政府办。\n"
    "某某市某某区科学技术局办公室 2024年3月1日印发"
)


def test_banner_number_and_closing_lines_are_found() -> None:
    norm = normalize(ISSUED)
    found = [ISSUED[s:e] for s, e in banner_lines(norm)]
    assert found == [
        "某某市某某区科学技术局文件",
        "某科发〔2024〕7号",
        "抄送：区委办、区政府办。",
        "某某市某某区科学技术局办公室 2024年3月1日印发",
    ]
    span = banner_issuer(norm)
    assert span is not None and ISSUED[span[0] : span[1]] == "某某市某某区科学技术局"


def test_the_banner_fills_issuer_and_number_and_stays_out_of_passages_and_sections() -> None:
    doc = parse_text(ISSUED, "notice.pdf")
    assert doc.issuer == "某某市某某区科学技术局"  # the banner, not the signing office
    assert doc.doc_number == "某科发〔2024〕7号"
    assert [s.heading for s in doc.sections if s.heading] == ["一、总体要求"]
    texts = [p.text for p in doc.passages]
    assert "某某市某某区科学技术局文件" in texts and "抄送：区委办、区政府办。" in texts
    assert not any("文件" in t and "通知" in t for t in texts)  # the banner glued to nothing


def test_a_line_ending_in_wenjian_further_down_is_no_banner() -> None:
    text = "\n".join(
        ["标题", "一、说明", "正文一。", "正文二。", "正文三。", "正文四。", "本区政府文件"]
    )
    assert banner_lines(normalize(text)) == []


def test_page_furniture_of_a_pdf_neither_splits_a_sentence_nor_makes_a_section(
    tmp_path: Path, build_pdf: Callable[..., bytes]
) -> None:
    header = "某某区科学技术局年度工作总结"
    pages = [
        [
            header,
            "一、工作回顾",
            "全年新增国家高新技术企业一百二十家，技术合同成交额突破二十",
            "- 1 -",
        ],
        [
            header,
            "亿元，同比增长百分之十五。",
            "二、下步计划",
            "力争新增省级研发机构二十家。",
            "- 2 -",
        ],
    ]
    path = tmp_path / "report.pdf"
    path.write_bytes(build_pdf(pages=pages))
    doc = load_document(path, "report.pdf")
    assert "突破二十亿元，同比增长百分之十五。" in doc.text
    assert header not in doc.text and "- 1 -" not in doc.text
    assert [s.heading for s in doc.sections if s.heading] == ["一、工作回顾", "二、下步计划"]
    (passage,) = [p for p in doc.passages if "二十亿元" in p.text]
    assert passage.text.startswith("全年新增") and passage.text.endswith("百分之十五。")
    assert passage.page == 1 and doc.page_at(doc.text.index("亿元，同比")) == 2
