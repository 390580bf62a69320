"""The pages `invoke audit` runs Lighthouse on: one of every page type, in both languages, from a built site."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

# Page type -> Indonesian path; None: picked from the built site (the longest page of that kind, the
# one with the most to lay out). English paths are read from each page's hreflang="en" link.
PAGE_TYPES = (("home", ""), ("edition", "tahun/{edition}/"), ("province", "provinsi/{province}/"),
              ("regency", None), ("category", None), ("map", "peta/"), ("search", "cari/"), ("data", "data/"),
              ("about", "tentang/"))
PRINT_DIRS = {"cetak", "print"}


def _longest(root: Path, pattern: str) -> str | None:
    files = sorted((p for p in root.glob(pattern) if p.parent.name not in PRINT_DIRS),
                   key=lambda p: (-p.stat().st_size, p.as_posix()))
    return files[0].parent.relative_to(root).as_posix() + "/" if files else None


def english_path(root: Path, path: str, siteurl: str) -> str | None:
    """The site-relative path of a page's English version, from its hreflang link."""
    text = (root / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<link rel="alternate" hreflang="en" href="([^"]*)"', text)
    if not found:
        return None
    href = found.group(1)
    base = urlsplit(siteurl).path.rstrip("/") + "/"
    path = urlsplit(href).path
    return path[len(base):] if path.startswith(base) else path.lstrip("/")


def audit_pages(root: Path, siteurl: str, edition: str, province: str) -> list[tuple[str, str, str]]:
    """[(page type, Indonesian path, English path)] of the built site at `root`; a missing type is left out."""
    root = Path(root)
    found = []
    for kind, path in PAGE_TYPES:
        if kind == "regency":
            path = _longest(root, f"provinsi/{province}/*/index.html") or _longest(root, "provinsi/*/*/index.html")
        elif kind == "category":
            path = _longest(root, "kategori/*/index.html")
        elif path is not None:
            path = path.format(edition=edition, province=province)
        if path is None or not (root / path / "index.html").exists():
            continue
        english = english_path(root, path, siteurl)
        if english is not None:
            found.append((kind, path, english))
    return found
