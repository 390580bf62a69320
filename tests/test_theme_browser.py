"""The longest province page in headless Chromium on a phone-sized screen, in both languages:

- nothing on screen moves while the reader scrolls down the page and back up (no layout shift);
- a link to a row of the last table lands on that row;
- find in page finds text in the last table, far below the screen.

Its winners tables and share-kit badges are not left to content-visibility: auto: Lighthouse's
target-size check measures the links in parts not yet drawn as overlapping (accessibility 97, not 100).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from browser_support import Visit
from quality_support import page_types, serving
from site_build import built_site  # noqa: F401

PHONE = {"width": 412, "height": 823}
SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(
  {value: e.value, nodes: e.sources.map((s) => (s.node && s.node.outerHTML || String(s.node)).slice(0, 100))}); })
  .observe({type: 'layout-shift', buffered: true});"""


@pytest.fixture(scope="module")
def province(built_site, chromium):  # noqa: F811
    """(base URL, browser, the longest province page in Indonesian and English)."""
    with serving(built_site.root) as base:
        yield base, chromium, page_types(built_site.root)["province"]


@contextmanager
def _opened(chromium, url: str):
    """The page at `url` on a phone-sized screen, layout shifts recorded from the start."""
    with Visit(chromium, width=PHONE["width"], height=PHONE["height"]) as visit:
        page = visit.page
        page.add_init_script(SHIFTS)
        page.goto(url, wait_until="load")
        yield page


pytestmark = pytest.mark.xdist_group("theme-browser")
LANGS = pytest.mark.parametrize("lang", [0, 1], ids=["id", "en"])


@LANGS
def test_scrolling_through_the_page_moves_nothing_on_screen(province, lang):
    base, chromium, urls = province
    with _opened(chromium, base + urls[lang]) as page:
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in [*range(0, height + PHONE["height"], PHONE["height"] // 2), *range(height, -1, -PHONE["height"] // 2)]:
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(20)
        shifts = page.evaluate("window.__shifts")
        assert not shifts, f"{urls[lang]}: layout shifts while scrolling: {shifts[:5]}"


@LANGS
def test_a_link_to_a_row_of_the_last_table_lands_on_it(province, lang):
    base, chromium, urls = province
    with _opened(chromium, base + urls[lang]) as page:
        row = page.evaluate("() => [...document.querySelectorAll('.table-scroll tr[id]')].pop().id")
        page.goto(f"{base}{urls[lang]}#{row}", wait_until="load")
        page.wait_for_timeout(100)
        top = page.evaluate(f"() => document.getElementById('{row}').getBoundingClientRect().top")
        assert abs(top) <= 2, f"{urls[lang]}#{row} is {top} px from the top of the window"


@LANGS
def test_find_in_page_finds_text_far_down_the_page(province, lang):
    base, chromium, urls = province
    with _opened(chromium, base + urls[lang]) as page:
        # The last winner's name that the kabupaten/kota map's table above does not list too.
        name = page.evaluate("""() => [...document.querySelectorAll('.table-scroll .winner-name')].map(e => e.textContent)
            .filter(t => !(document.getElementById('peta-kabupaten-kota')?.textContent || '').includes(t)).pop()""")
        assert page.evaluate("(name) => window.find(name)", name), f"{urls[lang]}: {name!r} not found"
        assert page.evaluate("() => getSelection().anchorNode.parentElement.closest('.table-scroll') !== null")
        assert page.evaluate("scrollY") > PHONE["height"], "the window scrolled to what was found"
