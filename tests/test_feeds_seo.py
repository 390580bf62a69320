"""schema.org JSON-LD: a BreadcrumbList on every page, a Dataset on the data pages."""

from __future__ import annotations

import json

import pytest

from site_build import ROOT, built_site  # noqa: F401

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def blocks(page) -> list[dict]:
    found = []
    for script in page.find_all("script", type="application/ld+json"):
        found.append(json.loads(script.text()))  # raises on invalid JSON
    return found


def test_every_page_has_a_breadcrumb_list_ending_at_itself(built_site):  # noqa: F811
    assert len(built_site.pages) > 100
    for url in built_site.pages:
        page = built_site.pages[url]
        lists = [b for b in blocks(page) if b.get("@type") == "BreadcrumbList"]
        assert len(lists) == 1, f"{url}: {len(lists)} BreadcrumbList blocks"
        crumbs = lists[0]
        assert crumbs["@context"] == "https://schema.org"
        items = crumbs["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1)), url
        assert all(i["@type"] == "ListItem" and i["name"].strip() for i in items), url
        assert items[-1]["item"] == url, f"{url}: the last crumb is the page itself"
        assert items[0]["item"] == ("/en/" if page.lang == "en" else "/"), f"{url}: the trail starts at home"


def test_breadcrumb_items_resolve_and_match_the_visible_trail(built_site):  # noqa: F811
    for url in ("/provinsi/papua-barat-daya/kabupaten-raja-ampat/", "/en/year/2023/", "/tentang/", "/en/search/"):
        page = built_site.pages[url]
        items = next(b for b in blocks(page) if b["@type"] == "BreadcrumbList")["itemListElement"]
        for item in items:
            assert built_site.resolve(url, item["item"])[1].is_file(), f"{url}: {item['item']}"
        trail = page.find_all("nav", cls="breadcrumbs")
        assert trail, url
        visible = [a.text() for a in trail[0].find_all("a")] + [trail[0].find_all("span")[-1].text()]
        assert [i["name"] for i in items] == visible, url


def test_json_ld_is_safe_inside_the_script_element(built_site):  # noqa: F811
    for url in list(built_site.pages)[::25]:
        source = built_site.pages[url].source
        for chunk in source.split('<script type="application/ld+json">')[1:]:
            body = chunk.split("</script>", 1)[0]
            assert "<" not in body and ">" not in body, f"{url}: unescaped markup in JSON-LD"


def _data_pages(built_site):  # noqa: F811
    return [u for u in ("/data/", "/en/data/") if u in built_site.pages]


def test_data_pages_have_a_dataset(built_site):  # noqa: F811
    pages = _data_pages(built_site)
    if not pages:
        pytest.skip("no data pages in this build (the downloads plugin writes /data/ and /en/data/)")
    for url in pages:
        sets = [b for b in blocks(built_site.pages[url]) if b.get("@type") == "Dataset"]
        assert len(sets) == 1, url
        check_dataset(sets[0], url)


def check_dataset(block: dict, url: str) -> None:
    assert block["@context"] == "https://schema.org"
    assert block["name"] and len(block["description"]) >= 50
    assert block["license"] == CC_BY
    assert block["url"] == url
    assert [d["contentUrl"] for d in block["distribution"]] == ["/datapackage.json"]
    assert all(d["@type"] == "DataDownload" for d in block["distribution"])
    assert block["temporalCoverage"].startswith("2017/")


def test_dataset_block_for_a_data_page():
    """Rendered the way _head_seo.html calls it, for a page whose key is ("data",)."""
    from paritrana_core.page import Link, Page
    from paritrana_feeds.seo import JsonLd

    settings = {"SITEURL": "", "PARITRANA_DATA_DIR": str(ROOT / "data"), "THEME": str(ROOT / "theme"),
                "PARITRANA_LANGUAGES": ("id", "en")}
    builder = JsonLd(settings, {})
    for code, url in (("id", "data/"), ("en", "en/data/")):
        meta = Page(("data",), code, url, "data", "Data", "", [Link("Home", "" if code == "id" else "en/")], {})
        found = builder(meta, code)
        assert [b["@type"] for b in found] == ["BreadcrumbList", "Dataset"]
        check_dataset(found[1], "/" + url)
        assert found[1]["inLanguage"] == code
    assert [b["@type"] for b in builder(Page(("home",), "id", "", "home", "Beranda", "", [], {}), "id")] == \
        ["BreadcrumbList"]
