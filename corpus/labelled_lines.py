"""Points titled each on a line of its own by a label and its number: "应用十二:业务数据查询"
(its body on the lines after), "应用十三:数据分析与预测", …; "专栏1 数字化解决方案研发推广
工程", "专栏2 数字化改造升级工程". Two or more such lines of one label, numbered one after
another, are a run of points: the items are the titles after the numbers. The run is listed
whole, named by the label and the section it opens in, and, where it spans several sections,
the points of each section are listed too, named by that section ("四、辅助决策类": 应用十二
to 应用十五).

Found by the shape of the text, whatever its topic (see :mod:`corpus.enumerations`).
"""

from __future__ import annotations

import re
from itertools import groupby

from corpus.enum_model import LINE, Enumeration, Item
from corpus.model import Document
from corpus.numerals import cn_number

MIN_POINTS = 2
_STEP = " > "  # between the headings of a section path
# A line of a short label, its number and a title ("应用十二:业务数据查询", "专栏1 数字化…");
# not a year or a count ("到2025年", "3个"), no sentence in the title.
_LABELLED = re.compile(
    r"[ \t\u3000]*([\u4e00-\u9fff]{1,4}?)([一二三四五六七八九十]{1,3}|\d{1,2})(?![\d年月日个%.、])"
    r"[ \t\u3000]*:?[ \t\u3000]*([\u4e00-\u9fff\"][^,;。!?:\n]{1,29}?)[ \t\u3000]*"
)
# Labels of what is no point of the text: a figure's or table's caption, an attachment, and
# the chapters and articles the section tree reads (第一章).
_NOT_POINTS = frozenset({"图", "表", "附件", "附表", "附图", "第"})


def labelled_line(norm_line: str) -> bool:
    """Whether a (normalised) line is a label, its number and a title ("应用一:形式审查")."""
    m = _LABELLED.fullmatch(norm_line)
    return m is not None and m.group(1) not in _NOT_POINTS


def labelled_lines(doc: Document) -> list[Enumeration]:
    """Runs of lines titled by one label numbered one after another."""
    out: list[Enumeration] = []
    for run in _runs(doc):
        if len(run) < MIN_POINTS:
            continue
        out.append(_listed(doc, run))
        sections = [list(g) for _, g in groupby(run, key=lambda m: doc.path_at(m.start()))]
        if len(sections) > 1:
            out += [_listed(doc, part) for part in sections if len(part) >= MIN_POINTS]
    return out


def _runs(doc: Document) -> list[list[re.Match[str]]]:
    """The labelled lines, in runs of one label numbered one after another."""
    runs: list[list[re.Match[str]]] = []
    for line in LINE.finditer(doc.norm):
        m = _LABELLED.fullmatch(doc.norm, *line.span())
        if m is None or m.group(1) in _NOT_POINTS:
            continue
        last = runs[-1][-1] if runs else None
        follows = last is not None and last.group(1) == m.group(1)
        if follows and last is not None and cn_number(last.group(2)) + 1 == cn_number(m.group(2)):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _listed(doc: Document, run: list[re.Match[str]]) -> Enumeration:
    """The enumeration of a run's titles, named by its label and the section holding them
    all."""
    items = tuple(Item(m.start(3), m.end(3), m.start(), m.end()) for m in run)
    paths = [doc.path_at(m.start()).split(_STEP) for m in run]
    path = _STEP.join(_shared_steps(paths))
    head = f"{path} {run[0].group(1)}".strip()
    return Enumeration("headings", path, run[0].start(), run[-1].end(), head, len(items), items)


def _shared_steps(paths: list[list[str]]) -> list[str]:
    """The headings every path opens with."""
    shared = []
    for steps in zip(*paths, strict=False):
        if len(set(steps)) > 1:
            break
        shared.append(steps[0])
    return shared
