"""After a publish build: every URL that leaves the site (canonical, hreflang, og:url, sitemap, feeds,
robots.txt) must be absolute under the public address, or the published pages would point nowhere."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from paritrana_core.html_head import head_text

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
META_URLS = {"og:url", "og:image", "twitter:image"}


class _Head(HTMLParser):
    """Collects (what, URL) of the head tags that must carry absolute URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        rel = a.get("rel", "").split()
        if tag == "link" and "canonical" in rel:
            self.found.append(("canonical", a.get("href", "")))
        elif tag == "link" and "alternate" in rel and "hreflang" in a:
            self.found.append((f"hreflang {a['hreflang']}", a.get("href", "")))
        elif tag == "link" and "alternate" in rel and "atom" in a.get("type", ""):
            self.found.append(("feed link", a.get("href", "")))
        elif tag == "meta" and (a.get("property") or a.get("name")) in META_URLS:
            self.found.append((a.get("property") or a.get("name"), a.get("content", "")))


def _under(url: str, siteurl: str) -> bool:
    return url == siteurl or url.startswith(siteurl + "/")


def page_urls(path: Path) -> list[tuple[str, str]]:
    parser = _Head()
    parser.feed(head_text(path))
    return parser.found


def url_problems(output: Path, siteurl: str, limit: int = 50) -> list[str]:
    """Every URL that is not absolute under `siteurl`, as 'file: what URL' (at most `limit`, then a count)."""
    output, siteurl = Path(output), siteurl.rstrip("/")
    problems: list[str] = []

    def check(rel: str, what: str, url: str) -> None:
        if not _under(url, siteurl):
            problems.append(f"{rel}: {what} {url!r} is not under {siteurl}/")

    pages = sorted(output.rglob("*.html"))
    for path in pages:
        rel = path.relative_to(output).as_posix()
        found = page_urls(path)
        if not any(what == "canonical" for what, _ in found):
            problems.append(f"{rel}: no canonical link")
        for what, url in found:
            check(rel, what, url)
    sitemap = output / "sitemap.xml"
    if sitemap.exists():
        root = ET.parse(sitemap).getroot()
        for loc in root.iter(f"{SITEMAP}loc"):
            check("sitemap.xml", "loc", (loc.text or "").strip())
        for link in root.iter(f"{XHTML}link"):
            check("sitemap.xml", f"hreflang {link.get('hreflang')}", link.get("href", ""))
    else:
        problems.append("sitemap.xml is missing")
    for feed in sorted(output.rglob("*.atom.xml")):
        rel = feed.relative_to(output).as_posix()
        for link in ET.parse(feed).getroot().iter(f"{ATOM}link"):
            check(rel, f"link rel={link.get('rel', 'alternate')}", link.get("href", ""))
    robots = output / "robots.txt"
    if robots.exists():
        for line in robots.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*sitemap:\s*(\S+)", line, re.IGNORECASE)
            if match:
                check("robots.txt", "Sitemap", match.group(1))
    if len(problems) > limit:
        problems = problems[:limit] + [f"… and {len(problems) - limit} more"]
    return problems
