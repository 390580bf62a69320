"""Trust and polish on every page: the not-official line, one empty state, folded provincial rounds,
source wording quoted in its own language."""

from __future__ import annotations

import pytest

from site_build import built_site  # noqa: F401

DISCLAIMER = {"id": "Arsip independen, bukan situs resmi BPJS Ketenagakerjaan maupun Kemenko PMK.",
              "en": "Independent archive, not an official site of BPJS Ketenagakerjaan or Kemenko PMK."}


def test_every_page_says_it_is_not_an_official_site(built_site):  # noqa: F811
    missing, checked = [], 0
    for url in built_site.pages:
        page = built_site.pages[url]
        if not page.find_all("header"):
            continue  # printable summaries and other pages without the site's header
        checked += 1
        lines = [" ".join(p.text().split()) for p in page.find_all("p", cls="site-disclaimer")]
        if lines != [DISCLAIMER[page.lang]]:
            missing.append(url)
    assert checked > 200 and not missing, missing[:10]


@pytest.mark.parametrize("url", ["/tahun/2024/", "/en/year/2024/"])
def test_an_edition_without_national_results_says_so_once(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    assert len(page.find_all("p", cls="no-data")) == 1
    assert not page.find_all("p", cls="gaps") or all("provin" in p.text().lower() for p in page.find_all("p", cls="gaps"))


@pytest.mark.parametrize("url", ["/tahun/2023/", "/en/year/2023/"])
def test_provincial_rounds_fold_and_the_jump_list_reaches_them(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    rounds = page.find_all("details", cls="round")
    assert len(rounds) >= 10 and not any("open" in d.attrs for d in rounds)
    toc = {a.attrs["href"].lstrip("#") for a in page.find_all("nav", cls="toc")[0].find_all("a")}
    assert {d.attrs["id"] for d in rounds} <= toc


@pytest.mark.parametrize("url", ["/en/year/2023/", "/en/province/jambi/"])
def test_source_wording_on_english_pages_is_a_quotation_in_indonesian(built_site, url):  # noqa: F811
    page = built_site.pages[url]
    titles = page.find_all("q", cls="award-title")
    assert titles and all(q.attrs.get("lang") == "id" for q in titles)
    cells = [td for td in page.find_all("td") if "c-place" in td.attrs.get("class", "")]
    assert cells and not any("Paritrana Award 2024" in td.text() for td in cells), "no source wording as a label"
