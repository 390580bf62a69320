"""Search in a real browser: headless Debian Chromium, the built site served on 127.0.0.1.

Queries come from the data: a winner's regency ("Raja Ampat"), a regency alias ("Muba"), a
province short name ("Jateng"), an English province name on /en/search/. No request may leave
127.0.0.1. Skipped, saying why, when Chromium or playwright is missing (failed instead under CI=true).
"""

from __future__ import annotations

import time

import pytest

from browser_support import Visit
from quality_support import serving
from site_build import built_site, dataset  # noqa: F401

DATA = dataset()
PROVINCES = {p.code: p for p in DATA.provinces}
REGENCIES = {r.code: r for r in DATA.regencies}

pytestmark = pytest.mark.xdist_group("search-browser")


def regency_url(regency, lang="id") -> str:
    prefix = "/provinsi/" if lang == "id" else "/en/province/"
    return f"{prefix}{PROVINCES[regency.province_code].slug}/{regency.slug}/"


@pytest.fixture(scope="module")
def server(built_site):  # noqa: F811
    """The built site served on 127.0.0.1 (a free port) from a thread."""
    with serving(built_site.root) as base:
        yield base


class SearchVisit(Visit):
    """A browser page that records every request and refuses any that leaves the local server."""

    def __init__(self, chromium, base: str, javascript: bool = True):
        super().__init__(chromium, javascript=javascript, local=base, console=False)
        self.base = base

    def search(self, path: str, query: str) -> list[str]:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("#search:not([hidden])", timeout=15000)
        self.page.fill("#search-q", query)
        self.page.wait_for_selector("#search-results li a", timeout=15000)
        self.status_until(lambda text: text.strip() != "")
        return self.links()

    def status_until(self, condition, timeout: float = 15) -> str:
        """Poll the live status line from Python (the site's CSP forbids Playwright's eval-based waits)."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.page.inner_text("#search-status")
            if condition(text):
                return text
            assert time.monotonic() < deadline, f"status never matched; last: {text!r}"
            self.page.wait_for_timeout(100)

    def links(self) -> list[str]:
        return [a.get_attribute("href") for a in self.page.query_selector_all("#search-results li a.search-result-title")]

    def close(self):
        super().close()
        outside = [u for u in self.requests if not u.startswith(self.base + "/")]
        assert outside == [], f"requests left 127.0.0.1: {outside}"
        assert self.errors == [], f"script errors: {self.errors}"


@pytest.fixture
def visit(chromium, server):
    opened = []

    def open_visit(javascript: bool = True) -> SearchVisit:
        opened.append(SearchVisit(chromium, server, javascript))
        return opened[-1]

    yield open_visit
    for v in opened:
        v.close()


def test_a_winner_name_finds_its_page(visit):
    raja_ampat = next(r for r in DATA.regencies if r.short_name == "Raja Ampat")
    assert any(w.regency == raja_ampat.code for w in DATA.winners), "Raja Ampat is a known winner"
    v = visit()
    links = v.search("/cari/", raja_ampat.short_name)
    assert regency_url(raja_ampat) in links[:5], links
    assert any(".pf_meta" in u and "/pagefind.id_" in u for u in v.requests), "the Indonesian index is loaded"
    assert not any("/pagefind.en_" in u for u in v.requests)
    title = v.page.query_selector("#search-results li a.search-result-title").inner_text()
    assert title.strip()


def test_a_regency_alias_finds_the_regency(visit):
    muba = next(r for r in DATA.regencies if "Muba" in r.aliases)
    assert muba.name == "Kabupaten Musi Banyuasin"
    links = visit().search("/cari/", "Muba")
    assert regency_url(muba) in links[:5], links


@pytest.mark.parametrize("query,slug", [("Jateng", "jawa-tengah"), ("Jogja", "di-yogyakarta"),
                                        ("Babel", "kepulauan-bangka-belitung"), ("NTT", "nusa-tenggara-timur")])
def test_a_province_short_name_finds_the_province(visit, query, slug):
    assert any(query in p.short_names and p.slug == slug for p in DATA.provinces)
    links = visit().search("/cari/", query)
    assert f"/provinsi/{slug}/" in links[:5], links


def test_english_search_uses_the_english_index(visit):
    v = visit()
    links = v.search("/en/search/", "Central Java")
    assert "/en/province/jawa-tengah/" in links[:5], links
    assert all(link.startswith("/en/") for link in links), "English results only"
    assert any("/pagefind.en_" in u for u in v.requests) and not any("/pagefind.id_" in u for u in v.requests)
    status = v.page.inner_text("#search-status")
    assert "result" in status and "Central Java" in status


def test_english_query_for_a_winner(visit):
    raja_ampat = next(r for r in DATA.regencies if r.short_name == "Raja Ampat")
    links = visit().search("/en/search/", "Raja Ampat")
    assert regency_url(raja_ampat, "en") in links[:5], links


def test_filter_by_province_lists_only_its_pages(visit):
    v = visit()
    v.page.goto(v.base + "/cari/")
    v.page.wait_for_selector("#search:not([hidden])", timeout=15000)
    options = v.page.eval_on_selector_all("#search-province option", "els => els.map(e => e.value)")
    assert "Jawa Tengah" in options and "" in options
    v.page.select_option("#search-province", "Jawa Tengah")
    v.page.wait_for_selector("#search-results li a", timeout=15000)
    links = v.links()
    assert "/provinsi/jawa-tengah/" in links
    assert all(link.startswith("/provinsi/jawa-tengah/") for link in links), links
    assert "province=Jawa+Tengah" in v.page.url or "province=Jawa%20Tengah" in v.page.url


def test_a_search_can_be_linked(visit):
    v = visit()
    v.page.goto(v.base + "/cari/?q=Jateng&edition=2023")
    v.page.wait_for_selector("#search-results li a", timeout=15000)
    assert v.page.input_value("#search-q") == "Jateng"
    assert v.page.input_value("#search-edition") == "2023"
    assert v.links()


def test_no_result_says_so(visit):
    v = visit()
    v.page.goto(v.base + "/en/search/")
    v.page.wait_for_selector("#search:not([hidden])", timeout=15000)
    v.page.fill("#search-q", "zzqqxxnotaword")
    v.status_until(lambda text: "zzqqxxnotaword" in text)
    assert v.page.query_selector_all("#search-results li") == []
    assert v.page.is_hidden("#search-more")


def test_without_javascript_the_page_says_so_and_offers_browse_links(visit):
    v = visit(javascript=False)
    v.page.goto(v.base + "/cari/")
    assert v.page.is_hidden("#search")
    assert "JavaScript" in v.page.inner_text("main")
    for link in v.page.query_selector_all("ul.chip-list a"):
        assert link.is_visible()


def test_hidden_search_terms_are_not_shown(visit):
    v = visit()
    v.page.goto(v.base + "/provinsi/jawa-tengah/")
    assert v.page.is_hidden(".search-index-data")
    assert v.page.is_hidden(".search-index-data [data-pagefind-weight]")
