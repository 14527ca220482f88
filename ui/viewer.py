"""HTML of the full-document viewer: the document's name, its section tree, its whole text.

For a document from a PDF or an image, the page the quote stands on comes first, drawn
with the quoted lines marked (:mod:`ui.page_figure`).

The tree lists every heading, indented by depth, each a link to its place in
the text; the section holding the quote is marked. The text is the original,
escaped, cut at the section starts (each piece anchored ``pq-sec-N``), with the
quote highlighted and the answer span marked inside it (:func:`ui.render.marked`).
A citation links here with :func:`ui.render.open_link`; page.js turns the click
into a request to the ``pq-open`` box and scrolls to the quote once it is shown.
"""

from __future__ import annotations

import json

from corpus.model import Document, Section
from ui import messages as m
from ui.page_figure import pages_html
from ui.render import Range, document_html, esc, marked, notice, section_for


def _range(data: dict, key: str) -> Range | None:
    start, end = (int(x) for x in data.get(key) or (-1, -1))
    return (start, end) if 0 <= start < end else None


def parse_request(value: str | None) -> tuple[str, Range | None, Range | None] | None:
    """What the page asked to open: (doc id, quote range, span range), from the JSON
    ``{"doc", "quote": [s, e], "span": [s, e]}`` the page's script puts in the ``pq-open``
    box; None when it is not such a request."""
    try:
        data = json.loads(value or "")
        return str(data["doc"]), _range(data, "quote"), _range(data, "span")
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _toc(doc: Document, here: Section | None) -> str:
    items = []
    for n, s in enumerate(doc.sections):
        if s.level == 0 or not s.heading:
            continue
        cls = "pq-toc-link pq-toc-here" if s == here else "pq-toc-link"
        pad = 0.2 + 1.0 * (s.level - 1)
        items.append(
            f'<li style="padding-left:{pad:.1f}em"><a class="{cls}" href="#pq-sec-{n}">'
            f"{esc(s.heading)}</a></li>"
        )
    if not items:
        return f'<div class="pq-toc-empty">{m.NO_HEADINGS}</div>'
    return f'<ul class="pq-toc-list">{"".join(items)}</ul>'


def _pieces(doc: Document) -> list[tuple[int, int, int]]:
    """(section number, start, end) of the text's pieces, cut at each heading."""
    starts = sorted({(s.start, n) for n, s in enumerate(doc.sections) if s.level > 0})
    cuts: list[tuple[int, int]] = [(0, -1)]
    for start, n in starts:
        if start == cuts[-1][0]:
            cuts[-1] = (start, n)
        else:
            cuts.append((start, n))
    ends = [c[0] for c in cuts[1:]] + [len(doc.text)]
    return [(n, s, e) for (s, n), e in zip(cuts, ends, strict=True) if e > s]


def _text(doc: Document, quote: Range | None, span: Range | None) -> str:
    out = []
    for n, start, end in _pieces(doc):
        if n < 0:  # the text before the first heading
            body = marked(doc.text[start:end], start, quote, span)
            out.append(f'<div class="pq-sec">{body}</div>')
            continue
        nl = doc.text.find("\n", start, end)
        cut = end if nl < 0 else nl
        head = marked(doc.text[start:cut], start, quote, span)
        rest = marked(doc.text[cut:end], cut, quote, span)
        out.append(
            f'<div class="pq-sec" id="pq-sec-{n}"><b class="pq-heading">{head}</b>{rest}</div>'
        )
    return "".join(out)


def document_view_html(
    doc: Document | None, quote: Range | None = None, span: Range | None = None
) -> str:
    """The whole document: name, the page(s) the quote stands on with its lines marked
    (documents from PDFs and images), tree of sections, text with the quote highlighted."""
    if doc is None:
        return notice(m.DOC_GONE, "warn")
    if quote is not None and not 0 <= quote[0] < quote[1] <= len(doc.text):
        quote = None
    here = section_for(doc, *quote) if quote else None
    years = "、".join(map(str, doc.years))
    facts = " · ".join(x for x in (doc.region, f"{m.FILTER_YEAR} {years}" if years else "") if x)
    where = f'<div class="pq-viewer-where">{m.IN_SECTION}{esc(here.path_str)}</div>' if here else ""
    return (
        f'<div class="pq-viewer" data-key="{esc(doc.doc_id)}:{quote}">'
        f'<div class="pq-viewer-head">{document_html(doc.title, doc.issuer, doc.date, doc.doc_id)}'
        f'<div class="pq-viewer-facts">{esc(facts)}</div>{where}</div>'
        f"{pages_html(doc, quote)}"
        f'<div class="pq-viewer-body">'
        f'<details class="pq-toc" open><summary>{m.TOC}</summary>{_toc(doc, here)}</details>'
        f'<div class="pq-doc-text">{_text(doc, quote, span)}</div>'
        f"</div></div>"
    )
