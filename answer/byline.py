"""A report's by-line: who delivered it ("市人民政府市长 葛斌" under its heading), which
names the report as well as answers "…报告是哪位市长作的"."""

from __future__ import annotations

import re

from answer.policy import CONFIG, EntityConfig

TITLES = (
    "副总理",
    "总理",
    "主席",
    "省长",
    "市长",
    "区长",
    "县长",
    "厅长",
    "局长",
    "部长",
    "主任",
    "书记",
    "院士",
    "教授",
    "会长",
    "董事长",
    "校长",
    "院长",
    # "首任行政长官人选董建华": the person chosen for a post
    "人选",
)
# A by-line: title and name alone on their line, the name perhaps spaced out for
# layout ("市长 黄 江"), or run into the salutation ("上海市市长 应勇 各位代表:").
_BYLINE = re.compile(
    r"(?m)^[ \t\u3000]*[^\n]{0,30}?(?:"
    + "|".join(TITLES)
    + r")[^\S\n]*([\u4e00-\u9fff](?:[^\S\n]?[\u4e00-\u9fff]){1,3})"
    r"[^\S\n]*(?:$|(?=各位代表))"
)


def byline_span(norm: str, cfg: EntityConfig = CONFIG.entity) -> tuple[int, int] | None:
    """The speaker's name on a report's by-line, near its start ("市人民政府市长 葛斌")."""
    found = _BYLINE.search(norm, 0, cfg.byline_chars)
    return (found.start(1), found.end(1)) if found else None


def speaker(norm: str, cfg: EntityConfig = CONFIG.entity) -> str:
    """The name on a report's by-line ("" when it has none), spaces of layout removed."""
    found = byline_span(norm, cfg)
    return re.sub(r"\s", "", norm[found[0] : found[1]]) if found else ""
