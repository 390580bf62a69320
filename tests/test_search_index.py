"""The Pagefind index: one per language, built with the site, deterministic; filters and short names."""

from __future__ import annotations

import json
import shutil

import pytest

from site_build import built_site, dataset  # noqa: F401

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
SEARCH_PAGES = {"id": "/cari/", "en": "/en/search/"}


def bundle(site):
    return site.root / "pagefind"


def indexable(site, lang: str) -> list[str]:
    """The built pages of one language that belong in the index: not the search page, nor a page marked
    noindex (404 pages, printable summaries)."""
    return [url for url in site.pages if site.pages[url].lang == lang and url not in SEARCH_PAGES.values()
            and not any("noindex" in m.attrs.get("content", "") for m in site.pages[url].find_all("meta", name="robots"))]


def test_one_index_per_language(built_site):  # noqa: F811
    entry = json.loads((bundle(built_site) / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"id", "en"}, "Pagefind splits the index by <html lang>"
    for lang, info in entry["languages"].items():
        assert info["page_count"] == len(indexable(built_site, lang)), lang
        assert (bundle(built_site) / f"pagefind.{info['hash']}.pf_meta").is_file()
        assert (bundle(built_site) / f"wasm.{info['wasm']}.pagefind").is_file()
    assert entry["languages"]["id"]["page_count"] == entry["languages"]["en"]["page_count"]
    for name in ("pagefind.js", "pagefind-worker.js"):
        assert (bundle(built_site) / name).is_file()
    assert list((bundle(built_site) / "fragment").iterdir()) and list((bundle(built_site) / "index").iterdir())


def test_pages_are_tagged_with_their_language(built_site):  # noqa: F811
    langs = {built_site.pages[url].lang for url in built_site.pages}
    assert langs == {"id", "en"}


def hidden_data(page):
    found = page.find_all("div", cls="search-index-data")
    assert len(found) == 1, f"{page.url}: one hidden search-data block"
    assert "hidden" in found[0].attrs
    return found[0]


def filters_of(page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for el in hidden_data(page).iter():
        value = el.attrs.get("data-pagefind-filter")
        if value:
            name, _, text = value.partition(":")
            found.setdefault(name, []).append(text)
    return found


def terms_of(page) -> str:
    weighted = [el for el in hidden_data(page).iter() if "data-pagefind-weight" in el.attrs]
    return " ".join(el.text() for el in weighted)


def test_short_names_of_every_province_are_indexed(built_site):  # noqa: F811
    for province in DATA.provinces:
        for url in (f"/provinsi/{province.slug}/", f"/en/province/{province.slug}/"):
            terms = terms_of(built_site.pages[url])
            for short in province.short_names:
                assert short in terms, f"{url}: '{short}' not indexed"
    for url, name in (("/provinsi/jawa-tengah/", "Jateng"), ("/provinsi/di-yogyakarta/", "Jogja"),
                      ("/provinsi/kepulauan-bangka-belitung/", "Babel"), ("/provinsi/nusa-tenggara-timur/", "NTT")):
        assert name in terms_of(built_site.pages[url]).split(" · ")


def test_aliases_of_regencies_with_a_page_are_indexed(built_site):  # noqa: F811
    slugs = {p.code: p.slug for p in DATA.provinces}
    checked = 0
    for regency in DATA.regencies:
        url = f"/provinsi/{slugs[regency.province_code]}/{regency.slug}/"
        if url not in built_site.pages:
            continue
        for alias in regency.aliases:
            assert alias in terms_of(built_site.pages[url]), f"{url}: '{alias}' not indexed"
            checked += 1
    assert checked, "some regency with a page has an alias"
    assert "Muba" in terms_of(built_site.pages["/provinsi/sumatera-selatan/kabupaten-musi-banyuasin/"])


def test_filters_on_place_edition_and_category_pages(built_site):  # noqa: F811
    jateng = filters_of(built_site.pages["/provinsi/jawa-tengah/"])
    assert jateng["province"] == ["Jawa Tengah"]
    assert set(jateng) == {"province", "edition", "category", "level"}
    assert filters_of(built_site.pages["/en/province/jawa-tengah/"])["province"] == ["Central Java"]
    muba = filters_of(built_site.pages["/provinsi/sumatera-selatan/kabupaten-musi-banyuasin/"])
    assert muba["province"] == ["Sumatera Selatan"]
    muba_code = next(r.code for r in DATA.regencies if r.slug == "kabupaten-musi-banyuasin")
    wins = {str(w.edition) for w in DATA.winners if w.regency == muba_code and w.edition is not None}
    assert set(muba["edition"]) == wins
    edition = filters_of(built_site.pages["/tahun/2023/"])
    assert edition["edition"] == ["2023"] and set(edition["level"]) == {"Nasional", "Babak provinsi"}
    assert "province" not in edition
    category = filters_of(built_site.pages["/en/category/umkm/"])
    assert category["category"] and "province" not in category
    assert filters_of(built_site.pages["/tentang/"]) == {}


def test_search_pages_are_not_indexed_and_not_found_pages_neither(built_site):  # noqa: F811
    for url in list(SEARCH_PAGES.values()) + ["/404.html", "/en/404.html"]:
        assert url not in indexable(built_site, built_site.pages[url].lang)
    for lang in ("id", "en"):
        assert not [u for u in indexable(built_site, lang) if u.endswith(("/cetak/", "/print/"))]


def test_search_page_works_without_javascript_by_pointing_to_browse_pages(built_site):  # noqa: F811
    for lang, url in SEARCH_PAGES.items():
        page = built_site.pages[url]
        assert page.lang == lang
        notice = page.find_all("noscript")
        assert notice and "JavaScript" in notice[0].text(), f"{url}: says plainly that search needs JavaScript"
        form = page.by_id("search")
        assert form is not None and "hidden" in form.attrs, "the form is shown only once the script runs"
        browse = [a.attrs["href"] for a in page.find_all("ul", cls="chip-list")[0].find_all("a")]
        assert len(browse) >= 3
        assert all(built_site.resolve(url, href)[1].is_file() for href in browse)
        for script in page.find_all("script"):
            if script.attrs.get("type") == "application/ld+json":
                continue
            assert script.attrs.get("type") == "module" and script.attrs.get("src", "").startswith("/")
            assert built_site.resolve(url, script.attrs["src"])[1].is_file()
        assert built_site.resolve(url, form.attrs["data-bundle"])[1] == bundle(built_site) / "pagefind.js"
        labels = {el.attrs["for"] for el in form.find_all("label")}
        controls = {el.attrs["id"] for el in form.find_all("input") + form.find_all("select")}
        assert controls <= labels, "every control has a label"
        assert {el.attrs["name"] for el in form.find_all("select")} == {"edition", "category", "province", "level"}


def test_search_is_in_the_navigation(built_site):  # noqa: F811
    for url, target in (("/", "/cari/"), ("/en/year/2023/", "/en/search/")):
        links = [a.attrs["href"] for a in built_site.pages[url].find_all("nav", cls="site-nav")[0].find_all("a")]
        assert target in links


def test_pagefind_output_is_deterministic(built_site, tmp_path):  # noqa: F811
    """Indexing the same pages again gives a byte-identical bundle."""
    from paritrana_search.indexer import build_index
    from paritrana_search.settings import DEFAULTS

    copy = tmp_path / "site"
    shutil.copytree(built_site.root, copy, ignore=shutil.ignore_patterns("pagefind"))
    settings = {**DEFAULTS, "PARITRANA_LANGUAGES": ("id", "en")}
    build_index(copy, settings, [str(p) for p in copy.rglob("*.html")])
    first = {p.relative_to(bundle(built_site)).as_posix(): p.read_bytes()
             for p in sorted(bundle(built_site).rglob("*")) if p.is_file()}
    second = {p.relative_to(copy / "pagefind").as_posix(): p.read_bytes()
              for p in sorted((copy / "pagefind").rglob("*")) if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.mark.parametrize("key,value", [("PARITRANA_SEARCH_INDEX", "yes"), ("PARITRANA_SEARCH_BUNDLE_DIR", "../x"),
                                       ("PARITRANA_SEARCH_EXCLUDE_SELECTORS", "thead"),
                                       ("PARITRANA_SEARCH_TIMEOUT", 0)])
def test_bad_settings_stop_with_a_message(key, value):
    from paritrana_core.settings import SettingsError, apply_for

    with pytest.raises(SettingsError, match=key):
        apply_for({key: value}, "paritrana_search")


def test_each_award_is_searchable_on_exactly_one_page_its_most_specific(built_site):  # noqa: F811
    """Award rows appear on several pages; only the row on the award's regency (else province, else
    edition) page is indexed, so a search finds it once and lands on its most specific page."""
    from site_build import winner_urls

    searchable: dict[str, list[str]] = {}
    listed: dict[str, int] = {}
    for url in built_site.pages:
        if built_site.pages[url].lang != "id":
            continue
        for row in built_site.pages[url].find_all("tr"):
            rid = row.attrs.get("id")
            if not rid:
                continue
            listed[rid] = listed.get(rid, 0) + 1
            if "data-pagefind-ignore" not in row.attrs:
                searchable.setdefault(rid, []).append(url)
    problems = []
    for w in DATA.winners:
        urls = winner_urls(DATA, w)
        home = urls.get("regency") or urls.get("province") or urls["edition"]
        if searchable.get(w.id) != [home]:
            problems.append(f"{w.id}: searchable on {searchable.get(w.id)}, expected [{home}]")
    assert sum(listed.values()) > 2 * len(DATA.winners), "awards are listed on several pages"
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:20])
