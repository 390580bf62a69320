"""The search page keeps still while it loads (Lighthouse: cumulative layout shift 0, performance 100):
the form holds its place, invisible, until search.js reveals it; without JavaScript it takes no room."""

from __future__ import annotations

import pytest

from quality_support import browser, need, serving
from site_build import built_site  # noqa: F401

PHONE = {"width": 412, "height": 823}
SHIFTS = """window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
  .observe({type: 'layout-shift', buffered: true});"""

pytestmark = pytest.mark.xdist_group("publish-layout")


@pytest.mark.parametrize("url", ["/cari/", "/en/search/"])
def test_nothing_moves_when_the_search_form_appears(built_site, url):  # noqa: F811
    need("chromium")
    with serving(built_site.root) as base, browser() as chromium:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        page.add_init_script(SHIFTS)
        page.goto(base + url, wait_until="load")
        page.wait_for_selector("#search:not([hidden])", timeout=15000)
        page.wait_for_timeout(300)
        shifts = page.evaluate("window.__shifts")
        context.close()
        quiet = chromium.new_context(viewport=PHONE, java_script_enabled=False)
        page = quiet.new_page()
        page.goto(base + url, wait_until="load")
        display = page.evaluate("getComputedStyle(document.getElementById('search')).display")
        quiet.close()
    assert sum(shifts) == 0, f"{url}: layout shifts {shifts}"
    assert display == "none", "without JavaScript the form must take no room"
