"""sitemap.xml lists every page with its hreflang alternates (attribute `href`), robots.txt points to it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from site_build import built_site  # noqa: F401

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def sitemap(built_site):  # noqa: F811
    path = built_site.root / "sitemap.xml"
    assert path.is_file(), "sitemap.xml was not written at the root of the output"
    root = ET.parse(path).getroot()
    assert root.tag == SM + "urlset"
    entries = {}
    for url in root.findall(SM + "url"):
        locs = url.findall(SM + "loc")
        assert len(locs) == 1, "every <url> has exactly one <loc>"
        loc = locs[0].text
        assert loc not in entries, f"{loc} listed twice"
        entries[loc] = url.findall(XHTML + "link")
    return entries


def is_404(url: str) -> bool:
    return url.rsplit("/", 1)[-1] == "404.html"


def is_print(url: str) -> bool:
    return url.endswith(("/cetak/", "/print/"))


def noindex(page) -> bool:
    return any("noindex" in m.attrs.get("content", "") for m in page.find_all("meta", name="robots"))


def moved(page) -> bool:
    """The old address of a merged category (paritrana_moved): it sends readers on at once."""
    return any(m.attrs.get("http-equiv") == "refresh" for m in page.find_all("meta"))


def test_every_page_is_listed_except_not_found_and_print_pages(built_site, sitemap):  # noqa: F811
    left_out = {url for url in built_site.pages if noindex(built_site.pages[url])}
    assert {url for url in left_out if not (is_404(url) or is_print(url) or moved(built_site.pages[url]))} == set(), \
        "only 404, print and moved pages"
    assert {url for url in built_site.pages if is_404(url) or is_print(url)} <= left_out
    assert set(sitemap) == set(built_site.pages) - left_out
    assert "/cari/" in sitemap and "/en/search/" in sitemap


def test_every_loc_resolves_to_a_built_page(built_site, sitemap):  # noqa: F811
    missing = [loc for loc in sitemap if not built_site.resolve("/", loc)[1].is_file()]
    assert missing == []


def test_locs_are_the_pages_canonical_urls(built_site, sitemap):  # noqa: F811
    for loc in list(sitemap)[:: max(1, len(sitemap) // 40)]:
        canonical = [el.attrs["href"] for el in built_site.pages[loc].find_all("link", rel="canonical")]
        assert canonical == [loc]


def test_alternates_use_href_and_resolve(built_site, sitemap):  # noqa: F811
    assert sum(bool(links) for links in sitemap.values()) == len(sitemap), "every page has a translation"
    for loc, links in sitemap.items():
        langs = []
        for link in links:
            assert set(link.attrib) == {"rel", "hreflang", "href"}, f"{loc}: {link.attrib} (must be href=, not ref=)"
            assert link.attrib["rel"] == "alternate"
            langs.append(link.attrib["hreflang"])
            assert built_site.resolve("/", link.attrib["href"])[1].is_file(), f"{loc}: {link.attrib['href']}"
        assert sorted(langs) == ["en", "id", "x-default"], loc


def test_alternates_match_the_pages_and_are_reciprocal(built_site, sitemap):  # noqa: F811
    for loc, links in sitemap.items():
        alternates = {link.attrib["hreflang"]: link.attrib["href"] for link in links}
        page = built_site.pages[loc]
        assert alternates == {lang: hrefs[0] for lang, hrefs in page.alternates().items()}, loc
        assert loc in (alternates["id"], alternates["en"]), f"{loc} is not among its own alternates"
        for lang in ("id", "en"):
            other = {link.attrib["hreflang"]: link.attrib["href"] for link in sitemap[alternates[lang]]}
            assert other == alternates, f"{loc} and {alternates[lang]} disagree on their versions"
        assert alternates["x-default"] == alternates["id"]


def test_sitemap_pairs_the_known_translations(sitemap):
    pairs = {"/": "/en/", "/tahun/2023/": "/en/year/2023/", "/provinsi/jawa-tengah/": "/en/province/jawa-tengah/",
             "/koreksi/": "/en/corrections/", "/cari/": "/en/search/"}
    for id_url, en_url in pairs.items():
        alternates = {link.attrib["hreflang"]: link.attrib["href"] for link in sitemap[id_url]}
        assert alternates["en"] == en_url and alternates["id"] == id_url


def test_not_found_pages_say_noindex(built_site):  # noqa: F811
    for url in ("/404.html", "/en/404.html"):
        robots = [m.attrs.get("content") for m in built_site.pages[url].find_all("meta", name="robots")]
        assert robots == ["noindex"], url


def test_robots_txt_allows_all_and_points_to_the_sitemap(built_site):  # noqa: F811
    lines = (built_site.root / "robots.txt").read_text(encoding="utf-8").splitlines()
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules[:2] == ["User-agent: *", "Allow: /"]
    assert not any(line.lower().startswith("disallow") and line.split(":", 1)[1].strip() for line in rules)
    sitemaps = [line.split(":", 1)[1].strip() for line in rules if line.lower().startswith("sitemap:")]
    assert sitemaps == ["/sitemap.xml"]  # site-relative in a local build (SITEURL ''); absolute when published
    assert built_site.resolve("/", sitemaps[0])[1].is_file()


def test_published_urls_are_absolute(tmp_path):
    """With SITEURL set, the sitemap and robots.txt use absolute URLs (unit test of the writer)."""
    from paritrana_feeds.sitemap import collect, render_robots, render_sitemap

    site = tmp_path / "out"
    (site / "en").mkdir(parents=True)
    head = ('<html><head><link rel="canonical" href="https://example.org/arsip/{own}">'
            '<link rel="alternate" hreflang="en" href="https://example.org/arsip/en/">'
            '<link rel="alternate" hreflang="id" href="https://example.org/arsip/">'
            '<link rel="alternate" hreflang="x-default" href="https://example.org/arsip/">'
            '<link rel="alternate" type="application/atom+xml" href="https://example.org/arsip/f.xml">'
            '</head><body></body></html>')
    (site / "index.html").write_text(head.format(own=""), encoding="utf-8")
    (site / "en" / "index.html").write_text(head.format(own="en/"), encoding="utf-8")
    (site / "print.html").write_text(head.format(own=""), encoding="utf-8")  # canonical elsewhere: left out
    urls = collect(site, [str(p) for p in sorted(site.rglob("*.html"))], "https://example.org/arsip")
    assert [u.loc for u in urls] == ["https://example.org/arsip/", "https://example.org/arsip/en/"]
    xml = render_sitemap(urls).decode()
    assert 'href="https://example.org/arsip/en/"' in xml and " ref=" not in xml and "f.xml" not in xml
    assert render_robots("https://example.org/arsip").decode().endswith("Sitemap: https://example.org/arsip/sitemap.xml\n")
