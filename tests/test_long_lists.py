"""Long listings at scale: a long province page lists the awards in none of its regencies and cities, a long
category page counts its winners per edition, a long place page offers its government's badges only; every
award stays listed on its edition page and its place page, and every link and anchor still resolves.

The bundled data stay under the default limits (their pages keep their full lists); these tests build
the bundled data again with tiny limits, so that every province and category page is "long".
"""

from __future__ import annotations

import json
import subprocess

import pytest

from site_build import LazyPages, ROOT, Site, dataset, pairs, winner_urls
from test_quality_links import Checker, html_references

from sitetools.build import build_env, pelican_command

DATA = dataset()
PAIRS = pairs(DATA)


def in_lang(url: str, lang: str) -> str:
    return url if lang == "id" else PAIRS[url]
LIST_LIMIT, BADGE_LIMIT = 3, 2


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("long-lists") / "out"
    cmd = pelican_command(out, settings={"PARITRANA_PAGES_LIST_LIMIT": LIST_LIMIT,
                                         "PARITRANA_SHARE_BADGE_LIMIT": BADGE_LIMIT})
    result = subprocess.run(cmd, cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-3000:]
    return Site(out, result.stdout, result.stderr, LazyPages(out))


def _place_url(w) -> str:
    urls = winner_urls(DATA, w)
    return urls.get("regency") or urls["province"]


def test_the_bundled_data_stay_under_the_default_limits(tmp_path):
    from paritrana_core.settings import apply_for

    limits = {"PATH": str(ROOT / "content"), "OUTPUT_PATH": str(tmp_path / "output")}
    apply_for(limits, "paritrana_pages", "paritrana_share")

    located = {}
    for w in DATA.winners:
        if w.province:
            located.setdefault(w.regency or w.province, []).append(w)
    by_category = {}
    for w in DATA.winners:
        by_category.setdefault(w.category, []).append(w)
    assert max(map(len, by_category.values())) <= limits["PARITRANA_PAGES_LIST_LIMIT"]
    assert max(map(len, located.values())) <= limits["PARITRANA_SHARE_BADGE_LIMIT"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_award_stays_on_its_edition_page_and_its_place_page(long_site, lang):
    missing = []
    for w in DATA.winners:
        urls = winner_urls(DATA, w)
        wanted = [urls["edition"]] + ([_place_url(w)] if w.province else [])
        for url in wanted:
            page = long_site.pages[in_lang(url, lang)]
            if page.by_id(w.id) is None:
                missing.append(f"{w.id} not on {in_lang(url, lang)}")
    assert not missing, "\n".join(missing[:30])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_long_province_page_lists_the_awards_outside_its_regencies_and_says_where_the_rest_are(long_site, lang):
    split = 0
    for province in DATA.provinces:
        located = [w for w in DATA.winners if w.province == province.code]
        others = [w for w in located if w.kind != "pemprov"]
        in_regencies = [w for w in others if w.regency]
        page = long_site.pages[in_lang(f"/provinsi/{province.slug}/", lang)]
        if len(others) <= LIST_LIMIT or not in_regencies:
            continue
        split += 1
        assert all(page.by_id(w.id) is None for w in in_regencies), province.slug
        assert all(page.by_id(w.id) is not None for w in located if not w.regency), province.slug
        section = page.by_id("pemenang").parent.text()
        count = str(len(in_regencies))
        assert count in section, (province.slug, count)
        hrefs = [a.attrs.get("href") for a in page.find_all("a")]
        assert "#kabupaten-kota" in hrefs and page.by_id("kabupaten-kota") is not None
    assert split >= 3, "the bundled data have several provinces with awards in their regencies"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_long_category_page_counts_its_winners_by_edition_and_links_the_edition_pages(long_site, lang):
    long = 0
    for category in DATA.categories:
        winners = [w for w in DATA.winners if w.category == category.slug]
        if len(winners) <= LIST_LIMIT:
            continue
        page = long_site.pages[in_lang(f"/kategori/{category.slug.replace('_', '-')}/", lang)]
        assert not page.find_all("table", cls="winners"), "no award listed one by one"
        table = page.by_id("pemenang-tabel").parent
        counted = 0
        for cell in table.find_all("td"):
            counted += sum(int("".join(ch for ch in a.text().split()[0] if ch.isdigit()))
                           for a in cell.find_all("a"))
        assert counted == len(winners), category.slug
        editions = {a.attrs["href"].split("#")[0] for a in table.find_all("a")}
        assert {in_lang(winner_urls(DATA, w)["edition"], lang) for w in winners} == editions
        long += 1
    assert long >= 3


def test_a_long_place_page_offers_its_governments_badges_only(long_site):
    checked = 0
    for regency in DATA.regencies:
        winners = [w for w in DATA.winners if w.regency == regency.code]
        if len(winners) <= BADGE_LIMIT:
            continue
        province = next(p.slug for p in DATA.provinces if p.code == regency.province_code)
        page = long_site.pages[f"/provinsi/{province}/{regency.slug}/"]
        offered = {img.attrs["src"].split("/")[-1].split(".")[0] for img in page.find_all("img")
                   if img.attrs.get("src", "").startswith("/lencana/")}
        own = sorted((w for w in winners if w.kind in ("pemkab", "pemkot")), key=lambda w: -(w.edition or 0))
        assert offered <= {w.id for w in own} and len(offered) == min(len(own), BADGE_LIMIT), regency.slug
        assert str(len(winners)) in page.by_id("lencana").parent.text()
        checked += 1
    assert checked
    on_disk = {p.stem for p in (long_site.root / "lencana").glob("*.svg")}
    assert on_disk and all(any(w.id == stem for w in DATA.winners) for stem in on_disk)


def test_every_link_and_anchor_of_the_long_pages_resolves(long_site):
    checker = Checker(long_site)
    for url in sorted(long_site.pages):
        if url.startswith(("/provinsi/", "/en/province/", "/kategori/", "/en/category/", "/data/", "/en/data/")):
            for what, href in html_references(long_site.pages[url]):
                checker.check(url, what, href)
    assert checker.checked > 1000
    assert not checker.problems, "\n".join(checker.problems[:30])


def test_the_api_documents_hold_what_the_data_page_links_as_json(long_site):
    page = long_site.pages["/en/data/"]
    api = [a.attrs["href"] for a in page.find_all("a", cls="dl-file") if a.attrs["href"].startswith("/api/")]
    assert api
    for href in api:
        json.loads((long_site.root / href.lstrip("/")).read_text(encoding="utf-8"))
