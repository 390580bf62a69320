"""sitemap.xml and robots.txt, written once Pelican has written every page.

The sitemap lists every HTML page written through Pelican's writer in this build (all languages and
all plugins), read back from the written files: its <loc> is the page's canonical link, and its
<xhtml:link rel="alternate" hreflang="…" href="…"> entries are the page's own hreflang links.
Left out: pages marked `<meta name="robots" content="noindex">` (the 404 pages), 404.html files and
pages whose canonical link names another page (print versions and the like).

For the public site the URLs are absolute, as the sitemap protocol requires; local builds (no address)
get site-relative URLs ('/tahun/2024/'), which crawlers never see.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from paritrana_core.html_head import head_text
from paritrana_core.preview import is_preview
from paritrana_core.urls import NOT_FOUND, siteurl
from paritrana_core.written import html_files, noindex

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

@dataclass
class HeadInfo:
    canonical: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    noindex: bool = False


TAG = re.compile(r"<(link|meta|body)\b([^>]*)>", re.IGNORECASE)
# Most head tags (Open Graph, icons, styles) say nothing the sitemap needs: only these are parsed.
WANTED = re.compile(r"canonical|alternate", re.IGNORECASE)
ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in ATTR.finditer(text)}


def read_head(path: Path) -> HeadInfo:
    """The canonical link, hreflang alternates and robots noindex of a written page's <head>.

    A tokenizer for start tags is enough here (and some 20 times faster than html.parser): the
    head is our own templates' output, where attributes are always quoted.
    """
    head = head_text(path)
    info = HeadInfo(noindex=noindex(head))
    for match in TAG.finditer(head):
        tag = match.group(1).lower()
        if tag == "body":
            break
        if not WANTED.search(match.group(2)):
            continue
        a = _attrs(match.group(2))
        rels = a.get("rel", "").lower().split()
        if tag == "link" and "canonical" in rels and info.canonical is None:
            info.canonical = a.get("href")
        elif tag == "link" and "alternate" in rels and a.get("hreflang") and "href" in a and not a.get("type"):
            info.alternates.setdefault(a["hreflang"], a["href"])
    return info


def own_url(rel: str, siteurl: str) -> str:
    """The URL a written file is served at: 'tahun/2024/index.html' -> <site address>/tahun/2024/."""
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return f"{siteurl}/{rel}"


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    alternates: tuple[tuple[str, str], ...]


def _relative(path: Path, output: Path, prefix: str) -> str | None:
    """`path` relative to the output folder, or None outside it (the usual case needs no resolve())."""
    name = str(path)
    if name.startswith(prefix) and ".." not in path.parts:
        return name[len(prefix):].replace("\\", "/")
    try:
        return path.resolve().relative_to(output).as_posix()
    except ValueError:
        return None


def collect(output: Path, written, siteurl: str) -> list[SitemapUrl]:
    urls = {}
    output = output.resolve()
    prefix = str(output) + "/"
    for name in written:
        path = Path(name)
        rel = _relative(path, output, prefix)
        if rel is None:
            continue
        if not path.is_file() or Path(rel).name == NOT_FOUND:
            continue
        head = read_head(path)
        loc = own_url(rel, siteurl)
        if head.noindex or (head.canonical and head.canonical != loc):
            continue
        alternates = tuple(sorted(head.alternates.items(), key=lambda kv: (kv[0] == "x-default", kv[0])))
        if len(alternates) < 2:
            alternates = ()
        urls[loc] = SitemapUrl(loc, alternates)
    return [urls[loc] for loc in sorted(urls)]


def render_sitemap(urls: list[SitemapUrl]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for item in urls:
        el = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(el, f"{{{SITEMAP_NS}}}loc").text = item.loc
        for hreflang, href in item.alternates:
            ET.SubElement(el, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": hreflang, "href": href})
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def render_robots(siteurl: str) -> bytes:
    lines = ["# Arsip Paritrana Award: every page may be crawled.", "User-agent: *", "Allow: /", "",
             f"Sitemap: {siteurl}/sitemap.xml"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_sitemap(pelican) -> None:
    """finalized receiver: write sitemap.xml and robots.txt at the root of the output."""
    settings = pelican.settings
    output = Path(pelican.output_path)
    address = siteurl(settings)
    if is_preview(settings):
        return  # the edit loop keeps the last build's sitemap until its complete build
    if settings.get("PARITRANA_SITEMAP", True):
        (output / "sitemap.xml").write_bytes(render_sitemap(collect(output, html_files(), address)))
    if settings.get("PARITRANA_ROBOTS", True):
        (output / "robots.txt").write_bytes(render_robots(address))
