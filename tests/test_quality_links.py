"""Links gate: zero broken internal links and anchors across both languages.

Every internal reference in every built file is resolved against the output tree: HTML (href, src,
srcset, poster, action, internal og:/twitter: image and URL meta), CSS url(…) and @import, and the
URLs of XML files (sitemaps, feeds). Fragments must name an id (or a name) on the target page.
Every page must also be reachable by following links from the two home pages.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_build import built_site  # noqa: F401

pytestmark = pytest.mark.xdist_group("links")

ORIGIN = "http://site.test"
HTML_ATTRS = ("href", "src", "poster", "action", "data-src", "data-href", "data-url", "data-geojson")
META_URL_PROPS = ("og:image", "og:url", "twitter:image", "twitter:url")


def _target(root: Path, path: str) -> Path:
    rel = unquote(path).lstrip("/")
    return root / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def _is_internal(href: str) -> bool:
    parts = urlsplit(href)
    if href.startswith("//"):
        return False
    return not parts.scheme or (parts.scheme in ("http", "https") and parts.netloc == "site.test")


def html_references(page) -> list[tuple[str, str]]:
    refs = []
    for el in page.root.iter():
        for attr in HTML_ATTRS:
            if attr in el.attrs and el.attrs[attr].strip():
                refs.append((f"<{el.tag} {attr}>", el.attrs[attr].strip()))
        for attr in ("srcset", "imagesrcset"):
            for candidate in el.attrs.get(attr, "").split(","):
                if candidate.strip():
                    refs.append((f"<{el.tag} {attr}>", candidate.split()[0]))
        if el.tag == "meta" and el.attrs.get("property", el.attrs.get("name", "")) in META_URL_PROPS:
            refs.append((f"<meta {el.attrs.get('property', el.attrs.get('name'))}>", el.attrs.get("content", "")))
    return refs


def css_references(text: str) -> list[str]:
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text)
    found += re.findall(r"@import\s+['\"]([^'\"]+)['\"]", text)
    return [u for u in found if not u.startswith(("data:", "#"))]


def xml_references(file: Path) -> list[str]:
    try:
        tree = ET.parse(file)
    except ET.ParseError:
        return []
    found = []
    for el in tree.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("loc", "link", "url", "id") and el.text and el.text.strip().startswith("/"):
            found.append(el.text.strip())
        href = el.attrib.get("href")
        if href and (href.startswith("/") or not urlsplit(href).scheme):
            found.append(href)
    return found


class Checker:
    def __init__(self, site):
        self.site, self.root = site, site.root
        self.problems: list[str] = []
        self.checked = 0

    def check(self, source_url: str, what: str, href: str) -> str | None:
        """Resolve one reference; return the target page URL (HTML pages only) or None."""
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        if parts.scheme in ("javascript", "vbscript"):
            self.problems.append(f"{source_url}: {what} {href!r}: script URL")
            return None
        if href.startswith("//"):
            self.problems.append(f"{source_url}: {what} {href!r}: protocol-relative URL to another host")
            return None
        if parts.scheme and not (parts.scheme in ("http", "https") and parts.netloc == "site.test"):
            return None  # external (source links) or data:/mailto:
        self.checked += 1
        absolute = urlsplit(urljoin(ORIGIN + source_url, href))
        target = _target(self.root, absolute.path)
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            self.problems.append(f"{source_url}: {what} {href!r} -> {absolute.path} not built")
            return None
        page_url = absolute.path if target.suffix == ".html" else None
        if absolute.fragment and target.suffix == ".html":
            page = self.site.pages.get(absolute.path if not absolute.path.endswith("index.html")
                                       else absolute.path[: -len("index.html")])
            fragment = unquote(absolute.fragment)
            if page is None or (page.by_id(fragment) is None and not page.find_all(name=fragment)):
                self.problems.append(f"{source_url}: {what} {href!r}: no id {fragment!r} on {absolute.path}")
        return page_url


def test_every_internal_reference_resolves(built_site):  # noqa: F811
    checker = Checker(built_site)
    for url in sorted(built_site.pages):
        for what, href in html_references(built_site.pages[url]):
            checker.check(url, what, href)
    for css in sorted(built_site.root.rglob("*.css")):
        url = "/" + css.relative_to(built_site.root).as_posix()
        for href in css_references(css.read_text(encoding="utf-8", errors="replace")):
            checker.check(url, "css url()", href)
    for xml in sorted(p for p in built_site.root.rglob("*") if p.suffix in (".xml", ".atom", ".rss")):
        url = "/" + xml.relative_to(built_site.root).as_posix()
        for href in xml_references(xml):
            checker.check(url, "xml", href)
    assert checker.checked > 20 * len(built_site.pages)
    assert not checker.problems, (f"{len(checker.problems)} broken reference(s) of {checker.checked}:\n"
                                  + "\n".join(checker.problems[:50]))


def test_every_page_is_reachable_from_the_home_pages(built_site):  # noqa: F811
    """Following links from / and /en/ reaches every page (except the 404 pages, which no page links)."""
    checker = Checker(built_site)
    seen, queue = {"/", "/en/"}, deque(["/", "/en/"])
    while queue:
        url = queue.popleft()
        page = built_site.pages.get(url)
        if page is None:
            continue
        for what, href in html_references(page):
            if not _is_internal(href):
                continue
            target = checker.check(url, what, href)
            if target:
                target = target[: -len("index.html")] if target.endswith("/index.html") else target
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    # the old addresses of merged categories (paritrana_moved) are, like 404 pages, linked from nowhere by design
    moved = {u for u in built_site.pages
             if any(m.attrs.get("http-equiv") == "refresh" for m in built_site.pages[u].find_all("meta"))}
    orphans = sorted(u for u in built_site.pages if u not in seen and not u.endswith("404.html") and u not in moved)
    assert not orphans, f"{len(orphans)} page(s) no link leads to:\n" + "\n".join(orphans[:40])


def test_the_checker_catches_broken_links(built_site, tmp_path):  # noqa: F811
    checker = Checker(built_site)
    checker.check("/", "<a href>", "/tahun/1900/")
    checker.check("/", "<a href>", "/tahun/#no-such-anchor")
    checker.check("/", "<a href>", "javascript:alert(1)")
    checker.check("/", "<a href>", "//evil.example/x.js")
    assert len(checker.problems) == 4, checker.problems
