"""Groups and sections of awards that the data pages show under headings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """Awards under a heading (templates show them with the `winner_rows` global)."""

    title: str
    anchor: str
    rows: tuple


@dataclass(frozen=True)
class Section:
    """Groups under a larger heading."""

    title: str
    anchor: str
    groups: tuple[Group, ...]
    note: str | None = None
    short_title: str | None = None  # where a heading above already says the rest ('Aceh' under 'Provincial rounds')


def group_rows(winners, key, title, anchor_prefix: str) -> tuple[Group, ...]:
    """Consecutive-key grouping of winners (already in display order) into titled groups."""
    groups: dict = {}
    for w in winners:
        groups.setdefault(key(w), []).append(w)
    return tuple(Group(title(k), f"{anchor_prefix}-{_anchor(k)}", tuple(ws))
                 for k, ws in groups.items())


def _anchor(key) -> str:
    parts = key if isinstance(key, tuple) else (key,)
    return "-".join(str(p).replace("_", "-") for p in parts if p is not None) or "all"


def by_category(winners, index, labels, anchor_prefix: str) -> tuple[Group, ...]:
    """Groups per category, in the categories' own order, each in rank order."""
    ordered = sorted(winners, key=lambda w: index.category_order.index(w.category))
    return group_rows(ordered, lambda w: w.category, labels.category, anchor_prefix)
