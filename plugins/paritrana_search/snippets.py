"""Readable search snippets: Pagefind joins the text of adjacent elements without a space
("Kode Kemendagri" + "34" -> "Kode Kemendagri34"), so the copy it indexes gets a space after each
closing block element. The pages in the output are not changed."""

from __future__ import annotations

import re
from pathlib import Path

BLOCK_END = re.compile(r"(</(?:dt|dd|th|td|li|caption|summary|h[1-6]|p|div|span|a)>)(?=<)", re.IGNORECASE)


def spaced(html: str) -> str:
    """`html` with a space between a closing element and the tag right after it."""
    return BLOCK_END.sub(r"\1 ", html)


def write_spaced(source: Path, target: Path) -> None:
    """Write the page at `source` to `target` with spaced elements, for the indexer only."""
    target.write_text(spaced(source.read_text(encoding="utf-8")), encoding="utf-8")
