"""A list question setting some items aside ("除了总体要求和组织保障,主要部署了哪几方面任务"):
the list holding the items it names, without them."""

from __future__ import annotations

import re

from corpus.normalize import normalize

# "除了A和B,…", "除A、B以外…", "除去A之外还有哪些"
_EXCEPT = re.compile(
    r"除(?:了|去)?([^,;:?!。]{2,40}?)(?:以外|之外|外)?(?=[,;:]|还|主要|另外|其他|其余)"
)
_JOINS = re.compile(r"[、和及与]|以及")


def excepted(qnorm: str) -> tuple[str, ...]:
    """The items a (normalised) question sets aside, as written; none when it sets none."""
    m = _EXCEPT.search(qnorm)
    if m is None:
        return ()
    return tuple(x.strip() for x in _JOINS.split(m.group(1)) if len(x.strip()) >= 2)


def _is_item(name: str, item: str) -> bool:
    """Whether a list item is the one a set-aside name names ("组织保障": 加强组织保障)."""
    item = normalize(item)
    return name in item or (len(item) >= 2 and item in name)


def _set_aside(names: tuple[str, ...], items: list[str]) -> set[int] | None:
    """The positions of the items the names set aside, when every name is one of the items
    and two or more items are left besides; else None."""
    hits = [{i for i, item in enumerate(items) if _is_item(n, item)} for n in names]
    if not names or not all(hits):
        return None
    aside = set().union(*hits)
    return aside if len(items) - len(aside) >= 2 else None


def names_excepted(names: tuple[str, ...], items: list[str]) -> bool:
    """Whether every set-aside name is one of the list's items (two or more left besides):
    the list the question sets them aside from."""
    return _set_aside(names, items) is not None


def kept_items(names: tuple[str, ...], items: list[str]) -> list[int]:
    """The indices of the items not set aside (all of them when the list does not hold
    every set-aside name)."""
    aside = _set_aside(names, items) or set()
    return [i for i in range(len(items)) if i not in aside]
